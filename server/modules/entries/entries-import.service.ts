/**
 * Import of entries from the Excel template: all or nothing. The file is checked as a zip first
 * (nothing unpacked), then streamed row by row; rows are validated in batches with the rules of
 * the entries service (EntryInput, checkLevel, titleKey, data.write on the registering unit) and,
 * while no row has failed, written batch by batch inside ONE transaction. Any failing row rolls
 * the whole transaction back and the answer lists every problem by row, column and code.
 */
import { createHash } from 'node:crypto';
import { EntryInput, type ImportErrorCode, type ImportResult, type ImportRowError, IMPORT_LIMITS, ENTRY_LIMITS, type EntryForm, type EntryKind, type EntryLevel } from '../../../common/entries.js';
import type { Db } from '../../db/database.js';
import { columnLetter, fold, FORM_BY_WORD, IMPORT_COLUMNS, type ImportColumnKey, KIND_BY_WORD, LEVEL_BY_WORD, UNIT_KIND_BY_WORD } from '../../documents/entries-columns.js';
import { annotateInWorker } from '../../documents/annotate-in-worker.js';
import { type CellValue, readFirstSheetRows, type SheetRow } from '../../documents/entries-workbook.js';
import { importMessage, type MessageLang } from '../../documents/import-messages.js';
import { buildEntriesTemplate } from '../../documents/entries-template.xlsx.js';
import { inspectXlsx } from '../../documents/xlsx-limits.js';
import { AppError, validation } from '../../errors.js';
import { type Actor, can, pathCovers, scopePaths } from '../../http/access.js';
import type { Ctx } from '../../http/context.js';
import { recordAudit } from '../audit/audit.repository.js';
import { checkLevel, titleKey } from './entry-rules.js';
import * as repo from './entries-import.repository.js';

const BATCH_ROWS = 1_000;
/** Problems listed in the JSON answer (the annotated workbook shows up to ANNOTATE_MAX_ERRORS). */
const MAX_ERRORS = 1_000;
const ANNOTATE_MAX_ERRORS = 20_000;

/** A row problem with the column's number, for the annotated workbook. */
type RowProblem = ImportRowError & { col: number | null };

type UnitRef = { kind: 'id'; key: string; id: string } | { kind: 'code'; key: string; unitKind: string; code: string } | { kind: 'name'; key: string; name: string; parents: string[] };

type Outcome = { rows: number; problems: RowProblem[]; totalProblems: number; headerRow: number };

type Lists = { fields: repo.FieldRow[]; periods: Awaited<ReturnType<typeof repo.findPeriods>> };

/** A valid row, ready to be written. */
type ValidRow = repo.NewEntry & { row: number };

class FileValidator {
  private readonly unitCache = new Map<string, repo.UnitCandidate[]>();
  private readonly knownUnitIds = new Set<string>();
  private readonly missingUnitIds = new Set<string>();
  private readonly seenKeys = new Map<string, number>();
  private readonly fieldByWord = new Map<string, repo.FieldRow>();
  private readonly periodByWord = new Map<string, Lists['periods'][number]>();
  /** Folded forms of the short list values (a file repeats the same few thousands of times). */
  private readonly folded = new Map<string, string>();
  readonly problems: RowProblem[] = [];
  totalProblems = 0;
  columns = new Map<ImportColumnKey, number>();

  constructor(
    private readonly db: Db,
    private readonly actor: Actor,
    lists: Lists,
    private readonly lang: MessageLang,
    private readonly maxErrors: number,
  ) {
    for (const f of lists.fields) {
      this.fieldByWord.set(fold(f.name), f);
      this.fieldByWord.set(fold(f.code), f);
    }
    for (const p of lists.periods) {
      this.periodByWord.set(periodWord(p.name), p);
      this.periodByWord.set(periodWord(`${p.start_year}-${p.end_year}`), p);
    }
  }

