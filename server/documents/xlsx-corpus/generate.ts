/**
 * The malformed-workbook corpus: every way an uploaded .xlsx has been (or could be) made to hurt
 * the import — bombs in each part, the 36-million-empty-strings workbook, a column at
 * 4,294,967,294, damaged tails after valid rows, 100,001 rows, hidden sheets, duplicate zip
 * entries, encrypted, truncated, zip64 and lying parts — each with the answer the import must
 * give. Built at test time (xlsx-corpus.test.ts), never committed; deterministic (seeded).
 *
 * By hand: `npx tsx server/documents/xlsx-corpus/generate.ts <folder> [unit]` writes the files
 * and manifest.json (`unit` is how the valid rows name their unit, e.g. '#123'; default '#1').
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { IMPORT_LIMITS } from '../../../common/entries.js';
import { XLSX_LIMITS, type XlsxRefusalReason } from '../xlsx-limits.js';
import { columnName, entryRows, entryValues, headerRow, inlineCell, numberCell, sharedStringsXml, sheetXml, templateRow, workbookParts, type SheetSpec } from './workbook-parts.js';
import { type Piece, zip, type ZipPart } from './zip-writer.js';

const MiB = 1024 * 1024;

export type Refusal = { status: 413 | 415; code: 'FILE_TOO_LARGE' | 'UNSUPPORTED_FILE'; reason: XlsxRefusalReason; part?: string; limit?: number };
/** An import that succeeds, writing `titles` (the sheet the person sees). */
export type Accepted = { status: 200; titles: string[] };
export type Expected = Refusal | Accepted;

export type CorpusContext = { unit: string };
export type CorpusCase = { name: string; about: string; expect: Expected; build: (c: CorpusContext) => Buffer };
export type CorpusFile = { name: string; about: string; expect: Expected; file: string; bytes: number };

const unsupported = (reason: XlsxRefusalReason, extra: { part?: string; limit?: number } = {}): Refusal => ({ status: 415, code: 'UNSUPPORTED_FILE', reason, ...extra });
const tooLarge = (reason: XlsxRefusalReason, extra: { part?: string; limit?: number } = {}): Refusal => ({ status: 413, code: 'FILE_TOO_LARGE', reason, ...extra });

/** A seeded generator (xorshift32): the same corpus on every run. */
function random(seed: number): () => number {
  let x = seed || 1;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 4294967296;
  };
}

/**
 * `length` letters, mostly 'a' with a random one every ~48: deflates ~25:1, well under the
 * 200:1 that counts as a bomb, so a part of it is refused (or not) by its other budgets.
 */
function filler(length: number, seed = 7): string {
  const next = random(seed);
  const out = Buffer.alloc(length, 0x61);
  for (let i = Math.floor(next() * 48); i < length; i += 1 + Math.floor(next() * 96)) out[i] = 0x61 + Math.floor(next() * 26);
  return out.toString('latin1');
}

/** One MiB of `<si/>`, a newline after about one in ten at random: deflates ~40:1 like the issue's file. */
function emptyStrings(): { block: string; count: number } {
  const next = random(11);
  const units: string[] = [];
  let bytes = 0;
  while (bytes < MiB - 6) {
    const unit = next() < 0.1 ? '<si/>\n' : '<si/>';
    units.push(unit);
    bytes += unit.length;
  }
  return { block: units.join(''), count: units.length };
}

/** A sheet of the header and `rows` valid entries. */
const entriesSheet = (c: CorpusContext, title: string, rows: number) => sheetXml(headerRow(), entryRows(c.unit, title, 2, rows));
const book = (sheets: SheetSpec[], more: Omit<Parameters<typeof workbookParts>[0], 'sheets'> = {}) => zip(workbookParts({ sheets, ...more }));
const dataSheet = (body: Piece[]): SheetSpec => ({ name: 'Đăng ký', body });
/** A valid workbook of `rows` entries whose part `name` is replaced. */
const withPart = (c: CorpusContext, name: string, pieces: Piece[]) => book([dataSheet(entriesSheet(c, 'Mô hình', 3))], { replace: { [name]: pieces } });

