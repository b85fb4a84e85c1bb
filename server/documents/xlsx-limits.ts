/**
 * Checks an uploaded .xlsx before anything is unpacked: only the zip's central directory is read
 * (yauzl, lazily, no entry is inflated), so a zip bomb is refused in milliseconds and without
 * memory. The limits: see XLSX_LIMITS.
 */
import yauzl from 'yauzl';
import { IMPORT_LIMITS } from '../../common/entries.js';
import { AppError } from '../errors.js';

export const XLSX_LIMITS = {
  fileBytes: IMPORT_LIMITS.fileBytes,
  entries: 1_000,
  totalUncompressedBytes: 200 * 1024 * 1024,
  /** Uncompressed / compressed size of any one entry (spreadsheet XML compresses ~10–30×). */
  compressionRatio: 200,
} as const;

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

export type XlsxInspection = { entries: number; uncompressedBytes: number };

const notXlsx = (reason: string) => new AppError('UNSUPPORTED_FILE', `The file is not an .xlsx workbook (${reason})`, { reason });

/**
 * Throws UNSUPPORTED_FILE (not a zip, not a workbook, too many entries, a suspicious compression
 * ratio) or FILE_TOO_LARGE (too big, packed or unpacked); returns the figures otherwise.
 */
export async function inspectXlsx(buffer: Buffer): Promise<XlsxInspection> {
  if (buffer.length > XLSX_LIMITS.fileBytes) {
    throw new AppError('FILE_TOO_LARGE', `The file is larger than ${XLSX_LIMITS.fileBytes / 1024 / 1024} MB`, { maxBytes: XLSX_LIMITS.fileBytes });
  }
  if (buffer.length < ZIP_MAGIC.length || !buffer.subarray(0, 4).equals(ZIP_MAGIC)) throw notXlsx('not a zip archive');
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
    yauzl.fromBuffer(buffer, { lazyEntries: true, validateEntrySizes: true, strictFileNames: false }, (err, z) => (err || !z ? reject(notXlsx('damaged zip archive')) : resolve(z))),
  );
  try {
    if (zip.entryCount > XLSX_LIMITS.entries) throw notXlsx(`more than ${XLSX_LIMITS.entries} parts`);
    const names = new Set<string>();
    let total = 0;
    await new Promise<void>((resolve, reject) => {
      zip.on('error', () => reject(notXlsx('damaged zip archive')));
      zip.on('end', () => resolve());
      zip.on('entry', (entry: yauzl.Entry) => {
        names.add(entry.fileName);
        total += entry.uncompressedSize;
        if (total > XLSX_LIMITS.totalUncompressedBytes) {
          return reject(new AppError('FILE_TOO_LARGE', `The workbook unpacks to more than ${XLSX_LIMITS.totalUncompressedBytes / 1024 / 1024} MB`, { maxUncompressedBytes: XLSX_LIMITS.totalUncompressedBytes }));
        }
        const ratio = entry.uncompressedSize / Math.max(entry.compressedSize, 1);
        if (entry.uncompressedSize > 1024 * 1024 && ratio > XLSX_LIMITS.compressionRatio) {
          return reject(notXlsx(`part ${entry.fileName} is compressed ${Math.round(ratio)}×: a zip bomb?`));
        }
        zip.readEntry();
      });
      zip.readEntry();
    });
    if (!names.has('[Content_Types].xml') || !names.has('xl/workbook.xml')) throw notXlsx('no workbook inside the zip');
    return { entries: names.size, uncompressedBytes: total };
  } finally {
    zip.close();
  }
}
