/**
 * The history a row of the import records (docs/entries-excel.md, "History"): the lifecycle's
 * steps it has already taken — registered, accepted, evaluated (result, score), recognised — each
 * with its date, and the recognised entry it replicates. The state reached is the last step
 * whose date is filled; every earlier step must be dated too, in lifecycle order, none in the
 * future, the registration in the row's year and while its unit was in force. Approval steps
 * need data.approve at the unit of the entry's level, as in the app. No database here.
 */
import { type EntryStatus, HISTORY_STEPS, type HistoryAction } from '../../../common/entries.js';
import { EVALUATION_BY_WORD, HISTORY_DATE_COLUMNS, IMPORT_COLUMNS, type ImportColumnKey } from '../../documents/entries-columns.js';
import type { SheetRow } from '../../documents/entries-workbook.js';
import { type Actor, can, isSystemAdmin } from '../../http/access.js';
import { isBlank, text } from './entries-import-cells.js';
import type { SheetReader } from './entries-import-reader.js';
import type { UnitCandidate } from './entries-import.repository.js';
import { titleKey } from './entry-rules.js';

export type HistoryStep = { action: HistoryAction; to: EntryStatus; on: string };
export type RowHistory = { steps: HistoryStep[]; effective: boolean | null; score: string | null };

/** The entry a row says it replicates: by its id ("#123", or a bare number) or by its title. */
export type SourceRef = { kind: 'id'; id: string; text: string } | { kind: 'title'; titleKey: string; text: string };

const HISTORY_KEYS: readonly ImportColumnKey[] = [...Object.values(HISTORY_DATE_COLUMNS), 'evaluationResult', 'evaluationScore'];
const NO_HISTORY: RowHistory = { steps: [], effective: null, score: null };

const header = (key: ImportColumnKey) => IMPORT_COLUMNS.find((c) => c.key === key)!.header;
const dmy = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

/**
 * The path of the unit whose steering committee approves the entry: `levelUnitId` on the
 * registering unit's path (an ltree of ids), as the lifecycle finds it (`findLevelUnitPaths`).
 */
export function levelPathOf(unit: UnitCandidate, levelUnitId: string): string | undefined {
  const labels = unit.path.split('.');
  const at = labels.indexOf(levelUnitId);
  return at < 0 ? undefined : labels.slice(0, at + 1).join('.');
}

export type HistoryContext = {
  actor: Actor;
  /** Today in Viet Nam (YYYY-MM-DD): no step is dated after it. */
  today: string;
  unit: UnitCandidate | null;
  year: number | null;
  /** The approving unit's path (undefined: not known, the level is wrong — reported elsewhere). */
  levelPath: string | undefined;
};

/**
 * Reads a row's history cells, reporting every problem on its cell; null when there is one.
 * Without any history cell the row is a draft (no steps).
 */
export function readHistory(s: SheetReader, row: SheetRow, c: HistoryContext): RowHistory | null {
  // Most rows of a file of new registrations have no history: nothing more to read.
  if (HISTORY_KEYS.every((key) => isBlank(s.cell(row, key)))) return NO_HISTORY;
  const before = s.totalProblems;
  const r = row.row;
  const dates = HISTORY_STEPS.map((step) => {
    const key = HISTORY_DATE_COLUMNS[step.action];
    return { ...step, key, blank: isBlank(s.cell(row, key)), on: s.dateCell(row, key) };
  });

  // The evaluation is its result, score and date together.
  const resultBlank = isBlank(s.cell(row, 'evaluationResult'));
  const scoreBlank = isBlank(s.cell(row, 'evaluationScore'));
  const effectiveWord = resultBlank ? null : s.wordCell(row, 'evaluationResult', EVALUATION_BY_WORD);
  const score = scoreBlank ? null : s.scoreCell(row);
  const evaluated = dates.find((d) => d.action === 'evaluate')!;
  if (!resultBlank || !scoreBlank || !evaluated.blank) {
    if (resultBlank) s.problem(r, 'evaluationResult', 'REQUIRED');
    if (scoreBlank) s.problem(r, 'evaluationScore', 'REQUIRED');
    if (evaluated.blank) s.problem(r, 'evaluatedOn', 'REQUIRED');
  }

  const last = dates.findLastIndex((d) => !d.blank);
  for (let i = 0; i < last; i++) {
    if (dates[i]!.blank) s.problem(r, dates[i]!.key, 'STEP_DATE_MISSING', { column: header(dates[last]!.key) });
  }
  let previous: (typeof dates)[number] | null = null;
  for (const d of dates) {
    if (!d.on) continue;
    if (d.on > c.today) s.problem(r, d.key, 'DATE_IN_FUTURE');
    else if (previous?.on && d.on < previous.on) s.problem(r, d.key, 'DATE_ORDER', { column: header(previous.key) });
    previous = d;
  }
  const registered = dates[0]!.on;
  if (registered && c.year !== null && registered.slice(0, 4) !== String(c.year)) s.problem(r, 'registeredOn', 'DATE_OUTSIDE_YEAR', { year: c.year });
  else if (registered && c.unit && ((c.unit.validFrom && registered < c.unit.validFrom) || (c.unit.validTo && registered >= c.unit.validTo))) {
    s.problem(r, 'registeredOn', 'DATE_UNIT_NOT_IN_FORCE', { date: dmy(registered) });
  }
  const recognised = dates.find((d) => d.action === 'recognise')!;
  if (!recognised.blank && effectiveWord === 'false') s.problem(r, 'recognisedOn', 'NOT_EFFECTIVE');

  // Submitting needs data.write on the registering unit: the unit column has checked it already.
  const approval = dates.find((d) => d.action !== 'submit' && !d.blank);
  if (approval && c.unit && c.levelPath !== undefined && !(c.levelPath ? can(c.actor, 'data.approve', c.levelPath) : isSystemAdmin(c.actor))) {
    s.problem(r, approval.key, 'RIGHT_REQUIRED', { permission: 'data.approve' });
  }

  if (s.totalProblems !== before) return null;
  return {
    steps: dates.filter((d) => d.on).map((d) => ({ action: d.action, to: d.to, on: d.on! })),
    effective: effectiveWord === null ? null : effectiveWord === 'true',
    score: score === null ? null : score.toFixed(2),
  };
}

/** The "replicated from" cell: "#123" or 123 names an entry by id, anything else by its title. */
export function readSourceRef(s: SheetReader, row: SheetRow): SourceRef | null {
  const v = s.cell(row, 'replicatedFrom');
  const t = text(v);
  if (!t) return null;
  const id = /^#?\s*(\d{1,18})$/.exec(t);
  if (id) return { kind: 'id', id: id[1]!, text: t };
  return { kind: 'title', titleKey: titleKey(t), text: t.slice(0, 100) };
}
