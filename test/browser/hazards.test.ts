import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EnterpriseRecord } from '../../functions/lib/register/entry-writes';
import { REPO_ROOT } from '../../functions/local/stack';
import { categoriesOf } from '../../functions/lib/register/scope';
import { findSegment } from '../../shared/reference/segments';
import { addDays, todayInChina } from '../../shared/validation/dates';
import { launchBrowser } from '../support/browser';
import { signedInAs, type Persona } from '../support/personas';
import { startTestStack, type TestStack } from '../support/stack';
import { uploadAttachment } from '../support/attachments';
import { inspector, TEST_CHECKLISTS, testChecklists } from '../support/inspections';
import { inspectionHazardId } from '../../functions/hazards/issue';

const SHOTS = path.join(REPO_ROOT, 'test-results', 'browser');
/** A tiny but real JPEG: the phone's 整改 photo. */
const PHOTO = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 74, 70, 73, 70, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0, 0xff, 0xd9]);

/**
 * The hazard loop on a hazard registered by hand, in Chromium: a regulator's 登记隐患问题 (选择企业) at a laptop's
 * width → the enterprise's 监管部门下发隐患 at a phone's width, 整改 with a camera photo → 退回 with a reason and a new
 * 整改时限 → 整改 again → 确认 → 已整改隐患信息, and the 整改记录. The second case starts from an inspection: its 不满足 item
 * becomes the enterprise's hazard (InspectionCompleted through the outbox and the bus), and the same loop — 整改 with a
 * photo at a phone's width, 退回, 整改 again, 确认 — closes on it, its 整改记录 showing every step.
 */
