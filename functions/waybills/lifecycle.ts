/**
 * The waybill's lifecycle (issue 13 §4): the shipper's 新增 (a 草稿) and corrections (a new version, the old one
 * kept), 提交 → 发车 (运输中) → 到达, 作废 before departure. Each step is ONE transaction conditioned on the version
 * the caller read, with its audit record; the crew gate (functions/lib/ledger/crew-gate.ts) checks the carrier,
 * the driver and the escort on every save and again on 提交.
 */
import { randomBytes } from 'node:crypto';
import {
  CORRECTABLE,
  WAYBILL_MOVES,
  WAYBILL_STATUS_NAMES,
  type WaybillCorrectionInput,
  type WaybillInput,
  type WaybillMove,
  type WaybillMoveInput,
} from '../../shared/api/waybills';
import { todayInChina } from '../../shared/validation/dates';
import { actorOf, transactWithAudit, type AuditEntryInput, type TransactItem } from '../lib/audit';
import type { EnterpriseAccount } from '../lib/auth/principal';
import { badRequest, conflict, notFound } from '../lib/http/errors';
import { crewGate } from '../lib/ledger/crew-gate';
import type { Store } from '../store';
import { detailOf, isShipper, loadWaybill, NOT_FOUND, seesWaybill, type WaybillRecord } from './record';
import { waybillItems, waybillMoved, type WaybillRevisionRecord } from './writes';
import { carriedShipment, departureCustodyItems, linkShipmentItems, unlinkShipmentItems } from './ledger-links';

export interface RequestMeta {
  requestId: string;
  sourceIp: string;
}

export const STALE = '托运单已变化，请刷新后重试';

const newWaybillId = () => `wb-${randomBytes(16).toString('hex')}`;
const newWaybillNo = (date: string) =>
  `YD${date.replaceAll('-', '')}${String(randomBytes(4).readUInt32BE() % 1_000_000).padStart(6, '0')}`;

/** The content of a waybill from the form: the parties on the register and the crew the gate let through. */
async function contentOf(store: Store, p: EnterpriseAccount, input: WaybillInput) {
  const [shipper, receiver] = await Promise.all([
    store.enterprises.get({ enterpriseId: p.enterpriseId }).go(),
    store.enterprises.get({ enterpriseId: input.receiverEnterpriseId }).go(),
  ]);
  if (!shipper.data || shipper.data.removed) throw notFound('托运企业不在登记的企业名单中');
  if (!receiver.data || receiver.data.removed) {
    throw badRequest('收货单位不在登记的企业名单中', [
      { path: 'body.receiverEnterpriseId', message: '请选择登记在册的收货单位' },
    ]);
  }
  const gate = await crewGate(store, {
    carrierEnterpriseId: input.carrierEnterpriseId,
    driverPersonId: input.driverPersonId,
    escortPersonId: input.escortPersonId,
    category: input.category,
    date: input.departureDate,
  });
  if ('refusal' in gate) {
    throw badRequest(gate.refusal, [{ path: 'body.carrierEnterpriseId', message: gate.refusal }]);
  }
  const { carrier, driver, escort } = gate.crew;
  return {
    waybillNo: input.waybillNo ?? newWaybillNo(input.departureDate),
    category: input.category,
    shipperEnterpriseId: shipper.data.enterpriseId,
    shipperEnterpriseName: shipper.data.name,
    shipperRegionCode: shipper.data.regionCode,
    shipper: input.shipper,
    consignee: input.consignee,
    receiverEnterpriseId: receiver.data.enterpriseId,
    receiverEnterpriseName: receiver.data.name,
    receiverRegionCode: receiver.data.regionCode,
    loader: input.loader,
    carrier: { enterpriseId: carrier.enterpriseId, name: carrier.name, permitNo: carrier.permitNo },
    vehicle: Object.fromEntries(
      Object.entries(input.vehicle).filter(([, v]) => v !== undefined && v !== ''),
    ) as WaybillRecord['vehicle'],
    driver,
    escort,
    lines: input.lines.map((l) => ({
      productName: l.productName,
      unNumber: l.unNumber,
      hazardClass: l.hazardClass,
      packaging: l.packaging,
      packingGroup: l.packingGroup,
      quantity: l.quantity,
      unit: l.unit,
      ...(l.productKey ? { productKey: l.productKey } : {}),
      codes: l.codes,
    })),
    origin: input.origin,
    destination: input.destination,
    departureDate: input.departureDate,
    dispatcher: input.dispatcher,
    ...(input.shipmentId ? { shipmentId: input.shipmentId } : {}),
  };
}

async function commit(store: Store, audit: AuditEntryInput, items: (attempt: number) => Promise<TransactItem[]>) {
  try {
    await transactWithAudit(store, audit, items);
  } catch (err) {
    if (waybillMoved(err)) throw conflict(STALE);
    throw err;
  }
}

const auditOf = (
  p: EnterpriseAccount,
  w: WaybillRecord,
  action: string,
  meta: RequestMeta,
  details?: AuditEntryInput['details'],
) => ({
  actor: actorOf(p),
  action,
  object: { type: 'waybill', id: w.waybillId, label: w.waybillNo },
  outcome: 'success' as const,
  ...meta,
  ...(details ? { details } : {}),
});

