/**
 * The warnings kernel's writes: the items of ONE transaction for each transition of a warning — raise, regrade,
 * end (cleared / closed) — covering the warning, its list rows, its history step, the counters and the kind's
 * open set. Callers add their own items (an audit record, the ledger's stocktake) and send them together, so a
 * list, a counter and a warning can never disagree.
 *
 * Exactness under concurrency: every transition is conditioned on the state it moves from (the version, or the
 * grade and due date it regrades from), and the counters move with ADD in the same transaction — two scans, or
 * a scan and a clearing event, can both try; one wins, the other's condition fails and it re-reads.
 */
import { createWriteTransaction, type EntityItem } from 'electrodb';
import type { CategoryCode } from '../../../shared/reference/categories';
import { findRegion } from '../../../shared/reference/regions';
import type { FlowWarningType, WarningDetail, WarningGrade, WarningKind } from '../../../shared/reference/warnings';
import type { Store } from '../../store';
import { itemsOf, type TransactItem } from '../transactions';

export type Warning = EntityItem<Store['warnings']>;
export type { WarningDetail };

export interface WarningInput {
  kind: WarningKind;
  sourceKey: string;
  grade: WarningGrade;
  regionCode: string;
  categories: CategoryCode[];
  enterpriseId: string;
  enterpriseName: string;
  dueDate?: string;
  flowType?: FlowWarningType;
  detail: WarningDetail;
}

export interface WarningActor {
  accountId: string;
  name: string;
}

/** The one id of a cause's warning: raising the same cause twice addresses the same item. */
export function warningIdOf(kind: WarningKind, sourceKey: string): string {
  return `${kind}:${sourceKey}`;
}

/** The open set's day for a due date (flows may have none). */
export const openSetDay = (dueDate: string | undefined): string => dueDate ?? '-';

/** The region and every level above it ('350503' → 350503, 3505, 35): each level has its own counters. */
export function regionLevels(regionCode: string): string[] {
  const out: string[] = [];
  for (let r = findRegion(regionCode); r; r = r.parentCode ? findRegion(r.parentCode) : undefined) out.push(r.code);
  return out.length ? out : [regionCode];
}

interface Counted {
  kind: WarningKind;
  grade: WarningGrade;
  regionCode: string;
  categories: readonly string[];
}

/** ADD ±1 on every counter a warning counts in (each category × each region level). */
function counterItems(store: Store, w: Counted, delta: 1 | -1): TransactItem[] {
  const keys = [...new Set(w.categories)].flatMap((warningCategory) =>
    regionLevels(w.regionCode).map((regionCode) => ({ warningCategory, regionCode, kind: w.kind, grade: w.grade })),
  );
  return itemsOf(
    createWriteTransaction({ counters: store.warningCounters }, ({ counters }) =>
      keys.map((k) => counters.update(k).add({ count: delta }).commit()),
    ),
  );
}

function listingItems(store: Store, warningId: string, input: WarningInput, raisedAt: string, version: number) {
  return itemsOf(
    createWriteTransaction({ listings: store.warningListings }, ({ listings }) =>
      [...new Set(input.categories)].map((category) =>
        listings
          .put({
            warningId,
            category,
            kind: input.kind,
            ...(input.flowType ? { flowType: input.flowType } : {}),
            grade: input.grade,
            regionCode: input.regionCode,
            enterpriseId: input.enterpriseId,
            enterpriseName: input.enterpriseName,
            sortDate: input.dueDate ?? raisedAt.slice(0, 10),
            ...(input.dueDate ? { dueDate: input.dueDate } : {}),
            raisedAt,
            detail: input.detail,
            version,
          })
          .commit(),
      ),
    ),
  );
}

/**
 * A warning's version when (re-)raised: the raising instant in ms. A cause that falls due again re-raises its
 * warning in place (same id); starting from the clock rather than 1 means a writer still holding the ended
 * incarnation's version can never match the new one.
 */
const raiseVersion = (now: string) => Date.parse(now);

/**
 * Items that raise a NEW warning (conditioned: no such warning, or only an earlier one that was cleared), its
 * list rows, history step, counters and open-set entry. A warning a regulator closed stays closed.
 */
export function raiseWarningItems(store: Store, input: WarningInput, now: string): TransactItem[] {
  const warningId = warningIdOf(input.kind, input.sourceKey);
  const version = raiseVersion(now);
  const warning = itemsOf(
    createWriteTransaction({ warnings: store.warnings }, ({ warnings }) => [
      warnings
        .put({
          warningId,
          kind: input.kind,
          ...(input.flowType ? { flowType: input.flowType } : {}),
          sourceKey: input.sourceKey,
          grade: input.grade,
          status: 'open',
          regionCode: input.regionCode,
          categories: [...new Set(input.categories)],
          enterpriseId: input.enterpriseId,
          enterpriseName: input.enterpriseName,
          ...(input.dueDate ? { dueDate: input.dueDate } : {}),
          raisedAt: now,
          gradedAt: now,
          detail: input.detail,
          version,
        })
        .where((a, op) => `${op.notExists(a.warningId)} OR ${op.eq(a.status, 'cleared')}`)
        .commit(),
    ]),
  );
  return [
    ...warning,
    ...listingItems(store, warningId, input, now, version),
    ...stepItems(store, { warningId, at: now, action: 'raised', grade: input.grade, dueDate: input.dueDate }),
    ...counterItems(store, input, 1),
    ...openSetItems(store, input.kind, [{ dueDate: input.dueDate, add: input.grade, id: warningId }]),
  ];
}

/** The grade and due date a regrade moves FROM (as the open set recorded them), and the warning's stored scope. */
export interface RegradeFrom {
  grade: WarningGrade;
  dueDate?: string;
}

