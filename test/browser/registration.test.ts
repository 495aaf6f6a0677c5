import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sha256 } from '../../functions/lib/auth/tokens';
import { type SeedSummary } from '../../functions/local/seed';
import { REPO_ROOT, type LocalStack } from '../../functions/local/stack';
import { type Store } from '../../functions/store';
import { idCardCheckChar } from '../../shared/validation/idcard';
import { generateUscc } from '../../shared/validation/uscc';
import { launchBrowser } from '../support/browser';
import { startTestStack } from '../support/stack';

const SHOTS = path.join(REPO_ROOT, 'test-results', 'browser');
const DECLARATION = '资料真实合法，如有不符，愿承担责任！';

/** The 安监 泉州 审核人员 of the demo data: fireworks is one of 安监's categories. */
const REVIEWER = { login: '13900000030', initial: '000030', password: 'Sh#2024review' };

/** An 18-character 身份证号 with the right check character, born in 泉州 鲤城区. */
function idCard(first17: string): string {
  return first17 + idCardCheckChar(first17);
}

interface Applicant {
  unitName: string;
  address: string;
  legalRepresentative: string;
  phone: string;
  informant: string;
  idCardNo: string;
  mobile: string;
  password: string;
}

/** A 烟花爆竹 retail shop without a licence, in 泉州 鲤城区: approved. */
const SHOP: Applicant = {
  unitName: '泉州市鲤城区鸿运烟花爆竹零售店',
  address: '福建省泉州市鲤城区中山中路88号',
  legalRepresentative: '陈明辉',
  phone: '0595-22345678',
  informant: '陈明辉',
  idCardNo: idCard('35050219850312103'),
  mobile: '13859001234',
  password: 'Yh#2024shop',
};

/** A second shop, whose application the reviewer rejects. */
const STALL: Applicant = {
  unitName: '泉州市鲤城区吉祥烟花摊点',
  address: '福建省泉州市鲤城区新华北路12号',
  legalRepresentative: '黄志强',
  phone: '13859005678',
  informant: '黄志强',
  idCardNo: idCard('35050219900101123'),
  mobile: '13859005678',
  password: 'Jx#2024stall',
};
const REJECTION = '营业场所地址不详，请补充门牌号后重新注册';

/**
 * Enterprise self-registration (立即注册 → 账户审核) and its review (系统管理 › 账号审核), as people do it in
 * Chromium against the local stack with the demo data.
 */
