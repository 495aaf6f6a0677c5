import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../functions/local/stack';
import { findSegment } from '../../shared/reference/segments';
import { launchBrowser } from '../support/browser';
import { signedInAs, type Persona } from '../support/personas';
import { startTestStack, type TestStack } from '../support/stack';

const SHOTS = path.join(REPO_ROOT, 'test-results', 'browser');

/**
 * The unit list as a regulator pages it, at a laptop's 1366×768 and a phone's 390×844: the table fits without
 * a sideways scroll (priority columns), a phone shows cards titled by 单位名称, the one pager in the seed's
 * words with 首页 / 末页, and the page and filters in the URL so reload, Back and 返回列表 come back to them.
 */
describe('the unit list’s layout and pager, in Chromium', () => {
  let t: TestStack;
  let browser: Browser;
  const errors: string[] = [];
  /** The 危险化学品 segment with the most units in the province, and its count. */
  let seg: { category: string; segment: string; path: string; title: string; count: number };

  beforeAll(async () => {
    if (!fs.existsSync(path.join(REPO_ROOT, 'web', 'build', 'index.html'))) {
      throw new Error('web/build is missing: npm test builds it first (npm run build:web)');
    }
    fs.mkdirSync(SHOTS, { recursive: true });
    t = await startTestStack({ seedEnterprises: 300 });
    const counts = new Map<string, number>();
    const { data } = await t.store.enterprises.scan.go({ pages: 'all' });
    for (const e of data)
      for (const s of e.segments)
        if (s.category === 'hazchem' && !e.removed) counts.set(s.segment, (counts.get(s.segment) ?? 0) + 1);
    const [segment, count] = [...counts].sort((a, b) => b[1] - a[1])[0]!;
    const s = findSegment('hazchem', segment)!;
    // The header-menu ids of 危化's segments (web/src/lib/nav/regulator-menus.ts).
    const menu: Record<string, string> = { production: 'production-safety', business: 'trade' };
    seg = { category: 'hazchem', segment, path: menu[segment] ?? segment, title: s.unitListTitle, count };
    browser = await launchBrowser();
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await t?.stop();
  });

  const INSPECTOR: Persona = {
    kind: 'regulator',
    department: 'anjian',
    regionCode: '35',
    categories: ['hazchem'],
    roles: ['inspector'],
  };

  async function signedInPage(viewport: { width: number; height: number }): Promise<Page> {
    const api = await signedInAs(t.store, t.url, INSPECTOR);
    const context = await browser.newContext({ viewport, locale: 'zh-CN' });
    await context.addCookies(
      [...api.cookies].map(([name, value]) => ({ name, value, url: t.url, httpOnly: name !== 'hz_csrf' })),
    );
    const page = await context.newPage();
    page.on('pageerror', (e) => errors.push(e.message));
    return page;
  }

  const shot = (page: Page, name: string) => page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
  const pager = (page: Page) => page.locator('.pager .counts');

  it('fits a laptop without a sideways scroll, pages with 首页 / 末页, and keeps the page across 查看 and Back', async () => {
    expect(seg.count).toBeGreaterThan(10);
    const page = await signedInPage({ width: 1366, height: 768 });
    const listUrl = `${t.url}/platform/hazchem/${seg.path}/units`;
    const ready = page.waitForResponse((r) => r.url().includes(`/api/register/units/hazchem/${seg.segment}`));
    await page.goto(listUrl);
    await ready;
    const pages = Math.ceil(seg.count / 10);
    await expect
      .poll(() => pager(page).textContent())
      .toBe(`显示第 1 到第 10 条记录，总共 ${seg.count} 条记录，总共 ${pages} 页`);
    const scroll = page.locator('.table-scroll').first();
    const [sw, cw] = await scroll.evaluate((e) => [e.scrollWidth, e.clientWidth]);
    expect(sw).toBeLessThanOrEqual(cw);
    await expect(page.getByRole('columnheader', { name: '单位名称' }).isVisible()).resolves.toBe(true);
    await shot(page, 'lists-units-laptop');

    // 末页 reads the list from its end: the last rows, numbered as the seed numbers them.
    const lastRows = seg.count - (pages - 1) * 10;
    await page.getByRole('button', { name: '末页' }).click();
    await expect
      .poll(() => pager(page).textContent())
      .toBe(`显示第 ${(pages - 1) * 10 + 1} 到第 ${seg.count} 条记录，总共 ${seg.count} 条记录，总共 ${pages} 页`);
    await expect(page.locator('tbody tr').count()).resolves.toBe(lastRows);
    await page.getByRole('button', { name: '首页' }).click();
    await expect.poll(() => pager(page).textContent()).toContain('显示第 1 到第 10 条记录');

    // Page 2, then 查看 and the browser's Back: page 2 again; 返回列表 too.
    await page.getByRole('button', { name: '下一页' }).click();
    await expect.poll(() => pager(page).textContent()).toContain('显示第 11 到第');
    await expect.poll(() => new URL(page.url()).searchParams.getAll('c').length).toBe(1);
    const second = await page.locator('tbody tr').first().locator('td').nth(4).textContent();
    await page.locator('tbody tr').first().getByRole('link', { name: '查看' }).click();
    await page.waitForURL(/\/enterprises\//);
    await page.goBack();
    await expect.poll(() => pager(page).textContent()).toContain('显示第 11 到第');
    await expect(page.locator('tbody tr').first().locator('td').nth(4).textContent()).resolves.toBe(second);
    await page.locator('tbody tr').first().getByRole('link', { name: '查看' }).click();
    await page.getByRole('link', { name: '返回列表' }).click();
    await expect.poll(() => pager(page).textContent()).toContain('显示第 11 到第');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('shows cards titled by 单位名称 on a phone', async () => {
    const page = await signedInPage({ width: 390, height: 844 });
    await page.goto(`${t.url}/platform/hazchem/${seg.path}/units`);
    await expect.poll(() => pager(page).textContent()).toContain('显示第 1 到第 10 条记录');
    const title = page.locator('tbody tr').first().locator('td.card-title');
    await expect(title.isVisible()).resolves.toBe(true);
    const box = (await title.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(390);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await shot(page, 'lists-units-phone');
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
