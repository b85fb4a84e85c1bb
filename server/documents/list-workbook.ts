/**
 * A list as a spreadsheet, for the exports of lists that stay small (petitions, commendations,
 * conferences: each capped well below the entries export, so the rows are in memory already): one
 * sheet with a bold, frozen header row, dates as real dates shown dd/mm/yyyy, numbers as numbers,
 * and text that a spreadsheet would run as a formula neutralised (OWASP CSV injection) — the same
 * rules as the entries export (entries-export.ts), in the same words for CSV.
 */
import ExcelJS from 'exceljs';
import { AppError } from '../errors.js';
import { CSV_BOM, csvLine } from './csv.js';
import { neutralise } from './entries-columns.js';

/** A cell: text, a number, an ISO date (`{ date: 'yyyy-mm-dd' }`) or empty. */
export type ListCell = string | number | { date: string } | null;
export type ListColumn<R> = { header: string; width: number; value: (row: R) => ListCell; numFmt?: string };

const dateOf = (iso: string) => new Date(`${iso.slice(0, 10)}T00:00:00Z`);
const dmy = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

function xlsxValue(cell: ListCell): string | number | Date | null {
  if (cell === null) return null;
  if (typeof cell === 'object') return dateOf(cell.date);
  return typeof cell === 'string' ? neutralise(cell) : cell;
}

/** The .xlsx of `rows`: one sheet named `sheet`. */
export async function listXlsx<R>(sheet: string, columns: readonly ListColumn<R>[], rows: readonly R[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheet, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = columns.map((c, i) => ({ header: c.header, key: `c${i}`, width: c.width }));
  ws.getRow(1).font = { bold: true };
  columns.forEach((c, i) => {
    const fmt = c.numFmt ?? (rows.some((r) => isDate(c.value(r))) ? 'dd/mm/yyyy' : undefined);
    if (fmt) ws.getColumn(i + 1).numFmt = fmt;
  });
  for (const r of rows) ws.addRow(columns.map((c) => xlsxValue(c.value(r))));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const isDate = (cell: ListCell) => cell !== null && typeof cell === 'object';

/** The .csv of `rows`: UTF-8 with BOM, dates dd/mm/yyyy. */
export function listCsv<R>(columns: readonly ListColumn<R>[], rows: readonly R[]): string {
  const lines = rows.map((r) =>
    csvLine(
      columns.map((c) => {
        const v = c.value(r);
        return v !== null && typeof v === 'object' ? dmy(v.date) : v;
      }),
    ),
  );
  return CSV_BOM + csvLine(columns.map((c) => c.header)) + lines.join('');
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** `attachment; filename=…` for a download (ASCII names only here). */
export const attachment = (fileName: string) => `attachment; filename="${fileName}"`;

/**
 * The most rows one export of these lists holds. A sheet is for reading and sorting in Excel, not a
 * backup; beyond it the caller narrows the filters (EXPORT_TOO_LARGE says how many matched).
 */
export const LIST_EXPORT_MAX_ROWS = 20_000;

/** Refuses an export of `total` rows past `max` before anything is read. */
export function assertExportSize(total: number, max = LIST_EXPORT_MAX_ROWS): void {
  if (total > max) throw new AppError('EXPORT_TOO_LARGE', `${total} records match; an export holds at most ${max}: narrow the filters`, { total, max });
}