describe('enterprise registration and its review, in Chromium', () => {
  let stack: LocalStack;
  let browser: Browser;
  let store: Store;
  let seeded: SeedSummary;
  /** Challenges with the known answer ABCD, handed out in turn to whichever page asks. */
  const captchaIds: string[] = [];
  let served = 0;

  beforeAll(async () => {
    if (!fs.existsSync(path.join(REPO_ROOT, 'web', 'build', 'index.html'))) {
      throw new Error('web/build is missing: npm test builds it first (npm run build:web)');
    }
    fs.mkdirSync(SHOTS, { recursive: true });
    ({ stack, store, seeded } = await startTestStack({ seedEnterprises: 10 }));
    browser = await launchBrowser();
    const expiresAt = Math.floor(Date.now() / 1000) + 1800;
    for (let i = 0; i < 30; i++) {
      const captchaId = `test-registration-captcha-${i}`;
      await store.captchas.create({ captchaId, answerHash: sha256('ABCD'), expiresAt }).go();
      captchaIds.push(captchaId);
    }
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  /** A fresh browser profile (no cookies), with page errors collected and the captcha served from the pool. */
  async function newPage(viewport = { width: 1366, height: 900 }): Promise<{ page: Page; errors: string[] }> {
    const context = await browser.newContext({ viewport, locale: 'zh-CN' });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    // The test cannot read the server's picture: a challenge with a known answer instead.
    await page.route('**/api/auth/captcha', async (route) => {
      const captchaId = captchaIds[served++] ?? 'used-up';
      await route.fulfill({
        json: {
          captchaId,
          svg: `<svg xmlns="http://www.w3.org/2000/svg" width="120" height="40"><rect width="120" height="40" fill="#f3f6fa"/><text x="20" y="28" font-size="24" font-family="monospace">ABCD</text></svg>`,
          expiresInSeconds: 600,
        },
      });
    });
    return { page, errors };
  }

  const shot = (page: Page, name: string) => page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });

  /** Fills in the whole form for a unit without a licence (the register knows nothing about it). */
  async function fillUnlicensed(page: Page, a: Applicant) {
    await page.getByRole('radio', { name: '无营业执照分支机构/个体商户' }).check();
    await page.getByRole('img', { name: '验证码' }).waitFor();
    await page.getByLabel('单位名称').fill(a.unitName);
    await page.getByLabel('(住所)营业场所').fill(a.address);
    await page.getByLabel('法定代表人(责任人)').fill(a.legalRepresentative);
    await page.getByLabel('联系电话').fill(a.phone);
    await page.getByLabel('企业行政区划（设区市）').selectOption({ label: '泉州市' });
    await page.getByLabel('企业行政区划（县、市、区）').selectOption({ label: '鲤城区' });
    await page.getByRole('checkbox', { name: '烟花爆竹·零售' }).check();
    await page.getByLabel('信息员姓名').fill(a.informant);
    await page.getByLabel('信息员身份证号').fill(a.idCardNo);
    await page.getByLabel('信息员手机号').fill(a.mobile);
    await page.getByLabel('登录密码').fill(a.password);
    await page.getByLabel('确认密码').fill(a.password);
    await page.getByRole('textbox', { name: '验证码' }).fill('abcd');
    await page.getByRole('checkbox', { name: DECLARATION }).check();
  }

  async function register(page: Page, a: Applicant) {
    await page.goto(`${stack.url}/enterprise/register`);
    await fillUnlicensed(page, a);
    await page.getByRole('button', { name: '立即注册' }).click();
    await page.getByText(`您的注册申请已提交，审核通过后即可使用账号 ${a.mobile} 登录`).waitFor();
  }

  /** The enterprise login with the captcha; resolves once the API has answered. */
  async function enterpriseLogin(page: Page, login: string, password: string) {
    await page.goto(`${stack.url}/enterprise/login`);
    await page.getByRole('img', { name: '验证码' }).waitFor();
    await page.getByLabel('账号').fill(login);
    await page.getByLabel('密码').fill(password);
    await page.getByRole('textbox', { name: '验证码' }).fill('ABCD');
    const answered = page.waitForResponse((r) => r.url().endsWith('/api/auth/enterprise/login'));
    await page.getByRole('button', { name: '登录' }).click();
    return answered;
  }

  it('looks a licensed unit up: one with an account already is sent to the login page', async () => {
    const { page, errors } = await newPage();
    await page.goto(`${stack.url}/enterprise/register`);
    await page.getByRole('radio', { name: '有营业执照企业/事业单位' }).waitFor();
    await expect(page.getByRole('radio', { name: '有营业执照企业/事业单位' }).isChecked()).resolves.toBe(true);
    // Nothing to fill in before the unit is found.
    await expect(page.getByLabel('信息员姓名').count()).resolves.toBe(0);
    await page.getByRole('button', { name: '查询' }).click();
    await page.getByText('请输入统一社会信用代码或注册号').waitFor();
    // A wrong check character is said beside the code as soon as the field is left, before any lookup.
    const wrong = seeded.enterpriseAccounts[0]!.login;
    const bad = wrong.slice(0, 17) + (wrong[17] === '0' ? '1' : '0');
    await page.getByLabel('统一社会信用代码/注册号').fill(bad);
    await page.getByLabel('统一社会信用代码/注册号').blur();
    await page.locator('#code-error').getByText('统一社会信用代码校验位（第18位）错误，请核对').waitFor();
    // Required fields are marked 「*」.
    await expect(page.locator('label[for="code"] .req').textContent()).resolves.toBe('*');

    const enterprise = seeded.enterpriseAccounts[0]!;
    await page.getByLabel('统一社会信用代码/注册号').fill(enterprise.login.toLowerCase());
    await page.getByRole('button', { name: '查询' }).click();
    await page.getByText('已开通企业服务平台账号').waitFor();
    await expect(page.getByRole('link', { name: '登录', exact: true }).getAttribute('href')).resolves.toBe(
      '/enterprise/login',
    );
    await shot(page, 'registration-lookup-registered');
    await page.getByRole('button', { name: '重新查找' }).click();
    await expect(page.getByLabel('统一社会信用代码/注册号').inputValue()).resolves.toBe(enterprise.login);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('registers a licensed unit the register knows: found by its code, which becomes the login', async () => {
    // A unit on the register without an account yet: a copy of a seeded one under a new code and name.
    let state = 20240601;
    const rng = () => (state = (state * 16807) % 2147483647) / 2147483647;
    const code = generateUscc(rng, { regionCode: '350503' });
    const unknown = generateUscc(rng, { regionCode: '350503' });
    const seededCode = seeded.enterpriseAccounts[0]!.login;
    const { data: found } = await store.enterprises.query.byCreditCode({ creditCode: seededCode }).go();
    const { createdAt: _c, updatedAt: _u, ...template } = found[0]!;
    const name = '泉州市丰泽区安泰化工贸易有限公司';
    await store.enterprises
      .create({ ...template, enterpriseId: `ent-test-${code}`, creditCode: code, name, regionCode: '350503' })
      .go();

    const { page, errors } = await newPage();
    await page.goto(`${stack.url}/enterprise/register`);
    // A code the register does not know: the unit's own details are asked for.
    await page.getByLabel('统一社会信用代码/注册号').fill(unknown);
    await page.getByRole('button', { name: '查询' }).click();
    await page.getByText('平台尚未收录该企业，请填写企业信息后注册').waitFor();
    await page.getByLabel('单位名称').waitFor();
    await page.getByRole('button', { name: '重新查找' }).click();

    await page.getByLabel('统一社会信用代码/注册号').fill(code);
    await page.getByLabel('统一社会信用代码/注册号').press('Enter');
    await page.getByText(`为您找到要注册的企业：${name}`).waitFor();
    await expect(page.getByLabel('单位名称').count()).resolves.toBe(0);
    // The register's region is offered.
    await expect(page.getByLabel('企业行政区划（县、市、区）').inputValue()).resolves.toBe('350503');
    // 重新查找 takes the company's region away with it: the next company starts from nothing.
    await page.getByRole('button', { name: '重新查找' }).click();
    await page.getByLabel('统一社会信用代码/注册号').fill(unknown);
    await page.getByRole('button', { name: '查询' }).click();
    await page.getByText('平台尚未收录该企业，请填写企业信息后注册').waitFor();
    await expect(page.getByLabel('企业行政区划（设区市）').inputValue()).resolves.toBe('');
    await expect(page.getByLabel('企业行政区划（县、市、区）').inputValue()).resolves.toBe('');
    await page.getByRole('button', { name: '重新查找' }).click();
    await page.getByLabel('统一社会信用代码/注册号').fill(code);
    await page.getByRole('button', { name: '查询' }).click();
    await page.getByText(`为您找到要注册的企业：${name}`).waitFor();
    await expect(page.getByLabel('企业行政区划（县、市、区）').inputValue()).resolves.toBe('350503');
    await page.getByRole('checkbox', { name: '危险化学品·经营' }).check();
    await page.getByRole('checkbox', { name: '危险化学品·储存' }).check();
    await page.getByLabel('信息员姓名').fill('林晓燕');
    await page.getByLabel('信息员身份证号').fill(idCard('35050319880808202'));
    await page.getByLabel('信息员手机号').fill('13859007788');
    await page.getByLabel('登录密码').fill('At#2024chem');
    await page.getByLabel('确认密码').fill('At#2024chem');
    await page.getByRole('textbox', { name: '验证码' }).fill('ABCD');
    await page.getByRole('checkbox', { name: DECLARATION }).check();
    await shot(page, 'registration-licensed-found');
    await page.getByRole('button', { name: '立即注册' }).click();
    await page.getByText(`您的注册申请已提交，审核通过后即可使用账号 ${code} 登录`).waitFor();

    // Looked up again while the application waits: said so, and nothing to fill in.
    await page.goto(`${stack.url}/enterprise/register`);
    await page.getByLabel('统一社会信用代码/注册号').fill(code);
    await page.getByRole('button', { name: '查询' }).click();
    await page.getByText(`${name}的注册申请正在审核中`).waitFor();
    await expect(page.getByLabel('信息员姓名').count()).resolves.toBe(0);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('checks the form before sending and says what is missing beside each field; works at phone width', async () => {
    const { page, errors } = await newPage({ width: 390, height: 844 });
    await page.goto(`${stack.url}/enterprise/register`);
    await page.getByRole('radio', { name: '无营业执照分支机构/个体商户' }).check();
    // Each field is checked as it is left, its message beside it; the fields not yet visited say nothing.
    await page.getByLabel('信息员身份证号').fill('350503198808082021');
    await page.getByLabel('信息员身份证号').blur();
    await page.locator('#informant-id-error').getByText('身份证号校验位错误，请核对').waitFor();
    await page.getByLabel('联系电话').fill('12345');
    await page.getByLabel('联系电话').blur();
    await page.locator('#unit-phone-error').waitFor();
    await expect(page.locator('#informant-name-error').count()).resolves.toBe(0);
    await expect(page.locator('label[for="informant-name"] .req').count()).resolves.toBe(1);
    await page.getByRole('button', { name: '立即注册' }).click();
    await page.getByText('请填写单位名称').waitFor();
    await page.getByText('请选择企业行政区划').waitFor();
    await page.getByText('请至少选择一个从业环节').waitFor();
    await page.getByText(`请确认“${DECLARATION}”`).waitFor();
    await page.getByLabel('登录密码').fill('abc');
    await page.getByText('登录密码至少 8 位').waitFor();
    // Nothing wider than the screen.
    await expect(page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(390);
    await shot(page, 'registration-phone-errors');
    await fillUnlicensed(page, SHOP);
    await page.getByLabel('信息员身份证号').fill(SHOP.idCardNo.slice(0, 17));
    await page.getByRole('button', { name: '立即注册' }).click();
    await page.getByText('身份证号长度应为18位，当前为17位').waitFor();
    await expect(page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(390);
    await shot(page, 'registration-phone-filled');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('registers a unit without a licence, keeps it out until the 泉州 审核人员 approves it, then lets it in', async () => {
    const reviewerSeed = seeded.regulators.find((r) => r.mobile === REVIEWER.login);
    expect(reviewerSeed?.roles).toEqual(['reviewer']);
    expect(reviewerSeed?.regionName).toContain('泉州');
    expect(reviewerSeed?.categories).toContain('fireworks');

    // 1. 账号注册 → 2. 账户审核.
    const applicant = await newPage();
    await applicant.page.goto(`${stack.url}/enterprise/register`);
    await fillUnlicensed(applicant.page, SHOP);
    await shot(applicant.page, 'registration-form');
    await applicant.page.getByRole('button', { name: '立即注册' }).click();
    await applicant.page.getByText(`您的注册申请已提交，审核通过后即可使用账号 ${SHOP.mobile} 登录`).waitFor();
    await expect(
      applicant.page.getByRole('list', { name: '注册步骤' }).locator('[aria-current="step"]').textContent(),
    ).resolves.toContain('账户审核');
    await shot(applicant.page, 'registration-submitted');

    // Logging in before the review: the login page says so, and stays.
    const pending = await enterpriseLogin(applicant.page, SHOP.mobile, SHOP.password);
    expect(pending.status()).toBe(403);
    await applicant.page.getByText('您的注册申请正在审核中，审核通过后即可登录').waitFor();
    expect(applicant.page.url()).toMatch(/\/enterprise\/login$/);
    await shot(applicant.page, 'registration-login-pending');

    // A second application, to be rejected.
    const other = await newPage();
    await register(other.page, STALL);

    // The 审核人员: first login forces a new password; 系统管理 opens 账号审核.
    const reviewer = await newPage();
    const page = reviewer.page;
    await page.goto(`${stack.url}/platform/fireworks/login`);
    await page.getByLabel('用户名').fill(REVIEWER.login);
    await page.getByLabel('密码').fill(REVIEWER.initial);
    await page.getByRole('button', { name: '登录' }).click();
    await page.waitForURL(/\/platform\/fireworks\/password$/);
    await page.getByLabel('原密码').fill(REVIEWER.initial);
    await page.getByLabel('新密码', { exact: true }).fill(REVIEWER.password);
    await page.getByLabel('确认新密码').fill(REVIEWER.password);
    await page.getByRole('button', { name: '确认修改' }).click();
    await page.waitForURL(/\/platform\/fireworks$/);
    await page.getByRole('navigation', { name: '主菜单' }).getByRole('link', { name: '系统管理' }).click();
    await page.waitForURL(/\/platform\/fireworks\/system\/registrations$/);
    await page.getByRole('heading', { name: '账号审核' }).waitFor();
    await expect(page.getByRole('tab', { name: '待审核' }).getAttribute('aria-selected')).resolves.toBe('true');
    const shopRow = page.getByRole('row').filter({ hasText: SHOP.unitName });
    await shopRow.waitFor();
    await expect(shopRow.textContent()).resolves.toContain('烟花爆竹·零售');
    await expect(shopRow.textContent()).resolves.toContain(SHOP.mobile);
    await expect(shopRow.textContent()).resolves.toContain('泉州市鲤城区');
    await page.getByRole('row').filter({ hasText: STALL.unitName }).waitFor();
    await page.getByText('显示第 1 到第 2 条记录').waitFor();
    await shot(page, 'registration-review-list');

    // 审核: the whole application, with what goes into the register for a new unit (not decided blind).
    await shopRow.getByRole('button', { name: '审核' }).click();
    const detail = page.getByRole('dialog', { name: '注册申请详情' });
    await detail.getByText(SHOP.idCardNo).waitFor();
    await detail.getByText('无营业执照分支机构/个体商户（新增企业）').waitFor();
    await expect(detail.locator('dd[data-field="address"]').textContent()).resolves.toBe(SHOP.address);
    await expect(detail.locator('dd[data-field="legalRepresentative"]').textContent()).resolves.toBe(
      SHOP.legalRepresentative,
    );
    await expect(detail.locator('dd[data-field="phone"]').textContent()).resolves.toBe(SHOP.phone);
    await shot(page, 'registration-review-detail');
    await detail.getByRole('button', { name: '关闭' }).last().click();

    // 拒绝 needs a reason.
    await page.getByRole('row').filter({ hasText: STALL.unitName }).getByRole('button', { name: '审核' }).click();
    await detail.getByRole('button', { name: '拒绝' }).click();
    const rejectDialog = page.getByRole('dialog', { name: '拒绝注册申请' });
    await rejectDialog.getByRole('button', { name: '确定拒绝' }).click();
    await rejectDialog.getByText('请填写拒绝原因').waitFor();
    await shot(page, 'registration-review-reject');
    await rejectDialog.getByLabel('拒绝原因').fill(REJECTION);
    await rejectDialog.getByRole('button', { name: '确定拒绝' }).click();
    await page.getByText(`已拒绝「${STALL.unitName}」的注册申请`).waitFor();

    // 同意.
    await shopRow.getByRole('button', { name: '审核' }).click();
    await detail.getByRole('button', { name: '同意' }).click();
    const confirm = page.getByRole('dialog', { name: '同意注册确认' });
    await confirm.getByText(SHOP.mobile).waitFor();
    await confirm.getByRole('button', { name: '确定同意' }).click();
    await page.getByText(`已同意「${SHOP.unitName}」的注册申请，企业可使用账号 ${SHOP.mobile} 登录。`).waitFor();
    await page.getByText('没有待审核的注册申请').waitFor();
    await page.getByRole('tab', { name: '已同意' }).click();
    await page.getByRole('row').filter({ hasText: SHOP.unitName }).getByText('已同意').waitFor();
    await page.getByRole('tab', { name: '已拒绝' }).click();
    const stallRow = page.getByRole('row').filter({ hasText: STALL.unitName });
    await stallRow.getByText('已拒绝').waitFor();
    await stallRow.getByRole('button', { name: '查看' }).click();
    await page.getByRole('dialog', { name: '注册申请详情' }).getByText(REJECTION).waitFor();
    await shot(page, 'registration-review-rejected-detail');
    await page.getByRole('dialog', { name: '注册申请详情' }).getByRole('button', { name: '关闭' }).last().click();
    // At phone width the table scrolls inside its frame; the page itself does not.
    await page.setViewportSize({ width: 390, height: 844 });
    await expect(page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(390);
    await shot(page, 'registration-review-phone');

    // The rejected applicant is told why.
    const refused = await enterpriseLogin(other.page, STALL.mobile, STALL.password);
    expect(refused.status()).toBe(403);
    await other.page.getByText(`您的注册申请未通过审核：${REJECTION}`).waitFor();
    await shot(other.page, 'registration-login-rejected');

    // The approved one signs in with the mobile and the password it chose, into the enterprise shell.
    await enterpriseLogin(applicant.page, SHOP.mobile, SHOP.password);
    await applicant.page.waitForURL(/\/enterprise$/);
    await applicant.page.getByText('欢迎您,').waitFor();
    await shot(applicant.page, 'registration-enterprise-shell');

    for (const p of [applicant, other, reviewer]) {
      expect(p.errors).toEqual([]);
      await p.page.context().close();
    }
  });
});
