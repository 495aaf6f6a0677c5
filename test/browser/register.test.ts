import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SeedSummary } from '../../functions/local/seed';
import { REPO_ROOT } from '../../functions/local/stack';
import { generateUscc } from '../../shared/validation/uscc';
import { launchBrowser } from '../support/browser';
import { startTestStack, type TestStack } from '../support/stack';

const SHOTS = path.join(REPO_ROOT, 'test-results', 'browser');

/** 安监 · 泉州 检查人员: files the requests from the 危险化学品 sub-platform. */
const INSPECTOR = { login: '13900000028', initial: '000028', password: 'Lx#2024safe' };
/** 安监 · 泉州 审核人员: decides them (系统管理 › 企业信息审核). */
const REVIEWER = { login: '13900000030', initial: '000030', password: 'Cy#2024review' };

/** The unit the inspector adds: a 危险化学品 经营 company in 泉州 丰泽区. */
const UNIT = {
  name: '泉州市丰泽区恒安化工贸易有限公司',
  legalRepresentative: '王建国',
  corrected: '林志远',
  address: '福建省泉州市丰泽区东海街道泉秀路100号',
};
const REMOVAL_REASON = '该企业已于2024年停业并注销，不再从事危险化学品经营';

/**
 * The register's change workflow as people use it in Chromium against the local stack with the demo data: a
 * regulator adds a unit on 经营单位信息管理, the 审核人员 of the category and jurisdiction approves it in
 * 企业信息审核 and it appears in the list; a correction and a removal go the same way.
 */
