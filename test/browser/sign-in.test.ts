import fs from 'node:fs';
import path from 'node:path';
import encodeQR from '@paulmillr/qr';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lockedError } from '../../functions/lib/auth/guard';
import { NO_CATEGORY, WRONG_CREDENTIALS } from '../../functions/identity/sign-in';
import { totpAt } from '../../functions/identity/totp';
import { sha256 } from '../../functions/lib/auth/tokens';
import { type SeedSummary } from '../../functions/local/seed';
import { REPO_ROOT, type LocalStack } from '../../functions/local/stack';
import { type Store } from '../../functions/store';
import { launchBrowser } from '../support/browser';
import { startTestStack } from '../support/stack';

const SHOTS = path.join(REPO_ROOT, 'test-results', 'browser');

/** 刘斌, 民爆物品 inspector (省直, 经信): only the explosives category. */
const INSPECTOR = { login: '13900000005', name: '刘斌', initial: '000005', password: 'Mb#2024safe' };
/** 张国生, 散装汽油 inspector: the lockout is tried on this one. */
const LOCKED = { login: '13900000007', initial: '000007' };
/** 林昌平, 安监 部门管理员: an admin role, so a second factor must be bound at first login. */
const ADMIN = { login: '13900000036', name: '林昌平', initial: '000036', password: 'Adm!n2024x' };

