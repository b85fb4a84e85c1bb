/**
 * The danvan backup archive: gzip'd JSON Lines, written and read as a stream.
 *
 *   {"format":"danvan-backup","formatVersion":1,"createdAt":…,"migrations":[…],"tables":[…],"sequences":[…]}
 *   {"table":"unit_kinds"}
 *   ["country","administrative","{\"en\": \"Country\", \"vi\": \"Quốc gia\"}","1","t","2026-11-21 10:00:00.123456+00"]
 *   …                                   one section per table, in the header's order
 *   {"end":true,"rows":{"unit_kinds":14,…},"sha256":"…"}
 *
 * A row is a JSON array of the columns' PostgreSQL text forms (null for SQL NULL). The text form is
 * what every PostgreSQL version reads back exactly, whatever the type (jsonb, ltree, timestamptz,
 * bigint, arrays…), so the archive does not depend on the engine's major version. The trailer's
 * SHA-256 covers every byte before it: a truncated or altered archive is refused before anything
 * is written (gzip's own CRC catches most damage first).
 */
import { createHash, type Hash } from 'node:crypto';
import { AppError } from '../../errors.js';

export const ARCHIVE_FORMAT = 'danvan-backup';
export const ARCHIVE_FORMAT_VERSION = 1;
/** The file name ending the documentation and the CLI suggest. */
export const ARCHIVE_EXTENSION = '.dvbak';

export type ColumnInfo = { name: string; type: string };

export type TableInfo = {
  name: string;
  /** Rows in the archive's section of this table. */
  rows: number;
  columns: ColumnInfo[];
  /** Primary-key columns; the rows are in this order (empty: the table has none). */
  primaryKey: string[];
};

export type SequenceState = { name: string; lastValue: string | null; isCalled: boolean };

export type ArchiveHeader = {
  format: typeof ARCHIVE_FORMAT;
  formatVersion: number;
  createdAt: string;
  source: { serverVersion: string };
  /** Names of the migrations applied to the database the archive was made from, in order. */
  migrations: string[];
  /** In foreign-key dependency order: referenced tables first. */
  tables: TableInfo[];
  sequences: SequenceState[];
};

export type ArchiveTrailer = { end: true; rows: Record<string, number>; sha256: string };

export type RowValues = (string | null)[];

export type ArchiveEvent =
  | { kind: 'header'; header: ArchiveHeader }
  | { kind: 'table'; table: TableInfo }
  | { kind: 'rows'; table: TableInfo; rows: RowValues[] }
  | { kind: 'end'; trailer: ArchiveTrailer };

const NEWLINE = 0x0a;

/** A damaged, incomplete or foreign file: nothing is written from it. */
export function damaged(reason: string): AppError {
  return new AppError('VALIDATION_FAILED', `The backup file is damaged or incomplete (${reason}); nothing was restored.`, { reason });
}

/** The archive's uncompressed byte stream: header, then each table's section, then the trailer. */
export async function* encodeArchive(
  header: ArchiveHeader,
  sections: AsyncIterable<{ table: TableInfo; batches: AsyncIterable<RowValues[]> }>,
): AsyncGenerator<Buffer> {
  const hash = createHash('sha256');
  const counts: Record<string, number> = {};
  const emit = (text: string) => {
    const bytes = Buffer.from(text, 'utf8');
    hash.update(bytes);
    return bytes;
  };
  yield emit(`${JSON.stringify(header)}\n`);
  for await (const { table, batches } of sections) {
    yield emit(`${JSON.stringify({ table: table.name })}\n`);
    let n = 0;
    for await (const batch of batches) {
      if (batch.length === 0) continue;
      n += batch.length;
      // One chunk per batch: far fewer writes than one per row.
      yield emit(batch.map((row) => `${JSON.stringify(row)}\n`).join(''));
    }
    counts[table.name] = n;
  }
  const trailer: ArchiveTrailer = { end: true, rows: counts, sha256: hash.digest('hex') };
  yield Buffer.from(`${JSON.stringify(trailer)}\n`, 'utf8');
}

/** Splits a byte stream into lines (without the newline). UTF-8 never puts 0x0A inside a character. */
async function* splitLines(input: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
  let pending: Buffer[] = [];
  for await (const chunk of input) {
    let start = 0;
    for (let i = chunk.indexOf(NEWLINE); i !== -1; i = chunk.indexOf(NEWLINE, start)) {
      const part = chunk.subarray(start, i);
      yield pending.length ? Buffer.concat([...pending, part]) : part;
      pending = [];
      start = i + 1;
    }
    if (start < chunk.length) pending.push(chunk.subarray(start));
  }
  if (pending.length) yield Buffer.concat(pending);
}

