import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CATEGORIES } from '../../shared/reference/categories';
import { freePort } from '../../functions/local/ports';
import { REPO_ROOT, startLocalStack, type LocalStack } from '../../functions/local/stack';
import { launchBrowser } from '../support/browser';

const SHOTS = path.join(REPO_ROOT, 'test-results', 'browser');

/** The portal served by the local stack, as a person opens it in Chromium. */
describe('the portal in Chromium', () => {
  let stack: LocalStack;
  let browser: Browser;

  beforeAll(async () => {
    if (!fs.existsSync(path.join(REPO_ROOT, 'web', 'build', 'index.html'))) {
      throw new Error('web/build is missing: npm test builds it first (npm run build:web)');
    }
    fs.mkdirSync(SHOTS, { recursive: true });
    stack = await startLocalStack({
      port: await freePort(),
      dynamoPort: await freePort(),
      s3Port: await freePort(),
      busPort: await freePort(),
    });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it('shows the seven categories and 运输监管 under 监管入口, and opens a category’s login page', async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN' });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${stack.url}/`);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toContain(
      '福建省危险物品“一体化”安全监管信息平台',
    );

    const entrance = page.locator('section', { has: page.getByRole('heading', { name: '监管入口' }) });
    const links = entrance.getByRole('link');
    await expect(links.allTextContents()).resolves.toEqual(CATEGORIES.map((c) => expect.stringContaining(c.entryName)));
    await page.screenshot({ path: path.join(SHOTS, 'portal.png'), fullPage: true });

    await entrance.getByRole('link', { name: '民爆物品' }).click();
    await page.waitForURL(/\/platform\/explosives\/login$/);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toContain(
      '福建省民爆物品“一体化”安全监管信息平台',
    );
    await expect(page.getByRole('heading', { name: '欢迎登录' }).isVisible()).resolves.toBe(true);
    await expect(page.getByLabel('用户名').getAttribute('placeholder')).resolves.toBe('手机号码');
    await page.screenshot({ path: path.join(SHOTS, 'login-explosives.png') });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('lists the report hotlines of every category', async () => {
    const page = await browser.newPage({ locale: 'zh-CN' });
    await page.goto(`${stack.url}/`);
    const text = await page.locator('section', { has: page.getByRole('heading', { name: '举报电话' }) }).textContent();
    for (const c of CATEGORIES) expect(text).toContain(c.hotline);
    await page.close();
  });

  it('fits a phone screen without sideways scrolling', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true, locale: 'zh-CN' });
    await page.goto(`${stack.url}/`);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: path.join(SHOTS, 'portal-phone.png'), fullPage: true });
    await page.close();
  });

  it('keeps the signed-in shell of a category behind its login page', async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN' });
    await page.goto(`${stack.url}/platform/explosives/inspections`);
    // Served through the SPA fallback, then sent to the category's login page: there is no session.
    await page.waitForURL(/\/platform\/explosives\/login/, { timeout: 10_000 });
    await expect(page.getByRole('heading', { name: '欢迎登录' }).isVisible()).resolves.toBe(true);
    await page.close();
  });
});
