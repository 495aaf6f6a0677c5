import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { totpAt } from '../../functions/identity/totp';
import { REPO_ROOT, type LocalStack } from '../../functions/local/stack';
import { launchBrowser } from '../support/browser';
import { startTestStack } from '../support/stack';

const SHOTS = path.join(REPO_ROOT, 'test-results', 'browser');

/** 王祥, 系统管理员 (安监 · 省直). */
const SYS_ADMIN = { login: '13900000038', initial: '000038', password: 'Sys#2024admin', name: '王祥' };
/** 陈琳珍, 审计管理员 (安监 · 省直). */
const AUDITOR = { login: '13900000040', initial: '000040', password: 'Aud#2024admin', name: '陈琳珍' };
/** 刘斌, 民爆 检查人员: no admin role. */
const INSPECTOR = { login: '13900000005', initial: '000005', password: 'Mb#2024safe' };
/** The account the 系统管理员 opens through the form: 安监, 泉州市 (so the portal's 安监 · 泉州 figure moves). */
const NEW_ACCOUNT = { mobile: '13959500001', name: '郑晓东' };
/** One row of an imported spreadsheet. */
const IMPORTED = { mobile: '13959500002', name: '黄丽娟' };

/**
 * The administrators' screens, as people use them in Chromium against the local stack with the demo data:
 * the 系统管理员 opens an account (账号管理) and the portal's 监管人员开通数量 counts it; the 审计管理员 finds that
 * and their own sign-in in 审计日志 and verifies the audit trail.
 */
