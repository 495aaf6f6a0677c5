/**
 * The items of ONE transaction for a hazard's transition: the hazard (created only if absent, or rewritten only at
 * the version the caller read — so two regulators deciding at once make one decision and the other's condition
 * fails), its list rows (one per acting department, keyed by status so the row moves to its new list), the step of
 * its 整改记录, and the event announcing it (the outbox). The caller adds attachment links and the audit record.
 */
import { createWriteTransaction } from 'electrodb';
import type { EventContract, EventData } from '../../shared/events/contract';
import type { TransactItem } from '../lib/audit';
import { outboxItem } from '../lib/events/outbox';
import { conflict } from '../lib/http/errors';
import { statsCounterItems } from '../lib/stats/counters';
import { itemsOf } from '../lib/transactions';
import type { Store } from '../store';
import { departmentsOf, type HazardRecord } from './record';

export type HazardStep = Omit<Parameters<Store['hazardSteps']['create']>[0], 'hazardId' | 'seq'>;

/** The due index's partition of open hazards (the warnings read it by date). */
export const HAZARD_DUE_KIND = 'hazard';

/** The record with its derived fields: the due index's keys while open, none once 已整改. */
export function withDerived(h: HazardRecord): HazardRecord {
  const { dueKind: _kind, dueDate: _date, ...rest } = h;
  return h.status === 'confirmed' ? (rest as HazardRecord) : { ...rest, dueKind: HAZARD_DUE_KIND, dueDate: h.deadline };
}

export function transitionItems<C extends EventContract>(
  store: Store,
  next: HazardRecord,
  /** The version the caller read; undefined when the hazard is new. */
  readVersion: number | undefined,
  step: HazardStep,
  /** The event announcing it; none for a change nobody is told of (a new 整改时限 shows in the lists). */
  event: { contract: C; data: EventData<C> } | null,
): TransactItem[] {
  const hazard = withDerived(next);
  const items = itemsOf(
    createWriteTransaction(
      { hazards: store.hazards, listings: store.hazardListings, steps: store.hazardSteps },
      ({ hazards, listings, steps }) => [
        readVersion === undefined
          ? hazards.create(hazard).commit()
          : hazards
              .put(hazard)
              .where((a, op) => op.eq(a.version, readVersion))
              .commit(),
        ...departmentsOf(hazard).map((department) =>
          listings
            .put({
              hazardId: hazard.hazardId,
              department,
              category: hazard.category,
              status: hazard.status,
              regionCode: hazard.regionCode,
              sentAt: hazard.sentAt,
              name: hazard.name,
              enterpriseId: hazard.enterpriseId,
              enterpriseName: hazard.enterpriseName,
              problem: hazard.problem,
              ...(hazard.requirement ? { requirement: hazard.requirement } : {}),
              responsibleDepartment: hazard.responsibleDepartment,
              sendingDepartment: hazard.sendingDepartment,
              deadline: hazard.deadline,
              returnedCount: hazard.returnedCount,
              attachmentCount: hazard.attachmentIds.length,
              version: hazard.version,
            })
            .commit(),
        ),
        steps.create({ ...step, hazardId: hazard.hazardId, seq: hazard.version }).commit(),
      ],
    ),
  );
  const counted = [...items, ...yearlyCounterItems(store, hazard, readVersion, step)];
  return event ? [...counted, outboxItem(store, event.contract, event.data, new Date(step.at))] : counted;
}

/**
 * The 首页's yearly figures (functions/lib/stats): issuing a new hazard and confirming one each count once, in the
 * transaction of that step — its hazard condition (absent / at the read version) lets it through only once.
 */
function yearlyCounterItems(
  store: Store,
  hazard: HazardRecord,
  readVersion: number | undefined,
  step: HazardStep,
): TransactItem[] {
  const at = { category: hazard.category, regionCode: hazard.regionCode, at: step.at };
  if (readVersion === undefined && step.action === 'issued')
    return statsCounterItems(store, { ...at, metric: 'hazardsIssued' });
  if (step.action === 'confirmed') return statsCounterItems(store, { ...at, metric: 'hazardsConfirmed' });
  return [];
}

const cancellationCode = (err: unknown, index: number): string | undefined =>
  (err as { name?: string } | null)?.name === 'TransactionCanceledException'
    ? (err as { CancellationReasons?: { Code?: string }[] }).CancellationReasons?.[index]?.Code
    : undefined;

/** The hazard's own condition failed (it is the transaction's first item): someone else moved it first. */
export const hazardMoved = (err: unknown): boolean => cancellationCode(err, 0) === 'ConditionalCheckFailed';

/** The 409 a caller gets when another decision got there first. */
export function movedConflict(current: HazardRecord | null): Error {
  const what =
    current?.status === 'confirmed'
      ? `该隐患已由${current.confirmedBy?.name ?? '其他人员'}确认整改`
      : current?.status === 'issued'
        ? '该隐患已被退回整改'
        : '该隐患已被他人处理';
  return conflict(`${what}，请刷新后查看`);
}

/** The event fields every hazard event carries. */
export function eventBase(h: HazardRecord) {
  return {
    hazardId: h.hazardId,
    name: h.name,
    enterpriseId: h.enterpriseId,
    enterpriseName: h.enterpriseName,
    regionCode: h.regionCode,
    category: h.category,
    sendingDepartment: h.sendingDepartment,
    responsibleDepartment: h.responsibleDepartment,
    deadline: h.deadline,
    round: h.returnedCount,
  } as const;
}