  problem(row: number, key: ImportColumnKey | null, code: ImportErrorCode, params?: Record<string, string | number>): void {
    this.totalProblems++;
    if (this.problems.length >= this.maxErrors) return;
    const col = key ? (this.columns.get(key) ?? null) : null;
    const header = key ? (IMPORT_COLUMNS.find((c) => c.key === key)?.header ?? null) : null;
    this.problems.push({ row, column: header, cell: col ? `${columnLetter(col)}${row}` : null, col, code, message: importMessage(code, params, this.lang), ...(params ? { params } : {}) });
  }

  /** Reads the header row; false when a required column is missing (reported). */
  readHeader(row: SheetRow): boolean {
    row.values.forEach((v, c) => {
      if (typeof v !== 'string') return;
      const word = fold(v);
      const col = IMPORT_COLUMNS.find((x) => fold(x.header) === word || fold(x.header.split('(')[0]!) === word);
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

  private fold(t: string): string {
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

  isEmpty(row: SheetRow): boolean {
    for (const c of this.columns.values()) if (!isBlank(row.values[c] ?? null)) return false;
    return true;
  }

  /** Validates a batch of rows; returns those that are valid (all of them when the file is clean so far). */
  async validateBatch(rows: SheetRow[]): Promise<ValidRow[]> {
    await this.resolveUnits(rows);
    await this.resolveImplementerUnits(rows);
    const out: ValidRow[] = [];
    for (const row of rows) {
      const v = this.validateRow(row);
      if (v) out.push(v);
    }
    return out;
  }

  private async resolveUnits(rows: SheetRow[]): Promise<void> {
    const ids = new Set<string>();
    const codes = new Map<string, { kind: string; code: string }>();
    const names = new Set<string>();
    for (const row of rows) {
      const ref = parseUnitRef(this.cell(row, 'unit'));
      if (!ref || this.unitCache.has(ref.key)) continue;
      if (ref.kind === 'id') ids.add(ref.id);
      else if (ref.kind === 'code') codes.set(ref.key, { kind: ref.unitKind, code: ref.code });
      else names.add(ref.name);
    }
    const [byId, byCode, byName] = await Promise.all([
      repo.findUnitsByIds(this.db, [...ids]),
      repo.findUnitsByCodes(this.db, [...codes.values()]),
      repo.findUnitsByNames(this.db, [...names]),
    ]);
    for (const id of ids) this.unitCache.set(`#${id}`, []);
    for (const key of codes.keys()) this.unitCache.set(key, []);
    for (const name of names) this.unitCache.set(`name:${name}`, []);
    for (const c of byId) this.unitCache.get(`#${c.input}`)!.push(c);
    for (const c of byCode) this.unitCache.get(`code:${c.input}`)?.push(c);
    for (const c of byName) this.unitCache.get(`name:${c.input}`)?.push(c);
  }

  private async resolveImplementerUnits(rows: SheetRow[]): Promise<void> {
    const ids = new Set<string>();
    for (const row of rows) {
      for (const item of splitImplementers(this.cell(row, 'implementers'))) {
        const m = /^#(\d{1,18})$/.exec(item);
        if (m && !this.knownUnitIds.has(m[1]!) && !this.missingUnitIds.has(m[1]!)) ids.add(m[1]!);
      }
    }
    const found = await repo.findExistingUnitIds(this.db, [...ids]);
    for (const id of ids) (found.has(id) ? this.knownUnitIds : this.missingUnitIds).add(id);
  }

  private validateRow(row: SheetRow): ValidRow | null {
    this.currentRow = row;
    const before = this.totalProblems;
    const r = row.row;
    const year = this.intCell(r, 'year', 2000, 2100, true);
    const level = this.wordCell(r, 'level', LEVEL_BY_WORD) as EntryLevel | null;
    const kind = this.wordCell(r, 'kind', KIND_BY_WORD) as EntryKind | null;
    const form = this.wordCell(r, 'form', FORM_BY_WORD) as EntryForm | null;
    const title = this.textCell(r, 'title', ENTRY_LIMITS.title, true);
    const description = this.textCell(r, 'description', ENTRY_LIMITS.text);
    const goals = this.textCell(r, 'goals', ENTRY_LIMITS.text);
    const results = this.textCell(r, 'results', ENTRY_LIMITS.text);
    const participants = this.textCell(r, 'participants', ENTRY_LIMITS.text);
    const resourcesOther = this.textCell(r, 'resourcesOther', ENTRY_LIMITS.text);
    const startDate = this.dateCell(r, 'startDate');
    const endDate = this.dateCell(r, 'endDate');
    if (startDate && endDate && endDate < startDate) this.problem(r, 'endDate', 'END_BEFORE_START');
    const participantsCount = this.intCell(r, 'participantsCount', 0, 100_000_000);
    const workingDays = this.intCell(r, 'workingDays', 0, 100_000_000);
    const moneyVnd = this.moneyCell(r);
    const landM2 = this.landCell(r);
    const implementers = this.implementersCell(r);

    const unit = this.unitCell(r, year);
    let fieldCode: string | null = null;
    const fieldText = text(this.cell(row, 'field'));
    if (!fieldText) this.problem(r, 'field', 'REQUIRED');
    else {
      const f = this.fieldByWord.get(this.fold(fieldText));
      // A field a unit added applies to that unit's subtree only.
      if (!f || (f.unitPath && unit && !(unit.path === f.unitPath || unit.path.startsWith(`${f.unitPath}.`)))) this.problem(r, 'field', 'UNKNOWN_VALUE', { value: fieldText });
      else fieldCode = f.code;
    }
    let periodId: string | null = null;
    const periodText = text(this.cell(row, 'period'));
    if (periodText) {
      const p = this.periodByWord.get(periodWord(periodText));
      if (!p) this.problem(r, 'period', 'UNKNOWN_VALUE', { value: periodText });
      else if (year !== null && (year < p.start_year || year > p.end_year)) this.problem(r, 'period', 'YEAR_OUTSIDE_PERIOD', { period: p.name });
      else periodId = p.id;
    }
    if (unit && level && year !== null) {
      const check = checkLevel(level, year, unit.chain);
      if (!check.ok) this.problem(r, check.code === 'UNIT_NOT_IN_FORCE' ? 'unit' : 'level', check.code, check.code === 'UNIT_NOT_IN_FORCE' ? { year } : undefined);
    }
    const tKey = title ? titleKey(title) : null;
    if (unit && year !== null && tKey) {
      const key = `${unit.id}|${year}|${tKey}`;
      const first = this.seenKeys.get(key);
      if (first !== undefined) this.problem(r, 'title', 'DUPLICATE_IN_FILE', { firstRow: first });
      else this.seenKeys.set(key, r);
    }
    if (this.totalProblems !== before || !unit || !level || !kind || !form || !fieldCode || year === null || !title || !tKey) return null;

    // The entries service's own shape, as the last word on what a registration may hold.
    const parsed = EntryInput.safeParse({
      registeringUnitId: unit.id, level, kind, form, fieldCode, year, periodId, title, description, goals, results, startDate, endDate,
      participantsCount, participants, moneyVnd, workingDays, landM2, resourcesOther, implementers,
    });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) this.problem(r, inputKeyToColumn(String(issue.path[0] ?? '')), 'INVALID_VALUE');
      return null;
    }
    return {
      row: r, registering_unit_id: unit.id, unit_path: unit.path, year, title_key: tKey, level, kind, form, field_code: fieldCode, period_id: periodId,
      title, description, goals, results, start_date: startDate, end_date: endDate, participants_count: participantsCount, participants,
      money_vnd: moneyVnd, working_days: workingDays, land_m2: landM2, resources_other: resourcesOther, implementers,
    };
  }

  /** The row being validated (validateRow's cell readers take its number for their messages). */
  private currentRow: SheetRow | null = null;

  private raw(_r: number, key: ImportColumnKey): CellValue {
    return this.cell(this.currentRow!, key);
  }

  private unitCell(r: number, year: number | null): repo.UnitCandidate | null {
    const value = this.raw(r, 'unit');
    const ref = parseUnitRef(value);
    if (!ref) {
      this.problem(r, 'unit', 'REQUIRED');
      return null;
    }
    let cands = this.unitCache.get(ref.key) ?? [];
    if (ref.kind === 'name' && ref.parents.length) {
      cands = cands.filter((c) => ref.parents.every((p) => c.chain.slice(1).some((a) => fold(a.name) === fold(p))));
    }
    const prefer = (pick: (c: repo.UnitCandidate) => boolean) => {
      if (cands.length > 1) {
        const kept = cands.filter(pick);
        if (kept.length) cands = kept;
      }
    };
    prefer((c) => can(this.actor, 'data.write', c.path));
    if (year !== null) prefer((c) => (!c.validFrom || c.validFrom <= `${year}-12-31`) && (!c.validTo || c.validTo > `${year}-01-01`));
    prefer((c) => !c.validTo);
    if (ref.kind === 'name') prefer((c) => c.name.normalize('NFC').toLowerCase() === ref.name.toLowerCase());
    if (!cands.length) {
      this.problem(r, 'unit', 'UNKNOWN_UNIT');
      return null;
    }
    if (cands.length > 1) {
      this.problem(r, 'unit', 'AMBIGUOUS_UNIT', { count: cands.length });
      return null;
    }
    const unit = cands[0]!;
    if (!can(this.actor, 'data.write', unit.path)) {
      this.problem(r, 'unit', 'OUT_OF_SCOPE');
      return null;
    }
    return unit;
  }

  private textCell(r: number, key: ImportColumnKey, max: number, required = false): string | null {
    const t = text(this.raw(r, key));
    if (!t) {
      if (required) this.problem(r, key, 'REQUIRED');
      return null;
    }
    if (t.length > max) {
      this.problem(r, key, 'TOO_LONG', { max });
      return null;
    }
    return t;
  }

  private wordCell(r: number, key: ImportColumnKey, words: Map<string, string>): string | null {
    const t = text(this.raw(r, key));
    if (!t) {
      this.problem(r, key, 'REQUIRED');
      return null;
    }
    const v = words.get(this.fold(t));
    if (!v) this.problem(r, key, 'UNKNOWN_VALUE', { value: t.slice(0, 100) });
    return v ?? null;
  }

  private intCell(r: number, key: ImportColumnKey, min: number, max: number, required = false): number | null {
    const v = this.raw(r, key);
    if (isBlank(v)) {
      if (required) this.problem(r, key, 'REQUIRED');
      return null;
    }
    const n = parseWholeNumber(v);
    if (n === null) {
      this.problem(r, key, 'NOT_A_NUMBER');
      return null;
    }
    if (n < min || n > max) {
      this.problem(r, key, 'OUT_OF_RANGE', { min, max });
      return null;
    }
    return n;
  }

  private moneyCell(r: number): string | null {
    const v = this.raw(r, 'moneyVnd');
    if (isBlank(v)) return null;
    const n = parseWholeNumber(v);
    if (n === null) {
      this.problem(r, 'moneyVnd', 'NOT_A_NUMBER');
      return null;
    }
    if (n < 0 || n > ENTRY_LIMITS.moneyVnd) {
      this.problem(r, 'moneyVnd', 'OUT_OF_RANGE', { min: 0, max: ENTRY_LIMITS.moneyVnd });
      return null;
    }
    return String(n);
  }

  private landCell(r: number): string | null {
    const v = this.raw(r, 'landM2');
    if (isBlank(v)) return null;
    const n = parseDecimal(v);
    if (n === null || Math.abs(n * 100 - Math.round(n * 100)) > 1e-6) {
      this.problem(r, 'landM2', 'NOT_A_NUMBER');
      return null;
    }
    if (n < 0 || n > 1e12) {
      this.problem(r, 'landM2', 'OUT_OF_RANGE', { min: 0, max: 1e12 });
      return null;
    }
    return n.toFixed(2);
  }

  private dateCell(r: number, key: ImportColumnKey): string | null {
    const v = this.raw(r, key);
    if (isBlank(v)) return null;
    const d = parseDate(v);
    if (!d) this.problem(r, key, 'NOT_A_DATE');
    return d;
  }

  private implementersCell(r: number): repo.ImplementerValue[] {
    const items = splitImplementers(this.raw(r, 'implementers'));
    if (items.length > 100) {
      this.problem(r, 'implementers', 'OUT_OF_RANGE', { min: 0, max: 100 });
      return [];
    }
    const out: repo.ImplementerValue[] = [];
    for (const item of items) {
      const m = /^#(\d{1,18})$/.exec(item);
      if (m) {
        if (this.knownUnitIds.has(m[1]!)) out.push({ unitId: m[1]! });
        else this.problem(r, 'implementers', 'UNKNOWN_VALUE', { value: item });
      } else if (item.length > 200) this.problem(r, 'implementers', 'TOO_LONG', { max: 200 });
      else out.push({ personName: item });
    }
    return out;
  }
}

const INPUT_TO_COLUMN: Record<string, ImportColumnKey> = { registeringUnitId: 'unit', fieldCode: 'field', periodId: 'period' };
function inputKeyToColumn(key: string): ImportColumnKey | null {
  if (INPUT_TO_COLUMN[key]) return INPUT_TO_COLUMN[key];
  return IMPORT_COLUMNS.some((c) => c.key === key) ? (key as ImportColumnKey) : null;
}

function isBlank(v: CellValue): boolean {
  return v === null || (typeof v === 'string' && v.trim() === '');
}

function text(v: CellValue): string | null {
  if (v === null) return null;
  const s = (v instanceof Date ? formatDate(v) : String(v)).normalize('NFC').trim();
  return s || null;
}

function formatDate(d: Date): string {
  return `${String(d.getUTCDate()).padStart(2, '0')}/${String(d.getUTCMonth() + 1).padStart(2, '0')}/${d.getUTCFullYear()}`;
}

const periodWord = (s: string) => s.replace(/[\s\u2010-\u2015-]+/g, '-');

function splitImplementers(v: CellValue): string[] {
  const t = text(v);
  return t ? t.split(/[;\n]/).map((s) => s.trim()).filter(Boolean) : [];
}

/** "#123", "xã:00004" / "commune:00004", or a name with optional ", parent, …". */
function parseUnitRef(v: CellValue): UnitRef | null {
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

function parseWholeNumber(v: CellValue): number | null {
  if (typeof v === 'number') return Number.isInteger(v) ? v : null;
  if (typeof v !== 'string') return null;
  const s = v.replace(/\s|đ|VND|VNĐ/gi, '');
  if (/^-?\d+$/.test(s)) return Number(s);
  if (/^\d{1,3}([.,]\d{3})+$/.test(s)) return Number(s.replace(/[.,]/g, ''));
  return null;
}

function parseDecimal(v: CellValue): number | null {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v !== 'string') return null;
  let s = v.replace(/\s/g, '');
  if (s.includes('.') && s.includes(',')) {
    const decimal = s.lastIndexOf('.') > s.lastIndexOf(',') ? '.' : ',';
    s = s.split(decimal === '.' ? ',' : '.').join('').replace(',', '.');
  } else if (/^\d{1,3}([.,]\d{3})+$/.test(s)) s = s.replace(/[.,]/g, '');
  else s = s.replace(',', '.');
  return /^\d+(\.\d+)?$/.test(s) ? Number(s) : null;
}

function validIso(y: number, m: number, d: number): string | null {
  if (y < 1900 || y > 2100 || m < 1 || m > 12 || d < 1) return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCMonth() !== m - 1) return null;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** A date cell: an Excel date (serial number), a Date, "dd/mm/yyyy" or "yyyy-mm-dd". */
function parseDate(v: CellValue): string | null {
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

/**
 * Streams the file's rows through the validator; `write` receives each batch of valid rows as
 * long as no row of the file has failed.
 */
async function runFile(db: Db, actor: Actor, buffer: Buffer, lang: MessageLang, maxErrors: number, write: ((rows: ValidRow[]) => Promise<void>) | null): Promise<Outcome> {
  await inspectXlsx(buffer);
  const [fields, periods] = await Promise.all([repo.findFields(db), repo.findPeriods(db)]);
  const v = new FileValidator(db, actor, { fields, periods }, lang, maxErrors);
  let headerRow = 0;
  let rows = 0;
  let batch: SheetRow[] = [];
  // The database writes batch N while the next rows are read and checked (one write at a time, in order).
  let writing: Promise<void> | null = null;
  const flush = async () => {
    if (!batch.length) return;
    const valid = await v.validateBatch(batch);
    batch = [];
    if (write && v.totalProblems === 0) {
      if (writing) await writing;
      writing = write(valid);
      // Awaited below; this only keeps a failure from counting as unhandled meanwhile.
      writing.catch(() => undefined);
    }
  };
  for await (const row of readFirstSheetRows(buffer)) {
    if (!headerRow) {
      if (row.values.every((x) => isBlank(x ?? null))) continue;
      headerRow = row.row;
      if (!v.readHeader(row)) break;
      continue;
    }
    if (v.isEmpty(row)) continue;
    if (++rows > IMPORT_LIMITS.rows) throw validation(`The file has more than ${IMPORT_LIMITS.rows} rows; split it`, { maxRows: IMPORT_LIMITS.rows });
    batch.push(row);
    if (batch.length >= BATCH_ROWS) await flush();
  }
  await flush();
  if (writing) await writing;
  if (!rows && !v.totalProblems) v.problem(headerRow || 1, null, 'NO_ROWS');
  return { rows, problems: v.problems, totalProblems: v.totalProblems, headerRow: headerRow || 1 };
}

const publicError = ({ col: _col, ...e }: RowProblem): ImportRowError => e;

/** Lowest common ancestor of unit paths ('1.2.3'): the unit whose subtree holds them all. */
function commonUnit(paths: Iterable<string>): string | null {
  let common: string[] | null = null;
  for (const p of paths) {
    const labels = p.split('.');
    if (!common) common = labels;
    else {
      let i = 0;
      while (i < common.length && common[i] === labels[i]) i++;
      common = common.slice(0, i);
    }
  }
  return common?.at(-1) ?? null;
}

type ContentKeys = keyof repo.EntryContent;
const CONTENT_KEYS: ContentKeys[] = ['level', 'kind', 'form', 'field_code', 'period_id', 'title', 'description', 'goals', 'results', 'start_date', 'end_date', 'participants_count', 'participants', 'money_vnd', 'working_days', 'land_m2', 'resources_other'];

function sameContent(a: repo.EntryContent & { implementers: repo.ImplementerValue[] }, b: repo.EntryContent & { implementers: repo.ImplementerValue[] }): boolean {
  const norm = (k: ContentKeys, v: unknown) => (v === null || v === undefined ? null : k === 'land_m2' ? Number(v).toFixed(2) : String(v));
  return CONTENT_KEYS.every((k) => norm(k, a[k]) === norm(k, b[k])) && JSON.stringify(a.implementers) === JSON.stringify(b.implementers);
}

export type ImportOptions = { fileName?: string; lang?: MessageLang };

/**
 * Imports the workbook: every row valid → all written in one transaction with one audit record
 * ('entries.import'); otherwise nothing is written and IMPORT_INVALID (or FORBIDDEN when a row
 * names a unit outside the caller's data.write scope) lists the problems.
 */
export async function importEntries(ctx: Ctx, actor: Actor, buffer: Buffer, options: ImportOptions = {}): Promise<ImportResult> {
  const sha256 = createHash('sha256').update(buffer).digest('hex');
  return ctx.db.transaction().execute(async (trx) => {
    const counts = { created: 0, updated: 0, unchanged: 0 };
    const paths = new Set<string>();
    const outcome = await runFile(trx, actor, buffer, options.lang ?? 'en', MAX_ERRORS, async (rows) => {
      const existing = await repo.findExistingByKeys(
        trx,
        rows.map((r) => ({ unitId: r.registering_unit_id, year: r.year, titleKey: r.title_key })),
      );
      const byKey = new Map(existing.map((e) => [`${e.registering_unit_id}|${e.year}|${e.title_key}`, e]));
      const fresh: ValidRow[] = [];
      for (const r of rows) {
        paths.add(r.unit_path);
        const old = byKey.get(`${r.registering_unit_id}|${r.year}|${r.title_key}`);
        if (!old) fresh.push(r);
        else if (old.status !== 'draft' || sameContent(old, r)) counts.unchanged++;
        else {
          const content = Object.fromEntries(CONTENT_KEYS.map((k) => [k, r[k]])) as repo.EntryContent;
          if (await repo.updateDraft(trx, old.id, content, r.implementers)) counts.updated++;
          else counts.unchanged++;
        }
      }
      await repo.insertEntries(
        trx,
        fresh.map(({ row: _row, ...e }) => e),
        { id: actor.userId, name: actor.username },
      );
      counts.created += fresh.length;
    });
    if (outcome.totalProblems) {
      const details = { errors: outcome.problems.map(publicError), total: outcome.totalProblems };
      if (outcome.problems.some((p) => p.code === 'OUT_OF_SCOPE')) throw new AppError('FORBIDDEN', 'Some rows name units you may not enter data for; nothing was imported', details);
      throw new AppError('IMPORT_INVALID', `${outcome.totalProblems} problem(s) in the file; nothing was imported`, details);
    }
    const result = { ...counts, rows: outcome.rows };
    await recordAudit(trx, actor, {
      action: 'entries.import',
      recordType: 'entry',
      unitId: commonUnit(paths),
      after: { ...result, fileName: options.fileName ?? null, sha256, bytes: buffer.length },
    });
    return result;
  });
}

/**
 * The error report: the uploaded workbook with each problem highlighted and explained in `lang`.
 * Writes nothing.
 */
export async function annotateImport(ctx: Ctx, actor: Actor, buffer: Buffer, lang: MessageLang): Promise<{ workbook: Buffer; errors: number }> {
  const outcome = await runFile(ctx.db, actor, buffer, lang, ANNOTATE_MAX_ERRORS, null);
  const notes = outcome.problems.map((p) => ({ row: p.row, column: p.col, message: p.message }));
  return { workbook: await annotateInWorker(buffer, notes, outcome.headerRow), errors: outcome.totalProblems };
}

/**
 * The import template for this caller: the national fields plus the fields a unit added that
 * apply to (some of) the caller's units, and the emulation periods.
 */
export async function entriesTemplate(ctx: Ctx, actor: Actor): Promise<Buffer> {
  const [fields, periods] = await Promise.all([repo.findFields(ctx.db), repo.findPeriods(ctx.db)]);
  const scopes = scopePaths(actor, 'data.write');
  const usable = fields.filter((f) => !f.unitPath || scopes.some((s) => pathCovers(f.unitPath!, s) || pathCovers(s, f.unitPath!)));
  return buildEntriesTemplate({ fields: usable.map((f) => f.name), periods: periods.map((p) => p.name) });
}
