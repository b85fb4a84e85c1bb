/**
 * Validates the import's rows with the rules of the entries service: the words of the lists
 * (level, kind, form, field, period), the unit and data.write on it, checkLevel, one title per
 * unit and year within the file (titleKey), and EntryInput as the last word on the shape.
 */
import { EntryInput, type EntryForm, type EntryKind, type EntryLevel, ENTRY_LIMITS } from '../../../common/entries.js';
import { todayInVietnam } from '../../../common/units.js';
import type { Db } from '../../db/database.js';
import { fold, FORM_BY_WORD, IMPORT_COLUMNS, type ImportColumnKey, KIND_BY_WORD, LEVEL_BY_WORD, neutralise } from '../../documents/entries-columns.js';
import type { SheetRow } from '../../documents/entries-workbook.js';
import type { Actor } from '../../http/access.js';
import { checkLevel, titleKey } from './entry-rules.js';
import { periodWord, splitImplementers, text } from './entries-import-cells.js';
import { levelPathOf, readHistory, readSourceRef } from './entries-import-history.js';
import { FileSources, naturalKey } from './entries-import-sources.js';
import type { SheetReader } from './entries-import-reader.js';
import { UnitLookup } from './entries-import-units.js';
import type * as repo from './entries-import.repository.js';

export type Lists = { fields: repo.FieldRow[]; periods: Awaited<ReturnType<typeof repo.findPeriods>> };

/** A valid row, ready to be written. */
export type ValidRow = repo.NewEntry & { row: number };

/** Validates the import's rows with the rules of the entries service; "replicated from" is resolved once the file has been read (`sources`). */

export class FileValidator {
  private readonly units: UnitLookup;
  private readonly seenKeys = new Map<string, number>();
  private readonly fieldByWord = new Map<string, repo.FieldRow>();
  private readonly periodByWord = new Map<string, Lists['periods'][number]>();
  readonly sources = new FileSources();
  private readonly today = todayInVietnam();

  constructor(
    db: Db,
    private readonly actor: Actor,
    lists: Lists,
    private readonly sheet: SheetReader,
  ) {
    this.units = new UnitLookup(db, actor);
    // A name starting with = + - @ is in the template's lists with a leading ' (neutralised, as
    // in the exports): a value picked from the drop-down carries it and must still match.
    for (const f of lists.fields) {
      this.fieldByWord.set(fold(f.name), f);
      this.fieldByWord.set(fold(neutralise(f.name)), f);
      this.fieldByWord.set(fold(f.code), f);
    }
    for (const p of lists.periods) {
      this.periodByWord.set(periodWord(p.name), p);
      this.periodByWord.set(periodWord(neutralise(p.name)), p);
      this.periodByWord.set(periodWord(`${p.start_year}-${p.end_year}`), p);
    }
  }

  /** Validates a batch of rows; returns those that are valid (all of them when the file is clean so far). */
  async validateBatch(rows: SheetRow[]): Promise<ValidRow[]> {
    await this.units.resolveUnits(rows.map((row) => this.sheet.cell(row, 'unit')));
    await this.units.resolveImplementerUnits(rows.map((row) => this.sheet.cell(row, 'implementers')));
    const out: ValidRow[] = [];
    for (const row of rows) {
      const v = this.validateRow(row);
      if (v) out.push(v);
    }
    return out;
  }

