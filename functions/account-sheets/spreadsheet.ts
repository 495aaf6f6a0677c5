/**
 * The account spreadsheet of the seed ("各监管部门可以下载以下表格，收集并填写本单位需要开通的人员账号"):
 * the template we hand out and the reading of a filled-in copy, with ExcelJS.
 *
 * Sheet 「账号」: the header row 手机号码 · 姓名 · 部门 · 行政区划代码 · 物品类别 · 角色, then one person per row
 * (row 2 of the template is an example; an unchanged example row is ignored on import). 部门, 物品类别 and
 * 角色 are written in Chinese, as the 说明 sheet lists them; several categories or roles are separated by
 * 、 , ， ; or spaces. Sheet 「说明」: how to fill it in, and every valid department (with the categories it
 * takes part in), category, role and region code.
 */
import type ExcelJS from 'exceljs';
import { IMPORT_COLUMNS, IMPORT_MAX_ROWS, type ImportColumn } from '../../shared/api/accounts';
import type { FieldIssue } from '../../shared/api/errors';
import { CATEGORIES, categoriesOfDepartment, category } from '../../shared/reference/categories';
import { DEPARTMENTS } from '../../shared/reference/departments';
import { CITIES, COUNTIES, PROVINCE } from '../../shared/reference/regions';
import { ROLES } from '../../shared/reference/roles';
import { badRequest } from '../lib/http/errors';
import { loadExcel, readSheet, SheetError, type SheetRow as GenericSheetRow } from '../lib/spreadsheet';

export const TEMPLATE_FILENAME = '监管人员账号导入模板.xlsx';
export { XLSX_CONTENT_TYPE, zipProblem } from '../lib/spreadsheet';
export const ACCOUNTS_SHEET = '账号';
export const NOTES_SHEET = '说明';

/** The template's example row; left in a file unchanged, it is skipped rather than imported. */
export const EXAMPLE_ROW: Record<ImportColumn, string> = {
  手机号码: '13800000000',
  姓名: '张三（示例，请删除本行）',
  部门: '安监',
  行政区划代码: '3505',
  物品类别: '危险化学品、烟花爆竹',
  角色: '检查人员',
};

const COLUMN_WIDTH: Record<ImportColumn, number> = {
  手机号码: 16,
  姓名: 24,
  部门: 14,
  行政区划代码: 14,
  物品类别: 36,
  角色: 24,
};

const SEPARATORS = /[、,，;；\s/／|]+/;

