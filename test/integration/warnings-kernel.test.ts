import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readWarning, warningCounts } from '../../functions/lib/warnings/read';
import {
  endWarningItems,
  raiseWarningItems,
  regradeWarningItems,
  warningIdOf,
  type WarningInput,
} from '../../functions/lib/warnings/write';
import { isConditionFailure, type TransactItem } from '../../functions/lib/transactions';
import { testTable, type TestTable } from '../support/dynamo';

/** The kernel's transitions on DynamoDB Local: each is one transaction; counters, list rows and open sets follow. */
describe('warnings kernel', () => {
  let t: TestTable;
  const send = (items: TransactItem[]) => t.documents.send(new TransactWriteCommand({ TransactItems: items as never }));
  const input: WarningInput = {
    kind: 'licence',
    sourceKey: 'ent-1/lic-1',
    grade: 'blue',
    regionCode: '350102',
    categories: ['hazchem', 'explosives'],
    enterpriseId: 'ent-1',
    enterpriseName: '福州某化工有限公司',
    dueDate: '2027-03-01',
    detail: {
      certificateType: '危险化学品经营许可证',
      number: 'AQ-1',
      issuer: '福州市应急管理局',
      validTo: '2027-03-01',
    },
  };
  const id = warningIdOf('licence', 'ent-1/lic-1');

  beforeAll(async () => {
    t = await testTable('warn-kernel');
  });
  afterAll(() => t.drop());

  it('raises once: a second raise of the same cause fails its condition', async () => {
    await send(raiseWarningItems(t.store, input, '2026-12-07T01:00:00.000Z'));
    const again = await send(raiseWarningItems(t.store, input, '2026-12-07T01:00:01.000Z')).catch((e) => e);
    expect(isConditionFailure(again)).toBe(true);
    expect((await warningCounts(t.store, 'hazchem', '35')).licence.blue).toBe(1);
    expect((await warningCounts(t.store, 'explosives', '3501')).licence.blue).toBe(1);
    expect((await warningCounts(t.store, 'hazchem', '3502')).licence.blue).toBe(0);
    const rows = await t.store.warningListings.query.byWarning({ warningId: id }).go();
    expect(rows.data.map((r) => r.category).sort()).toEqual(['explosives', 'hazchem']);
    const sets = await t.store.warningOpenSets.query.byKind({ openKind: 'licence' }).go();
    expect(sets.data).toEqual([expect.objectContaining({ dueDate: '2027-03-01', blue: [id] })]);
  });

  it('regrades from the state it read; a stale regrade fails', async () => {
    await send(
      regradeWarningItems(
        t.store,
        { grade: 'blue', dueDate: '2027-03-01' },
        { ...input, grade: 'yellow' },
        '2026-12-31T17:00:00.000Z',
      ),
    );
    const stale = await send(
      regradeWarningItems(
        t.store,
        { grade: 'blue', dueDate: '2027-03-01' },
        { ...input, grade: 'yellow' },
        '2026-12-31T17:00:01.000Z',
      ),
    ).catch((e) => e);
    expect(isConditionFailure(stale)).toBe(true);
    const counts = await warningCounts(t.store, 'hazchem', '350102');
    expect(counts.licence).toEqual({ red: 0, orange: 0, yellow: 1, blue: 0 });
    const sets = await t.store.warningOpenSets.query.byKind({ openKind: 'licence' }).go();
    expect(sets.data[0]?.yellow).toEqual([id]);
    expect(sets.data[0]?.blue).toBeUndefined();
  });

  it('ends on the version it read, off the lists, counters and open set, with its history', async () => {
    const w = (await readWarning(t.store, id))!;
    expect(w.grade).toBe('yellow');
    const by = { accountId: 'acc-1', name: '张三' };
    await send(
      endWarningItems(t.store, w, { status: 'cleared', reason: '资质已更新', by }, '2027-01-02T00:00:00.000Z'),
    );
    const twice = await send(
      endWarningItems(t.store, w, { status: 'cleared', reason: 'x' }, '2027-01-02T00:00:01.000Z'),
    ).catch((e) => e);
    expect(isConditionFailure(twice)).toBe(true);
    expect((await warningCounts(t.store, 'hazchem', '35')).licence.yellow).toBe(0);
    expect((await t.store.warningListings.query.byWarning({ warningId: id }).go()).data).toEqual([]);
    const sets = await t.store.warningOpenSets.query.byKind({ openKind: 'licence' }).go();
    expect(sets.data[0]?.yellow).toBeUndefined();
    const after = (await readWarning(t.store, id))!;
    expect(after).toMatchObject({ status: 'cleared', clearReason: '资质已更新', clearedBy: by });
    const steps = await t.store.warningSteps.query.byWarning({ warningId: id }).go();
    expect(steps.data.map((s) => s.action)).toEqual(['raised', 'regraded', 'cleared']);
  });

  it('a cleared warning is raised again in place when its cause falls due again', async () => {
    await send(raiseWarningItems(t.store, { ...input, grade: 'red' }, '2027-03-05T01:00:00.000Z'));
    expect(await readWarning(t.store, id)).toMatchObject({ status: 'open', grade: 'red' });
    expect((await warningCounts(t.store, 'hazchem', '35')).licence.red).toBe(1);
  });
});
