import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sha256 } from '../../functions/lib/auth/tokens';
import { type SeedSummary } from '../../functions/local/seed';
import { REPO_ROOT, type LocalStack } from '../../functions/local/stack';
import { type Store } from '../../functions/store';
import { CHANGE_SUBMITTED_MESSAGES } from '../../shared/api/register';
import { idCardCheckChar } from '../../shared/validation/idcard';
import { launchBrowser } from '../support/browser';
import { signedInAs } from '../support/personas';
import { startTestStack } from '../support/stack';

/** Where the screenshots go, to be looked at. */
const SHOTS = process.env.ENT_SHOTS ?? '/tmp/shots';
const NEW_PASSWORD = 'Qy@2024self';

/** 企业服务平台 › 企业信息管理, as an enterprise's 信息员 does it, in Chromium against the local stack. */
describe('the enterprise keeps its own data, in Chromium', () => {
  let stack: LocalStack;
  let browser: Browser;
  let store: Store;
  let seeded: SeedSummary;
  let page: Page;
  const errors: string[] = [];
  let enterpriseId = '';

  beforeAll(async () => {
    if (!fs.existsSync(path.join(REPO_ROOT, 'web', 'build', 'index.html'))) {
      throw new Error('web/build is missing: npm test builds it first (npm run build:web)');
    }
    fs.mkdirSync(SHOTS, { recursive: true });
    ({ stack, store, seeded } = await startTestStack({ seedEnterprises: 10 }));
    browser = await launchBrowser();
    const expiresAt = Math.floor(Date.now() / 1000) + 1800;
    await store.captchas.create({ captchaId: 'test-self-service', answerHash: sha256('ABCD'), expiresAt }).go();

    const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN' });
    page = await context.newPage();
    page.on('pageerror', (e) => errors.push(e.message));
    // The test cannot read the server's picture: a challenge with a known answer instead.
    await page.route('**/api/auth/captcha', async (route) => {
      await route.fulfill({
        json: {
          captchaId: 'test-self-service',
          svg: `<svg xmlns="http://www.w3.org/2000/svg" width="120" height="40"><rect width="120" height="40" fill="#f3f6fa"/><text x="20" y="28" font-size="24" font-family="monospace">ABCD</text></svg>`,
          expiresInSeconds: 600,
        },
      });
    });
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  const shot = (name: string) => page.screenshot({ path: path.join(SHOTS, `ent-${name}.png`), fullPage: true });
  const go = (rest: string) => page.goto(`${stack.url}/enterprise/${rest}`);
  const staffTotal = async () =>
    Number((await page.locator('.count strong').textContent())?.trim().replace(/\D/g, '') || 'NaN');

  it('signs in with the captcha and the forced password change', async () => {
    const account = seeded.enterpriseAccounts[0]!;
    const { data } = await store.accounts.query.byLogin({ login: account.login }).go();
    enterpriseId = data.find((a) => a.kind === 'enterprise')!.enterpriseId!;
    await go('login');
    await page.getByRole('img', { name: '验证码' }).waitFor();
    await page.getByLabel('账号').fill(account.login);
    await page.getByLabel('密码').fill(account.login.slice(-6));
    await page.getByRole('textbox', { name: '验证码' }).fill('ABCD');
    await page.getByRole('button', { name: '登录' }).click();
    await page.waitForURL(/\/enterprise\/password$/);
    await page.getByLabel('原密码').fill(account.login.slice(-6));
    await page.getByLabel('新密码', { exact: true }).fill(NEW_PASSWORD);
    await page.getByLabel('确认新密码').fill(NEW_PASSWORD);
    await page.getByRole('button', { name: '确认修改' }).click();
    await page.waitForURL(/\/enterprise$/);
  });

  it('adds a person with a certificate, edits them, and 员工总数 follows', async () => {
    await go('profile/personnel');
    await page.getByRole('heading', { name: '从业人员管理' }).waitFor();
    await page.locator('tbody tr').first().waitFor();
    await page.getByText(/显示第 1 到第 \d+ 条记录/).waitFor();
    const before = await staffTotal();
    expect(before).toBeGreaterThan(0);
    // The table shows 身份证号 masked, all but the last four.
    await expect(page.locator('tbody tr').first().locator('td').nth(4).textContent()).resolves.toMatch(
      /^\*{14}[\dX]{4}$/,
    );
    await shot('personnel');

    await page.getByRole('button', { name: '＋ 新增' }).click();
    const dialog = page.getByRole('dialog', { name: '新增从业人员' });
    await dialog.waitFor();
    // Saving the empty form: the schema's messages under the fields.
    await dialog.getByRole('button', { name: '保存' }).click();
    await dialog.getByText('请填写姓名').waitFor();
    await dialog.getByLabel('姓名').fill('林志远');
    const first17 = '35010219880606123';
    await dialog.getByLabel('身份证号').fill(first17 + idCardCheckChar(first17));
    await expect(dialog.getByLabel('性别').inputValue()).resolves.toBe('male');
    await dialog.getByLabel('联系电话').fill('13859007777');
    await dialog.getByLabel('岗位').fill('枪支保管员');
    await dialog.getByRole('button', { name: '＋ 添加证件' }).click();
    const cert = dialog.getByRole('group', { name: '证件1' });
    await cert.getByLabel('证件类型').selectOption({ label: '枪支管理人员证' });
    await cert.getByLabel('证件编号').fill('FZGA-2024-0088');
    await cert.getByLabel('发证机关').fill('福州市公安局');
    await cert.getByLabel('有效起始日期').fill('2024-03-01');
    await cert.getByLabel('有效截止日期').fill('2027-02-28');
    await shot('person-form');
    await dialog.getByRole('button', { name: '保存' }).click();
    await page.getByText('已新增从业人员林志远。').waitFor();
    await expect.poll(staffTotal).toBe(before + 1);

    // The new person is on one of the pages (ids sort the staff): page until found, then 编辑.
    const row = page.locator('tbody tr', { hasText: '林志远' });
    while ((await row.count()) === 0) {
      await page.getByRole('button', { name: '下一页' }).click();
      await page.waitForTimeout(200);
    }
    await expect(row.textContent()).resolves.toContain('2027-02-28');
    await row.getByRole('button', { name: '编辑林志远' }).click();
    const edit = page.getByRole('dialog', { name: '编辑从业人员' });
    await edit.getByLabel('岗位').fill('安全管理人员');
    await edit.getByRole('button', { name: '保存' }).click();
    await page.getByText('已保存林志远的信息。').waitFor();
    await expect.poll(() => row.textContent()).toContain('安全管理人员');
    await expect.poll(staffTotal).toBe(before + 1);
    await shot('personnel-after');

    // 员工总数 on the enterprise's own page, and in the regulators' list, moved with it.
    const { data: e } = await store.enterprises.get({ enterpriseId }).go();
    expect(e!.staffCount).toBe(before + 1);
    const { data: rows } = await store.enterpriseListings.query.byEnterprise({ enterpriseId }).go();
    expect(rows.map((r) => r.staffCount)).toEqual(rows.map(() => before + 1));
  });

  it('adds a 产品种类, and corrects 联系电话: the message, then the new phone once a reviewer approves', async () => {
    await go('profile/basic');
    await page.getByRole('heading', { name: '企业基本信息' }).waitFor();
    const { data: e } = await store.enterprises.get({ enterpriseId }).go();
    await expect(page.locator('dd[data-field="staffCount"]').textContent()).resolves.toBe(String(e!.staffCount));

    await page.getByLabel('产品名称').fill('运动枪支');
    await page.getByRole('button', { name: '＋ 新增' }).click();
    await page.getByText('已新增产品种类「运动枪支」。').waitFor();
    await page.getByRole('row', { name: /运动枪支/ }).waitFor();

    await page.getByRole('button', { name: '企业信息有误，点我纠正' }).click();
    const dialog = page.getByRole('dialog', { name: '企业信息纠正' });
    await dialog.waitFor();
    await dialog.getByLabel('联系电话').fill('0591-88886666');
    await shot('correction-form');
    await dialog.getByRole('button', { name: '保存' }).click();
    await page.getByText(CHANGE_SUBMITTED_MESSAGES.correct).waitFor();
    await shot('correction-submitted');
    await page.getByRole('button', { name: '确定' }).click();
    await page.getByText('您的企业信息纠正正在审核中').waitFor();
    await expect(page.locator('dd[data-field="phone"]').textContent()).resolves.toBe(e!.phone ?? '-');

    // A 审核人员 of the enterprise's category approves it (through the API: the review screens are tested elsewhere).
    const category = e!.segments[0]!.category;
    const reviewer = await signedInAs(store, stack.url, {
      kind: 'regulator',
      department: 'gongan',
      regionCode: '35',
      categories: [category],
      roles: ['reviewer'],
    });
    const queue = await reviewer.get(`/api/register/change-requests?status=pending&category=${category}`);
    const request = (queue.body.items as { requestId: string; enterpriseId: string; version: number }[]).find(
      (r) => r.enterpriseId === enterpriseId,
    )!;
    const approved = await reviewer.post(`/api/register/change-requests/${request.requestId}/approve`, {
      version: request.version,
    });
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);

    await page.reload();
    await expect.poll(() => page.locator('dd[data-field="phone"]').textContent()).toBe('0591-88886666');
    await expect(page.getByText('您的企业信息纠正正在审核中').count()).resolves.toBe(0);
    await page.getByRole('row', { name: /企业信息纠错.*已同意/ }).waitFor();
    await shot('basic-approved');
  });

  it('shows the licences with their expiry, and files a 证书信息纠正', async () => {
    await go('profile/certificates');
    await page.getByRole('heading', { name: '企业证书管理' }).waitFor();
    await page.locator('tbody tr').first().waitFor();
    await shot('certificates');
    await page.getByRole('button', { name: '证书信息有误，点我纠正' }).click();
    const dialog = page.getByRole('dialog', { name: '证书信息纠正' });
    await dialog.getByLabel('发证机关').fill('福州市公安局治安支队');
    await shot('licence-form');
    await dialog.getByRole('button', { name: '保存' }).click();
    await page.getByText(CHANGE_SUBMITTED_MESSAGES['correct-licence']).waitFor();
    await page.getByRole('button', { name: '确定' }).click();
    await page.getByText('您的企业有一条信息纠正正在审核中').waitFor();

    // The 审核人员 sees which certificate changes, and the field before and after (not deciding blind).
    const { data: entry } = await store.enterprises.get({ enterpriseId }).go();
    let reviewed = false;
    for (const category of [...new Set(entry!.segments.map((x) => x.category))]) {
      const persona = {
        kind: 'regulator' as const,
        department: 'gongan',
        regionCode: '35',
        categories: [category],
        roles: ['reviewer'],
      };
      const reviewer = await signedInAs(store, stack.url, persona);
      const queue = await reviewer.get(`/api/register/change-requests?status=pending&category=${category}`);
      const request = (
        queue.body.items as { enterpriseId: string; kind: string; licence?: { name: string; number: string } }[]
      ).find((r) => r.enterpriseId === enterpriseId && r.kind === 'correct-licence');
      if (!request) continue;
      const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN' });
      await context.addCookies(
        [...reviewer.cookies].map(([name, value]) => ({ name, value, url: stack.url, httpOnly: name !== 'hz_csrf' })),
      );
      const review = await context.newPage();
      await review.goto(`${stack.url}/platform/${category}/system/register-reviews`);
      await review.getByRole('row').filter({ hasText: '证书信息纠正' }).getByRole('button', { name: '审核' }).click();
      const dialog = review.getByRole('dialog', { name: '企业信息审核' });
      await expect
        .poll(() => dialog.locator('dd[data-field="licence"]').textContent())
        .toBe(`${request.licence!.name}（证书编号 ${request.licence!.number}）`);
      await dialog.getByRole('row').filter({ hasText: '发证机关' }).getByText('福州市公安局治安支队').waitFor();
      await review.screenshot({ path: path.join(SHOTS, 'ent-licence-review.png'), fullPage: true });
      await context.close();
      reviewed = true;
    }
    expect(reviewed).toBe(true);
    expect(errors).toEqual([]);
  });

  it('fits a phone screen', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await go('profile/personnel');
    await page.locator('tbody tr').first().waitFor();
    await shot('personnel-phone');
    await page.getByRole('button', { name: '＋ 新增' }).click();
    await page.getByRole('dialog', { name: '新增从业人员' }).getByRole('button', { name: '＋ 添加证件' }).click();
    await shot('person-form-phone');
    expect(errors).toEqual([]);
  });
});
