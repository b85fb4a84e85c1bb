/**
 * What a registration must satisfy before it is written, on creation and on every edit that
 * touches it: a known field usable by the unit, a period containing the year, readable
 * implementer units, a level on the unit's path, the unit in force, and one title per unit and year.
 */
import type { EntryLevel } from '../../../common/entries.js';
import { AppError } from '../../errors.js';
import { type Actor, can, pathCovers } from '../../http/access.js';
import type { Ctx } from '../../http/context.js';
import { type FieldProblem, problems } from './entry-errors.js';
import { checkLevel } from './entry-rules.js';
import * as repo from './entries.repository.js';

type Registration = { unitId: string; level: EntryLevel; year: number; fieldCode: string; periodId: string | null | undefined; implementers?: repo.ImplementerInput[]; landM2?: unknown };

/**
 * The emulation period an entry of `year` falls in when the caller named none: the only period
 * containing the year, or among several, the only five-year one; otherwise none.
 */
export async function pickPeriod(ctx: Ctx, year: number): Promise<string | null> {
  const periods = await repo.findPeriodsContaining(ctx.db, year);
  if (periods.length === 1) return periods[0]!.id;
  const fiveYear = periods.filter((p) => p.end_year - p.start_year === 4);
  return fiveYear.length === 1 ? fiveYear[0]!.id : null;
}

/**
 * Checks what a registration refers to; returns the registering unit, the chosen period and the
 * path of the approving committee's unit. Field problems come together as VALIDATION_FAILED;
 * level problems carry their own codes.
 */
export async function checkRegistration(ctx: Ctx, actor: Actor, r: Registration) {
  const chain = await repo.findChain(ctx.db, r.unitId);
  const unit = chain[0];
  if (!unit || !can(actor, 'units.read', unit.path)) throw new AppError('NOT_FOUND', `Unit ${r.unitId} not found`, { what: 'unit', id: r.unitId });
  const list: FieldProblem[] = [];

  const field = await repo.findField(ctx.db, r.fieldCode);
  if (!field) list.push({ path: 'body.fieldCode', message: 'unknown field', code: 'unknown_field' });
  else if (field.unit_path && !pathCovers(field.unit_path, unit.path)) list.push({ path: 'body.fieldCode', message: 'this field belongs to another unit', code: 'unknown_field' });

  let periodId: string | null;
  if (r.periodId) {
    const period = await repo.findPeriod(ctx.db, r.periodId);
    if (!period) list.push({ path: 'body.periodId', message: 'unknown emulation period', code: 'unknown_period' });
    else if (r.year < period.start_year || r.year > period.end_year) {
      list.push({ path: 'body.periodId', message: `the period ${period.name} does not contain the year ${r.year}`, code: 'period_year' });
    }
    periodId = r.periodId;
  } else {
    periodId = await pickPeriod(ctx, r.year);
  }

  if (r.implementers?.length) {
    const ids = r.implementers.flatMap((i) => ('unitId' in i ? [i.unitId] : []));
    const readable = new Set((await repo.findUnitBriefs(ctx.db, ids)).filter((u) => can(actor, 'units.read', u.path)).map((u) => u.id));
    r.implementers.forEach((i, n) => {
      if ('unitId' in i && !readable.has(i.unitId)) list.push({ path: `body.implementers.${n}.unitId`, message: 'unknown unit', code: 'unknown_unit' });
    });
  }
  if (r.landM2 !== undefined && r.landM2 !== null && Number(r.landM2) >= 1e12) list.push({ path: 'body.landM2', message: 'must be below 10^12 m²', code: 'too_big' });
  if (list.length) throw problems('The registration is not valid', list);

  const level = checkLevel(r.level, r.year, chain.map((u) => ({ id: u.id, kind: u.kind, validFrom: u.valid_from, validTo: u.valid_to })));
  if (!level.ok) {
    const where = level.code === 'UNIT_NOT_IN_FORCE' ? 'body.registeringUnitId' : 'body.level';
    // A unit's records fall inside its interval: an organization added today (or a commune formed
    // on 1 July 2025) registers nothing for the years before it existed.
    const interval = `${unit.valid_from ?? '…'} – ${unit.valid_to ?? '…'}`;
    const messages = {
      LEVEL_NOT_ON_PATH: `there is no ${r.level} at or above the registering unit`,
      DISTRICT_AFTER_2025: 'districts were abolished on 1 July 2025: no district-level registration after 2025',
      UNIT_NOT_IN_FORCE: `${unit.name} was not in force in ${r.year} (in force ${interval})`,
    };
    const extra = level.code === 'UNIT_NOT_IN_FORCE' ? { year: r.year, validFrom: unit.valid_from, validTo: unit.valid_to } : {};
    throw new AppError(level.code, messages[level.code], [{ path: where, message: messages[level.code], code: level.code, ...extra }]);
  }
  const levelUnit = chain.find((u) => u.id === level.levelUnitId)!;
  return { unit, periodId, levelPath: levelUnit.path };
}

/**
 * ALREADY_EXISTS when the unit registered this title key in `year`: details say it is an entry of
 * that year (the web names it so) and, for a reader who may see it, its id (the web links to it).
 */
export async function alreadyExists(ctx: Ctx, actor: Actor, unitId: string, year: number, key: string): Promise<AppError | null> {
  const existing = await repo.findEntryByKey(ctx.db, unitId, year, key);
  if (!existing) return null;
  const details = { record: 'entry', year, ...(can(actor, 'units.read', existing.unit_path) ? { existingId: existing.id } : {}) };
  return new AppError('ALREADY_EXISTS', 'The unit has already registered an entry with this title this year', details);
}

export const isNaturalKeyViolation = (err: unknown) => (err as { code?: string; constraint?: string }).code === '23505' && (err as { constraint?: string }).constraint === 'entries_natural_key';

export function datesProblem(start: string | null, end: string | null): FieldProblem[] {
  return start && end && end < start ? [{ path: 'body.endDate', message: 'the end date is before the start date', code: 'end_before_start' }] : [];
}
