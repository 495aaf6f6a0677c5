import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { warningCounts } from '../../functions/lib/warnings/read';
import { warningIdOf } from '../../functions/lib/warnings/write';
import {
  onChangeRequestDecided,
  onHazardConfirmed,
  onStaffCertificatesChanged,
} from '../../functions/warnings/on-events';
import { clearWarning } from '../../functions/warnings/reconcile';
import { scanWarnings } from '../../functions/warnings/scan';
import { bulkRaise } from '../../functions/warnings/bulk';
import { addDays, WARNING_GRADES, WARNING_KINDS } from '../../shared/reference/warnings';
import { testTable, type TestTable } from '../support/dynamo';

const silent = { info: () => {}, error: () => {} };
const TODAY = '2026-12-07';
const ENT = 'ent-warn-1';
/** Days to expiry of each licence, and the grade it has on TODAY. */
const LICENCES: [number, string | undefined][] = [
  [-1, 'red'],
  [0, 'orange'],
  [30, 'orange'],
  [31, 'yellow'],
  [60, 'yellow'],
  [61, 'blue'],
  [90, 'blue'],
  [91, undefined],
  [400, undefined],
];

/**
 * The scan on DynamoDB Local: it raises what is due, grade by the Shanghai day; running it again writes nothing;
 * days passing regrade; a cause gone is cleared by the scan and, at once, by its event; two scans and a clear
 * at once leave the counters equal to the open warnings.
 */
