import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { totpAt } from '../../functions/identity/totp';
import { type SeedSummary } from '../../functions/local/seed';
import { type LocalStack } from '../../functions/local/stack';
import { type Store } from '../../functions/store';
import { listAuditLogs } from '../../functions/audit/logs';
import { AUDIT_SHARDS, verifyChains } from '../../functions/lib/audit';
import { ApiClient, fromAddress } from '../support/api-client';
import { startTestStack } from '../support/stack';

/**
 * Account administration through the local gateway, as the browser does it: a signed-in 系统管理员 opens an
 * account, the new person signs in with the initial password and must change it, the portal's figure
 * counts them; a regulator without the role gets 403, nobody signed in gets 401.
 */
describe('accounts through the local gateway', () => {
  let stack: LocalStack;
  let store: Store;
  let seeded: SeedSummary;
  let admin: ApiClient;
  let ip = 0;
  const client = () => new ApiClient(stack.url, {}, fromAddress(++ip));
  const regulator = (role: string) => seeded.regulators.find((r) => r.roles.includes(role))!;

  /** Sign in a seeded account: change the initial password, enrol TOTP when the role needs it. */
  async function signIn(role: string, category: string): Promise<ApiClient> {
    const who = regulator(role);
    const c = client();
    const first = await c.post('/api/auth/login', { category, login: who.mobile, password: who.mobile.slice(-6) });
    expect(first.status).toBe(200);
    const changed = await c.post('/api/auth/password', {
      currentPassword: who.mobile.slice(-6),
      newPassword: 'Accounts#2026',
    });
    if (changed.body.stage === 'totp-enrolment') {
      const enrol = await c.post('/api/auth/totp/enrolment');
      const confirmed = await c.post('/api/auth/totp/enrolment/confirm', {
        code: totpAt(enrol.body.secret, Date.now()),
      });
      expect(confirmed.body.stage).toBe('active');
    } else {
      expect(changed.body.stage).toBe('active');
    }
    return c;
  }

  const count = (figure: { departments: { department: string; counts: { regionCode: string; count: number }[] }[] }) =>
    figure.departments.find((d) => d.department === 'jiaotong')!.counts.find((c) => c.regionCode === '3506')!.count;

  beforeAll(async () => {
    ({ stack, store, seeded } = await startTestStack({ seedEnterprises: 4 }));
    admin = await signIn('sys-admin', 'hazchem');
  }, 120_000);
  afterAll(async () => stack?.stop());

  it('lets a 系统管理员 open an account that signs in with its initial password and must change it', async () => {
    const before = await client().get('/api/portal/regulator-counts');
    expect(before.status).toBe(200);
    expect(before.body.departments).toHaveLength(16);
    // The seed's regulators are counted: the figure and the seed agree.
    expect(before.body.total).toBe(seeded.regulators.length);

    const bad = await admin.post('/api/admin/accounts', {
      mobile: '1390595',
      name: '',
      department: 'jiaotong',
      regionCode: '3506',
      categories: ['fireworks'],
      roles: ['inspector'],
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.map((d: { path: string }) => d.path)).toEqual(['body.mobile', 'body.name']);

    const input = {
      mobile: '13905960001',
      name: '黄海波',
      department: 'jiaotong',
      regionCode: '350602',
      categories: ['transport', 'hazchem'],
      roles: ['inspector'],
    };
    const created = await admin.post('/api/admin/accounts', input);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      login: input.mobile,
      department: 'jiaotong',
      regionCode: '350602',
      regionName: '福建省漳州市芗城区',
      categories: ['hazchem', 'transport'],
      status: 'enabled',
      mustChangePassword: true,
    });
    expect(created.body.passwordHash).toBeUndefined();
    // A random one-time password, shown once, readable (no 0/O, 1/l/I), valid 72 hours.
    const otp: string = created.body.oneTimePassword;
    expect(otp).toMatch(/^[A-HJ-NP-Za-km-z2-9]{4}-[A-HJ-NP-Za-km-z2-9]{4}-[A-HJ-NP-Za-km-z2-9]{4}$/);
    expect(Date.parse(created.body.oneTimePasswordExpiresAt) - Date.now()).toBeGreaterThan(71.9 * 3600_000);
    // The old rule (last six digits of the login, which anyone may know) opens nothing any more.
    const guessed = await client().post('/api/auth/login', {
      category: 'transport',
      login: input.mobile,
      password: input.mobile.slice(-6),
    });
    expect(guessed.status).toBe(401);
    const again = await admin.post('/api/admin/accounts', input);
    expect(again.status).toBe(409);
    expect(again.body.error.details).toEqual([{ path: 'body.mobile', message: '该手机号码已开通账号，不能重复开通' }]);

    const after = await client().get('/api/portal/regulator-counts');
    expect(count(after.body)).toBe(count(before.body) + 1);
    expect(after.body.total).toBe(before.body.total + 1);

    // The new person: the one-time password, accepted once, to be changed at once.
    const person = client();
    const login = await person.post('/api/auth/login', {
      category: 'transport',
      login: input.mobile,
      password: otp,
    });
    expect(login.status).toBe(200);
    expect(login.body).toMatchObject({ stage: 'password-change', passwordChangeReason: 'initial' });
    const changed = await person.post('/api/auth/password', {
      currentPassword: otp,
      newPassword: 'Jiaotong#2026',
    });
    expect(changed.body.stage).toBe('active');

    // Listing finds it; disabling ends the person's session and takes it off the figure.
    const list = await admin.get('/api/admin/accounts?department=jiaotong&region=3506&limit=10');
    expect(list.status).toBe(200);
    expect(list.body.items.map((a: { login: string }) => a.login)).toContain(input.mobile);
    const disabled = await admin.post(`/api/admin/accounts/${created.body.accountId}/disable`);
    expect(disabled.body.status).toBe('disabled');
    expect((await person.get('/api/auth/session')).status).toBe(401);
    expect(count((await client().get('/api/portal/regulator-counts')).body)).toBe(count(before.body));
    const enabled = await admin.post(`/api/admin/accounts/${created.body.accountId}/enable`);
    expect(enabled.body.status).toBe('enabled');
    expect(count((await client().get('/api/portal/regulator-counts')).body)).toBe(count(before.body) + 1);

    const reset = await admin.post(`/api/admin/accounts/${created.body.accountId}/reset-password`);
    expect(reset.status).toBe(200);
    expect(reset.body.account.mustChangePassword).toBe(true);
    expect(reset.body.oneTimePassword).not.toBe(otp);
    const relogin = await client().post('/api/auth/login', {
      category: 'transport',
      login: input.mobile,
      password: reset.body.oneTimePassword,
    });
    expect(relogin.body.stage).toBe('password-change');
  });

  it('imports a spreadsheet through the API: the template, a filled copy, per-row errors', async () => {
    const template = await admin.get('/api/admin/accounts/import-template');
    expect(template.status).toBe(200);
    expect(template.body).toMatchObject({
      filename: '监管人员账号导入模板.xlsx',
      contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(template.body.contentBase64, 'base64') as never);
    const sheet = wb.getWorksheet('账号')!;
    sheet.getRow(2).values = ['13905960011', '蔡明', '交通', '3506', '运输监管', '检查人员'];
    sheet.getRow(3).values = ['13905960012', '许芳', '交通', '350602', '运输监管、危险化学品', '审核人员'];
    const contentBase64 = Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');

    const imported = await admin.post('/api/admin/accounts/import', { filename: '漳州交通.xlsx', contentBase64 });
    expect(imported.status).toBe(200);
    expect(imported.body).toMatchObject({ total: 2, created: 2, existing: 0, pending: 0, complete: true });
    const rerun = await admin.post('/api/admin/accounts/import', { filename: '漳州交通.xlsx', contentBase64 });
    expect(rerun.body).toMatchObject({ created: 0, existing: 2, complete: true });

    sheet.getRow(4).values = ['13905960013', '戴军', '交通', '3506', '枪支弹药', '检查人员'];
    const wrong = await admin.post('/api/admin/accounts/import', {
      filename: '漳州交通.xlsx',
      contentBase64: Buffer.from(await wb.xlsx.writeBuffer()).toString('base64'),
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.details).toEqual([
      {
        path: 'rows[4].物品类别',
        message: '交通部门不参与「枪支弹药」的监管，可选：危险化学品、民爆物品、放射性物品、烟花爆竹、运输监管',
      },
    ]);
    const notExcel = await admin.post('/api/admin/accounts/import', { filename: 'a.csv', contentBase64: 'YQ==' });
    expect(notExcel.status).toBe(400);
    expect(notExcel.body.error.details).toEqual([
      { path: 'body.filename', message: '请上传 .xlsx 格式的 Excel 文件（可先下载导入模板）' },
    ]);
  });

  it('refuses a regulator without an admin role (403) and anyone not signed in (401)', async () => {
    const inspector = await signIn('inspector', regulator('inspector').categories[0]!);
    expect((await inspector.get('/api/admin/accounts')).status).toBe(403);
    expect(
      (
        await inspector.post('/api/admin/accounts', {
          mobile: '13905960002',
          name: '郑强',
          department: 'jiaotong',
          regionCode: '3506',
          categories: ['transport'],
          roles: ['inspector'],
        })
      ).status,
    ).toBe(403);
    const anonymous = client();
    expect((await anonymous.get('/api/admin/accounts')).status).toBe(401);
    expect((await anonymous.get('/api/admin/accounts/import-template')).status).toBe(401);
    expect((await anonymous.post('/api/admin/accounts', {})).status).toBe(401);
    // The portal figure is public.
    expect((await anonymous.get('/api/portal/regulator-counts')).status).toBe(200);
  });

  it('records every account change in the audit trail, in the same transaction, attributed to the admin', async () => {
    const page = await listAuditLogs(store, { objectType: 'account', limit: 100 } as never);
    const actions = new Set(page.items.filter((i) => i.actor.kind === 'regulator').map((i) => i.action));
    expect([...actions]).toEqual(expect.arrayContaining(['account.create']));
    const created = page.items.find((i) => i.action === 'account.create' && i.actor.kind === 'regulator')!;
    expect(created.actor.roles).toContain('sys-admin');
    expect(created.outcome).toBe('success');
    const chains = await verifyChains(
      store,
      Array.from({ length: AUDIT_SHARDS }, (_, i) => i),
    );
    expect(chains.every((c) => c.ok)).toBe(true);
  });
});
