import { describe, expect, it } from 'vitest';
import type { Dashboard } from '../../shared/api/dashboard';
import {
  childSegmentsChart,
  segmentsChart,
  warningGradesChart,
  yearChart,
} from '../../web/src/lib/dashboard/chart-options';
import { gradeTotal, kindTotal } from '../../web/src/lib/dashboard/labels';

const grades = (red: number, orange: number, yellow: number, blue: number) => ({ red, orange, yellow, blue });
const year = (i: number, h: number, c: number) => ({ inspectionsCompleted: i, hazardsIssued: h, hazardsConfirmed: c });

const city: Dashboard = {
  category: 'hazchem',
  region: { code: '3505', name: '泉州市', fullName: '福建省泉州市', level: 'city' },
  trail: [
    { code: '35', name: '福建省' },
    { code: '3505', name: '泉州市' },
  ],
  children: [
    { code: '350502', name: '鲤城区' },
    { code: '350583', name: '南安市' },
  ],
  asOf: '2026-12-06T10:00:00.000Z',
  year: '2026',
  segments: [
    { code: 'production', name: '生产', count: 7 },
    { code: 'storage', name: '储存', count: 3 },
  ],
  childSegments: [
    { code: '350502', counts: { production: 2, storage: 1 } },
    { code: '350583', counts: { production: 5 } },
  ],
  warnings: {
    total: 21,
    byKind: {
      licence: grades(1, 2, 3, 4),
      personCert: grades(0, 1, 0, 2),
      hazard: grades(5, 0, 0, 0),
      flow: grades(3, 0, 0, 0),
    },
  },
  thisYear: year(9, 4, 2),
  childYear: [
    { code: '350502', figures: year(4, 1, 1) },
    { code: '350583', figures: year(5, 3, 1) },
  ],
};

type Series = { name: string; data: unknown[]; stack?: string; type: string };
const seriesOf = (o: Record<string, unknown>) => o.series as Series[];
const axisNames = (o: Record<string, unknown>) => (o.yAxis as { data: string[] }).data;

describe('the 首页 chart options', () => {
  it('draws the region’s enterprises per segment as labelled horizontal bars, in Chinese', () => {
    const c = segmentsChart(city);
    expect(axisNames(c.option)).toEqual(['生产', '储存']);
    expect(seriesOf(c.option)).toMatchObject([{ type: 'bar', name: '从业单位（家）', data: [7, 3] }]);
    // Names on the left, never rotated, so they read at 390 px; the grid keeps them inside.
    expect(c.option.grid).toMatchObject({ containLabel: true });
    expect(c.height).toBeGreaterThanOrEqual(160);
  });

  it('stacks each child region’s segments, a missing count as 0, in the children’s order (a click’s index)', () => {
    const c = childSegmentsChart(city);
    expect(axisNames(c.option)).toEqual(['鲤城区', '南安市']);
    expect(seriesOf(c.option).map((s) => [s.name, s.stack, s.data])).toEqual([
      ['生产', 'segments', [2, 5]],
      ['储存', 'segments', [1, 0]],
    ]);
  });

  it('grows with the rows so that fourteen counties stay readable', () => {
    const many = {
      ...city,
      children: Array.from({ length: 14 }, (_, i) => ({ code: `3505${i}`, name: `县${i}` })),
      childSegments: [],
    };
    expect(childSegmentsChart(many).height).toBeGreaterThan(childSegmentsChart(city).height + 300);
  });

  it('sums the warnings by grade across the four kinds, in the grades’ colours, the total in the middle', () => {
    const c = warningGradesChart(city);
    const [pie] = seriesOf(c.option) as unknown as [{ data: { name: string; value: number; itemStyle: object }[] }];
    expect(pie.data.map((d) => [d.name, d.value])).toEqual([
      ['红色预警', 9],
      ['橙色预警', 3],
      ['黄色预警', 3],
      ['蓝色预警', 6],
    ]);
    expect(pie.data[0]!.itemStyle).toEqual({ color: '#d92d20' });
    expect(c.option.title).toMatchObject({ text: '21', subtext: '条预警' });
    expect(gradeTotal(city, 'red')).toBe(9);
    expect(kindTotal(city, 'licence')).toBe(10);
  });

  it('shows this year per child region, or the county’s own figures when it has no children', () => {
    const c = yearChart(city);
    expect(axisNames(c.option)).toEqual(['鲤城区', '南安市']);
    expect(seriesOf(c.option).map((s) => [s.name, s.data])).toEqual([
      ['完成检查', [4, 5]],
      ['下发隐患', [1, 3]],
      ['隐患已整改', [1, 1]],
    ]);
    const county = yearChart({
      ...city,
      region: { code: '350583', name: '南安市', fullName: '福建省泉州市南安市', level: 'county' },
      children: [],
      childYear: [],
      thisYear: year(5, 3, 1),
    });
    expect(axisNames(county.option)).toEqual(['南安市']);
    expect(seriesOf(county.option).map((s) => s.data)).toEqual([[5], [3], [1]]);
  });
});
