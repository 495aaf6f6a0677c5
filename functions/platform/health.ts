import type { HealthResponse } from '../../shared/api/platform';
import type { Store } from '../store';

/** The schedule whose heartbeat the health check reports. */
export const DAILY_SCHEDULE = 'daily';

/**
 * Is the platform well? One GetItem proves the store answers (and tells when the daily schedule last ran);
 * a failure is reported as `degraded`, not thrown, so the caller gets an answer either way.
 */
export async function checkHealth(
  store: Store,
  version: string,
  now: () => Date = () => new Date(),
): Promise<HealthResponse> {
  const started = performance.now();
  let reachable = true;
  let lastDailyRunAt: string | null = null;
  try {
    const { data } = await store.scheduleRuns.get({ name: DAILY_SCHEDULE }).go();
    lastDailyRunAt = data?.lastRunAt ?? null;
  } catch {
    reachable = false;
  }
  return {
    status: reachable ? 'ok' : 'degraded',
    version,
    time: now().toISOString(),
    store: { reachable, latencyMs: Math.round((performance.now() - started) * 10) / 10 },
    scheduler: { lastDailyRunAt },
  };
}

/**
 * Record a schedule tick. Conditional on the tick being newer than the last one recorded, so a duplicate
 * or late delivery is a no-op (returns false) rather than moving the clock backwards or double-counting.
 */
export async function recordScheduleRun(store: Store, name: string, tickTime: string): Promise<boolean> {
  try {
    await store.scheduleRuns
      .update({ name })
      .set({ lastRunAt: tickTime })
      .add({ runs: 1 })
      .where((a, op) => `${op.notExists(a.lastRunAt)} OR ${op.lt(a.lastRunAt, tickTime)}`)
      .go();
    return true;
  } catch (err) {
    if ((err as { cause?: { name?: string } }).cause?.name === 'ConditionalCheckFailedException') return false;
    throw err;
  }
}
