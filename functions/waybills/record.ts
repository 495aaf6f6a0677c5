/**
 * A waybill as the domain holds it, who may see and act on it, and how it reads in the API — the one place of
 * the waybills' scope rule:
 * - the shipper's enterprise (托运人) writes it, corrects it and moves it through its states;
 * - the receiving enterprise (收货单位) sees it once submitted and signs it when it has arrived;
 * - a regulator sees it once submitted when its 起运地 or 目的地 lies in their jurisdiction and they are granted its
 *   category (`regulatorSees`); regulators never edit.
 * A draft is the shipper's alone. Anyone else reads "not found".
 */
import type { EntityItem } from 'electrodb';
import {
  CORRECTABLE,
  WAYBILL_MOVES,
  type WaybillDetail,
  type WaybillListItem,
  type WaybillMove,
} from '../../shared/api/waybills';
import type { Principal } from '../lib/auth/principal';
import { notFound } from '../lib/http/errors';
import { regulatorSees } from '../lib/scope';
import type { Store } from '../store';

export type WaybillRecord = EntityItem<Store['waybills']>;
export type WaybillListingRecord = EntityItem<Store['waybillListings']>;

export const NOT_FOUND = '托运单不存在或不在您的监管范围内';

export const isShipper = (p: Principal, w: WaybillRecord) =>
  p.kind === 'enterprise' && p.enterpriseId === w.shipperEnterpriseId;
export const isReceiver = (p: Principal, w: WaybillRecord) =>
  p.kind === 'enterprise' && p.enterpriseId === w.receiverEnterpriseId;

/** The regions a waybill concerns: where it starts and where it ends. */
export const regionsOf = (w: Pick<WaybillRecord, 'origin' | 'destination'>): string[] => [
  ...new Set([w.origin!.regionCode, w.destination!.regionCode]),
];

export function seesWaybill(p: Principal, w: WaybillRecord): boolean {
  if (isShipper(p, w)) return true;
  if (w.status === 'draft') return false;
  if (p.kind === 'enterprise') return isReceiver(p, w);
  return regionsOf(w).some((regionCode) => regulatorSees(p, { regionCode, categories: [w.category] }));
}

export async function loadWaybill(store: Store, waybillId: string): Promise<WaybillRecord | null> {
  return (await store.waybills.get({ waybillId }).go({ consistent: true })).data;
}

/** The waybill if `p` may see it; 404 otherwise (never revealing that it exists). */
export async function visibleWaybill(store: Store, p: Principal, waybillId: string): Promise<WaybillRecord> {
  const w = await loadWaybill(store, waybillId);
  if (!w || !seesWaybill(p, w)) throw notFound(NOT_FOUND);
  return w;
}

export function movesFor(p: Principal, w: WaybillRecord): WaybillMove[] {
  if (!isShipper(p, w)) return [];
  return (Object.keys(WAYBILL_MOVES) as WaybillMove[]).filter((m) =>
    (WAYBILL_MOVES[m].from as readonly string[]).includes(w.status),
  );
}

/** 危险货物 as a list shows it: the goods' names, the first two and a count. */
export function goodsOf(w: Pick<WaybillRecord, 'lines'>): string {
  const names = w.lines.map((l) => l.productName);
  return names.length > 2 ? `${names.slice(0, 2).join('、')}等 ${names.length} 种` : names.join('、');
}

export function detailOf(w: WaybillRecord, p: Principal): WaybillDetail {
  return {
    waybillId: w.waybillId,
    waybillNo: w.waybillNo,
    category: w.category,
    status: w.status,
    revision: w.revision,
    shipperEnterpriseId: w.shipperEnterpriseId,
    shipperEnterpriseName: w.shipperEnterpriseName,
    shipperRegionCode: w.shipperRegionCode,
    shipper: w.shipper!,
    consignee: w.consignee!,
    receiverEnterpriseId: w.receiverEnterpriseId,
    receiverEnterpriseName: w.receiverEnterpriseName,
    receiverRegionCode: w.receiverRegionCode,
    loader: w.loader!,
    carrier: w.carrier!,
    vehicle: w.vehicle! as WaybillDetail['vehicle'],
    driver: w.driver!,
    escort: w.escort!,
    lines: w.lines.map((l) => ({ ...l, codes: l.codes ?? [] })) as WaybillDetail['lines'],
    origin: w.origin!,
    destination: w.destination!,
    departureDate: w.departureDate,
    dispatcher: w.dispatcher,
    ...(w.shipmentId ? { shipmentId: w.shipmentId } : {}),
    ...(w.inboundId ? { inboundId: w.inboundId } : {}),
    createdAt: w.createdAt,
    createdBy: w.createdBy!,
    updatedAt: w.updatedAt,
    ...(w.correctionReason ? { correctionReason: w.correctionReason } : {}),
    ...(w.voidReason ? { voidReason: w.voidReason } : {}),
    ...(w.signedAt ? { signedAt: w.signedAt } : {}),
    ...(w.signedBy ? { signedBy: w.signedBy } : {}),
    canEdit: isShipper(p, w) && CORRECTABLE.includes(w.status),
    canMove: movesFor(p, w),
    canSign: isReceiver(p, w) && w.status === 'arrived',
    version: w.version,
  };
}

export function listItemOf(r: WaybillListingRecord): WaybillListItem {
  return {
    waybillId: r.waybillId,
    waybillNo: r.waybillNo,
    category: r.category,
    status: r.status,
    shipperEnterpriseName: r.shipperEnterpriseName,
    receiverEnterpriseName: r.receiverEnterpriseName,
    ...(r.shipperEnterpriseId ? { shipperEnterpriseId: r.shipperEnterpriseId } : {}),
    ...(r.receiverEnterpriseId ? { receiverEnterpriseId: r.receiverEnterpriseId } : {}),
    carrierName: r.carrierName,
    plate: r.plate,
    originRegionCode: r.originRegionCode,
    destinationRegionCode: r.destinationRegionCode,
    departureDate: r.departureDate,
    goods: r.goods,
    revision: r.revision,
    createdAt: r.createdAt,
  };
}