function parseJson(line: Buffer, what: string): unknown {
  try {
    return JSON.parse(line.toString('utf8'));
  } catch {
    throw damaged(`unreadable ${what}`);
  }
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function checkHeader(value: unknown): ArchiveHeader {
  if (!isObject(value) || value.format !== ARCHIVE_FORMAT) {
    throw new AppError('VALIDATION_FAILED', 'This file is not a danvan backup.');
  }
  // Versions are whole numbers from 1: anything else is damage, not a format from the future.
  if (!Number.isInteger(value.formatVersion) || (value.formatVersion as number) < 1) throw damaged('unknown archive format version');
  if ((value.formatVersion as number) > ARCHIVE_FORMAT_VERSION) {
    throw new AppError('CONFLICT', `This backup comes from a newer danvan (archive format ${String(value.formatVersion)}); update danvan first.`);
  }
  const tables = value.tables;
  const valid =
    Array.isArray(value.migrations) &&
    value.migrations.every((m) => typeof m === 'string') &&
    Array.isArray(tables) &&
    tables.every(
      (t) =>
        isObject(t) &&
        typeof t.name === 'string' &&
        Number.isInteger(t.rows) &&
        Array.isArray(t.columns) &&
        t.columns.length > 0 &&
        t.columns.every((c) => isObject(c) && typeof c.name === 'string' && typeof c.type === 'string') &&
        Array.isArray(t.primaryKey),
    ) &&
    Array.isArray(value.sequences) &&
    value.sequences.every((s) => isObject(s) && typeof s.name === 'string' && typeof s.isCalled === 'boolean');
  if (!valid) throw damaged('malformed header');
  return value as ArchiveHeader;
}

function checkRow(value: unknown, width: number): RowValues {
  if (!Array.isArray(value) || value.length !== width || !value.every((v) => v === null || typeof v === 'string')) {
    throw damaged('malformed row');
  }
  return value as RowValues;
}

/**
 * Reads an archive's uncompressed byte stream, checking its structure as it goes and the trailer's
 * row counts and SHA-256 at the end. Throws (AppError) on anything wrong, so a consumer that writes
 * inside a transaction rolls back on damage found late. Rows come in batches of up to `batchRows`.
 */
export async function* decodeArchive(input: AsyncIterable<Buffer>, batchRows = 1000): AsyncGenerator<ArchiveEvent> {
  const hash: Hash = createHash('sha256');
  let header: ArchiveHeader | undefined;
  let tableIndex = -1;
  let table: TableInfo | undefined;
  let batch: RowValues[] = [];
  const counts: Record<string, number> = {};
  let trailer: ArchiveTrailer | undefined;
  const lines = splitLines(input);
  const next = async () => {
    try {
      return await lines.next();
    } catch (err) {
      throw wrapStreamError(err);
    }
  };
  for (let r = await next(); !r.done; r = await next()) {
    const line = r.value;
    if (trailer) {
      if (line.length === 0) continue;
      throw damaged('data after the end marker');
    }
    if (!header) {
      header = checkHeader(parseJson(line, 'header'));
      hash.update(line).update('\n');
      yield { kind: 'header', header };
      continue;
    }
    if (line[0] === 0x5b /* [ */) {
      if (!table) throw damaged('row outside a table section');
      batch.push(checkRow(parseJson(line, 'row'), table.columns.length));
      hash.update(line).update('\n');
      counts[table.name] = (counts[table.name] ?? 0) + 1;
      if (batch.length >= batchRows) {
        yield { kind: 'rows', table, rows: batch };
        batch = [];
      }
      continue;
    }
    const marker = parseJson(line, 'section marker');
    if (table && batch.length) {
      yield { kind: 'rows', table, rows: batch };
      batch = [];
    }
    if (isObject(marker) && typeof marker.table === 'string') {
      tableIndex += 1;
      table = header.tables[tableIndex];
      if (!table || table.name !== marker.table) throw damaged(`unexpected section ${marker.table}`);
      counts[table.name] = 0;
      hash.update(line).update('\n');
      yield { kind: 'table', table };
      continue;
    }
    if (isObject(marker) && marker.end === true && typeof marker.sha256 === 'string' && isObject(marker.rows)) {
      trailer = marker as ArchiveTrailer;
      continue;
    }
    throw damaged('unknown line');
  }
  if (!header) throw damaged('empty file');
  if (!trailer) throw damaged('the end marker is missing: the file was cut short');
  if (hash.digest('hex') !== trailer.sha256) throw damaged('checksum mismatch');
  if (tableIndex !== header.tables.length - 1) throw damaged('tables are missing');
  for (const t of header.tables) {
    if (counts[t.name] !== t.rows || trailer.rows[t.name] !== t.rows) throw damaged(`row count of ${t.name}`);
  }
  yield { kind: 'end', trailer };
}

/** gzip and file errors while reading: a damaged archive rather than a crash. */
function wrapStreamError(err: unknown): Error {
  if (err instanceof AppError) return err;
  const e = err as NodeJS.ErrnoException;
  if (e.code === 'ENOENT') return new AppError('NOT_FOUND', `The backup file ${e.path ?? ''} does not exist.`);
  if (e.code === 'Z_DATA_ERROR') return new AppError('VALIDATION_FAILED', `This file is not a danvan backup or is damaged (${e.message}); nothing was restored.`);
  if (e.code === 'Z_BUF_ERROR' || /unexpected end/i.test(e.message)) return damaged('the file was cut short');
  return e instanceof Error ? e : new Error(String(err));
}