  private validateRow(row: SheetRow): ValidRow | null {
    const s = this.sheet;
    const before = s.totalProblems;
    const r = row.row;
    const year = s.intCell(row, 'year', 2000, 2100, true);
    const level = s.wordCell(row, 'level', LEVEL_BY_WORD) as EntryLevel | null;
    const kind = s.wordCell(row, 'kind', KIND_BY_WORD) as EntryKind | null;
    const form = s.wordCell(row, 'form', FORM_BY_WORD) as EntryForm | null;
    const title = s.textCell(row, 'title', ENTRY_LIMITS.title, true);
    const description = s.textCell(row, 'description', ENTRY_LIMITS.text);
    const goals = s.textCell(row, 'goals', ENTRY_LIMITS.text);
    const results = s.textCell(row, 'results', ENTRY_LIMITS.text);
    const participants = s.textCell(row, 'participants', ENTRY_LIMITS.text);
    const resourcesOther = s.textCell(row, 'resourcesOther', ENTRY_LIMITS.text);
    const startDate = s.dateCell(row, 'startDate');
    const endDate = s.dateCell(row, 'endDate');
    if (startDate && endDate && endDate < startDate) s.problem(r, 'endDate', 'END_BEFORE_START');
    const participantsCount = s.intCell(row, 'participantsCount', 0, 100_000_000);
    const workingDays = s.intCell(row, 'workingDays', 0, 100_000_000);
    const moneyVnd = s.moneyCell(row);
    const landM2 = s.landCell(row);
    const implementers = this.implementersCell(row);

    const unit = this.unitCell(row, year);
    let fieldCode: string | null = null;
    const fieldText = text(s.cell(row, 'field'));
    if (!fieldText) s.problem(r, 'field', 'REQUIRED');
    else {
      const f = this.fieldByWord.get(s.fold(fieldText));
      // A field a unit added applies to that unit's subtree only.
      if (!f || (f.unitPath && unit && !(unit.path === f.unitPath || unit.path.startsWith(`${f.unitPath}.`)))) s.problem(r, 'field', 'UNKNOWN_VALUE', { value: fieldText });
      else fieldCode = f.code;
    }
    let periodId: string | null = null;
    const periodText = text(s.cell(row, 'period'));
    if (periodText) {
      const p = this.periodByWord.get(periodWord(periodText));
      if (!p) s.problem(r, 'period', 'UNKNOWN_VALUE', { value: periodText });
      else if (year !== null && (year < p.start_year || year > p.end_year)) s.problem(r, 'period', 'YEAR_OUTSIDE_PERIOD', { period: p.name });
      else periodId = p.id;
    }
    let levelPath: string | undefined;
    if (unit && level && year !== null) {
      const check = checkLevel(level, year, unit.chain);
      if (!check.ok) s.problem(r, check.code === 'UNIT_NOT_IN_FORCE' ? 'unit' : 'level', check.code, check.code === 'UNIT_NOT_IN_FORCE' ? { year } : undefined);
      else levelPath = levelPathOf(unit, check.levelUnitId) ?? '';
    }
    const history = readHistory(s, row, { actor: this.actor, today: this.today, unit, year, levelPath });
    const sourceRef = readSourceRef(s, row);
    const tKey = title ? titleKey(title) : null;
    if (unit && year !== null && tKey) {
      const key = `${unit.id}|${year}|${tKey}`;
      const first = this.seenKeys.get(key);
      if (first !== undefined) s.problem(r, 'title', 'DUPLICATE_IN_FILE', { firstRow: first });
      else this.seenKeys.set(key, r);
    }
    if (s.totalProblems !== before || !unit || !level || !kind || !form || !fieldCode || year === null || !title || !tKey || !history) return null;

    // The entries service's own shape, as the last word on what a registration may hold.
    const parsed = EntryInput.safeParse({
      registeringUnitId: unit.id, level, kind, form, fieldCode, year, periodId, title, description, goals, results, startDate, endDate,
      participantsCount, participants, moneyVnd, workingDays, landM2, resourcesOther, implementers,
    });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) s.problem(r, inputKeyToColumn(String(issue.path[0] ?? '')), 'INVALID_VALUE');
      return null;
    }
    return {
      row: r, registering_unit_id: unit.id, unit_path: unit.path, year, title_key: tKey, level, kind, form, field_code: fieldCode, period_id: periodId,
      title, description, goals, results, start_date: startDate, end_date: endDate, participants_count: participantsCount, participants,
      money_vnd: moneyVnd, working_days: workingDays, land_m2: landM2, resources_other: resourcesOther, implementers,
      ...this.historyOf(r, naturalKey(unit.id, year, tKey), tKey, history, sourceRef),
    };
  }

  private historyOf(r: number, key: string, tKey: string, history: NonNullable<ReturnType<typeof readHistory>>, sourceRef: ReturnType<typeof readSourceRef>): repo.EntryHistory {
    this.sources.add(r, key, sourceRef, history.steps.at(-1)?.to === 'recognised', tKey);
    return { steps: history.steps, evaluation_effective: history.effective, evaluation_score: history.score };
  }

  private unitCell(row: SheetRow, year: number | null): repo.UnitCandidate | null {
    const pick = this.units.pick(this.sheet.cell(row, 'unit'), year);
    if ('unit' in pick) return pick.unit;
    this.sheet.problem(row.row, 'unit', pick.problem, pick.params);
    return null;
  }

  private implementersCell(row: SheetRow): repo.ImplementerValue[] {
    const r = row.row;
    const items = splitImplementers(this.sheet.cell(row, 'implementers'));
    if (items.length > 100) {
      this.sheet.problem(r, 'implementers', 'OUT_OF_RANGE', { min: 0, max: 100 });
      return [];
    }
    const out: repo.ImplementerValue[] = [];
    for (const item of items) {
      const m = /^#(\d{1,18})$/.exec(item);
      if (m) {
        if (this.units.isUnit(m[1]!)) out.push({ unitId: m[1]! });
        else this.sheet.problem(r, 'implementers', 'UNKNOWN_VALUE', { value: item });
      } else if (item.length > 200) this.sheet.problem(r, 'implementers', 'TOO_LONG', { max: 200 });
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
