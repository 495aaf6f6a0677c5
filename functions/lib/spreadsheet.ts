/**
 * Reading the spreadsheets people fill in and send back (the account sheet, the register's 清单), with
 * ExcelJS — the parts every import shares: refusing a zip bomb before ExcelJS inflates it, finding the sheet
 * by its header row, reading each cell as the text a person sees in it, skipping empty rows. What the columns
 * mean is the importer's business; problems with the file as a whole are thrown as `SheetError`, which each
 * importer turns into its own answer (a 400, a failed import job).
 */
import type ExcelJS from 'exceljs';
import { inflateRawSync } from 'node:zlib';

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * ExcelJS, loaded on first use: it is the bulk of any bundle that carries it, and the routes served by the
 * same function that never touch a spreadsheet should not pay for it on a cold start. Only its in-memory
 * Workbook: the package's entry also carries the streaming reader and writer (unzipper, archiver and their
 * dependencies, ≈ 400 KiB of a bundle) that reading and writing a whole workbook from a buffer never uses.
 */
export const loadExcel = async (): Promise<{ Workbook: typeof ExcelJS.Workbook }> => ({
  Workbook: (await import('exceljs/lib/doc/workbook.js')).default,
});

/** A problem with the file as a whole (not with one of its rows); the message is Chinese and says what to do. */
export class SheetError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SheetError';
  }
}

const MAX_UNZIPPED_BYTES = 40 * 1024 * 1024;
const MAX_ZIP_ENTRIES = 200;
const STORED = 0;
const DEFLATED = 8;

const NOT_XLSX = '文件不是有效的 .xlsx 文件';
const TOO_BIG = '文件内容过大，请拆分后分批导入';

/**
 * Refuse a file that would inflate beyond reason before ExcelJS sees it — a few hundred KB of deflated XML
 * can otherwise expand to gigabytes (a "zip bomb"). The sizes a zip declares are the attacker's to choose, so
 * every entry is actually inflated here, exactly as ExcelJS's unzipper will (the data at the entry's local
 * header, as long as the central directory says), with zlib stopping at the bytes still allowed
 * (`maxOutputLength`): memory and time stay bounded by the cap whatever the headers claim.
 */
