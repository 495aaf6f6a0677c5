import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reconcileShipments, unclosedKey } from '../../functions/waybills/reconcile';
import { readWarning } from '../../functions/lib/warnings/read';
import { warningIdOf } from '../../functions/lib/warnings/write';
import { addDays, todayInChina } from '../../shared/validation/dates';
import type { ApiClient } from '../support/api-client';
import { signedInAs } from '../support/personas';
import { startTestStack, type TestStack } from '../support/stack';
import { openShipment, waybillForm, waybillWorld, type WaybillWorld } from '../support/waybills';

/**
 * 电子托运单 through the local gateway on DynamoDB Local: the lifecycle 草稿 → 已提交 → 运输中 → 已到达 → 已签收 with a
 * correction kept as a revision, the crew gate, signing that books the receiver's 入库 in the same transaction, the
 * public check page, scope (regulators read, never write; others 404), and the daily reconciliation raising and
 * clearing 物品流向预警.
 */
describe('waybills (电子托运单)', () => {
  let t: TestStack;
  let w: WaybillWorld;
  let shipper: ApiClient;
  let receiver: ApiClient;
  let outsider: ApiClient;
  let cityRegulator: ApiClient;
  let farRegulator: ApiClient;

  beforeAll(async () => {
    t = await startTestStack();
    w = await waybillWorld(t.store);
    shipper = await signedInAs(t.store, t.url, { kind: 'enterprise', enterpriseId: w.shipperId });
    receiver = await signedInAs(t.store, t.url, { kind: 'enterprise', enterpriseId: w.receiverId });
    outsider = await signedInAs(t.store, t.url, { kind: 'enterprise', enterpriseId: w.outsiderId });
    const regulator = (regionCode: string) =>
      signedInAs(t.store, t.url, {
        kind: 'regulator',
        department: 'jingxin',
        regionCode,
        categories: ['explosives'],
        roles: ['inspector'],
      });
    cityRegulator = await regulator('3501');
    farRegulator = await regulator('3509');
  }, 180_000);
  afterAll(async () => t?.stop());

  const move = (api: ApiClient, id: string, m: string, version: number, reason?: string) =>
    api.post(`/api/waybills/${id}/${m}`, { version, ...(reason ? { reason } : {}) });

  it('runs the lifecycle with a correction kept, and signing books the receiver’s 入库 in the same transaction', async () => {
    const shipmentId = await openShipment(t.store, w);
    const created = await shipper.post('/api/waybills', waybillForm(w, { shipmentId }));
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const id = created.body.waybillId as string;
    expect(id).toMatch(/^wb-[0-9a-f]{32}$/);
    expect(created.body).toMatchObject({ status: 'draft', revision: 1, canEdit: true, canMove: ['submit', 'void'] });
    expect(created.body.driver).toMatchObject({ name: '王驾驶' });
    expect(created.body.carrier.permitNo).toContain('闽交运管许可');

    // A draft is the shipper's alone: the receiver, regulators and the public don't see it.
    expect((await receiver.get(`/api/waybills/${id}`)).status).toBe(404);
    expect((await cityRegulator.get(`/api/waybills/${id}`)).status).toBe(404);
    expect((await shipper.get(`/api/public/waybills/${id}`)).status).toBe(404);

    // 提交: the shipment records its waybill.
    const submitted = await move(shipper, id, 'submit', 1);
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
    expect(submitted.body.status).toBe('submitted');
    expect((await t.store.shipments.get({ shipmentId }).go()).data?.waybillId).toBe(id);
    // The same click twice: the second is stale.
    expect((await move(shipper, id, 'submit', 1)).status).toBe(409);

    // A correction: a new version, the old one kept and readable.
    const corrected = await shipper.request('PUT', `/api/waybills/${id}`, {
      waybill: waybillForm(w, {
        shipmentId,
        vehicle: { plate: '闽C54321', plateColour: '黄色', transportCertNo: '闽交运管泉字350500654321号' },
      }),
      reason: '更换车辆',
      version: 2,
    });
    expect(corrected.status, JSON.stringify(corrected.body)).toBe(200);
    expect(corrected.body).toMatchObject({ revision: 2, status: 'submitted', correctionReason: '更换车辆' });
    expect(corrected.body.vehicle.plate).toBe('闽C54321');
    const revisions = await receiver.get(`/api/waybills/${id}/revisions`);
    expect(revisions.body.items).toEqual([expect.objectContaining({ revision: 1 })]);
    const old = await cityRegulator.get(`/api/waybills/${id}/revisions/1`);
    expect(old.status).toBe(200);
    expect(old.body).toMatchObject({ revision: 1, canEdit: false, canMove: [] });
    expect(old.body.vehicle.plate).toBe('闽C12345');

    // Regulators read, never write; the receiver may not move it; the far city's regulator and an outsider: 404.
    expect((await cityRegulator.get(`/api/waybills/${id}`)).body.canEdit).toBe(false);
    expect((await move(cityRegulator, id, 'depart', 3)).status).toBe(403);
    expect((await move(receiver, id, 'depart', 3)).status).toBe(404);
    expect((await farRegulator.get(`/api/waybills/${id}`)).status).toBe(404);
    expect((await outsider.get(`/api/waybills/${id}`)).status).toBe(404);

    // 发车, 到达; signing before arrival is refused.
    expect((await move(shipper, id, 'depart', 3)).body.status).toBe('in-transit');
    const early = await receiver.post(`/api/waybills/${id}/sign`, {
      warehouseId: w.warehouseId,
      handler: '陈收货',
      version: 4,
    });
    expect(early.status).toBe(409);
    expect((await move(shipper, id, 'arrive', 4)).body.status).toBe('arrived');
    // A voided waybill can't come back; an arrived one can't be voided.
    expect((await move(shipper, id, 'void', 5, '误操作')).status).toBe(409);

    // The public check page: status and class only.
    const pub = await new (receiver.constructor as typeof ApiClient)(t.url).get(`/api/public/waybills/${id}`);
    expect(pub.status).toBe(200);
    expect(pub.body).toEqual({
      status: 'arrived',
      statusName: '已到达',
      category: 'explosives',
      hazardClasses: ['1.1D'],
      departureDate: todayInChina(),
    });
    expect(JSON.stringify(pub.body)).not.toMatch(/王驾驶|139|吨|泉州/);

    // Only the receiver signs.
    expect(
      (await shipper.post(`/api/waybills/${id}/sign`, { warehouseId: w.warehouseId, handler: '张', version: 5 }))
        .status,
    ).toBe(403);
    const signed = await receiver.post(`/api/waybills/${id}/sign`, {
      warehouseId: w.warehouseId,
      handler: '陈收货',
      version: 5,
    });
    expect(signed.status, JSON.stringify(signed.body)).toBe(200);
    expect(signed.body).toMatchObject({ status: 'signed', canSign: false });
    const stock = await t.store.stockLines
      .get({ enterpriseId: w.receiverId, warehouseId: w.warehouseId, productKey: 'p-emulsion' })
      .go();
    expect(stock.data?.quantity).toBe(2);
    const s = (await t.store.shipments.get({ shipmentId }).go()).data!;
    expect(s.inboundId).toBe(signed.body.inboundId);
    // Signed is final: no second signing, no correction.
    expect(
      (await receiver.post(`/api/waybills/${id}/sign`, { warehouseId: w.warehouseId, handler: '陈', version: 6 }))
        .status,
    ).toBe(409);
    expect(
      (await shipper.request('PUT', `/api/waybills/${id}`, { waybill: waybillForm(w), reason: '再改', version: 6 }))
        .status,
    ).toBe(409);

    // Both ends' lists show it; the regulators' 物品流向 of the destination's city shows it once.
    expect(
      (await shipper.get('/api/waybills?side=shipper')).body.items.map((i: { waybillId: string }) => i.waybillId),
    ).toContain(id);
    expect(
      (await receiver.get('/api/waybills?side=receiver')).body.items.map((i: { waybillId: string }) => i.waybillId),
    ).toContain(id);
    const flows = await cityRegulator.get('/api/waybills/flows?category=explosives&limit=50');
    expect(flows.body.items.filter((i: { waybillId: string }) => i.waybillId === id)).toHaveLength(1);
    // The row carries the parties' ids: 物品流向 links 托运单位 / 收货单位 to their read-only 台账.
    expect(flows.body.items.find((i: { waybillId: string }) => i.waybillId === id)).toMatchObject({
      shipperEnterpriseId: w.shipperId,
      receiverEnterpriseId: w.receiverId,
    });
    const province = await signedInAs(t.store, t.url, {
      kind: 'regulator',
      department: 'jingxin',
      regionCode: '35',
      categories: ['explosives'],
      roles: ['inspector'],
    });
    const all = await province.get('/api/waybills/flows?category=explosives&limit=50');
    expect(all.body.items.filter((i: { waybillId: string }) => i.waybillId === id)).toHaveLength(1);
    const chart = await province.get('/api/waybills/flows/chart?category=explosives');
    expect(chart.body.links).toContainEqual({ from: '3505', to: '3501', count: 1 });
    expect((await province.get('/api/waybills/flows?category=hazchem')).status).toBe(403);
  });

  it("looks up a unit by its credit code, with a carrier's crew (names and roles only)", async () => {
    const code = (await t.store.enterprises.get({ enterpriseId: w.carrierId }).go()).data!.creditCode!;
    const r = await shipper.get(`/api/waybills/parties?creditCode=${code}&category=explosives`);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.enterpriseId).toBe(w.carrierId);
    expect(r.body.crew).toEqual(
      expect.arrayContaining([
        { personId: w.driverId, name: '王驾驶', roles: ['driver', 'escort'] },
        { personId: w.escortId, name: '李押运', roles: ['escort'] },
      ]),
    );
    expect(JSON.stringify(r.body)).not.toContain('350503199001011234');
    const receiverCode = (await t.store.enterprises.get({ enterpriseId: w.receiverId }).go()).data!.creditCode!;
    expect(
      (await shipper.get(`/api/waybills/parties?creditCode=${receiverCode}&category=explosives`)).body.crew,
    ).toBeUndefined();
  });

  it('refuses a crew whose certificate has lapsed by the departure date, saying why', async () => {
    const lapsed = await waybillWorld(t.store, { driverCertValidTo: addDays(todayInChina(), 5) });
    const api = await signedInAs(t.store, t.url, { kind: 'enterprise', enterpriseId: lapsed.shipperId });
    const r = await api.post('/api/waybills', waybillForm(lapsed, { departureDate: addDays(todayInChina(), 10) }));
    expect(r.status).toBe(400);
    expect(r.body.error.message).toContain('驾驶员王驾驶的道路危险货物运输从业资格证在起运日期');
    const same = await api.post('/api/waybills', waybillForm(lapsed, { escortPersonId: lapsed.driverId }));
    expect(same.body.error.message).toBe('驾驶员和押运员不能是同一人');
    const noCarrier = await api.post('/api/waybills', waybillForm(lapsed, { carrierEnterpriseId: lapsed.outsiderId }));
    expect(noCarrier.status).toBe(400);
    expect(noCarrier.body.error.message).toContain('未登记该类物品的运输环节');
  });

  it('reconciles daily: unmatched after 3 days → 流向未闭合; matched → closed and the warning cleared', async () => {
    const today = todayInChina();
    const late = await openShipment(t.store, w, { shippedOn: addDays(today, -5) });
    const fresh = await openShipment(t.store, w, { shippedOn: today });
    // Due today and already matched (signed within its 3 days): closed by today's run, not tomorrow's.
    const dueToday = await openShipment(t.store, w, { shippedOn: addDays(today, -3) });
    await t.store.shipments.patch({ shipmentId: dueToday }).set({ waybillId: 'wb-x', inboundId: 'mv-x' }).go();
    const first = await reconcileShipments(t.store, new Date(), 'test-1');
    expect(first.raised).toBeGreaterThanOrEqual(1);
    expect((await t.store.shipments.get({ shipmentId: dueToday }).go()).data?.status).toBe('closed');
    const warning = await readWarning(t.store, warningIdOf('flow', unclosedKey(late)));
    expect(warning).toMatchObject({ status: 'open', flowType: 'flow-unclosed', grade: 'red' });
    expect(await readWarning(t.store, warningIdOf('flow', unclosedKey(fresh)))).toBeUndefined();
    // Again the next run: raised once, not twice.
    const second = await reconcileShipments(t.store, new Date(), 'test-2');
    expect(second.raised).toBe(0);

    // The late shipment gets its waybill and is signed: the next run closes it and clears the warning.
    const id = (await shipper.post('/api/waybills', waybillForm(w, { shipmentId: late }))).body.waybillId as string;
    for (const [m, v] of [
      ['submit', 1],
      ['depart', 2],
      ['arrive', 3],
    ] as const) {
      expect((await move(shipper, id, m, v)).status).toBe(200);
    }
    // 1.5 吨 arrive of 2: 流向数量差异 raised in the signing transaction.
    const signed = await receiver.post(`/api/waybills/${id}/sign`, {
      warehouseId: w.warehouseId,
      handler: '陈收货',
      receivedQuantities: [1.5],
      version: 4,
    });
    expect(signed.status, JSON.stringify(signed.body)).toBe(200);
    expect(await readWarning(t.store, warningIdOf('flow', `quantity/${late}`))).toMatchObject({
      status: 'open',
      flowType: 'flow-quantity',
    });
    const third = await reconcileShipments(t.store, new Date(), 'test-3');
    expect(third.closed).toBeGreaterThanOrEqual(1);
    expect(third.cleared).toBeGreaterThanOrEqual(1);
    expect((await readWarning(t.store, warningIdOf('flow', unclosedKey(late))))?.status).toBe('cleared');
    const closed = (await t.store.shipments.get({ shipmentId: late }).go()).data!;
    expect(closed.status).toBe('closed');
    const due = (await t.store.shipments.query.byDueDate({ dueKind: 'shipment' }).go({ pages: 'all' })).data;
    expect(due.map((s) => s.shipmentId)).not.toContain(late);
    expect(due.map((s) => s.shipmentId)).toContain(fresh);
    // Cheap: items read stay at the open shipments due (plus one warning per late match).
    expect(third.itemsRead).toBeLessThanOrEqual(due.length + 2 + third.cleared);
  });
});

describe('demo waybills (seed)', () => {
  let t: TestStack;
  beforeAll(async () => {
    t = await startTestStack({ seedEnterprises: 120 });
  }, 300_000);
  afterAll(async () => t?.stop());

  it('seeds a waybill in each state and an unmatched outbound that raised 流向未闭合', async () => {
    const ids = ['draft', 'submitted', 'in-transit', 'arrived', 'signed', 'voided'].map(
      (s) => `wb-${createHash('sha256').update(`demo:waybill:${s}`).digest('hex').slice(0, 32)}`,
    );
    const { data } = await t.store.waybills.get(ids.map((waybillId) => ({ waybillId }))).go();
    expect(new Set(data.map((w) => w.status))).toEqual(
      new Set(['draft', 'submitted', 'in-transit', 'arrived', 'signed', 'voided']),
    );
    expect(data.find((w) => w.status === 'in-transit')?.revision).toBe(2);
    const unmatched = `shp-${createHash('sha256').update('demo:unmatched').digest('hex').slice(0, 24)}`;
    expect(await readWarning(t.store, warningIdOf('flow', unclosedKey(unmatched)))).toMatchObject({
      status: 'open',
      flowType: 'flow-unclosed',
    });
  });
});
