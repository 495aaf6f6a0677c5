/**
 * The 专家库 spreadsheet of 专家库管理: the template we hand out and the reading of a filled-in copy.
 *
 * Sheet 「专家库」: the header row 姓名* · 专业类别* · 专业环节 · 单位* · 联系电话* · 行政区划代码* (* = required; a
 * header is found by its name, with or without the *, in any column order), then one expert per row; row 2 of
 * the template is an example, skipped while it says 示例. 专业类别 and 专业环节 are written as the screens show
 * them (危险化学品、烟花爆竹 / 经营、储存). All or nothing: any wrong row — a field, a region outside the
 * importer's jurisdiction, a category they don't supervise, a phone already in the 专家库 or twice in the
 * file — gives one 400 listing every problem with its row number, and nothing is written.
 */
import {
  categoriesFromText,
  EXPERT_IMPORT_COLUMNS,
  EXPERT_IMPORT_MAX_ROWS,
  EXPERT_IMPORT_REQUIRED,
  ExpertInput,
  segmentsFromText,
  type ExpertImportColumn,
} from '../../shared/api/officers';
import type { FieldIssue } from '../../shared/api/errors';
import { CATEGORIES } from '../../shared/reference/categories';
import type { Regulator } from '../lib/auth/principal';
import { badRequest, validationFailed } from '../lib/http/errors';
import { expertInputIssues } from '../lib/officers/experts';
import { loadExcel, readSheet, SheetError } from '../lib/spreadsheet';

export const EXPERT_TEMPLATE_FILENAME = '专家库导入模板.xlsx';
export const EXPERT_SHEET = '专家库';

/** The template's example row; left in a file, it is skipped. */
export const EXAMPLE_EXPERT: Record<ExpertImportColumn, string> = {
  姓名: '（示例，请删除本行）林建华',
  专业类别: '危险化学品',
  专业环节: '经营、储存',
  单位: '福建省安全生产科学研究院',
  联系电话: '13959100001',
  行政区划代码: '3505',
};

const WIDTH: Record<ExpertImportColumn, number> = {
  姓名: 24,
  专业类别: 22,
  专业环节: 26,
  单位: 34,
  联系电话: 18,
  行政区划代码: 14,
};

const FIELD_OF: Record<string, ExpertImportColumn> = {
  name: '姓名',
  categories: '专业类别',
  segments: '专业环节',
  employer: '单位',
  phone: '联系电话',
  regionCode: '行政区划代码',
};

const isRequired = (c: ExpertImportColumn) => EXPERT_IMPORT_REQUIRED.includes(c);

