import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../functions/local/stack';
import { launchBrowser } from '../support/browser';
import { signedInAs } from '../support/personas';
import { startTestStack, type TestStack } from '../support/stack';

const SHOTS = path.join(REPO_ROOT, 'test-results', 'browser');

/**
 * The support contact on the pages where help is looked for, and dates shown and typed as yyyy-MM-dd whatever the browser's language: an English-locale Chromium (where a
 * native date input reads mm/dd/yyyy) edits a licence's dates through the one DateField.
 */
describe('help and dates, in Chromium', () => {
  let t: TestStack;
  let browser: Browser;

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

  it('shows and takes yyyy-MM-dd, checks the date when the field is left', async () => {
    const api = await signedInAs(t.store, t.url, { kind: 'enterprise', enterpriseId: 'ent-000001' });
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'en-US' });
    await context.addCookies(
      [...api.cookies].map(([name, value]) => ({ name, value, url: t.url, httpOnly: name !== 'hz_csrf' })),
    );
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${t.url}/enterprise/profile/certificates`);
    await page.locator('tbody tr').first().waitFor();
    await page.getByRole('button', { name: '证书信息有误，点我纠正' }).click();
    const dialog = page.getByRole('dialog', { name: '证书信息纠正' });
    const validTo = dialog.getByRole('textbox', { name: '有效截止日期' });
    await expect(validTo.getAttribute('type')).resolves.toBe('text');
    await expect(validTo.getAttribute('placeholder')).resolves.toBe('yyyy-MM-dd');
    await expect(validTo.inputValue()).resolves.toMatch(/^\d{4}-\d{2}-\d{2}$/);
    // Digits typed get their dashes; an impossible day is said beside the field as it is left.
    await validTo.fill('');
    await validTo.pressSequentially('20310230');
    await expect(validTo.inputValue()).resolves.toBe('2031-02-30');
    await validTo.blur();
    await dialog.getByText('「2031-02-30」不是有效日期').waitFor();
    await validTo.fill('2031-01-31');
    await validTo.blur();
    await expect(dialog.getByText('不是有效日期').count()).resolves.toBe(0);
    await page.screenshot({ path: path.join(SHOTS, 'dates-en-us.png'), fullPage: true });
    expect(errors).toEqual([]);
    await context.close();
  });

  it('names the 技术支撑 客服电话 in the footer, on the login page and in the messages that send people for help', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'zh-CN' });
    const page = await context.newPage();
    await page.goto(`${t.url}/platform/explosives/login`);
    await page.getByText('技术支撑：“一体化”平台技术支撑人员 客服电话：0591-87859196').waitFor();
    await page.getByText('账号未开通或忘记密码，请联系技术支撑人员（客服电话：0591-87859196）。').waitFor();
    // The API's own message says the same, in the same words.
    await page.getByLabel('用户名').fill('13900099999');
    await page.getByLabel('密码').fill('Wrong#2024x');
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByText('账号还没有开通或者密码错误，请联系技术支撑人员（客服电话：0591-87859196）。').waitFor();
    await page.screenshot({ path: path.join(SHOTS, 'help-login-phone.png'), fullPage: true });
    await context.close();
  });
});