describe('the unit list and its change requests, in Chromium', () => {
  let stack: TestStack;
  let seeded: SeedSummary;
  let browser: Browser;
  let inspector: Page;
  let reviewer: Page;
  const errors: string[] = [];
  /** 总共 N 条记录 of the list before anything was added. */
  let before = 0;
  let creditCode = '';

  beforeAll(async () => {
    if (!fs.existsSync(path.join(REPO_ROOT, 'web', 'build', 'index.html'))) {
      throw new Error('web/build is missing: npm test builds it first (npm run build:web)');
    }
    fs.mkdirSync(SHOTS, { recursive: true });
    stack = await startTestStack({ seedEnterprises: 10 });
    seeded = stack.seeded;
    browser = await launchBrowser();
    let state = 20241128;
    const rng = () => (state = (state * 16807) % 2147483647) / 2147483647;
    creditCode = generateUscc(rng, { regionCode: '350503' });
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  async function newPage(viewport = { width: 1366, height: 900 }): Promise<Page> {
    const context = await browser.newContext({ viewport, locale: 'zh-CN' });
    const page = await context.newPage();
    page.on('pageerror', (e) => errors.push(e.message));
    return page;
  }

  const shot = (page: Page, name: string) => page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });

  /** First sign-in to the 危险化学品 sub-platform: the initial password, then the forced change. */
  async function firstLogin(page: Page, who: typeof INSPECTOR) {
    await page.goto(`${stack.url}/platform/hazchem/login`);
    await page.getByLabel('用户名').fill(who.login);
    await page.getByLabel('密码').fill(who.initial);
    await page.getByRole('button', { name: '登录' }).click();
    await page.waitForURL(/\/platform\/hazchem\/password$/);
    await page.getByLabel('原密码').fill(who.initial);
    await page.getByLabel('新密码', { exact: true }).fill(who.password);
    await page.getByLabel('确认新密码').fill(who.password);
    await page.getByRole('button', { name: '确认修改' }).click();
    await page.waitForURL(/\/platform\/hazchem$/);
  }

  /** The pager's text under the unit list, once the list has loaded. */
  async function pagerText(page: Page): Promise<string> {
    const counts = page.locator('main').getByText(/条记录/);
    await counts.waitFor();
    return (await counts.textContent())!.trim();
  }

  async function total(page: Page): Promise<number> {
    const m = /总共 (\d+) 条记录/.exec(await pagerText(page));
    if (!m) throw new Error(`no total in the pager: ${await pagerText(page)}`);
    return Number(m[1]);
  }

  const unitRow = (page: Page, name: string): Locator =>
    page.getByRole('table', { name: '经营单位信息管理' }).getByRole('row').filter({ hasText: name });

  async function openList(page: Page) {
    await page.goto(`${stack.url}/platform/hazchem/trade/units`);
    await page.getByRole('heading', { name: '经营单位信息管理' }).waitFor();
    await pagerText(page);
  }

  /** The reviewer's 待审核 tab, the unit's request opened; resolves with the review dialog. */
  async function openReview(kind: string): Promise<Locator> {
    await reviewer.goto(`${stack.url}/platform/hazchem/system/register-reviews`);
    await reviewer.getByRole('heading', { name: '企业信息审核' }).waitFor();
    const row = reviewer.getByRole('row').filter({ hasText: UNIT.name }).filter({ hasText: kind });
    await row.getByRole('button', { name: '审核' }).click();
    const dialog = reviewer.getByRole('dialog', { name: '企业信息审核' });
    await dialog.getByText(kind, { exact: true }).waitFor();
    return dialog;
  }

  async function approve(dialog: Locator, kind: string) {
    await dialog.getByRole('button', { name: '同意' }).click();
    await reviewer.getByRole('dialog', { name: '同意确认' }).getByRole('button', { name: '确定同意' }).click();
    await reviewer.getByText(`已同意「${UNIT.name}」的${kind}申请，变更已生效。`).waitFor();
  }

  it('puts 单位信息管理 under each segment menu and lists the jurisdiction’s units with the seed’s columns', async () => {
    const who = seeded.regulators.find((r) => r.mobile === INSPECTOR.login);
    expect(who?.regionName).toContain('泉州');
    expect(who?.categories).toContain('hazchem');
    inspector = await newPage();
    await firstLogin(inspector, INSPECTOR);
    await inspector
      .getByRole('navigation', { name: '主菜单' })
      .getByRole('link', { name: '经营监管', exact: true })
      .click();
    await inspector
      .getByRole('complementary', { name: '经营监管菜单' })
      .getByRole('link', { name: '经营单位信息管理' })
      .click();
    await inspector.waitForURL(/\/platform\/hazchem\/trade\/units$/);
    await inspector.getByRole('heading', { name: '经营单位信息管理' }).waitFor();
    const headers = await inspector
      .getByRole('table', { name: '经营单位信息管理' })
      // Every seed column is in the table; on a laptop the lower-priority ones give way (lists.test.ts).
      .getByRole('columnheader', { includeHidden: true })
      .allTextContents();
    expect(headers).toEqual([
      '选择',
      '序号',
      '预警',
      '行政区划',
      '单位名称',
      '统一社会信用代码',
      '登记状态',
      '危险化学品经营许可证',
      '单位类型',
      '法定代表人(责任人)',
      '联系电话',
      '员工总数',
      '操作',
    ]);
    before = await total(inspector);
    expect(await pagerText(inspector)).toBe(
      before === 0
        ? '总共 0 条记录'
        : `显示第 1 到第 ${Math.min(before, 10)} 条记录，总共 ${before} 条记录，总共 ${Math.ceil(before / 10)} 页`,
    );
    // The region filter offers the jurisdiction only.
    const cities = await inspector.getByLabel('行政区划（设区市）').locator('option').allTextContents();
    expect(cities).toEqual(['全部', '泉州市']);
    // 删除企业 and 企业信息纠错 act on one checked row.
    await inspector.getByRole('button', { name: '企业信息纠错' }).click();
    const info = inspector.getByRole('dialog', { name: '信息' });
    await info.getByText('请选择一条企业信息').waitFor();
    await info.getByRole('button', { name: '确定' }).click();
    await shot(inspector, 'register-units-list');
  });

  it('新增企业: checks the form with the API’s rules, files the request and says so in the seed’s words', async () => {
    await inspector.getByRole('button', { name: '新增企业' }).click();
    const form = inspector.getByRole('dialog', { name: '新增企业' });
    await form.getByRole('button', { name: '保存' }).click();
    await form.getByText('请填写单位名称').waitFor();
    await form.getByText('请选择单位类型').waitFor();
    await form.getByText('请填写(住所)营业场所').waitFor();
    // Every required field's error at once, the code's too (not only after the others pass).
    await form.getByText('请填写统一社会信用代码；尚未三证合一的单位请填写注册号').waitFor();
    await form.getByText('请填写法定代表人(责任人)').waitFor();
    await expect(form.locator('.req').count()).resolves.toBeGreaterThanOrEqual(7);
    // The segment of the list it was opened from is ticked already; the jurisdiction's city is chosen.
    await expect(form.getByRole('checkbox', { name: '经营', exact: true }).isChecked()).resolves.toBe(true);
    await expect(form.getByLabel('行政区划（设区市）').inputValue()).resolves.toBe('3505');
    await shot(inspector, 'register-form-errors');

    await form.getByLabel('单位名称').fill(UNIT.name);
    await form.getByLabel('行政区划（县、市、区）').selectOption({ label: '丰泽区' });
    await form.getByLabel('单位类型').selectOption({ label: '有限责任公司' });
    await form.getByLabel('统一社会信用代码').fill(creditCode.slice(0, 17) + (creditCode[17] === '0' ? '1' : '0'));
    await form.getByLabel('注册资本').fill('500');
    await form.getByLabel('法定代表人(责任人)').fill(UNIT.legalRepresentative);
    await form.getByLabel('联系电话').fill('0595-22345678');
    await form.getByLabel('注册时间').fill('2015-03-02');
    await form.getByLabel('核准日期').fill('2020-05-06');
    await form.getByLabel('(住所)营业场所').fill(UNIT.address);
    await form.getByLabel('经营范围').fill('危险化学品经营（不带储存设施）');
    // 营业执照附件: straight to S3 (presigned POST), listed once the API has confirmed it.
    await form.getByLabel('选择营业执照附件').setInputFiles({
      name: '营业执照.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4\n% 营业执照（测试）\n%%EOF\n'),
    });
    await form.getByRole('list', { name: '已上传的营业执照附件' }).getByText('营业执照.pdf').waitFor();
    await form.getByRole('button', { name: '保存' }).click();
    // A wrong check character is caught before anything is sent.
    await form.getByText(/校验/).waitFor();
    await form.getByLabel('统一社会信用代码').fill(creditCode.toLowerCase());
    await shot(inspector, 'register-form');
    await form.getByRole('button', { name: '保存' }).click();
    const info = inspector.getByRole('dialog', { name: '信息' });
    await info.getByText('您新增的企业信息已提交审核，审核通过后会展示该企业，请耐心等待！').waitFor();
    await info.getByRole('button', { name: '确定' }).click();
    // Not in the list until approved.
    await openList(inspector);
    await expect(unitRow(inspector, UNIT.name).count()).resolves.toBe(0);
    expect(await total(inspector)).toBe(before);
  });

  it('the 审核人员 sees the new unit field by field, approves it, and it appears in the list', async () => {
    reviewer = await newPage();
    await firstLogin(reviewer, REVIEWER);
    await reviewer.getByRole('navigation', { name: '主菜单' }).getByRole('link', { name: '系统管理' }).click();
    await reviewer
      .getByRole('complementary', { name: '系统管理菜单' })
      .getByRole('link', { name: '企业信息审核' })
      .click();
    await reviewer.waitForURL(/\/platform\/hazchem\/system\/register-reviews$/);
    const dialog = await openReview('新增企业');
    const nameRow = dialog.getByRole('row').filter({ hasText: '单位名称' });
    await expect(nameRow.getByRole('cell').allTextContents()).resolves.toEqual(['-', UNIT.name]);
    await dialog.getByRole('row').filter({ hasText: '统一社会信用代码' }).getByText(creditCode).waitFor();
    await dialog.getByRole('row').filter({ hasText: '从业环节' }).getByText('危险化学品·经营').waitFor();
    await dialog.getByText('营业执照.pdf').waitFor();
    await shot(reviewer, 'register-review-create');
    await approve(dialog, '新增企业');
    await reviewer.getByText('没有待审核的申请').waitFor();

    await openList(inspector);
    expect(await total(inspector)).toBe(before + 1);
    // Found by its code; a code filter has no total to show.
    await inspector.getByLabel('统一社会信用代码').fill(creditCode);
    await inspector.getByRole('button', { name: '查询' }).click();
    await inspector.waitForURL(new RegExp(`creditCode=${creditCode}`));
    await unitRow(inspector, UNIT.name).waitFor();
    await expect.poll(() => pagerText(inspector)).toBe('显示第 1 到第 1 条记录');
    const cells = await unitRow(inspector, UNIT.name).getByRole('cell', { includeHidden: true }).allTextContents();
    expect(cells.slice(3, 12)).toEqual([
      '福建省泉州市丰泽区',
      UNIT.name,
      creditCode,
      '在管(开业)企业',
      '-',
      '有限责任公司',
      UNIT.legalRepresentative,
      '0595-22345678',
      '0',
    ]);
    // The filter lives in the URL: a reload shows the same list.
    await inspector.reload();
    await unitRow(inspector, UNIT.name).waitFor();
    await expect(inspector.getByLabel('统一社会信用代码').inputValue()).resolves.toBe(creditCode);
    await inspector.getByRole('button', { name: '重置' }).click();
    await inspector.waitForURL(/\/trade\/units$/);
    await expect.poll(() => pagerText(inspector)).toContain(`总共 ${before + 1} 条记录`);
  });

  it('企业信息纠错: the correction shows after approval, and 查看 has the whole entry with its history', async () => {
    await unitRow(inspector, UNIT.name).getByRole('checkbox').check();
    await inspector.getByRole('button', { name: '企业信息纠错' }).click();
    const form = inspector.getByRole('dialog', { name: '企业信息纠错' });
    await expect(form.getByLabel('单位名称').inputValue()).resolves.toBe(UNIT.name);
    await form.getByLabel('法定代表人(责任人)').fill(UNIT.corrected);
    await form.getByRole('button', { name: '保存' }).click();
    const info = inspector.getByRole('dialog', { name: '信息' });
    await info.getByText('企业信息纠错需审核通过才能显示，请耐心等待！').waitFor();
    await info.getByRole('button', { name: '确定' }).click();

    // A second request while that one waits: the dialog says so, and shows the API's refusal (409).
    await unitRow(inspector, UNIT.name).getByRole('checkbox').check();
    await inspector.getByRole('button', { name: '删除企业' }).click();
    await inspector.getByRole('dialog', { name: '信息' }).getByRole('button', { name: '确认' }).click();
    const remove = inspector.getByRole('dialog', { name: '删除企业' });
    await remove.getByText('该企业已有一条变更申请正在审核中').waitFor();
    await remove.getByLabel('删除原因').fill(REMOVAL_REASON);
    await remove.getByRole('button', { name: '确认' }).click();
    await remove.getByText('该企业有一条待审核的变更申请，请等待审核完成后再提交').waitFor();
    await shot(inspector, 'register-remove-conflict');
    await remove.getByRole('button', { name: '取消' }).click();

    const dialog = await openReview('企业信息纠错');
    const changed = dialog.getByRole('row').filter({ hasText: '法定代表人(责任人)' });
    await expect(changed.getByRole('cell').allTextContents()).resolves.toEqual([
      UNIT.legalRepresentative,
      UNIT.corrected,
    ]);
    // Only what changed is listed.
    await expect(dialog.getByRole('row').filter({ hasText: '单位名称' }).count()).resolves.toBe(0);
    await shot(reviewer, 'register-review-diff');
    await approve(dialog, '企业信息纠错');

    await openList(inspector);
    // 法定代表人 gives way on a laptop (a priority column): read the cell itself.
    await expect
      .poll(() => unitRow(inspector, UNIT.name).locator('td[data-label="法定代表人(责任人)"]').textContent())
      .toBe(UNIT.corrected);

    await unitRow(inspector, UNIT.name).getByRole('link', { name: '查看' }).click();
    await inspector.getByRole('heading', { name: UNIT.name, level: 1 }).waitFor();
    const basic = inspector.locator('section', { has: inspector.getByRole('heading', { name: '基本信息' }) });
    await basic.getByText(UNIT.corrected).waitFor();
    await basic.getByText('500 万人民币').waitFor();
    const history = inspector.getByRole('table', { name: '变更记录' });
    await history.getByRole('row').filter({ hasText: '企业信息纠错' }).getByText('已同意').waitFor();
    await history.getByRole('row').filter({ hasText: '新增企业' }).getByText('已同意').waitFor();
    await inspector.getByRole('table', { name: '从业人员' }).getByText('暂无从业人员').waitFor();
    await inspector
      .locator('section', { has: inspector.getByRole('heading', { name: '营业执照附件' }) })
      .getByText('营业执照.pdf')
      .waitFor();
    await shot(inspector, 'register-detail');
    await inspector.getByRole('link', { name: '返回列表' }).click();
    await inspector.waitForURL(/\/platform\/hazchem\/trade\/units$/);
    await unitRow(inspector, UNIT.name).waitFor();
  });

  it('删除企业: confirm, then a mandatory reason; once approved the unit leaves the list', async () => {
    await unitRow(inspector, UNIT.name).getByRole('checkbox').check();
    await inspector.getByRole('button', { name: '删除企业' }).click();
    const confirm = inspector.getByRole('dialog', { name: '信息' });
    await confirm.getByText('您是否确认删除选中项?').waitFor();
    await confirm.getByRole('button', { name: '确认' }).click();
    const remove = inspector.getByRole('dialog', { name: '删除企业' });
    await remove.getByRole('button', { name: '确认' }).click();
    await remove.getByText('请输入删除该企业的原因').last().waitFor();
    await remove.getByLabel('删除原因').fill(REMOVAL_REASON);
    await remove.getByRole('button', { name: '确认' }).click();
    const info = inspector.getByRole('dialog', { name: '信息' });
    await info.getByText('删除企业的申请已提交审核，审核通过后该企业将会从系统中删除。').waitFor();
    await info.getByRole('button', { name: '确定' }).click();

    const dialog = await openReview('删除企业');
    await dialog.getByText(REMOVAL_REASON).waitFor();
    await approve(dialog, '删除企业');

    await openList(inspector);
    await expect(unitRow(inspector, UNIT.name).count()).resolves.toBe(0);
    expect(await total(inspector)).toBe(before);
    // The decisions are on the reviewer's 已同意 tab.
    await reviewer.getByRole('tab', { name: '已同意' }).click();
    await expect.poll(() => reviewer.getByRole('row').filter({ hasText: UNIT.name }).count()).toBe(3);
    await shot(reviewer, 'register-reviews-approved');
    expect(errors).toEqual([]);
  });
});
