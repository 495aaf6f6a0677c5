/**
 * Reading the register 清单 and checking every row before anything is written. Pure: no store, no clock.
 *
 * A row is written the way a person reads it — 行政区划 as 福建省泉州市丰泽区 or 350503, 单位类型 and 登记状态
 * by name, 从业环节 as 「民爆物品-生产；民爆物品-销售」, dates as Excel dates or 2017-09-18 — and mapped to the
 * codes the register stores, then checked with the same schemas as the 新增企业 form (`Enterprise`, `Licence`),
 * so an imported unit meets the same rules as one entered by hand. Every problem of a row is collected (not
 * just the first), in Chinese, so one pass over the error report fixes a row.
 */
import {
  REGISTER_IMPORT_COLUMNS,
  REGISTER_IMPORT_MAX_ROWS,
  REGISTER_LICENCE_COLUMNS,
  REGISTER_ENTERPRISE_COLUMNS,
  type RegisterImportColumn,
} from '../../shared/api/imports';
import { Enterprise, Licence } from '../../shared/domain/register';
import { CATEGORIES, type CategoryCode } from '../../shared/reference/categories';
import { ENTERPRISE_UNIT_TYPES, REGISTRATION_STATUSES } from '../../shared/reference/enterprise-options';
import { CITIES, COUNTIES, findRegion, regionPrefixMatches } from '../../shared/reference/regions';
import { findSegment, segmentsOf } from '../../shared/reference/segments';
import { isRealDate } from '../../shared/validation/dates';
import { readSheet, SheetError, type SheetRow, type SheetSpec } from '../lib/spreadsheet';

export const REGISTER_SHEET = '企业清单';
export const NOTES_SHEET = '填写说明';
export const UNREADABLE = '文件无法读取，请使用导出的清单模板';
export const OUT_OF_SCOPE = '行政区划不在您的管辖范围内';
export const ALREADY_ON_REGISTER = '已在登记册中，未重复导入';

export type ImportRow = SheetRow<RegisterImportColumn>;
export type EnterpriseInput = ReturnType<typeof Enterprise.parse>;
export type LicenceInput = ReturnType<typeof Licence.parse>;

/** A valid row, in the register's terms. */
export interface ImportEntry {
  enterprise: EnterpriseInput;
  licence?: LicenceInput;
}

/** A row after the checks: an entry to write, or the reasons it can't be. */
export interface CheckedRow {
  row: number;
  cells: Record<RegisterImportColumn, string>;
  errors: string[];
  entry?: ImportEntry;
}

/** The template's example row (skipped on import when left unchanged). */
export const EXAMPLE_ROW: Record<RegisterImportColumn, string> = {
  单位名称: '泉州市示例化工有限公司（示例，请删除本行）',
  行政区划: '福建省泉州市丰泽区',
  单位类型: '有限责任公司',
  登记状态: '在管(开业)企业',
  注册号: '',
  统一社会信用代码: '91350503MA2XN5KD3W',
  '注册资本(万人民币)': '500',
  '法定代表人(责任人)': '张三',
  联系电话: '0595-22345678',
  注册时间: '2016-03-18',
  核准日期: '2016-03-18',
  经营期限自: '2016-03-18',
  经营期限至: '长期',
  登记机关: '泉州市丰泽区市场监督管理局',
  '(住所)营业场所': '福建省泉州市丰泽区东海街道示例路1号',
  经营范围: '危险化学品批发（不带储存设施）',
  从业环节: '危险化学品-经营；危险化学品-储存',
  许可证编号: '闽泉危化经字〔2016〕000001',
  发证机关: '泉州市应急管理局',
  有效起始日期: '2025-04-01',
  有效截止日期: '2028-03-31',
};

const REGISTER_SHEET_SPEC: SheetSpec<RegisterImportColumn> = {
  sheetName: REGISTER_SHEET,
  keyColumn: '单位名称',
  columns: REGISTER_IMPORT_COLUMNS,
  required: REGISTER_ENTERPRISE_COLUMNS,
  maxRows: REGISTER_IMPORT_MAX_ROWS,
  skip: (cells) => REGISTER_IMPORT_COLUMNS.every((c) => cells[c] === EXAMPLE_ROW[c]),
  messages: {
    unreadable: UNREADABLE,
    noSheet: `${UNREADABLE}：第 1 行应为列名（单位名称、行政区划、单位类型 …）`,
    missing: (columns) => `清单缺少列：${columns.join('、')}（请使用导出的清单模板）`,
    tooMany: `每个文件最多 ${REGISTER_IMPORT_MAX_ROWS} 行，请拆分后分批导入`,
    empty: '清单中没有需要导入的单位，请从第 2 行开始填写',
  },
};

