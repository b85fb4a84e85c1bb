/**
 * Test and probe fixtures of the Excel import: a workbook in the template's shape, a multipart
 * upload, and a zip bomb (the corpus's zip writer: one small deflate segment that inflates to
 * hundreds of MB). The malformed workbooks are in server/documents/xlsx-corpus/.
 */
import { randomBytes } from 'node:crypto';
import ExcelJS from 'exceljs';
import type { Db } from '../../db/database.js';
import { IMPORT_COLUMNS, type ImportColumnKey } from '../../documents/entries-columns.js';
import { zip } from '../../documents/xlsx-corpus/zip-writer.js';
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

/** A minimal workbook whose worksheet inflates to `megabytes` MB of zeros (a zip bomb), written in milliseconds. */
export function zipBomb(megabytes = 150): Buffer {
  return zip([
    { name: '[Content_Types].xml', pieces: ['<Types/>'] },
    { name: 'xl/workbook.xml', pieces: ['<workbook/>'] },
    { name: 'xl/worksheets/sheet1.xml', pieces: [{ repeat: Buffer.alloc(1024 * 1024), times: megabytes }] },
  ]);
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
