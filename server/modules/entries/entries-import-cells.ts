/**
 * The values of the import sheet's cells as people type them: numbers the Vietnamese way
 * ("1.500.000", "12,5"; common/numbers.ts), dates as Excel serials, dd/mm/yyyy or ISO, units by "#id", "kind:code" or
 * name with parents, implementers separated by ";" or new lines. Pure functions, no database.
 */
import { type NumberProblem, parseNumber } from '../../../common/numbers.js';
import { fold, UNIT_KIND_BY_WORD } from '../../documents/entries-columns.js';
import type { CellValue } from '../../documents/entries-workbook.js';

export type UnitRef = { kind: 'id'; key: string; id: string } | { kind: 'code'; key: string; unitKind: string; code: string } | { kind: 'name'; key: string; name: string; parents: string[] };

export function isBlank(v: CellValue): boolean {
  return v === null || (typeof v === 'string' && v.trim() === '');
}

export function text(v: CellValue): string | null {
  if (v === null) return null;
  const s = (v instanceof Date ? formatDate(v) : String(v)).normalize('NFC').trim();
  return s || null;
}

function formatDate(d: Date): string {
  return `${String(d.getUTCDate()).padStart(2, '0')}/${String(d.getUTCMonth() + 1).padStart(2, '0')}/${d.getUTCFullYear()}`;
}

export const periodWord = (s: string) => s.replace(/[\s\u2010-\u2015-]+/g, '-');

export function splitImplementers(v: CellValue): string[] {
  const t = text(v);
  return t ? t.split(/[;\n]/).map((s) => s.trim()).filter(Boolean) : [];
}

/** "#123", "xã:00004" / "commune:00004", or a name with optional ", parent, …". */
export function parseUnitRef(v: CellValue): UnitRef | null {
  const t = text(typeof v === 'number' ? `#${v}` : v);
  if (!t) return null;
  const id = /^#\s*(\d{1,18})$/.exec(t);
  if (id) return { kind: 'id', key: `#${id[1]}`, id: id[1]! };
  const code = /^([^:,]{2,20}):\s*([0-9A-Za-z]{1,20})$/.exec(t);
  const unitKind = code ? UNIT_KIND_BY_WORD.get(fold(code[1]!)) : undefined;
  if (code && unitKind) return { kind: 'code', key: `code:${unitKind}:${code[2]}`, unitKind, code: code[2]! };
  const [name, ...parents] = t.split(',').map((s) => s.replace(/\s+/g, ' ').trim());
  return name ? { kind: 'name', key: `name:${name}`, name, parents: parents.filter(Boolean) } : null;
}

export type NumberCell = { ok: true; value: number } | ({ ok: false } & NumberProblem);

/** Excel numbers as they are; text as officers type it (docs/numbers.md, Vietnamese conventions). */
export function readNumberCell(v: CellValue, scale: 0 | 2, currency?: 'VND'): NumberCell {
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return { ok: false, error: 'invalid' };
    const f = 10 ** scale;
    return Math.abs(v * f - Math.round(v * f)) > 1e-6 ? { ok: false, error: 'too_many_decimals', scale } : { ok: true, value: v };
  }
  if (typeof v !== 'string') return { ok: false, error: 'invalid' };
  const r = parseNumber(v, { locale: 'vi', scale, currency });
  return r.ok ? { ok: true, value: r.value } : r;
}

function validIso(y: number, m: number, d: number): string | null {
  if (y < 1900 || y > 2100 || m < 1 || m > 12 || d < 1) return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCMonth() !== m - 1) return null;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** A date cell: an Excel date (serial number), a Date, "dd/mm/yyyy" or "yyyy-mm-dd". */
export function parseDate(v: CellValue): string | null {
  if (v instanceof Date) return validIso(v.getUTCFullYear(), v.getUTCMonth() + 1, v.getUTCDate());
  if (typeof v === 'number') {
    if (!Number.isFinite(v) || v < 1) return null;
    const d = new Date(Date.UTC(1899, 11, 30) + Math.floor(v) * 86_400_000);
    return validIso(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
  }
  if (typeof v !== 'string') return null;
  const s = v.trim();
  const dmy = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s);
  if (dmy) return validIso(Number(dmy[3]), Number(dmy[2]), Number(dmy[1]));
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (iso) return validIso(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  return null;
}
