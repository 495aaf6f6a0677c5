import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../functions/local/stack';
import { productKeyOf } from '../../functions/lib/ledger/movements';
import { addDays, todayInChina } from '../../shared/validation/dates';
import { launchBrowser } from '../support/browser';
import { signedInAs, type Persona } from '../support/personas';
import { startTestStack, type TestStack } from '../support/stack';
import { waybillWorld, type WaybillWorld } from '../support/waybills';

const SHOTS = path.join(REPO_ROOT, 'test-results', 'browser');
/** A GA 441 detonator shell code. */
const CODE = '5361105C00007';

/**
 * From the ledger to the receiver's stock, in Chromium: the shipper's 盘点 and its 出库 to the receiver (the ledger's
 * API: that screen is the ledger's own), then on the waybill screens — 新增电子托运单 for that outbound at a laptop's
 * width (收货单位 and 承运人 found by their credit codes, the crew picked), 提交 → 发车 → 到达; the receiver signs at a
 * phone's width into its warehouse; its stock rises; the code's chain shows every hand, and a regulator of the
 * receiving city sees the same chain and the waybill in 物品流向.
 */
describe('stocktake → outbound → waybill → 签收 → chain, in Chromium', () => {
  let t: TestStack;
  let browser: Browser;
  let w: WaybillWorld;
  let shipperWarehouse = '';
  const errors: string[] = [];

  beforeAll(async () => {
    if (!fs.existsSync(path.join(REPO_ROOT, 'web', 'build', 'index.html'))) {
      throw new Error('web/build is missing: npm test builds it first (npm run build:web)');
    }
    fs.mkdirSync(SHOTS, { recursive: true });
    t = await startTestStack();
    w = await waybillWorld(t.store);
    // The receiver's licence for the transfer gate; the shipper's warehouse.
    const today = todayInChina();
    await t.store.licences
      .create({
        licenceId: 'lic-browser-receiver',
        enterpriseId: w.receiverId,
        category: 'explosives',
        segment: 'use',
        regionCode: '350102',
        licenceName: '爆破作业单位许可证',
        number: '3501001300099',
        issuer: '福州市公安局',
        validFrom: addDays(today, -100),
        validTo: addDays(today, 300),
      })
      .go();
    shipperWarehouse = `wh-browser-${process.pid}`;
    const at = new Date().toISOString();
    await t.store.warehouses
      .create({
        warehouseId: shipperWarehouse,
        enterpriseId: w.shipperId,
        enterpriseName: '托运企业',
        regionCode: '350503',
        categories: ['explosives'],
        name: '成品库',
        address: '泉州市丰泽区某地',
        type: '地面库',
        designCapacity: 20,
        capacityUnit: '吨',
        createdAt: at,
        updatedAt: at,
      })
      .go();
    browser = await launchBrowser();
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await t?.stop();
  });

  async function pageAs(p: Persona, viewport: { width: number; height: number }): Promise<Page> {
    const api = await signedInAs(t.store, t.url, p);
    const context = await browser.newContext({ viewport, locale: 'zh-CN' });
    await context.addCookies(
      [...api.cookies].map(([name, value]) => ({ name, value, url: t.url, httpOnly: name !== 'hz_csrf' })),
    );
    const page = await context.newPage();
    page.on('pageerror', (e) => errors.push(e.message));
    return page;
  }
  const shot = (page: Page, name: string) =>
    page.screenshot({ path: path.join(SHOTS, `waybills-${name}.png`), fullPage: true });
  const creditCode = async (id: string) => (await t.store.enterprises.get({ enterpriseId: id }).go()).data!.creditCode!;

  it('follows the goods from the shipper’s stocktake to the receiver’s stock and the code’s chain', async () => {
    const today = todayInChina();
    const api = await signedInAs(t.store, t.url, { kind: 'enterprise', enterpriseId: w.shipperId });
    const W = `/api/ledger/warehouses/${shipperWarehouse}`;
    const counted = await api.post(`${W}/stocktakes`, {
      date: today,
      handler: '王五',
      lines: [{ productName: '乳化炸药', category: 'explosives', unit: '吨', actualQuantity: 5 }],
    });
    expect(counted.status, JSON.stringify(counted.body)).toBe(201);
    const out = await api.post(`${W}/outbounds`, {
      date: today,
      handler: '王五',
      outboundType: 'sale',
      receiver: { enterpriseId: w.receiverId, name: '收货企业', segment: 'use' },
      lines: [{ productName: '乳化炸药', category: 'explosives', unit: '吨', quantity: 2, codes: [CODE] }],
    });
    expect(out.status, JSON.stringify(out.body)).toBe(201);
    const shipmentId = out.body.shipmentId as string;
    expect(shipmentId).toMatch(/^shp-/);

    // 新增电子托运单 at a laptop's width.
    const shipper = await pageAs({ kind: 'enterprise', enterpriseId: w.shipperId }, { width: 1366, height: 900 });
    await shipper.goto(`${t.url}/enterprise/flow/waybills`);
    await shipper.getByRole('button', { name: '新增电子托运单' }).click();
    const form = shipper.getByRole('dialog', { name: '新增电子托运单' });
    await form.waitFor();
    await form.getByLabel('托运人', { exact: true }).fill('张托运');
    await form.getByLabel('托运人电话').fill('13905951234');
    await form.locator('#wb-receiver-code').fill(await creditCode(w.receiverId));
    await form.getByRole('button', { name: '查找' }).first().click();
    await form.getByText(/福州爆破工程有限公司/).waitFor();
    await form.getByLabel('收货人', { exact: true }).fill('陈收货');
    await form.getByLabel('收货人电话').fill('13905911234');
    await form.getByLabel('装货人', { exact: true }).fill('赵装货');
    await form.getByLabel('装货人电话').fill('13905952345');
    await form.getByLabel('出库单编号（可选）').fill(shipmentId);
    await form.locator('#wb-carrier-code').fill(await creditCode(w.carrierId));
    await form.getByRole('button', { name: '查找' }).nth(1).click();
    await form.getByText(/福建危货运输有限公司/).waitFor();
    await form.locator('#wb-driver').selectOption({ label: '王驾驶' });
    await form.locator('#wb-escort').selectOption({ label: '李押运' });
    await form.locator('#wb-plate').fill('闽C12345');
    await form.locator('#wb-transport-cert').fill('闽交运管泉字350500123456号');
    await form.locator('#wb-line-0-name').fill('乳化炸药');
    await form.locator('#wb-line-0-un').fill('0241');
    await form.locator('#wb-line-0-class').fill('1.1D');
    await form.locator('#wb-line-0-packaging').fill('纸箱 24kg');
    await form.locator('#wb-line-0-quantity').fill('2');
    await form.locator('#wb-line-0-codes').fill(CODE);
    await form.locator('#wb-origin-region').selectOption('350503');
    await form.locator('#wb-origin-address').fill('泉州市丰泽区某民爆仓库');
    await form.locator('#wb-destination-region').selectOption('350102');
    await form.locator('#wb-destination-address').fill('福州市鼓楼区某爆破工地');
    await form.locator('#wb-dispatcher').fill('周调度');
    await shot(shipper, 'form');
    await form.getByRole('button', { name: '保存' }).click();
    await shipper.getByText(/已保存为草稿/).waitFor();
    await shipper.locator('tbody tr', { hasText: '乳化炸药' }).getByRole('link', { name: '查看' }).click();
    for (const step of ['提交', '发车', '到达']) {
      await shipper.getByRole('button', { name: step, exact: true }).click();
      await shipper.getByText(`已${step}。`).waitFor();
    }
    await shipper.getByText('已到达').first().waitFor();
    await shipper.getByRole('img', { name: '托运单核验二维码' }).waitFor();
    await shot(shipper, 'arrived');

    // The receiver signs at a phone's width.
    const phone = await pageAs({ kind: 'enterprise', enterpriseId: w.receiverId }, { width: 390, height: 844 });
    await phone.goto(`${t.url}/enterprise/flow/waybills`);
    await phone.getByRole('tab', { name: '收货的' }).click();
    await phone.getByRole('link', { name: '签收' }).first().click();
    await phone.getByRole('button', { name: '签收', exact: true }).click();
    const dialog = phone.getByRole('dialog', { name: '签收' });
    await dialog.locator('#wb-sign-handler').fill('陈收货');
    await dialog.getByRole('button', { name: '确认签收并入库' }).click();
    await phone.getByText('已签收，货物已入库。').waitFor();
    expect(await phone.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1)).toBe(true);
    await shot(phone, 'signed-phone');

    // Its stock rose.
    const stock = await t.store.stockLines
      .get({
        enterpriseId: w.receiverId,
        warehouseId: w.warehouseId,
        productKey: productKeyOf('explosives', '乳化炸药'),
      })
      .go();
    expect(stock.data?.quantity).toBe(2);

    // The chain: every hand, for the receiver and for a regulator of the receiving city.
    await phone.goto(`${t.url}/enterprise/flow/traceability?code=${CODE}`);
    const chain = phone.getByRole('list', { name: '流转记录' });
    for (const kind of ['出库', '运输', '入库']) await chain.getByText(kind, { exact: true }).waitFor();
    await chain
      .getByText(/福建危货运输有限公司/)
      .first()
      .waitFor();
    await shot(phone, 'chain-phone');
    const regulator = await pageAs(
      {
        kind: 'regulator',
        department: 'jingxin',
        regionCode: '3501',
        categories: ['explosives'],
        roles: ['inspector'],
      },
      { width: 1366, height: 900 },
    );
    await regulator.goto(`${t.url}/platform/explosives/traceability?code=${CODE}`);
    await regulator.getByRole('list', { name: '流转记录' }).getByText('入库', { exact: true }).waitFor();
    await shot(regulator, 'chain');
    await regulator.goto(`${t.url}/platform/explosives/flow`);
    await regulator.locator('tbody tr', { hasText: '乳化炸药' }).getByText('已签收').waitFor();
    await shot(regulator, 'flow');
    expect(errors).toEqual([]);
  });
});
