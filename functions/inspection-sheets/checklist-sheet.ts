/**
 * The checklist spreadsheet of 检查清单管理 (the seed: 步骤一 导出清单模板进行检查项目填写, 步骤二 将填好的清单文件导入
 * 系统保存): the template we hand out and the reading of a filled-in copy.
 *
 * Sheet 「检查清单」: the header row 检查环节* · 检查内容及标准* · 检查依据 · 检查方式 (* = required; a header is
 * found by its name, with or without the *, in any column order), then one 检查项目 per row; row 2 of the template
 * is an example, ignored on import while its content is unchanged. The list's name is the file's name (清单名称为Excel的文件名).
 * All or nothing: any wrong row → one 400 listing every problem with its row number; nothing is written.
 */
import {
  CHECKLIST_COLUMNS,
  CHECKLIST_MAX_ITEMS,
  CHECKLIST_REQUIRED_COLUMNS,
  ChecklistItemInput,
  type ChecklistColumn,
} from '../../shared/api/checklists';
import type { FieldIssue } from '../../shared/api/errors';
import { badRequest, validationFailed } from '../lib/http/errors';
import { isSafeText, UNSAFE_TEXT_MESSAGE } from '../lib/http/text-safety';
import { loadExcel, readSheet, SheetError } from '../lib/spreadsheet';

export const CHECKLIST_TEMPLATE_FILENAME = '检查清单模板.xlsx';
export const CHECKLIST_SHEET = '检查清单';
const NOTES_SHEET = '说明';

const FIELD_OF: Record<ChecklistColumn, keyof ChecklistItemInput> = {
  检查环节: 'stage',
  检查内容及标准: 'content',
  检查依据: 'basis',
  检查方式: 'method',
};

/** The template's example row; left in a file unchanged, it is skipped rather than imported. */
export const EXAMPLE_ROW: Record<ChecklistColumn, string> = {
  检查环节: '储存',
  检查内容及标准: '（示例，请删除本行）危险化学品应当储存在专用仓库、专用场地或者专用储存室内，并由专人负责管理',
  检查依据: '《危险化学品安全管理条例》第二十四条',
  检查方式: '现场检查',
};

const WIDTH: Record<ChecklistColumn, number> = { 检查环节: 16, 检查内容及标准: 70, 检查依据: 40, 检查方式: 16 };
const isRequired = (c: ChecklistColumn) => (CHECKLIST_REQUIRED_COLUMNS as readonly string[]).includes(c);

/** Build the template: 「检查清单」 with the header and the example row, 「说明」 with how to fill it in. */
export async function buildChecklistTemplate(): Promise<Buffer> {
  const wb = new (await loadExcel()).Workbook();
  wb.creator = '福建省危险物品“一体化”安全监管信息平台';
  const sheet = wb.addWorksheet(CHECKLIST_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = CHECKLIST_COLUMNS.map((c) => ({
    header: isRequired(c) ? `${c}*` : c,
    key: c,
    width: WIDTH[c],
    style: { alignment: { wrapText: true, vertical: 'top' } },
  }));
  sheet.getRow(1).font = { bold: true };
  sheet.addRow(CHECKLIST_COLUMNS.map((c) => EXAMPLE_ROW[c]));
  sheet.getRow(2).font = { color: { argb: 'FF808080' }, italic: true };

  const notes = wb.addWorksheet(NOTES_SHEET);
  notes.columns = [{ width: 110 }];
  notes.addRow(['检查清单导入说明']).font = { bold: true, size: 14 };
  for (const line of [
    '1. 清单名称为 Excel 的文件名：导入前请将本文件另存为清单的名称，如「危险化学品储存企业检查清单.xlsx」。',
    '2. 在「检查清单」工作表中每行填写一个检查项目；第 2 行为示例，导入前请删除或覆盖。',
    '3. 表格中必填项为「检查环节」、「检查内容及标准」；「检查依据」写明所依据的条款，如《危险化学品安全管理条例》第二十条；「检查方式」如 查阅资料、现场检查。',
    `4. 每个文件最多 ${CHECKLIST_MAX_ITEMS} 个检查项目；空行会被跳过。任何一行有误时不会导入，请按提示的行号修改后重新导入。`,
    '5. 导入后可在清单管理中点击「编辑」修改检查项目；已创建的检查任务保留其创建时的清单。',
  ]) {
    notes.addRow([line]);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The items of a filled-in checklist sheet, in row order; 400 with every problem when any row is wrong. */
export async function readChecklistItems(content: Buffer): Promise<ChecklistItemInput[]> {
  let rows;
  try {
    rows = await readSheet(content, {
      sheetName: CHECKLIST_SHEET,
      keyColumn: '检查环节',
      columns: CHECKLIST_COLUMNS,
      required: CHECKLIST_REQUIRED_COLUMNS,
      maxRows: CHECKLIST_MAX_ITEMS,
      // The example row is known by its content (it says 示例，请删除本行), whatever else was changed around it.
      skip: (cells) => cells.检查内容及标准 === EXAMPLE_ROW.检查内容及标准,
      messages: {
        unreadable: '无法读取该文件，请使用导出的清单模板（.xlsx）填写后再导入',
        noSheet: '文件中没有找到检查清单：第 1 行应为列名（检查环节、检查内容及标准、检查依据、检查方式）',
        missing: (columns) => `清单文件缺少必填列：${columns.join('、')}（请使用导出的清单模板）`,
        tooMany: `每个清单最多 ${CHECKLIST_MAX_ITEMS} 个检查项目，请拆分后分别导入`,
        empty: '清单文件中没有检查项目，请从第 2 行开始填写',
      },
    });
  } catch (err) {
    if (err instanceof SheetError)
      throw badRequest(err.message, [{ path: 'body.contentBase64', message: err.message }]);
    throw err;
  }
  const issues: FieldIssue[] = [];
  const items: ChecklistItemInput[] = [];
  for (const r of rows) {
    // A cell is text a request never carried: the platform's text rule (no control or direction characters,
    // no lone surrogates) is applied here as parse.ts applies it to every request field.
    const unsafe = CHECKLIST_COLUMNS.filter((c) => !isSafeText(r.cells[c]));
    if (unsafe.length) {
      for (const c of unsafe)
        issues.push({ path: `rows[${r.row}].${c}`, message: `第 ${r.row} 行：${UNSAFE_TEXT_MESSAGE}` });
      continue;
    }
    const input = Object.fromEntries(
      CHECKLIST_COLUMNS.filter((c) => r.cells[c] !== '' || isRequired(c)).map((c) => [FIELD_OF[c], r.cells[c]]),
    );
    const parsed = ChecklistItemInput.safeParse(input);
    if (parsed.success) {
      items.push(parsed.data);
      continue;
    }
    for (const issue of parsed.error.issues) {
      const column = CHECKLIST_COLUMNS.find((c) => FIELD_OF[c] === issue.path[0]) ?? CHECKLIST_COLUMNS[1];
      issues.push({ path: `rows[${r.row}].${column}`, message: `第 ${r.row} 行：${issue.message}` });
    }
  }
  if (issues.length) throw validationFailed(issues);
  return items;
}
