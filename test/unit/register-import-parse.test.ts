import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import {
  checkRow,
  checkRows,
  EXAMPLE_ROW,
  isoDateOf,
  OUT_OF_SCOPE,
  readRegisterSheet,
  regionCodeOf,
  segmentsOfText,
  type ImportRow,
} from '../../functions/imports/parse';
import { buildReport, buildTemplate } from '../../functions/imports/template';
import { SheetError } from '../../functions/lib/spreadsheet';
import { REGISTER_IMPORT_COLUMNS, type RegisterImportColumn } from '../../shared/api/imports';
import { CATEGORIES } from '../../shared/reference/categories';
import { ENTERPRISE_UNIT_TYPES, REGISTRATION_STATUSES } from '../../shared/reference/enterprise-options';
import { ALL_SEGMENTS } from '../../shared/reference/segments';
import { registrationNoCheckDigit } from '../../shared/validation/registration-no';
import { orgCodeCheckChar, usccCheckChar } from '../../shared/validation/uscc';

/** A valid 统一社会信用代码 registered in `region6` with body `body8` (8 characters). */
const uscc = (region6: string, body8: string) => {
  const f17 = `91${region6}${body8}${orgCodeCheckChar(body8)}`;
  return f17 + usccCheckChar(f17);
};

const blank = Object.fromEntries(REGISTER_IMPORT_COLUMNS.map((c) => [c, ''])) as Record<RegisterImportColumn, string>;
const row = (n: number, cells: Partial<Record<RegisterImportColumn, string>>): ImportRow => ({
  row: n,
  cells: { ...blank, ...cells },
});
const good = (n: number, over: Partial<Record<RegisterImportColumn, string>> = {}) =>
  row(n, {
    单位名称: '泉州市丰泽化工贸易有限公司',
    行政区划: '福建省泉州市丰泽区',
    单位类型: '有限责任公司',
    登记状态: '在管(开业)企业',
    统一社会信用代码: uscc('350503', '12345678'),
    '注册资本(万人民币)': '500',
    '法定代表人(责任人)': '李明',
    联系电话: '0595-22345678',
    注册时间: '2015-06-01',
    '(住所)营业场所': '泉州市丰泽区东海街道1号',
    从业环节: '危险化学品-经营；危险化学品-储存',
    ...over,
  });

async function workbook(rows: (string | number | Date)[][], headers: readonly string[] = REGISTER_IMPORT_COLUMNS) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('企业清单');
  ws.addRow([...headers]);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('reading the words of a 清单 row', () => {
  it('takes a region as a full name, a name without the province, a unique county name or a code', () => {
    expect(regionCodeOf('福建省泉州市丰泽区')).toBe('350503');
    expect(regionCodeOf('泉州市丰泽区')).toBe('350503');
    expect(regionCodeOf('丰泽区')).toBe('350503');
    expect(regionCodeOf('350503')).toBe('350503');
    expect(regionCodeOf('350500')).toBe('3505');
    expect(regionCodeOf('福建省泉州市')).toBe('3505');
    expect(regionCodeOf('火星市')).toBeUndefined();
    expect(regionCodeOf('110105')).toBeUndefined();
  });

  it('takes dates as 2017-09-18, 2017/9/18, 2017年9月18日 and Excel day numbers, and refuses 2月30日', () => {
    expect(isoDateOf('2017-09-18')).toBe('2017-09-18');
    expect(isoDateOf('2017/9/8')).toBe('2017-09-08');
    expect(isoDateOf('2017年9月18日')).toBe('2017-09-18');
    expect(isoDateOf('42996')).toBe('2017-09-18');
    expect(isoDateOf('2017-02-30')).toBeUndefined();
    expect(isoDateOf('去年')).toBeUndefined();
  });

  it('reads 从业环节 as 物品类别-环节 pairs, by name, and says what is wrong with the others', () => {
    expect(segmentsOfText('民爆物品-生产；民爆物品-销售').segments).toEqual([
      { category: 'explosives', segment: 'production' },
      { category: 'explosives', segment: 'sales' },
    ]);
    expect(segmentsOfText('散装油-加油站').segments).toEqual([
      { category: 'bulk-gasoline', segment: 'filling-station' },
    ]);
    const bad = segmentsOfText('民爆物品-批发；化肥-生产；生产');
    expect(bad.segments).toEqual([]);
    expect(bad.errors[0]).toContain('民爆物品的环节有「民爆物品-生产」');
    expect(bad.errors[1]).toContain('物品类别「化肥」不正确');
    expect(bad.errors[2]).toContain('格式不正确');
  });
});

