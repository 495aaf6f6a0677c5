/**
 * The demo's 大数据预警: the warnings the nightly scan would raise from the seeded licences, certificates and
 * overdue hazards, written in bulk through the warnings' own causes and kernel items (functions/warnings/bulk.ts),
 * graded on today's Asia/Shanghai day, with a run recorded as the 预警扫描 page shows it. Every grade and kind
 * appears: the seed's documents are spread over expired, expiring and valid (functions/seed/generate.ts).
 */
import { shanghaiToday } from '../../shared/reference/warnings';
import type { Store } from '../store';
import { bulkRaise } from '../warnings/bulk';

export async function seedDemoWarnings(store: Store, at: Date = new Date()): Promise<number> {
  const today = shanghaiToday(at);
  const raised = await bulkRaise(store, today, at.toISOString());
  const finishedAt = new Date().toISOString();
  await store.warningScanRuns
    .create({
      runId: `wsr-seed${today.replaceAll('-', '')}`,
      trigger: 'seed',
      today,
      startedAt: at.toISOString(),
      finishedAt,
      status: 'done',
      itemsRead: 0,
      itemsDue: raised.length,
      raised: raised.length,
      regraded: 0,
      cleared: 0,
    })
    .go()
    .catch(() => undefined);
  return raised.length;
}
