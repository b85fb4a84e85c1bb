/**
 * The budgets of an uploaded .xlsx, the refusals that name them, and the first line of defence:
 * the zip's central directory, read (yauzl) before any part is inflated. The streaming reader
 * (xlsx-rows.ts) checks the rest while it reads, before the memory is spent.
 *
 * Every refusal is an AppError whose `details` are `{ reason, limit?, part? }`: the code says
 * what kind of refusal (UNSUPPORTED_FILE: not a workbook Excel could have written; FILE_TOO_LARGE:
 * a workbook beyond what an import takes), the reason which one (the web app translates it).
 * The figures and why they are what they are: docs/entries-excel.md, "Limits of a workbook".
 */
import yauzl from 'yauzl';
import { IMPORT_LIMITS } from '../../common/entries.js';
import type { ErrorCode } from '../../common/errors.js';
import { AppError } from '../errors.js';
import { IMPORT_COLUMNS } from './entries-columns.js';

const MB = 1024 * 1024;
/** The most cells an import can need: 100,000 rows × the template's columns (27 since the history columns). */
const TEMPLATE_CELLS = IMPORT_LIMITS.rows * IMPORT_COLUMNS.length;

export const XLSX_LIMITS = {
  fileBytes: IMPORT_LIMITS.fileBytes,
  parts: 1_000,
  /** All parts together, as the central directory declares them (yauzl fails a part that inflates to more). */
  unpackedBytes: 200 * MB,
  /** Any one part but those that grow with the rows (worksheets, shared strings, comments, their drawings). */
  partBytes: 16 * MB,
  /** Inflated / packed size of a part over 1 MB (spreadsheet XML packs ~10–30×). */
  compressionRatio: 200,
  /** One distinct text per cell of 100,000 rows × the template's columns, and 100,000 for the other sheets. */
  sharedStrings: TEMPLATE_CELLS + 100_000,
  /** All shared strings' characters: 2 bytes each in the table, so 64 MB at most (≈ 335 per row of a 100,000-row file). */
  sharedStringChars: 32 * MB,
  /** Excel's own limit for the text of one cell. */
  cellChars: 32_767,
  /** The text of one row (32 cells at Excel's limit; the template's own long-text columns need far less). */
  rowChars: MB,
  /** Cells holding a value in the sheet: twice 100,000 rows × the template's columns. */
  cells: 2 * TEMPLATE_CELLS,
  /** Excel's last column (XFD) and last row. */
  columns: 16_384,
  rows: 1_048_576,
  /** One piece of XML held whole by the parser: a text, a tag with its attributes, a comment. */
  xmlChars: MB,
  /** Elements inside elements (SpreadsheetML needs about 10). */
  xmlDepth: 64,
} as const;

const REFUSALS = {
  not_zip: 'UNSUPPORTED_FILE',
  damaged_zip: 'UNSUPPORTED_FILE',
  encrypted: 'UNSUPPORTED_FILE',
  duplicate_part: 'UNSUPPORTED_FILE',
  too_many_parts: 'UNSUPPORTED_FILE',
  zip_bomb: 'UNSUPPORTED_FILE',
  not_workbook: 'UNSUPPORTED_FILE',
  missing_part: 'UNSUPPORTED_FILE',
  no_worksheet: 'UNSUPPORTED_FILE',
  invalid_xml: 'UNSUPPORTED_FILE',
  xml_too_deep: 'UNSUPPORTED_FILE',
  xml_too_long: 'UNSUPPORTED_FILE',
  column_out_of_range: 'UNSUPPORTED_FILE',
  row_out_of_range: 'UNSUPPORTED_FILE',
  cell_too_long: 'UNSUPPORTED_FILE',
  unreadable_workbook: 'UNSUPPORTED_FILE',
  file_too_large: 'FILE_TOO_LARGE',
  unpacked_too_large: 'FILE_TOO_LARGE',
  part_too_large: 'FILE_TOO_LARGE',
  too_many_shared_strings: 'FILE_TOO_LARGE',
  shared_strings_too_long: 'FILE_TOO_LARGE',
  row_too_long: 'FILE_TOO_LARGE',
  too_many_cells: 'FILE_TOO_LARGE',
  too_many_rows: 'FILE_TOO_LARGE',
  too_large_for_report: 'FILE_TOO_LARGE',
} as const satisfies Record<string, ErrorCode>;

export type XlsxRefusalReason = keyof typeof REFUSALS;
export const XLSX_REFUSAL_REASONS = Object.keys(REFUSALS) as XlsxRefusalReason[];

/** The refusal of a workbook: its code follows from the reason; `limit` and `part` go to `details` for the message. */
export function xlsxRefusal(reason: XlsxRefusalReason, message: string, extra: { limit?: number; part?: string } = {}): AppError {
  return new AppError(REFUSALS[reason], message, { reason, ...extra });
}

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

