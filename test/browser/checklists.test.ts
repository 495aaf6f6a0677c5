import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, type LocalStack } from '../../functions/local/stack';
import { DEMO_SEED, demoRegulators } from '../../functions/seed/generate';
import { launchBrowser } from '../support/browser';
import { startTestStack } from '../support/stack';

const SHOTS = path.join(REPO_ROOT, 'test-results', 'browser');

/** The demo's 泉州 安监 检查人员 (危化 among their categories). */
const INSPECTOR = demoRegulators(DEMO_SEED).find(
  (r) => r.department === 'anjian' && r.regionCode === '3505' && r.roles.includes('inspector'),
)!;
const PASSWORD = 'Check#2026list';

async function workbook(rows: string[][]): Promise<{ name: string; mimeType: string; buffer: Buffer }> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('检查清单');
  ws.addRow(['检查环节*', '检查内容及标准*', '检查依据', '检查方式']);
  for (const r of rows) ws.addRow(r);
  return {
    name: '泉州市危化品仓库专项检查清单.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: Buffer.from(await wb.xlsx.writeBuffer()),
  };
}

/**
 * 独立检查清单管理 as a 检查人员 uses it in Chromium: the seeded lists, a file refused with its row errors, the
 * corrected file imported (named after the file), the filters in the URL, an item edited into version 2, and
 * the list deleted after confirming — at desktop and phone widths.
 */
describe('检查清单管理, in Chromium', () => {
  let stack: LocalStack;
  let browser: Browser;

  beforeAll(async () => {
    if (!fs.existsSync(path.join(REPO_ROOT, 'web', 'build', 'index.html'))) {
      throw new Error('web/build is missing: npm test builds it first (npm run build:web)');
    }
    fs.mkdirSync(SHOTS, { recursive: true });
    ({ stack } = await startTestStack({ seedEnterprises: 4 }));
    browser = await launchBrowser();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  async function signIn(page: Page) {
    const initial = INSPECTOR.mobile.slice(-6);
    await page.goto(`${stack.url}/platform/hazchem/login`);
    await page.getByLabel('用户名').fill(INSPECTOR.mobile);
    await page.getByLabel('密码').fill(initial);
    await page.getByRole('button', { name: '登录' }).click();
    await page.waitForURL(/\/platform\/hazchem\/password$/);
    await page.getByLabel('原密码').fill(initial);
    await page.getByLabel('新密码', { exact: true }).fill(PASSWORD);
    await page.getByLabel('确认新密码').fill(PASSWORD);
    await page.getByRole('button', { name: '确认修改' }).click();
    await page.waitForURL(/\/platform\/hazchem$/);
  }

  it('imports a file (after showing its row errors), filters, edits an item and deletes the list', async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN' });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await signIn(page);

    await page.getByRole('navigation', { name: '主菜单' }).getByRole('link', { name: '检查通报管理' }).click();
    await page.goto(`${stack.url}/platform/hazchem/inspections/checklists/independent`);
    await page.getByRole('heading', { name: '独立检查清单管理' }).waitFor();
    // The seed's lists: the province's (above 泉州) and 泉州's own.
    await page.getByRole('cell', { name: '危险化学品生产、储存企业安全检查清单' }).waitFor();
    await page.getByRole('cell', { name: '危险化学品经营企业安全检查清单（泉州）' }).waitFor();

    // A file with a wrong row: nothing imported, the row named.
    const fileInput = page.locator('input[type="file"]');
    await fileInput.setInputFiles(
      await workbook([
        ['储存', '危险化学品储存在专用仓库内，并由专人负责管理', '《危险化学品安全管理条例》第二十四条', '现场检查'],
        ['储存', '', '', ''],
      ]),
    );
    await page.getByText('清单文件中有 1 处错误，未导入任何检查项目').waitFor();
    await page.getByRole('cell', { name: '第 3 行：请填写检查内容及标准' }).waitFor();
    await page.screenshot({ path: path.join(SHOTS, 'checklists-import-errors.png'), fullPage: true });

    // The corrected file: the list is named after it.
    await fileInput.setInputFiles(
      await workbook([
        ['储存', '危险化学品储存在专用仓库内，并由专人负责管理', '《危险化学品安全管理条例》第二十四条', '现场检查'],
        ['储存', '建立危险化学品出入库核查、登记制度', '《危险化学品安全管理条例》第二十五条', '查阅资料'],
        [
          '安全设施',
          '在作业场所设置通信、报警装置，并保证处于适用状态',
          '《危险化学品安全管理条例》第二十一条',
          '现场检查',
        ],
      ]),
    );
    await page.getByText('已导入清单「泉州市危化品仓库专项检查清单」，共 3 个检查项目。').waitFor();

    // 清单名称 filter: in the URL, and only the match is listed.
    await page.getByLabel('清单名称').fill('仓库专项');
    await page.getByRole('button', { name: '查询' }).click();
    await page.waitForURL(/name=/);
    const rows = page.locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(1);
    await expect.poll(() => rows.first().textContent()).toContain('泉州市 安监');
    await page.screenshot({ path: path.join(SHOTS, 'checklists-list.png'), fullPage: true });

    // 编辑: change an item, add one, save → version 2.
    await page.getByRole('link', { name: '编辑' }).click();
    await page.getByRole('heading', { name: '编辑清单：泉州市危化品仓库专项检查清单' }).waitFor();
    await page.getByLabel('第 2 项 检查内容及标准').fill('建立危险化学品出入库核查、登记制度，并定期核对账物');
    await page.getByRole('button', { name: '＋ 新增检查项目' }).click();
    await page.getByLabel('第 4 项 检查内容及标准').fill('制定危险化学品事故应急预案并定期演练');
    await page.getByLabel('第 4 项 检查依据').fill('《危险化学品安全管理条例》第七十条');
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByText('已保存为第 2 版（共 4 个检查项目）').waitFor();
    await page.screenshot({ path: path.join(SHOTS, 'checklists-edit.png'), fullPage: true });

    // Phone width: the list and the editing page stay usable.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: path.join(SHOTS, 'checklists-edit-phone.png'), fullPage: true });
    await page.getByRole('link', { name: '返回列表' }).click();
    await page.getByRole('heading', { name: '独立检查清单管理' }).waitFor();
    await page.getByRole('cell', { name: '泉州市危化品仓库专项检查清单' }).waitFor();
    await page.screenshot({ path: path.join(SHOTS, 'checklists-list-phone.png'), fullPage: true });
    await page.setViewportSize({ width: 1366, height: 900 });

    // 删除, after confirming.
    const row = page.locator('tbody tr', { hasText: '泉州市危化品仓库专项检查清单' });
    await expect.poll(() => row.textContent()).toContain('4');
    await row.getByRole('button', { name: '删除' }).click();
    await page.getByRole('button', { name: '确定删除' }).click();
    await page.getByText('已删除清单「泉州市危化品仓库专项检查清单」').waitFor();
    await expect.poll(() => page.locator('tbody tr', { hasText: '泉州市危化品仓库专项检查清单' }).count()).toBe(0);

    // 联合检查清单管理: the province's joint list (安监 made it; every department of the jurisdiction uses it).
    await page.goto(`${stack.url}/platform/hazchem/inspections/checklists/joint`);
    await page.getByRole('heading', { name: '联合检查清单管理' }).waitFor();
    await page.getByRole('cell', { name: '危险化学品多部门联合检查清单' }).waitFor();
    await page.getByLabel('创建部门').waitFor();
    await page.screenshot({ path: path.join(SHOTS, 'checklists-joint.png'), fullPage: true });

    expect(errors).toEqual([]);
    await context.close();
  });
});
