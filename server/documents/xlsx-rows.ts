/**
 * The rows of an .xlsx workbook's first worksheet, streamed: the zip is opened through its central
 * directory (yauzl), the parts are read in the order they are needed — the workbook and its
 * relationships (which part is the first sheet), the shared strings, then the sheet, row by row
 * through a SAX parser (saxes) — so memory stays bounded by the shared strings, not the rows.
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
import type { Readable } from 'node:stream';
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import yauzl from 'yauzl';
import { AppError } from '../errors.js';
import type { CellValue, SheetRow } from './entries-workbook.js';

const damaged = (reason: string) => new AppError('UNSUPPORTED_FILE', `The file is not an .xlsx workbook (${reason})`, { reason });

type Zip = { file: yauzl.ZipFile; entries: Map<string, yauzl.Entry> };

function openZip(buffer: Buffer): Promise<Zip> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(buffer, { lazyEntries: true, validateEntrySizes: true, strictFileNames: false }, (err, file) => {
      if (err || !file) return reject(damaged('damaged zip archive'));
      const entries = new Map<string, yauzl.Entry>();
      file.on('error', () => reject(damaged('damaged zip archive')));
      file.on('entry', (entry: yauzl.Entry) => {
        entries.set(entry.fileName.replace(/^\/+/, ''), entry);
        file.readEntry();
      });
      file.on('end', () => resolve({ file, entries }));
      file.readEntry();
    });
  });
}

function openPart(zip: Zip, name: string): Promise<Readable> {
  const entry = zip.entries.get(name);
  if (!entry) return Promise.reject(damaged(`no part ${name}`));
  return new Promise((resolve, reject) => zip.file.openReadStream(entry, (err, stream) => (err || !stream ? reject(damaged(`part ${name} cannot be read`)) : resolve(stream))));
}

/**
 * Feeds a part through a SAX parser, calling `batch` after each chunk so a caller can hand on
 * what the chunk completed. XML errors become UNSUPPORTED_FILE.
 */
async function* saxPart(zip: Zip, name: string, handlers: { open?: (tag: SaxesTagPlain) => void; text?: (text: string) => void; close?: (tag: SaxesTagPlain) => void }): AsyncGenerator<void> {
  const parser = new SaxesParser({ xmlns: false, position: false });
  if (handlers.open) parser.on('opentag', handlers.open);
  if (handlers.text) parser.on('text', handlers.text);
  if (handlers.close) parser.on('closetag', handlers.close);
  const stream = await openPart(zip, name);
  stream.setEncoding('utf8');
  try {
    for await (const chunk of stream) {
      parser.write(chunk as string);
      yield;
    }
    parser.close();
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw damaged(`part ${name} is not valid XML`);
  } finally {
    stream.destroy();
  }
}

/** Reads a whole (small) part through the parser. */
async function parsePart(zip: Zip, name: string, handlers: Parameters<typeof saxPart>[2]): Promise<void> {
  for await (const _ of saxPart(zip, name, handlers));
}

