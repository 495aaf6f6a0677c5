import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildTemplate, EXAMPLE_ROW, readRows } from '../../functions/account-sheets/spreadsheet';
import { AppError } from '../../functions/lib/http/errors';
import { IMPORT_COLUMNS } from '../../shared/api/accounts';
import { CATEGORIES } from '../../shared/reference/categories';
import { DEPARTMENTS } from '../../shared/reference/departments';
import { ROLES } from '../../shared/reference/roles';

/** The import template, read back as Excel would show it, and a filled-in copy read by the importer. */
describe('the account import template', () => {
  let template: Buffer;
  let wb: ExcelJS.Workbook;
  beforeAll(async () => {
    template = await buildTemplate();
    wb = new ExcelJS.Workbook();
    await wb.xlsx.load(template as never);
  });

  const texts = (ws: ExcelJS.Worksheet, col: number) => {
    const out: string[] = [];
    ws.eachRow((row) => out.push(String(row.getCell(col).value ?? '')));
    return out;
  };

  it('has the 账号 sheet with the six columns and an example row, and a 说明 sheet', () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual(['账号', '说明']);
    const sheet = wb.getWorksheet('账号')!;
    expect(IMPORT_COLUMNS.map((_, i) => sheet.getRow(1).getCell(i + 1).value)).toEqual([
      '手机号码',
      '姓名',
      '部门',
      '行政区划代码',
      '物品类别',
      '角色',
    ]);
    expect(IMPORT_COLUMNS.map((c, i) => sheet.getRow(2).getCell(i + 1).value)).toEqual(
      IMPORT_COLUMNS.map((c) => EXAMPLE_ROW[c]),
    );
    // Mobile and region code columns are text, so Excel keeps what is typed.
    expect(sheet.getCell('A3').numFmt).toBe('@');
    expect(template.length).toBeLessThan(200_000);
  });

  it('lists every department (with its categories), category, role and region code in Chinese', () => {
    const notes = wb.getWorksheet('说明')!;
    const first = texts(notes, 1);
    const second = texts(notes, 2);
    const third = texts(notes, 3);
    for (const d of DEPARTMENTS) {
      expect(first).toContain(d.short);
      expect(second).toContain(d.name);
    }
    expect(third).toContain('危险化学品、放射性物品'); // 卫计
    for (const c of CATEGORIES) expect(first).toContain(c.name);
    for (const r of ROLES) expect(first).toContain(r.name);
    expect(first).toContain('350582');
    expect(second).toContain('福建省泉州市晋江市');
  });

  it('offers the departments as a drop-down pointing at the 说明 sheet’s department column', () => {
    const sheet = wb.getWorksheet('账号')!;
    const v =
      sheet.getCell('C2').dataValidation ??
      (sheet as never as { dataValidations: { model: Record<string, ExcelJS.DataValidation> } }).dataValidations.model[
        'C2:C1001'
      ]!;
    expect(v.type).toBe('list');
    const m = /^'说明'!\$A\$(\d+):\$A\$(\d+)$/.exec(String(v.formulae[0]))!;
    const notes = wb.getWorksheet('说明')!;
    const listed = [];
    for (let r = Number(m[1]); r <= Number(m[2]); r++) listed.push(notes.getCell(r, 1).value);
    expect(listed).toEqual(DEPARTMENTS.map((d) => d.short));
  });

  it('ignores the unchanged example row, so the untouched template imports nobody', async () => {
    const err = await readRows(template).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).message).toBe('账号表中没有需要导入的人员，请从第 2 行开始填写');
  });

  it('reads a filled-in copy: numbers typed as numbers, rows numbered as Excel shows them', async () => {
    const sheet = wb.getWorksheet('账号')!;
    sheet.getRow(3).values = [13905951234, '林志明', '公安', 350582, '枪支弹药、民爆物品', '检查人员'];
    sheet.getRow(5).values = ['13905951235', '陈静', '安监', '3505', '危险化学品', '审核人员'];
    const rows = await readRows(Buffer.from(await wb.xlsx.writeBuffer()));
    expect(rows).toEqual([
      {
        row: 3,
        cells: {
          手机号码: '13905951234',
          姓名: '林志明',
          部门: '公安',
          行政区划代码: '350582',
          物品类别: '枪支弹药、民爆物品',
          角色: '检查人员',
        },
      },
      {
        row: 5,
        cells: {
          手机号码: '13905951235',
          姓名: '陈静',
          部门: '安监',
          行政区划代码: '3505',
          物品类别: '危险化学品',
          角色: '审核人员',
        },
      },
    ]);
  });
});
