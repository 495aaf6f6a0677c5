/**
 * 溯源管理 / 电子雷管监管 (issue 13 §6): a code's chain of custody — made, each outbound, waybill and inbound, used or
 * returned — from E's custody kernel, ONE Query of the code's partition; an item that travelled in a box also
 * shows the box's steps (one more Query, in parallel), and a box code lists the items inside it.
 * Who may read it: an enterprise that held the code at some step; a regulator granted the goods' category who
 * sees one of the enterprises along the chain (one BatchGet of them). Anyone else: not found.
 */
import type { ChainView } from '../../shared/api/waybills';
import type { Principal } from '../lib/auth/principal';
import { notFound } from '../lib/http/errors';
import { boxContents, readChain, type CustodyStep } from '../lib/ledger/custody';
import { canSee, categoriesOf } from '../lib/register/scope';
import { worksIn } from '../lib/scope';
import type { Store } from '../store';

const NOT_FOUND = '未找到该编码的流转记录，或不在您的监管范围内';

function fromTo(s: CustodyStep): { fromName?: string; toName?: string } {
  const other = s.counterparty?.name;
  const own = s.enterpriseName;
  const pair = (from?: string, to?: string) => ({ ...(from ? { fromName: from } : {}), ...(to ? { toName: to } : {}) });
  switch (s.kind) {
    case 'inbound':
      return pair(other, own);
    case 'made':
    case 'packed':
      return pair(undefined, own);
    case 'used':
      return pair(own, other);
    default:
      // outbound, waybill (the carrier holds it on the way to the receiver), returned (back to the supplier).
      return pair(own, other);
  }
}

function stepView(s: CustodyStep, code: string): ChainView['steps'][number] {
  const document = s.waybillId
    ? { type: 'waybill', id: s.waybillId }
    : s.movementId
      ? { type: 'movement', id: s.movementId }
      : s.shipmentId
        ? { type: 'shipment', id: s.shipmentId }
        : undefined;
  return {
    kind: s.kind,
    at: s.at,
    date: s.date,
    enterpriseId: s.enterpriseId,
    enterpriseName: s.enterpriseName,
    ...fromTo(s),
    ...(s.productName ? { productName: s.productName } : {}),
    ...(s.warehouseName ? { warehouseName: s.warehouseName } : {}),
    ...(s.note ? { note: s.note } : {}),
    ...(document ? { document } : {}),
    ...(s.code !== code ? { viaCode: s.code } : {}),
  };
}

async function mayRead(store: Store, p: Principal, steps: readonly CustodyStep[]): Promise<boolean> {
  if (p.kind === 'enterprise') return steps.some((s) => s.enterpriseId === p.enterpriseId);
  if (!steps.some((s) => s.category && worksIn(p, s.category))) return false;
  // The holders and their counterparties: a regulator of the receiving end sees goods on their way in.
  const ids = [
    ...new Set(
      steps.flatMap((s) => [s.enterpriseId, ...(s.counterparty?.enterpriseId ? [s.counterparty.enterpriseId] : [])]),
    ),
  ];
  const { data } = await store.enterprises.get(ids.map((enterpriseId) => ({ enterpriseId }))).go();
  return data.some((e) =>
    canSee(p, { enterpriseId: e.enterpriseId, regionCode: e.regionCode, categories: categoriesOf(e.segments) }),
  );
}

export async function chainOf(store: Store, p: Principal, code: string): Promise<ChainView> {
  const own = await readChain(store, code);
  // The boxes it travelled in (E's steps name them): their steps are its steps too.
  const boxes = [...new Set(own.flatMap((s) => (s.boxCode && s.boxCode !== code ? [s.boxCode] : [])))];
  const boxChains = await Promise.all(boxes.map((b) => readChain(store, b)));
  const seen = new Set(own.map((s) => s.eventId));
  const steps = [...own, ...boxChains.flat().filter((s) => s.kind !== 'packed' && !seen.has(s.eventId))].sort((a, b) =>
    a.at === b.at ? a.eventId.localeCompare(b.eventId) : a.at.localeCompare(b.at),
  );
  if (steps.length === 0 || !(await mayRead(store, p, steps))) throw notFound(NOT_FOUND);
  return { code, steps: steps.map((s) => stepView(s, code)), insideCodes: boxContents(own) };
}
