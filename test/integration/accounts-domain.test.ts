import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { regulatorCounts } from '../../functions/lib/accounts/counters';
import { createAccounts, type NewRegulatorAccount } from '../../functions/lib/accounts/create';
import { importAccounts } from '../../functions/account-sheets/import';
import { listAccounts } from '../../functions/accounts/list';
import { systemActor, type RegulatorActor } from '../../functions/lib/accounts/scope';
import { resetAccountPassword, setAccountEnabled } from '../../functions/accounts/status';
import { verifyPassword } from '../../functions/lib/auth/password';
import { createSession, resolveAccessToken } from '../../functions/lib/auth/sessions';
import { AppError } from '../../functions/lib/http/errors';
import { IMPORT_COLUMNS } from '../../shared/api/accounts';
import { testTable, type TestTable } from '../support/dynamo';

/**
 * The accounts domain on DynamoDB Local: unique logins and exact counters under concurrency, the scope of a
 * department admin, and the Excel import's all-or-nothing validation and idempotent re-runs.
 */
const SYS: RegulatorActor = {
  kind: 'regulator',
  accountId: 'sys-1',
  department: 'anjian',
  regionCode: '35',
  roles: ['sys-admin'],
};
/** 泉州市公安 department admin. */
const QZ_GONGAN: RegulatorActor = {
  kind: 'regulator',
  accountId: 'dept-qz',
  department: 'gongan',
  regionCode: '3505',
  roles: ['dept-admin'],
};
const INSPECTOR: RegulatorActor = { ...QZ_GONGAN, accountId: 'insp', roles: ['inspector'] };

let seq = 0;
/** A fresh mobile number per call (13 7xxx xxxx), so tests never collide. */
const mobile = () => `137${String(10_000_000 + ++seq * 7919).slice(-8)}`;

const regulator = (over: Partial<NewRegulatorAccount> = {}): NewRegulatorAccount => ({
  kind: 'regulator',
  mobile: mobile(),
  name: '林志明',
  department: 'gongan',
  regionCode: '350582',
  categories: ['firearms', 'explosives'],
  roles: ['inspector'],
  ...over,
});

async function failure(p: Promise<unknown>): Promise<AppError> {
  const r = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(r instanceof AppError)) throw new Error(`expected an AppError, got ${String(r)}`);
  return r;
}

async function counter(t: TestTable, department: string, jurisdiction: string): Promise<number> {
  const { data } = await t.store.accountCounters.get({ figure: 'enabledRegulators', department, jurisdiction }).go();
  return data?.count ?? 0;
}

/** Enabled regulator accounts of a department, counted the slow way (the department index, all pages). */
async function enabledByJurisdiction(t: TestTable, department: string): Promise<Map<string, number>> {
  const { data } = await t.store.accounts.query.byDepartment({ department }).go({ pages: 'all' });
  const out = new Map<string, number>();
  for (const a of data.filter((a) => !a.disabled)) {
    const j = a.regionCode === '35' ? '35' : a.regionCode!.startsWith('350128') ? '350128' : a.regionCode!.slice(0, 4);
    out.set(j, (out.get(j) ?? 0) + 1);
  }
  return out;
}

async function xlsx(rows: (string | number)[][], header: readonly string[] = IMPORT_COLUMNS): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('账号');
  ws.addRow([...header]);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
}