/** Sign-in as a person does it, in Chromium, against the local stack with the demo data. */
describe('signing in, in Chromium', () => {
  let stack: LocalStack;
  let browser: Browser;
  let store: Store;
  let seeded: SeedSummary;

  beforeAll(async () => {
    if (!fs.existsSync(path.join(REPO_ROOT, 'web', 'build', 'index.html'))) {
      throw new Error('web/build is missing: npm test builds it first (npm run build:web)');
    }
    fs.mkdirSync(SHOTS, { recursive: true });
    ({ stack, store, seeded } = await startTestStack({ seedEnterprises: 10 }));
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  /** A fresh browser profile (no cookies), with page errors collected. */
  async function newPage(viewport = { width: 1366, height: 900 }): Promise<{ page: Page; errors: string[] }> {
    const context = await browser.newContext({ viewport, locale: 'zh-CN' });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    return { page, errors };
  }

  const shot = (page: Page, name: string) => page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });

  async function regulatorLogin(page: Page, category: string, login: string, password: string) {
    await page.goto(`${stack.url}/platform/${category}/login`);
    await page.getByLabel('用户名').fill(login);
    await page.getByLabel('密码').fill(password);
    await page.getByRole('button', { name: '登录' }).click();
  }

  async function changePassword(page: Page, current: string, next: string) {
    await page.getByLabel('原密码').fill(current);
    await page.getByLabel('新密码', { exact: true }).fill(next);
    await page.getByLabel('确认新密码').fill(next);
    await page.getByRole('button', { name: '确认修改' }).click();
  }

  it('a regulator’s first login forces a new password, then opens the 民爆 shell with their name; 退出系统 ends it', async () => {
    const { page, errors } = await newPage();
    await regulatorLogin(page, 'explosives', INSPECTOR.login, INSPECTOR.initial);
    await page.waitForURL(/\/platform\/explosives\/password$/);
    await page.getByRole('heading', { name: '首次登录请修改初始密码' }).waitFor();
    await expect(
      page.getByText('至少 8 位，包含大写字母、小写字母、数字、符号中的至少三类，且不能包含账号').isVisible(),
    ).resolves.toBe(true);

    // The policy is checked as the person types, in the API's own words.
    await page.getByLabel('新密码', { exact: true }).fill('abc');
    await page.getByText('新密码至少 8 位').waitFor();
    await page.getByLabel('新密码', { exact: true }).fill(`x${INSPECTOR.login}Aa!`);
    await page.getByText('新密码不能包含账号').waitFor();
    await page.getByLabel('新密码', { exact: true }).fill(INSPECTOR.password);
    await page.getByText('新密码符合要求').waitFor();
    await page.getByLabel('确认新密码').fill(`${INSPECTOR.password}x`);
    await page.getByText('两次输入的新密码不一致').waitFor();
    await shot(page, 'sign-in-forced-password-change');

    // The original password is checked by the server, and its complaint shows beside the field.
    await page.getByLabel('原密码').fill('wrong-one');
    await page.getByLabel('确认新密码').fill(INSPECTOR.password);
    await page.getByRole('button', { name: '确认修改' }).click();
    await page.getByText('原密码不正确').waitFor();

    await changePassword(page, INSPECTOR.initial, INSPECTOR.password);
    await page.waitForURL(/\/platform\/explosives$/);
    await page.getByText(`欢迎你, ${INSPECTOR.name}`).waitFor();
    await shot(page, 'sign-in-explosives-shell');

    // Inside the shell the menus work as before.
    await page.getByRole('navigation', { name: '主菜单' }).getByRole('link', { name: '检查通报管理' }).click();
    // A header entry with a left menu opens its first entry (独立检查任务 › 创建独立检查任务).
    await page.waitForURL(/\/platform\/explosives\/inspections\/independent\/create$/);
    await page.getByRole('heading', { name: '创建独立检查任务' }).waitFor();

    // 修改密码 from the header: the same page, inside the shell, for a change at will.
    await page.getByRole('link', { name: '修改密码' }).click();
    await page.waitForURL(/\/platform\/explosives\/password$/);
    await page.getByRole('heading', { name: '修改密码', exact: true }).waitFor();
    await expect(page.getByText(`欢迎你, ${INSPECTOR.name}`).isVisible()).resolves.toBe(true);
    await shot(page, 'sign-in-voluntary-password-change');

    await page.getByRole('button', { name: '退出系统' }).click();
    await page.waitForURL(/\/platform\/explosives\/login$/);
    // The session is over on the server too: the shell sends the visitor back to the login page.
    await page.goto(`${stack.url}/platform/explosives/inspections`);
    await page.waitForURL(/\/platform\/explosives\/login$/);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('shows the seed’s no-permission page when the same account enters 枪支弹药', async () => {
    const { page, errors } = await newPage();
    await regulatorLogin(page, 'firearms', INSPECTOR.login, INSPECTOR.password);
    await page.waitForURL(/\/platform\/firearms\/no-permission$/);
    await page.getByText(NO_CATEGORY).waitFor();
    const back = page.getByRole('link', { name: '返回门户“监管入口”' });
    await expect(back.getAttribute('href')).resolves.toBe('/#entries');
    await shot(page, 'sign-in-no-permission');
    await back.click();
    await page.waitForURL(/\/#entries$/);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('locks the account after five wrong passwords: the sixth attempt fails even with the right one', async () => {
    const { page } = await newPage();
    await page.goto(`${stack.url}/platform/bulk-gasoline/login`);
    await page.getByLabel('用户名').fill(LOCKED.login);
    const alert = page.getByRole('alert');
    const attempt = async (password: string) => {
      await page.getByLabel('密码').fill(password);
      const answered = page.waitForResponse((r) => r.url().endsWith('/api/auth/login'));
      await page.getByRole('button', { name: '登录' }).click();
      await answered;
      return (await alert.textContent())?.trim();
    };
    for (let i = 1; i <= 4; i++) expect(await attempt(`wrong-${i}`)).toBe(WRONG_CREDENTIALS);
    const locked = lockedError().message;
    expect(await attempt('wrong-5')).toBe(locked);
    expect(await attempt(LOCKED.initial)).toBe(locked);
    await shot(page, 'sign-in-locked');
    await page.context().close();
  });

  it('signs an enterprise in with the captcha, through the forced change, into the enterprise shell', async () => {
    // The real challenge: the server's picture, shown through an <img>, and 看不清，换一张 fetches another.
    {
      const { page } = await newPage();
      await page.goto(`${stack.url}/enterprise/login`);
      const image = page.getByRole('img', { name: '验证码' });
      await image.waitFor();
      const first = await image.getAttribute('src');
      expect(first).toMatch(/^data:image\/svg\+xml;charset=utf-8,%3Csvg/);
      await page.getByRole('button', { name: '看不清，换一张' }).click();
      await expect.poll(() => image.getAttribute('src')).not.toBe(first);
      await shot(page, 'sign-in-enterprise-login');
      await page.context().close();
    }

    const enterprise = seeded.enterpriseAccounts[0]!;
    const { data: accounts } = await store.accounts.query.byLogin({ login: enterprise.login }).go();
    const account = accounts.find((a) => a.kind === 'enterprise')!;
    // The test cannot read the picture: two challenges with known answers, served in turn.
    const expiresAt = Math.floor(Date.now() / 1000) + 300;
    const challenges = ['test-captcha-1', 'test-captcha-2'];
    for (const captchaId of challenges) {
      await store.captchas.create({ captchaId, answerHash: sha256('ABCD'), expiresAt }).go();
    }
    const { page, errors } = await newPage();
    const served: string[] = [];
    await page.route('**/api/auth/captcha', async (route) => {
      const captchaId = challenges[served.length] ?? 'used-up';
      served.push(captchaId);
      await route.fulfill({
        json: {
          captchaId,
          svg: `<svg xmlns="http://www.w3.org/2000/svg" width="120" height="40"><rect width="120" height="40" fill="#f3f6fa"/><text x="20" y="28" font-size="24" font-family="monospace">ABCD</text></svg>`,
          expiresInSeconds: 300,
        },
      });
    });
    await page.goto(`${stack.url}/enterprise/login`);
    const image = page.getByRole('img', { name: '验证码' });
    await image.waitFor();
    await expect(image.getAttribute('src')).resolves.toMatch(/^data:image\/svg\+xml/);
    const password = enterprise.login.slice(-6);

    // A wrong answer uses the challenge up: the message shows and a new picture replaces it.
    await page.getByLabel('账号').fill(enterprise.login);
    await page.getByLabel('密码').fill(password);
    await page.getByRole('textbox', { name: '验证码' }).fill('WXYZ');
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByText('验证码不正确或已过期').waitFor();
    await expect.poll(() => served.length).toBe(2);
    await shot(page, 'sign-in-enterprise-captcha');

    await page.getByRole('textbox', { name: '验证码' }).fill('abcd');
    await page.getByRole('button', { name: '登录' }).click();
    await page.waitForURL(/\/enterprise\/password$/);
    await page.getByRole('heading', { name: '首次登录请修改初始密码' }).waitFor();
    await changePassword(page, password, 'Qy@2024pass');
    await page.waitForURL(/\/enterprise$/);
    await page.getByText(`欢迎您, ${account.name}`).waitFor();
    await shot(page, 'sign-in-enterprise-shell');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('has an admin bind a second factor at first login, and give it at the next one', async () => {
    const { page, errors } = await newPage();
    await regulatorLogin(page, 'hazchem', ADMIN.login, ADMIN.initial);
    await page.waitForURL(/\/platform\/hazchem\/password$/);
    const enrolment = page.waitForResponse((r) => r.url().endsWith('/api/auth/totp/enrolment'));
    await changePassword(page, ADMIN.initial, ADMIN.password);
    await page.waitForURL(/\/platform\/hazchem\/totp$/);
    await page.getByRole('heading', { name: '绑定动态口令' }).waitFor();
    const { otpauthUri } = (await (await enrolment).json()) as { otpauthUri: string };
    const grouped = (await page.locator('#totp-secret').textContent())!.trim();
    expect(grouped).toMatch(/^([A-Z2-7]{4} )+[A-Z2-7]{1,4}$/);
    await expect(page.locator('#totp-uri').textContent()).resolves.toContain('otpauth://totp/');
    // The QR code beside the key carries the otpauth URI itself (its modules, as the encoder draws them).
    const qr = page.getByRole('img', { name: '动态口令绑定二维码' });
    const modules = encodeQR(otpauthUri, 'raw', { ecc: 'medium', border: 2 });
    const dark = modules.flatMap((row, y) => row.flatMap((on, x) => (on ? [`M${x} ${y}h1v1h-1z`] : []))).join('');
    await expect(qr.locator('path').getAttribute('d')).resolves.toBe(dark);
    // Which apps to use, in plain words: authenticators, not the scanners of 微信 / 支付宝.
    const steps = (await page.locator('ol.steps').textContent())!.replace(/\s+/g, ' ');
    expect(steps).toContain('Google Authenticator、Microsoft Authenticator 或其他支持 TOTP');
    expect(steps).toContain('微信、支付宝等的“扫一扫”不能用于绑定');
    await shot(page, 'sign-in-totp-enrolment');
    await page.setViewportSize({ width: 390, height: 844 });
    const box = (await qr.boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(390);
    await shot(page, 'sign-in-totp-enrolment-phone');
    await page.setViewportSize({ width: 1366, height: 900 });
    const secret = grouped.replace(/ /g, '');
    await page.getByRole('textbox', { name: '动态口令' }).fill(totpAt(secret, Date.now()));
    await page.getByRole('button', { name: '确认绑定' }).click();
    await page.waitForURL(/\/platform\/hazchem$/);
    await page.getByText(`欢迎你, ${ADMIN.name}`).waitFor();
    await page.getByRole('button', { name: '退出系统' }).click();
    await page.waitForURL(/\/platform\/hazchem\/login$/);

    await regulatorLogin(page, 'hazchem', ADMIN.login, ADMIN.password);
    await page.waitForURL(/\/platform\/hazchem\/totp$/);
    await page.getByRole('heading', { name: '动态口令验证' }).waitFor();
    await shot(page, 'sign-in-totp-verify');
    // The code of the next 30-second step: the one used to bind may not be used again.
    await page.getByRole('textbox', { name: '动态口令' }).fill(totpAt(secret, Date.now() + 30_000));
    await page.getByRole('button', { name: '验证' }).click();
    await page.waitForURL(/\/platform\/hazchem$/);
    await page.getByText(`欢迎你, ${ADMIN.name}`).waitFor();
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('renews an expired access token on its own, and sends the person to the login page once the session is over', async () => {
    const { page, errors } = await newPage();
    await regulatorLogin(page, 'explosives', INSPECTOR.login, INSPECTOR.password);
    await page.waitForURL(/\/platform\/explosives$/);
    const context = page.context();
    // The home page's own requests (待办, inbox count) must be over before the cookie goes: one still in flight
    // would meet the 401 and renew the token before the reload does (a busy machine).
    await page.waitForLoadState('networkidle');

    // Wait for the responses asserted on, not for text that may show before them; listen before the cookie goes.
    const refreshes: number[] = [];
    page.on('response', (r) => {
      if (r.url().endsWith('/api/auth/refresh')) refreshes.push(r.status());
    });
    const isRefresh = (r: { url(): string }) => r.url().endsWith('/api/auth/refresh');
    const renewed = page.waitForResponse(isRefresh);
    // The 15-minute access cookie is gone: the next request gets a 401, the client refreshes and retries.
    await context.clearCookies({ name: 'hz_at' });
    await page.reload();
    expect((await renewed).status()).toBe(200);
    await page.getByText(`欢迎你, ${INSPECTOR.name}`).waitFor();
    expect(refreshes).toEqual([200]);

    // Now the refresh cookie goes too: the next request (a password change) ends the session.
    const refused = page.waitForResponse(isRefresh);
    await context.clearCookies({ name: 'hz_at' });
    await context.clearCookies({ name: 'hz_rt' });
    await page.getByRole('link', { name: '修改密码' }).click();
    await changePassword(page, INSPECTOR.password, 'Another#2024');
    expect((await refused).status()).toBe(401);
    await page.waitForURL(/\/platform\/explosives\/login$/);
    await page.getByText('登录已超时，请重新登录。').waitFor();
    expect(refreshes).toEqual([200, 401]);
    await shot(page, 'sign-in-session-ended');

    // Signing in again opens the shell (a step page is not one to return to).
    await page.getByLabel('用户名').fill(INSPECTOR.login);
    await page.getByLabel('密码').fill(INSPECTOR.password);
    await page.getByRole('button', { name: '登录' }).click();
    await page.waitForURL(/\/platform\/explosives$/);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('signs out after the idle timeout without activity', async () => {
    const { page, errors } = await newPage();
    await page.clock.install();
    await regulatorLogin(page, 'explosives', INSPECTOR.login, INSPECTOR.password);
    await page.waitForURL(/\/platform\/explosives$/);
    await page.clock.fastForward('31:00');
    await page.waitForURL(/\/platform\/explosives\/login$/);
    await page.getByText('长时间未操作，登录已超时，请重新登录。').waitFor();
    await shot(page, 'sign-in-idle-timeout');
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