/** `worksheets/sheet1.xml` relative to xl/, or `/xl/worksheets/sheet1.xml`, as a path in the zip. */
const partPath = (target: string) => (target.startsWith('/') ? target.slice(1) : `xl/${target}`).replace(/\/\.\//g, '/');

/** The first worksheet's part and the shared strings' part (if any), from the workbook and its relationships. */
async function findParts(zip: Zip): Promise<{ sheet: string; sharedStrings: string | null }> {
  let firstSheetRel: string | null = null;
  await parsePart(zip, 'xl/workbook.xml', {
    open: (tag) => {
      if (firstSheetRel === null && localName(tag.name) === 'sheet') firstSheetRel = attr(tag, 'r:id') ?? attr(tag, 'id') ?? null;
    },
  });
  const rels = new Map<string, { target: string; type: string }>();
  await parsePart(zip, 'xl/_rels/workbook.xml.rels', {
    open: (tag) => {
      if (localName(tag.name) === 'Relationship') rels.set(attr(tag, 'Id') ?? '', { target: attr(tag, 'Target') ?? '', type: attr(tag, 'Type') ?? '' });
    },
  });
  const sheet = firstSheetRel !== null ? rels.get(firstSheetRel) : undefined;
  if (!sheet) throw damaged('no worksheet in the workbook');
  const strings = [...rels.values()].find((r) => r.type.endsWith('/sharedStrings'));
  const sharedStrings = strings ? partPath(strings.target) : zip.entries.has('xl/sharedStrings.xml') ? 'xl/sharedStrings.xml' : null;
  return { sheet: partPath(sheet.target), sharedStrings };
}

const localName = (name: string) => name.slice(name.indexOf(':') + 1);
const attr = (tag: SaxesTagPlain, name: string): string | undefined => tag.attributes[name] as string | undefined;

/** Every shared string's text, rich text runs joined, phonetic guides (`rPh`) left out. */
async function readSharedStrings(zip: Zip, name: string): Promise<string[]> {
  const strings: string[] = [];
  let text = '';
  let inText = false;
  let phonetic = 0;
  await parsePart(zip, name, {
    open: (tag) => {
      const n = localName(tag.name);
      if (n === 'si') text = '';
      else if (n === 'rPh') phonetic++;
      else if (n === 't' && !phonetic) inText = true;
    },
    text: (t) => {
      if (inText) text += t;
    },
    close: (tag) => {
      const n = localName(tag.name);
      if (n === 'si') strings.push(text);
      else if (n === 'rPh') phonetic--;
      else if (n === 't') inText = false;
    },
  });
  return strings;
}

/** 'B12' → 2 (1-based), or null without a column. */
function columnOf(ref: string | undefined): number | null {
  if (!ref) return null;
  let col = 0;
  for (const ch of ref) {
    const code = ch.charCodeAt(0);
    if (code >= 65 && code <= 90) col = col * 26 + (code - 64);
    else if (code >= 97 && code <= 122) col = col * 26 + (code - 96);
    else break;
  }
  return col || null;
}

type Cell = { col: number; type: string; value: string; formula: boolean; inline: string | null };

function cellValue(c: Cell, strings: readonly string[]): CellValue {
  if (c.inline !== null) return c.inline;
  if (c.type === 's') {
    if (c.value === '') return null;
    return strings[Number(c.value)] ?? null;
  }
  if (c.value === '') return null;
  switch (c.type) {
    case 'str':
    case 'inlineStr':
      return c.value;
    case 'b':
      return Number(c.value) !== 0;
    case 'e':
      return c.value;
    default: {
      const n = Number(c.value);
      return Number.isFinite(n) ? n : c.value;
    }
  }
}

/** The rows of the workbook's first worksheet, in order (rows without cells are not in the file). */
export async function* readXlsxRows(buffer: Buffer): AsyncGenerator<SheetRow> {
  const zip = await openZip(buffer);
  try {
    const parts = await findParts(zip);
    const strings = parts.sharedStrings && zip.entries.has(parts.sharedStrings) ? await readSharedStrings(zip, parts.sharedStrings) : [];
    const done: SheetRow[] = [];
    let row: SheetRow | null = null;
    let lastRow = 0;
    let cell: Cell | null = null;
    let lastCol = 0;
    // Where text goes: a cell's <v>, an inline string's <t> (not inside a phonetic guide), or nowhere.
    let into: 'v' | 't' | null = null;
    let phonetic = 0;
    const sheet = saxPart(zip, parts.sheet, {
      open: (tag) => {
        switch (localName(tag.name)) {
          case 'row': {
            const r = Number(attr(tag, 'r'));
            lastRow = Number.isInteger(r) && r > 0 ? r : lastRow + 1;
            row = { row: lastRow, values: [] };
            lastCol = 0;
            break;
          }
          case 'c':
            if (row) {
              lastCol = columnOf(attr(tag, 'r')) ?? lastCol + 1;
              cell = { col: lastCol, type: attr(tag, 't') ?? 'n', value: '', formula: false, inline: null };
            }
            break;
          case 'v':
            if (cell) into = 'v';
            break;
          case 'f':
            if (cell) cell.formula = true;
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
        if (into === 'v') cell.value += t;
        else cell.inline += t;
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
              if (v !== null) row.values[cell.col] = v;
            }
            cell = null;
            break;
          case 'row':
            if (row && row.values.length) done.push(row);
            row = null;
            break;
        }
      },
    });
    for await (const _ of sheet) {
      while (done.length) yield done.shift()!;
    }
    while (done.length) yield done.shift()!;
  } finally {
    zip.file.close();
  }
}