/** 100,001 rows: the constant cells as shared strings, the title inline (≈ 25 MB of XML). */
function manyRows(c: CorpusContext, count: number): Buffer {
  const v = entryValues(c.unit, '');
  const strings = [v.unit, v.level, v.kind, v.form, v.field];
  const rows: string[] = [headerRow()];
  for (let r = 2; r < count + 2; r++) {
    rows.push(
      `<row r="${r}">${strings.map((_, i) => `<c r="${columnName(i + 1)}${r}" t="s"><v>${i}</v></c>`).join('')}${numberCell(`F${r}`, v.year)}${inlineCell(`H${r}`, `Mô hình dòng ${r}`)}</row>`,
    );
  }
  return book([dataSheet(sheetXml(rows.join('')))], { sharedStrings: sharedStringsXml(...strings.map((s) => `<si><t>${s}</t></si>`)) });
}

/** One row of `cells` numeric cells without references (each is the next column). */
/** Rows of 16,000 cells that pass the cell budget. */
const WIDE_ROWS = Math.floor(XLSX_LIMITS.cells / 16_000) + 1;

function wideRow(cells: number): string {
  const next = random(5);
  const parts: string[] = ['<row>'];
  for (let i = 0; i < cells; i++) parts.push(`<c><v>${Math.floor(next() * 1000)}</v></c>`);
  parts.push('</row>');
  return parts.join('');
}

const bomb = (name: string): CorpusCase => ({
  name: `bomb-${name.replace(/[^a-zA-Z]+/g, '-').replace(/^-|-$/g, '')}`,
  about: `${name}: 150 MB of spaces packed 1000:1`,
  expect: unsupported('zip_bomb', { part: name, limit: XLSX_LIMITS.compressionRatio }),
  build: (c) => withPart(c, name, [{ repeat: ' '.repeat(MiB), times: 150 }]),
});

