/**
 * A small world for waybill tests, written straight into the store: a 民爆 shipper and receiver, a carrier on the
 * register with its 道路运输经营许可证, a driver and an escort with their 从业资格证, the receiver's warehouse, and
 * (optionally) an open shipment of the shipper's to the receiver — what E's 出库 writes — in the due index.
 */
import type { Store } from '../../functions/store';
import { addDays, todayInChina } from '../../shared/validation/dates';
import { generateUscc } from '../../shared/validation/uscc';

/** Credit codes that differ from run to run of a file and from the seed's. */
const rng = () => Math.random();

let n = 0;

export interface WaybillWorld {
  shipperId: string;
  receiverId: string;
  carrierId: string;
  driverId: string;
  escortId: string;
  warehouseId: string;
  outsiderId: string;
}

async function enterprise(
  store: Store,
  id: string,
  name: string,
  regionCode: string,
  segments: { category: string; segment: string }[],
) {
  await store.enterprises
    .create({
      enterpriseId: id,
      name,
      regionCode,
      registrationStatus: 'in-business',
      creditCode: generateUscc(rng, { regionCode }),
      segments,
      staffCount: 0,
    })
    .go();
}

export async function waybillWorld(store: Store, opts: { driverCertValidTo?: string } = {}): Promise<WaybillWorld> {
  n++;
  const tag = `${process.pid.toString(36)}${n}`;
  const today = todayInChina();
  const w: WaybillWorld = {
    shipperId: `ent-wbs-${tag}`,
    receiverId: `ent-wbr-${tag}`,
    carrierId: `ent-wbc-${tag}`,
    driverId: `per-wbd-${tag}`,
    escortId: `per-wbe-${tag}`,
    warehouseId: `wh-wb-${tag}`,
    outsiderId: `ent-wbo-${tag}`,
  };
  await enterprise(store, w.shipperId, `泉州民爆器材有限公司${tag}`, '350503', [
    { category: 'explosives', segment: 'production' },
  ]);
  await enterprise(store, w.receiverId, `福州爆破工程有限公司${tag}`, '350102', [
    { category: 'explosives', segment: 'use' },
  ]);
  await enterprise(store, w.carrierId, `福建危货运输有限公司${tag}`, '350503', [
    { category: 'explosives', segment: 'transport' },
  ]);
  await enterprise(store, w.outsiderId, `厦门某化工有限公司${tag}`, '350203', [
    { category: 'hazchem', segment: 'use' },
  ]);
  await store.licences
    .create({
      licenceId: `lic-wb-${tag}`,
      enterpriseId: w.carrierId,
      category: 'explosives',
      segment: 'transport',
      regionCode: '350503',
      licenceName: '道路运输经营许可证',
      number: `闽交运管许可泉字${tag}号`,
      issuer: '泉州市交通运输局',
      validFrom: addDays(today, -400),
      validTo: addDays(today, 400),
    })
    .go();
  const person = (personId: string, name: string, type: string, validTo: string) =>
    store.personnel
      .create({
        personId,
        enterpriseId: w.carrierId,
        regionCode: '350503',
        name,
        idCardNo: '350503199001011234',
        certificates: [
          { type, number: `${type}-${personId}`, issuer: '泉州市交通运输局', validFrom: addDays(today, -300), validTo },
        ],
        earliestCertValidTo: validTo,
      })
      .go();
  await person(w.driverId, '王驾驶', 'dangerous-goods-driver', opts.driverCertValidTo ?? addDays(today, 300));
  await person(w.escortId, '李押运', 'escort', addDays(today, 300));
  const at = new Date().toISOString();
  await store.warehouses
    .create({
      warehouseId: w.warehouseId,
      enterpriseId: w.receiverId,
      enterpriseName: `福州爆破工程有限公司${tag}`,
      regionCode: '350102',
      categories: ['explosives'],
      name: '1号炸药库',
      address: '福州市鼓楼区某地',
      type: '地面库',
      designCapacity: 10,
      capacityUnit: '吨',
      createdAt: at,
      updatedAt: at,
    })
    .go();
  return w;
}

/** An open shipment (E's 出库 to another enterprise) in the due index: due `shippedOn` + 3. */
export async function openShipment(
  store: Store,
  w: WaybillWorld,
  opts: { shipmentId?: string; shippedOn?: string; quantity?: number; codes?: string[] } = {},
) {
  n++;
  const shipmentId = opts.shipmentId ?? `shp-wb${process.pid.toString(36)}${n}`;
  const shippedOn = opts.shippedOn ?? todayInChina();
  await store.shipments
    .create({
      shipmentId,
      shipperEnterpriseId: w.shipperId,
      shipperName: '泉州民爆器材有限公司',
      shipperRegionCode: '350503',
      receiverEnterpriseId: w.receiverId,
      receiverName: '福州爆破工程有限公司',
      receiverRegionCode: '350102',
      category: 'explosives',
      receiverSegment: 'use',
      outboundType: 'sale',
      warehouseId: 'wh-shipper',
      warehouseName: '成品库',
      outboundId: `mv-${shipmentId}`,
      shippedOn,
      lines: [
        {
          productKey: 'p-emulsion',
          productName: '乳化炸药',
          category: 'explosives',
          quantity: opts.quantity ?? 2,
          unit: '吨',
          ...(opts.codes ? { codes: opts.codes } : {}),
        },
      ],
      status: 'open',
      dueKind: 'shipment',
      dueDate: addDays(shippedOn, 3),
      createdAt: new Date().toISOString(),
    })
    .go();
  return shipmentId;
}

/** The shipper's form for `w`, departing today. */
export function waybillForm(w: WaybillWorld, over: Record<string, unknown> = {}) {
  return {
    category: 'explosives',
    shipper: { name: '张托运', phone: '13905951234' },
    consignee: { name: '陈收货', phone: '13905911234' },
    receiverEnterpriseId: w.receiverId,
    loader: { name: '赵装货', phone: '13905952345' },
    carrierEnterpriseId: w.carrierId,
    vehicle: { plate: '闽C12345', plateColour: '黄色', transportCertNo: '闽交运管泉字350500123456号' },
    driverPersonId: w.driverId,
    escortPersonId: w.escortId,
    lines: [
      {
        productName: '乳化炸药',
        unNumber: '0241',
        hazardClass: '1.1D',
        packaging: '纸箱 24kg',
        packingGroup: 'II',
        quantity: 2,
        unit: '吨',
        productKey: 'p-emulsion',
        codes: [],
      },
    ],
    origin: { regionCode: '350503', address: '泉州市丰泽区某民爆仓库' },
    destination: { regionCode: '350102', address: '福州市鼓楼区某爆破工地' },
    departureDate: todayInChina(),
    dispatcher: '周调度',
    ...over,
  };
}
