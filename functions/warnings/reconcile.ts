/**
 * Bringing the open warnings of some scope in line with their causes — the one decision behind the nightly scan
 * and the event consumers: a cause with no open warning is raised, one whose grade or due date moved is
 * regraded, an open warning with no cause left is cleared. Every write goes through the kernel
 * (functions/lib/warnings/write.ts) as one transaction conditioned on the state it moves from, so two
 * reconcilers at once (two scans, a scan and an event) make each change once and the counters stay exact:
 * the loser's condition fails, it re-reads, and finds nothing left to do.
 */
import { categoriesOf as enterpriseCategories } from '../lib/register/scope';
import { transact } from '../lib/accounts/transact';
import { isConditionFailure } from '../lib/transactions';
import { readWarning } from '../lib/warnings/read';
import {
  endWarningItems,
  raiseWarningItems,
  regradeWarningItems,
  shardOf,
  type Warning,
  type WarningActor,
  type WarningInput,
} from '../lib/warnings/write';
import { isCategoryCode, type CategoryCode } from '../../shared/reference/categories';
import type { WarningGrade, WarningKind } from '../../shared/reference/warnings';
import type { Store } from '../store';
import type { Cause, EnterpriseItem } from './causes';

/** An open warning as the reconciler knows it without reading it: its grade and due date. */
export interface OpenEntry {
  grade: WarningGrade;
  dueDate?: string;
}

export type Action =
  | { type: 'raise'; cause: Cause }
  | { type: 'regrade'; cause: Cause; from: OpenEntry }
  | { type: 'clear'; id: string; kind: WarningKind; from: OpenEntry };

export interface Plan {
  actions: Action[];
  /** Causes whose warning is already as it should be. */
  left: number;
}

/** Decide, without writing, what each cause and each open warning in scope needs. */
export function plan(causes: Iterable<Cause>, open: ReadonlyMap<string, OpenEntry>, kind: WarningKind): Plan {
  const actions: Action[] = [];
  const seen = new Set<string>();
  let left = 0;
  for (const cause of causes) {
    if (seen.has(cause.id)) continue; // the same certificate listed twice: one warning
    seen.add(cause.id);
    const now = open.get(cause.id);
    if (!now) actions.push({ type: 'raise', cause });
    else if (now.grade !== cause.grade || now.dueDate !== cause.dueDate)
      actions.push({ type: 'regrade', cause, from: now });
    else left++;
  }
  for (const [id, from] of open) if (!seen.has(id)) actions.push({ type: 'clear', id, kind, from });
  return { actions, left };
}

/** The day an action's writes are keyed by (open-set item, counter shard): the work is split by it. */
export const actionDay = (a: Action): string | undefined => (a.type === 'clear' ? a.from.dueDate : a.cause.dueDate);
export const actionShard = (a: Action): number => shardOf(actionDay(a));

export type Outcome = 'raised' | 'regraded' | 'cleared' | 'none';

export interface ApplyContext {
  store: Store;
  now: () => string;
  /** The enterprise of a cause being raised (cached by the caller); undefined or removed → not raised. */
  enterprise: (enterpriseId: string) => Promise<EnterpriseItem | undefined>;
  /** Why a warning with no cause left is cleared, and by whom (absent: the system). */
  clearReason: (kind: WarningKind) => string;
  by?: WarningActor;
  /** Each warning read (a regrade or a clear reads its warning): for the run's figures. */
  onRead?: (n: number) => void;
  /** Each warning raised (for the inbox push). */
  onRaised?: (input: WarningInput, id: string) => void;
}

const REGRADE_REASON = {
  moved: '有效期已变更',
  days: '临近到期，预警等级调整',
} as const;

async function read(ctx: ApplyContext, id: string): Promise<Warning | undefined> {
  ctx.onRead?.(1);
  return readWarning(ctx.store, id);
}

function inputFrom(w: Warning, cause: Cause): WarningInput {
  return {
    kind: w.kind,
    sourceKey: w.sourceKey,
    grade: cause.grade,
    regionCode: w.regionCode,
    categories: w.categories.filter(isCategoryCode),
    enterpriseId: w.enterpriseId,
    enterpriseName: w.enterpriseName,
    dueDate: cause.dueDate,
    detail: cause.detail,
  };
}

async function raise(ctx: ApplyContext, cause: Cause): Promise<Outcome> {
  let categories: CategoryCode[] | undefined = cause.categories;
  let enterpriseName = cause.enterpriseName;
  if (!categories || !enterpriseName) {
    const e = await ctx.enterprise(cause.enterpriseId);
    if (!e || e.removed) return 'none'; // a cause of an enterprise off the register warns no one
    categories ??= enterpriseCategories(e.segments).filter(isCategoryCode);
    enterpriseName ??= e.name;
  }
  if (!categories.length) return 'none';
  const input: WarningInput = {
    kind: cause.kind,
    sourceKey: cause.sourceKey,
    grade: cause.grade,
    regionCode: cause.regionCode,
    categories,
    enterpriseId: cause.enterpriseId,
    enterpriseName,
    dueDate: cause.dueDate,
    detail: cause.detail,
  };
  try {
    await transact(ctx.store, raiseWarningItems(ctx.store, input, ctx.now()));
  } catch (err) {
    // Raised meanwhile (another scan, an event), or closed by a regulator: nothing to do.
    if (isConditionFailure(err)) return 'none';
    throw err;
  }
  ctx.onRaised?.(input, cause.id);
  return 'raised';
}

async function regrade(ctx: ApplyContext, cause: Cause): Promise<Outcome> {
  // Twice at most: a condition that fails means someone moved it since we read it — read again and re-decide.
  for (let attempt = 0; attempt < 3; attempt++) {
    const w = await read(ctx, cause.id);
    if (!w || w.status !== 'open') return raise(ctx, cause);
    if (w.grade === cause.grade && w.dueDate === cause.dueDate) return 'none';
    const reason = w.dueDate !== cause.dueDate ? REGRADE_REASON.moved : REGRADE_REASON.days;
    try {
      await transact(
        ctx.store,
        regradeWarningItems(ctx.store, { grade: w.grade, dueDate: w.dueDate }, inputFrom(w, cause), ctx.now(), reason),
      );
      return 'regraded';
    } catch (err) {
      if (!isConditionFailure(err)) throw err;
    }
  }
  return 'none';
}

/** End an open warning whose cause is gone (or `reason` says why), conditioned on the version read. */
export async function clearWarning(ctx: ApplyContext, id: string, reason: string): Promise<Outcome> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const w = await read(ctx, id);
    if (!w || w.status !== 'open') return 'none';
    try {
      await transact(ctx.store, endWarningItems(ctx.store, w, { status: 'cleared', reason, by: ctx.by }, ctx.now()));
      return 'cleared';
    } catch (err) {
      if (!isConditionFailure(err)) throw err;
    }
  }
  return 'none';
}

export async function apply(ctx: ApplyContext, a: Action): Promise<Outcome> {
  switch (a.type) {
    case 'raise':
      return raise(ctx, a.cause);
    case 'regrade':
      return regrade(ctx, a.cause);
    case 'clear':
      return clearWarning(ctx, a.id, ctx.clearReason(a.kind));
  }
}
