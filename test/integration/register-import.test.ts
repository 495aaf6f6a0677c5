import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { s3Files } from '../../functions/imports/files';
import { OUT_OF_SCOPE, UNREADABLE } from '../../functions/imports/parse';
import { BATCH_SIZE, readImport, runBatch, type ImportDeps } from '../../functions/imports/run';
import { verifyPassword } from '../../functions/lib/auth/password';
import { importIdOf } from '../../functions/imports/start';
import { LOCAL_NAMES } from '../../functions/local/stack';
import { REGISTER_IMPORT_COLUMNS, type RegisterImportColumn } from '../../shared/api/imports';
import { registrationNoCheckDigit } from '../../shared/validation/registration-no';
import { orgCodeCheckChar, usccCheckChar } from '../../shared/validation/uscc';
import type { ApiClient } from '../support/api-client';
import { testTable } from '../support/dynamo';
import { outboxRecords } from '../support/outbox';
import { signedInAs, type Persona } from '../support/personas';
import { startTestStack, type TestStack } from '../support/stack';

/**
 * 企业信息导入 end to end through the local stack: the file is an attachment in s3rver, the job runs on the
 * local bus batch by batch, the rows land on the register (list rows, counters, claims), and the error report
 * names every row that was not imported.
 */

const uscc = (region6: string, n: number) => {
  const body = String(10_000_000 + n);
  const f17 = `91${region6}${body}${orgCodeCheckChar(body)}`;
  return f17 + usccCheckChar(f17);
};

type Cells = Partial<Record<RegisterImportColumn, string | number | Date>>;

const unit = (n: number, over: Cells = {}): Cells => ({
  单位名称: `泉州市丰泽区测试化工贸易有限公司${n}号`,
  行政区划: '福建省泉州市丰泽区',
  单位类型: '有限责任公司',
  登记状态: '在管(开业)企业',
  统一社会信用代码: uscc('350503', n),
  '注册资本(万人民币)': 300 + n,
  '法定代表人(责任人)': '陈立',
  联系电话: '0595-22345678',
  注册时间: new Date(Date.UTC(2014, 2, 18)),
  '(住所)营业场所': `泉州市丰泽区东海街道${n}号`,
  从业环节: '危险化学品-经营',
  ...over,
});

