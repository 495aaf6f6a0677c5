import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../functions/local/stack';
import { launchBrowser } from '../support/browser';
import { signedInAs, type Persona } from '../support/personas';
import { startTestStack, type TestStack } from '../support/stack';

const SHOTS = path.join(REPO_ROOT, 'test-results', 'browser');
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);
/** The machine is shared: a page may take a few seconds to show under load. */
const poll = <T>(f: () => T | Promise<T>, o = { timeout: 10_000 }) => expect.poll(f, o);

/**
 * 归口通报 as people use it in Chromium: a 公安 inspector registers a notice on a phone (登记通报问题: two
 * receiving departments, the enterprise found in the register, a photo), a 林业 inspector opens it from
 * 收到的通报 (which marks it 已读 for 林业) and answers 处理情况, and the sender's 发出的通报 shows 林业 已读 and
 * 工商 未读. Then the enterprise's 企业自纠自查隐患 and the regulators' read-only 企业自查自纠管理.
 */
describe('归口通报 and 企业自纠自查隐患, in Chromium', () => {
  let t: TestStack;
  let browser: Browser;
  const errors: string[] = [];
  let city = '';
  let segment = '';
  let enterpriseName = '';

  beforeAll(async () => {
    if (!fs.existsSync(path.join(REPO_ROOT, 'web', 'build', 'index.html'))) {
      throw new Error('web/build is missing: npm test builds it first (npm run build:web)');
    }
    fs.mkdirSync(SHOTS, { recursive: true });
    t = await startTestStack({ seedEnterprises: 4 });
    const { data: a } = await t.store.enterprises.get({ enterpriseId: 'ent-000001' }).go();
    city = a!.regionCode.slice(0, 4);
    segment = a!.segments.find((s) => s.category === 'firearms')!.segment;
    enterpriseName = a!.name;
    browser = await launchBrowser();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await t?.stop();
  });

  const officer = (department: string): Persona => ({
    kind: 'regulator',
    department,
    regionCode: city,
    categories: ['firearms'],
    roles: ['inspector'],
  });

  async function signedInPage(persona: Persona, viewport = { width: 1366, height: 900 }): Promise<Page> {
    const api = await signedInAs(t.store, t.url, persona);
    const context = await browser.newContext({ viewport, locale: 'zh-CN' });
    await context.addCookies(
      [...api.cookies].map(([name, value]) => ({ name, value, url: t.url, httpOnly: name !== 'hz_csrf' })),
    );
    const page = await context.newPage();
    page.on('pageerror', (e) => errors.push(e.message));
    return page;
  }

  const PHONE = { width: 390, height: 844 };
  let noticeUrl = '';

  it('登记通报问题 on a phone: two receivers, the enterprise from the register, a photo', async () => {
    const page = await signedInPage(officer('gongan'), PHONE);
    await page.goto(`${t.url}/platform/firearms/inspections/notices/register`);
    await poll(() => page.getByRole('heading', { name: '登记通报问题' }).count()).toBe(1);
    await poll(() => page.getByText('通报单位：福建省公安厅').count()).toBe(1);
    // Sending without anything says what is missing.
    await page.getByRole('button', { name: '发出通报' }).click();
    await poll(() => page.getByText('请选择接收通报单位').count()).toBeGreaterThan(0);

    await page.getByRole('checkbox', { name: '福建省林业厅' }).check();
    await page.getByRole('checkbox', { name: '福建省工商局' }).check();
    expect(await page.getByRole('checkbox', { name: '福建省公安厅' }).count()).toBe(0);
    await page.selectOption('#enterprise-pick-segment', segment);
    await page.fill('#enterprise-pick-name', enterpriseName.slice(0, 4));
    await page.getByRole('button', { name: '查询' }).click();
    await page.getByRole('button', { name: enterpriseName }).click();
    await poll(() => page.getByText(`已选择：${enterpriseName}`).count()).toBe(1);
    await page.fill('#description', '储存场所未按规定设置安全警示标志。');
    await page.fill('#result', '已责令限期整改，请协同督查。');
    await page.locator('input[type=file]').setInputFiles({
      name: '现场照片.png',
      mimeType: 'image/png',
      buffer: PNG,
    });
    // Uploaded and confirmed: the file is on the form's list, with its 删除.
    await poll(() => page.getByRole('button', { name: '删除 现场照片.png' }).count(), { timeout: 15_000 }).toBe(1);
    await page.screenshot({ path: path.join(SHOTS, 'notice-register-phone.png'), fullPage: true });
    await page.getByRole('button', { name: '发出通报' }).click();
    await page.waitForURL(/\/inspections\/notices\/view\/ntc-/);
    noticeUrl = page.url().replace(/\?.*$/, '');
    await poll(() => page.getByText('通报已发出').count()).toBe(1);
    await poll(() => page.getByText('未读').count()).toBe(2);
    await page.screenshot({ path: path.join(SHOTS, 'notice-sent-phone.png'), fullPage: true });
  });

  it('a receiver opens it from 收到的通报 (已读 for its department) and answers 处理情况', async () => {
    const page = await signedInPage(officer('linye'));
    await page.goto(`${t.url}/platform/firearms/inspections/notices/received`);
    const row = page.getByRole('row').filter({ hasText: enterpriseName });
    await poll(() => row.count()).toBe(1);
    expect(await row.getByText('未读').count()).toBe(1);
    await row.getByRole('link', { name: /查看/ }).click();
    await page.waitForURL(/\/inspections\/notices\/view\/ntc-/);
    await poll(() => page.getByText(/于 .* 查看/).count()).toBe(1);
    // The photo sent with it opens for the receiver too.
    await poll(() => page.getByRole('button', { name: /现场照片\.png/ }).count()).toBe(1);
    await page.fill('#reply', '已派员核查，企业已整改到位。');
    await page.getByRole('button', { name: '回复', exact: true }).click();
    await poll(() => page.getByText('处理情况已回复。').count()).toBe(1);
    await page.screenshot({ path: path.join(SHOTS, 'notice-received-reply.png'), fullPage: true });
    // 只看未读 no longer lists it.
    await page.goto(`${t.url}/platform/firearms/inspections/notices/received`);
    await page.getByRole('checkbox', { name: '只看未读' }).check();
    await poll(() => page.getByText('暂无通报').count()).toBe(1);
  });

  it("the sender's 发出的通报: 林业 已读 with the time, 工商 未读; the detail shows the answer", async () => {
    const page = await signedInPage(officer('gongan'));
    await page.goto(`${t.url}/platform/firearms/inspections/notices/sent`);
    const row = page.getByRole('row').filter({ hasText: enterpriseName });
    await poll(() => row.count()).toBe(1);
    await poll(() => row.locator('li').filter({ hasText: '福建省林业厅' }).getByText('已读').count()).toBe(1);
    expect(await row.locator('li').filter({ hasText: '福建省工商局' }).getByText('未读').count()).toBe(1);
    await page.screenshot({ path: path.join(SHOTS, 'notice-sent-list.png'), fullPage: true });
    await page.goto(noticeUrl);
    await poll(() => page.getByText('已派员核查，企业已整改到位。').count()).toBe(1);
  });

  it('another department finds nothing', async () => {
    const page = await signedInPage(officer('tiyu'));
    await page.goto(noticeUrl);
    await poll(() => page.getByText('通报不存在或不在您的查看范围内').count()).toBe(1);
  });

  it('企业自纠自查隐患: the enterprise adds a line on a phone; its regulator reads it', async () => {
    const page = await signedInPage({ kind: 'enterprise', enterpriseId: 'ent-000001' }, PHONE);
    await page.goto(`${t.url}/enterprise/hazards/self-inspection`);
    await poll(() => page.getByRole('heading', { name: '企业自纠自查隐患' }).count()).toBe(1);
    await page.getByRole('button', { name: '＋ 新增' }).click();
    await page.fill('#si-location', '一号仓库东侧');
    await page.selectOption('#si-class', 'site');
    await page.fill('#si-description', '灭火器压力不足');
    await page.fill('#si-cause', '未按期检查');
    await page.fill('#si-deadline', '2020-01-31');
    await page.selectOption('#si-difficulty', 'easy');
    await page.getByRole('button', { name: '保存' }).click();
    await poll(() => page.getByText('已新增隐患。').count()).toBe(1);
    await poll(() => page.getByText('已超期').count()).toBe(1);
    await page.screenshot({ path: path.join(SHOTS, 'self-inspection-enterprise-phone.png'), fullPage: true });
    // 整改完成 with a photo (the phone's camera is a file input too).
    await page.getByRole('button', { name: '整改完成' }).click();
    await page.fill('#si-rectification', '已更换灭火器');
    await page.getByRole('button', { name: '确认整改完成' }).click();
    await poll(() => page.getByText('请上传至少一个整改附件（照片或文件）').count()).toBeGreaterThan(0);
    await page
      .locator('dialog input[type=file]')
      .setInputFiles({ name: '整改后.png', mimeType: 'image/png', buffer: PNG });
    await poll(() => page.getByRole('button', { name: '删除 整改后.png' }).count(), { timeout: 15_000 }).toBe(1);
    await page.getByRole('button', { name: '确认整改完成' }).click();
    await poll(() => page.getByText('已整改完成。').count()).toBe(1);
    // The line is closed: 已整改, and no longer 已超期 however late it was.
    await poll(() => page.locator('.tag', { hasText: '已整改' }).count()).toBe(1);
    await poll(() => page.getByText('已超期').count()).toBe(0);

    const reg = await signedInPage(officer('gongan'));
    await reg.goto(`${t.url}/platform/firearms/inspections/self-inspection`);
    await reg.selectOption('#si-enterprise-segment', segment);
    await reg.fill('#si-enterprise-name', enterpriseName.slice(0, 4));
    await reg.getByRole('button', { name: '查询', exact: true }).first().click();
    await reg.getByRole('button', { name: enterpriseName }).click();
    await poll(() => reg.getByText('灭火器压力不足').count()).toBe(1);
    expect(await reg.locator('.tag', { hasText: '已整改' }).count()).toBe(1);
    expect(await reg.getByRole('button', { name: '编辑' }).count()).toBe(0);
    await reg.screenshot({ path: path.join(SHOTS, 'self-inspection-regulator.png'), fullPage: true });
    expect(errors).toEqual([]);
  });
});
