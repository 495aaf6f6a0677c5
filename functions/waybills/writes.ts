/**
 * The items of ONE transaction for a waybill's change: the waybill (created only if absent, or rewritten only at
 * the version the caller read — so two tabs or two clicks make one change), its list rows (the shipper's always;
 * the receiver's and the regulators' 物品流向 rows once it is no longer a draft), the revision a correction
 * replaced, and the 物品流向 chart's counters. The caller adds its own items (custody events, the 入库) and the
 * audit record.
 */
import { createWriteTransaction } from 'electrodb';
import { cityOf } from '../../shared/reference/regions';
import type { TransactItem } from '../lib/audit';
import { itemsOf } from '../lib/transactions';
import type { Store } from '../store';
import { goodsOf, regionsOf, type WaybillListingRecord, type WaybillRecord } from './record';

export type WaybillRevisionRecord = Parameters<Store['waybillRevisions']['create']>[0];

/** The list rows of a waybill in a given state (a draft is on the shipper's list only). */
export function listingsOf(w: WaybillRecord): WaybillListingRecord[] {
  const party = (partyEnterpriseId: string, partySide: 'shipper' | 'receiver') => ({
    partyEnterpriseId,
    partySide,
    partySort: `${w.createdAt}#${w.waybillId}`,
  });
  const common = {
    waybillId: w.waybillId,
    waybillNo: w.waybillNo,
    category: w.category,
    status: w.status,
    shipperEnterpriseName: w.shipperEnterpriseName,
    shipperEnterpriseId: w.shipperEnterpriseId,
    shipperRegionCode: w.shipperRegionCode,
    receiverEnterpriseName: w.receiverEnterpriseName,
    receiverEnterpriseId: w.receiverEnterpriseId,
    receiverRegionCode: w.receiverRegionCode,
    carrierName: w.carrier!.name,
    plate: w.vehicle!.plate,
    originRegionCode: w.origin!.regionCode,
    destinationRegionCode: w.destination!.regionCode,
    departureDate: w.departureDate,
    goods: goodsOf(w),
    revision: w.revision,
    createdAt: w.createdAt,
  };
  const rows: WaybillListingRecord[] = [{ ...common, side: 'shipper', ...party(w.shipperEnterpriseId, 'shipper') }];
  if (w.status === 'draft') return rows;
  rows.push({ ...common, side: 'receiver', ...party(w.receiverEnterpriseId, 'receiver') });
  const [origin, destination] = [w.origin!.regionCode, w.destination!.regionCode];
  const flow = (flowRegionCode: string) => ({
    flowCategory: w.category,
    flowRegionCode,
    flowSort: `${w.departureDate}#${w.waybillId}`,
  });
  rows.push({ ...common, side: 'origin', ...flow(origin) });
  if (regionsOf(w).length > 1) rows.push({ ...common, side: 'destination', ...flow(destination) });
  return rows;
}

/** Sides a state has that a later state of the same waybill may no longer have (a corrected route). */
const ALL_SIDES = ['shipper', 'receiver', 'origin', 'destination'] as const;

/** The chart's counters a waybill moves: +1 when it starts counting (submitted), −1 when voided after that. */
export function flowCounterKeys(w: Pick<WaybillRecord, 'category' | 'origin' | 'destination'>) {
  const from = w.origin!.regionCode;
  const to = w.destination!.regionCode;
  return [
    { flowCategory: w.category, level: 'city' as const, fromRegion: cityOf(from) ?? from, toRegion: cityOf(to) ?? to },
    { flowCategory: w.category, level: 'county' as const, fromRegion: from, toRegion: to },
  ];
}

const counted = (w: WaybillRecord | null) => Boolean(w && w.status !== 'draft' && w.status !== 'voided');

export function waybillItems(
  store: Store,
  before: WaybillRecord | null,
  next: WaybillRecord,
  revision?: WaybillRevisionRecord,
): TransactItem[] {
  const rows = listingsOf(next);
  const stale = before ? listingsOf(before).filter((r) => !rows.some((n) => n.side === r.side)) : [];
  const counters: { key: ReturnType<typeof flowCounterKeys>[number]; by: number }[] = [];
  // A correction may move the route: the old pair loses one, the new pair gains one.
  if (counted(before)) for (const key of flowCounterKeys(before!)) counters.push({ key, by: -1 });
  if (counted(next)) for (const key of flowCounterKeys(next)) counters.push({ key, by: 1 });
  const net = new Map<string, { key: ReturnType<typeof flowCounterKeys>[number]; by: number }>();
  for (const c of counters) {
    const id = `${c.key.level}|${c.key.fromRegion}|${c.key.toRegion}`;
    const n = net.get(id);
    net.set(id, n ? { key: n.key, by: n.by + c.by } : c);
  }
  return itemsOf(
    createWriteTransaction(
      {
        waybills: store.waybills,
        listings: store.waybillListings,
        revisions: store.waybillRevisions,
        flows: store.flowCounters,
      },
      ({ waybills, listings, revisions, flows }) => [
        before === null
          ? waybills.create(next).commit()
          : waybills
              .put(next)
              .where((a, op) => op.eq(a.version, before.version))
              .commit(),
        ...rows.map((r) => listings.put(r).commit()),
        ...stale
          .filter((r) => ALL_SIDES.includes(r.side))
          .map((r) => listings.delete({ waybillId: r.waybillId, side: r.side }).commit()),
        ...(revision ? [revisions.create(revision).commit()] : []),
        ...[...net.values()].filter((c) => c.by !== 0).map((c) => flows.update(c.key).add({ count: c.by }).commit()),
      ],
    ),
  );
}

const cancellationCode = (err: unknown, index: number): string | undefined =>
  (err as { name?: string } | null)?.name === 'TransactionCanceledException'
    ? (err as { CancellationReasons?: { Code?: string }[] }).CancellationReasons?.[index]?.Code
    : undefined;

/** The waybill's own condition failed (it is the transaction's first item): someone else changed it first. */
export const waybillMoved = (err: unknown): boolean => cancellationCode(err, 0) === 'ConditionalCheckFailed';