/** Read the 清单's data rows; `SheetError` (a Chinese message) when the file can't be used at all. */
export async function readRegisterSheet(content: Buffer): Promise<ImportRow[]> {
  try {
    return await readSheet(content, REGISTER_SHEET_SPEC);
  } catch (err) {
    // Not a workbook at all (a renamed file, a truncated upload): the person's answer is the template.
    if (err instanceof SheetError && err.message.startsWith('文件不是有效的 .xlsx 文件'))
      throw new SheetError(UNREADABLE);
    throw err;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Words → codes

const norm = (s: string) => s.replace(/\s+/g, '').replace(/（/g, '(').replace(/）/g, ')');

const lookup = <T>(entries: readonly (readonly [string, T])[]) => {
  const m = new Map<string, T>();
  for (const [w, v] of entries) m.set(norm(w).toLowerCase(), v);
  return (w: string): T | undefined => m.get(norm(w).toLowerCase());
};

const unitTypeByWord = lookup(ENTERPRISE_UNIT_TYPES.flatMap((t) => [[t.name, t.code] as const, [t.code, t.code]]));
const statusByWord = lookup([
  ...REGISTRATION_STATUSES.flatMap((s) => [[s.name, s.code] as const, [s.code, s.code] as const]),
  // How the old systems wrote the first one.
  ['在管', 'in-business'],
  ['开业', 'in-business'],
  ['在管企业', 'in-business'],
  ['在业', 'in-business'],
  ['存续', 'in-business'],
] as const);
const categoryByWord = lookup(
  CATEGORIES.flatMap((c) => [[c.name, c.code] as const, [c.entryName, c.code] as const, [c.code, c.code] as const]),
);

/** Region names that identify one unit: full names, without 福建省, and bare names that only one unit has. */
const regionByName = (() => {
  const units = [...CITIES, ...COUNTIES];
  const counts = new Map<string, number>();
  for (const r of units) counts.set(r.name, (counts.get(r.name) ?? 0) + 1);
  return lookup(
    units.flatMap((r) => [
      [r.fullName, r.code] as const,
      [r.fullName.replace(/^福建省/, ''), r.code] as const,
      ...(counts.get(r.name) === 1 ? [[r.name, r.code] as const] : []),
    ]),
  );
})();

/** '350503' / '350500' / '3505' / a name → the register's code ('350503', '3505'); undefined if unknown. */
export function regionCodeOf(word: string): string | undefined {
  const t = norm(word);
  if (/^\d+$/.test(t)) {
    const code = /^35\d{4}$/.test(t) ? t.replace(/(00)+$/, '') : t;
    return findRegion(code) ? code : undefined;
  }
  return regionByName(t);
}

/** Excel's day 0 is 1899-12-30 (its 1900 leap-year bug included); serials between 1950 and 2150. */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const isSerial = (n: number) => Number.isInteger(n) && n >= 18_264 && n <= 91_311;

/** '2017-09-18', '2017/9/18', '2017.9.18', '2017年9月18日' or an Excel day number → ISO date; undefined if none. */
export function isoDateOf(text: string): string | undefined {
  const t = norm(text);
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(t);
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    return isRealDate(y, mo, d) ? `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}` : undefined;
  }
  if (/^\d{5}$/.test(t) && isSerial(Number(t))) {
    return new Date(EXCEL_EPOCH_MS + Number(t) * 86_400_000).toISOString().slice(0, 10);
  }
  return undefined;
}

/** 经营期限至 of a unit without an end date. */
const OPEN_ENDED = new Set(['长期', '永久', '无固定期限', '长期有效']);

const SEGMENT_SEPARATORS = /[；;、,，\n]+/;
const PAIR_SEPARATOR = /\s*[-－—–·•/／:：]\s*/;

/** 「民爆物品-生产；民爆物品-销售」 → the pairs, and a message for each item that is not one. */
export function segmentsOfText(text: string): {
  segments: { category: CategoryCode; segment: string }[];
  errors: string[];
} {
  const segments: { category: CategoryCode; segment: string }[] = [];
  const errors: string[] = [];
  for (const item of text
    .split(SEGMENT_SEPARATORS)
    .map((s) => s.trim())
    .filter(Boolean)) {
    const parts = item.split(PAIR_SEPARATOR);
    if (parts.length !== 2 || !parts[0] || !parts[1]) {
      errors.push(`从业环节「${item}」格式不正确，应为“物品类别-环节”，如：民爆物品-生产`);
      continue;
    }
    const category = categoryByWord(parts[0]);
    if (!category) {
      errors.push(
        `从业环节「${item}」的物品类别「${parts[0]}」不正确，可选：${CATEGORIES.map((c) => c.name).join('、')}`,
      );
      continue;
    }
    const choices = segmentsOf(category);
    const seg = choices.find((s) => s.name === norm(parts[1]!) || s.code === parts[1]);
    if (!seg) {
      const name = CATEGORIES.find((c) => c.code === category)!.name;
      errors.push(
        `从业环节「${item}」不正确：${name}的环节有${choices.map((s) => `「${name}-${s.name}」`).join('、')}`,
      );
      continue;
    }
    segments.push({ category, segment: seg.code });
  }
  return { segments, errors };
}

// ---------------------------------------------------------------------------------------------------------------
// One row

/** The form field each column fills (schema issues on a field whose column already has a message are dropped). */
const FIELD_OF: Partial<Record<RegisterImportColumn, string>> = {
  单位名称: 'name',
  行政区划: 'regionCode',
  单位类型: 'unitType',
  登记状态: 'registrationStatus',
  注册号: 'registrationNo',
  统一社会信用代码: 'creditCode',
  '注册资本(万人民币)': 'registeredCapital',
  '法定代表人(责任人)': 'legalRepresentative',
  联系电话: 'phone',
  注册时间: 'registeredOn',
  核准日期: 'approvedOn',
  经营期限自: 'businessTermFrom',
  经营期限至: 'businessTermTo',
  登记机关: 'registrationAuthority',
  '(住所)营业场所': 'address',
  经营范围: 'businessScope',
  从业环节: 'segments',
};
const DATE_FIELDS = ['注册时间', '核准日期', '经营期限自', '经营期限至'] as const;

/** Issue messages of a zod result, skipping fields that already carry a message of ours. */
function issueMessages(
  issues: readonly { path: readonly PropertyKey[]; message: string }[],
  skip: ReadonlySet<string>,
): string[] {
  return issues.filter((i) => !skip.has(String(i.path[0] ?? ''))).map((i) => i.message);
}

/**
 * Check one row: map its words to codes, then the form's schemas; outside `scopePrefix` (a 部门管理员's
 * jurisdiction) it is refused. Returns the entry, or every reason it can't be imported.
 */
export function checkRow(r: ImportRow, scopePrefix: string): CheckedRow {
  const c = r.cells;
  const errors: string[] = [];
  const flagged = new Set<string>();
  const fail = (column: RegisterImportColumn, message: string) => {
    errors.push(message);
    const field = FIELD_OF[column];
    if (field) flagged.add(field);
  };
  const candidate: Record<string, unknown> = {};
  const text = (column: RegisterImportColumn, field: string) => {
    if (c[column] !== '') candidate[field] = c[column];
  };

  text('单位名称', 'name');
  if (c.行政区划 === '') fail('行政区划', '请填写行政区划');
  else {
    const code = regionCodeOf(c.行政区划);
    if (!code) fail('行政区划', `行政区划「${c.行政区划}」不正确，请填写如“福建省泉州市丰泽区”的名称或6位行政区划代码`);
    else {
      candidate.regionCode = code;
      if (findRegion(code)?.level !== 'province' && !regionPrefixMatches(scopePrefix, code)) {
        fail('行政区划', OUT_OF_SCOPE);
      }
    }
  }
  if (c.单位类型 === '') fail('单位类型', '请填写单位类型');
  else {
    const code = unitTypeByWord(c.单位类型);
    if (code) candidate.unitType = code;
    else
      fail('单位类型', `单位类型「${c.单位类型}」不正确，可选：${ENTERPRISE_UNIT_TYPES.map((t) => t.name).join('、')}`);
  }
  if (c.登记状态 === '') fail('登记状态', '请填写登记状态');
  else {
    const code = statusByWord(c.登记状态);
    if (code) candidate.registrationStatus = code;
    else
      fail('登记状态', `登记状态「${c.登记状态}」不正确，可选：${REGISTRATION_STATUSES.map((s) => s.name).join('、')}`);
  }
  text('注册号', 'registrationNo');
  text('统一社会信用代码', 'creditCode');
  const capital = c['注册资本(万人民币)'].replace(/[,，\s]|万元|万人民币|万$/g, '');
  if (capital !== '') {
    const n = Number(capital);
    if (Number.isFinite(n) && /^\d+(\.\d+)?$/.test(capital)) candidate.registeredCapital = n;
    else fail('注册资本(万人民币)', `注册资本「${c['注册资本(万人民币)']}」应为数字（单位：万人民币）`);
  }
  text('法定代表人(责任人)', 'legalRepresentative');
  text('联系电话', 'phone');
  for (const column of DATE_FIELDS) {
    const v = c[column];
    if (v === '' || (column === '经营期限至' && OPEN_ENDED.has(norm(v)))) continue;
    const iso = isoDateOf(v);
    if (iso) candidate[FIELD_OF[column]!] = iso;
    else fail(column, `${column}「${v}」不是有效日期，格式如2017-09-18`);
  }
  text('登记机关', 'registrationAuthority');
  text('(住所)营业场所', 'address');
  text('经营范围', 'businessScope');
  if (c.从业环节 === '') fail('从业环节', '请填写从业环节，如：民爆物品-生产');
  else {
    const { segments, errors: segErrors } = segmentsOfText(c.从业环节);
    for (const e of segErrors) fail('从业环节', e);
    if (!segErrors.length) candidate.segments = segments;
  }

  const enterprise = Enterprise.safeParse(candidate);
  if (!enterprise.success) errors.push(...issueMessages(enterprise.error.issues, flagged));

  let licence: LicenceInput | undefined;
  if (REGISTER_LICENCE_COLUMNS.some((col) => c[col] !== '')) {
    const first = (candidate.segments as { category: CategoryCode; segment: string }[] | undefined)?.[0];
    const dates: Record<string, string> = {};
    const dateFlagged = new Set<string>();
    for (const [column, field] of [
      ['有效起始日期', 'validFrom'],
      ['有效截止日期', 'validTo'],
    ] as const) {
      if (c[column] === '') continue;
      const iso = isoDateOf(c[column]);
      if (iso) dates[field] = iso;
      else {
        errors.push(`${column}「${c[column]}」不是有效日期，格式如2017-09-18`);
        dateFlagged.add(field);
      }
    }
    if (first) {
      const parsed = Licence.safeParse({
        ...first,
        licenceName: findSegment(first.category, first.segment)!.licenceName,
        ...(c.许可证编号 ? { number: c.许可证编号 } : {}),
        ...(c.发证机关 ? { issuer: c.发证机关 } : {}),
        ...dates,
      });
      if (parsed.success) licence = parsed.data;
      else
        errors.push(
          ...issueMessages(parsed.error.issues, dateFlagged).map((m) =>
            // The form's words for a missing licence field, with the 清单's column names.
            m === '请填写证书编号' ? '填写了许可证信息时，请填写许可证编号' : m,
          ),
        );
    }
  }
  const unique = [...new Set(errors)];
  if (unique.length || !enterprise.success) return { row: r.row, cells: c, errors: unique };
  return { row: r.row, cells: c, errors: [], entry: { enterprise: enterprise.data, ...(licence ? { licence } : {}) } };
}

/** What identifies a unit in the file and on the register: its 统一社会信用代码, else its 注册号. */
export const unitCodeOf = (e: Pick<EnterpriseInput, 'creditCode' | 'registrationNo'>): string =>
  (e.creditCode ?? e.registrationNo)!;

/**
 * Check every row, then refuse the second and later occurrences of a 统一社会信用代码 (or 注册号) within the
 * file — whichever row carried it first is the one that counts.
 */
export function checkRows(rows: readonly ImportRow[], scopePrefix: string): CheckedRow[] {
  const checked = rows.map((r) => checkRow(r, scopePrefix));
  const firstByCredit = new Map<string, number>();
  const firstByRegNo = new Map<string, number>();
  for (const r of checked) {
    const credit = r.cells.统一社会信用代码.trim().toUpperCase();
    const regNo = r.cells.注册号.trim();
    const dupOf = (seen: Map<string, number>, code: string, what: string) => {
      if (!code) return;
      const first = seen.get(code);
      if (first === undefined) seen.set(code, r.row);
      else {
        r.errors.push(`与第 ${first} 行的${what}重复`);
        delete r.entry;
      }
    };
    dupOf(firstByCredit, credit, '统一社会信用代码');
    // A 注册号 identifies the unit only when it has no 统一社会信用代码.
    if (!credit) dupOf(firstByRegNo, regNo, '注册号');
  }
  return checked;
}
