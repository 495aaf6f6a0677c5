import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { onWarningsRaised, warningDigestId } from '../../functions/notifications/on-warnings-raised';
import { pushGroups } from '../../functions/warnings/push';
import type { RaisedWarning } from '../../functions/warnings/scan';
import type { WarningsRaised } from '../../shared/events/warnings';
import { testTable, type TestTable } from '../support/dynamo';

const silent = { info: () => {} };

const raised = (i: number, grade: 'red' | 'orange' | 'yellow', enterpriseId = 'ent-p1'): RaisedWarning => ({
  id: `licence:${enterpriseId}/lic-${i}`,
  input: {
    kind: 'licence',
    sourceKey: `${enterpriseId}/lic-${i}`,
    grade,
    regionCode: '350102',
    categories: ['hazchem'],
    enterpriseId,
    enterpriseName: '福州推送测试有限公司',
    dueDate: '2026-12-20',
    detail: {
      certificateType: '危险化学品经营许可证',
      number: `N${i}`,
      validTo: '2026-12-20',
      segment: 'distribution',
      category: 'hazchem',
    },
  },
});

/**
 * Push: a scan's new 红 / 橙 warnings reach the enterprise's account and the lead department's 检查人员 at each level
 * of the region; more than 10 for one recipient → ONE 预警日报; a redelivered event writes nothing more.
 */
describe('WarningsRaised → inbox', () => {
  let t: TestTable;
  beforeAll(async () => {
    t = await testTable('warn-push');
    await t.store.enterprises
      .create({
        enterpriseId: 'ent-p1',
        name: '福州推送测试有限公司',
        regionCode: '350102',
        registrationStatus: 'inBusiness',
        creditCode: '91350102MA2Y000001',
        segments: [{ category: 'hazchem', segment: 'distribution' }],
      })
      .go();
    const base = { passwordHash: 'x', mustChangePassword: false };
    await t.store.accounts
      .put([
        {
          ...base,
          accountId: 'acc-ent',
          kind: 'enterprise',
          login: '91350102MA2Y000001',
          name: '企业',
          enterpriseId: 'ent-p1',
        },
        {
          ...base,
          accountId: 'acc-city',
          kind: 'regulator',
          login: '13800000001',
          name: '市检查',
          department: 'anjian',
          regionCode: '3501',
          categories: ['hazchem'],
          roles: ['inspector'],
        },
        {
          ...base,
          accountId: 'acc-prov',
          kind: 'regulator',
          login: '13800000002',
          name: '省检查',
          department: 'anjian',
          regionCode: '35',
          categories: ['hazchem'],
          roles: ['inspector'],
        },
        {
          ...base,
          accountId: 'acc-other',
          kind: 'regulator',
          login: '13800000003',
          name: '他市',
          department: 'anjian',
          regionCode: '3502',
          categories: ['hazchem'],
          roles: ['inspector'],
        },
        {
          ...base,
          accountId: 'acc-gongan',
          kind: 'regulator',
          login: '13800000004',
          name: '公安',
          department: 'gongan',
          regionCode: '3501',
          categories: ['hazchem'],
          roles: ['inspector'],
        },
      ] as never)
      .go();
  });
  afterAll(() => t.drop());

  const inbox = async (recipient: string) =>
    (await t.store.notifications.query.byRecipient({ recipient }).go({ pages: 'all' })).data;

  const event = (runId: string, groups: WarningsRaised['groups']) => ({
    detail: {
      version: 1,
      eventId: `ev-${runId}`,
      occurredAt: '2026-12-07T17:00:00.000Z',
      data: { runId, day: '2026-12-08', groups },
    },
  });

  it('groups only red and orange, by enterprise and by the licence’s department at each region level', () => {
    const groups = pushGroups([raised(1, 'red'), raised(2, 'yellow')]);
    expect(groups.map((g) => g.audience)).toEqual([
      { kind: 'enterprise', enterpriseId: 'ent-p1' },
      { kind: 'regulators', department: 'anjian', regionCode: '350102' },
      { kind: 'regulators', department: 'anjian', regionCode: '3501' },
      { kind: 'regulators', department: 'anjian', regionCode: '35' },
    ]);
    expect(groups.every((g) => g.count === 1)).toBe(true);
  });

  it('one message per warning to the enterprise and the responsible regulators; a redelivery writes nothing', async () => {
    const e = event('wsr-aaaaaaaa1', pushGroups([raised(1, 'red'), raised(2, 'orange')]));
    expect(await onWarningsRaised(t.store, e, silent)).toEqual({ written: 6, duplicates: 0 });
    expect(await onWarningsRaised(t.store, e, silent)).toEqual({ written: 0, duplicates: 6 });
    expect((await inbox('acc-ent')).map((m) => m.title).sort()).toEqual([
      '橙色预警：企业资质预警',
      '红色预警：企业资质预警',
    ]);
    expect(await inbox('acc-city')).toHaveLength(2);
    expect(await inbox('acc-prov')).toHaveLength(2);
    expect(await inbox('acc-other')).toHaveLength(0);
    expect(await inbox('acc-gongan')).toHaveLength(0);
  });

  it('more than 10 for one recipient in one scan → one 预警日报', async () => {
    const many = Array.from({ length: 11 }, (_, i) => raised(100 + i, i % 2 ? 'red' : 'orange'));
    const e = event('wsr-bbbbbbbb2', pushGroups(many));
    await onWarningsRaised(t.store, e, silent);
    for (const who of ['acc-ent', 'acc-city', 'acc-prov']) {
      const digests = (await inbox(who)).filter((m) => m.notificationId === warningDigestId('wsr-bbbbbbbb2'));
      expect(digests, who).toHaveLength(1);
      expect(digests[0]!.body).toContain('共 11 条');
    }
    expect((await inbox('acc-ent')).filter((m) => m.subjectId !== 'wsr-bbbbbbbb2')).toHaveLength(2);
  });
});
