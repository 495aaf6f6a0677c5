import fs from 'node:fs';
import path from 'node:path';
import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { Browser, Page, Response } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EnterpriseRecord, LicenceRecord } from '../../functions/lib/register/entry-writes';
import { categoriesOf } from '../../functions/lib/register/scope';
import { raiseWarningItems } from '../../functions/lib/warnings/write';
import { REPO_ROOT } from '../../functions/local/stack';
import type { CategoryCode } from '../../shared/reference/categories';
import { addDays, shanghaiToday } from '../../shared/reference/warnings';
import { launchBrowser } from '../support/browser';
import { signedInAs, type Persona } from '../support/personas';
import { startTestStack, type TestStack } from '../support/stack';

const SHOTS = path.join(REPO_ROOT, 'test-results', 'browser');

/**
 * Issue 12's whole chain in Chromium, as a city regulator walks it: 首页 → the 企业资质预警 红色预警 count → the list
 * filtered by that grade (URL and rows) → 修改 a licence's 有效截止日期 to beyond 90 days → the warning leaves the list →
 * back on the 首页 the count clicked is one less. Once at a laptop's width and once at a phone's, neither scrolling
 * sideways. Every step waits for the API's answer, not for text that might show before it (the counts are on the
 * page from the previous answer until the new one lands).
 */
