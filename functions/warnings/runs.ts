/**
 * 预警扫描 runs: each scan — the daily one and each 立即扫描 — is recorded with its figures as it goes, so the
 * 系统管理员 sees the progress (the browser polls one run) and the history (one paged Query, newest first).
 *
 * 立即扫描 answers at once: the run's item and a WarningScanRequested event are written in one transaction with
 * the audit record; the warnings context runs the scan when the event arrives (runScanRequested). A run is
 * started once: its item is created only if absent and executed only from `running` with no figures yet, so a
 * redelivered event or a repeated daily tick does not scan twice.
 */
import type { Logger } from '@aws-lambda-powertools/logger';
import type { EntityItem } from 'electrodb';
import { createWriteTransaction } from 'electrodb';
import type { ScanRun, ScanRunPage } from '../../shared/api/warning-scans';
import { WarningScanRequested } from '../../shared/events/warnings';
import { shanghaiToday } from '../../shared/reference/warnings';
import { transact } from '../lib/accounts/transact';
import { actorOf, transactWithAudit } from '../lib/audit';
import type { Regulator } from '../lib/auth/principal';
import { outboxItem } from '../lib/events/outbox';
import { AppError } from '../lib/http/errors';
import { withCursor, type PageInput } from '../lib/paging';
import { isConditionFailure, itemsOf } from '../lib/transactions';
import type { Store } from '../store';
import { pushItems } from './push';
import { dailyRunId, newRunId, scanWarnings, type ScanFigures } from './scan';

type RunItem = EntityItem<Store['warningScanRuns']>;

/** Runs are kept a year: the page shows recent history, the warnings' own steps keep the rest. */
const RUN_RETENTION_SECONDS = 366 * 24 * 3600;

export function runView(r: RunItem, now: Date = new Date()): ScanRun {
  const end = r.finishedAt ? Date.parse(r.finishedAt) : now.getTime();
  return {
    runId: r.runId,
    trigger: r.trigger,
    today: r.today,
    startedAt: r.startedAt,
    ...(r.finishedAt ? { finishedAt: r.finishedAt } : {}),
    status: r.status,
    ...(r.startedBy ? { startedByName: r.startedBy.name } : {}),
    ...(r.phase ? { phase: r.phase } : {}),
    itemsRead: r.itemsRead,
    itemsDue: r.itemsDue,
    raised: r.raised,
    regraded: r.regraded,
    cleared: r.cleared,
    durationMs: Math.max(0, end - Date.parse(r.startedAt)),
    ...(r.error ? { error: r.error } : {}),
  };
}

function runCreate(
  store: Store,
  run: { runId: string; trigger: RunItem['trigger']; at: Date; by?: { accountId: string; name: string } },
) {
  return itemsOf(
    createWriteTransaction({ runs: store.warningScanRuns }, ({ runs }) => [
      runs
        .create({
          runId: run.runId,
          trigger: run.trigger,
          today: shanghaiToday(run.at),
          startedAt: run.at.toISOString(),
          status: 'running',
          ...(run.by ? { startedBy: run.by } : {}),
          itemsRead: 0,
          itemsDue: 0,
          raised: 0,
          regraded: 0,
          cleared: 0,
          expiresAt: Math.floor(run.at.getTime() / 1000) + RUN_RETENTION_SECONDS,
        })
        .commit(),
    ]),
  );
}

/** POST /api/warnings/scans: record the run and ask for it (the scan itself runs on the event). */
export async function startScan(
  store: Store,
  p: Regulator,
  meta: { requestId: string; sourceIp: string },
  at: Date = new Date(),
): Promise<ScanRun> {
  const runId = newRunId(at);
  const by = { accountId: p.accountId, name: p.name };
  await transactWithAudit(
    store,
    {
      actor: actorOf(p),
      action: 'warnings.scan.start',
      object: { type: 'warningScanRun', id: runId, label: '预警扫描' },
      outcome: 'success',
      ...meta,
    },
    [
      ...runCreate(store, { runId, trigger: 'manual', at, by }),
      outboxItem(store, WarningScanRequested, { runId, requestedAt: at.toISOString() }, at),
    ],
  );
  const { data } = await store.warningScanRuns.get({ runId }).go();
  return runView(data!, at);
}

export async function getScan(store: Store, runId: string): Promise<ScanRun> {
  const { data } = await store.warningScanRuns.get({ runId }).go();
  if (!data) throw new AppError(404, 'NOT_FOUND', '扫描记录不存在');
  return runView(data);
}

export async function listScans(store: Store, query: PageInput): Promise<ScanRunPage> {
  const page = await withCursor(query.cursor, () =>
    store.warningScanRuns.query.byStart({}).go({ order: 'desc', limit: query.limit, cursor: query.cursor ?? null }),
  );
  const now = new Date();
  return { items: page.data.map((r) => runView(r, now)), ...(page.cursor ? { cursor: page.cursor } : {}) };
}

async function saveProgress(store: Store, runId: string, figures: ScanFigures, phase?: string) {
  await store.warningScanRuns
    .patch({ runId })
    .set({ ...figures, ...(phase ? { phase } : {}) })
    .go();
}

/**
 * Execute a recorded run: scan, then — in one transaction each — the push's events, and the run marked done
 * with its figures. A failure marks it failed (with the reason) and is rethrown, so the event is retried.
 */
export async function executeRun(
  store: Store,
  runId: string,
  logger: Pick<Logger, 'info' | 'error'>,
  clock: () => Date = () => new Date(),
): Promise<ScanFigures | undefined> {
  const { data: run } = await store.warningScanRuns.get({ runId }).go();
  if (!run || run.status !== 'running' || run.finishedAt) {
    logger.info('warning scan run already executed', { runId });
    return undefined;
  }
  try {
    const { figures, raised } = await scanWarnings(store, {
      today: run.today,
      now: clock,
      onProgress: (f, phase) => saveProgress(store, runId, f, phase),
    });
    for (const items of pushItems(store, { runId, day: run.today, raised })) await transact(store, items);
    await store.warningScanRuns
      .patch({ runId })
      .set({ ...figures, status: 'done', finishedAt: clock().toISOString() })
      .remove(['phase'])
      .go();
    logger.info('warning scan done', { runId, ...figures });
    return figures;
  } catch (err) {
    logger.error('warning scan failed', { runId, error: String(err) });
    await store.warningScanRuns
      .patch({ runId })
      .set({ status: 'failed', finishedAt: clock().toISOString(), error: String(err).slice(0, 500) })
      .go()
      .catch(() => undefined);
    throw err;
  }
}

/** The daily tick (01:00 Asia/Shanghai): one run per day, whatever the number of deliveries. */
export async function runDailyScan(
  store: Store,
  tickTime: string,
  logger: Pick<Logger, 'info' | 'error'>,
  trigger: RunItem['trigger'] = 'schedule',
): Promise<ScanFigures | undefined> {
  const at = new Date(tickTime);
  const runId = trigger === 'schedule' ? dailyRunId(shanghaiToday(at)) : newRunId(at);
  try {
    await transact(store, runCreate(store, { runId, trigger, at: new Date() }));
  } catch (err) {
    if (isConditionFailure(err)) {
      logger.info('daily warning scan already started', { runId });
      return undefined;
    }
    throw err;
  }
  return executeRun(store, runId, logger);
}
