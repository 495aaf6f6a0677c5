import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { totpAt } from '../../functions/identity/totp';
import { REPO_ROOT, type LocalStack } from '../../functions/local/stack';
import { orgCodeCheckChar, usccCheckChar } from '../../shared/validation/uscc';
import { launchBrowser } from '../support/browser';
import { startTestStack } from '../support/stack';

const SHOTS = path.join(REPO_ROOT, 'test-results', 'browser');

/** 王祥, 系统管理员 (安监 · 省直). */
const SYS_ADMIN = { login: '13900000038', initial: '000038', password: 'Sys#2024import', name: '王祥' };

const uscc = (n: number) => {
  const body = String(20_000_000 + n);
  const f17 = `91350503${body}${orgCodeCheckChar(body)}`;
  return f17 + usccCheckChar(f17);
};

/**
 * 系统管理 › 企业信息导入 as a 系统管理员 uses it in Chromium against the local stack: 导出清单模板, fill it in,
 * 导入清单文件 (uploaded through the attachments module), watch the progress reach the end, read the row errors,
 * 下载错误报告, and find the import among the recent ones.
 */
describe('企业信息导入, in Chromium', () => {
  let stack: LocalStack;
  let browser: Browser;

  beforeAll(async () => {
    if (!fs.existsSync(path.join(REPO_ROOT, 'web', 'build', 'index.html'))) {
      throw new Error('web/build is missing: npm test builds it first (npm run build:web)');
    }
    fs.mkdirSync(SHOTS, { recursive: true });
    ({ stack } = await startTestStack({ seedEnterprises: 10 }));
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  async function firstAdminLogin(page: Page, category: string) {
    await page.goto(`${stack.url}/platform/${category}/login`);
    await page.getByLabel('用户名').fill(SYS_ADMIN.login);
    await page.getByLabel('密码').fill(SYS_ADMIN.initial);
    await page.getByRole('button', { name: '登录' }).click();
    await page.waitForURL(new RegExp(`/platform/${category}/password$`));
    await page.getByLabel('原密码').fill(SYS_ADMIN.initial);
    await page.getByLabel('新密码', { exact: true }).fill(SYS_ADMIN.password);
    await page.getByLabel('确认新密码').fill(SYS_ADMIN.password);
    await page.getByRole('button', { name: '确认修改' }).click();
    await page.waitForURL(new RegExp(`/platform/${category}/totp$`));
    const secret = (await page.locator('#totp-secret').textContent())!.replace(/\s+/g, '');
    await page.getByRole('textbox', { name: '动态口令' }).fill(totpAt(secret, Date.now()));
    await page.getByRole('button', { name: '确认绑定' }).click();
    await page.waitForURL(new RegExp(`/platform/${category}$`));
    await page.getByText(`欢迎你, ${SYS_ADMIN.name}`).waitFor();
  }

  it('exports the template, imports a filled copy with progress and row errors, and hands back the report', async () => {
    const context = await browser.newContext({
      viewport: { width: 1366, height: 900 },
      locale: 'zh-CN',
      acceptDownloads: true,
    });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));

    await firstAdminLogin(page, 'hazchem');
    await page.getByRole('navigation', { name: '主菜单' }).getByRole('link', { name: '系统管理' }).click();
    await page.getByRole('complementary', { name: '系统管理菜单' }).getByRole('link', { name: '企业信息导入' }).click();
    await page.waitForURL(/\/platform\/hazchem\/system\/register-import$/);
    await page.getByRole('heading', { name: '企业信息导入' }).waitFor();
    await page.getByText('还没有导入记录').waitFor();

    // 导出清单模板: the workbook with its 填写说明.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '导出清单模板' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('企业信息导入清单模板.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile((await download.path())!);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['企业清单', '填写说明']);

    // Filled in: the example row left as it is, two units, one with a date nobody has.
    const sheet = wb.getWorksheet('企业清单')!;
    const headers = (sheet.getRow(1).values as string[]).slice(1);
    const add = (cells: Record<string, string>) => sheet.addRow(headers.map((h) => cells[h] ?? ''));
    const unit = (n: number, over: Record<string, string> = {}) => ({
      单位名称: `泉州市浏览器导入测试有限公司${n}`,
      行政区划: '福建省泉州市丰泽区',
      单位类型: '有限责任公司',
      登记状态: '在管(开业)企业',
      统一社会信用代码: uscc(n),
      '法定代表人(责任人)': '林海',
      '(住所)营业场所': `泉州市丰泽区东海街道${n}号`,
      从业环节: '危险化学品-经营',
      ...over,
    });
    add(unit(1));
    add(unit(2));
    add(unit(3, { 注册时间: '2016-13-01' }));
    const file = path.join(SHOTS, 'register-import-filled.xlsx');
    await wb.xlsx.writeFile(file);

    // 导入清单文件: the progress runs to the end; the bad row is listed with its reason.
    await page.getByLabel('选择要导入的清单文件（.xlsx）').setInputFiles(file);
    await page.getByText('已处理 3 / 3，新增 2，已存在 0，错误 1').waitFor({ timeout: 60_000 });
    await page.getByText('导入完成：新增 2 家，已在登记册中 0 家，1 行有误未导入').waitFor();
    const rowErrors = page.getByRole('table', { name: /有误的行/ });
    await expect(rowErrors.getByRole('row').nth(1).textContent()).resolves.toContain(
      '注册时间「2016-13-01」不是有效日期',
    );
    await shot(page, 'register-import-done');

    // 下载错误报告: the bad row with its original row number and reason.
    const [report] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '下载错误报告' }).first().click(),
    ]);
    expect(report.suggestedFilename()).toBe('register-import-filled-错误报告.xlsx');
    const rwb = new ExcelJS.Workbook();
    await rwb.xlsx.readFile((await report.path())!);
    const r = rwb.getWorksheet('错误报告')!.getRow(2);
    expect(r.getCell(1).value).toBe(5);
    expect(String(r.getCell(headers.length + 2).value)).toContain('注册时间「2016-13-01」不是有效日期');

    // The import is among the recent ones, done.
    const recent = page.getByRole('table', { name: '最近的导入' });
    await expect(recent.getByRole('row').nth(1).textContent()).resolves.toMatch(/register-import-filled\.xlsx.*已完成/);
    expect(errors).toEqual([]);
    await context.close();
  });

  const shot = (page: Page, name: string) => page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
});