describe('首页 → 预警 count → filtered list → 修改 → the count drops, in Chromium', () => {
  let t: TestStack;
  let browser: Browser;
  /** The city and category the chain runs in, and one licence (of a different enterprise) per viewport. */
  let city: string;
  let category: CategoryCode;
  const targets: { ent: EnterpriseRecord; licence: LicenceRecord }[] = [];
  const errors: string[] = [];
  const today = shanghaiToday(new Date());

  beforeAll(async () => {
    if (!fs.existsSync(path.join(REPO_ROOT, 'web', 'build', 'index.html'))) {
      throw new Error('web/build is missing: npm test builds it first (npm run build:web)');
    }
    fs.mkdirSync(SHOTS, { recursive: true });
    t = await startTestStack({ seedEnterprises: 12 });
    // Two enterprises of one city and category, each with a licence valid well beyond the 90-day horizon (so no
    // warning of the demo's is already open on it): each viewport's chain raises and then clears its own.
    const ents = (
      await Promise.all(
        Array.from({ length: 12 }, (_, i) =>
          t.store.enterprises.get({ enterpriseId: `ent-${String(i + 1).padStart(6, '0')}` }).go(),
        ),
      )
    )
      .map((r) => r.data)
      .filter((e): e is EnterpriseRecord => !!e);
    const candidates: { ent: EnterpriseRecord; licence: LicenceRecord; key: string }[] = [];
    for (const ent of ents) {
      const ls = (await t.store.licences.query.byEnterprise({ enterpriseId: ent.enterpriseId }).go()).data;
      const licence = ls.find((l) => l.validTo > addDays(today, 120));
      const cat = categoriesOf(ent.segments)[0];
      if (licence && cat) candidates.push({ ent, licence, key: `${ent.regionCode.slice(0, 4)}/${cat}` });
    }
    const pair = candidates.map((c) => candidates.filter((o) => o.key === c.key)).find((g) => g.length >= 2);
    if (!pair) throw new Error('the demo has no two enterprises of one city and category with a valid licence');
    [city, category] = pair[0]!.key.split('/') as [string, CategoryCode];
    for (const { ent, licence } of pair.slice(0, 2)) {
      targets.push({ ent, licence });
      const dueDate = addDays(today, -3);
      await t.store.client.send(
        new TransactWriteCommand({
          TransactItems: raiseWarningItems(
            t.store,
            {
              kind: 'licence',
              sourceKey: `${ent.enterpriseId}/${licence.licenceId}`,
              grade: 'red',
              regionCode: ent.regionCode,
              categories: [category],
              enterpriseId: ent.enterpriseId,
              enterpriseName: ent.name,
              dueDate,
              detail: {
                certificateType: licence.licenceName,
                number: licence.number,
                issuer: licence.issuer,
                validFrom: licence.validFrom,
                validTo: dueDate,
                licenceId: licence.licenceId,
              },
            },
            new Date().toISOString(),
          ) as never,
        }),
      );
    }
    browser = await launchBrowser();
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await t?.stop();
  });

  const inspector = (): Persona => ({
    kind: 'regulator',
    department: 'anjian',
    regionCode: city,
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

  /** Runs `act` and waits for the API answer it causes (matched on method and path prefix), which must be a 2xx. */
  async function answered(page: Page, method: string, pathStart: string, act: () => Promise<unknown>) {
    const response = page.waitForResponse(
      (r: Response) => r.request().method() === method && new URL(r.url()).pathname.startsWith(pathStart),
    );
    await act();
    const r = await response;
    expect(r.status(), `${method} ${r.url()}`).toBeLessThan(300);
    return r;
  }

  const noSidewaysScroll = (page: Page) =>
    page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1);
  const redCount = (page: Page) => page.getByRole('link', { name: /^企业资质预警 红色预警 \d+ 条$/ });
  const countOf = async (page: Page) => Number((await redCount(page).textContent())?.trim());

  for (const [i, viewport] of [
    { width: 1366, height: 900 },
    { width: 390, height: 844 },
  ].entries()) {
    it(`at ${viewport.width} px`, async () => {
      const { ent, licence } = targets[i]!;
      const page = await pageAs(inspector(), viewport);
      const name = (step: string) => path.join(SHOTS, `warning-chain-${viewport.width}-${step}.png`);

      // 首页: the counts come with the dashboard's answer.
      await answered(page, 'GET', '/api/dashboard', () => page.goto(`${t.url}/platform/${category}`));
      await redCount(page).waitFor();
      const before = await countOf(page);
      expect(before).toBeGreaterThanOrEqual(1);
      expect(await noSidewaysScroll(page)).toBe(true);
      await page.screenshot({ path: name('home'), fullPage: true });

      // The count opens 企业资质预警 narrowed to 红色预警: in the URL, the select, every row, and the total.
      await answered(page, 'GET', '/api/warnings/licence', () => redCount(page).click());
      await page.waitForURL(`**/platform/${category}/warnings/enterprise-qualification?grade=red`);
      await page.getByRole('heading', { name: '企业资质预警' }).waitFor();
      expect(await page.getByLabel('预警状态').inputValue()).toBe('red');
      await page.getByText(`总共 ${before} 条记录`).waitFor();
      const rows = page.locator('tbody tr');
      expect(await rows.count()).toBeGreaterThan(0);
      for (const text of await rows.allTextContents()) expect(text).toContain('红色预警');
      expect(await noSidewaysScroll(page)).toBe(true);

      // Narrowed to this licence's number (the list is paged), the grade still in force.
      await page.getByLabel('证书编号').fill(licence.number);
      await answered(page, 'GET', '/api/warnings/licence', () => page.getByRole('button', { name: '查询' }).click());
      const url = new URL(page.url());
      expect(url.searchParams.get('grade')).toBe('red');
      expect(url.searchParams.get('certificateNumber')).toBe(licence.number);
      const row = page.locator('tbody tr', { hasText: ent.name });
      expect(await row.count()).toBe(1);
      expect(await row.textContent()).toContain('红色预警');
      await page.screenshot({ path: name('list'), fullPage: true });

      // 修改: the 有效截止日期 moved beyond the 90-day horizon; the save and the list's reload both answered.
      await row.getByRole('button', { name: '修改' }).click();
      const dialog = page.getByRole('dialog', { name: '企业资质修改' });
      await dialog.waitFor();
      const validTo = addDays(today, 91 + 365);
      await dialog.locator('#fix-valid-to').fill(validTo);
      expect(await noSidewaysScroll(page)).toBe(true);
      await page.screenshot({ path: name('fix'), fullPage: true });
      await answered(page, 'GET', '/api/warnings/licence', () =>
        answered(page, 'POST', '/api/warnings/item/', () => dialog.getByRole('button', { name: '保存' }).click()),
      );
      await page.getByText('预警已消除').waitFor();
      expect(await page.locator('tbody tr', { hasText: ent.name }).count()).toBe(0);
      const stored = (await t.store.licences.get({ enterpriseId: ent.enterpriseId, licenceId: licence.licenceId }).go())
        .data!;
      expect(stored.validTo).toBe(validTo);

      // Back to 首页 by its menu entry: the 红色预警 count clicked is one less.
      await answered(page, 'GET', '/api/dashboard', async () => {
        const home = page.getByRole('link', { name: '首页', exact: true });
        // At a phone's width the menu sits behind its button.
        if (!(await home.first().isVisible())) await page.getByRole('button', { name: /菜单/ }).first().click();
        await home.first().click();
      });
      await page.waitForURL(`**/platform/${category}`);
      // The answer is in; the page shows it within a render.
      await expect.poll(() => countOf(page)).toBe(before - 1);
      expect(await noSidewaysScroll(page)).toBe(true);
      await page.screenshot({ path: name('home-after'), fullPage: true });
      expect(errors).toEqual([]);
    });
  }
});
