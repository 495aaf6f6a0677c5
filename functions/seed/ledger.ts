/**
 * Demo 台账 (issue 13): for the first demo enterprise logins, two warehouses each with a 保管员, a first 盘点
 * about three months back, then weekly 入库 and 出库 (some to another demo enterprise whose licence the gate
 * accepts, which opens a shipment), one 清退, and a last 盘点 that finds a difference in one enterprise's stock —
 * raising its 物品流向预警 库存差异 through the warnings kernel. Written through the ledger's own domain
 * functions, so every movement is the transaction (and audit record) the platform itself writes.
 */
import type { CategoryCode } from '../../shared/reference/categories';
import { addDays, todayInChina } from '../../shared/validation/dates';
import type { EnterpriseAccount } from '../lib/auth/principal';
import { transferRefusal } from '../lib/ledger/gate';
import { inbound, outbound, returnGoods, stocktake } from '../ledger/ledger';
import { addKeeper, createWarehouse } from '../ledger/warehouses';
import type { Store } from '../store';
import type { DemoData, DemoEnterprise } from './generate';

const ctx = { requestId: 'seed-ledger', sourceIp: '-' };

/** A typical product of each category, with its unit (运输 keeps no warehouse of its own goods). */
const PRODUCTS: Partial<Record<CategoryCode, { productName: string; unit: '吨' | '千克' | '发' | '箱' | '枚' }[]>> = {
  hazchem: [
    { productName: '氨水', unit: '吨' },
    { productName: '液氯', unit: '吨' },
  ],
  explosives: [
    { productName: '乳化炸药', unit: '千克' },
    { productName: '工业电子雷管', unit: '发' },
  ],
  fireworks: [
    { productName: '组合烟花', unit: '箱' },
    { productName: '礼花弹', unit: '箱' },
  ],
  firearms: [{ productName: '猎枪弹', unit: '发' }],
  radioactive: [{ productName: '铯-137密封放射源', unit: '枚' }],
  'bulk-gasoline': [{ productName: '92号汽油', unit: '吨' }],
  'an-fertiliser': [{ productName: '硝酸铵复混肥', unit: '吨' }],
};

/** A receiver among the demo enterprises: of the category, in one of its segments, licensed on `day`. */
async function receiverFor(store: Store, data: DemoData, self: string, category: CategoryCode, day: string) {
  for (const e of data.enterprises) {
    if (e.id === self) continue;
    for (const s of e.segments.filter((s) => s.category === category)) {
      if (!(await transferRefusal(store, e.id, category, s.segment, day))) return { e, segment: s.segment };
    }
  }
  return undefined;
}

export async function seedDemoLedger(store: Store, data: DemoData): Promise<number> {
  const today = todayInChina();
  const byId = new Map(data.enterprises.map((e) => [e.id, e]));
  let movements = 0;
  for (const [n, a] of data.enterpriseAccounts.slice(0, 3).entries()) {
    const e = byId.get(a.enterpriseId) as DemoEnterprise | undefined;
    const category = e?.segments.map((s) => s.category as CategoryCode).find((c) => PRODUCTS[c]);
    if (!e || !category) continue;
    const products = PRODUCTS[category]!;
    const p: EnterpriseAccount = {
      kind: 'enterprise',
      accountId: `ent-${a.enterpriseId}`,
      sessionId: 'seed',
      login: a.login,
      name: a.informant.name,
      stage: 'active',
      enterpriseId: a.enterpriseId,
    };
    const receiver = await receiverFor(store, data, e.id, category, addDays(today, -7));
    for (const [k, name] of ['一号库', '二号库'].entries()) {
      const w = await createWarehouse(
        store,
        p,
        {
          name: `${name}`,
          address: `${e.address ?? '福建省'}（${name}）`,
          type: category === 'hazchem' || category === 'bulk-gasoline' ? 'classA' : 'surface',
          designCapacity: 50 + 25 * k,
          capacityUnit: products[0]!.unit,
          other: { contactName: a.informant.name, contactPhone: a.informant.mobile, securityLevel: '一级' },
        },
        ctx,
      );
      await addKeeper(
        store,
        p,
        w.warehouseId,
        {
          name: a.informant.name,
          idCardNo: a.informant.idCardNo,
          mobile: a.informant.mobile,
          position: '保管员',
          // One keeper's certificate runs out within the month: 人员资质预警 has a keeper to show.
          certificates: [
            {
              type: '保管员证',
              number: `BG-${e.id.slice(-6)}-${k + 1}`,
              issuer: '福州市公安局',
              validFrom: addDays(today, -700),
              validTo: addDays(today, n === 0 && k === 0 ? 20 : 400),
            },
          ],
        },
        ctx,
      );
      const handler = a.informant.name;
      const start = addDays(today, -91);
      await stocktake(
        store,
        p,
        w.warehouseId,
        {
          date: start,
          handler,
          lines: products.map((pr, i) => ({ ...pr, category, actualQuantity: 20 + 10 * i })),
        },
        ctx,
      );
      movements++;
      let lastOutbound: string | undefined;
      for (let week = 1; week <= 12; week++) {
        const day = addDays(start, week * 7);
        const pr = products[week % products.length]!;
        await inbound(
          store,
          p,
          w.warehouseId,
          {
            date: day,
            handler,
            source: { name: '福建省某化工物资有限公司' },
            lines: [{ ...pr, category, quantity: 6 + (week % 3), batchNo: `B${day.replaceAll('-', '')}` }],
          },
          ctx,
        );
        const toReceiver = receiver && week % 4 === 0;
        const out = await outbound(
          store,
          p,
          w.warehouseId,
          {
            date: addDays(day, 2),
            handler,
            outboundType: toReceiver ? 'sale' : 'use',
            receiver: toReceiver
              ? { enterpriseId: receiver.e.id, name: receiver.e.name, segment: receiver.segment }
              : { name: '本单位作业点' },
            lines: [{ ...pr, category, quantity: 4 + (week % 2) }],
          },
          ctx,
        );
        lastOutbound = out.movementId;
        movements += 2;
      }
      if (lastOutbound) {
        await returnGoods(
          store,
          p,
          w.warehouseId,
          { outboundId: lastOutbound, date: addDays(today, -1), handler, lines: [{ lineIndex: 0, quantity: 1 }] },
          ctx,
        );
        movements++;
      }
      // The last 盘点: the first enterprise's first warehouse is one unit short of what the system says.
      if (n === 0 && k === 0) {
        const { data: lines } = await store.stockLines.query
          .byWarehouse({ enterpriseId: e.id, warehouseId: w.warehouseId })
          .go({ pages: 'all' });
        await stocktake(
          store,
          p,
          w.warehouseId,
          {
            date: today,
            handler,
            remark: '月末盘点',
            lines: lines.map((l, i) => ({
              productName: l.productName,
              category: l.category as CategoryCode,
              unit: l.unit as '吨',
              actualQuantity: i === 0 ? Math.max(0, l.quantity - 1) : l.quantity,
            })),
          },
          ctx,
        );
        movements++;
      }
    }
  }
  return movements;
}