export async function buildExpertTemplate(): Promise<Buffer> {
  const wb = new (await loadExcel()).Workbook();
  wb.creator = '福建省危险物品“一体化”安全监管信息平台';
  const sheet = wb.addWorksheet(EXPERT_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = EXPERT_IMPORT_COLUMNS.map((c) => ({
    header: isRequired(c) ? `${c}*` : c,
    key: c,
    width: WIDTH[c],
    // Text cells: a phone number or region code typed in stays text (no 1.3959E+10, no lost leading zero).
    style: { numFmt: '@' },
  }));
  sheet.getRow(1).font = { bold: true };
  sheet.addRow(EXPERT_IMPORT_COLUMNS.map((c) => EXAMPLE_EXPERT[c]));
  sheet.getRow(2).font = { color: { argb: 'FF808080' }, italic: true };

  const notes = wb.addWorksheet('说明');
  notes.columns = [{ width: 110 }];
  notes.addRow(['专家库导入说明']).font = { bold: true, size: 14 };
  for (const line of [
    '1. 在「专家库」工作表中每行填写一名专家；第 2 行为示例，导入前请删除或覆盖。',
    '2. 必填：姓名、专业类别、单位、联系电话、行政区划代码；专家导入到您所在部门的专家库。',
    `3. 专业类别填写物品类别名称，多个用「、」分隔：${CATEGORIES.map((c) => c.name).join('、')}；只能填写您有监管权限的类别。`,
    '4. 专业环节填写所选类别的环节名称，如「经营、储存」；多个类别有同名环节时可写成「危险化学品·经营」。',
    '5. 联系电话为 11 位手机号码或带区号的固定电话（如 0591-87093291）；已在本部门专家库中的号码不能重复导入。',
    '6. 行政区划代码：35（省直）、设区市（如 3505）或县（市、区）（如 350583），须在您的辖区内。',
    `7. 每个文件最多 ${EXPERT_IMPORT_MAX_ROWS} 名专家；任何一行有误时不会导入，请按提示的行号修改后重新导入。`,
  ]) {
    notes.addRow([line]);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The experts of a filled-in sheet, checked for this importer; 400 with every problem when any row is wrong. */
export async function readExperts(
  content: Buffer,
  p: Regulator,
  existingPhones: ReadonlySet<string>,
): Promise<ExpertInput[]> {
  let rows;
  try {
    rows = await readSheet(content, {
      sheetName: EXPERT_SHEET,
      keyColumn: '姓名',
      columns: EXPERT_IMPORT_COLUMNS,
      required: EXPERT_IMPORT_REQUIRED,
      maxRows: EXPERT_IMPORT_MAX_ROWS,
      skip: (cells) => cells.姓名.includes('示例'),
      messages: {
        unreadable: '无法读取该文件，请使用导出的专家库模板（.xlsx）填写后再导入',
        noSheet: '文件中没有找到专家库：第 1 行应为列名（姓名、专业类别、专业环节、单位、联系电话、行政区划代码）',
        missing: (columns) => `文件缺少必填列：${columns.join('、')}（请使用导出的专家库模板）`,
        tooMany: `每个文件最多 ${EXPERT_IMPORT_MAX_ROWS} 名专家，请拆分后分批导入`,
        empty: '文件中没有专家，请从第 2 行开始填写',
      },
    });
  } catch (err) {
    if (err instanceof SheetError)
      throw badRequest(err.message, [{ path: 'body.contentBase64', message: err.message }]);
    throw err;
  }
  const issues: FieldIssue[] = [];
  const experts: ExpertInput[] = [];
  const seen = new Map<string, number>();
  for (const r of rows) {
    const at = (column: ExpertImportColumn, message: string) =>
      issues.push({ path: `rows[${r.row}].${column}`, message: `第 ${r.row} 行：${message}` });
    const cats = categoriesFromText(r.cells.专业类别);
    const segs = segmentsFromText(r.cells.专业环节, cats.codes);
    if (cats.unknown.length) at('专业类别', `无法识别的专业类别「${cats.unknown.join('、')}」`);
    if (segs.unknown.length) at('专业环节', `「${segs.unknown.join('、')}」不是所填专业类别的环节`);
    const parsed = ExpertInput.safeParse({
      name: r.cells.姓名,
      categories: cats.codes,
      segments: segs.keys,
      employer: r.cells.单位,
      phone: r.cells.联系电话,
      regionCode: r.cells.行政区划代码,
    });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const column = FIELD_OF[String(issue.path[0])] ?? '姓名';
        // An unreadable 专业类别 was reported above; its "please choose" would only repeat it.
        if (column === '专业类别' && cats.unknown.length) continue;
        at(column, issue.message);
      }
      continue;
    }
    const e = parsed.data;
    for (const x of expertInputIssues(p, e, (f) => f)) at(FIELD_OF[x.path] ?? '姓名', x.message);
    if (existingPhones.has(e.phone)) at('联系电话', `联系电话 ${e.phone} 的专家已在本部门专家库中`);
    const first = seen.get(e.phone);
    if (first !== undefined) at('联系电话', `联系电话 ${e.phone} 与第 ${first} 行重复`);
    else seen.set(e.phone, r.row);
    experts.push(e);
  }
  if (issues.length) throw validationFailed(issues);
  return experts;
}