describe('the admin screens, in Chromium', () => {
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

  async function newPage(viewport = { width: 1366, height: 900 }): Promise<{ page: Page; errors: string[] }> {
    const context = await browser.newContext({ viewport, locale: 'zh-CN', acceptDownloads: true });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    return { page, errors };
  }

  const shot = (page: Page, name: string) => page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });

  /** First sign-in of an admin: the initial password, the forced change, the TOTP enrolment, into the shell. */
  async function firstAdminLogin(page: Page, category: string, who: typeof SYS_ADMIN) {
    await page.goto(`${stack.url}/platform/${category}/login`);
    await page.getByLabel('用户名').fill(who.login);
    await page.getByLabel('密码').fill(who.initial);
    await page.getByRole('button', { name: '登录' }).click();
    await page.waitForURL(new RegExp(`/platform/${category}/password$`));
    await page.getByLabel('原密码').fill(who.initial);
    await page.getByLabel('新密码', { exact: true }).fill(who.password);
    await page.getByLabel('确认新密码').fill(who.password);
    await page.getByRole('button', { name: '确认修改' }).click();
    await page.waitForURL(new RegExp(`/platform/${category}/totp$`));
    const secret = (await page.locator('#totp-secret').textContent())!.replace(/\s+/g, '');
    await page.getByRole('textbox', { name: '动态口令' }).fill(totpAt(secret, Date.now()));
    await page.getByRole('button', { name: '确认绑定' }).click();
    await page.waitForURL(new RegExp(`/platform/${category}$`));
    await page.getByText(`欢迎你, ${who.name}`).waitFor();
  }

  /** The portal's figure for 安监 · 泉州, read from the page as a visitor sees it. */
  async function portalFigure(page: Page): Promise<number> {
    await page.goto(`${stack.url}/`);
    const panel = page.locator('section', { has: page.getByRole('heading', { name: '监管人员开通数量' }) });
    await panel.getByLabel('部门', { exact: true }).selectOption({ label: '安监' });
    const item = panel
      .getByRole('list', { name: '安监部门各地开通数量' })
      .getByRole('listitem')
      .filter({
        hasText: /^泉州：/,
      });
    const text = (await item.textContent())!.trim();
    return Number(/^泉州：(\d+)$/.exec(text)?.[1]);
  }

  /** The data row of the accounts table that holds `mobile`. */
  const accountRow = (page: Page, mobile: string): Locator =>
    page.getByRole('table', { name: '监管人员账号' }).getByRole('row').filter({ hasText: mobile });

  it('shows the live 监管人员开通数量 on the portal, per department, with the full table under 查看更多', async () => {
    const { page, errors } = await newPage();
    await page.goto(`${stack.url}/`);
    const panel = page.locator('section', { has: page.getByRole('heading', { name: '监管人员开通数量' }) });
    // The demo's 安监 accounts: 省直 (部门管理员 and the three 三员 among them), 泉州, 三明, 南安 (泉州).
    await panel.getByLabel('部门', { exact: true }).selectOption({ label: '安监' });
    const list = panel.getByRole('list', { name: '安监部门各地开通数量' });
    await expect(list.getByRole('listitem').allTextContents()).resolves.toEqual([
      expect.stringMatching(/^省直：\d+$/),
      '福州：0',
      '厦门：0',
      '莆田：0',
      expect.stringMatching(/^三明：\d+$/),
      expect.stringMatching(/^泉州：\d+$/),
      '漳州：0',
      '南平：0',
      '龙岩：0',
      '宁德：0',
      '平潭综合实验区：0',
    ]);
    await expect(panel.getByRole('table').count()).resolves.toBe(0);
    await shot(page, 'admin-portal-regulator-counts-collapsed');
    await panel.getByRole('button', { name: '查看更多' }).click();
    const table = panel.getByRole('table', { name: '各部门、各地监管人员开通数量' });
    await expect(table.getByRole('row').count()).resolves.toBe(1 + 16);
    await expect(table.getByRole('row').first().textContent()).resolves.toContain('平潭综合实验区');
    await shot(page, 'admin-portal-regulator-counts');

    // The API down: a plain message, no figure.
    const { page: down } = await newPage({ width: 390, height: 844 });
    await down.route('**/api/portal/regulator-counts', (route) =>
      route.fulfill({ status: 503, json: { error: { code: 'SERVICE_UNAVAILABLE', message: '系统繁忙，请稍后再试' } } }),
    );
    await down.goto(`${stack.url}/`);
    const downPanel = down.locator('section', { has: down.getByRole('heading', { name: '监管人员开通数量' }) });
    await downPanel.getByText('暂时无法获取监管人员开通数量：系统繁忙，请稍后再试').waitFor();
    await expect(downPanel.getByText(/：\d+$/).count()).resolves.toBe(0);
    await shot(down, 'admin-portal-regulator-counts-error');
    await down.context().close();
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('keeps 系统管理 from accounts without an admin role', async () => {
    const { page, errors } = await newPage();
    await page.goto(`${stack.url}/platform/explosives/login`);
    await page.getByLabel('用户名').fill(INSPECTOR.login);
    await page.getByLabel('密码').fill(INSPECTOR.initial);
    await page.getByRole('button', { name: '登录' }).click();
    await page.waitForURL(/\/platform\/explosives\/password$/);
    await page.getByLabel('原密码').fill(INSPECTOR.initial);
    await page.getByLabel('新密码', { exact: true }).fill(INSPECTOR.password);
    await page.getByLabel('确认新密码').fill(INSPECTOR.password);
    await page.getByRole('button', { name: '确认修改' }).click();
    await page.waitForURL(/\/platform\/explosives$/);
    const nav = page.getByRole('navigation', { name: '主菜单' });
    await nav.getByRole('link', { name: '检查通报管理' }).waitFor();
    await expect(nav.getByRole('link', { name: '系统管理' }).count()).resolves.toBe(0);
    await page.goto(`${stack.url}/platform/explosives/system/accounts`);
    await page.getByText('您的账号没有使用该功能的权限。').waitFor();
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('has the 系统管理员 open an account through the form, see it in the list, and the portal count it', async () => {
    const { page, errors } = await newPage();
    const before = await portalFigure(page);

    await firstAdminLogin(page, 'hazchem', SYS_ADMIN);
    const nav = page.getByRole('navigation', { name: '主菜单' });
    await nav.getByRole('link', { name: '系统管理' }).click();
    // 系统管理 opens its first page this role may use; 审计日志 is not one of them (三员分立).
    await page.waitForURL(/\/platform\/hazchem\/system\/accounts$/);
    const side = page.getByRole('complementary', { name: '系统管理菜单' });
    await expect(side.getByRole('link').allTextContents()).resolves.toEqual(['账号管理', '企业信息导入', '预警扫描']);
    const table = page.getByRole('table', { name: '监管人员账号' });
    await accountRow(page, SYS_ADMIN.login).waitFor();
    await page.getByText(/^显示第 1 到第 \d+ 条记录/).waitFor();
    // One's own account has no 停用 / 重置密码.
    await expect(accountRow(page, SYS_ADMIN.login).getByRole('button').count()).resolves.toBe(0);
    await shot(page, 'admin-accounts-list');

    // Filters: 状态 停用 finds nobody yet; 重置 brings the list back.
    const filters = page.getByRole('form', { name: '查询条件' });
    await filters.getByLabel('状态').selectOption({ label: '停用' });
    await page.getByRole('button', { name: '查询' }).click();
    await page.getByText('没有找到匹配的账号').waitFor();
    // The filters live in the URL: a reload shows the same list with the same filters.
    await page.waitForURL(/\/system\/accounts\?status=disabled$/);
    await page.reload();
    await page.getByText('没有找到匹配的账号').waitFor();
    await expect(filters.getByLabel('状态').inputValue()).resolves.toBe('disabled');
    await page.getByRole('button', { name: '重置', exact: true }).click();
    await accountRow(page, SYS_ADMIN.login).waitFor();
    await page.waitForURL(/\/system\/accounts$/);

    // 新增账号: the form's own checks first.
    await page.getByRole('button', { name: '新增账号' }).click();
    const dialog = page.getByRole('dialog', { name: '新增账号' });
    await dialog.getByRole('button', { name: '确定开通' }).click();
    await dialog.getByText('请输入手机号码').waitFor();
    await dialog.getByText('请至少选择一个角色').waitFor();
    await dialog.getByText('请至少选择一个物品类别').waitFor();

    // The 物品类别 offered are those of the department (安监), until a 三员 role is chosen.
    const categories = dialog.getByRole('group', { name: '物品类别' });
    await expect(categories.getByRole('checkbox').count()).resolves.toBe(6);
    await dialog.getByLabel('部门', { exact: true }).selectOption({ label: '交通' });
    await expect(categories.locator('label span').allTextContents()).resolves.toEqual([
      '危险化学品',
      '民爆物品',
      '放射性物品',
      '烟花爆竹',
      '运输监管',
    ]);
    await dialog.getByLabel('部门', { exact: true }).selectOption({ label: '安监' });

    // A number that already has an account: the API's answer beside 手机号码, its message on top.
    await dialog.getByLabel('手机号码').fill(INSPECTOR.login);
    await dialog.getByLabel('姓名').fill(NEW_ACCOUNT.name);
    await dialog.getByLabel('行政区划（设区市）').selectOption({ label: '泉州市' });
    await dialog.getByRole('group', { name: '角色' }).getByLabel('检查人员').check();
    await categories.getByLabel('危险化学品').check();
    await categories.getByLabel('烟花爆竹').check();
    await dialog.getByRole('button', { name: '确定开通' }).click();
    await dialog.locator('#new-mobile-error', { hasText: '该手机号码已开通账号，不能重复开通' }).waitFor();
    await expect(dialog.getByRole('alert').first().textContent()).resolves.toContain('该手机号码已开通账号');
    await shot(page, 'admin-accounts-new-conflict');

    await dialog.getByLabel('手机号码').fill(NEW_ACCOUNT.mobile);
    await expect(dialog.locator('#new-mobile-error').count()).resolves.toBe(0);
    await dialog.getByRole('button', { name: '确定开通' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByText(`已开通账号${NEW_ACCOUNT.name}（${NEW_ACCOUNT.mobile}）`).waitFor();
    const row = accountRow(page, NEW_ACCOUNT.mobile);
    await row.waitFor();
    await expect(row.textContent()).resolves.toMatch(
      /郑晓东.*安监.*福建省泉州市.*危险化学品、烟花爆竹.*检查人员.*启用/,
    );
    await shot(page, 'admin-accounts-created');

    // A number the API refuses: its message beside the filter. Then found again by its number.
    await filters.getByLabel('手机号码').fill('1234');
    await page.getByRole('button', { name: '查询' }).click();
    await filters.locator('#filter-mobile-error', { hasText: '手机号码应为1开头的11位数字' }).waitFor();
    await filters.getByLabel('手机号码').fill(NEW_ACCOUNT.mobile);
    await page.getByRole('button', { name: '查询' }).click();
    await expect.poll(() => table.getByRole('row').count()).toBe(2);
    await page.getByRole('button', { name: '重置', exact: true }).click();
    await accountRow(page, SYS_ADMIN.login).waitFor();

    // The portal counts it.
    const { page: visitor } = await newPage();
    expect(await portalFigure(visitor)).toBe(before + 1);

    // 停用, confirmed: the row says so, and the portal no longer counts it; 启用 brings it back.
    await accountRow(page, NEW_ACCOUNT.mobile).getByRole('button', { name: '停用' }).click();
    const confirm = page.getByRole('dialog', { name: '停用确认' });
    await confirm.getByText(`确定停用账号${NEW_ACCOUNT.name}（${NEW_ACCOUNT.mobile}）吗？`).waitFor();
    await shot(page, 'admin-accounts-confirm-disable');
    await confirm.getByRole('button', { name: '确定停用' }).click();
    await confirm.waitFor({ state: 'hidden' });
    await expect(accountRow(page, NEW_ACCOUNT.mobile).getByText('停用', { exact: true }).count()).resolves.toBe(1);
    expect(await portalFigure(visitor)).toBe(before);
    await accountRow(page, NEW_ACCOUNT.mobile).getByRole('button', { name: '启用' }).click();
    await page.getByRole('dialog', { name: '启用确认' }).getByRole('button', { name: '确定启用' }).click();
    await page.getByText(`已启用账号${NEW_ACCOUNT.name}（${NEW_ACCOUNT.mobile}）。`).waitFor();
    expect(await portalFigure(visitor)).toBe(before + 1);

    // 重置密码, confirmed.
    await accountRow(page, NEW_ACCOUNT.mobile).getByRole('button', { name: '重置密码' }).click();
    await page.getByRole('dialog', { name: '重置密码确认' }).getByRole('button', { name: '确定重置' }).click();
    // The new one-time password is shown this once, in the readable form.
    await page
      .getByText(
        new RegExp(
          `已重置账号${NEW_ACCOUNT.name}（${NEW_ACCOUNT.mobile}）的密码.*一次性密码：[A-HJ-NP-Za-km-z2-9]{4}-[A-HJ-NP-Za-km-z2-9]{4}-[A-HJ-NP-Za-km-z2-9]{4}`,
        ),
      )
      .waitFor();
    await visitor.context().close();

    // 导出模板: the .xlsx the API builds, as a download.
    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: '导出模板' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe('监管人员账号导入模板.xlsx');
    const templatePath = await download.path();
    /** The downloaded template with its example row replaced by `rows`, saved as `name`. */
    const filledIn = async (name: string, rows: string[][]) => {
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(templatePath);
      const sheet = workbook.getWorksheet('账号')!;
      expect(sheet.getRow(1).values).toEqual([
        undefined,
        '手机号码',
        '姓名',
        '部门',
        '行政区划代码',
        '物品类别',
        '角色',
      ]);
      sheet.spliceRows(2, 1, ...rows);
      const file = path.join(SHOTS, name);
      await workbook.xlsx.writeFile(file);
      return file;
    };

    // 导入账号 with mistakes: nothing is opened, and every problem is listed by row and column.
    const bad = await filledIn('admin-import-bad.xlsx', [
      ['1395950000', '林某', '安监', '3505', '危险化学品', '检查人员'],
      [IMPORTED.mobile, IMPORTED.name, '不存在的部门', '3505', '危险化学品', '检查人员'],
    ]);
    await page.getByLabel('选择要导入的账号文件（.xlsx）').setInputFiles(bad);
    const result = page.locator('section', { has: page.getByRole('heading', { name: /^导入结果/ }) });
    await result.getByText(/未导入任何账号/).waitFor();
    const issues = result.getByRole('table', { name: '导入文件中的错误' });
    await expect(issues.getByRole('row').nth(1).textContent()).resolves.toMatch(/^2手机号码/);
    await expect(
      issues
        .getByRole('row')
        .filter({ hasText: /^3部门/ })
        .count(),
    ).resolves.toBe(1);
    await shot(page, 'admin-accounts-import-errors');

    // Corrected: one row, opened.
    const good = await filledIn('admin-import-good.xlsx', [
      [IMPORTED.mobile, IMPORTED.name, '安监', '3505', '危险化学品、烟花爆竹', '检查人员'],
    ]);
    await page.getByLabel('选择要导入的账号文件（.xlsx）').setInputFiles(good);
    await result.getByText('已开通 1 个账号').waitFor();
    await accountRow(page, IMPORTED.mobile).waitFor();
    await shot(page, 'admin-accounts-imported');
    fs.rmSync(bad);
    fs.rmSync(good);

    // 三员分立: the 系统管理员 sees the register but files no change to it (the API refuses it too).
    await page.goto(`${stack.url}/platform/hazchem/trade/units`);
    await page.getByRole('heading', { name: '经营单位信息管理' }).waitFor();
    await page.getByRole('button', { name: '查询' }).waitFor();
    for (const action of ['新增企业', '删除企业', '企业信息纠错']) {
      await expect(page.getByRole('button', { name: action }).count()).resolves.toBe(0);
    }

    // 系统管理 › 预警扫描: the seed's run is listed; 立即扫描 runs one and the page follows it to the end.
    await page.goto(`${stack.url}/platform/hazchem/system/warning-scans`);
    await page.getByRole('heading', { name: '预警扫描' }).waitFor();
    const runs = page.getByRole('table', { name: '扫描记录' });
    await runs.getByRole('row').filter({ hasText: '演示数据' }).waitFor();
    await page.getByRole('button', { name: '立即扫描' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: /^已完成：已读取 \d+ 条/ })
      .waitFor({ timeout: 120_000 });
    await runs.getByRole('row').filter({ hasText: '立即扫描' }).filter({ hasText: '已完成' }).waitFor();
    await shot(page, 'admin-warning-scans');

    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('has the 审计管理员 find that account’s opening and their own sign-in in 审计日志, and verify the trail', async () => {
    const { page, errors } = await newPage();
    await firstAdminLogin(page, 'explosives', AUDITOR);
    const nav = page.getByRole('navigation', { name: '主菜单' });
    await nav.getByRole('link', { name: '系统管理' }).click();
    await page.waitForURL(/\/platform\/explosives\/system\/audit-logs$/);
    const side = page.getByRole('complementary', { name: '系统管理菜单' });
    await expect(side.getByRole('link').allTextContents()).resolves.toEqual(['审计日志']);
    const table = page.getByRole('table', { name: '审计记录' });
    await expect(table.getByRole('columnheader').allTextContents()).resolves.toEqual([
      '时间',
      '账号',
      '角色',
      '操作',
      '对象',
      '结果',
      '原因',
      '来源地址',
    ]);
    // Newest first: this very sign-in (登录, 修改密码, 绑定动态口令) is on the first page.
    const mine = table.getByRole('row').filter({ hasText: `${AUDITOR.login}（${AUDITOR.name}）` });
    await mine.filter({ hasText: '登录' }).first().waitFor();
    await expect(mine.filter({ hasText: '绑定动态口令' }).count()).resolves.toBe(1);
    await shot(page, 'admin-audit-logs');

    // The account opening, by 操作类型.
    await page.getByLabel('操作类型').selectOption({ label: '开通账号' });
    await page.getByRole('button', { name: '查询' }).click();
    const rowTexts = async () => (await table.getByRole('row').allTextContents()).slice(1);
    await expect.poll(async () => (await rowTexts()).every((t) => t.includes('开通账号'))).toBe(true);
    await expect
      .poll(async () => (await rowTexts()).filter((t) => t.includes(NEW_ACCOUNT.mobile)))
      .toEqual([
        expect.stringMatching(
          new RegExp(`${SYS_ADMIN.login}（${SYS_ADMIN.name}）系统管理员开通账号账号 ${NEW_ACCOUNT.mobile}.*成功`),
        ),
      ]);
    await shot(page, 'admin-audit-logs-account-create');

    // Own sign-ins, by 账号 and 操作类型.
    await page.getByLabel('操作类型').selectOption({ label: '登录' });
    await page.getByLabel('账号', { exact: true }).fill(AUDITOR.login);
    await page.getByRole('button', { name: '查询' }).click();
    await expect
      .poll(rowTexts)
      .toEqual([expect.stringMatching(new RegExp(`${AUDITOR.login}（${AUDITOR.name}）审计管理员登录.*成功`))]);
    // The filters live in the URL: a reload asks the same question again.
    await page.waitForURL(new RegExp(`audit-logs\\?action=[^&]+&login=${AUDITOR.login}$`));
    await page.reload();
    await expect
      .poll(rowTexts)
      .toEqual([expect.stringMatching(new RegExp(`${AUDITOR.login}（${AUDITOR.name}）审计管理员登录.*成功`))]);
    await expect(page.getByLabel('账号', { exact: true }).inputValue()).resolves.toBe(AUDITOR.login);

    // A range the API refuses: its message beside the dates.
    await page.getByLabel('开始日期').fill('2026-01-01');
    await page.getByLabel('结束日期').fill('2025-12-01');
    await page.getByRole('button', { name: '查询' }).click();
    await page.getByText('开始日期不能晚于结束日期', { exact: true }).waitFor();
    await page.getByRole('button', { name: '重置', exact: true }).click();
    await mine.first().waitFor();

    await page.getByRole('button', { name: '完整性校验' }).click();
    const verdict = page.locator('section', { has: page.getByRole('heading', { name: '完整性校验结果' }) });
    await verdict.getByText(/^校验通过：16 条哈希链共 \d+ 条记录完整/).waitFor();
    const chains = verdict.getByRole('table', { name: '各哈希链的校验结果' });
    await expect(chains.getByRole('row').count()).resolves.toBe(1 + 16);
    await expect(chains.getByText('✗ 异常').count()).resolves.toBe(0);
    await shot(page, 'admin-audit-verify');

    // 下一页 / 上一页 follow the API's cursors (pages of 5 here, so the demo's few records make three pages).
    await page.route('**/api/audit/logs?*', (route) =>
      route.continue({
        url: route
          .request()
          .url()
          .replace(/limit=\d+/, 'limit=5'),
      }),
    );
    // The pager's page number (the one pager; its row numbers assume the list's own page size, not 5).
    const at = page.locator('.pager .at');
    await page.getByRole('button', { name: '查询' }).click();
    await expect.poll(async () => (await rowTexts()).length).toBe(5);
    await expect.poll(() => at.textContent()).toBe('第 1 页');
    const firstPage = await rowTexts();
    await page.getByRole('button', { name: '下一页' }).click();
    await expect.poll(() => at.textContent()).toBe('第 2 页');
    const secondPage = await rowTexts();
    expect(secondPage.filter((t) => firstPage.includes(t))).toEqual([]);
    await page.getByRole('button', { name: '上一页' }).click();
    await expect.poll(() => at.textContent()).toBe('第 1 页');
    await expect(rowTexts()).resolves.toEqual(firstPage);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