async function workbook(rows: Cells[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('企业清单');
  ws.addRow([...REGISTER_IMPORT_COLUMNS]);
  for (const r of rows) ws.addRow(REGISTER_IMPORT_COLUMNS.map((c) => r[c] ?? ''));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const SYS_ADMIN: Persona = {
  kind: 'regulator',
  department: 'anjian',
  regionCode: '35',
  categories: ['hazchem'],
  roles: ['sys-admin'],
};
const DEPT_ADMIN_QZ: Persona = {
  kind: 'regulator',
  department: 'anjian',
  regionCode: '3505',
  categories: ['hazchem'],
  roles: ['dept-admin'],
};
const HAZCHEM_INSPECTOR: Persona = {
  kind: 'regulator',
  department: 'anjian',
  regionCode: '35',
  categories: ['hazchem'],
  roles: ['inspector'],
};

describe('the register import', () => {
  let t: TestStack;
  let s3: S3Client;
  let admin: ApiClient;
  let adminId: string;
  let uploads = 0;
  /** A 统一社会信用代码 the seed put on the register. */
  let seededCode: string;

  beforeAll(async () => {
    t = await startTestStack({ seedEnterprises: 4 });
    s3 = new S3Client({
      endpoint: t.stack.s3.endpoint,
      region: LOCAL_NAMES.region,
      forcePathStyle: true,
      credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
    });
    admin = await signedInAs(t.store, t.url, SYS_ADMIN);
    adminId = (await admin.get('/api/auth/session')).body.account.accountId;
    const { data } = await t.store.enterprises.get({ enterpriseId: 'ent-000001' }).go();
    seededCode = data!.creditCode!;
  }, 120_000);
  afterAll(async () => {
    s3?.destroy();
    await t?.stop();
  });

  /** What the attachments context leaves behind after an upload: the object, and its item marked uploaded. */
  async function upload(
    content: Buffer,
    uploadedBy: string,
    over: { purpose?: string; status?: 'pending' | 'uploaded'; fileName?: string } = {},
  ) {
    const attachmentId = `att-imp-${++uploads}`;
    const key = `uploads/${uploadedBy}/${attachmentId}.xlsx`;
    await s3.send(new PutObjectCommand({ Bucket: LOCAL_NAMES.bucket, Key: key, Body: content }));
    await t.store.attachments
      .create({
        attachmentId,
        key,
        purpose: over.purpose ?? 'register-import',
        fileName: over.fileName ?? `清单${uploads}.xlsx`,
        contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        size: content.length,
        status: over.status ?? 'uploaded',
        uploadedBy,
      })
      .go();
    return attachmentId;
  }

  /** Polls the job as the page does, until it is done or failed; returns it and every `processed` seen. */
  async function finished(c: ApiClient, importId: string) {
    const seen: number[] = [];
    for (let i = 0; i < 600; i++) {
      const r = await c.get(`/api/register/imports/${importId}`);
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      seen.push(r.body.processed);
      if (r.body.status === 'done' || r.body.status === 'failed') return { job: r.body, seen };
      await new Promise((res) => setTimeout(res, 100));
    }
    throw new Error(`import ${importId} did not finish`);
  }

  async function importFile(c: ApiClient, attachmentId: string) {
    const r = await c.post('/api/register/imports', { attachmentId });
    expect(r.status, JSON.stringify(r.body)).toBe(202);
    expect(r.body.status).toBe('queued');
    return finished(c, r.body.importId);
  }

  const counter = async (regionCode: string, segment = 'business', store = t.store) =>
    (await store.enterpriseCounters.get({ category: 'hazchem', segment, regionCode }).go()).data?.total ?? 0;

  /** The steps an import asked for through the outbox, in the order they were written. */
  const stepsOf = async (importId: string, endpoint = t.stack.dynamo.endpoint, table: string = LOCAL_NAMES.table) =>
    (await outboxRecords(endpoint, table))
      .filter((e) => e.detail.data.importId === importId)
      .map((e) => (e.detailType === 'RegisterImportBatchRequested' ? `batch ${e.detail.data.offset}` : e.detailType));

  const regNo = `35058310002864${registrationNoCheckDigit('35058310002864')}`;
  /** Rows 2–4 valid, 5–8 each wrong in one way, 9 repeats row 2's code, 10 is on the register already. */
  const mixed = () =>
    workbook([
      unit(1, {
        许可证编号: '闽泉危化经字〔2016〕000001',
        发证机关: '泉州市应急管理局',
        有效起始日期: '2016-04-01',
        有效截止日期: '2026-03-31',
      }),
      unit(2, { 行政区划: '350102', 单位名称: '福州市鼓楼区测试化工有限公司' }),
      unit(3, { 统一社会信用代码: '', 注册号: regNo, 行政区划: '南安市', 从业环节: '危险化学品-储存' }),
      unit(4, { 统一社会信用代码: uscc('350503', 4).slice(0, 17) + (uscc('350503', 4).endsWith('0') ? '1' : '0') }),
      unit(5, { 行政区划: '福建省泉州市火星区' }),
      unit(6, { 从业环节: '危险化学品-批发' }),
      unit(7, { 注册时间: '2014-02-30' }),
      unit(8, { 统一社会信用代码: uscc('350503', 1) }),
      unit(9, { 统一社会信用代码: seededCode }),
    ]);

  let firstImport = '';

  it('imports the valid rows, refuses the others one by one, and counts what was already there', async () => {
    const before = {
      province: await counter('35'),
      quanzhou: await counter('3505'),
      storage: await counter('35', 'storage'),
    };
    const { job, seen } = await importFile(admin, await upload(await mixed(), adminId));
    firstImport = job.importId;
    expect(job).toMatchObject({ status: 'done', total: 9, processed: 9, created: 3, duplicates: 1, failed: 5 });
    expect(job.hasReport).toBe(true);
    expect(seen[seen.length - 1]).toBe(9);
    expect(job.errors.map((e: { row: number }) => e.row)).toEqual([5, 6, 7, 8, 9]);
    const reasons = Object.fromEntries(job.errors.map((e: { row: number; messages: string[] }) => [e.row, e.messages]));
    expect(reasons[5]).toEqual(['统一社会信用代码校验位（第18位）错误，请核对']);
    expect(reasons[6][0]).toContain('行政区划「福建省泉州市火星区」不正确');
    expect(reasons[7][0]).toContain('从业环节「危险化学品-批发」不正确');
    expect(reasons[8]).toEqual(['注册时间「2014-02-30」不是有效日期，格式如2017-09-18']);
    expect(reasons[9]).toEqual(['与第 2 行的统一社会信用代码重复']);

    // The counters moved by the rows created, at every level of the region tree.
    expect(await counter('35')).toBe(before.province + 2);
    expect(await counter('3505')).toBe(before.quanzhou + 1);
    expect(await counter('35', 'storage')).toBe(before.storage + 1);

    // The regulator's unit list shows them, with the licence column, and its total is the counter.
    const inspector = await signedInAs(t.store, t.url, HAZCHEM_INSPECTOR);
    const list = await inspector.get('/api/register/units/hazchem/business?name=测试化工');
    expect(list.status).toBe(200);
    const names = list.body.items.map((i: { name: string }) => i.name).sort();
    expect(names).toEqual(['泉州市丰泽区测试化工贸易有限公司1号', '福州市鼓楼区测试化工有限公司']);
    const first = list.body.items.find((i: { name: string }) => i.name.endsWith('1号'));
    expect(first).toMatchObject({ regionCode: '350503', licenceNumber: '闽泉危化经字〔2016〕000001' });
    const all = await inspector.get('/api/register/units/hazchem/business');
    expect(all.body.total).toBe(await counter('35'));

    // The licence is in the due index, for the expiry warnings; the 注册号-only unit is on the register too.
    const due = await t.store.licences.query.byDueDate({ dueKind: 'licence' }).go({ pages: 'all' });
    expect(due.data.some((l) => l.number === '闽泉危化经字〔2016〕000001' && l.validTo === '2026-03-31')).toBe(true);
    const storage = await inspector.get('/api/register/units/hazchem/storage?region=350583');
    expect(storage.body.items.map((i: { name: string }) => i.name)).toContain('泉州市丰泽区测试化工贸易有限公司3号');

    // One audit record per batch (not per row), beside the request's and the start's.
    const audit = await t.store.audit.records.query
      .byObject({ objectRef: `registerImport:${job.importId}` })
      .go({ pages: 'all' });
    expect(audit.data.map((r) => r.action).sort()).toEqual([
      'register.import.batch',
      'register.import.request',
      'register.import.start',
    ]);
  });

  it('hands back the error report: each row not imported, its values and reason; the rows already there', async () => {
    const r = await admin.get(`/api/register/imports/${firstImport}/report`);
    expect(r.status).toBe(200);
    expect(r.body.filename).toMatch(/错误报告\.xlsx$/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(r.body.contentBase64, 'base64') as never);
    const sheet = wb.getWorksheet('错误报告')!;
    const reasonCol = REGISTER_IMPORT_COLUMNS.length + 2;
    const rows: { row: number; name: string; reason: string }[] = [];
    sheet.eachRow((row, n) => {
      if (n > 1)
        rows.push({
          row: Number(row.getCell(1).value),
          name: String(row.getCell(2).value),
          reason: String(row.getCell(reasonCol).value),
        });
    });
    expect(rows.map((x) => x.row)).toEqual([5, 6, 7, 8, 9]);
    expect(rows[0]!.name).toBe('泉州市丰泽区测试化工贸易有限公司4号');
    expect(rows[3]!.reason).toContain('注册时间「2014-02-30」不是有效日期');
    expect(rows[4]!.reason).toBe('与第 2 行的统一社会信用代码重复');
    const dup = wb.getWorksheet('未重复导入')!;
    expect(dup.getRow(2).getCell(1).value).toBe(10);
    expect(dup.getRow(2).getCell(3).value).toBe(seededCode);
  });

  it('opens each imported unit’s login with its entry, the one-time passwords in a 开通通知 downloaded once', async () => {
    // The three units created by the first import: two by 信用代码, one by 注册号.
    const logins = [uscc('350503', 1), uscc('350503', 2), regNo];
    const { data: claims } = await t.store.loginClaims.get(logins.map((login) => ({ login }))).go();
    expect(claims).toHaveLength(3);
    // Only whoever may read the job gets its notice.
    const other = await signedInAs(t.store, t.url, DEPT_ADMIN_QZ);
    expect((await other.get(`/api/register/imports/${firstImport}/account-notice`)).status).toBe(404);
    const r = await admin.get(`/api/register/imports/${firstImport}/account-notice`);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body).toMatchObject({ count: 3, more: false });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(r.body.contentBase64, 'base64') as never);
    const sheet = wb.getWorksheet('开通通知')!;
    const rows: { login: string; password: string }[] = [];
    sheet.eachRow((row, n) => {
      if (n > 1 && row.getCell(3).value)
        rows.push({ login: String(row.getCell(2).value), password: String(row.getCell(3).value) });
    });
    expect(rows.map((x) => x.login).sort()).toEqual([...logins].sort());
    const { data: account } = await t.store.accounts.query.byLogin({ login: regNo }).go();
    expect(await verifyPassword(rows.find((x) => x.login === regNo)!.password, account[0]!.passwordHash)).toBe(true);
    // Once: the next download has nothing left to give.
    expect((await admin.get(`/api/register/imports/${firstImport}/account-notice`)).status).toBe(404);
  });

  it('creates nothing when the same file is imported again, and one job only for a double click', async () => {
    const before = { province: await counter('35'), storage: await counter('35', 'storage') };
    const attachmentId = await upload(await mixed(), adminId);
    const [a, b] = await Promise.all([
      admin.post('/api/register/imports', { attachmentId }),
      admin.post('/api/register/imports', { attachmentId }),
    ]);
    expect([a.status, b.status]).toEqual([202, 202]);
    expect(a.body.importId).toBe(b.body.importId);
    const { job } = await finished(admin, a.body.importId);
    expect(job).toMatchObject({ status: 'done', total: 9, processed: 9, created: 0, duplicates: 4, failed: 5 });
    expect(await counter('35')).toBe(before.province);
    expect(await counter('35', 'storage')).toBe(before.storage);
    const mine = await admin.get('/api/register/imports?limit=50');
    expect(mine.body.items.filter((j: { importId: string }) => j.importId === a.body.importId)).toHaveLength(1);
  });

  it('refuses a 部门管理员’s rows outside their jurisdiction, and keeps each administrator’s imports apart', async () => {
    const dept = await signedInAs(t.store, t.url, DEPT_ADMIN_QZ);
    const deptId = (await dept.get('/api/auth/session')).body.account.accountId;
    const file = await workbook([unit(20), unit(21, { 行政区划: '福建省福州市鼓楼区' })]);
    const { job } = await importFile(dept, await upload(file, deptId));
    expect(job).toMatchObject({ status: 'done', created: 1, failed: 1 });
    expect(job.errors).toEqual([{ row: 3, messages: [OUT_OF_SCOPE] }]);
    // Another administrator's import does not exist for them; a 系统管理员 may read it.
    expect((await dept.get(`/api/register/imports/${firstImport}`)).status).toBe(404);
    expect((await dept.get(`/api/register/imports/${firstImport}/report`)).status).toBe(404);
    expect((await admin.get(`/api/register/imports/${job.importId}`)).status).toBe(200);
    const list = await dept.get('/api/register/imports');
    expect(list.body.items.map((j: { importId: string }) => j.importId)).toEqual([job.importId]);
  });

  it('writes a large file in batches, moving the progress after each, one audit record per batch', async () => {
    const rows = Array.from({ length: 2 * BATCH_SIZE + 30 }, (_, i) =>
      unit(1000 + i, { 单位名称: `泉州市批量测试贸易有限公司${i}`, 从业环节: '危险化学品-使用' }),
    );
    const before = await counter('35', 'use');
    const { job, seen } = await importFile(admin, await upload(await workbook(rows), adminId));
    expect(job).toMatchObject({ status: 'done', total: 230, processed: 230, created: 230, duplicates: 0, failed: 0 });
    expect(seen.every((p, i) => i === 0 || p >= seen[i - 1]!)).toBe(true);
    expect(await counter('35', 'use')).toBe(before + 230);
    const audit = await t.store.audit.records.query
      .byObject({ objectRef: `registerImport:${job.importId}` })
      .go({ pages: 'all' });
    const batches = audit.data.filter((r) => r.action === 'register.import.batch');
    expect(batches).toHaveLength(3);
    expect(batches.map((r) => JSON.parse(r.details!).rows).sort()).toEqual([100, 100, 30]);
    // Every step was asked for through the outbox, in the transaction of the step before it, once.
    expect(await stepsOf(job.importId)).toEqual(['RegisterImportRequested', 'batch 0', 'batch 100', 'batch 200']);
  }, 120_000);

  it('fails a file that is not a readable 清单, with a message that says what to do', async () => {
    const { job } = await importFile(admin, await upload(Buffer.from('这不是Excel文件'), adminId));
    expect(job).toMatchObject({ status: 'failed', message: UNREADABLE, hasReport: false });
    const r = await admin.get(`/api/register/imports/${job.importId}/report`);
    expect(r.status).toBe(409);
  });

  it('refuses an attachment that is missing, someone else’s, not uploaded yet or of another purpose', async () => {
    const content = await workbook([unit(40)]);
    const cases = [
      ['att-none', '导入文件不存在，请重新上传'],
      [await upload(content, 'someone-else'), '导入文件不存在，请重新上传'],
      [await upload(content, adminId, { status: 'pending' }), '文件尚未上传完成，请稍后再试'],
      [await upload(content, adminId, { purpose: 'business-licence' }), '该文件不是企业信息导入清单'],
      [await upload(content, adminId, { fileName: 'a.pdf' }), '请上传 .xlsx 格式的 Excel 文件'],
    ] as const;
    for (const [attachmentId, message] of cases) {
      const r = await admin.post('/api/register/imports', { attachmentId });
      expect(r.status, attachmentId).toBe(400);
      expect(r.body.error.message).toContain(message);
    }
    expect((await admin.get(`/api/register/imports/${importIdOf('att-none')}`)).status).toBe(404);
  });

  it('moves nothing twice when an event arrives twice, at once or later, and asks for each batch once', async () => {
    // Driven by hand on a table of its own, which no relay reads: every delivery here is the test's own.
    const table = await testTable('import-dup');
    try {
      const rows = Array.from({ length: BATCH_SIZE + 5 }, (_, i) =>
        unit(3000 + i, { 单位名称: `泉州市重复投递测试有限公司${i}`, 从业环节: '危险化学品-处置' }),
      );
      const content = await workbook(rows);
      const key = `uploads/${adminId}/att-dup.xlsx`;
      await s3.send(new PutObjectCommand({ Bucket: LOCAL_NAMES.bucket, Key: key, Body: content }));
      const attachmentId = 'att-dup';
      await table.store.attachments
        .create({
          attachmentId,
          key,
          purpose: 'register-import',
          fileName: 'dup.xlsx',
          contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          size: content.length,
          status: 'uploaded',
          uploadedBy: adminId,
        })
        .go();
      const importId = importIdOf(attachmentId);
      // The job as the start route leaves it.
      await table.store.importJobs
        .create({
          importId,
          requestedBy: adminId,
          attachmentId,
          fileName: 'dup.xlsx',
          status: 'queued',
          errors: [],
          createdAt: new Date().toISOString(),
        })
        .go();
      const deps: ImportDeps = { store: table.store, files: s3Files(s3, LOCAL_NAMES.bucket) };
      const steps = () => stepsOf(importId, inject('dynamoEndpoint'), table.name);
      const detail = {
        importId,
        scopePrefix: '35',
        actor: { accountId: adminId, roles: ['sys-admin'] },
        sourceIp: '192.0.2.1',
        requestId: 'dup-test',
      };
      await readImport(deps, detail);
      await readImport(deps, detail); // a second delivery finds the job running: nothing moves, nothing is asked
      expect(await steps()).toEqual(['batch 0']);
      const before = await counter('35', 'disposal', table.store);
      // Two deliveries of batch 0 at the same moment: one moves the job (and asks for the next), the other stops.
      await Promise.all([runBatch(deps, { importId, offset: 0 }), runBatch(deps, { importId, offset: 0 })]);
      let { data: job } = await table.store.importJobs.get({ importId }).go({ consistent: true });
      expect(job).toMatchObject({ status: 'running', processed: BATCH_SIZE, created: BATCH_SIZE, duplicates: 0 });
      expect(await steps()).toEqual(['batch 0', `batch ${BATCH_SIZE}`]);
      // A late third delivery finds the batch done and changes nothing; the last batch, delivered twice, once.
      await runBatch(deps, { importId, offset: 0 });
      await runBatch(deps, { importId, offset: BATCH_SIZE });
      await runBatch(deps, { importId, offset: BATCH_SIZE });
      ({ data: job } = await table.store.importJobs.get({ importId }).go({ consistent: true }));
      expect(job).toMatchObject({ status: 'done', processed: BATCH_SIZE + 5, created: BATCH_SIZE + 5, failed: 0 });
      expect(await counter('35', 'disposal', table.store)).toBe(before + BATCH_SIZE + 5);
      expect(await steps()).toEqual(['batch 0', `batch ${BATCH_SIZE}`]);
    } finally {
      await table.drop();
    }
  }, 120_000);
});