/**
 * A part's name as OPC compares them: case-insensitive, forward slashes, no leading slash
 * (ECMA-376 Part 2 §6.2.2.3). Two entries with the same key are the same part twice.
 */
export const partKey = (name: string) => name.replace(/\\/g, '/').replace(/\/{2,}/g, '/').replace(/^\//, '').toLowerCase();

/** Parts whose size grows with the rows: bounded by the whole workbook's budget, not by partBytes. */
const ROW_SIZED = /^xl\/(worksheets\/[^/]+\.xml|sharedstrings\.xml|comments[^/]*\.xml|threadedcomments\/[^/]+\.xml|drawings\/[^/]+\.vml)$/;

export type XlsxZip = { file: yauzl.ZipFile; parts: Map<string, yauzl.Entry> };

const damagedZip = () => xlsxRefusal('damaged_zip', 'The file is a damaged zip archive');

/**
 * Opens the upload as a zip and checks its central directory, nothing inflated: the size, the zip
 * signature, the number of parts, each part once (a second entry of the same name, or one
 * differing only in case or slashes, is refused: no "last one wins"), no encrypted part, the
 * compression ratio and unpacked size of each part and of all together, and the two parts every
 * workbook has. yauzl then holds every part to its declared size while inflating
 * (validateEntrySizes), so the declared sizes checked here bound what reading can inflate.
 * Returns the parts by `partKey`; the caller closes `file`.
 */
export async function openXlsxZip(buffer: Buffer): Promise<XlsxZip> {
  if (buffer.length > XLSX_LIMITS.fileBytes) {
    throw xlsxRefusal('file_too_large', `The file is larger than ${XLSX_LIMITS.fileBytes / MB} MB`, { limit: XLSX_LIMITS.fileBytes });
  }
  if (buffer.length < ZIP_MAGIC.length || !buffer.subarray(0, 4).equals(ZIP_MAGIC)) throw xlsxRefusal('not_zip', 'The file is not an .xlsx workbook (not a zip archive)');
  const file = await new Promise<yauzl.ZipFile>((resolve, reject) =>
    yauzl.fromBuffer(buffer, { lazyEntries: true, validateEntrySizes: true, strictFileNames: false }, (err, z) => (err || !z ? reject(damagedZip()) : resolve(z))),
  );
  try {
    if (file.entryCount > XLSX_LIMITS.parts) throw xlsxRefusal('too_many_parts', `The workbook has more than ${XLSX_LIMITS.parts} parts`, { limit: XLSX_LIMITS.parts });
    const parts = new Map<string, yauzl.Entry>();
    let total = 0;
    await new Promise<void>((resolve, reject) => {
      file.on('error', () => reject(damagedZip()));
      file.on('end', () => resolve());
      file.on('entry', (entry: yauzl.Entry) => {
        const refusal = checkEntry(entry, parts, (total += entry.uncompressedSize));
        if (refusal) return reject(refusal);
        parts.set(partKey(entry.fileName), entry);
        file.readEntry();
      });
      file.readEntry();
    });
    if (!parts.has('[content_types].xml') || !parts.has('xl/workbook.xml')) throw xlsxRefusal('not_workbook', 'The zip archive holds no Excel workbook');
    return { file, parts };
  } catch (err) {
    file.close();
    throw err;
  }
}

function checkEntry(entry: yauzl.Entry, seen: Map<string, yauzl.Entry>, total: number): AppError | null {
  const part = entry.fileName;
  const key = partKey(part);
  if (seen.has(key)) return xlsxRefusal('duplicate_part', `The part ${part} is in the zip archive twice`, { part });
  if (entry.isEncrypted()) return xlsxRefusal('encrypted', `The part ${part} is encrypted`, { part });
  const size = entry.uncompressedSize;
  if (size > MB && size / Math.max(entry.compressedSize, 1) > XLSX_LIMITS.compressionRatio) {
    return xlsxRefusal('zip_bomb', `The part ${part} is compressed more than ${XLSX_LIMITS.compressionRatio}×: a zip bomb?`, { part, limit: XLSX_LIMITS.compressionRatio });
  }
  if (size > XLSX_LIMITS.partBytes && !ROW_SIZED.test(key)) {
    return xlsxRefusal('part_too_large', `The part ${part} unpacks to more than ${XLSX_LIMITS.partBytes / MB} MB`, { part, limit: XLSX_LIMITS.partBytes });
  }
  if (total > XLSX_LIMITS.unpackedBytes) {
    return xlsxRefusal('unpacked_too_large', `The workbook unpacks to more than ${XLSX_LIMITS.unpackedBytes / MB} MB`, { limit: XLSX_LIMITS.unpackedBytes });
  }
  return null;
}