describe('the hazard loop, in Chromium', () => {
  let t: TestStack;
  let browser: Browser;
  let ent: EnterpriseRecord;
  let category: string;
  let segmentName: string;
  const errors: string[] = [];
  const NAME = '浏览器测试隐患：仓库消防通道堵塞';

  beforeAll(async () => {
    if (!fs.existsSync(path.join(REPO_ROOT, 'web', 'build', 'index.html'))) {
      throw new Error('web/build is missing: npm test builds it first (npm run build:web)');
    }
    fs.mkdirSync(SHOTS, { recursive: true });
    t = await startTestStack({ seedEnterprises: 4 });
    ent = (await t.store.enterprises.get({ enterpriseId: 'ent-000001' }).go()).data!;
    category = categoriesOf(ent.segments)[0]!;
    const seg = ent.segments.find((s) => s.category === category)!;
    segmentName = findSegment(category, seg.segment)!.name;
    browser = await launchBrowser();
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await t?.stop();
  });

  const regulator = (): Persona => ({
    kind: 'regulator',
    department: 'gongan',
    regionCode: ent.regionCode.slice(0, 4),
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
    page.screenshot({ path: path.join(SHOTS, `hazards-${name}.png`), fullPage: true });

  /** The row of `name` in the list at `where`, paging on (the demo data gives the lists other hazards). */
  async function rowIn(page: Page, where: string, name: string) {
    await page.goto(`${t.url}${where}`);
    const row = page.locator('tbody tr', { hasText: name });
    // Loaded: rows that are not the 正在加载… placeholder, or the pager.
    const loaded = async () => {
      await page.locator('tbody tr').first().waitFor();
      await expect.poll(() => page.getByText('正在加载…').count()).toBe(0);
    };
    await loaded();
    for (let n = 0; n < 20 && (await row.count()) === 0; n++) {
      const next = page.getByRole('button', { name: '下一页' });
      if ((await next.count()) === 0 || (await next.isDisabled())) break;
      const first = await page.locator('tbody tr').first().textContent();
      await next.click();
      await expect.poll(() => page.locator('tbody tr').first().textContent()).not.toBe(first);
      await loaded();
    }
    await row.waitFor();
    return row;
  }

  async function rectify(page: Page, text: string, name = NAME) {
    const row = await rowIn(page, '/enterprise/hazards/issued', name);
    await row.getByRole('button', { name: '整改', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: '整改' });
    await dialog.waitFor();
    // Without a photo the form says so before anything is sent.
    await dialog.getByLabel('整改情况').fill(text);
    await dialog.getByRole('button', { name: '提交整改情况' }).click();
    await dialog.getByText(/请上传/).waitFor();
    await dialog.getByLabel(/拍照上传/).setInputFiles({ name: '整改照片.jpg', mimeType: 'image/jpeg', buffer: PHOTO });
    await dialog.getByRole('button', { name: /删除 整改照片\.jpg/ }).waitFor();
    await shot(page, `rectify-${text.length}`);
    await dialog.getByRole('button', { name: '提交整改情况' }).click();
    await page.getByText('的整改情况已提交，等待监管部门确认。').waitFor();
    await row.getByText('待确认').first().waitFor();
  }

  /** 退回 from 待确认隐患信息 with a reason and a new 整改时限. */
  async function sendBack(reg: Page, name: string, reason: string, deadline: string) {
    const row = await rowIn(reg, `/platform/${category}/inspections/hazards/to-confirm`, name);
    await row.getByRole('button', { name: '退回' }).click();
    const back = reg.getByRole('dialog', { name: '退回' });
    await back.getByLabel('退回原因').fill(reason);
    await back.locator('#return-deadline').fill(deadline);
    await shot(reg, `return-${reason.length}`);
    await back.getByRole('button', { name: '确定退回' }).click();
    await reg
      .getByText(/已退回/)
      .first()
      .waitFor();
  }

  /** The enterprise sees why and until when (at a phone's width). */
  async function seeReturned(phone: Page, name: string, reason: string, deadline: string) {
    const mine = await rowIn(phone, '/enterprise/hazards/issued', name);
    await mine.getByText('已退回').waitFor();
    await mine.getByRole('button', { name: '查看' }).click();
    const detail = phone.getByRole('dialog', { name: '隐患详情' });
    await detail.getByText(reason, { exact: true }).waitFor();
    await detail.getByText(deadline).first().waitFor();
    await shot(phone, `returned-phone-${reason.length}`);
    await detail.getByRole('button', { name: '关闭' }).last().click();
  }

  /** 确认 from 待确认隐患信息, then the row in 已整改隐患信息 and its 整改记录, step by step. */
  async function confirmAndRecords(reg: Page, name: string, expected: RegExp[]) {
    const row = await rowIn(reg, `/platform/${category}/inspections/hazards/to-confirm`, name);
    await row.getByRole('button', { name: '确认', exact: true }).click();
    await reg.getByRole('dialog', { name: '确认' }).getByRole('button', { name: '确认已整改' }).click();
    await reg.getByText(/整改完毕，隐患状态为已整改/).waitFor();
    const done = await rowIn(reg, `/platform/${category}/inspections/hazards/rectified`, name);
    await done.getByText('已整改').waitFor();
    await done.getByRole('button', { name: '整改记录' }).click();
    const records = reg.getByRole('dialog', { name: '整改记录' });
    const steps = records.getByRole('list', { name: '整改记录' }).locator(':scope > li');
    await expect.poll(() => steps.count()).toBe(expected.length);
    await expect(steps.allTextContents()).resolves.toEqual(expected.map((e) => expect.stringMatching(e)));
    await records.getByRole('button', { name: '关闭' }).last().click();
  }

  it('registers, rectifies at phone width, returns, rectifies again, confirms, and shows the 整改记录', async () => {
    // 登记隐患问题 at a phone's width (the seed's 危管助手 does it), then the lists at a laptop's.
    const reg = await pageAs(regulator(), { width: 390, height: 844 });
    await reg.goto(`${t.url}/platform/${category}/inspections/hazards/register`);
    await reg.getByRole('heading', { name: '增加隐患信息' }).waitFor();
    await reg.getByLabel('隐患名称').fill(NAME);
    await reg.getByRole('button', { name: '选择企业' }).click();
    const picker = reg.getByRole('dialog', { name: '选择企业' });
    await picker.getByLabel('环节').selectOption({ label: segmentName });
    await picker.getByLabel('单位名称').fill(ent.name);
    await picker.getByRole('button', { name: '查询' }).click();
    await picker.locator('li', { hasText: ent.name }).getByRole('button', { name: '选择' }).click();
    await expect(reg.getByPlaceholder('请选择企业').inputValue()).resolves.toBe(ent.name);
    await reg.locator('#hazard-deadline').fill(addDays(todayInChina(), 7));
    await reg.getByLabel('存在问题和隐患').fill('仓库东侧消防通道堆放货物。');
    await reg.getByLabel('整改要求').fill('清理通道，保持畅通。');
    expect(await reg.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1)).toBe(true);
    await shot(reg, 'register-phone');
    await reg.getByRole('button', { name: '提交' }).click();
    await reg.waitForURL(/inspections\/hazards\/to-rectify$/);
    await reg.locator('tbody tr', { hasText: NAME }).waitFor();
    await reg.setViewportSize({ width: 1366, height: 900 });
    await shot(reg, 'to-rectify');

    // The filters live in the URL: a reload shows the same filtered list.
    await reg.getByLabel('企业名称').fill(ent.name);
    await reg.getByRole('button', { name: '查询' }).click();
    await reg.waitForURL(/[?&]enterprise=/);
    await reg.reload();
    await expect.poll(() => reg.getByLabel('企业名称').inputValue()).toBe(ent.name);
    await reg.locator('tbody tr', { hasText: NAME }).waitFor();

    const phone = await pageAs({ kind: 'enterprise', enterpriseId: ent.enterpriseId }, { width: 390, height: 844 });
    await rectify(phone, '已清理通道。');
    // No sideways scroll at phone width.
    expect(await phone.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1)).toBe(true);
    await shot(phone, 'issued-phone');

    await reg.goto(`${t.url}/platform/${category}/inspections/hazards/to-confirm`);
    const row = reg.locator('tbody tr', { hasText: NAME });
    await row.waitFor();
    await row.getByRole('button', { name: '查看整改情况' }).click();
    const view = reg.getByRole('dialog', { name: '查看整改情况' });
    await view.getByText('已清理通道。').waitFor();
    await view.getByText('整改照片.jpg').waitFor();
    await shot(reg, 'rectification');
    await view.getByRole('button', { name: '关闭' }).last().click();
    const newDeadline = addDays(todayInChina(), 14);
    await sendBack(reg, NAME, '照片未显示通道全貌', newDeadline);
    await seeReturned(phone, NAME, '照片未显示通道全貌', newDeadline);
    await rectify(phone, '已重新拍摄通道全貌。');
    await confirmAndRecords(reg, NAME, [
      /下发隐患/,
      /提交整改情况/,
      /照片未显示通道全貌/,
      /已重新拍摄通道全貌。/,
      /确认已整改/,
    ]);
    await shot(reg, 'records');
    expect(errors).toEqual([]);
  });

  it('turns an inspection’s 不满足 item into the enterprise’s hazard, and closes the loop on it', async () => {
    const city = ent.regionCode.slice(0, 4);
    await testChecklists(t.store, { department: 'gongan', category });
    const lead = await inspector(t.store, t.url, { department: 'gongan', regionCode: city, categories: [category] });
    const mate = await inspector(t.store, t.url, { department: 'gongan', regionCode: city, categories: [category] });
    const today = todayInChina();
    const created = await lead.client.post('/api/inspections/independent-tasks', {
      title: '消防专项检查',
      enterpriseIds: [ent.enterpriseId],
      plannedStart: today,
      plannedEnd: addDays(today, 7),
      inspectionType: 'full',
      form: 'open',
      checklistId: TEST_CHECKLISTS.independent,
      officerIds: [mate.accountId],
      expertIds: [],
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const taskId = (created.body.taskIds as string[])[0]!;
    const photo = await uploadAttachment(lead.client, {
      bytes: PHOTO,
      fileName: '现场照片.jpg',
      contentType: 'image/jpeg',
      purpose: 'inspection-evidence',
    });
    for (let seq = 1; seq <= 5; seq++) {
      const body =
        seq === 2
          ? { result: 'unsatisfied', description: '出入库台账缺少三月记录', attachmentIds: [photo] }
          : { result: 'satisfied' };
      const r = await lead.client.request('PUT', `/api/inspections/tasks/${taskId}/answers/${seq}`, body);
      expect(r.status, JSON.stringify(r.body)).toBe(200);
    }
    const done = await lead.client.post(`/api/inspections/tasks/${taskId}/complete`, {});
    expect(done.status, JSON.stringify(done.body)).toBe(200);

    // InspectionCompleted → one hazard named "<检查标题>-<企业名称>", in the enterprise's 监管部门下发隐患.
    const name = `消防专项检查-${ent.name}`;
    await t.stack.settle();
    const hazardId = inspectionHazardId(taskId, 2);
    await expect
      .poll(async () => (await lead.client.get(`/api/hazards/${hazardId}`)).status, { timeout: 20_000 })
      .toBe(200);
    const phone = await pageAs({ kind: 'enterprise', enterpriseId: ent.enterpriseId }, { width: 390, height: 844 });
    const issued = await rowIn(phone, '/enterprise/hazards/issued', name);
    await issued.getByRole('button', { name: '查看' }).click();
    const detail = phone.getByRole('dialog', { name: '隐患详情' });
    await detail.getByText(/该项目检查不通过/).waitFor();
    await detail.getByText(/出入库台账缺少三月记录/).waitFor();
    // The inspector's photo is the enterprise's to see now (it was the inspecting team's only).
    await detail.getByText('现场照片.jpg').waitFor();
    await expect(detail.getByText('附件不存在').count()).resolves.toBe(0);
    await shot(phone, 'from-inspection-phone');
    await detail.getByRole('button', { name: '关闭' }).last().click();
    await rectify(phone, '已补记三月出入库台账。', name);

    // The inspecting department sends it back (reason, new 整改时限); the enterprise rectifies again; 确认 → 已整改,
    // and the 整改记录 shows every step from the inspection on.
    const reg = await pageAs(regulator(), { width: 1366, height: 900 });
    const later = addDays(todayInChina(), 10);
    await sendBack(reg, name, '台账未附经办人签字', later);
    await seeReturned(phone, name, '台账未附经办人签字', later);
    await rectify(phone, '已补签经办人姓名并拍照。', name);
    await confirmAndRecords(reg, name, [
      /下发隐患/,
      /已补记三月出入库台账。/,
      /台账未附经办人签字/,
      /已补签经办人姓名并拍照。/,
      /确认已整改/,
    ]);
    await shot(reg, 'from-inspection-records');
    expect(errors).toEqual([]);
  });
});
