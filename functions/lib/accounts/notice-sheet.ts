/**
 * 开通通知: the spreadsheet an administrator or a regulator hands out after accounts were opened in bulk — one
 * row per account with its one-time password and until when it works. Built only in the answer that creates
 * (or, for the register, first delivers) the passwords; nothing keeps a copy of the file.
 */
import { loadExcel, XLSX_CONTENT_TYPE } from '../spreadsheet';

export const NOTICE_SHEET = '开通通知';

export interface NoticeRow {
  /** 单位名称 or 姓名. */
  name: string;
  login: string;
  oneTimePassword: string;
  /** Epoch ms. */
  expiresAt: number;
}

const beijing = (ms: number) =>
  new Date(ms + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ') + '（北京时间）';

export async function buildNoticeSheet(
  filename: string,
  nameHeader: '姓名' | '单位名称',
  rows: readonly NoticeRow[],
): Promise<{ filename: string; contentType: string; contentBase64: string }> {
  const ExcelJS = await loadExcel();
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet(NOTICE_SHEET);
  sheet.columns = [{ width: 40 }, { width: 24 }, { width: 20 }, { width: 28 }];
  sheet.addRow([nameHeader, '登录账号', '一次性密码', '有效期至']).font = { bold: true };
  for (const r of rows) sheet.addRow([r.name, r.login, r.oneTimePassword, beijing(r.expiresAt)]);
  sheet.addRow([]);
  for (const text of [
    '一次性密码仅在本文件中出现一次，请妥善转交本人，转交后删除本文件。',
    '一次性密码 72 小时内有效，首次登录时必须修改；过期后请联系管理员重置密码。',
  ])
    sheet.addRow([text]);
  const buf = Buffer.from(await wb.xlsx.writeBuffer());
  return { filename, contentType: XLSX_CONTENT_TYPE, contentBase64: buf.toString('base64') };
}
