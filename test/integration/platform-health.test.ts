import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkHealth, recordScheduleRun } from '../../functions/platform/health';
import { testTable, type TestTable } from '../support/dynamo';

describe('platform health and the daily tick (DynamoDB Local)', () => {
  let t: TestTable;
  beforeAll(async () => {
    t = await testTable('health');
  });
  afterAll(async () => t.drop());

  it('reports the store reachable and no daily run before the first tick', async () => {
    const h = await checkHealth(t.store, 'v-test');
    expect(h).toMatchObject({
      status: 'ok',
      version: 'v-test',
      store: { reachable: true },
      scheduler: { lastDailyRunAt: null },
    });
  });

  it('records a tick once: a duplicate or an older tick changes nothing', async () => {
    // Act
    const first = await recordScheduleRun(t.store, 'daily', '2026-11-27T17:00:00Z');
    const duplicate = await recordScheduleRun(t.store, 'daily', '2026-11-27T17:00:00Z');
    const older = await recordScheduleRun(t.store, 'daily', '2026-11-26T17:00:00Z');
    const next = await recordScheduleRun(t.store, 'daily', '2026-11-28T17:00:00Z');
    // Assess
    expect([first, duplicate, older, next]).toEqual([true, false, false, true]);
    const { data } = await t.store.scheduleRuns.get({ name: 'daily' }).go();
    expect(data).toMatchObject({ lastRunAt: '2026-11-28T17:00:00Z', runs: 2 });
    const h = await checkHealth(t.store, 'v-test');
    expect(h.scheduler.lastDailyRunAt).toBe('2026-11-28T17:00:00Z');
  });

  it('reports degraded, without throwing, when the table does not answer', async () => {
    // Prepare: a store whose table is dropped before the check.
    const other = await testTable('gone');
    await other.drop();
    // Act
    const h = await checkHealth(other.store, 'v-test');
    // Assess
    expect(h.status).toBe('degraded');
    expect(h.store.reachable).toBe(false);
  });
});
