/**
 * The 首页's ECharts options, built from the dashboard's answer — pure functions (unit-tested), in Chinese, laid out
 * to read at 390 px: horizontal bars (names on the left, never rotated), the grid containing its labels, legends at
 * the bottom and scrolling. Each builder returns the option and the chart's height for its number of rows.
 */
import type { Dashboard } from '../../../../shared/api/dashboard';
import { GRADE_COLORS, GRADE_LABELS, WARNING_GRADES, gradeTotal } from './labels';

/** The option object ECharts takes (kept structural so this module imports nothing of ECharts). */
export type ChartOption = Record<string, unknown>;
export interface Chart {
  option: ChartOption;
  /** Pixels: grows with the rows so that every name stays readable. */
  height: number;
}

const ROW_PX = 30;
const heightFor = (rows: number, legend = false) => Math.max(160, 48 + rows * ROW_PX + (legend ? 40 : 0));

const base = (): ChartOption => ({
  // The SVG renderer draws text as text: selectable, and readable by the tests.
  animation: false,
  textStyle: { fontFamily: 'inherit' },
  tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, confine: true },
  grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
});

const categoryAxis = (names: readonly string[]) => ({
  type: 'category',
  data: names,
  inverse: true,
  axisTick: { show: false },
  axisLabel: { width: 96, overflow: 'truncate' },
});

const valueAxis = { type: 'value', minInterval: 1, splitLine: { lineStyle: { type: 'dashed' } } };

/** 从业单位: the region's enterprises per segment (截止目前<辖区>内共有 …). */
export function segmentsChart(d: Pick<Dashboard, 'segments'>): Chart {
  return {
    option: {
      ...base(),
      yAxis: categoryAxis(d.segments.map((s) => s.name)),
      xAxis: valueAxis,
      series: [
        {
          type: 'bar',
          name: '从业单位（家）',
          data: d.segments.map((s) => s.count),
          barMaxWidth: 18,
          label: { show: true, position: 'right' },
          itemStyle: { color: '#1f6feb' },
        },
      ],
    },
    height: heightFor(d.segments.length),
  };
}

/** 各地从业单位: one stacked bar per child region (a click drills down into it), a stack per segment. */
export function childSegmentsChart(d: Pick<Dashboard, 'segments' | 'children' | 'childSegments'>): Chart {
  const byCode = new Map(d.childSegments.map((c) => [c.code, c.counts]));
  return {
    option: {
      ...base(),
      grid: { left: 8, right: 24, top: 8, bottom: 48, containLabel: true },
      legend: { type: 'scroll', bottom: 0 },
      yAxis: categoryAxis(d.children.map((c) => c.name)),
      xAxis: valueAxis,
      series: d.segments.map((s) => ({
        type: 'bar',
        name: s.name,
        stack: 'segments',
        barMaxWidth: 18,
        emphasis: { focus: 'series' },
        data: d.children.map((c) => byCode.get(c.code)?.[s.code] ?? 0),
      })),
    },
    height: heightFor(d.children.length, true),
  };
}

/** 预警信息 by grade: a ring of the four grades in their colours, the total in the middle. */
export function warningGradesChart(d: Pick<Dashboard, 'warnings'>): Chart {
  return {
    option: {
      animation: false,
      textStyle: { fontFamily: 'inherit' },
      tooltip: { trigger: 'item', formatter: '{b}：{c} 条（{d}%）', confine: true },
      legend: { bottom: 0, type: 'scroll' },
      title: {
        text: String(d.warnings.total),
        subtext: '条预警',
        left: 'center',
        top: '34%',
        textStyle: { fontSize: 22 },
      },
      series: [
        {
          type: 'pie',
          name: '预警等级',
          radius: ['45%', '70%'],
          center: ['50%', '45%'],
          avoidLabelOverlap: true,
          // No warnings: an empty ring, not four equal slices of nothing.
          stillShowZeroSum: false,
          label: { show: false },
          data: WARNING_GRADES.map((g) => ({
            name: GRADE_LABELS[g],
            value: gradeTotal(d, g),
            itemStyle: { color: GRADE_COLORS[g] },
          })),
        },
      ],
    },
    height: 240,
  };
}

export const YEAR_SERIES = [
  { key: 'inspectionsCompleted', name: '完成检查', color: '#1f6feb' },
  { key: 'hazardsIssued', name: '下发隐患', color: '#f79009' },
  { key: 'hazardsConfirmed', name: '隐患已整改', color: '#12b76a' },
] as const;

/**
 * 本年度检查与隐患: per child region (a click drills down), or — in a county, which has none — the county's own
 * three figures.
 */
export function yearChart(d: Pick<Dashboard, 'region' | 'children' | 'childYear' | 'thisYear'>): Chart {
  const rows = d.children.length
    ? d.children.map((c) => ({ name: c.name, figures: d.childYear.find((y) => y.code === c.code)?.figures }))
    : [{ name: d.region.name, figures: d.thisYear }];
  return {
    option: {
      ...base(),
      grid: { left: 8, right: 24, top: 8, bottom: 48, containLabel: true },
      legend: { bottom: 0, type: 'scroll' },
      yAxis: categoryAxis(rows.map((r) => r.name)),
      xAxis: valueAxis,
      series: YEAR_SERIES.map((s) => ({
        type: 'bar',
        name: s.name,
        barMaxWidth: 10,
        itemStyle: { color: s.color },
        data: rows.map((r) => r.figures?.[s.key] ?? 0),
      })),
    },
    height: Math.max(200, 48 + rows.length * 3 * 12 + 48),
  };
}
