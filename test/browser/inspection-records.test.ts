import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../functions/local/stack';
import { commitmentOf } from '../../shared/inspections/draw';
import { ApiClient } from '../support/api-client';
import { createSession } from '../../functions/lib/auth/sessions';
import { launchBrowser } from '../support/browser';
import { reference } from '../support/draw-reference';
import { busiestSegment, inspector, TEST_CHECKLISTS, testChecklists, type Inspector } from '../support/inspections';
import { startTestStack, type TestStack } from '../support/stack';

const SHOTS = path.join(REPO_ROOT, 'test-results', 'browser');
/** The shared machine is slow: a page's first paint can take seconds. */
const SLOW = { timeout: 15_000 };

/** A tiny but real PNG (1×1): the "photo" of the 不满足 item. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

/**
 * Issue 10 §12 end to end in Chromium: a double-random task (drawn and started through the API: 创建双随机独立检查任务's
 * screens are H3's), registered on the 登记 page with one 不满足 and a photo, completed, published with 公开; the
 * portal's 检查结果公开 shows it with its 验证抽取 link, and the draw's public record re-runs to the same result.
 * At desktop and phone width, with screenshots.
 */
describe('登记 and 一公开 in Chromium', () => {
  let t: TestStack;
  let browser: Browser;
  let category = '';
  let segment = '';
  const team: Inspector[] = [];
  const errors: string[] = [];

  beforeAll(async () => {
    if (!fs.existsSync(path.join(REPO_ROOT, 'web', 'build', 'index.html'))) {
      throw new Error('web/build is missing: npm test builds it first (npm run build:web)');
    }
    fs.mkdirSync(SHOTS, { recursive: true });
    t = await startTestStack({ seedEnterprises: 30 });
    ({ category, segment } = await busiestSegment(t.store));
    await testChecklists(t.store, { department: 'gongan', category });
    for (const name of ['林检查', '陈检查', '黄检查']) {
      team.push(
        await inspector(t.store, t.url, { department: 'gongan', regionCode: '35', categories: [category], name }),
      );
    }
    browser = await launchBrowser();
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await t?.stop();
  });

  /** A signed-in session of an existing account (its cookies), as sign-in would make it. */
  async function sessionOf(accountId: string): Promise<{ cookies: Map<string, string>; platform: string }> {
    const { data: a } = await t.store.accounts.get({ accountId }).go();
    // A drawn officer of the department may work in other categories too: their own platform shows their tasks.
    const platform = a!.categories!.includes(category) ? category : a!.categories![0]!;
    const tokens = await createSession(
      t.store,
      {
        accountId,
        kind: 'regulator',
        login: a!.login,
        name: a!.name,
        department: a!.department!,
        regionCode: a!.regionCode!,
        categories: a!.categories!,
        roles: a!.roles!,
        category: platform as never,
      },
      'active',
      {},
    );
    return {
      platform,
      cookies: new Map([
        ['hz_at', `${tokens.sessionId}.${tokens.access}`],
        ['hz_rt', `${tokens.sessionId}.${tokens.refresh}`],
        ['hz_csrf', tokens.csrf],
      ]),
    };
  }

  async function pageAs(
    who: { cookies: Map<string, string> },
    viewport: { width: number; height: number },
  ): Promise<Page> {
    const context = await browser.newContext({ viewport, locale: 'zh-CN' });
    await context.addCookies(
      [...who.cookies].map(([name, value]) => ({ name, value, url: t.url, httpOnly: name !== 'hz_csrf' })),
    );
    const page = await context.newPage();
    page.on('pageerror', (e) => errors.push(e.message));
    return page;
  }
  const shot = (page: Page, name: string) => page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });

  it('draws a task, registers one 不满足 with a photo, completes, publishes, and the portal links its verifiable draw', async () => {
    const lead = team[0]!;
    const drawn = await lead.client.post('/api/inspections/draws', {
      segments: [segment],
      enterprises: { mode: 'count', count: 1 },
      officers: { mode: 'count', count: 2 },
      teamSize: 2,
      expertCount: 0,
    });
    expect(drawn.status, JSON.stringify(drawn.body)).toBe(201);
    const drawId = drawn.body.drawId as string;
    const started = await lead.client.post(`/api/inspections/draws/${drawId}/tasks`, {
      title: '双随机抽查',
      form: 'open',
      tasks: drawn.body.enterprises.map((e: { enterpriseId: string }) => ({
        enterpriseId: e.enterpriseId,
        plannedStart: '2026-12-10',
        plannedEnd: '2026-12-20',
        inspectionType: 'full',
        checklistId: TEST_CHECKLISTS.independent,
      })),
    });
    expect(started.status, JSON.stringify(started.body)).toBe(201);
    const [taskId] = started.body.taskIds as string[];
    const task = (await lead.client.get(`/api/inspections/tasks/${taskId}`)).body;
    // The draw picks from every inspector of the department (the demo's too): sign in as the first on the team.
    const member = await sessionOf(task.officers[0].officerId);

    // 首页 › 待办事项 lists it with its planned dates.
    const page = await pageAs(member, { width: 1366, height: 900 });
    await page.goto(`${t.url}/platform/${member.platform}`);
    const todo = page.locator('section', { hasText: '待办事项' }).first();
    await expect.poll(() => todo.textContent(), SLOW).toContain(task.title);
    expect(await todo.textContent()).toContain('计划开始时间：2026-12-10');
    await shot(page, 'inspection-todo-panel');

    // 登记独立检查任务: the task is on the member's list, 共5项,已完成0项.
    await page.goto(`${t.url}/platform/${member.platform}/inspections/independent/register`);
    const row = page.locator('tr', { hasText: task.enterpriseName });
    await expect.poll(() => row.count(), SLOW).toBe(1);
    await expect.poll(() => row.textContent(), SLOW).toContain('共5项,已完成0项');
    expect(await row.textContent()).toContain('双随机检查');
    await shot(page, 'inspection-register-list');
    await row.getByRole('link', { name: '登记' }).click();

    // The 登记 page: item 1 不满足 with a 描述 and a photo, saved; the rest 满足, each saved as it is chosen.
    const items = page.locator('li.item');
    await expect.poll(() => items.count(), SLOW).toBe(5);
    const first = items.nth(0);
    await first.getByLabel('不满足', { exact: true }).check();
    await first.locator('textarea').fill('危险化学品仓库未设置明显的安全警示标志');
    await first
      .locator('#evidence-1-input')
      .setInputFiles({ name: '现场照片.png', mimeType: 'image/png', buffer: PNG });
    await expect.poll(() => first.locator('.files li').count(), { timeout: 15_000 }).toBe(1);
    await first.getByRole('button', { name: '保存' }).click();
    await expect.poll(() => first.locator('.state').textContent(), SLOW).toContain('已保存');
    for (let i = 1; i < 5; i++) {
      const item = items.nth(i);
      await item.getByLabel('满足', { exact: true }).check();
      await expect.poll(() => item.locator('.state').textContent(), SLOW).toContain('已保存');
    }
    await expect.poll(() => page.locator('.summary').textContent(), SLOW).toContain('不满足');
    expect(await page.locator('.summary').textContent()).toMatch(/已登记 5 项.*不满足\s*1\s*项/s);
    await shot(page, 'inspection-record-page');

    await page.getByRole('button', { name: '完成' }).click();
    await page.getByRole('button', { name: '确定完成' }).click();
    await expect
      .poll(() => page.locator('.alert, [role="status"], [role="alert"]').first().textContent(), SLOW)
      .toContain('检查任务已完成');
    await page.getByRole('button', { name: '公开' }).click();
    await expect.poll(() => page.getByText('检查结果已在门户网站公开').count(), SLOW).toBe(1);

    // Phone width: one card per item, nothing wider than the screen.
    const phone = await pageAs(member, { width: 390, height: 844 });
    await phone.goto(`${t.url}/platform/${member.platform}/inspections/independent/register/${taskId}`);
    await expect.poll(() => phone.locator('li.item').count(), SLOW).toBe(5);
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await shot(phone, 'inspection-record-page-phone');

    // The portal: the published result, no hazard details, and the draw's verification link.
    const portal = await (await browser.newContext({ locale: 'zh-CN' })).newPage();
    await portal.goto(`${t.url}/inspection-results`);
    // The demo data may have published an earlier result of the same enterprise: this one links this draw.
    const published = portal
      .locator('tr', { hasText: task.enterpriseName })
      .filter({ has: portal.locator(`a[href="/draws/${drawId}"]`) });
    await expect.poll(() => published.count(), SLOW).toBe(1);
    expect(await published.textContent()).toContain('发现问题 1 项');
    expect(await portal.content()).not.toContain('安全警示标志');
    expect(await published.getByRole('link', { name: '验证抽取' }).getAttribute('href')).toBe(`/draws/${drawId}`);
    await shot(portal, 'inspection-results-portal');

    // Every task of the draw is published: its public record is open and re-runs to the same result.
    const record = await new ApiClient(t.url).get(`/api/public/draws/${drawId}`);
    expect(record.status, JSON.stringify(record.body)).toBe(200);
    expect(reference({ ...record.body })).toEqual(record.body.result);
    expect(await commitmentOf(record.body.seed)).toBe(record.body.commitment);
    // The portal's verifier page is H3's (/draws/[drawId]); once it is in the build it must say 验证通过.
    if (fs.existsSync(path.join(REPO_ROOT, 'web', 'src', 'routes', '(portal)', 'draws'))) {
      await published.getByRole('link', { name: '验证抽取' }).click();
      await expect.poll(() => portal.getByText('验证通过').count(), { timeout: 20_000 }).toBeGreaterThan(0);
      await shot(portal, 'inspection-draw-verified');
    }
    expect(errors).toEqual([]);
  });
});
