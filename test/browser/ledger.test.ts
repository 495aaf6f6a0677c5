import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../functions/local/stack';
import { launchBrowser } from '../support/browser';
import { signedInAs } from '../support/personas';
import { startTestStack, type TestStack } from '../support/stack';

/** Where the screenshots go, to be looked at. */
const SHOTS = process.env.LEDGER_SHOTS ?? '/tmp/shots';

/** 物品流向登记 › 仓库管理 and 台账管理 as an enterprise uses them, in Chromium at 1366 and 390 px. */
describe('仓库管理 and 台账管理, in Chromium', () => {
  let t: TestStack;
  let browser: Browser;
  let page: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    if (!fs.existsSync(path.join(REPO_ROOT, 'web', 'build', 'index.html'))) {
      throw new Error('web/build is missing: npm run build:web first');
    }
    fs.mkdirSync(SHOTS, { recursive: true });
    t = await startTestStack({ seedEnterprises: 2 });
    browser = await launchBrowser();
    const api = await signedInAs(t.store, t.url, { kind: 'enterprise', enterpriseId: 'ent-000001' });
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN' });
    await context.addCookies([...api.cookies].map(([name, value]) => ({ name, value, url: t.url })));
    page = await context.newPage();
    page.on('pageerror', (e) => errors.push(e.message));
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await t?.stop();
  });

  const shot = async (name: string) => {
    await page.screenshot({ path: path.join(SHOTS, `ledger-${name}-1366.png`), fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: path.join(SHOTS, `ledger-${name}-390.png`), fullPage: true });
    await page.setViewportSize({ width: 1366, height: 900 });
  };

  it('新增仓库 with its 仓库人员', async () => {
    await page.goto(`${t.url}/enterprise/flow/warehouses`);
    await page.getByRole('heading', { name: '仓库管理' }).waitFor();
    await page.getByRole('button', { name: '＋ 新增仓库' }).click();
    const dialog = page.getByRole('dialog', { name: '新增仓库' });
    await dialog.getByRole('button', { name: '保存' }).click();
    await dialog.getByText('请填写仓库名称').waitFor();
    await dialog.getByLabel('仓库名称').fill('民爆二');
    await dialog.getByLabel('仓库类型').selectOption({ label: '覆土库' });
    await dialog.getByLabel('仓库地址').fill('福州市鼓楼区东街1号');
    await dialog.getByLabel('设计储量').fill('20');
    await dialog.getByLabel('计量单位').selectOption('吨');
    await dialog.getByLabel('仓库负责人').fill('张三');
    await dialog.getByRole('button', { name: '保存' }).click();
    await page.getByText('已新增仓库').waitFor();
    await page.getByRole('cell', { name: '民爆二' }).first().waitFor();
    await page.getByRole('button', { name: '仓库人员' }).first().click();
    const keepers = page.getByRole('dialog', { name: /仓库人员/ });
    await keepers.getByLabel('姓名').fill('李四');
    await keepers.getByLabel('身份证号').fill('350102199003077775');
    await keepers.getByLabel('保管员证编号').fill('BG-001');
    await keepers.getByLabel('发证机关').fill('福州市公安局');
    await keepers.getByLabel('有效期开始时间').fill('2024-01-01');
    await keepers.getByLabel('有效期结束时间').fill('2027-01-31');
    await keepers.getByRole('button', { name: '保存人员' }).click();
    await keepers.getByRole('cell', { name: 'BG-001' }).waitFor();
    await shot('keepers');
    await keepers.getByRole('button', { name: '关闭', exact: true }).last().click();
    await shot('warehouses');
  });

  it('首次盘点, 入库, 出库 refused then done, a 盘点 that finds a difference', async () => {
    await page.locator('tbody').getByRole('link', { name: '台账', exact: true }).first().click();
    await page.getByRole('heading', { name: '台账管理' }).waitFor();
    await page.getByText('该仓库尚未盘点').waitFor();
    await page.getByRole('button', { name: '盘点', exact: true }).click();
    let dialog = page.getByRole('dialog', { name: '新增盘点' });
    await dialog.getByLabel('经办人').fill('王五');
    await dialog.getByLabel('产品名称').fill('乳化炸药');
    await dialog.getByLabel('物品类别').selectOption({ label: '民爆物品' });
    await dialog.getByLabel('计量单位').selectOption('千克');
    await dialog.getByLabel('人工盘点数量').fill('100');
    await dialog.getByRole('button', { name: '完成盘点' }).click();
    await page.getByText('已登记盘点').waitFor();
    await page.getByRole('cell', { name: '100千克', exact: true }).waitFor();

    await page.getByRole('button', { name: '出库', exact: true }).click();
    dialog = page.getByRole('dialog', { name: '出库登记' });
    await dialog.getByLabel('经办人').fill('王五');
    await dialog.getByLabel(/流向单位名称/).fill('本单位爆破作业点');
    await dialog.getByLabel('产品名称').fill('乳化炸药');
    await dialog.getByLabel('物品类别').selectOption({ label: '民爆物品' });
    await dialog.getByLabel('计量单位').selectOption('千克');
    await dialog.locator('#ln-qty-0').fill('120');
    await dialog.getByRole('button', { name: '保存' }).click();
    await dialog.getByText(/库存不足：当前库存 100千克/).waitFor();
    await shot('outbound-refused');
    await dialog.locator('#ln-qty-0').fill('30');
    await dialog.getByRole('button', { name: '保存' }).click();
    await page.getByText('已登记出库').waitFor();
    await page.getByRole('cell', { name: '70千克', exact: true }).waitFor();

    await page.getByRole('button', { name: '清退' }).first().click();
    dialog = page.getByRole('dialog', { name: '清退台账' });
    await dialog.getByLabel('经办人').fill('王五');
    await dialog.getByLabel('乳化炸药 清退数量').fill('40');
    await dialog.getByRole('button', { name: '完成清退' }).click();
    await dialog.getByText(/可清退数量 30千克/).waitFor();
    await dialog.getByLabel('乳化炸药 清退数量').fill('5');
    await dialog.getByRole('button', { name: '完成清退' }).click();
    await page.getByText('已登记清退').waitFor();
    await page.getByRole('cell', { name: '75千克', exact: true }).waitFor();

    await page.getByRole('button', { name: '盘点', exact: true }).click();
    dialog = page.getByRole('dialog', { name: '新增盘点' });
    await dialog.getByText('系统盘点数量：75千克').waitFor();
    await dialog.getByLabel('经办人').fill('王五');
    await dialog.getByLabel('人工盘点数量').fill('74');
    await shot('stocktake');
    await dialog.getByRole('button', { name: '完成盘点' }).click();
    await page.getByText(/已产生1条库存差异预警/).waitFor();
    await page.getByRole('cell', { name: '74千克', exact: true }).waitFor();

    // The record list's filter lives in the URL.
    await page.getByLabel('类型').selectOption({ label: '盘点' });
    await page.getByRole('button', { name: '查询' }).click();
    await page.waitForURL(/kind=stocktake/);
    const records = page.getByRole('table', { name: '台账记录' }).locator('tbody tr');
    await expect.poll(() => records.count()).toBe(2);
    await expect(records.filter({ hasText: '出库' }).count()).resolves.toBe(0);
    await page.reload();
    await expect(page.getByLabel('类型').inputValue()).resolves.toBe('stocktake');
    await shot('ledger');
    expect(errors).toEqual([]);
  });
});