describe('checking a row', () => {
  it('maps a good row to the register’s codes, with its licence named after the first segment', () => {
    const r = checkRow(
      good(2, {
        许可证编号: '闽泉危化经字〔2016〕000123',
        发证机关: '泉州市应急管理局',
        有效起始日期: '2016-04-01',
        有效截止日期: '2019-03-31',
        经营期限至: '长期',
      }),
      '35',
    );
    expect(r.errors).toEqual([]);
    expect(r.entry!.enterprise).toMatchObject({
      regionCode: '350503',
      unitType: 'limited-liability',
      registrationStatus: 'in-business',
      registeredCapital: 500,
      registeredOn: '2015-06-01',
      segments: [
        { category: 'hazchem', segment: 'business' },
        { category: 'hazchem', segment: 'storage' },
      ],
    });
    expect(r.entry!.enterprise.businessTermTo).toBeUndefined();
    expect(r.entry!.licence).toMatchObject({
      category: 'hazchem',
      segment: 'business',
      licenceName: '危险化学品经营许可证',
      validTo: '2019-03-31',
    });
  });

  it('collects every problem of a row, in Chinese', () => {
    const r = checkRow(
      good(3, {
        单位名称: '',
        行政区划: '火星市',
        单位类型: '皮包公司',
        统一社会信用代码: uscc('350503', '12345678').slice(0, 17) + 'X',
        注册时间: '2015-02-30',
        从业环节: '危险化学品-批发',
        有效截止日期: '2020-01-01',
      }),
      '35',
    );
    expect(r.entry).toBeUndefined();
    expect(r.errors).toEqual(
      expect.arrayContaining([
        '请填写单位名称',
        expect.stringContaining('行政区划「火星市」不正确'),
        expect.stringContaining('单位类型「皮包公司」不正确'),
        '统一社会信用代码校验位（第18位）错误，请核对',
        '注册时间「2015-02-30」不是有效日期，格式如2017-09-18',
        expect.stringContaining('从业环节「危险化学品-批发」不正确'),
      ]),
    );
    // A message per problem, none twice (no 请选择行政区划 on top of the region's own message).
    expect(new Set(r.errors).size).toBe(r.errors.length);
    expect(r.errors.some((m) => m === '请选择行政区划')).toBe(false);
  });

  it('asks for a code, and for the whole licence once any of its columns is filled', () => {
    const r = checkRow(good(4, { 统一社会信用代码: '', 发证机关: '泉州市应急管理局' }), '35');
    expect(r.errors).toEqual(
      expect.arrayContaining([
        '请填写统一社会信用代码；尚未三证合一的单位请填写注册号',
        '填写了许可证信息时，请填写许可证编号',
      ]),
    );
  });

  it('refuses rows outside a 部门管理员’s jurisdiction', () => {
    expect(checkRow(good(5), '3505').errors).toEqual([]);
    expect(checkRow(good(6, { 行政区划: '福建省福州市鼓楼区' }), '3505').errors).toEqual([OUT_OF_SCOPE]);
  });

  it('refuses the second occurrence of a code in the file, naming the first row', () => {
    const code = uscc('350503', '87654321');
    const regNo = `35050310002864${registrationNoCheckDigit('35050310002864')}`;
    const rows = checkRows(
      [
        good(2, { 统一社会信用代码: code }),
        good(3),
        good(4, { 统一社会信用代码: code.toLowerCase() }),
        good(5, { 统一社会信用代码: '', 注册号: regNo }),
        good(6, { 统一社会信用代码: '', 注册号: regNo }),
      ],
      '35',
    );
    expect(rows.map((r) => Boolean(r.entry))).toEqual([true, true, false, true, false]);
    expect(rows[2]!.errors).toContain('与第 2 行的统一社会信用代码重复');
    expect(rows[4]!.errors).toContain('与第 5 行的注册号重复');
  });
});