/**
 * Items that move an open warning to the cause's current state (a new grade as days pass, or a new due date and
 * detail). Conditioned on the warning still being open with the grade and due date it moves from and with the
 * same region and categories (so the counters it moves are the ones it counts in); if the condition fails the
 * caller reads the warning and ends + re-raises it. Does not need the warning item: the scan regrades from the
 * open set alone.
 */
export function regradeWarningItems(
  store: Store,
  from: RegradeFrom,
  input: WarningInput,
  now: string,
  reason?: string,
): TransactItem[] {
  const warningId = warningIdOf(input.kind, input.sourceKey);
  const categories = [...new Set(input.categories)];
  const warning = itemsOf(
    createWriteTransaction({ warnings: store.warnings }, ({ warnings }) => [
      warnings
        .patch({ warningId })
        .set({
          grade: input.grade,
          gradedAt: now,
          enterpriseName: input.enterpriseName,
          detail: input.detail,
          ...(input.dueDate ? { dueDate: input.dueDate } : {}),
        })
        .add({ version: 1 })
        .where((a, op) =>
          [
            op.eq(a.status, 'open'),
            op.eq(a.grade, from.grade),
            from.dueDate ? op.eq(a.dueDate, from.dueDate) : op.notExists(a.dueDate),
            op.eq(a.regionCode, input.regionCode),
            op.eq(a.categories as never, categories as never),
          ].join(' AND '),
        )
        .commit(),
    ]),
  );
  // The list rows carry the version they were written with; a regrade doesn't know it, and nothing conditions
  // on a row's version, so the rows take the regrade instant (monotonic like the warning's own).
  const moved = from.grade !== input.grade;
  return [
    ...warning,
    ...listingItems(store, warningId, { ...input, categories }, now, raiseVersion(now)),
    ...stepItems(store, {
      warningId,
      at: now,
      action: 'regraded',
      grade: input.grade,
      fromGrade: from.grade,
      dueDate: input.dueDate,
      reason,
    }),
    ...(moved ? [...counterItems(store, { ...input, grade: from.grade }, -1), ...counterItems(store, input, 1)] : []),
    ...(openSetDay(from.dueDate) === openSetDay(input.dueDate)
      ? moved
        ? openSetItems(store, input.kind, [
            { dueDate: input.dueDate, add: input.grade, remove: from.grade, id: warningId },
          ])
        : []
      : openSetItems(store, input.kind, [
          { dueDate: from.dueDate, remove: from.grade, id: warningId },
          { dueDate: input.dueDate, add: input.grade, id: warningId },
        ])),
  ];
}

/**
 * Items that end an open warning (status cleared|closed, conditioned on its version), remove its list rows,
 * move the counters, take it out of the open set and write the history step with reason and who.
 */
export function endWarningItems(
  store: Store,
  warning: Warning,
  end: { status: 'cleared' | 'closed'; reason: string; by?: WarningActor },
  now: string,
): TransactItem[] {
  const updated = itemsOf(
    createWriteTransaction({ warnings: store.warnings, listings: store.warningListings }, ({ warnings, listings }) => [
      warnings
        .patch({ warningId: warning.warningId })
        .set({
          status: end.status,
          clearedAt: now,
          clearReason: end.reason,
          version: warning.version + 1,
          ...(end.by ? { clearedBy: { accountId: end.by.accountId, name: end.by.name } } : {}),
        })
        .remove(end.by ? [] : ['clearedBy'])
        .where((a, op) => `${op.eq(a.version, warning.version)} AND ${op.eq(a.status, 'open')}`)
        .commit(),
      ...[...new Set(warning.categories)].map((category) =>
        listings.delete({ warningId: warning.warningId, category }).commit(),
      ),
    ]),
  );
  return [
    ...updated,
    ...stepItems(store, {
      warningId: warning.warningId,
      at: now,
      action: end.status,
      grade: warning.grade,
      reason: end.reason,
      byAccountId: end.by?.accountId,
      byName: end.by?.name,
    }),
    ...counterItems(store, warning, -1),
    ...openSetItems(store, warning.kind, [{ dueDate: warning.dueDate, remove: warning.grade, id: warning.warningId }]),
  ];
}

interface StepInput {
  warningId: string;
  at: string;
  action: 'raised' | 'regraded' | 'cleared' | 'closed';
  grade?: WarningGrade;
  fromGrade?: WarningGrade;
  dueDate?: string | undefined;
  reason?: string | undefined;
  byAccountId?: string | undefined;
  byName?: string | undefined;
}

function stepItems(store: Store, step: StepInput): TransactItem[] {
  const clean = Object.fromEntries(Object.entries(step).filter(([, v]) => v !== undefined)) as StepInput;
  return itemsOf(createWriteTransaction({ steps: store.warningSteps }, ({ steps }) => [steps.put(clean).commit()]));
}

interface OpenSetMove {
  dueDate: string | undefined;
  id: string;
  add?: WarningGrade;
  remove?: WarningGrade;
}

/** ADD / DELETE the warning's id in the per-grade sets of its kind's due day (one update per day item). */
function openSetItems(store: Store, kind: WarningKind, moves: OpenSetMove[]): TransactItem[] {
  return itemsOf(
    createWriteTransaction({ sets: store.warningOpenSets }, ({ sets }) =>
      moves.map((m) => {
        const key = { openKind: kind, dueDate: openSetDay(m.dueDate) };
        // ADD and DELETE name different attributes (one set per grade), so both fit in one update expression.
        return sets
          .update(key)
          .data((a, op) => {
            if (m.add) op.add(a[m.add], [m.id]);
            if (m.remove) op.delete(a[m.remove], [m.id]);
          })
          .commit();
      }),
    ),
  );
}
