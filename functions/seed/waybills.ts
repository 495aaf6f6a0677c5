/**
 * Demo 电子托运单 (issue 13): between demo enterprises of one category — a shipper with a login, a receiver, a carrier
 * on the register whose licence and crew are valid today — one waybill in each state (草稿, 已提交, 运输中 after a
 * correction, 已到达, 已签收 into the receiver's warehouse, 已作废), and an outbound to the receiver six days ago that no
 * waybill or inbound ever matched, which the reconciliation turns into a 物品流向预警 (流向未闭合). Written with the
 * waybills context's own transaction items, so lists, counters and the chart agree; ids are deterministic, so a
 * second run rewrites rather than doubles.
 */
import { createHash } from 'node:crypto';
import type { CategoryCode } from '../../shared/reference/categories';
import { addDays } from '../../shared/validation/dates';
import { CREW_CERTIFICATES } from '../lib/ledger/crew-gate';
import { inboundItems, SHIPMENT_DUE_DAYS, SHIPMENT_DUE_KIND } from '../lib/ledger/movements';
import { transactWithAudit, SYSTEM_ACTOR } from '../lib/audit';
import type { Store } from '../store';
import { inboundLines } from '../waybills/ledger-links';
import type { WaybillRecord } from '../waybills/record';
import { reconcileShipments } from '../waybills/reconcile';
import { waybillItems } from '../waybills/writes';
import type { DemoData, DemoEnterprise, DemoPerson } from './generate';

const hex = (s: string, n = 32) => createHash('sha256').update(s).digest('hex').slice(0, n);
const at = (day: string, hour = 9) => new Date(`${day}T${String(hour).padStart(2, '0')}:00:00+08:00`).toISOString();

const STATES = ['draft', 'submitted', 'in-transit', 'arrived', 'signed', 'voided'] as const;

const GOODS: Partial<
  Record<CategoryCode, { productName: string; unNumber: string; hazardClass: string; packaging: string; unit: string }>
> = {
  explosives: { productName: '乳化炸药', unNumber: '0241', hazardClass: '1.1D', packaging: '纸箱 24kg', unit: '吨' },
  hazchem: { productName: '甲醇', unNumber: '1230', hazardClass: '3', packaging: '罐装', unit: '吨' },
  fireworks: { productName: '礼花弹', unNumber: '0335', hazardClass: '1.3G', packaging: '纸箱', unit: '箱' },
  'bulk-gasoline': { productName: '汽油', unNumber: '1203', hazardClass: '3', packaging: '罐装', unit: '吨' },
  radioactive: {
    productName: '放射性物品（例外货包）',
    unNumber: '2910',
    hazardClass: '7',
    packaging: '例外货包',
    unit: '件',
  },
};

interface Cast {
  category: CategoryCode;
  shipper: DemoEnterprise;
  receiver: DemoEnterprise;
  carrier: DemoEnterprise;
  permitNo: string;
  driver: DemoPerson;
  escort: DemoPerson;
}

const validCert = (p: DemoPerson, accepted: readonly string[], day: string) =>
  p.certificates.find((c) => accepted.includes(c.type) && c.validFrom <= day && day <= c.validTo);

