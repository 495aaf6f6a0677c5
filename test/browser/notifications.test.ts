import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../functions/local/stack';
import { ChangeRequestDecided } from '../../shared/events/register';
import { announce } from '../support/outbox';
import { launchBrowser } from '../support/browser';
import { signedInAs, type Persona } from '../support/personas';
import { startTestStack, type TestStack } from '../support/stack';

const SHOTS = path.join(REPO_ROOT, 'test-results', 'browser');

/**
 * The inbox as people use it in Chromium: the header's 消息 link counts what is unread, opens the list (a
 * regulator's own page, the enterprise's too; 消息 on both), a title shows its text, 标记已读 and 全部标记已读 bring the
 * count down. The messages come from ChangeRequestDecided events written to the outbox and relayed to the
 * local bus; the sessions are made in the store (signing in has its own tests).
 */
describe('the message inbox, in Chromium', () => {
  let t: TestStack;
  let browser: Browser;
  const errors: string[] = [];

  beforeAll(async () => {
    if (!fs.existsSync(path.join(REPO_ROOT, 'web', 'build', 'index.html'))) {
      throw new Error('web/build is missing: npm test builds it first (npm run build:web)');
    }
    fs.mkdirSync(SHOTS, { recursive: true });
    t = await startTestStack({ seedEnterprises: 2 });
    browser = await launchBrowser();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await t?.stop();
  });

  /** A browser page signed in as `persona`, and its account id. */
  async function signedInPage(persona: Persona): Promise<{ page: Page; accountId: string }> {
    const api = await signedInAs(t.store, t.url, persona);
    const accountId = (await api.get('/api/auth/session')).body.account.accountId as string;
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN' });
    await context.addCookies(
      [...api.cookies].map(([name, value]) => ({ name, value, url: t.url, httpOnly: name !== 'hz_csrf' })),
    );
    const page = await context.newPage();
    page.on('pageerror', (e) => errors.push(e.message));
    return { page, accountId };
  }

  let n = 0;
  async function decide(requestedBy: string, over: Partial<ChangeRequestDecided> = {}) {
    n++;
    await announce(t.store, ChangeRequestDecided, {
      requestId: `chg-browser-${n}`,
      kind: 'correct',
      status: 'approved',
      enterpriseId: 'ent-000001',
      enterpriseName: '泉州市测试化工有限公司',
      requestedBy,
      decidedByName: '陈审核',
      decidedAt: new Date(Date.UTC(2026, 2, 1, 2, 0, n)).toISOString(),
      ...over,
    });
    await t.stack.settle();
  }

  it('a regulator sees the count in the header, reads a message and marks them read', async () => {
    const { page, accountId } = await signedInPage({
      kind: 'regulator',
      department: 'anjian',
      regionCode: '3505',
      categories: ['hazchem'],
      roles: ['inspector'],
    });
    await decide(accountId, { kind: 'create', status: 'rejected', decisionReason: '缺少营业执照附件' });
    await decide(accountId);

    await page.goto(`${t.url}/platform/hazchem`);
    const bell = page.getByRole('banner').getByRole('link', { name: /^消息/ });
    await expect.poll(() => bell.getAttribute('aria-label'), { timeout: 10_000 }).toBe('消息，2 条未读');
    await bell.click();
    await page.waitForURL(/\/platform\/hazchem\/messages$/);
    await page.getByRole('heading', { name: '消息', exact: true }).waitFor();

    const newest = page.getByRole('button', { name: '企业信息纠错审核通过' });
    const older = page.getByRole('button', { name: '新增企业审核未通过' });
    await newest.waitFor();
    // Newest first, unread in bold.
    expect(await page.locator('.messages li .subject').allTextContents()).toEqual([
      '企业信息纠错审核通过',
      '新增企业审核未通过',
    ]);
    expect(await newest.evaluate((e) => getComputedStyle(e).fontWeight)).toBe('700');

    // Opening a message marks it read.
    await older.click();
    await page
      .getByText('您提交的「泉州市测试化工有限公司」新增企业已由陈审核审核未通过，原因：缺少营业执照附件。')
      .waitFor();
    await expect.poll(() => bell.getAttribute('aria-label'), { timeout: 10_000 }).toBe('消息，1 条未读');
    await expect.poll(() => older.evaluate((e) => getComputedStyle(e).fontWeight)).not.toBe('700');
    await shot(page, 'inbox-regulator');

    await page.getByRole('button', { name: '全部标记已读' }).click();
    await page.getByText('已将 1 条消息标记为已读。').waitFor();
    await expect.poll(() => bell.getAttribute('aria-label'), { timeout: 10_000 }).toBe('消息');
    await expect.poll(() => newest.evaluate((e) => getComputedStyle(e).fontWeight)).not.toBe('700');
    expect(await page.getByRole('button', { name: '标记已读', exact: true }).count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it('an enterprise finds its messages under 消息', async () => {
    const { page, accountId } = await signedInPage({ kind: 'enterprise', enterpriseId: 'ent-000001' });
    await decide(accountId, { kind: 'correct-licence' });

    await page.goto(`${t.url}/enterprise`);
    const bell = page.getByRole('banner').getByRole('link', { name: /^消息/ });
    await expect.poll(() => bell.getAttribute('aria-label'), { timeout: 10_000 }).toBe('消息，1 条未读');
    await bell.click();
    await page.waitForURL(/\/enterprise\/messages$/);
    await page.getByRole('heading', { name: '消息', exact: true }).waitFor();
    await page.getByRole('button', { name: '证书信息纠正审核通过' }).click();
    await page
      .getByText('您提交的「泉州市测试化工有限公司」证书信息纠正已由陈审核审核通过，证书信息已更新。')
      .waitFor();
    await expect.poll(() => bell.getAttribute('aria-label'), { timeout: 10_000 }).toBe('消息');
    await shot(page, 'inbox-enterprise');
    // 信息互动 is the seed's other feature, not the inbox.
    await page.getByRole('navigation', { name: '主菜单' }).getByRole('link', { name: '信息互动' }).click();
    await page.waitForURL(/\/enterprise\/interaction$/);
    await page.getByText('「信息互动」').first().waitFor();
    expect(errors).toEqual([]);
  });

  const shot = (page: Page, name: string) => page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
});
