import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EnterpriseRecord } from '../../functions/lib/register/entry-writes';
import { REPO_ROOT } from '../../functions/local/stack';
import { categoriesOf } from '../../functions/lib/register/scope';
import { findRegion } from '../../shared/reference/regions';
import { launchBrowser } from '../support/browser';
import { signedInAs, type Persona } from '../support/personas';
import { startTestStack, type TestStack } from '../support/stack';

const SHOTS = path.join(REPO_ROOT, 'test-results', 'browser');

/**
 * The 首页 in Chromium at a laptop's and a phone's width: a province regulator sees 预警信息 per kind and grade and
 * the 统计数据 charts (ECharts, loaded on the page), drills down to a city by choosing it, and a warning count opens
 * its list with the filters in the URL; nothing overflows at 390 px. The enterprise's 首页 lists its hazards to fix
 * (overdue in red) and its expiring certificates.
 */
describe('the 首页 dashboards, in Chromium', () => {
  let t: TestStack;
  let browser: Browser;
  let ent: EnterpriseRecord;
  let category: string;
  const errors: string[] = [];

  beforeAll(async () => {
    if (!fs.existsSync(path.join(REPO_ROOT, 'web', 'build', 'index.html'))) {
      throw new Error('web/build is missing: npm test builds it first (npm run build:web)');
    }
    fs.mkdirSync(SHOTS, { recursive: true });
    t = await startTestStack({ seedEnterprises: 12 });
    ent = (await t.store.enterprises.get({ enterpriseId: 'ent-000001' }).go()).data!;
    category = categoriesOf(ent.segments)[0]!;
    browser = await launchBrowser();
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await t?.stop();
  });

  const province = (): Persona => ({
    kind: 'regulator',
    department: 'anjian',
    regionCode: '35',
    categories: [category],
    roles: ['inspector'],
  });

  async function pageAs(p: Persona, viewport: { width: number; height: number }): Promise<Page> {
    const api = await signedInAs(t.store, t.url, p);
    const context = await browser.newContext({ viewport, locale: 'zh-CN' });
    await context.addCookies(
      [...api.cookies].map(([name, value]) => ({ name, value, url: t.url, httpOnly: name !== 'hz_csrf' })),
    );
    const page = await context.newPage();
    page.on('pageerror', (e) => errors.push(e.message));
    return page;
  }

  const shot = (page: Page, name: string) =>
    page.screenshot({ path: path.join(SHOTS, `dashboard-${name}.png`), fullPage: true });

  /** The 首页 loaded: the figures' sentence, and every chart drawn (ECharts fetched and initialised). */
  async function dashboardShown(page: Page, regionName: string) {
    await page.getByText(`截止目前${regionName}内共有`).waitFor();
    await expect.poll(() => page.locator('[data-chart-ready="true"]').count()).toBeGreaterThanOrEqual(3);
    await expect.poll(() => page.locator('[data-chart-ready="true"] svg').count()).toBeGreaterThanOrEqual(3);
  }

  it('shows 预警信息 and the charts at 1366 px, drills down to a city, and a count opens its filtered list', async () => {
    const page = await pageAs(province(), { width: 1366, height: 900 });
    await page.goto(`${t.url}/platform/${category}`);
    await dashboardShown(page, '福建省');
    // 预警信息: the four kinds, each with its count and four grades.
    for (const label of ['企业资质预警', '人员资质预警', '企业隐患整改预警', '物品流向预警']) {
      await page.locator('.kind-total', { hasText: label }).waitFor();
    }
    // The demo ends with the warnings the nightly scan would raise: the 首页 counts them; a count opens its list
    // filtered by grade (and by region once drilled down: the whole jurisdiction needs no filter).
    await expect.poll(() => page.getByTestId('warning-total').textContent()).toMatch(/^[1-9]\d*$/);
    const red = page.getByRole('link', { name: /^企业隐患整改预警 红色预警 \d+ 条$/ });
    expect(await red.getAttribute('href')).toBe(`/platform/${category}/warnings/hazard-rectification?grade=red`);
    // The charts speak Chinese: the segments' names are drawn as text in the SVG.
    const text = await page.locator('[data-chart-ready="true"] svg').first().textContent();
    expect(text).toMatch(/[\u4e00-\u9fa5]/);
    // Each chart has its table.
    await page.getByText('数据表').first().click();
    await page.getByRole('columnheader', { name: '从业单位（家）' }).waitFor();
    await shot(page, 'province-1366');

    // Drill down: choose the enterprise's city; the trail leads back.
    const city = findRegion(ent.regionCode.slice(0, 4))!;
    await page.getByLabel('下级行政区划').selectOption(city.code);
    await page.waitForURL(`**/platform/${category}?region=${city.code}`);
    await dashboardShown(page, city.fullName);
    await page.getByRole('button', { name: '福建省' }).waitFor();
    await shot(page, 'city-1366');

    // A count opens its list, filtered by the region shown.
    await page.locator('.kind-total', { hasText: '企业资质预警' }).click();
    await page.waitForURL(`**/platform/${category}/warnings/enterprise-qualification?region=${city.code}`);
    // Back to the 首页, and up to the province again.
    await page.goBack();
    await dashboardShown(page, city.fullName);
    await page.getByRole('button', { name: '福建省' }).click();
    await dashboardShown(page, '福建省');
    expect(new URL(page.url()).search).toBe('');
    expect(errors).toEqual([]);
  });

  it('fits a phone: 390 px without sideways scrolling, the charts resized to the column', async () => {
    const page = await pageAs(province(), { width: 390, height: 844 });
    await page.goto(`${t.url}/platform/${category}`);
    await dashboardShown(page, '福建省');
    const widths = await page.evaluate(() => ({
      page: document.documentElement.scrollWidth,
      charts: [...document.querySelectorAll('[data-chart-ready="true"] svg')].map(
        (s) => s.getBoundingClientRect().width,
      ),
    }));
    expect(widths.page).toBeLessThanOrEqual(390);
    for (const w of widths.charts) expect(w).toBeLessThanOrEqual(390);
    await shot(page, 'province-390');

    // Turned to landscape: the charts follow their container (wider, though two to a row from 768 px on).
    const firstWidth = () =>
      page
        .locator('[data-chart-ready="true"] svg')
        .first()
        .evaluate((s) => s.getBoundingClientRect().width);
    const narrow = await firstWidth();
    await page.setViewportSize({ width: 844, height: 390 });
    await expect.poll(firstWidth).toBeGreaterThan(narrow + 20);
    expect(errors).toEqual([]);
  });

  it("shows the enterprise what it must do, at a phone's width: hazards (overdue in red), expiring certificates", async () => {
    const page = await pageAs({ kind: 'enterprise', enterpriseId: ent.enterpriseId }, { width: 390, height: 844 });
    await page.goto(`${t.url}/enterprise`);
    const hazards = page.getByTestId('hazards-to-fix');
    await hazards.waitFor();
    // The demo gives ent-000001 an overdue hazard.
    const late = hazards.locator('.late').first();
    await late.waitFor();
    expect(await late.evaluate((e) => getComputedStyle(e).color)).toBe('rgb(180, 35, 24)');
    await page.getByText('证照到期提醒').waitFor();
    await page.getByTestId('unread').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await shot(page, 'enterprise-390');
    expect(errors).toEqual([]);
  });
});
