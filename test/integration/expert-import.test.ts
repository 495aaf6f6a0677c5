import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from '../support/api-client';
import { signedInAs, type RegulatorPersona } from '../support/personas';
import { startTestStack, type TestStack } from '../support/stack';

/**
 * 专家库's Excel template and all-or-nothing import (inspection-sheets context): the template's columns, a
 * good file, and the edge cases — a missing required column, empty rows, bad cells with their row numbers,
 * a region or category outside the importer's scope, a phone twice or already in the 专家库, too many rows,
 * a file that is no .xlsx — each refused whole, nothing written.
 */

const HEADERS = ['姓名*', '专业类别*', '专业环节', '单位*', '联系电话*', '行政区划代码*'];
type Row = [string, string, string, string, string, string];

async function workbook(rows: (Row | null)[], headers = HEADERS): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('专家库');
  ws.addRow(headers);
  for (const r of rows) ws.addRow(r ?? []);
  return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
}

const row = (n: number, over: Partial<Record<number, string>> = {}): Row => {
  const r: Row = [
    '专家' + n,
    '危险化学品',
    '经营、储存',
    '福州大学化学学院',
    `1395910${String(n).padStart(4, '0')}`,
    '3505',
  ];
  for (const [i, v] of Object.entries(over)) r[Number(i)] = v!;
  return r;
};

describe('专家库 import', () => {
  let t: TestStack;
  let qz: ApiClient;
  let reviewer: ApiClient;
  const persona = (roles: string[]): RegulatorPersona => ({
    kind: 'regulator',
    department: 'anjian',
    regionCode: '3505',
    categories: ['hazchem', 'fireworks'],
    roles,
  });
  const importFile = (c: ApiClient, contentBase64: string, filename = '专家.xlsx') =>
    c.post('/api/experts/import', { filename, contentBase64 });
  const count = async () => (await qz.get('/api/experts?limit=100')).body.items.length as number;

  beforeAll(async () => {
    t = await startTestStack();
    qz = await signedInAs(t.store, t.url, persona(['inspector']));
    reviewer = await signedInAs(t.store, t.url, persona(['reviewer']));
  }, 120_000);
  afterAll(async () => t?.stop());

  it('hands out the template with the required columns marked and an example row', async () => {
    const res = await qz.get('/api/experts/import-template');
    expect(res.status).toBe(200);
    expect(res.body.filename).toBe('专家库导入模板.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(res.body.contentBase64, 'base64') as never);
    const ws = wb.getWorksheet('专家库')!;
    expect((ws.getRow(1).values as string[]).slice(1)).toEqual(HEADERS);
    expect(String(ws.getRow(2).getCell(1).value)).toContain('示例');
  });

  it('imports a good file whole (example row and empty rows skipped), each expert in the department', async () => {
    const tpl = (await qz.get('/api/experts/import-template')).body.contentBase64 as string;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(tpl, 'base64') as never);
    const ws = wb.getWorksheet('专家库')!;
    ws.addRow(row(1));
    ws.addRow([]);
    ws.addRow(row(2, { 1: '危险化学品、烟花爆竹', 2: '危险化学品·经营', 5: '350583' }));
    ws.addRow(row(3, { 2: '', 4: '0595-86123456' }));
    const res = await importFile(qz, Buffer.from(await wb.xlsx.writeBuffer()).toString('base64'));
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.imported).toBe(3);
    const [, second] = res.body.experts;
    expect(second).toMatchObject({
      categories: ['hazchem', 'fireworks'],
      segments: ['hazchem/business'],
      regionCode: '350583',
    });
    expect(await count()).toBe(3);
  });

  it('refuses the whole file with every wrong row and its number; nothing written', async () => {
    const before = await count();
    const res = await importFile(
      qz,
      await workbook([
        row(10),
        row(11, { 4: '12345' }),
        row(12, { 1: '核武器' }),
        row(13, { 5: '3502' }),
        row(14, { 1: '枪支弹药' }),
        row(15, { 2: '批发' }),
        row(10, { 0: '重复人' }),
        row(1),
        row(16, { 0: '' }),
      ]),
    );
    expect(res.status).toBe(400);
    const text = (res.body.error.details as { message: string }[]).map((d) => d.message).join('\n');
    expect(text).toMatch(/第 3 行：.*联系电话/);
    expect(text).toMatch(/第 4 行：无法识别的专业类别「核武器」/);
    expect(text).toMatch(/第 5 行：行政区划应在您的辖区/);
    expect(text).toMatch(/第 6 行：没有「枪支弹药」的监管权限/);
    expect(text).toMatch(/第 7 行：「批发」不是所填专业类别的环节/);
    expect(text).toMatch(/第 8 行：联系电话 13959100010 与第 2 行重复/);
    expect(text).toMatch(/第 9 行：联系电话 13959100001 的专家已在本部门专家库中/);
    expect(text).toMatch(/第 10 行：.*姓名/);
    expect(await count()).toBe(before);
  });

  it('refuses a missing required column, an empty sheet, too many rows and a file that is no .xlsx', async () => {
    const missing = await importFile(qz, await workbook([row(20)], ['姓名', '专业类别', '单位', '行政区划代码']));
    expect(missing.status).toBe(400);
    expect(missing.body.error.message).toContain('缺少必填列：联系电话');

    const empty = await importFile(qz, await workbook([null, null]));
    expect(empty.status).toBe(400);
    expect(empty.body.error.message).toContain('没有专家');

    const many = await importFile(qz, await workbook(Array.from({ length: 51 }, (_, i) => row(100 + i))));
    expect(many.status).toBe(400);
    expect(many.body.error.message).toContain('最多 50 名');

    const notXlsx = await importFile(qz, Buffer.from('姓名,单位\n张三,某单位\n').toString('base64'));
    expect(notXlsx.status).toBe(400);
    expect(notXlsx.body.error.message).toContain('.xlsx');

    const wrongName = await importFile(qz, await workbook([row(30)]), '专家.csv');
    expect(wrongName.status).toBe(400);
  });

  it('is for the 专家库’s managers only', async () => {
    expect((await reviewer.get('/api/experts/import-template')).status).toBe(403);
    expect((await importFile(reviewer, await workbook([row(40)]))).status).toBe(403);
  });
});