export const CORPUS: CorpusCase[] = [
  {
    name: 'shared-strings-36-million',
    about: 'issue 10 §2: ~36 million empty shared strings, ≈ 176 MB unpacked at 40:1 — under the zip limits',
    expect: tooLarge('too_many_shared_strings', { part: 'xl/sharedStrings.xml', limit: XLSX_LIMITS.sharedStrings }),
    build: (c) => {
      const { block, count } = emptyStrings();
      return book([dataSheet(entriesSheet(c, 'Mô hình', 3))], { sharedStrings: sharedStringsXml({ repeat: block, times: Math.ceil(36_000_000 / count) }) });
    },
  },
  {
    name: 'shared-strings-characters',
    about: '1,120 shared strings of 30,000 characters: 33.6 million characters',
    expect: tooLarge('shared_strings_too_long', { part: 'xl/sharedStrings.xml', limit: XLSX_LIMITS.sharedStringChars }),
    build: (c) => book([dataSheet(entriesSheet(c, 'Mô hình', 3))], { sharedStrings: sharedStringsXml({ repeat: `<si><t>${filler(30_000)}</t></si>`, times: 1_120 }) }),
  },
  {
    name: 'shared-string-too-long',
    about: 'one shared string of 40,000 characters (Excel allows 32,767 in a cell)',
    expect: unsupported('cell_too_long', { part: 'xl/sharedStrings.xml', limit: XLSX_LIMITS.cellChars }),
    build: (c) => book([dataSheet(entriesSheet(c, 'Mô hình', 3))], { sharedStrings: sharedStringsXml(`<si><t>${filler(40_000)}</t></si>`) }),
  },
  {
    name: 'inline-cell-too-long',
    about: 'an inline string of 40,000 characters in a data row',
    expect: unsupported('cell_too_long', { part: 'xl/worksheets/sheet1.xml', limit: XLSX_LIMITS.cellChars }),
    build: (c) => book([dataSheet(sheetXml(headerRow(), templateRow(2, { ...entryValues(c.unit, 'Mô hình'), description: filler(40_000) })))]),
  },
  {
    name: 'huge-text-node',
    about: 'a cell whose text is 50 MB long: the parser would hold it whole',
    expect: unsupported('xml_too_long', { part: 'xl/worksheets/sheet1.xml', limit: XLSX_LIMITS.xmlChars }),
    build: () => book([dataSheet(sheetXml(headerRow(), '<row r="2"><c r="A2" t="inlineStr"><is><t>', { repeat: filler(MiB), times: 50 }, '</t></is></c></row>'))]),
  },
  {
    name: 'huge-comment-in-workbook',
    about: 'a 15-MB XML comment in xl/workbook.xml',
    expect: unsupported('xml_too_long', { part: 'xl/workbook.xml', limit: XLSX_LIMITS.xmlChars }),
    build: (c) => {
      const parts = workbookParts({ sheets: [dataSheet(entriesSheet(c, 'Mô hình', 3))] });
      const wb = parts.find((p) => p.name === 'xl/workbook.xml')!;
      const xml = wb.pieces[0] as string;
      const at = xml.indexOf('<sheets>');
      wb.pieces = [`${xml.slice(0, at)}<!--`, { repeat: filler(MiB), times: 15 }, `-->${xml.slice(at)}`];
      return zip(parts);
    },
  },
  {
    name: 'deep-nesting',
    about: '100,000 elements inside each other in the sheet',
    expect: unsupported('xml_too_deep', { part: 'xl/worksheets/sheet1.xml', limit: XLSX_LIMITS.xmlDepth }),
    build: () => book([dataSheet(sheetXml(headerRow(), '<x>'.repeat(100_000), '</x>'.repeat(100_000)))]),
  },
  {
    name: 'entity-expansion',
    about: 'a "billion laughs" DTD in xl/workbook.xml',
    expect: unsupported('invalid_xml', { part: 'xl/workbook.xml' }),
    build: (c) => {
      const laughs = ['<!ENTITY l0 "ha">', ...Array.from({ length: 9 }, (_, i) => `<!ENTITY l${i + 1} "${`&l${i};`.repeat(10)}">`)].join('');
      const parts = workbookParts({ sheets: [dataSheet(entriesSheet(c, 'Mô hình', 3))] });
      const wb = parts.find((p) => p.name === 'xl/workbook.xml')!;
      wb.pieces = [(wb.pieces[0] as string).replace('<workbook ', `<!DOCTYPE workbook [${laughs}]><workbook `).replace('</sheets>', '</sheets><definedNames><definedName name="x">&l9;</definedName></definedNames>')];
      return zip(parts);
    },
  },
  {
    name: 'column-4294967294',
    about: 'issue 10 §3: a header cell at column 4,294,967,294 (MWLQKWT), a 3-KB file',
    expect: unsupported('column_out_of_range', { part: 'xl/worksheets/sheet1.xml', limit: XLSX_LIMITS.columns }),
    build: (c) => book([dataSheet(sheetXml(headerRow(inlineCell(`${columnName(4_294_967_294)}1`, 'Ghi chú')), entryRows(c.unit, 'Mô hình', 2, 3)))]),
  },
  {
    name: 'column-after-xfd',
    about: 'a cell at XFE2, one column past the last Excel has',
    expect: unsupported('column_out_of_range', { part: 'xl/worksheets/sheet1.xml', limit: XLSX_LIMITS.columns }),
    build: (c) => book([dataSheet(sheetXml(headerRow(), templateRow(2, entryValues(c.unit, 'Mô hình')).replace('</row>', `${inlineCell('XFE2', 'x')}</row>`)))]),
  },
  {
    name: 'row-after-1048576',
    about: 'a row numbered 1,048,577',
    expect: unsupported('row_out_of_range', { part: 'xl/worksheets/sheet1.xml', limit: XLSX_LIMITS.rows }),
    build: (c) => book([dataSheet(sheetXml(headerRow(), templateRow(1_048_577, entryValues(c.unit, 'Mô hình'))))]),
  },
  {
    name: 'too-many-cells',
    // The budget follows the template's columns (twice 100,000 rows of them): one wide row more than it holds.
    about: `${WIDE_ROWS} rows of 16,000 numeric cells: ${(WIDE_ROWS * 16_000).toLocaleString('en')} cells with a value`,
    expect: tooLarge('too_many_cells', { part: 'xl/worksheets/sheet1.xml', limit: XLSX_LIMITS.cells }),
    build: () => book([dataSheet(sheetXml(headerRow(), { repeat: wideRow(16_000), times: WIDE_ROWS }))]),
  },
  {
    name: 'row-too-long',
    about: 'one row of 40 cells of 30,000 characters',
    expect: tooLarge('row_too_long', { part: 'xl/worksheets/sheet1.xml', limit: XLSX_LIMITS.rowChars }),
    build: () => book([dataSheet(sheetXml(headerRow(), `<row r="2">${Array.from({ length: 40 }, (_, i) => inlineCell(`${columnName(i + 1)}2`, filler(30_000, i + 1))).join('')}</row>`))]),
  },
  {
    name: 'rows-100001',
    about: 'issue 10 §4: 100,001 valid rows',
    expect: tooLarge('too_many_rows', { limit: IMPORT_LIMITS.rows }),
    build: (c) => manyRows(c, IMPORT_LIMITS.rows + 1),
  },
  {
    name: 'damaged-tail-xml',
    about: 'issue 10 §4: 1,000 valid rows (one batch), then the sheet XML stops in the middle of a row',
    expect: unsupported('invalid_xml', { part: 'xl/worksheets/sheet1.xml' }),
    build: (c) => book([dataSheet([...sheetXml(headerRow(), entryRows(c.unit, 'Mô hình đuôi hỏng', 2, 1_000)).slice(0, -1), '<row r="1002"><c r="A1002" t="inlineStr"><is><t>cắt ngang'])]),
  },
  {
    name: 'damaged-tail-deflate',
    about: 'issue 10 §4: 1,000 valid rows (one batch), then the packed sheet is cut short',
    expect: unsupported('damaged_zip', { part: 'xl/worksheets/sheet1.xml' }),
    build: (c) => {
      const parts = workbookParts({ sheets: [dataSheet(entriesSheet(c, 'Mô hình nén hỏng', 1_000))] });
      parts.find((p) => p.name === 'xl/worksheets/sheet1.xml')!.cutBytes = 200;
      return zip(parts);
    },
  },
  {
    name: 'hidden-sheets-first',
    about: 'issue 10 §10: a hidden and a very hidden sheet before the visible one',
    expect: { status: 200, titles: ['Hiện ra 2', 'Hiện ra 3'] },
    build: (c) =>
      book([
        { name: 'Ẩn', state: 'hidden', body: entriesSheet(c, 'Ẩn đi', 3) },
        { name: 'Rất ẩn', state: 'veryHidden', body: entriesSheet(c, 'Rất ẩn', 3) },
        { name: 'Trang tính', body: entriesSheet(c, 'Hiện ra', 2) },
      ]),
  },
  {
    name: 'template-sheet-by-name',
    about: 'a visible notes sheet before the template\'s data sheet "Đăng ký": the data sheet is read',
    expect: { status: 200, titles: ['Theo tên trang 2'] },
    build: (c) => book([{ name: 'Ghi chú', body: sheetXml(templateRow(1, { unit: 'ghi chú của cán bộ' })) }, dataSheet(entriesSheet(c, 'Theo tên trang', 1))]),
  },
  {
    name: 'only-hidden-sheets',
    about: 'every sheet hidden',
    expect: unsupported('no_worksheet'),
    build: (c) => book([{ name: 'Ẩn', state: 'hidden', body: entriesSheet(c, 'Ẩn đi', 2) }]),
  },
  ...(
    [
      ['duplicate-part', 'xl/worksheets/sheet1.xml'],
      ['duplicate-part-case', 'XL/Worksheets/Sheet1.xml'],
      ['duplicate-part-backslash', 'xl\\worksheets\\sheet1.xml'],
    ] as const
  ).map(
    ([name, second]): CorpusCase => ({
      name,
      about: `the sheet twice: xl/worksheets/sheet1.xml and ${second}`,
      expect: unsupported('duplicate_part', { part: second.replace(/\\/g, '/') }),
      build: (c) => book([dataSheet(entriesSheet(c, 'Bản thứ nhất', 2))], { extra: [{ name: second, pieces: entriesSheet(c, 'Bản thứ hai', 2) }] }),
    }),
  ),
  { name: 'not-a-zip', about: 'a text file named .xlsx', expect: unsupported('not_zip'), build: () => Buffer.from('Đơn vị;Năm\nXã A;2026\n') },
  {
    name: 'truncated-zip',
    about: 'a valid workbook cut in half',
    expect: unsupported('damaged_zip'),
    build: (c) => {
      const whole = book([dataSheet(entriesSheet(c, 'Mô hình', 50))]);
      return whole.subarray(0, Math.floor(whole.length / 2));
    },
  },
  {
    name: 'encrypted-part',
    about: 'the sheet flagged as encrypted',
    expect: unsupported('encrypted', { part: 'xl/worksheets/sheet1.xml' }),
    build: (c) => {
      const parts = workbookParts({ sheets: [dataSheet(entriesSheet(c, 'Mô hình', 2))] });
      parts.find((p) => p.name === 'xl/worksheets/sheet1.xml')!.encrypted = true;
      return zip(parts);
    },
  },
  {
    name: 'zip64-size',
    about: 'the sheet declared (zip64) to unpack to 1 TB',
    expect: unsupported('zip_bomb', { part: 'xl/worksheets/sheet1.xml', limit: XLSX_LIMITS.compressionRatio }),
    build: (c) => {
      const parts = workbookParts({ sheets: [dataSheet(entriesSheet(c, 'Mô hình', 2))] });
      parts.find((p) => p.name === 'xl/worksheets/sheet1.xml')!.zip64Size = 2 ** 40;
      return zip(parts);
    },
  },
  {
    name: 'lying-size',
    about: 'the sheet declared as 1 kB, inflating to 10 MB',
    expect: unsupported('damaged_zip', { part: 'xl/worksheets/sheet1.xml' }),
    build: () => {
      const parts = workbookParts({ sheets: [dataSheet(sheetXml(headerRow(), `<row r="2">${inlineCell('H2', '')}`, { repeat: filler(MiB), times: 10 }))] });
      parts.find((p) => p.name === 'xl/worksheets/sheet1.xml')!.declaredSize = 1024;
      return zip(parts);
    },
  },
  ...['xl/sharedStrings.xml', 'xl/worksheets/sheet1.xml', 'xl/workbook.xml', 'xl/styles.xml', '[Content_Types].xml', '_rels/.rels', 'xl/_rels/workbook.xml.rels'].map((name) =>
    name === 'xl/sharedStrings.xml'
      ? { ...bomb(name), build: (c: CorpusContext) => book([dataSheet(entriesSheet(c, 'Mô hình', 3))], { sharedStrings: [{ repeat: ' '.repeat(MiB), times: 150 }] }) }
      : bomb(name),
  ),
  {
    name: 'large-styles',
    about: 'xl/styles.xml of 17 MB at ~25:1',
    expect: tooLarge('part_too_large', { part: 'xl/styles.xml', limit: XLSX_LIMITS.partBytes }),
    build: (c) => withPart(c, 'xl/styles.xml', [{ repeat: filler(MiB), times: 17 }]),
  },
  {
    name: 'unpacked-too-large',
    about: 'three extra worksheet parts of 70 MB each at ~25:1: 210 MB in all',
    expect: tooLarge('unpacked_too_large', { limit: XLSX_LIMITS.unpackedBytes }),
    build: (c) =>
      book([dataSheet(entriesSheet(c, 'Mô hình', 2))], { extra: [2, 3, 4].map((i): ZipPart => ({ name: `xl/worksheets/sheet${i}.xml`, pieces: [{ repeat: filler(MiB, i), times: 70 }] })) }),
  },
  {
    name: 'too-many-parts',
    about: '1,001 parts',
    expect: unsupported('too_many_parts', { limit: XLSX_LIMITS.parts }),
    build: (c) =>
      book([dataSheet(entriesSheet(c, 'Mô hình', 2))], { extra: Array.from({ length: XLSX_LIMITS.parts }, (_, i): ZipPart => ({ name: `xl/media/image${i}.bin`, pieces: ['x'], method: 'store' })) }),
  },
  {
    name: 'not-a-workbook',
    about: 'a zip without xl/workbook.xml',
    expect: unsupported('not_workbook'),
    build: () => zip([{ name: '[Content_Types].xml', pieces: ['<Types/>'] }, { name: 'word/document.xml', pieces: ['<document/>'] }]),
  },
  {
    name: 'missing-sheet-part',
    about: 'the workbook names a sheet whose part is not in the zip',
    expect: unsupported('missing_part', { part: 'xl/worksheets/sheet1.xml' }),
    build: (c) => zip(workbookParts({ sheets: [dataSheet(entriesSheet(c, 'Mô hình', 2))] }).filter((p) => p.name !== 'xl/worksheets/sheet1.xml')),
  },
];

/** Writes every case's file and manifest.json into `dir`; returns the manifest. */
export function writeCorpus(dir: string, context: CorpusContext, only?: (name: string) => boolean): CorpusFile[] {
  mkdirSync(dir, { recursive: true });
  const manifest: CorpusFile[] = [];
  for (const c of CORPUS) {
    if (only && !only(c.name)) continue;
    const bytes = c.build(context);
    const file = path.join(dir, `${c.name}.xlsx`);
    writeFileSync(file, bytes);
    manifest.push({ name: c.name, about: c.about, expect: c.expect, file, bytes: bytes.length });
  }
  writeFileSync(path.join(dir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const [dir, unit = '#1'] = process.argv.slice(2);
  if (!dir) {
    console.error('usage: npx tsx server/documents/xlsx-corpus/generate.ts <folder> [unit, e.g. #123]');
    process.exit(2);
  }
  for (const f of writeCorpus(dir, { unit })) console.log(`${f.name.padEnd(32)} ${String(f.bytes).padStart(10)} B  → ${f.expect.status} ${'reason' in f.expect ? f.expect.reason : ''}`);
}
