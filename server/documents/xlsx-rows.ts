/**
 * The rows of one worksheet of an .xlsx, streamed with every budget checked as they are read.
 * The zip is opened by its central directory (xlsx-limits.ts: sizes, ratios, duplicate or
 * encrypted parts refused before anything is inflated); the workbook and its relationships say
 * which part is the sheet; the shared strings are read into a compact table with their budgets
 * (xlsx-shared-strings.ts); then the sheet row by row through a guarded SAX parser (xlsx-xml.ts).
 * Memory stays bounded by the budgets, not by the rows: a row is at most XFD (16,384) columns
 * and XLSX_LIMITS.rowChars characters, and a cell reference beyond XFD or a row number beyond
 * 1,048,576 is refused when it is read, before anything is stored by it.
 *
 * Which sheet: the visible one named in the options (the template's data sheet) or else the
 * first visible worksheet in the workbook's order. Hidden and very hidden sheets are never read:
 * an import must take what the person sees in Excel.
 *
 * Why not exceljs's streaming reader (`stream.xlsx.WorkbookReader`), which this replaced: it reads
 * the zip in one forward pass and, for files whose `xl/workbook.xml` comes after the sheets (as
 * exceljs itself writes them, and so our own template), it intermittently lost that entry and
 * threw "Cannot read properties of undefined (reading 'sheets')" — a 500 on an import now and
 * then, more often under load (exceljs issue #3064, open). It also left a temporary file and its
 * descriptor behind for every import, because it parses such sheets from a temp file it only
 * removes once all sheets are read. Reading by the central directory has neither problem.
 *
 * Values as the import expects them (`CellValue`): shared and inline strings as text (rich text
 * runs joined, phonetic runs left out), numbers as numbers (dates too: the import reads Excel's
 * day numbers and text dates itself), booleans, a formula's cached result, an error as its text.
 */
import path from 'node:path';
import type { CellValue, SheetRow } from './entries-workbook.js';
import { openXlsxZip, partKey, XLSX_LIMITS, xlsxRefusal, type XlsxZip } from './xlsx-limits.js';
import { readSharedStrings, SharedStrings } from './xlsx-shared-strings.js';
import { attr, localName, prefixedAttr, readXmlPart, xmlPart } from './xlsx-xml.js';

/** An opened workbook: the sheet chosen, its rows (each call reads them again from the start), close(). */
export type XlsxWorkbook = {
  /** The name of the sheet whose rows are read. */
  sheet: string;
  rows(): AsyncGenerator<SheetRow>;
  close(): void;
};

export type XlsxReadOptions = {
  /** Read the visible sheet of this name when there is one (else the first visible worksheet). */
  sheet?: string;
};

/** `worksheets/sheet1.xml` relative to xl/, or `/xl/worksheets/sheet1.xml`, as a part's path; null when it leaves the package. */
function partPath(target: string): string | null {
  const p = path.posix.normalize(target.startsWith('/') ? target.slice(1) : `xl/${target}`);
  return p.startsWith('../') || p === '..' ? null : p;
}

type SheetChoice = { name: string; part: string; sharedStrings: string | null };

/**
 * The sheet to read, from the workbook's sheet list (the visible sheets in order, no more of them
 * kept than the zip may have parts) and the workbook's relationships (only those of these sheets
 * and the shared strings are kept): memory does not grow with what a hostile workbook.xml lists.
 */
async function chooseSheet(zip: XlsxZip, preferred: string | undefined): Promise<SheetChoice> {
  const visible: { name: string; rel: string }[] = [];
  await readXmlPart(zip, 'xl/workbook.xml', {
    open: (tag) => {
      if (localName(tag.name) !== 'sheet' || visible.length >= XLSX_LIMITS.parts) return;
      const state = attr(tag, 'state');
      if (state === 'hidden' || state === 'veryHidden') return;
      visible.push({ name: attr(tag, 'name') ?? '', rel: prefixedAttr(tag, 'id') ?? '' });
    },
  });
  const wanted = new Set(visible.map((s) => s.rel));
  const sheets = new Map<string, string>();
  let sharedStrings: string | null = null;
  await readXmlPart(zip, 'xl/_rels/workbook.xml.rels', {
    open: (tag) => {
      if (localName(tag.name) !== 'Relationship' || attr(tag, 'TargetMode') === 'External') return;
      const type = attr(tag, 'Type') ?? '';
      const target = partPath(attr(tag, 'Target') ?? '');
      const id = attr(tag, 'Id') ?? '';
      if (!target) return;
      if (type.endsWith('/sharedStrings')) sharedStrings = target;
      else if (type.endsWith('/worksheet') && wanted.has(id)) sheets.set(id, target);
    },
  });
  // Chart sheets and dialog sheets are in the same list: only worksheets have rows.
  const worksheets = visible.filter((s) => sheets.has(s.rel));
  const chosen = worksheets.find((s) => preferred !== undefined && s.name === preferred) ?? worksheets[0];
  if (!chosen) throw xlsxRefusal('no_worksheet', 'The workbook has no visible worksheet');
  if (sharedStrings === null && zip.parts.has('xl/sharedstrings.xml')) sharedStrings = 'xl/sharedStrings.xml';
  return { name: chosen.name, part: sheets.get(chosen.rel)!, sharedStrings };
}

/**
 * 'B12' → 2 (1-based), null without a letter. Stops counting once past XFD: a reference like
 * 'MWLQKWT1' (column 4,294,967,294) answers a number just over the limit, never a huge one.
 */
function columnOf(ref: string | undefined): number | null {
  if (!ref) return null;
  let col = 0;
  for (let i = 0; i < ref.length && col <= XLSX_LIMITS.columns; i++) {
    const code = ref.charCodeAt(i) | 0x20; // lower case
    if (code < 97 || code > 122) break;
    col = col * 26 + (code - 96);
  }
  return col || null;
}

