/**
 * The warning scan (大数据预警, issue 12 §2): for each kind, ONE paged Query of the sparse `due` index for what falls
 * due up to today + 90 days (licences by validTo, people by their earliest certificate, hazards past their 整改时限)
 * — never a Scan — and one paged Query of the kind's open set (functions/store/entities/warning-open-set.ts: the
 * open warnings' ids by due day and grade, one item per day). From the two it decides what to raise, regrade
 * and clear (reconcile.ts) without reading the warnings themselves; only a warning that changes is read.
 * So the items read are the due items plus a few per day, whatever the size of the register.
 *
 * The work is split by due day (`shardOf`): each worker owns the days of its shard, so no two workers of a scan
 * write the same counter or open-set item. Every write is conditioned on the state it moves from: a scan that
 * runs twice, or two at once, or a scan and a clearing event, change each warning once.
 */
import { randomBytes } from 'node:crypto';
import { addDays, WARNING_HORIZON_DAYS, type WarningKind } from '../../shared/reference/warnings';
import { WARNING_COUNTER_SHARDS } from '../store/entities/warning-counter';
import type { WarningActor, WarningInput } from '../lib/warnings/write';
import type { Store } from '../store';
import type { EntityItem } from 'electrodb';
import {
  hazardCause,
  licenceCause,
  personCauses,
  type Cause,
  type EnterpriseItem,
  type HazardItem,
  type LicenceItem,
  type PersonItem,
} from './causes';
import { actionShard, apply, plan, type Action, type OpenEntry, type Outcome } from './reconcile';
import { WARNING_GRADES } from '../../shared/reference/warnings';

export const SCANNED_KINDS = ['licence', 'personCert', 'hazard'] as const satisfies readonly WarningKind[];
export type ScannedKind = (typeof SCANNED_KINDS)[number];

/** Why the scan clears a warning: its cause is no longer due. */
export const SCAN_CLEAR_REASONS: Record<WarningKind, string> = {
  licence: '企业资质已更新（有效期超出预警范围）或已移除',
  personCert: '人员证书已更新（有效期超出预警范围）或已移除',
  hazard: '隐患已整改，或整改时限已调整',
  flow: '原因已消除',
};

export interface ScanFigures {
  itemsRead: number;
  itemsDue: number;
  raised: number;
  regraded: number;
  cleared: number;
}

/** A raised warning, as the push (push.ts) needs it. */
export interface RaisedWarning {
  id: string;
  input: WarningInput;
}

export interface ScanOptions {
  /** The Asia/Shanghai day graded against. */
  today: string;
  /** The clock for the warnings' times (tests fix it). */
  now?: () => Date;
  /** Called with the figures so far (the run's progress), at most every `progressEveryMs`. */
  onProgress?: (figures: ScanFigures, phase: ScannedKind) => Promise<void>;
  progressEveryMs?: number;
  /** Workers per kind: at most the number of shards. */
  workers?: number;
  by?: WarningActor;
  kinds?: readonly ScannedKind[];
}

const nowIso = (clock: () => Date) => () => clock().toISOString();

/** The kind's open warnings, from its open set: id → grade and due day. */
export async function loadOpen(store: Store, kind: WarningKind, figures: ScanFigures): Promise<Map<string, OpenEntry>> {
  const open = new Map<string, OpenEntry>();
  let cursor: string | null = null;
  do {
    const page: { data: Array<Record<string, unknown>>; cursor: string | null } = await store.warningOpenSets.query
      .byKind({ openKind: kind })
      .go({ cursor, limit: 500 });
    figures.itemsRead += page.data.length;
    for (const day of page.data) {
      const dueDate = day.dueDate === '-' ? undefined : (day.dueDate as string);
      for (const grade of WARNING_GRADES) {
        for (const id of (day[grade] as string[] | undefined) ?? [])
          open.set(id, dueDate ? { grade, dueDate } : { grade });
      }
    }
    cursor = page.cursor;
  } while (cursor);
  return open;
}

/** Every cause of a kind due by today + 90 days (hazards: overdue), one paged Query of the `due` index. */
export async function loadCauses(
  store: Store,
  kind: ScannedKind,
  today: string,
  figures: ScanFigures,
): Promise<Cause[]> {
  const horizon = addDays(today, WARNING_HORIZON_DAYS);
  const causes: Cause[] = [];
  let cursor: string | null = null;
  do {
    if (kind === 'licence') {
      // validTo is the first of three sort-key parts: "< the day after the horizon" keeps the horizon day itself.
      const page: { data: LicenceItem[]; cursor: string | null } = await store.licences.query
        .byDueDate({ dueKind: 'licence' })
        .lt({ validTo: addDays(horizon, 1) })
        .go({ cursor, limit: 1000 });
      figures.itemsRead += page.data.length;
      figures.itemsDue += page.data.length;
      for (const l of page.data) {
        const c = licenceCause(l, today);
        if (c) causes.push(c);
      }
      cursor = page.cursor;
    } else if (kind === 'personCert') {
      const page: { data: PersonItem[]; cursor: string | null } = await store.personnel.query
        .byDueDate({ dueKind: 'personCert' })
        .lte({ earliestCertValidTo: horizon })
        .go({ cursor, limit: 1000 });
      figures.itemsRead += page.data.length;
      figures.itemsDue += page.data.length;
      for (const p of page.data) causes.push(...personCauses(p, today));
      cursor = page.cursor;
      if (!cursor) causes.push(...(await keeperCauses(store, horizon, today, figures)));
    } else {
      const page: { data: HazardItem[]; cursor: string | null } = await store.hazards.query
        .byDueDate({ dueKind: 'hazard' })
        .lt({ dueDate: today })
        .go({ cursor, limit: 1000 });
      figures.itemsRead += page.data.length;
      figures.itemsDue += page.data.length;
      for (const h of page.data) {
        const c = hazardCause(h, today);
        if (c) causes.push(c);
      }
      cursor = page.cursor;
    }
  } while (cursor);
  return causes;
}

