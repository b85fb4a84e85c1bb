/**
 * CSV for spreadsheets: UTF-8 with a byte-order mark (so Excel reads Vietnamese right), comma
 * separated, CRLF line ends, quotes doubled; text that a spreadsheet would run as a formula is
 * neutralised with a leading quote (OWASP CSV injection).
 */
import { neutralise } from './entries-columns.js';

export const CSV_BOM = '\uFEFF';

export function csvField(value: string | number | null): string {
  if (value === null) return '';
  const s = typeof value === 'number' ? String(value) : neutralise(value);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvLine(values: (string | number | null)[]): string {
  return `${values.map(csvField).join(',')}\r\n`;
}