export function zipProblem(buf: Buffer): string | null {
  if (buf.length < 22 || buf.readUInt32LE(0) !== 0x04034b50) return NOT_XLSX;
  const floor = Math.max(0, buf.length - 22 - 0xffff);
  let eocd = -1;
  for (let i = buf.length - 22; i >= floor; i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return `${NOT_XLSX}（文件不完整）`;
  const entries = buf.readUInt16LE(eocd + 10);
  let offset = buf.readUInt32LE(eocd + 16);
  if (entries > MAX_ZIP_ENTRIES || offset === 0xffffffff) return '文件结构过于复杂，请使用下载的模板填写';
  let remaining = MAX_UNZIPPED_BYTES;
  for (let n = 0; n < entries; n++) {
    if (offset + 46 > buf.length || buf.readUInt32LE(offset) !== 0x02014b50) return NOT_XLSX;
    const method = buf.readUInt16LE(offset + 10);
    const compressedSize = buf.readUInt32LE(offset + 20);
    const localOffset = buf.readUInt32LE(offset + 42);
    offset += 46 + buf.readUInt16LE(offset + 28) + buf.readUInt16LE(offset + 30) + buf.readUInt16LE(offset + 32);
    if (localOffset + 30 > buf.length || buf.readUInt32LE(localOffset) !== 0x04034b50) return NOT_XLSX;
    const dataStart = localOffset + 30 + buf.readUInt16LE(localOffset + 26) + buf.readUInt16LE(localOffset + 28);
    if (dataStart + compressedSize > buf.length) return NOT_XLSX;
    const data = buf.subarray(dataStart, dataStart + compressedSize);
    let inflated: number;
    if (method === STORED) inflated = data.length;
    else if (method === DEFLATED) {
      try {
        // One byte more than allowed is enough to know it is too much.
        inflated = inflateRawSync(data, { maxOutputLength: remaining + 1 }).length;
      } catch (err) {
        if ((err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') return TOO_BIG;
        return NOT_XLSX;
      }
    } else return NOT_XLSX;
    if (inflated > remaining) return TOO_BIG;
    remaining -= inflated;
  }
  return null;
}

/** ExcelJS reads a date cell as midnight UTC of that day: its calendar date, 'YYYY-MM-DD'. */
const dateText = (d: Date): string => (Number.isNaN(d.getTime()) ? '' : d.toISOString().slice(0, 10));

/**
 * A cell as the text a person sees in it: numbers without exponent, dates as 'YYYY-MM-DD', formulas by their
 * result, rich text and hyperlinks by their text.
 */
export function cellText(cell: ExcelJS.Cell): string {
  const v = cell.value;
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isInteger(v) ? v.toFixed(0) : String(v);
  if (typeof v === 'string') return v.trim();
  if (v instanceof Date) return dateText(v);
  const result = (v as { result?: unknown }).result;
  if (result instanceof Date) return dateText(result);
  return (cell.text ?? '').trim();
}

/**
 * A header as compared: no spaces, full-width brackets as half-width (people type both), without the * that
 * marks a required column in a template (检查环节*).
 */
export const headerKey = (s: string): string =>
  s
    .replace(/\s+/g, '')
    .replace(/（/g, '(')
    .replace(/）/g, ')')
    .replace(/[*＊]+$/, '');

export interface SheetRow<C extends string> {
  /** The spreadsheet's row number (header = 1). */
  row: number;
  /** Every column asked for, '' where the sheet lacks the column or the cell is empty. */
  cells: Record<C, string>;
}

export interface SheetSpec<C extends string> {
  /** The sheet to read; else the first sheet whose header row holds `keyColumn`. */
  sheetName: string;
  keyColumn: C;
  /** Columns to read, in order. */
  columns: readonly C[];
  /** Columns the header row must have (the others may be left out). */
  required: readonly C[];
  /** Data rows a file may hold. */
  maxRows: number;
  /** Rows to leave out besides empty ones (an unchanged example row). */
  skip?: (cells: Record<C, string>) => boolean;
  messages: {
    unreadable: string;
    noSheet: string;
    missing: (columns: readonly C[]) => string;
    tooMany: string;
    empty: string;
  };
}

/** The data rows of a filled-in sheet; `SheetError` when the file can't be read or lacks a column. */
export async function readSheet<C extends string>(content: Buffer, spec: SheetSpec<C>): Promise<SheetRow<C>[]> {
  const zip = zipProblem(content);
  if (zip) throw new SheetError(zip);
  const wb = new (await loadExcel()).Workbook();
  try {
    await wb.xlsx.load(content as never);
  } catch {
    throw new SheetError(spec.messages.unreadable);
  }
  const headersOf = (ws: ExcelJS.Worksheet) => {
    const found = new Map<string, number>();
    ws.getRow(1).eachCell((cell, col) => found.set(headerKey(cellText(cell)), col));
    return found;
  };
  const key = headerKey(spec.keyColumn);
  const sheet =
    wb.worksheets.find((ws) => ws.name === spec.sheetName && headersOf(ws).has(key)) ??
    wb.worksheets.find((ws) => headersOf(ws).has(key));
  if (!sheet) throw new SheetError(spec.messages.noSheet);
  const headers = headersOf(sheet);
  const missing = spec.required.filter((c) => !headers.has(headerKey(c)));
  if (missing.length) throw new SheetError(spec.messages.missing(missing));
  if (sheet.actualRowCount - 1 > spec.maxRows + 1) throw new SheetError(spec.messages.tooMany);
  const rows: SheetRow<C>[] = [];
  sheet.eachRow((row, rowNumber) => {
    if (rowNumber === 1) return;
    const cells = Object.fromEntries(
      spec.columns.map((c) => {
        const col = headers.get(headerKey(c));
        return [c, col === undefined ? '' : cellText(row.getCell(col))];
      }),
    ) as Record<C, string>;
    if (spec.columns.every((c) => cells[c] === '')) return;
    if (spec.skip?.(cells)) return;
    rows.push({ row: rowNumber, cells });
  });
  if (rows.length > spec.maxRows) throw new SheetError(spec.messages.tooMany);
  if (!rows.length) throw new SheetError(spec.messages.empty);
  return rows;
}

/**
 * A template download (导出清单模板): built on first request, then kept for the container's life — a template
 * never changes within a deployment.
 */
export function templateDownload(filename: string, build: () => Promise<Buffer>) {
  let base64: Promise<string> | undefined;
  return async () => ({
    filename,
    contentType: XLSX_CONTENT_TYPE,
    contentBase64: await (base64 ??= build().then((b) => b.toString('base64'))),
  });
}
