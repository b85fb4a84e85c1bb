/**
 * Test and probe fixtures of the Excel import: a workbook in the template's shape, a multipart
 * upload, and a zip bomb written by hand (one small deflate stream that inflates to hundreds of MB).
 */
import { randomBytes } from 'node:crypto';
import { createDeflateRaw, deflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import type { Db } from '../../db/database.js';
import { IMPORT_COLUMNS, type ImportColumnKey } from '../../documents/entries-columns.js';
import { titleKey } from './entry-rules.js';

export type ImportRow = Partial<Record<ImportColumnKey, string | number | Date | null>>;

/** A workbook with the template's header row and these rows (row 2 onwards). */
export async function buildImportWorkbook(rows: ImportRow[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Đăng ký');
  ws.addRow(IMPORT_COLUMNS.map((c) => c.header));
  for (const r of rows) ws.addRow(IMPORT_COLUMNS.map((c) => r[c.key] ?? null));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A multipart/form-data body with the file in the field `file` and the given text fields. */
export function multipartUpload(file: Buffer, options: { fileName?: string; fields?: Record<string, string>; contentType?: string } = {}) {
  const boundary = `----danvan${randomBytes(8).toString('hex')}`;
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(options.fields ?? {})) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  }
  const type = options.contentType ?? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${options.fileName ?? 'dang-ky.xlsx'}"\r\nContent-Type: ${type}\r\n\r\n`));
  parts.push(file, Buffer.from(`\r\n--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

async function deflateZeros(megabytes: number): Promise<Buffer> {
  const deflate = createDeflateRaw({ level: 9 });
  const chunks: Buffer[] = [];
  deflate.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise((resolve) => deflate.on('end', resolve));
  const zeros = Buffer.alloc(1024 * 1024);
  for (let i = 0; i < megabytes; i++) {
    if (!deflate.write(zeros)) await new Promise((r) => deflate.once('drain', r));
  }
  deflate.end();
  await done;
  return Buffer.concat(chunks);
}

/** A minimal zip (stored headers written by hand) whose worksheet inflates to `megabytes` MB. */
export async function zipBomb(megabytes = 150): Promise<Buffer> {
  const entries: { name: string; data: Buffer; size: number }[] = [
    { name: '[Content_Types].xml', data: await deflateSmall('<Types/>'), size: 8 },
    { name: 'xl/workbook.xml', data: await deflateSmall('<workbook/>'), size: 11 },
    { name: 'xl/worksheets/sheet1.xml', data: await deflateZeros(megabytes), size: megabytes * 1024 * 1024 },
  ];
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(e.data.length, 18);
    local.writeUInt32LE(e.size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(e.data.length, 20);
    central.writeUInt32LE(e.size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, e.data);
    centrals.push(central, name);
    offset += 30 + name.length + e.data.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

async function deflateSmall(text: string): Promise<Buffer> {
  return deflateRawSync(Buffer.from(text));
}

/** An entry written straight to the table (status draft unless told), for export tests and probes. */
export async function insertEntry(
  db: Db,
  input: { unitId: string; title: string; year?: number; level?: 'province' | 'district' | 'commune'; fieldCode?: string; status?: 'draft' | 'registered' | 'recognised' },
) {
  const unit = await db.selectFrom('units').select(['path']).where('id', '=', input.unitId).executeTakeFirstOrThrow();
  return db
    .insertInto('entries')
    .values({
      registering_unit_id: input.unitId,
      unit_path: unit.path,
      level: input.level ?? 'commune',
      kind: 'model',
      form: 'collective',
      field_code: input.fieldCode ?? 'economic',
      year: input.year ?? 2026,
      title: input.title,
      title_key: titleKey(input.title),
      status: input.status ?? 'draft',
    })
    .returning(['id'])
    .executeTakeFirstOrThrow();
}