type KeeperItem = EntityItem<Store['warehouseKeepers']>;

/** The warehouses' 保管员 with a certificate due by the horizon: the same `personCert` due partition, their own entity. */
async function keeperCauses(store: Store, horizon: string, today: string, figures: ScanFigures): Promise<Cause[]> {
  const causes: Cause[] = [];
  let cursor: string | null = null;
  do {
    const page: { data: KeeperItem[]; cursor: string | null } = await store.warehouseKeepers.query
      .byDueDate({ dueKind: 'personCert' })
      .lte({ earliestCertValidTo: horizon })
      .go({ cursor, limit: 1000 });
    figures.itemsRead += page.data.length;
    figures.itemsDue += page.data.length;
    for (const k of page.data) causes.push(...personCauses(k, today));
    cursor = page.cursor;
  } while (cursor);
  return causes;
}

/** The enterprises a set of raises needs (name, categories), read in batches of 100 and remembered. */
export class EnterpriseCache {
  private readonly known = new Map<string, EnterpriseItem | undefined>();
  constructor(
    private readonly store: Store,
    private readonly onRead: (n: number) => void,
  ) {}

  async prefetch(ids: Iterable<string>): Promise<void> {
    const wanted = [...new Set(ids)].filter((id) => !this.known.has(id));
    for (let i = 0; i < wanted.length; i += 100) {
      const chunk = wanted.slice(i, i + 100);
      const { data } = await this.store.enterprises.get(chunk.map((enterpriseId) => ({ enterpriseId }))).go();
      this.onRead(data.length);
      for (const id of chunk) this.known.set(id, undefined);
      for (const e of data) this.known.set(e.enterpriseId, e);
    }
  }

  async get(id: string): Promise<EnterpriseItem | undefined> {
    if (!this.known.has(id)) await this.prefetch([id]);
    return this.known.get(id);
  }
}

/**
 * Run the scan for the given kinds; returns the figures and the warnings it raised (the push's input). Runs
 * are idempotent: a second scan the same day finds every warning as it should be and writes nothing.
 */
export async function scanWarnings(
  store: Store,
  options: ScanOptions,
): Promise<{ figures: ScanFigures; raised: RaisedWarning[] }> {
  const clock = options.now ?? (() => new Date());
  const figures: ScanFigures = { itemsRead: 0, itemsDue: 0, raised: 0, regraded: 0, cleared: 0 };
  const raised: RaisedWarning[] = [];
  const enterprises = new EnterpriseCache(store, (n) => (figures.itemsRead += n));
  const every = options.progressEveryMs ?? 2000;
  let lastProgress = 0;
  const progress = async (phase: ScannedKind, force = false) => {
    if (!options.onProgress) return;
    const t = Date.now();
    if (!force && t - lastProgress < every) return;
    lastProgress = t;
    await options.onProgress({ ...figures }, phase);
  };

  for (const kind of options.kinds ?? SCANNED_KINDS) {
    await progress(kind, true);
    const open = await loadOpen(store, kind, figures);
    const causes = await loadCauses(store, kind, options.today, figures);
    const { actions } = plan(causes, open, kind);
    await enterprises.prefetch(
      actions.flatMap((a) =>
        a.type === 'raise' && !(a.cause.categories && a.cause.enterpriseName) ? [a.cause.enterpriseId] : [],
      ),
    );
    const ctx = {
      store,
      now: nowIso(clock),
      enterprise: (id: string) => enterprises.get(id),
      clearReason: (k: WarningKind) => SCAN_CLEAR_REASONS[k],
      ...(options.by ? { by: options.by } : {}),
      onRead: (n: number) => (figures.itemsRead += n),
      onRaised: (input: WarningInput, id: string) => raised.push({ id, input }),
    };
    const count = (o: Outcome) => {
      if (o === 'raised') figures.raised++;
      else if (o === 'regraded') figures.regraded++;
      else if (o === 'cleared') figures.cleared++;
    };
    // One worker per shard of due days: no two workers touch the same counter or open-set item.
    const workers = Math.max(1, Math.min(options.workers ?? WARNING_COUNTER_SHARDS, WARNING_COUNTER_SHARDS));
    const queues: Action[][] = Array.from({ length: workers }, () => []);
    for (const a of actions) queues[actionShard(a) % workers]!.push(a);
    await Promise.all(
      queues.map(async (queue) => {
        for (const a of queue) {
          count(await apply(ctx, a));
          await progress(kind);
        }
      }),
    );
  }
  return { figures, raised };
}

/** A new run's id: `wsr-` + time + randomness (sortable, unguessable enough for an admin page). */
export function newRunId(at: Date): string {
  return `wsr-${at.getTime().toString(36)}${randomBytes(6).toString('hex')}`;
}

/** The daily run's id: one per Asia/Shanghai day, so a tick delivered twice starts one run. */
export const dailyRunId = (today: string) => `wsr-d${today.replaceAll('-', '')}`;