describe('warning scan', () => {
  let t: TestTable;
  const scan = (today: string, workers?: number) =>
    scanWarnings(t.store, { today, ...(workers ? { workers } : {}), now: () => new Date(`${today}T01:00:00+08:00`) });

  /** Open warnings as counted by the counters vs. as found by reading every warning item of the enterprise. */
  async function countersMatch() {
    const { data } = await t.store.warnings.query.byEnterprise({ enterpriseId: ENT }).go({ pages: 'all' });
    const open = data.filter((w) => w.status === 'open');
    for (const region of ['350102', '3501', '35']) {
      const counts = await warningCounts(t.store, 'hazchem', region);
      for (const kind of WARNING_KINDS) {
        for (const grade of WARNING_GRADES) {
          const expected = open.filter((w) => w.kind === kind && w.grade === grade && w.categories.includes('hazchem'));
          expect(counts[kind][grade], `${region} ${kind} ${grade}`).toBe(expected.length);
        }
      }
    }
    return open;
  }

  beforeAll(async () => {
    t = await testTable('warn-scan');
    await t.store.enterprises
      .create({
        enterpriseId: ENT,
        name: '福州预警测试化工有限公司',
        regionCode: '350102',
        registrationStatus: 'inBusiness',
        segments: [{ category: 'hazchem', segment: 'distribution' }],
      })
      .go();
    await t.store.licences
      .put(
        LICENCES.map(([days], i) => ({
          licenceId: `lic-${i}`,
          enterpriseId: ENT,
          category: 'hazchem',
          segment: 'distribution',
          regionCode: '350102',
          licenceName: '危险化学品经营许可证',
          number: `闽榕安经（2024）${i}`,
          issuer: '福州市应急管理局',
          validFrom: '2024-01-01',
          validTo: addDays(TODAY, days),
        })),
      )
      .go();
    await t.store.personnel
      .create({
        personId: 'psn-1',
        enterpriseId: ENT,
        regionCode: '350102',
        name: '王五',
        idCardNo: '350102199001011234',
        certificates: [
          {
            type: 'safety-officer',
            number: 'C-1',
            issuer: '福州市应急管理局',
            validFrom: '2023-01-01',
            validTo: addDays(TODAY, 10),
          },
          {
            type: 'operator',
            number: 'C-2',
            issuer: '福州市应急管理局',
            validFrom: '2023-01-01',
            validTo: addDays(TODAY, -5),
          },
          {
            type: 'operator',
            number: 'C-3',
            issuer: '福州市应急管理局',
            validFrom: '2023-01-01',
            validTo: addDays(TODAY, 200),
          },
        ],
        earliestCertValidTo: addDays(TODAY, -5),
      })
      .go();
    for (const [hazardId, deadline] of [
      ['hz-00000000000000000000000000000001', addDays(TODAY, -1)],
      ['hz-00000000000000000000000000000002', TODAY],
    ] as const) {
      await t.store.hazards
        .create({
          hazardId,
          name: '消防通道堵塞',
          enterpriseId: ENT,
          enterpriseName: '福州预警测试化工有限公司',
          regionCode: '350102',
          enterpriseCategories: ['hazchem'],
          category: 'hazchem',
          problem: '仓库消防通道堆放货物',
          deadline,
          responsibleDepartment: 'anjian',
          sendingDepartment: 'anjian',
          sourceKind: 'manual',
          attachmentIds: [],
          status: 'issued',
          sentAt: '2026-11-01T00:00:00.000Z',
          sentBy: { accountId: 'acc-i', name: '李检查' },
          dueKind: 'hazard',
          dueDate: deadline,
        })
        .go();
    }
  });
  afterAll(() => t.drop());

  it('raises one warning per due cause, graded on the Shanghai day, and reads only what is due', async () => {
    const { figures, raised } = await scan(TODAY);
    // 7 licences, 2 of the person's 3 certificates, 1 overdue hazard.
    expect(figures).toMatchObject({ raised: 10, regraded: 0, cleared: 0 });
    // 7 licences up to day 90 (the Query stops before day 91), 1 person, 1 overdue hazard (the one due today is
    // not read); plus the enterprise, read once for the raises.
    expect(figures.itemsDue).toBe(7 + 1 + 1);
    expect(figures.itemsRead).toBeLessThanOrEqual(figures.itemsDue + 1);
    expect(raised).toHaveLength(10);
    const open = await countersMatch();
    for (const [i, [, grade]] of LICENCES.entries()) {
      const w = open.find((x) => x.warningId === warningIdOf('licence', `${ENT}/lic-${i}`));
      expect(w?.grade, `licence ${i}`).toBe(grade);
    }
    expect(open.filter((w) => w.kind === 'personCert').map((w) => [w.detail.number, w.grade])).toEqual(
      expect.arrayContaining([
        ['C-1', 'orange'],
        ['C-2', 'red'],
      ]),
    );
    expect(open.filter((w) => w.kind === 'hazard').map((w) => w.sourceKey)).toEqual([
      'hz-00000000000000000000000000000001',
    ]);
  });

  it('running it again the same day changes nothing', async () => {
    const { figures } = await scan(TODAY);
    expect(figures).toMatchObject({ raised: 0, regraded: 0, cleared: 0 });
    await countersMatch();
  });

  it('days passing regrade: the next Shanghai day, 31 → orange, 61 → yellow, 91 → blue, 0 → red', async () => {
    const next = addDays(TODAY, 1);
    const { figures } = await scan(next);
    // lic 1 (0→-1 red), lic 3 (31→30 orange), lic 5 (61→60 yellow) regrade; lic 7 (91→90) is raised blue, and the
    // hazard due yesterday is now overdue.
    expect(figures).toMatchObject({ raised: 2, regraded: 3, cleared: 0 });
    const open = await countersMatch();
    const grade = (i: number) => open.find((w) => w.warningId === warningIdOf('licence', `${ENT}/lic-${i}`))?.grade;
    expect([grade(1), grade(3), grade(5), grade(7)]).toEqual(['red', 'orange', 'yellow', 'blue']);
    const steps = await t.store.warningSteps.query
      .byWarning({ warningId: warningIdOf('licence', `${ENT}/lic-3`) })
      .go();
    expect(steps.data.map((s) => [s.action, s.grade])).toEqual([
      ['raised', 'yellow'],
      ['regraded', 'orange'],
    ]);
  });

  it('clears by scan when the cause is gone: a licence renewed beyond 90 days, a hazard 已整改', async () => {
    const today = addDays(TODAY, 1);
    await t.store.licences.patch({ enterpriseId: ENT, licenceId: 'lic-2' }).set({ validTo: '2029-12-31' }).go();
    await t.store.hazards
      .patch({ hazardId: 'hz-00000000000000000000000000000001' })
      .set({ status: 'confirmed' })
      .remove(['dueKind', 'dueDate'])
      .go();
    const { figures } = await scan(today);
    expect(figures).toMatchObject({ raised: 0, regraded: 0, cleared: 2 });
    const { data: w } = await t.store.warnings.get({ warningId: warningIdOf('licence', `${ENT}/lic-2`) }).go();
    expect(w).toMatchObject({ status: 'cleared', clearReason: expect.stringContaining('企业资质已更新') });
    await countersMatch();
  });

  it('clears at once on events: certificates changed, a licence corrected, a hazard confirmed', async () => {
    const { data: p } = await t.store.personnel.get({ enterpriseId: ENT, personId: 'psn-1' }).go();
    await t.store.personnel
      .put({
        ...p!,
        certificates: p!.certificates.map((c) => (c.number === 'C-2' ? { ...c, validTo: '2030-01-01' } : c)),
        earliestCertValidTo: addDays(TODAY, 10),
      })
      .go();
    const staff = await onStaffCertificatesChanged(
      t.store,
      {
        detail: {
          version: 1,
          eventId: 'e-1',
          occurredAt: new Date().toISOString(),
          data: {
            enterpriseId: ENT,
            personId: 'psn-1',
            removed: false,
            changedAt: new Date().toISOString(),
            by: { accountId: 'acc-e', name: '企业用户' },
          },
        },
      },
      silent,
      new Date(`${addDays(TODAY, 1)}T09:00:00+08:00`),
    );
    expect(staff).toEqual({ raised: 0, regraded: 0, cleared: 1 });
    const { data: cert } = await t.store.warnings
      .get({ warningId: warningIdOf('personCert', `${ENT}/psn-1/C-2`) })
      .go();
    expect(cert).toMatchObject({ status: 'cleared', clearedBy: { accountId: 'acc-e', name: '企业用户' } });

    await t.store.licences.patch({ enterpriseId: ENT, licenceId: 'lic-4' }).set({ validTo: '2030-06-30' }).go();
    const decided = {
      version: 1,
      eventId: 'e-2',
      occurredAt: new Date().toISOString(),
      data: {
        requestId: 'chg-1',
        kind: 'correct-licence' as const,
        status: 'approved' as const,
        enterpriseId: ENT,
        enterpriseName: '福州预警测试化工有限公司',
        requestedBy: 'acc-e',
        decidedByName: '审核员',
        decidedAt: new Date().toISOString(),
      },
    };
    const now = new Date(`${addDays(TODAY, 1)}T09:00:00+08:00`);
    expect(await onChangeRequestDecided(t.store, { detail: decided }, silent, now)).toEqual({
      raised: 0,
      regraded: 0,
      cleared: 1,
    });
    // Delivered again: nothing more.
    expect(await onChangeRequestDecided(t.store, { detail: decided }, silent, now)).toEqual({
      raised: 0,
      regraded: 0,
      cleared: 0,
    });

    // The hazard overdue since yesterday, confirmed (as the hazards context writes it): its warning clears at once.
    await t.store.hazards
      .patch({ hazardId: 'hz-00000000000000000000000000000002' })
      .set({ status: 'confirmed' })
      .remove(['dueKind', 'dueDate'])
      .go();
    const hazardEvent = {
      detail: {
        version: 1,
        eventId: 'e-3',
        occurredAt: new Date().toISOString(),
        data: { hazardId: 'hz-00000000000000000000000000000002', confirmedByName: '李检查' },
      },
    };
    expect(await onHazardConfirmed(t.store, hazardEvent as never, silent)).toBe('cleared');
    expect(await onHazardConfirmed(t.store, hazardEvent as never, silent)).toBe('none');
    await countersMatch();
  });

  it('keeps the counters exact under two concurrent scans and a concurrent clear', async () => {
    // Make work for both scans: 30 more licences falling due, on several days.
    await t.store.licences
      .put(
        Array.from({ length: 30 }, (_, i) => ({
          licenceId: `lic-c${i}`,
          enterpriseId: ENT,
          category: 'hazchem',
          segment: 'distribution',
          regionCode: '350102',
          licenceName: '危险化学品经营许可证',
          number: `C${i}`,
          issuer: '福州市应急管理局',
          validFrom: '2024-01-01',
          validTo: addDays(TODAY, (i % 6) * 15 - 10),
        })),
      )
      .go();
    const day = addDays(TODAY, 2);
    const ctx = {
      store: t.store,
      now: () => new Date().toISOString(),
      enterprise: async () => undefined,
      clearReason: () => 'x',
    };
    const [a, b] = await Promise.all([
      scan(day, 3),
      scan(day, 5),
      clearWarning(ctx, warningIdOf('licence', `${ENT}/lic-0`), '测试：同时消除'),
    ]);
    await countersMatch();
    // The warning cleared by hand still has its cause (expired): it is raised again — by one of the two scans if
    // the clear came first, else by the next one. Each change made once between them: 30 + 1 raises in all.
    const c = await scan(day);
    expect(c.figures.regraded + c.figures.cleared).toBe(0);
    expect(a.figures.raised + b.figures.raised + c.figures.raised).toBe(31);
    const { data: again } = await t.store.warnings.get({ warningId: warningIdOf('licence', `${ENT}/lic-0`) }).go();
    expect(again?.status).toBe('open');
    await countersMatch();
  });
});

