/**
 * Registering and editing an entry: a draft for a unit the actor may write to, and changes to it
 * while its status allows (every field in draft and returned, how it is going once accepted),
 * under optimistic concurrency on `version`, with the audit record in the same transaction.
 * Reading is in entry-detail.service.ts, the lifecycle in entry-lifecycle.service.ts, progress
 * notes and replication links in entry-progress / entry-replication.service.ts. See docs/entries.md.
 */
import type { EntryInput } from '../../../common/entries.js';
import { AppError } from '../../errors.js';
import { type Actor, assertCan, can } from '../../http/access.js';
import type { Ctx } from '../../http/context.js';
import { recordAudit } from '../audit/audit.repository.js';
import { type EntryBundle, getWritableEntry, loadDetail, reloadDetail } from './entry-detail.service.js';
import { invalidTransition, problems, staleVersion } from './entry-errors.js';
import { alreadyExists, checkRegistration, datesProblem, isNaturalKeyViolation } from './entry-registration.js';
import { editability, LATE_EDITABLE, titleKey } from './entry-rules.js';
import * as repo from './entries.repository.js';
import type { UpdateEntryBody } from './entries.schema.js';

/** Input field → column. */
const COLUMNS = {
  level: 'level',
  kind: 'kind',
  form: 'form',
  fieldCode: 'field_code',
  year: 'year',
  periodId: 'period_id',
  title: 'title',
  description: 'description',
  goals: 'goals',
  results: 'results',
  startDate: 'start_date',
  endDate: 'end_date',
  participantsCount: 'participants_count',
  participants: 'participants',
  moneyVnd: 'money_vnd',
  workingDays: 'working_days',
  landM2: 'land_m2',
  resourcesOther: 'resources_other',
} as const satisfies Record<string, keyof repo.EntryRecord>;
type Field = keyof typeof COLUMNS;
const FIELDS = Object.keys(COLUMNS) as Field[];

/** A value as stored (and compared): money as an integer string, land with two decimals. */
function norm(field: Field, value: unknown): unknown {
  if (value === undefined || value === null) return null;
  if (field === 'moneyVnd') return BigInt(value as string | number).toString();
  if (field === 'landM2') return Number(value).toFixed(2);
  return value;
}

/** What the audit trail keeps of an entry: its fields, not its derived columns. */
function auditView(e: repo.EntryRecord) {
  return Object.fromEntries(FIELDS.map((f) => [f, e[COLUMNS[f]]]));
}

/** Registers an entry (status draft) for a unit the actor may write to. */
export async function createEntry(ctx: Ctx, actor: Actor, input: EntryInput): Promise<EntryBundle> {
  const chain = await repo.findChain(ctx.db, input.registeringUnitId);
  if (!chain[0] || !can(actor, 'units.read', chain[0].path)) throw new AppError('NOT_FOUND', `Unit ${input.registeringUnitId} not found`, { what: 'unit', id: input.registeringUnitId });
  assertCan(actor, 'data.write', chain[0].path);
  const { unit, periodId } = await checkRegistration(ctx, actor, {
    unitId: input.registeringUnitId,
    level: input.level,
    year: input.year,
    fieldCode: input.fieldCode,
    periodId: input.periodId,
    implementers: input.implementers,
    landM2: input.landM2,
  });
  const key = titleKey(input.title);
  const dup = await alreadyExists(ctx, actor, unit.id, input.year, key);
  if (dup) throw dup;
  let id: string;
  try {
    id = await ctx.db.transaction().execute(async (trx) => {
      const newId = await repo.insertEntry(trx, {
        registering_unit_id: unit.id,
        unit_path: unit.path,
        level: input.level,
        kind: input.kind,
        form: input.form,
        field_code: input.fieldCode,
        year: input.year,
        period_id: periodId,
        title: input.title,
        title_key: key,
        description: input.description ?? null,
        goals: input.goals ?? null,
        results: input.results ?? null,
        start_date: input.startDate ?? null,
        end_date: input.endDate ?? null,
        participants_count: input.participantsCount ?? null,
        participants: input.participants ?? null,
        money_vnd: norm('moneyVnd', input.moneyVnd) as string | null,
        working_days: input.workingDays ?? null,
        land_m2: norm('landM2', input.landM2) as string | null,
        resources_other: input.resourcesOther ?? null,
        created_by: actor.userId,
      });
      await repo.replaceImplementers(trx, newId, input.implementers);
      await repo.insertTransitions(trx, [{ entryId: newId, action: 'create', from: null, to: 'draft', reason: null, actorId: actor.userId, actorName: actor.username }]);
      const created = (await repo.findEntry(trx, newId))!;
      await recordAudit(trx, actor, { action: 'entry.create', recordType: 'entry', recordId: newId, unitId: unit.id, after: { ...auditView(created), implementers: input.implementers } });
      return newId;
    });
  } catch (err) {
    // Two registrations of the same title at once: the loser gets what the pre-check would have said.
    if (isNaturalKeyViolation(err)) throw (await alreadyExists(ctx, actor, unit.id, input.year, key)) ?? err;
    throw err;
  }
  return reloadDetail(ctx, actor, id);
}

