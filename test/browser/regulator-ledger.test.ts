import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../functions/local/stack';
import { shanghaiToday } from '../../shared/reference/warnings';
import { addDays } from '../../shared/validation/dates';
import type { ApiClient } from '../support/api-client';
import { launchBrowser } from '../support/browser';
import { signedInAs, type Persona } from '../support/personas';
import { startTestStack, type TestStack } from '../support/stack';

const SHOTS = process.env.LEDGER_SHOTS ?? '/tmp/shots';

/**
 * 物品流向 › 企业台账 (issue 13 §7), in Chromium: a regulator who sees the enterprise opens its 台账 from 物品流向's
 * 托运单位 and from the register's 查看, sees the stock and the records, and finds no 盘点 / 入库 / 出库 / 清退 —
 * at 1366 and 390 px without sideways scroll.
 */
describe('a regulator reads an enterprise’s 台账, in Chromium', () => {
  let t: TestStack;
  let browser: Browser;
  let page: Page;
  let category = '';
  let warehouseId = '';
  let enterpriseName = '';
  const errors: string[] = [];
  const today = shanghaiToday(new Date());

  beforeAll(async () => {
    if (!fs.existsSync(path.join(REPO_ROOT, 'web', 'build', 'index.html'))) {
      throw new Error('web/build is missing: npm run build:web first');
    }
    fs.mkdirSync(SHOTS, { recursive: true });
    t = await startTestStack({ seedEnterprises: 2 });
    const { data: e } = await t.store.enterprises.get({ enterpriseId: 'ent-000001' }).go();
    category = e!.segments[0]!.category;
    enterpriseName = e!.name;

    // The enterprise's own ledger, through its API: a warehouse, its first 盘点, an 出库.
    const own: ApiClient = await signedInAs(t.store, t.url, { kind: 'enterprise', enterpriseId: 'ent-000001' });
    const wh = await own.post('/api/ledger/warehouses', {
      name: '监管查看库',
      address: '福州市鼓楼区东街1号',
      type: 'surface',
      designCapacity: 20,
      capacityUnit: '吨',
      other: {},
    });
    expect(wh.status, JSON.stringify(wh.body)).toBe(201);
    warehouseId = wh.body.warehouseId;
    const W = `/api/ledger/warehouses/${warehouseId}`;
    const line = { productName: '氨水', category: 'hazchem', unit: '吨' };
    const st = await own.post(`${W}/stocktakes`, {
      date: addDays(today, -1),
      handler: '王五',
      lines: [{ ...line, actualQuantity: 10 }],
    });
    expect(st.status, JSON.stringify(st.body)).toBe(201);
    const out = await own.post(`${W}/outbounds`, {
      date: today,
      handler: '王五',
      outboundType: 'use',
      receiver: { name: '本单位作业点' },
      lines: [{ ...line, quantity: 3 }],
    });
    expect(out.status, JSON.stringify(out.body)).toBe(201);

    // A 物品流向 row starting in the enterprise's region, as the waybill writer keeps it (with the parties' ids).
    await t.store.waybillListings
      .create({
        waybillId: 'wb-regledger',
        side: 'origin',
        flowCategory: category,
        flowRegionCode: e!.regionCode,
        flowSort: `${today}#wb-regledger`,
        waybillNo: 'YD-REGLEDGER-1',
        category,
        status: 'in-transit',
        shipperEnterpriseName: e!.name,
        shipperEnterpriseId: 'ent-000001',
        shipperRegionCode: e!.regionCode,
        receiverEnterpriseName: '收货企业',
        receiverEnterpriseId: 'ent-000002',
        receiverRegionCode: e!.regionCode,
        carrierName: '承运企业',
        plate: '闽A12345',
        originRegionCode: e!.regionCode,
        destinationRegionCode: e!.regionCode,
        departureDate: today,
        goods: '氨水',
        revision: 1,
        createdAt: new Date().toISOString(),
      })
      .go();

    const regulator: Persona = {
      kind: 'regulator',
      department: 'gongan',
      regionCode: e!.regionCode.slice(0, 4),
      categories: [category],
      roles: ['inspector'],
    };
    const api = await signedInAs(t.store, t.url, regulator);
    browser = await launchBrowser();
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN' });
    await context.addCookies([...api.cookies].map(([name, value]) => ({ name, value, url: t.url })));
    page = await context.newPage();
    page.on('pageerror', (err) => errors.push(err.message));
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await t?.stop();
  });

  /** The 台账 as it must read: stock, records, no write buttons, no sideways scroll; at 1366 and 390 px. */
  async function seesReadOnlyLedger(name: string) {
    await page.getByRole('heading', { name: '企业台账' }).waitFor();
    await page.getByText(`${enterpriseName}各仓库的当前库存和台账记录（只读）`).waitFor();
    await page.getByRole('table', { name: '当前库存' }).getByRole('cell', { name: '7吨' }).waitFor();
    const records = page.getByRole('table', { name: '台账记录' }).locator('tbody tr');
    await expect.poll(() => records.count()).toBe(2);
    await records.filter({ hasText: '本单位作业点' }).waitFor();
    for (const width of [1366, 390]) {
      await page.setViewportSize({ width, height: width > 500 ? 900 : 844 });
      for (const label of ['盘点', '入库', '出库', '清退']) {
        expect(await page.getByRole('button', { name: label, exact: true }).count(), label).toBe(0);
      }
      await expect
        .poll(() => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1))
        .toBe(true);
      await page.screenshot({ path: path.join(SHOTS, `regulator-ledger-${name}-${width}.png`), fullPage: true });
    }
    await page.setViewportSize({ width: 1366, height: 900 });
    // 查看 still opens a record.
    await page.getByRole('button', { name: '查看' }).first().click();
    await page.getByRole('dialog', { name: '台账记录' }).getByText('王五').waitFor();
    await page.keyboard.press('Escape');
  }

  it('from 物品流向: the 托运单位 opens its 台账, filters in the URL', async () => {
    await page.goto(`${t.url}/platform/${category}/flow`);
    await page.locator('tbody tr', { hasText: 'YD-REGLEDGER-1' }).getByTitle('查看该企业台账').first().click();
    await page.waitForURL(/\/flow\/ledgers\/ent-000001/);
    await seesReadOnlyLedger('flow');
    expect(page.url()).toContain(`warehouse=${warehouseId}`);

    await page.getByLabel('类型').selectOption({ label: '出库' });
    await page.getByRole('button', { name: '查询' }).click();
    await page.waitForURL(/kind=outbound/);
    const records = page.getByRole('table', { name: '台账记录' }).locator('tbody tr');
    await expect.poll(() => records.count()).toBe(1);
    await page.reload();
    await expect(page.getByLabel('类型').inputValue()).resolves.toBe('outbound');
  });

  it('from 查看: 「台账」 opens the same read-only 台账', async () => {
    await page.goto(`${t.url}/platform/${category}/enterprises/ent-000001`);
    await page.getByRole('link', { name: '台账', exact: true }).click();
    await page.waitForURL(/\/flow\/ledgers\/ent-000001/);
    await seesReadOnlyLedger('detail');
  });

  it('a regulator of another city gets the API’s refusal, and nothing of the ledger', async () => {
    const { data: e } = await t.store.enterprises.get({ enterpriseId: 'ent-000001' }).go();
    const far = await signedInAs(t.store, t.url, {
      kind: 'regulator',
      department: 'gongan',
      regionCode: e!.regionCode.startsWith('3501') ? '3502' : '3501',
      categories: [category],
      roles: ['inspector'],
    });
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'zh-CN' });
    await context.addCookies([...far.cookies].map(([name, value]) => ({ name, value, url: t.url })));
    const farPage = await context.newPage();
    farPage.on('pageerror', (err) => errors.push(err.message));
    await farPage.goto(`${t.url}/platform/${category}/flow/ledgers/ent-000001?warehouse=${warehouseId}`);
    await farPage.getByRole('alert').waitFor();
    expect(await farPage.getByText('监管查看库').count()).toBe(0);
    expect(await farPage.getByText('氨水').count()).toBe(0);
    await context.close();
    expect(errors).toEqual([]);
  });
});
