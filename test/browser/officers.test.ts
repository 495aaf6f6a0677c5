import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, type LocalStack } from '../../functions/local/stack';
import { launchBrowser } from '../support/browser';
import { startTestStack } from '../support/stack';

const SHOTS = path.join(REPO_ROOT, 'test-results', 'browser');

/** The 泉州 安监 检查人员 of the demo data (README: Demo data and accounts). */
const INSPECTOR = { login: '13900000028', initial: '000028', password: 'Qz#2024check' };

/**
 * 执法人员管理 and 专家库管理 as an inspector uses them in Chromium against the local stack with the demo data:
 * add an expert to the department's 专家库, declare a 回避 on an enterprise of the jurisdiction, at desktop
 * and phone width.
 */
describe('officers and 专家库, in Chromium', () => {
  let stack: LocalStack;
  let browser: Browser;

  beforeAll(async () => {
    if (!fs.existsSync(path.join(REPO_ROOT, 'web', 'build', 'index.html'))) {
      throw new Error('web/build is missing: npm test builds it first (npm run build:web)');
    }
    fs.mkdirSync(SHOTS, { recursive: true });
    ({ stack } = await startTestStack({ seedEnterprises: 120 }));
    browser = await launchBrowser();
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  async function signedIn(
    viewport: { width: number; height: number },
    first: boolean,
  ): Promise<{ page: Page; errors: string[] }> {
    const context = await browser.newContext({ viewport, locale: 'zh-CN' });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${stack.url}/platform/hazchem/login`);
    await page.getByLabel('用户名').fill(INSPECTOR.login);
    await page.getByLabel('密码').fill(first ? INSPECTOR.initial : INSPECTOR.password);
    await page.getByRole('button', { name: '登录' }).click();
    if (first) {
      await page.waitForURL(/\/platform\/hazchem\/password$/);
      await page.getByLabel('原密码').fill(INSPECTOR.initial);
      await page.getByLabel('新密码', { exact: true }).fill(INSPECTOR.password);
      await page.getByLabel('确认新密码').fill(INSPECTOR.password);
      await page.getByRole('button', { name: '确认修改' }).click();
    }
    await page.waitForURL(/\/platform\/hazchem$/);
    return { page, errors };
  }

  const shot = (page: Page, name: string) => page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });

  it('adds an expert to the 专家库 and declares a 回避', async () => {
    const { page, errors } = await signedIn({ width: 1366, height: 900 }, true);

    await page.goto(`${stack.url}/platform/hazchem/inspections/experts`);
    await page.getByRole('heading', { name: '专家库管理' }).waitFor();
    await page.getByRole('table', { name: '专家库' }).getByRole('row').nth(1).waitFor();
    await page.getByRole('button', { name: '＋ 新增专家' }).click();
    const dialog = page.getByRole('dialog', { name: '新增专家' });
    await dialog.getByLabel('姓名').fill('郑海峰');
    await dialog.getByRole('checkbox', { name: '经营', exact: true }).check();
    await dialog.getByLabel('单位').fill('福州大学环境与安全工程学院');
    await dialog.getByLabel('联系电话').fill('13959177001');
    await shot(page, 'experts-new-dialog');
    await dialog.getByRole('button', { name: '保存' }).click();
    await page.getByText('已新增专家郑海峰').waitFor();
    await page.getByLabel('姓名', { exact: true }).fill('郑海峰');
    await page.getByRole('button', { name: '查询' }).click();
    await page.waitForURL(/name=/);
    const row = page.getByRole('table', { name: '专家库' }).getByRole('row', { name: /郑海峰/ });
    await row.waitFor();
    expect(await row.textContent()).toContain('福州大学环境与安全工程学院');
    await shot(page, 'experts-desktop');

    await page.goto(`${stack.url}/platform/hazchem/inspections/officers`);
    await page.getByRole('heading', { name: '执法人员管理' }).waitFor();
    const officers = page.getByRole('table', { name: '执法人员' });
    await officers.getByRole('row').nth(1).waitFor();
    // The seeded 回避 are listed (their pager shows once the page is loaded) before counting them.
    await page
      .locator('section', { has: page.getByRole('heading', { name: '我的回避' }) })
      .getByText(/^显示第 1 到第 \d+ 条记录/)
      .waitFor();
    const before = await page
      .getByRole('table', { name: /回避企业/ })
      .getByRole('row')
      .count();
    await page.getByRole('button', { name: '＋ 新增回避' }).click();
    const add = page.getByRole('dialog', { name: /新增回避/ });
    await add.getByRole('button', { name: '查询企业' }).click();
    const choice = add.getByRole('radio').first();
    await choice.waitFor();
    await choice.check();
    await add.getByLabel('回避原因').fill('本人近亲属在该企业任职');
    await shot(page, 'officers-conflict-dialog');
    await add.getByRole('button', { name: '确定' }).click();
    await page.getByText('已新增回避').waitFor();
    await page.getByRole('cell', { name: '本人近亲属在该企业任职' }).first().waitFor();
    expect(
      await page
        .getByRole('table', { name: /回避企业/ })
        .getByRole('row')
        .count(),
    ).toBe(before + 1);
    await shot(page, 'officers-desktop');
    expect(errors).toEqual([]);
  }, 120_000);

  it('works at phone width', async () => {
    const { page, errors } = await signedIn({ width: 390, height: 844 }, false);
    await page.goto(`${stack.url}/platform/hazchem/inspections/experts?status=enabled`);
    await page.getByRole('heading', { name: '专家库管理' }).waitFor();
    await page.getByText('福州大学环境与安全工程学院').first().waitFor();
    await shot(page, 'experts-phone');
    await page.goto(`${stack.url}/platform/hazchem/inspections/officers`);
    await page.getByText('本人近亲属在该企业任职').first().waitFor();
    await shot(page, 'officers-phone');
    expect(errors).toEqual([]);
  }, 60_000);
});