/** Who plays which part: the first category where the demo register has a valid carrier and crew. */
function castFor(data: DemoData, today: string): Cast | undefined {
  const withLogin = new Set(data.enterpriseAccounts.map((a) => a.enterpriseId));
  for (const category of Object.keys(GOODS) as CategoryCode[]) {
    for (const carrier of data.enterprises) {
      if (
        !carrier.segments.some(
          (s) => s.segment === 'transport' && (s.category === category || s.category === 'transport'),
        )
      )
        continue;
      const licence = data.licences.find(
        (l) =>
          l.enterpriseId === carrier.id &&
          l.segment === 'transport' &&
          (l.category === category || l.category === 'transport') &&
          l.validFrom <= today &&
          today <= l.validTo,
      );
      if (!licence) continue;
      const staff = data.personnel.filter((p) => p.enterpriseId === carrier.id);
      const driver = staff.find((p) => validCert(p, CREW_CERTIFICATES.driver, today));
      const escort = staff.find((p) => p !== driver && validCert(p, CREW_CERTIFICATES.escort, today));
      if (!driver || !escort) continue;
      const of = (e: DemoEnterprise) =>
        e.id !== carrier.id && e.segments.some((s) => s.category === category && s.segment !== 'transport');
      const shipper = data.enterprises.find((e) => of(e) && withLogin.has(e.id)) ?? data.enterprises.find(of);
      const receiver = data.enterprises.find(
        (e) => of(e) && e.id !== shipper?.id && e.regionCode.slice(0, 4) !== shipper?.regionCode.slice(0, 4),
      );
      if (shipper && receiver)
        return { category, shipper, receiver, carrier, permitNo: licence.number, driver, escort };
    }
  }
  return undefined;
}

function waybillOf(c: Cast, state: (typeof STATES)[number], today: string): WaybillRecord {
  const g = GOODS[c.category]!;
  const cert = (p: DemoPerson, accepted: readonly string[]) => {
    const v = validCert(p, accepted, today)!;
    return { personId: p.id, name: p.name, certNo: v.number, certValidTo: v.validTo };
  };
  const created = at(addDays(today, -2));
  const by = { accountId: 'demo-seed', name: '演示数据' };
  const departure = state === 'draft' || state === 'submitted' ? today : addDays(today, -1);
  return {
    waybillId: `wb-${hex(`demo:waybill:${state}`)}`,
    waybillNo: `YD${departure.replaceAll('-', '')}${String(STATES.indexOf(state) + 1).padStart(6, '0')}`,
    category: c.category,
    shipperEnterpriseId: c.shipper.id,
    shipperEnterpriseName: c.shipper.name,
    shipperRegionCode: c.shipper.regionCode,
    shipper: { name: '张托运', phone: '13905951234' },
    consignee: { name: '陈收货', phone: '13905911234' },
    receiverEnterpriseId: c.receiver.id,
    receiverEnterpriseName: c.receiver.name,
    receiverRegionCode: c.receiver.regionCode,
    loader: { name: '赵装货', phone: '13905952345' },
    carrier: { enterpriseId: c.carrier.id, name: c.carrier.name, permitNo: c.permitNo },
    vehicle: {
      plate: `闽C${String(12340 + STATES.indexOf(state))}`,
      plateColour: '黄色',
      transportCertNo: '闽交运管泉字350500123456号',
    },
    driver: cert(c.driver, CREW_CERTIFICATES.driver),
    escort: cert(c.escort, CREW_CERTIFICATES.escort),
    lines: [{ ...g, packingGroup: 'II', quantity: 2, codes: [] }],
    origin: { regionCode: c.shipper.regionCode, address: `${c.shipper.name}仓库` },
    destination: { regionCode: c.receiver.regionCode, address: `${c.receiver.name}仓库` },
    departureDate: departure,
    dispatcher: '周调度',
    status: state,
    revision: 1,
    createdAt: created,
    createdBy: by,
    updatedAt: created,
    updatedBy: by,
    ...(state === 'voided' ? { voidedAt: created, voidReason: '计划取消' } : {}),
    version: 1,
  };
}

