/**
 * 导出清单模板: the workbook a department fills in with the units it supervises (the seed's 6,000+ units,
 * gathered from 20+ systems), and the error report handed back after an import.
 *
 * Sheet 「企业清单」: the header row (the 新增企业 form's words), an example row (skipped on import if left
 * unchanged), text format on the code columns so Excel keeps 注册号 and 统一社会信用代码 as typed, date format
 * on the date columns, drop-downs for 单位类型 and 登记状态. Sheet 「填写说明」: how to fill it in and every
 * allowed value — 单位类型, 登记状态, 从业环节 (with the licence each one's 许可证 columns describe), 行政区划.
 */
import type ExcelJS from 'exceljs';
import {
  REGISTER_IMPORT_COLUMNS,
  REGISTER_IMPORT_MAX_FILE_BYTES,
  REGISTER_IMPORT_MAX_ROWS,
  type RegisterImportColumn,
} from '../../shared/api/imports';
import { CATEGORIES } from '../../shared/reference/categories';
import { ENTERPRISE_UNIT_TYPES, REGISTRATION_STATUSES } from '../../shared/reference/enterprise-options';
import { CITIES, COUNTIES } from '../../shared/reference/regions';
import { segmentsOf } from '../../shared/reference/segments';
import { loadExcel } from '../lib/spreadsheet';
import { ALREADY_ON_REGISTER, EXAMPLE_ROW, NOTES_SHEET, REGISTER_SHEET, type CheckedRow } from './parse';

export const TEMPLATE_FILENAME = '企业信息导入清单模板.xlsx';
export const REPORT_SHEET = '错误报告';
export const DUPLICATES_SHEET = '未重复导入';

const TEXT_COLUMNS = new Set<RegisterImportColumn>([
  '行政区划',
  '注册号',
  '统一社会信用代码',
  '联系电话',
  '许可证编号',
]);
const DATE_COLUMNS = new Set<RegisterImportColumn>([
  '注册时间',
  '核准日期',
  '经营期限自',
  '有效起始日期',
  '有效截止日期',
]);
const WIDE = new Set<RegisterImportColumn>(['单位名称', '(住所)营业场所', '经营范围', '从业环节', '登记机关']);

const widthOf = (c: RegisterImportColumn) => (WIDE.has(c) ? 36 : TEXT_COLUMNS.has(c) ? 22 : 16);
const letter = (n: number) => String.fromCharCode(64 + n);

const newWorkbook = async () => {
  const wb = new (await loadExcel()).Workbook();
  wb.creator = '福建省危险物品“一体化”安全监管信息平台';
  return wb;
};