/** 新增电子托运单: a 草稿 of the caller's enterprise. */
export async function createWaybill(store: Store, p: EnterpriseAccount, input: WaybillInput, meta: RequestMeta) {
  const content = await contentOf(store, p, input);
  const waybillId = newWaybillId();
  await carriedShipment(store, { ...content, waybillId });
  const at = new Date().toISOString();
  const by = { accountId: p.accountId, name: p.name };
  const w: WaybillRecord = {
    waybillId,
    ...content,
    status: 'draft',
    revision: 1,
    createdAt: at,
    createdBy: by,
    updatedAt: at,
    updatedBy: by,
    version: 1,
  };
  await commit(store, auditOf(p, w, 'waybill.create', meta), async () => waybillItems(store, null, w));
  return detailOf(w, p);
}

/** The shipper's waybill at the version they read: 404 for anyone else, 409 when it moved on. */
async function ownWaybill(store: Store, p: EnterpriseAccount, waybillId: string, version: number) {
  const w = await loadWaybill(store, waybillId);
  if (!w || !seesWaybill(p, w)) throw notFound(NOT_FOUND);
  if (!isShipper(p, w)) throw notFound(NOT_FOUND);
  if (w.version !== version) throw conflict(STALE);
  return w;
}

/** 修改 / 更正: a new version of the content; the one it replaces is kept as a revision. */
export async function correctWaybill(
  store: Store,
  p: EnterpriseAccount,
  waybillId: string,
  input: WaybillCorrectionInput,
  meta: RequestMeta,
) {
  const w = await ownWaybill(store, p, waybillId, input.version);
  if (!CORRECTABLE.includes(w.status)) throw conflict(`托运单${w.status === 'signed' ? '已签收' : '已作废'}，不能更正`);
  if (w.status !== 'draft' && (input.waybill.shipmentId ?? null) !== (w.shipmentId ?? null)) {
    throw badRequest('已提交的托运单不能更换所运的出库单');
  }
  const content = await contentOf(store, p, { ...input.waybill, waybillNo: input.waybill.waybillNo ?? w.waybillNo });
  await carriedShipment(store, { ...content, waybillId: w.waybillId });
  const at = new Date().toISOString();
  const by = { accountId: p.accountId, name: p.name };
  const kept: WaybillRevisionRecord = {
    waybillId: w.waybillId,
    revision: w.revision,
    ...pickContent(w),
    savedAt: w.updatedAt,
    savedBy: w.updatedBy ?? w.createdBy!,
    ...(w.correctionReason ? { reason: w.correctionReason } : {}),
    replacedAt: at,
  };
  const next: WaybillRecord = {
    ...w,
    ...content,
    revision: w.revision + 1,
    correctionReason: input.reason,
    updatedAt: at,
    updatedBy: by,
    version: w.version + 1,
  };
  if (!content.shipmentId) delete next.shipmentId;
  await commit(
    store,
    auditOf(p, w, 'waybill.correct', meta, { reason: input.reason, revision: next.revision }),
    async () => waybillItems(store, w, next, kept),
  );
  return detailOf(next, p);
}

/** The content fields of a waybill (what a revision keeps). */
export function pickContent(w: WaybillRecord) {
  const {
    waybillId: _id,
    status: _s,
    revision: _r,
    correctionReason: _c,
    createdAt: _ca,
    createdBy: _cb,
    updatedAt: _ua,
    updatedBy: _ub,
    submittedAt: _sa,
    departedAt: _da,
    arrivedAt: _aa,
    signedAt: _sg,
    signedBy: _sb,
    inboundId: _in,
    voidedAt: _va,
    voidReason: _vr,
    version: _v,
    ...content
  } = w;
  return content;
}

/** 提交 / 发车 / 到达 / 作废. */
export async function moveWaybill(
  store: Store,
  p: EnterpriseAccount,
  waybillId: string,
  move: WaybillMove,
  input: WaybillMoveInput,
  meta: RequestMeta,
) {
  const w = await ownWaybill(store, p, waybillId, input.version);
  const rule = WAYBILL_MOVES[move];
  if (!(rule.from as readonly string[]).includes(w.status)) {
    throw conflict(`托运单当前为「${statusName(w.status)}」，不能${rule.label}`);
  }
  if (move === 'void' && !input.reason) {
    throw badRequest('请填写作废原因', [{ path: 'body.reason', message: '请填写作废原因' }]);
  }
  if (move === 'submit') {
    // The crew's certificates on the day of departure, checked again: they may have lapsed since the draft.
    const gate = await crewGate(store, {
      carrierEnterpriseId: w.carrier!.enterpriseId,
      driverPersonId: w.driver!.personId,
      escortPersonId: w.escort!.personId,
      category: w.category,
      date: w.departureDate,
    });
    if ('refusal' in gate) throw badRequest(gate.refusal);
    if (w.departureDate < todayInChina()) throw badRequest('起运日期已过，请更正起运日期后再提交');
  }
  const at = new Date().toISOString();
  const next: WaybillRecord = {
    ...w,
    status: rule.to,
    updatedAt: at,
    version: w.version + 1,
    ...(move === 'submit' ? { submittedAt: at } : {}),
    ...(move === 'depart' ? { departedAt: at } : {}),
    ...(move === 'arrive' ? { arrivedAt: at } : {}),
    ...(move === 'void' ? { voidedAt: at, voidReason: input.reason } : {}),
  };
  await commit(
    store,
    auditOf(p, w, `waybill.${move}`, meta, input.reason ? { reason: input.reason } : undefined),
    async () => [
      ...waybillItems(store, w, next),
      ...(move === 'submit' ? await linkShipmentItems(store, next) : []),
      ...(move === 'void' && w.status !== 'draft' ? unlinkShipmentItems(store, w) : []),
      ...(move === 'depart' ? departureCustodyItems(store, next, at) : []),
    ],
  );
  return detailOf(next, p);
}

export const statusName = (s: WaybillRecord['status']) => WAYBILL_STATUS_NAMES[s];