export async function seedDemoWaybills(store: Store, data: DemoData, today: string): Promise<number> {
  const cast = castFor(data, today);
  if (!cast) return 0;
  const audit = (id: string) => ({
    actor: SYSTEM_ACTOR,
    action: 'waybill.seed',
    object: { type: 'waybill', id },
    outcome: 'success' as const,
    sourceIp: '0.0.0.0',
    requestId: `seed:${id}`,
  });
  for (const state of STATES) {
    const w = waybillOf(cast, state, today);
    if ((await store.waybills.get({ waybillId: w.waybillId }).go()).data) continue;
    const items = waybillItems(store, null, w);
    // A correction: the vehicle changed on the way; revision 1 is kept beside it.
    const kept = state === 'in-transit' ? { ...w } : undefined;
    if (kept) {
      Object.assign(w, { vehicle: { ...w.vehicle!, plate: '闽C54321' }, revision: 2, correctionReason: '更换车辆' });
      items.splice(0, items.length, ...waybillItems(store, null, w));
    }
    if (state === 'signed') {
      const warehouseId = `wh-demo-${hex(cast.receiver.id, 12)}`;
      const now = at(today, 10);
      await store.warehouses
        .put({
          warehouseId,
          enterpriseId: cast.receiver.id,
          enterpriseName: cast.receiver.name,
          regionCode: cast.receiver.regionCode,
          categories: [cast.category],
          name: '1号库',
          address: `${cast.receiver.name}厂区`,
          type: '地面库',
          designCapacity: 20,
          capacityUnit: GOODS[cast.category]!.unit,
          createdAt: now,
          updatedAt: now,
        })
        .go();
      const movementId = `mv-${today.replaceAll('-', '')}-demo${hex(w.waybillId, 10)}`;
      Object.assign(w, { signedAt: now, signedBy: { accountId: 'demo-seed', name: '陈收货' }, inboundId: movementId });
      w.lines = w.lines.map((l) => ({ ...l, receivedQuantity: l.quantity }));
      items.splice(0, items.length, ...waybillItems(store, null, w));
      items.push(
        ...(await inboundItems(
          store,
          {
            enterpriseId: cast.receiver.id,
            warehouseId,
            sourceEnterprise: { enterpriseId: cast.shipper.id, name: cast.shipper.name },
            date: today,
            handler: '陈收货',
            lines: inboundLines(w, [2]),
            waybillId: w.waybillId,
            movementId,
          },
          now,
        )),
      );
    }
    await transactWithAudit(store, audit(w.waybillId), items);
    if (kept) {
      const {
        waybillId,
        status: _s,
        revision: _r,
        createdAt,
        createdBy,
        updatedAt: _u,
        updatedBy: _ub,
        version: _v,
        ...content
      } = kept;
      await store.waybillRevisions
        .put({
          waybillId,
          revision: 1,
          ...content,
          savedAt: createdAt,
          savedBy: createdBy!,
          replacedAt: at(addDays(today, -1)),
        })
        .go();
    }
  }
  // An outbound nobody carried or received: after its 3 days, 流向未闭合.
  const shippedOn = addDays(today, -(SHIPMENT_DUE_DAYS + 3));
  const g = GOODS[cast.category]!;
  await store.shipments
    .put({
      shipmentId: `shp-${hex('demo:unmatched', 24)}`,
      shipperEnterpriseId: cast.shipper.id,
      shipperName: cast.shipper.name,
      shipperRegionCode: cast.shipper.regionCode,
      receiverEnterpriseId: cast.receiver.id,
      receiverName: cast.receiver.name,
      receiverRegionCode: cast.receiver.regionCode,
      category: cast.category,
      receiverSegment: cast.receiver.segments.find((s) => s.category === cast.category)!.segment,
      outboundType: 'sale',
      warehouseId: 'wh-demo-shipper',
      warehouseName: '成品库',
      outboundId: `mv-${shippedOn.replaceAll('-', '')}-demounmatched`,
      shippedOn,
      lines: [
        {
          productKey: `demo:${g.productName}`,
          productName: g.productName,
          category: cast.category,
          quantity: 1,
          unit: g.unit,
        },
      ],
      status: 'open',
      dueKind: SHIPMENT_DUE_KIND,
      dueDate: addDays(shippedOn, SHIPMENT_DUE_DAYS),
      createdAt: at(shippedOn),
    })
    .go();
  await reconcileShipments(store, new Date(at(today, 12)), `seed:${today}`);
  return STATES.length;
}