const sameImplementers = (a: repo.ImplementerInput[], b: repo.ImplementerInput[]) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Changes an entry: every field in draft and returned; once accepted or implementing only how it
 * is going (LATE_EDITABLE: a changed locked field answers VALIDATION_FAILED naming it); never
 * after (INVALID_TRANSITION, action "edit"). Fields sent with their current value are no change.
 */
export async function updateEntry(ctx: Ctx, actor: Actor, id: string, body: UpdateEntryBody): Promise<EntryBundle> {
  const entry = await getWritableEntry(ctx, actor, id);
  if (body.version !== entry.version) throw staleVersion(entry.version);
  const mode = editability(entry.status);
  if (mode === 'none') throw invalidTransition(entry.status, 'edit');

  const changes: repo.EntryChanges = {};
  const before: Record<string, unknown> = {};
  const after: Record<string, unknown> = {};
  for (const f of FIELDS) {
    if (body[f] === undefined) continue;
    const next = norm(f, body[f]);
    const current = norm(f, entry[COLUMNS[f]]);
    if (next === current) continue;
    (changes as Record<string, unknown>)[COLUMNS[f]] = next;
    before[f] = current;
    after[f] = next;
  }
  const current = await repo.findImplementers(ctx.db, id);
  const currentImplementers: repo.ImplementerInput[] = current.map((i) => (i.unit_id ? { unitId: i.unit_id } : { personName: i.person_name! }));
  const implementersChanged = body.implementers !== undefined && !sameImplementers(body.implementers, currentImplementers);
  if (implementersChanged) {
    before.implementers = currentImplementers;
    after.implementers = body.implementers;
  }
  if (mode === 'late') {
    const locked = Object.keys(after).filter((f) => !LATE_EDITABLE.has(f));
    if (locked.length) {
      throw problems(
        `Once the entry is ${entry.status}, only its description, results, dates, participants and resources may change`,
        locked.map((f) => ({ path: `body.${f}`, message: `cannot be changed once the entry is ${entry.status}`, code: 'locked' })),
      );
    }
  }
  if (!Object.keys(after).length) return loadDetail(ctx, actor, entry);

  const merged = (column: 'start_date' | 'end_date') => (column in changes ? (changes[column] as string | null) : entry[column]);
  const dates = datesProblem(merged('start_date'), merged('end_date'));
  if (dates.length) throw problems('The registration is not valid', dates);

  // Re-check what the registration refers to when any of it changes.
  const year = body.year ?? entry.year;
  if (['level', 'year', 'fieldCode', 'periodId'].some((f) => f in after) || implementersChanged || 'landM2' in after) {
    let periodId: string | null | undefined = body.periodId === undefined ? entry.period_id : body.periodId;
    // A new year outside the kept period: pick the period again (unless the caller named one).
    if (body.periodId === undefined && 'year' in after && periodId) {
      const p = await repo.findPeriod(ctx.db, periodId);
      if (!p || year < p.start_year || year > p.end_year) periodId = null;
    }
    const checked = await checkRegistration(ctx, actor, {
      unitId: entry.registering_unit_id,
      level: body.level ?? entry.level,
      year,
      fieldCode: body.fieldCode ?? entry.field_code,
      periodId,
      implementers: implementersChanged ? body.implementers : undefined,
      landM2: body.landM2,
    });
    if (checked.periodId !== entry.period_id) {
      changes.period_id = checked.periodId;
      before.periodId = entry.period_id;
      after.periodId = checked.periodId;
    }
  }
  if ('title' in after || 'year' in after) {
    const key = titleKey(body.title ?? entry.title);
    if (key !== entry.title_key || year !== entry.year) {
      const existing = await repo.findEntryByKey(ctx.db, entry.registering_unit_id, year, key);
      if (existing && existing.id !== id) throw (await alreadyExists(ctx, actor, entry.registering_unit_id, year, key))!;
      changes.title_key = key;
    }
  }

  try {
    await ctx.db.transaction().execute(async (trx) => {
      const updated = await repo.updateEntryIfVersion(trx, id, body.version, changes);
      if (!updated) throw staleVersion(body.version + 1);
      if (implementersChanged) await repo.replaceImplementers(trx, id, body.implementers!);
      await recordAudit(trx, actor, { action: 'entry.update', recordType: 'entry', recordId: id, unitId: entry.registering_unit_id, before, after });
    });
  } catch (err) {
    if (isNaturalKeyViolation(err)) throw (await alreadyExists(ctx, actor, entry.registering_unit_id, year, titleKey(body.title ?? entry.title))) ?? err;
    throw err;
  }
  return reloadDetail(ctx, actor, id);
}