/** Build the template workbook: 「账号」 with the header and example row, 「说明」 with every valid value. */
export async function buildTemplate(): Promise<Buffer> {
  const wb = new (await loadExcel()).Workbook();
  wb.creator = '福建省危险物品“一体化”安全监管信息平台';
  const sheet = wb.addWorksheet(ACCOUNTS_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = IMPORT_COLUMNS.map((c) => ({
    header: c,
    key: c,
    width: COLUMN_WIDTH[c],
    // Text, so Excel keeps 13800000000 and 3505 as typed instead of turning them into numbers.
    style: c === '手机号码' || c === '行政区划代码' ? { numFmt: '@' } : {},
  }));
  sheet.getRow(1).font = { bold: true };
  sheet.addRow(IMPORT_COLUMNS.map((c) => EXAMPLE_ROW[c]));
  sheet.getRow(2).font = { color: { argb: 'FF808080' }, italic: true };

  const notes = wb.addWorksheet(NOTES_SHEET);
  notes.columns = [{ width: 16 }, { width: 34 }, { width: 70 }];
  const line = (...cells: string[]) => notes.addRow(cells);
  const heading = (text: string) => {
    notes.addRow([]);
    notes.addRow([text]).font = { bold: true };
  };
  notes.addRow(['监管人员账号导入说明']).font = { bold: true, size: 14 };
  for (const text of [
    '1. 在「账号」工作表中每行填写一名需要开通账号的监管人员；第 2 行为示例，导入前请删除或覆盖。',
    '2. 手机号码即登录账号；导入后在「开通通知」中给出每个账号的一次性密码（只给一次，72 小时内有效），首次登录时必须修改。',
    '3. 部门、物品类别、角色请按下表填写中文名称；多个物品类别或角色之间用顿号（、）或逗号分隔。',
    '4. 物品类别须为该部门参与监管的类别（系统管理员、安全管理员、审计管理员除外）。',
    '5. 系统管理员、安全管理员、审计管理员须由不同的人担任（三员分立），一个账号只能授予其中一个。',
    '6. 行政区划代码：省直填 35，设区市填 4 位代码（如泉州 3505），县（市、区）填 6 位代码（如晋江 350582）。',
    `7. 每个文件最多 ${IMPORT_MAX_ROWS} 行、不超过 2 MB。任何一行有误时不会导入任何账号，请按提示修改后重新导入。`,
    '8. 同一文件可重复导入：已开通的账号不会重复开通。',
  ]) {
    line(text);
  }
  heading('部门（填写「简称」或「全称」）');
  line('简称', '全称', '参与监管的物品类别');
  const firstDept = notes.rowCount + 1;
  for (const d of DEPARTMENTS) {
    line(
      d.short,
      d.name,
      categoriesOfDepartment(d.code)
        .map((c) => category(c).name)
        .join('、'),
    );
  }
  heading('物品类别');
  line('名称', '牵头单位');
  for (const c of CATEGORIES) line(c.name, DEPARTMENTS.find((d) => d.code === c.lead)!.short);
  heading('角色');
  line('名称', '说明');
  for (const r of ROLES) {
    line(
      r.name,
      r.separated ? '三员之一，需绑定动态口令' : r.admin ? '管理本部门本辖区的账号，需绑定动态口令' : '业务人员',
    );
  }
  heading('行政区划代码');
  line('代码', '名称');
  line(PROVINCE.code, `${PROVINCE.name}（省直）`);
  for (const c of CITIES) line(c.code, c.fullName);
  for (const c of COUNTIES) line(c.code, c.fullName);

  // The 部门 column offers the short names as a drop-down (the 说明 sheet's department table), as one
  // range: ExcelJS's per-cell validations get merged into overlapping ranges, which Excel "repairs".
  (
    sheet as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }
  ).dataValidations.add(`C2:C${IMPORT_MAX_ROWS + 1}`, {
    type: 'list',
    allowBlank: true,
    formulae: [`'${NOTES_SHEET}'!$A$${firstDept}:$A$${firstDept + DEPARTMENTS.length - 1}`],
    showErrorMessage: false,
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** One data row of the 账号 sheet. */
export type SheetRow = GenericSheetRow<ImportColumn>;

const fileError = (message: string) => badRequest(message, [{ path: 'body.contentBase64', message }]);

/**
 * The data rows of the 账号 sheet (or of the first sheet whose first row has the headers). Empty rows and
 * an unchanged example row are skipped. 400 when the file can't be read or lacks a column.
 */
export async function readRows(content: Buffer): Promise<SheetRow[]> {
  try {
    return await readSheet(content, {
      sheetName: ACCOUNTS_SHEET,
      keyColumn: '手机号码',
      columns: IMPORT_COLUMNS,
      required: IMPORT_COLUMNS,
      maxRows: IMPORT_MAX_ROWS,
      skip: (cells) => IMPORT_COLUMNS.every((c) => cells[c] === EXAMPLE_ROW[c]),
      messages: {
        unreadable: '无法读取该文件，请使用下载的导入模板（.xlsx）填写后再导入',
        noSheet: '文件中没有找到账号表：第 1 行应为列名（手机号码、姓名、部门、行政区划代码、物品类别、角色）',
        missing: (columns) => `账号表缺少列：${columns.join('、')}（请使用下载的导入模板）`,
        tooMany: `每个文件最多 ${IMPORT_MAX_ROWS} 行，请拆分后分批导入`,
        empty: '账号表中没有需要导入的人员，请从第 2 行开始填写',
      },
    });
  } catch (err) {
    if (err instanceof SheetError) throw fileError(err.message);
    throw err;
  }
}

const byWord = <T>(entries: readonly (readonly [string, T])[]) => {
  const m = new Map<string, T>();
  for (const [word, value] of entries) m.set(word.replace(/\s+/g, '').toLowerCase(), value);
  return (word: string): T | undefined => m.get(word.replace(/\s+/g, '').toLowerCase());
};

export const departmentByWord = byWord(
  DEPARTMENTS.flatMap((d) =>
    [d.code, d.short, d.name, d.display, `${d.short}部门`, ...d.aliases].map((w) => [w, d.code] as const),
  ),
);
export const categoryByWord = byWord(
  CATEGORIES.flatMap((c) => [c.code, c.name, c.entryName].map((w) => [w, c.code] as const)),
);
export const roleByWord = byWord(ROLES.flatMap((r) => [r.code, r.name].map((w) => [w, r.code] as const)));

/** '350500' → '3505', '350000' → '35': the 6-digit padded form people copy from elsewhere. */
export function normaliseRegionCode(s: string): string {
  const t = s.replace(/\s+/g, '');
  if (!/^35\d{4}$/.test(t)) return t;
  if (t.endsWith('0000')) return t.slice(0, 2);
  return t.endsWith('00') ? t.slice(0, 4) : t;
}

export interface MappedRow {
  row: number;
  mobile: string;
  name: string;
  department: string;
  regionCode: string;
  categories: string[];
  roles: string[];
}

const listOf = (s: string) => s.split(SEPARATORS).filter(Boolean);

/** Chinese words → codes. Words we don't know become row errors (`rows[N].列名`). */
export function mapRow(r: SheetRow): { mapped?: MappedRow; issues: FieldIssue[] } {
  const issues: FieldIssue[] = [];
  const at = (column: ImportColumn, message: string) => issues.push({ path: `rows[${r.row}].${column}`, message });
  const c = r.cells;
  let dept = '';
  if (!c.部门) at('部门', '请填写部门');
  else {
    const code = departmentByWord(c.部门);
    if (code) dept = code;
    else at('部门', `部门「${c.部门}」不正确，请填写说明页所列的部门简称，如：安监、公安`);
  }
  const categories: string[] = [];
  if (!c.物品类别) at('物品类别', '请填写物品类别');
  for (const word of listOf(c.物品类别)) {
    const code = categoryByWord(word);
    if (code) categories.push(code);
    else at('物品类别', `物品类别「${word}」不正确，可选：${CATEGORIES.map((k) => k.name).join('、')}`);
  }
  const roles: string[] = [];
  if (!c.角色) at('角色', '请填写角色');
  for (const word of listOf(c.角色)) {
    const code = roleByWord(word);
    if (code) roles.push(code);
    else at('角色', `角色「${word}」不正确，可选：${ROLES.map((k) => k.name).join('、')}`);
  }
  if (issues.length) return { issues };
  return {
    issues,
    mapped: {
      row: r.row,
      mobile: c.手机号码.replace(/[\s-]+/g, ''),
      name: c.姓名,
      department: dept,
      regionCode: normaliseRegionCode(c.行政区划代码),
      categories,
      roles,
    },
  };
}