/** Build the template: 「企业清单」 with the header and example row, 「填写说明」 with every allowed value. */
export async function buildTemplate(): Promise<Buffer> {
  const wb = await newWorkbook();
  const sheet = wb.addWorksheet(REGISTER_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = REGISTER_IMPORT_COLUMNS.map((c) => ({
    header: c,
    key: c,
    width: widthOf(c),
    style: TEXT_COLUMNS.has(c) ? { numFmt: '@' } : DATE_COLUMNS.has(c) ? { numFmt: 'yyyy-mm-dd' } : {},
  }));
  sheet.getRow(1).font = { bold: true };
  sheet.addRow(REGISTER_IMPORT_COLUMNS.map((c) => EXAMPLE_ROW[c]));
  sheet.getRow(2).font = { color: { argb: 'FF808080' }, italic: true };

  const notes = wb.addWorksheet(NOTES_SHEET);
  notes.columns = [{ width: 30 }, { width: 40 }, { width: 50 }];
  const line = (...cells: string[]) => notes.addRow(cells);
  const heading = (text: string) => {
    notes.addRow([]);
    notes.addRow([text]).font = { bold: true };
  };
  notes.addRow(['企业信息导入清单填写说明']).font = { bold: true, size: 14 };
  for (const text of [
    `1. 在「${REGISTER_SHEET}」工作表中每行填写一家从业单位；第 2 行为示例，导入前请删除或覆盖。`,
    '2. 单位名称、行政区划、单位类型、登记状态、法定代表人(责任人)、(住所)营业场所、从业环节必填；统一社会信用代码与注册号至少填写一项（尚未三证合一的单位填写注册号）。',
    '3. 行政区划填写名称（如“福建省泉州市丰泽区”）或 6 位行政区划代码（如 350503），须到设区市或县（市、区）。',
    '4. 单位类型、登记状态请按下表填写名称。',
    '5. 从业环节写作“物品类别-环节”，多个环节之间用中文分号（；）分隔，如：民爆物品-生产；民爆物品-销售。',
    '6. 日期可用 Excel 日期格式，或写作 2017-09-18；经营期限至为“长期”时可填写“长期”或留空。',
    '7. 许可证编号、发证机关、有效起始日期、有效截止日期为第一个从业环节的许可证（证书名称见下表），可不填；填写时四项均须填写。',
    '8. 注册资本以万人民币为单位，只填数字。',
    `9. 每个文件最多 ${REGISTER_IMPORT_MAX_ROWS} 行、不超过 ${REGISTER_IMPORT_MAX_FILE_BYTES / 1024 / 1024} MB。有误的行不会导入，其余各行照常导入；导入完成后可下载错误报告，按“错误原因”修改后将这些行重新导入。`,
    '10. 统一社会信用代码已在登记册中的单位不会重复导入；同一文件可重复导入，已导入的单位不会重复新增。',
  ]) {
    line(text);
  }
  heading('单位类型');
  const firstUnitType = notes.rowCount + 1;
  for (const t of ENTERPRISE_UNIT_TYPES) line(t.name);
  heading('登记状态');
  const firstStatus = notes.rowCount + 1;
  for (const s of REGISTRATION_STATUSES) line(s.name);
  heading('从业环节（物品类别-环节）');
  line('填写内容', '许可证名称', '单位类型');
  for (const c of CATEGORIES) {
    for (const s of segmentsOf(c.code)) line(`${c.name}-${s.name}`, s.licenceName, s.unitTypes.join('、'));
  }
  heading('行政区划');
  line('名称', '代码');
  for (const r of [...CITIES, ...COUNTIES].sort((a, b) => a.code.localeCompare(b.code))) line(r.fullName, r.code);

  // Drop-downs from the 说明 sheet's lists, one range per column: ExcelJS's per-cell validations get merged
  // into overlapping ranges, which Excel "repairs".
  const validations = (sheet as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } })
    .dataValidations;
  const listFrom = (column: RegisterImportColumn, first: number, count: number) => {
    const col = letter(REGISTER_IMPORT_COLUMNS.indexOf(column) + 1);
    validations.add(`${col}2:${col}${REGISTER_IMPORT_MAX_ROWS + 1}`, {
      type: 'list',
      allowBlank: true,
      formulae: [`'${NOTES_SHEET}'!$A$${first}:$A$${first + count - 1}`],
      showErrorMessage: false,
    });
  };
  listFrom('单位类型', firstUnitType, ENTERPRISE_UNIT_TYPES.length);
  listFrom('登记状态', firstStatus, REGISTRATION_STATUSES.length);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The report's file name: the imported file's, with 错误报告. */
export function reportFilename(fileName: string): string {
  return `${fileName.replace(/\.xlsx$/i, '')}-错误报告.xlsx`;
}

/**
 * The error report: every row that was not imported with its values and 错误原因 (the row number is the
 * original file's, so a fix goes to the right line), and on a second sheet the rows already on the register.
 */
export async function buildReport(
  failed: readonly Pick<CheckedRow, 'row' | 'cells' | 'errors'>[],
  duplicates: readonly Pick<CheckedRow, 'row' | 'cells'>[],
): Promise<Buffer> {
  const wb = await newWorkbook();
  const sheet = wb.addWorksheet(REPORT_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = [
    { header: '行号', key: '行号', width: 8 },
    ...REGISTER_IMPORT_COLUMNS.map((c) => ({
      header: c,
      key: c,
      width: widthOf(c),
      style: TEXT_COLUMNS.has(c) ? { numFmt: '@' } : {},
    })),
    { header: '错误原因', key: '错误原因', width: 60 },
  ];
  sheet.getRow(1).font = { bold: true };
  for (const r of [...failed].sort((a, b) => a.row - b.row)) {
    const row = sheet.addRow([r.row, ...REGISTER_IMPORT_COLUMNS.map((c) => r.cells[c]), r.errors.join('；')]);
    row.getCell(REGISTER_IMPORT_COLUMNS.length + 2).font = { color: { argb: 'FFC00000' } };
  }
  if (duplicates.length) {
    const dup = wb.addWorksheet(DUPLICATES_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
    dup.columns = [
      { header: '行号', key: '行号', width: 8 },
      { header: '单位名称', key: '单位名称', width: 36 },
      { header: '统一社会信用代码', key: '统一社会信用代码', width: 22 },
      { header: '注册号', key: '注册号', width: 22 },
      { header: '说明', key: '说明', width: 30 },
    ];
    dup.getRow(1).font = { bold: true };
    for (const r of [...duplicates].sort((a, b) => a.row - b.row)) {
      dup.addRow([r.row, r.cells.单位名称, r.cells.统一社会信用代码, r.cells.注册号, ALREADY_ON_REGISTER]);
    }
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
