import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { buildTemplate, readRows } from '../../functions/account-sheets/spreadsheet';
import { AppError } from '../../functions/lib/http/errors';
import { zipProblem } from '../../functions/lib/spreadsheet';

interface Entry {
  name: string;
  /** What the entry really holds. */
  content: Buffer;
  /** What the central directory claims it inflates to (the lie); the real size when left out. */
  declaredSize?: number;
  stored?: boolean;
}

/** A zip written by hand so its headers can lie: local headers + data, central directory, end record. */
function craftZip(entries: Entry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name);
    const data = e.stored ? e.content : deflateRawSync(e.content);
    const declared = e.declaredSize ?? e.content.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(e.stored ? 0 : 8, 8);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(declared, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(e.stored ? 0 : 8, 10);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(declared, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, data);
    centrals.push(central, name);
    offset += local.length + name.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

describe('the zip check before ExcelJS inflates anything', () => {
  it('refuses a zip whose central directory understates what it inflates to', () => {
    // Prepare: 64 MB of XML-ish filler deflates to ~60 KB; the directory claims 1 KB.
    const bomb = craftZip([
      { name: '[Content_Types].xml', content: Buffer.from('<Types/>') },
      { name: 'xl/worksheets/sheet1.xml', content: Buffer.alloc(64 * 1024 * 1024, 0x20), declaredSize: 1024 },
    ]);
    expect(bomb.length).toBeLessThan(200_000);
    // Act
    const started = Date.now();
    const problem = zipProblem(bomb);
    // Assess: refused, and refused while inflating (the cap stops zlib, not the end of the data).
    expect(problem).toBe('文件内容过大，请拆分后分批导入');
    expect(Date.now() - started).toBeLessThan(3_000);
  });

  it('counts the inflated bytes across entries, so many small lies add up', () => {
    const part = Buffer.alloc(15 * 1024 * 1024, 0x41);
    const bomb = craftZip(['a', 'b', 'c'].map((n) => ({ name: `xl/${n}.xml`, content: part, declaredSize: 10 })));
    expect(zipProblem(bomb)).toBe('文件内容过大，请拆分后分批导入');
    expect(zipProblem(craftZip([{ name: 'xl/a.xml', content: part, declaredSize: 10 }]))).toBeNull();
  });

  it('refuses what is not a zip, a truncated entry and an unknown compression method', () => {
    expect(zipProblem(Buffer.from('name,mobile\n'))).toBe('文件不是有效的 .xlsx 文件');
    const good = craftZip([{ name: 'a.xml', content: Buffer.from('<a/>'.repeat(100)) }]);
    expect(zipProblem(good)).toBeNull();
    const odd = Buffer.from(good);
    odd.writeUInt16LE(14, odd.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])) + 10); // LZMA
    expect(zipProblem(odd)).toBe('文件不是有效的 .xlsx 文件');
  });

  it('lets the real template through and answers a bomb upload with a Chinese 400', async () => {
    expect(zipProblem(await buildTemplate())).toBeNull();
    const bomb = craftZip([{ name: 'xl/sheet.xml', content: Buffer.alloc(48 * 1024 * 1024), declaredSize: 100 }]);
    const err = await readRows(bomb).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).status).toBe(400);
    expect((err as AppError).message).toBe('文件内容过大，请拆分后分批导入');
  });
});