type Cell = { col: number; type: string; value: string; inline: string | null };

function cellValue(c: Cell, strings: SharedStrings): CellValue {
  if (c.inline !== null) return c.inline;
  if (c.value === '') return null;
  switch (c.type) {
    case 's':
      return strings.get(Number(c.value));
    case 'str':
    case 'inlineStr':
    case 'e':
      return c.value;
    case 'b':
      return Number(c.value) !== 0;
    default: {
      const n = Number(c.value);
      return Number.isFinite(n) ? n : c.value;
    }
  }
}

const tooLongCell = (part: string) => xlsxRefusal('cell_too_long', `A cell holds more than ${XLSX_LIMITS.cellChars} characters`, { part, limit: XLSX_LIMITS.cellChars });

/** The rows of the sheet part, in order; rows without a value are left out. */
async function* sheetRows(zip: XlsxZip, part: string, strings: SharedStrings): AsyncGenerator<SheetRow> {
  const done: SheetRow[] = [];
  let row: SheetRow | null = null;
  let rowChars = 0;
  let lastRow = 0;
  let cell: Cell | null = null;
  let lastCol = 0;
  let cells = 0;
  // Where text goes: a cell's <v>, an inline string's <t> (not inside a phonetic guide), or nowhere.
  let into: 'v' | 't' | null = null;
  let phonetic = 0;
  const sheet = xmlPart(zip, part, {
    open: (tag) => {
      switch (localName(tag.name)) {
        case 'row': {
          const r = Number(attr(tag, 'r'));
          lastRow = Number.isInteger(r) && r > 0 ? r : lastRow + 1;
          if (lastRow > XLSX_LIMITS.rows) throw xlsxRefusal('row_out_of_range', `A row is numbered beyond ${XLSX_LIMITS.rows}, Excel's last row`, { part, limit: XLSX_LIMITS.rows });
          row = { row: lastRow, values: [] };
          rowChars = 0;
          lastCol = 0;
          break;
        }
        case 'c':
          if (!row) break;
          lastCol = columnOf(attr(tag, 'r')) ?? lastCol + 1;
          if (lastCol > XLSX_LIMITS.columns) throw xlsxRefusal('column_out_of_range', `A cell lies beyond column XFD (${XLSX_LIMITS.columns}), Excel's last column`, { part, limit: XLSX_LIMITS.columns });
          cell = { col: lastCol, type: attr(tag, 't') ?? 'n', value: '', inline: null };
          break;
        case 'v':
          if (cell) into = 'v';
          break;
        case 'is':
          if (cell) cell.inline = '';
          break;
        case 'rPh':
          phonetic++;
          break;
        case 't':
          if (cell && cell.inline !== null && !phonetic) into = 't';
          break;
      }
    },
    text: (t) => {
      if (!cell || !into) return;
      if (into === 'v') {
        if (cell.value.length + t.length > XLSX_LIMITS.cellChars) throw tooLongCell(part);
        cell.value += t;
      } else {
        if (cell.inline!.length + t.length > XLSX_LIMITS.cellChars) throw tooLongCell(part);
        cell.inline += t;
      }
    },
    close: (tag) => {
      switch (localName(tag.name)) {
        case 'v':
        case 't':
          into = null;
          break;
        case 'rPh':
          phonetic--;
          break;
        case 'c':
          if (row && cell) {
            const v = cellValue(cell, strings);
            if (v !== null) {
              if (++cells > XLSX_LIMITS.cells) throw xlsxRefusal('too_many_cells', `The sheet has more than ${XLSX_LIMITS.cells} cells with a value`, { part, limit: XLSX_LIMITS.cells });
              if (typeof v === 'string' && (rowChars += v.length) > XLSX_LIMITS.rowChars) {
                throw xlsxRefusal('row_too_long', `Row ${row.row} holds more than ${XLSX_LIMITS.rowChars} characters`, { part, limit: XLSX_LIMITS.rowChars });
              }
              row.values[cell.col] = v;
            }
          }
          cell = null;
          into = null;
          break;
        case 'row':
          if (row && row.values.length) done.push(row);
          row = null;
          break;
      }
    },
  });
  for await (const _ of sheet) {
    // The rows this chunk completed, oldest first; the array is emptied at each chunk.
    for (const r of done.splice(0)) yield r;
  }
  yield* done;
}

/**
 * Opens the workbook: the zip's checks, the sheet chosen, the shared strings read. Throws the
 * refusals of xlsx-limits.ts (UNSUPPORTED_FILE, FILE_TOO_LARGE with `details.reason`); reading
 * the rows may throw them too, at the row where a budget is passed.
 */
export async function openXlsxWorkbook(buffer: Buffer, options: XlsxReadOptions = {}): Promise<XlsxWorkbook> {
  const zip = await openXlsxZip(buffer);
  try {
    const chosen = await chooseSheet(zip, options.sheet);
    const strings = chosen.sharedStrings && zip.parts.has(partKey(chosen.sharedStrings)) ? await readSharedStrings(zip, chosen.sharedStrings) : new SharedStrings();
    return { sheet: chosen.name, rows: () => sheetRows(zip, chosen.part, strings), close: () => zip.file.close() };
  } catch (err) {
    zip.file.close();
    throw err;
  }
}

/** The rows of the workbook's sheet (see openXlsxWorkbook), the workbook closed at the end. */
export async function* readXlsxRows(buffer: Buffer, options: XlsxReadOptions = {}): AsyncGenerator<SheetRow> {
  const book = await openXlsxWorkbook(buffer, options);
  try {
    yield* book.rows();
  } finally {
    book.close();
  }
}