describe('the 清单 file', () => {
  it('reads Excel dates and text codes, skips the example and empty rows', async () => {
    const cells = good(0).cells;
    const buf = await workbook([
      REGISTER_IMPORT_COLUMNS.map((c) => EXAMPLE_ROW[c]),
      REGISTER_IMPORT_COLUMNS.map((c) => (c === '注册时间' ? new Date(Date.UTC(2015, 5, 1)) : cells[c])),
      [],
      REGISTER_IMPORT_COLUMNS.map((c) => (c === '注册资本(万人民币)' ? 500 : cells[c])),
    ]);
    const rows = await readRegisterSheet(buf);
    expect(rows.map((r) => r.row)).toEqual([3, 5]);
    expect(rows[0]!.cells.注册时间).toBe('2015-06-01');
    expect(rows[1]!.cells['注册资本(万人民币)']).toBe('500');
  });

  it('takes a sheet without the licence columns, and refuses one without an enterprise column or not a workbook', async () => {
    const enterpriseOnly = REGISTER_IMPORT_COLUMNS.slice(0, 17);
    const rows = await readRegisterSheet(await workbook([enterpriseOnly.map((c) => good(0).cells[c])], enterpriseOnly));
    expect(rows).toHaveLength(1);
    await expect(readRegisterSheet(await workbook([['x']], enterpriseOnly.slice(0, 16)))).rejects.toThrow(
      '清单缺少列：从业环节',
    );
    await expect(readRegisterSheet(Buffer.from('not a workbook at all'))).rejects.toBeInstanceOf(SheetError);
  });
});

describe('the template and the report', () => {
  it('has the 企业清单 sheet whose example row is valid but skipped, and a 填写说明 with every allowed value', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await buildTemplate()) as never);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['企业清单', '填写说明']);
    const sheet = wb.getWorksheet('企业清单')!;
    expect(REGISTER_IMPORT_COLUMNS.map((_, i) => sheet.getRow(1).getCell(i + 1).value)).toEqual([
      ...REGISTER_IMPORT_COLUMNS,
    ]);
    // The example would import cleanly if it were not the example.
    expect(checkRow({ row: 2, cells: EXAMPLE_ROW }, '35').errors).toEqual([]);
    const notes: string[] = [];
    wb.getWorksheet('填写说明')!.eachRow((r) => notes.push(String(r.getCell(1).value ?? '')));
    for (const t of ENTERPRISE_UNIT_TYPES) expect(notes).toContain(t.name);
    for (const s of REGISTRATION_STATUSES) expect(notes).toContain(s.name);
    for (const s of ALL_SEGMENTS) {
      expect(notes).toContain(`${CATEGORIES.find((c) => c.code === s.category)!.name}-${s.name}`);
    }
    expect(notes).toContain('福建省泉州市丰泽区');
  });

  it('lists each row not imported with its values and 错误原因, and the rows already on the register', async () => {
    const bad = checkRow(good(7, { 注册时间: '明天' }), '35');
    const dup = good(9);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await buildReport([bad], [dup])) as never);
    const report = wb.getWorksheet('错误报告')!;
    expect(report.getRow(1).getCell(1).value).toBe('行号');
    expect(report.getRow(1).getCell(REGISTER_IMPORT_COLUMNS.length + 2).value).toBe('错误原因');
    expect(report.getRow(2).getCell(1).value).toBe(7);
    expect(report.getRow(2).getCell(2).value).toBe('泉州市丰泽化工贸易有限公司');
    expect(report.getRow(2).getCell(REGISTER_IMPORT_COLUMNS.length + 2).value).toBe(
      '注册时间「明天」不是有效日期，格式如2017-09-18',
    );
    expect(wb.getWorksheet('未重复导入')!.getRow(2).getCell(1).value).toBe(9);
  });
});
