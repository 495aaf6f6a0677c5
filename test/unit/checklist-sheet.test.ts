import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import {
  buildChecklistTemplate,
  EXAMPLE_ROW,
  readChecklistItems,
} from '../../functions/inspection-sheets/checklist-sheet';
import { checklistNameOf } from '../../shared/api/checklists';

/** The checklist sheet read offline: headers found by name (with or without *), the example row and blanks skipped. */
async function file(headers: string[], rows: string[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('任意名称');
  ws.addRow(headers);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('the checklist sheet', () => {
  it('reads the template back as empty (only its example row)', async () => {
    await expect(readChecklistItems(await buildChecklistTemplate())).rejects.toMatchObject({
      status: 400,
      message: '清单文件中没有检查项目，请从第 2 行开始填写',
    });
  });

  it('finds columns by name in any order, with or without *, and skips blank rows and the example', async () => {
    const items = await readChecklistItems(
      await file(
        ['检查方式', '检查内容及标准 *', '检查环节'],
        [
          ['查阅资料', '建立安全管理制度', '管理'],
          ['', '', ''],
          [EXAMPLE_ROW.检查方式, EXAMPLE_ROW.检查内容及标准, EXAMPLE_ROW.检查环节],
          ['', '  专人管理  ', '储存'],
        ],
      ),
    );
    expect(items).toEqual([
      { stage: '管理', content: '建立安全管理制度', method: '查阅资料' },
      { stage: '储存', content: '专人管理' },
    ]);
  });

  it('names each wrong cell by row and column', async () => {
    const long = '长'.repeat(1001);
    await expect(
      readChecklistItems(
        await file(
          ['检查环节', '检查内容及标准'],
          [
            ['储存', long],
            ['', '内容'],
          ],
        ),
      ),
    ).rejects.toMatchObject({
      status: 400,
      details: [
        { path: 'rows[2].检查内容及标准', message: '第 2 行：「检查内容及标准」不能超过 1000 个字' },
        { path: 'rows[3].检查环节', message: '第 3 行：请填写检查环节' },
      ],
    });
  });

  it('refuses cells with control or direction characters (Trojan Source), as every request field is', async () => {
    await expect(
      readChecklistItems(
        await file(
          ['检查环节', '检查内容及标准'],
          [
            ['储存', '专人管理\u202Eexe.txt'],
            ['储存', '正常'],
          ],
        ),
      ),
    ).rejects.toMatchObject({
      status: 400,
      details: [{ path: 'rows[2].检查内容及标准', message: expect.stringContaining('第 2 行：包含不允许的字符') }],
    });
  });

  it('reads 2,000 rows quickly', async () => {
    const rows = Array.from({ length: 2000 }, (_, n) => [
      '储存',
      `第${n}项：危险化学品应当储存在专用仓库内`,
      '《条例》第二十四条',
      '现场检查',
    ]);
    const buf = await file(['检查环节', '检查内容及标准', '检查依据', '检查方式'], rows);
    const started = performance.now();
    expect(await readChecklistItems(buf)).toHaveLength(2000);
    console.info(`parse 2,000 rows: ${Math.round(performance.now() - started)} ms`);
  });

  it('takes the list name from the file name', () => {
    expect(checklistNameOf('C:\\fakepath\\危化品储存检查清单.XLSX')).toBe('危化品储存检查清单');
  });
});