describe('accounts on DynamoDB Local', () => {
  let t: TestTable;
  beforeAll(async () => {
    t = await testTable('accounts');
  });
  afterAll(async () => t?.drop());

  it('lets only one of many concurrent creations of the same login succeed', async () => {
    const login = mobile();
    const attempts = await Promise.allSettled(
      Array.from({ length: 8 }, (_, i) =>
        createAccounts(t.store, [regulator({ mobile: login, name: `并发${i}`, regionCode: '3505' })], SYS),
      ),
    );
    const ok = attempts.filter((a) => a.status === 'fulfilled');
    const refused = attempts.filter((a): a is PromiseRejectedResult => a.status === 'rejected');
    expect(ok).toHaveLength(1);
    expect(refused).toHaveLength(7);
    for (const r of refused) {
      expect(r.reason).toBeInstanceOf(AppError);
      expect((r.reason as AppError).status).toBe(409);
      expect((r.reason as AppError).details).toEqual([
        { path: 'inputs[0].mobile', message: '该手机号码已开通账号，不能重复开通' },
      ]);
    }
    const { data } = await t.store.accounts.query.byLogin({ login }).go();
    expect(data).toHaveLength(1);
    const claim = await t.store.loginClaims.get({ login }).go();
    expect(claim.data?.accountId).toBe(data[0]!.accountId);
  });

  it('keeps the department × jurisdiction counters exact under concurrent create, disable and enable', async () => {
    const dept = 'huanbao';
    const regions = ['35', '3501', '350128', '350583', '3505'];
    const inputs = Array.from({ length: 15 }, (_, i) =>
      regulator({ department: dept, regionCode: regions[i % regions.length]!, categories: ['radioactive'] }),
    );
    // Fifteen creations at once, each its own transaction, all moving the same few counters.
    const created = await Promise.all(inputs.map((input) => createAccounts(t.store, [input], SYS)));
    const ids = created.map((o) => (o[0]!.status === 'created' ? o[0]!.account.accountId : ''));
    expect(await counter(t, dept, '3505')).toBe(6);

    // Then a storm: every account disabled twice at once, some re-enabled (also twice), all concurrently.
    const ops: Promise<unknown>[] = [];
    for (const id of ids) {
      ops.push(setAccountEnabled(t.store, SYS, id, false), setAccountEnabled(t.store, SYS, id, false));
    }
    await Promise.all(ops);
    const reEnabled = ids.filter((_, i) => i % 3 === 0);
    await Promise.all(
      reEnabled.flatMap((id) => [
        setAccountEnabled(t.store, SYS, id, true),
        setAccountEnabled(t.store, SYS, id, true),
        createAccounts(
          t.store,
          [regulator({ department: dept, regionCode: '3501', categories: ['radioactive'] })],
          SYS,
        ),
      ]),
    );

    const truth = await enabledByJurisdiction(t, dept);
    const figure = await regulatorCounts(t.store);
    const block = figure.departments.find((d) => d.department === dept)!;
    for (const j of figure.jurisdictions) {
      expect({ j: j.regionCode, n: block.counts.find((c) => c.regionCode === j.regionCode)!.count }).toEqual({
        j: j.regionCode,
        n: truth.get(j.regionCode) ?? 0,
      });
    }
    // 5 re-enabled + 5 new in 福州 (3501) … and 平潭 counted apart from 福州.
    expect(block.total).toBe(reEnabled.length * 2);
    expect(block.counts.find((c) => c.name === '平潭综合实验区')).toBeDefined();
  });

  it('serves the figure for all 16 departments × 11 jurisdictions, zeros included, in reference order', async () => {
    const figure = await regulatorCounts(t.store);
    expect(figure.departments.map((d) => d.name).slice(0, 3)).toEqual(['经信', '公安', '财政']);
    expect(figure.departments).toHaveLength(16);
    expect(figure.jurisdictions.map((j) => j.name)).toEqual([
      '省直',
      '福州',
      '厦门',
      '莆田',
      '三明',
      '泉州',
      '漳州',
      '南平',
      '龙岩',
      '宁德',
      '平潭综合实验区',
    ]);
    for (const d of figure.departments) expect(d.counts).toHaveLength(11);
    expect(figure.departments.find((d) => d.department === 'tiyu')!.total).toBe(0);
  });

  it('lets a department admin act only on their own department within their region', async () => {
    // In scope: 泉州 (3505) and its counties, 公安.
    const [own] = await createAccounts(t.store, [regulator({ regionCode: '350582' })], QZ_GONGAN);
    expect(own!.status).toBe('created');
    const ownId = own!.status === 'created' ? own!.account.accountId : '';

    const otherDept = await failure(
      createAccounts(t.store, [regulator({ department: 'anjian', categories: ['hazchem'] })], QZ_GONGAN),
    );
    expect(otherDept.status).toBe(403);
    expect(otherDept.message).toBe('部门管理员只能管理本部门（公安）的账号');

    const otherCity = await failure(createAccounts(t.store, [regulator({ regionCode: '3502' })], QZ_GONGAN));
    expect(otherCity.status).toBe(403);
    expect(otherCity.message).toBe('部门管理员只能管理本辖区（福建省泉州市）内的账号');

    const province = await failure(createAccounts(t.store, [regulator({ regionCode: '35' })], QZ_GONGAN));
    expect(province.status).toBe(403);

    const escalate = await failure(
      createAccounts(t.store, [regulator({ roles: ['sys-admin'], regionCode: '3505' })], QZ_GONGAN),
    );
    expect(escalate.status).toBe(403);
    expect(escalate.message).toMatch(/只能由系统管理员开通和管理/);

    expect((await failure(createAccounts(t.store, [regulator()], INSPECTOR))).status).toBe(403);

    // Acting on accounts: own ok; 厦门's and another department's refused, and nothing changes.
    const [xiamen] = await createAccounts(t.store, [regulator({ regionCode: '3502' })], SYS);
    const xiamenId = xiamen!.status === 'created' ? xiamen!.account.accountId : '';
    expect((await setAccountEnabled(t.store, QZ_GONGAN, ownId, false)).status).toBe('disabled');
    expect((await failure(setAccountEnabled(t.store, QZ_GONGAN, xiamenId, false))).status).toBe(403);
    expect((await failure(resetAccountPassword(t.store, QZ_GONGAN, xiamenId))).status).toBe(403);
    expect((await t.store.accounts.get({ accountId: xiamenId }).go()).data!.disabled).toBe(false);

    // Lists: their own department and region only.
    const mine = await listAccounts(t.store, QZ_GONGAN, { limit: 100 });
    expect(mine.items.length).toBeGreaterThan(0);
    expect(mine.items.every((a) => a.department === 'gongan' && a.regionCode!.startsWith('3505'))).toBe(true);
    expect((await failure(listAccounts(t.store, QZ_GONGAN, { limit: 10, department: 'anjian' }))).status).toBe(403);
    expect((await failure(listAccounts(t.store, QZ_GONGAN, { limit: 10, region: '35' }))).status).toBe(403);
    const all = await listAccounts(t.store, SYS, { limit: 100, department: 'gongan' });
    expect(all.items.some((a) => a.accountId === xiamenId)).toBe(true);
  });

  it('pages a department list with a cursor, filters by status and role, and refuses a forged cursor', async () => {
    const dept = 'zhujian';
    await createAccounts(
      t.store,
      Array.from({ length: 7 }, (_, i) =>
        regulator({
          department: dept,
          regionCode: i < 5 ? '3506' : '3507',
          categories: ['hazchem'],
          roles: i === 0 ? ['reviewer'] : ['inspector'],
        }),
      ),
      SYS,
    );
    const seen: string[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < 10; page++) {
      const r = await listAccounts(t.store, SYS, {
        department: dept,
        region: '3506',
        limit: 2,
        ...(cursor ? { cursor } : {}),
      });
      seen.push(...r.items.map((a) => a.accountId));
      if (!r.cursor) break;
      cursor = r.cursor;
    }
    expect(seen).toHaveLength(5);
    expect(new Set(seen).size).toBe(5);

    const reviewers = await listAccounts(t.store, SYS, { department: dept, role: 'reviewer', limit: 20 });
    expect(reviewers.items).toHaveLength(1);
    await setAccountEnabled(t.store, SYS, seen[0]!, false);
    expect((await listAccounts(t.store, SYS, { department: dept, status: 'disabled', limit: 20 })).items).toHaveLength(
      1,
    );
    expect((await listAccounts(t.store, SYS, { department: dept, status: 'enabled', limit: 20 })).items).toHaveLength(
      6,
    );
    const byMobile = await listAccounts(t.store, SYS, {
      department: dept,
      mobile: reviewers.items[0]!.login,
      limit: 20,
    });
    expect(byMobile.items.map((a) => a.accountId)).toEqual([reviewers.items[0]!.accountId]);

    // A cursor of another department's partition is refused, not followed.
    const other = await listAccounts(t.store, SYS, { department: 'gongan', limit: 1 });
    expect(other.cursor).toBeTruthy();
    const forged = await failure(listAccounts(t.store, SYS, { department: dept, limit: 2, cursor: other.cursor! }));
    expect(forged.status).toBe(400);
    expect((await failure(listAccounts(t.store, SYS, { department: dept, limit: 2, cursor: 'garbage' }))).status).toBe(
      400,
    );
  });

  it('resets a password to the initial one and ends the account’s sessions', async () => {
    const input = regulator({ regionCode: '3505' });
    const [o] = await createAccounts(t.store, [input], SYS);
    const account = o!.status === 'created' ? o!.account : undefined!;
    await t.store.accounts
      .patch({ accountId: account.accountId })
      .set({ mustChangePassword: false, passwordHash: 'x' })
      .go();
    const tokens = await createSession(
      t.store,
      { accountId: account.accountId, kind: 'regulator', login: input.mobile, name: input.name },
      'active',
      {},
    );
    const token = `${tokens.sessionId}.${tokens.access}`;
    expect('session' in (await resolveAccessToken(t.store, token))).toBe(true);

    const r = await resetAccountPassword(t.store, SYS, account.accountId);
    expect(r.revokedSessions).toBe(1);
    expect(r.account.mustChangePassword).toBe(true);
    const after = (await t.store.accounts.get({ accountId: account.accountId }).go()).data!;
    expect(await verifyPassword(input.mobile.slice(-6), after.passwordHash)).toBe(false);
    expect(await verifyPassword(r.oneTimePassword, after.passwordHash)).toBe(true);
    expect(after.initialPasswordExpiresAt! - Date.now()).toBeGreaterThan(71.9 * 3600_000);
    expect(await resolveAccessToken(t.store, token)).toEqual({ failure: 'revoked' });
    expect((await failure(resetAccountPassword(t.store, SYS, 'sys-1'))).status).toBe(400);
    expect((await failure(resetAccountPassword(t.store, SYS, 'no-such-account'))).status).toBe(404);
  });

  it('imports nothing when any row is wrong, and says which row and column', async () => {
    const taken = mobile();
    await createAccounts(t.store, [regulator({ mobile: taken, regionCode: '3505' })], SYS);
    const good = mobile();
    const dup = mobile();
    const before = await counter(t, 'weiji', '3503');
    const file = await xlsx([
      [good, '陈静', '卫计', '3503', '危险化学品', '检查人员'], // row 2: fine
      ['1234567', '王强', '卫计', '3503', '危险化学品', '检查人员'], // row 3: bad mobile
      [mobile(), '李娜', '卫生局', '3503', '危险化学品', '检查人员'], // row 4: unknown department
      [mobile(), '赵磊', '卫计', '3503', '民爆物品', '检查人员'], // row 5: 卫计 doesn't supervise 民爆
      [dup, '周敏', '卫计', '3503', '危险化学品', '审核人员'], // row 6
      [dup, '吴刚', '卫计', '3503', '危险化学品', '审核人员'], // row 7: same mobile as row 6
      [taken, '郑华', '卫计', '3503', '危险化学品', '检查人员'], // row 8: login already taken
      [mobile(), '孙丽', '卫计', '3599', '危险化学品', '检查人员'], // row 9: no such region
      [mobile(), '钱进', '卫计', '3503', '危险化学品', '系统管理员、审计管理员'], // row 10: 三员分立
    ]);
    const err = await failure(importAccounts(t.store, SYS, { filename: 'a.xlsx', contentBase64: file }));
    expect(err.status).toBe(400);
    expect(err.message).toBe('导入文件有 7 处错误（涉及 7 行），未导入任何账号，请修改后重新导入');
    expect(err.details).toEqual([
      { path: 'rows[3].手机号码', message: '手机号码应为1开头的11位数字（第二位为3至9）' },
      { path: 'rows[4].部门', message: '部门「卫生局」不正确，请填写说明页所列的部门简称，如：安监、公安' },
      { path: 'rows[5].物品类别', message: '卫计部门不参与「民爆物品」的监管，可选：危险化学品、放射性物品' },
      { path: 'rows[7].手机号码', message: '手机号码与第 6 行重复' },
      { path: 'rows[8].手机号码', message: '该手机号码已开通账号，不能重复开通' },
      {
        path: 'rows[9].行政区划代码',
        message: '行政区划代码不正确：应为福建省（35）、设区市（如 3505）或县（市、区）（如 350583）的代码',
      },
      {
        path: 'rows[10].角色',
        message: '系统管理员、安全管理员、审计管理员须由不同的人担任（三员分立），一个账号只能授予其中一个',
      },
    ]);
    // Nothing written: not the good row, not its claim, not the counter.
    expect((await t.store.loginClaims.get({ login: good }).go()).data).toBeNull();
    expect((await t.store.accounts.query.byLogin({ login: good }).go()).data).toEqual([]);
    expect(await counter(t, 'weiji', '3503')).toBe(before);
  });

  it('refuses an unreadable file, a missing column and an empty sheet with a 400', async () => {
    const notXlsx = await failure(
      importAccounts(t.store, SYS, { filename: 'a.xlsx', contentBase64: Buffer.from('hello').toString('base64') }),
    );
    expect(notXlsx.status).toBe(400);
    expect(notXlsx.details?.[0]?.path).toBe('body.contentBase64');
    const missing = await failure(
      importAccounts(t.store, SYS, {
        filename: 'a.xlsx',
        contentBase64: await xlsx([[mobile(), '陈静', '卫计', '3503', '危险化学品']], IMPORT_COLUMNS.slice(0, 5)),
      }),
    );
    expect(missing.message).toBe('账号表缺少列：角色（请使用下载的导入模板）');
    const empty = await failure(importAccounts(t.store, SYS, { filename: 'a.xlsx', contentBase64: await xlsx([]) }));
    expect(empty.message).toBe('账号表中没有需要导入的人员，请从第 2 行开始填写');
  });

  it('imports a large file in several transactions, resumably and idempotently', async () => {
    // 55 rows of one department × city: 49 + 6 accounts per transaction (2 items each + 1 counter ≤ 100).
    const rows = Array.from({ length: 55 }, (_, i) => [
      mobile(),
      `导入${i + 1}`,
      '交通',
      i % 2 ? '3509' : '350902',
      '危险化学品、运输监管',
      i === 0 ? '部门管理员' : '检查人员',
    ]);
    const file = { filename: '宁德交通.xlsx', contentBase64: await xlsx(rows) };
    const before = await counter(t, 'jiaotong', '3509');

    // A first request that runs out of budget after 5 accounts …
    const first = await importAccounts(t.store, SYS, file, Date.now(), { maxNew: 5 });
    expect(first).toMatchObject({ total: 55, created: 5, existing: 0, pending: 50, complete: false });
    expect(first.message).toBe('已开通 5 个账号；还有 50 个待开通，请再次导入同一文件继续');
    expect(first.rows.slice(0, 5).every((r) => r.status === 'created')).toBe(true);
    expect(first.rows.slice(5).every((r) => r.status === 'pending')).toBe(true);
    expect(await counter(t, 'jiaotong', '3509')).toBe(before + 5);

    // … the same file again finishes the job without creating the first five twice: 50 accounts are
    // 100 items + 1 counter + 2 for the audit record (chain head and record), too many for one transaction,
    // so it takes two (48 accounts + counter + audit = 99, then 2 accounts + counter + audit = 7).
    const sizes: number[] = [];
    const send = t.store.client.send.bind(t.store.client);
    t.store.client.send = ((cmd: unknown) => {
      if (cmd instanceof TransactWriteCommand) sizes.push(cmd.input.TransactItems!.length);
      return send(cmd as never);
    }) as typeof t.store.client.send;
    let second;
    try {
      second = await importAccounts(t.store, SYS, file, Date.now(), { budgetMs: 120_000 });
    } finally {
      t.store.client.send = send;
    }
    expect(sizes).toEqual([99, 7]);
    expect(second).toMatchObject({ total: 55, created: 50, existing: 5, pending: 0, complete: true });
    expect(second.message).toBe('已开通 50 个账号；5 个账号此前已开通，未重复开通');
    expect(second.rows.slice(0, 5).map((r) => r.accountId)).toEqual(first.rows.slice(0, 5).map((r) => r.accountId));
    expect(await counter(t, 'jiaotong', '3509')).toBe(before + 55);

    // … and once more changes nothing at all.
    const third = await importAccounts(t.store, SYS, file, Date.now(), { budgetMs: 120_000 });
    expect(third).toMatchObject({ created: 0, existing: 55, pending: 0, complete: true });
    expect(await counter(t, 'jiaotong', '3509')).toBe(before + 55);

    // Each person got one account with a one-time password, in the first answer's 开通通知 only.
    const login = String(rows[7]![0]);
    const { data } = await t.store.accounts.query.byLogin({ login }).go();
    expect(data).toHaveLength(1);
    expect(data[0]).toMatchObject({
      department: 'jiaotong',
      regionCode: '3509',
      mustChangePassword: true,
      disabled: false,
    });
    const handed = [...first.rows, ...second.rows].find((r) => r.mobile === login && r.oneTimePassword);
    expect(await verifyPassword(handed!.oneTimePassword!, data[0]!.passwordHash)).toBe(true);
    expect(third.rows.every((r) => r.oneTimePassword === undefined)).toBe(true);
    expect(third.notice).toBeUndefined();
    const notice = new ExcelJS.Workbook();
    await notice.xlsx.load(Buffer.from(second.notice!.contentBase64, 'base64') as never);
    const sheet = notice.getWorksheet('开通通知')!;
    expect(sheet.getRow(1).values).toEqual([undefined, '姓名', '登录账号', '一次性密码', '有效期至']);
    const noticed = sheet.getSheetValues().filter((r) => Array.isArray(r) && /^1\d{10}$/.test(String(r[2])));
    expect(noticed).toHaveLength(50);

    // A different spreadsheet claiming one of those people is refused: their login is taken.
    const other = await failure(
      importAccounts(t.store, SYS, {
        filename: 'b.xlsx',
        contentBase64: await xlsx([[login, '别人', '交通', '3509', '运输监管', '检查人员']]),
      }),
    );
    expect(other.details).toEqual([{ path: 'rows[2].手机号码', message: '该手机号码已开通账号，不能重复开通' }]);
  }, 120_000);

  it('writes nothing for a system actor’s invalid enterprise account', async () => {
    const err = await failure(
      createAccounts(
        t.store,
        [{ kind: 'enterprise', login: '91350000ABCDEFGHIJ', name: '', enterpriseId: 'e-1' }],
        systemActor('registration-review'),
      ),
    );
    expect(err.status).toBe(400);
    expect(err.details!.map((d) => d.path)).toEqual(['inputs[0].login', 'inputs[0].name']);
  });
});
