import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../functions/local/stack';
import { launchBrowser } from '../support/browser';
import { busiestSegment, inspector, testChecklists, type Inspector } from '../support/inspections';
import { startTestStack, type TestStack } from '../support/stack';

const SHOTS = path.join(REPO_ROOT, 'test-results', 'browser');

/**
 * 创建双随机独立检查任务 in Chromium, at a laptop's and a phone's width: 开始随机, 再次随机 (the first draw stays
 * listed), 填写检查信息, 开始检查; then, once the tasks are published, the portal re-runs the draw in the
 * browser and says 验证通过.
 */
describe('a double-random task, created and verified in Chromium', () => {
  let t: TestStack;
  let browser: Browser;
  let lead: Inspector;
  let category = '';
  const errors: string[] = [];

  beforeAll(async () => {
    if (!fs.existsSync(path.join(REPO_ROOT, 'web', 'build', 'index.html'))) {
      throw new Error('web/build is missing: npm test builds it first (npm run build:web)');
    }
    fs.mkdirSync(SHOTS, { recursive: true });
    t = await startTestStack({ seedEnterprises: 60 });
    ({ category } = await busiestSegment(t.store));
    // 填写检查信息 chooses among the checklists 公安 may use on this platform.
    await testChecklists(t.store, { department: 'gongan', category });
    lead = await inspector(t.store, t.url, {
      department: 'gongan',
      regionCode: '35',
      categories: [category],
      name: '林牵头',
    });
    for (let i = 0; i < 4; i++)
      await inspector(t.store, t.url, { department: 'gongan', regionCode: '35', categories: [category] });
    browser = await launchBrowser();
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await t?.stop();
  });

  async function signedInPage(viewport: { width: number; height: number }): Promise<Page> {
    const context = await browser.newContext({ viewport, locale: 'zh-CN' });
    await context.addCookies(
      [...lead.client.cookies].map(([name, value]) => ({ name, value, url: t.url, httpOnly: name !== 'hz_csrf' })),
    );
    const page = await context.newPage();
    page.on('pageerror', (e) => errors.push(e.message));
    return page;
  }
  const shot = (page: Page, name: string) => page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });

  for (const [label, viewport] of [
    ['desktop', { width: 1366, height: 768 }],
    ['phone', { width: 390, height: 844 }],
  ] as const) {
    it(`draws, draws again keeping the first, starts the tasks, and the portal verifies the draw (${label})`, async () => {
      const page = await signedInPage(viewport);
      await page.goto(`${t.url}/platform/${category}/inspections/independent/create-random`);
      await page.getByLabel('抽取企业数').fill('2');
      await page.getByLabel('抽取人数').fill('4');
      await shot(page, `inspections-random-step1-${label}`);
      await page.getByRole('button', { name: '开始随机' }).click();
      await expect.poll(() => page.getByRole('heading', { name: '第 1 次抽取结果' }).count()).toBe(1);
      await page.getByRole('button', { name: '再次随机' }).click();
      await expect.poll(() => page.getByRole('heading', { name: '第 2 次抽取结果' }).count()).toBe(1);
      await expect.poll(() => page.getByText('此前的抽取（均已保留）').count()).toBe(1);
      await page.getByLabel('检查标题').fill('双随机抽查');
      await shot(page, `inspections-random-step2-${label}`);
      const created = page.waitForResponse((r) => r.url().includes('/tasks') && r.request().method() === 'POST');
      await page.getByRole('button', { name: '开始检查' }).click();
      const res = await created;
      expect(res.status()).toBe(201);
      const { taskIds } = (await res.json()) as { taskIds: string[] };
      await expect.poll(() => page.getByRole('heading', { name: '已开始检查' }).count()).toBe(1);
      await shot(page, `inspections-random-step3-${label}`);

      // 一公开 (H4's step): every task of the draw published → the public record opens.
      const { data: task } = await t.store.inspectionTasks.get({ taskId: taskIds[0]! }).go();
      for (const taskId of taskIds) {
        await t.store.inspectionTasks.patch({ taskId }).set({ publishedAt: new Date().toISOString() }).go();
      }
      const portal = await (await browser.newContext({ viewport, locale: 'zh-CN' })).newPage();
      portal.on('pageerror', (e) => errors.push(e.message));
      await portal.goto(`${t.url}/draws/${task!.drawId}`);
      await expect.poll(() => portal.getByTestId('verify-result').textContent(), { timeout: 15_000 }).toBe('验证通过');
      await shot(portal, `inspections-draw-verified-${label}`);
      expect(errors).toEqual([]);
    });
  }

  it('创建独立检查任务 and 联合检查任务 render with the picker count line, at both widths', async () => {
    for (const [label, viewport] of [
      ['desktop', { width: 1366, height: 768 }],
      ['phone', { width: 390, height: 844 }],
    ] as const) {
      const page = await signedInPage(viewport);
      await page.goto(`${t.url}/platform/${category}/inspections/independent/create`);
      await expect
        .poll(() => page.getByTestId('picker-count').textContent())
        .toMatch(/您账号所在辖区 福建省 内，共有 .+ 企业 \d+ 家/);
      await shot(page, `inspections-create-${label}`);
      await page.goto(`${t.url}/platform/${category}/inspections/joint`);
      await expect.poll(() => page.getByRole('heading', { name: '联合检查任务' }).count()).toBe(1);
      await shot(page, `inspections-joint-${label}`);
    }
    expect(errors).toEqual([]);
  });
});