describe('bulk raise (demo seed, bench)', () => {
  let t: TestTable;
  beforeAll(async () => {
    t = await testTable('warn-bulk');
  });
  afterAll(() => t.drop());

  it('leaves exactly the state a scan would: the same day’s scan finds nothing to do, counters agree', async () => {
    await t.store.enterprises
      .create({
        enterpriseId: 'ent-bulk',
        name: '厦门批量测试有限公司',
        regionCode: '350203',
        registrationStatus: 'inBusiness',
        segments: [{ category: 'hazchem', segment: 'distribution' }],
      })
      .go();
    await t.store.licences
      .put(
        [-3, 0, 10, 45, 75, 120].map((days, i) => ({
          licenceId: `lic-b${i}`,
          enterpriseId: 'ent-bulk',
          category: 'hazchem',
          segment: 'distribution',
          regionCode: '350203',
          licenceName: '危险化学品经营许可证',
          number: `B${i}`,
          issuer: '厦门市应急管理局',
          validFrom: '2024-01-01',
          validTo: addDays(TODAY, days),
        })),
      )
      .go();
    const raised = await bulkRaise(t.store, TODAY, `${TODAY}T00:00:00.000Z`);
    expect(raised.map((r) => r.input.grade).sort()).toEqual(['blue', 'orange', 'orange', 'red', 'yellow']);
    const { figures } = await scanWarnings(t.store, { today: TODAY });
    expect(figures).toMatchObject({ raised: 0, regraded: 0, cleared: 0 });
    const counts = await warningCounts(t.store, 'hazchem', '3502');
    expect(counts.licence).toEqual({ red: 1, orange: 2, yellow: 1, blue: 1 });
    const next = await scanWarnings(t.store, { today: addDays(TODAY, 1) });
    expect(next.figures).toMatchObject({ raised: 0, regraded: 1, cleared: 0 }); // day 0 → red
    expect((await warningCounts(t.store, 'hazchem', '35')).licence).toEqual({ red: 2, orange: 1, yellow: 1, blue: 1 });
  });
});
