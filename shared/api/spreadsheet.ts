/**
 * Spreadsheets travelling inside JSON, worded once for every import and template: the file going out (a
 * template, an error report, a 开通通知) and the two fields of a filled-in .xlsx coming in.
 */
import * as z from 'zod/mini';

/** A spreadsheet going out: the browser saves `contentBase64` as `filename`. */
export const SpreadsheetFile = z
  .object({ filename: z.string(), contentType: z.string(), contentBase64: z.string() })
  .check(z.meta({ id: 'SpreadsheetFile' }));
export type SpreadsheetFile = z.infer<typeof SpreadsheetFile>;

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** The uploaded file's name: an .xlsx, `hint` saying where the template is (e.g. 可先下载导入模板). */
export function spreadsheetFilename(
  hint: string,
  { maxLength = 200, tooLong = '文件名过长' }: { maxLength?: number; tooLong?: string } = {},
) {
  return z
    .string({ error: '请选择要导入的文件' })
    .check(
      z.trim(),
      z.minLength(1, { error: '请选择要导入的文件' }),
      z.maxLength(maxLength, { error: tooLong }),
      z.regex(/\.xlsx$/i, { error: `请上传 .xlsx 格式的 Excel 文件（${hint}）` }),
    );
}

/** The uploaded file's bytes, base64, at most `maxBytes` before encoding (`tooLarge` says so in words). */
export function spreadsheetContent(maxBytes: number, tooLarge: string) {
  return z
    .string({ error: '请选择要导入的文件' })
    .check(
      z.minLength(1, { error: '文件内容为空' }),
      z.maxLength(Math.ceil(maxBytes / 3) * 4, { error: tooLarge }),
      z.regex(BASE64, { error: '文件内容应为 base64 编码' }),
    );
}
