/**
 * The shared-strings table of a workbook (xl/sharedStrings.xml), read with its budgets checked as
 * each string ends: at most XLSX_LIMITS.sharedStrings strings, XLSX_LIMITS.sharedStringChars
 * characters in all, XLSX_LIMITS.cellChars in one.
 *
 * Kept compact: the texts as UTF-16 in 1-MiB slabs and, per string, where it starts and its
 * length in typed arrays. Memory is 6 bytes per string and 2 per character, so the budgets bound
 * it at ≈ 77 MB whatever the strings are: an array of string objects costs ~30 bytes more per
 * string, and a string sliced from the parser's input keeps that whole input chunk alive. A cell
 * reads its text back as a new string. The typed arrays come in fixed chunks, never copied: a
 * doubling array holds its old and new copies at once (36 MB at the count limit instead of 17).
 */
import { XLSX_LIMITS, xlsxRefusal, type XlsxZip } from './xlsx-limits.js';
import { localName, readXmlPart } from './xlsx-xml.js';

const SLAB_BITS = 20;
const SLAB_BYTES = 1 << SLAB_BITS;
/** Strings per chunk of the start and length arrays (384 KiB a chunk). */
const CHUNK_BITS = 16;
const CHUNK = 1 << CHUNK_BITS;

export class SharedStrings {
  private readonly slabs: Buffer[] = [];
  private used = SLAB_BYTES;
  private readonly starts: Uint32Array[] = [];
  /** A string holds at most XLSX_LIMITS.cellChars (32,767) characters: 16 bits are enough. */
  private readonly lengths: Uint16Array[] = [];
  count = 0;
  chars = 0;

  constructor(private readonly part = 'xl/sharedStrings.xml') {}

  add(text: string): void {
    if (this.count >= XLSX_LIMITS.sharedStrings) {
      throw xlsxRefusal('too_many_shared_strings', `The workbook has more than ${XLSX_LIMITS.sharedStrings} shared strings`, { part: this.part, limit: XLSX_LIMITS.sharedStrings });
    }
    if (this.chars + text.length > XLSX_LIMITS.sharedStringChars) {
      throw xlsxRefusal('shared_strings_too_long', `The workbook's shared strings hold more than ${XLSX_LIMITS.sharedStringChars} characters`, { part: this.part, limit: XLSX_LIMITS.sharedStringChars });
    }
    const chunk = this.count >>> CHUNK_BITS;
    const at = this.count & (CHUNK - 1);
    if (chunk === this.starts.length) {
      this.starts.push(new Uint32Array(CHUNK));
      this.lengths.push(new Uint16Array(CHUNK));
    }
    this.lengths[chunk]![at] = text.length;
    if (text.length) {
      const bytes = text.length * 2;
      if (this.used + bytes > SLAB_BYTES) {
        this.slabs.push(Buffer.allocUnsafe(SLAB_BYTES));
        this.used = 0;
      }
      this.slabs.at(-1)!.write(text, this.used, 'utf16le');
      this.starts[chunk]![at] = (this.slabs.length - 1) * SLAB_BYTES + this.used;
      this.used += bytes;
      this.chars += text.length;
    }
    this.count++;
  }

  /** The string at `index`, or null when there is none. */
  get(index: number): string | null {
    if (!Number.isInteger(index) || index < 0 || index >= this.count) return null;
    const chunk = index >>> CHUNK_BITS;
    const at = index & (CHUNK - 1);
    const length = this.lengths[chunk]![at]!;
    if (!length) return '';
    const start = this.starts[chunk]![at]!;
    const offset = start & (SLAB_BYTES - 1);
    return this.slabs[start >>> SLAB_BITS]!.toString('utf16le', offset, offset + length * 2);
  }
}

/** Every shared string's text: rich-text runs joined, phonetic guides (`rPh`) left out. */
export async function readSharedStrings(zip: XlsxZip, part: string): Promise<SharedStrings> {
  const table = new SharedStrings(part);
  let text = '';
  let inString = false;
  let inText = false;
  let phonetic = 0;
  await readXmlPart(zip, part, {
    open: (tag) => {
      const n = localName(tag.name);
      if (n === 'si') {
        text = '';
        inString = true;
      } else if (n === 'rPh') phonetic++;
      else if (n === 't' && inString && !phonetic) inText = true;
    },
    text: (t) => {
      if (!inText) return;
      if (text.length + t.length > XLSX_LIMITS.cellChars) {
        throw xlsxRefusal('cell_too_long', `A shared string is longer than ${XLSX_LIMITS.cellChars} characters`, { part, limit: XLSX_LIMITS.cellChars });
      }
      text += t;
    },
    close: (tag) => {
      const n = localName(tag.name);
      if (n === 'si') {
        table.add(text);
        text = '';
        inString = false;
      } else if (n === 'rPh') phonetic--;
      else if (n === 't') inText = false;
    },
  });
  return table;
}
