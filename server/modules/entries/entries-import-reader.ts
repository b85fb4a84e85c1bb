/**
 * Reads the import sheet: finds the columns by their headers, reads a row's cells as typed values,
 * and keeps the problems found (row, column, cell, code and message in the caller's language).
 * Each reader reports its own problem and answers null, so one row yields every problem at once.
 */
import { ENTRY_LIMITS, type ImportErrorCode, type ImportRowError } from '../../../common/entries.js';
import { columnLetter, fold, IMPORT_COLUMNS, type ImportColumnKey } from '../../documents/entries-columns.js';
import type { CellValue, SheetRow } from '../../documents/entries-workbook.js';
import { importMessage, type MessageLang } from '../../documents/import-messages.js';
import { isBlank, parseDate, readNumberCell, text } from './entries-import-cells.js';

/** A row problem with the column's number, for the annotated workbook. */
export type RowProblem = ImportRowError & { col: number | null };

export class SheetReader {
  /** Folded forms of the short list values (a file repeats the same few thousands of times). */
  private readonly folded = new Map<string, string>();
  readonly problems: RowProblem[] = [];
  totalProblems = 0;
  columns = new Map<ImportColumnKey, number>();
  /** The header's row number once read (0 before). */
  headerRow = 0;

  constructor(
    private readonly lang: MessageLang,
    private readonly maxErrors: number,
  ) {}

  problem(row: number, key: ImportColumnKey | null, code: ImportErrorCode, params?: Record<string, string | number>): void {
    this.totalProblems++;
    if (this.problems.length >= this.maxErrors) return;
    const col = key ? (this.columns.get(key) ?? null) : null;
    const header = key ? (IMPORT_COLUMNS.find((c) => c.key === key)?.header ?? null) : null;
    this.problems.push({ row, column: header, cell: col ? `${columnLetter(col)}${row}` : null, col, code, message: importMessage(code, params, this.lang), ...(params ? { params } : {}) });
  }

  /** Reads the header row; false when a required column is missing (reported). */
  readHeader(row: SheetRow): boolean {
    this.headerRow = row.row;
    row.values.forEach((v, c) => {
      if (typeof v !== 'string') return;
      const word = fold(v);
      const col = IMPORT_COLUMNS.find((x) => [x.header, ...(x.aliases ?? [])].some((h) => fold(h) === word || fold(h.split('(')[0]!) === word));
      if (col && !this.columns.has(col.key)) this.columns.set(col.key, c);
    });
    let ok = true;
    for (const c of IMPORT_COLUMNS) {
      if (c.required && !this.columns.has(c.key)) {
        ok = false;
        this.totalProblems++;
        this.problems.push({ row: row.row, column: c.header, cell: null, col: null, code: 'MISSING_COLUMN', message: importMessage('MISSING_COLUMN', { column: c.header }, this.lang), params: { column: c.header } });
      }
    }
    return ok;
  }

  fold(t: string): string {
    let f = this.folded.get(t);
    if (f === undefined) {
      f = fold(t);
      if (this.folded.size < 10_000) this.folded.set(t, f);
    }
    return f;
  }

  cell(row: SheetRow, key: ImportColumnKey): CellValue {
    const c = this.columns.get(key);
    return c ? (row.values[c] ?? null) : null;
  }

  /**
   * The row with only the template's columns: a batch of rows waiting for the database holds
   * 20 values a row, not whatever else the sheet has beside them.
   */
  keep(row: SheetRow): SheetRow {
    const values: CellValue[] = [];
    for (const c of this.columns.values()) if (row.values[c] !== undefined) values[c] = row.values[c]!;
    return { row: row.row, values };
  }

  isEmpty(row: SheetRow): boolean {
    for (const c of this.columns.values()) if (!isBlank(row.values[c] ?? null)) return false;
    return true;
  }

  textCell(row: SheetRow, key: ImportColumnKey, max: number, required = false): string | null {
    const t = text(this.cell(row, key));
    if (!t) {
      if (required) this.problem(row.row, key, 'REQUIRED');
      return null;
    }
    if (t.length > max) {
      this.problem(row.row, key, 'TOO_LONG', { max });
      return null;
    }
    return t;
  }

  wordCell(row: SheetRow, key: ImportColumnKey, words: Map<string, string>): string | null {
    const t = text(this.cell(row, key));
    if (!t) {
      this.problem(row.row, key, 'REQUIRED');
      return null;
    }
    const v = words.get(this.fold(t));
    if (!v) this.problem(row.row, key, 'UNKNOWN_VALUE', { value: t.slice(0, 100) });
    return v ?? null;
  }

  /**
   * A number of the column within [min, max] with at most `scale` decimals, read by the common
   * parser (docs/numbers.md): never rounded, never guessed — "1,250" where decimals are allowed is
   * AMBIGUOUS_NUMBER with both readings.
   */
  private numberCell(row: SheetRow, key: ImportColumnKey, scale: 0 | 2, min: number, max: number, required = false, currency?: 'VND'): number | null {
    const v = this.cell(row, key);
    if (isBlank(v)) {
      if (required) this.problem(row.row, key, 'REQUIRED');
      return null;
    }
    const n = readNumberCell(v, scale, currency);
    if (!n.ok) {
      if (n.error === 'ambiguous') this.problem(row.row, key, 'AMBIGUOUS_NUMBER', { grouped: n.grouped, decimal: n.decimal });
      else if (n.error === 'out_of_range') this.problem(row.row, key, 'OUT_OF_RANGE', { min, max });
      else this.problem(row.row, key, 'NOT_A_NUMBER');
      return null;
    }
    if (n.value < min || n.value > max) {
      this.problem(row.row, key, 'OUT_OF_RANGE', { min, max });
      return null;
    }
    return n.value;
  }

  intCell(row: SheetRow, key: ImportColumnKey, min: number, max: number, required = false): number | null {
    return this.numberCell(row, key, 0, min, max, required, 'VND');
  }

  moneyCell(row: SheetRow): string | null {
    const n = this.numberCell(row, 'moneyVnd', 0, 0, ENTRY_LIMITS.moneyVnd, false, 'VND');
    return n === null ? null : String(n);
  }

  landCell(row: SheetRow): string | null {
    const n = this.numberCell(row, 'landM2', 2, 0, 1e12);
    return n === null ? null : n.toFixed(2);
  }

  /** The evaluation's criteria score: 0–100, two decimals, as the lifecycle's evaluate takes it. */
  scoreCell(row: SheetRow): number | null {
    return this.numberCell(row, 'evaluationScore', 2, 0, 100);
  }

  dateCell(row: SheetRow, key: ImportColumnKey): string | null {
    const v = this.cell(row, key);
    if (isBlank(v)) return null;
    const d = parseDate(v);
    if (!d) this.problem(row.row, key, 'NOT_A_DATE');
    return d;
  }
}
