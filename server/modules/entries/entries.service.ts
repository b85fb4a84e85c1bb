/**
 * The rules of an entry from registration to recognition: who may register, edit and move it
 * along its lifecycle (ENTRY_ACTIONS), what a registration must satisfy (field, period, level on
 * the unit's path, unit in force), optimistic concurrency on `version`, replication links, and
 * the transition row and audit record written with every change. See docs/entries.md.
 */
import { ENTRY_ACTION_NAMES, ENTRY_ACTIONS, type EntryAction, type EntryInput, type EntryLevel, type EntryStatus } from '../../../common/entries.js';
import { AppError } from '../../errors.js';
import { type Actor, assertCan, can, isSystemAdmin, pathCovers, scopePaths } from '../../http/access.js';
import type { Ctx } from '../../http/context.js';
import { recordAudit } from '../audit/audit.repository.js';
import { checkLevel, titleKey } from './entry-rules.js';
import * as repo from './entries.repository.js';
import type { ActionBody, BulkActionBody, ProgressBody, UpdateEntryBody } from './entries.schema.js';
import { findEvidenceList } from './evidence.repository.js';

export type FieldProblem = { path: string; message: string; code?: string };

const entryNotFound = (id: string) => new AppError('NOT_FOUND', `Entry ${id} not found`, { what: 'entry', id });
const problems = (message: string, list: FieldProblem[]) => new AppError('VALIDATION_FAILED', message, list);
const staleVersion = (current: number) => new AppError('CONFLICT', 'The entry was changed by someone else; reload it and try again', { currentVersion: current });
const invalidTransition = (status: EntryStatus, action: string) =>
  new AppError('INVALID_TRANSITION', `The entry is ${status}: "${action}" is not possible now`, { status, action });

/** The entry when it exists and the actor may read it (units.read on the registering unit); NOT_FOUND otherwise, alike. */
export async function getReadableEntry(ctx: Ctx, actor: Actor, id: string): Promise<repo.EntryRecord> {
  const entry = await repo.findEntry(ctx.db, id);
  if (!entry || !can(actor, 'units.read', entry.unit_path)) throw entryNotFound(id);
  return entry;
}

/** Readable and writable (data.write on the registering unit): a reader without the right gets FORBIDDEN. */
export async function getWritableEntry(ctx: Ctx, actor: Actor, id: string): Promise<repo.EntryRecord> {
  const entry = await getReadableEntry(ctx, actor, id);
  assertCan(actor, 'data.write', entry.unit_path);
  return entry;
}

// ---------------------------------------------------------------------------------------------
// Editing policy

/** What may change once an entry is accepted: how it is going, not what it is. */
const LATE_EDITABLE = new Set(['description', 'results', 'startDate', 'endDate', 'participantsCount', 'participants', 'moneyVnd', 'workingDays', 'landM2', 'resourcesOther']);

/** 'all' fields, the 'late' ones only, or 'none'. */
export function editability(status: EntryStatus): 'all' | 'late' | 'none' {
  if (status === 'draft' || status === 'returned') return 'all';
  if (status === 'accepted' || status === 'implementing') return 'late';
  return 'none';
}

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

// ---------------------------------------------------------------------------------------------
// Registration rules

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
async function checkRegistration(ctx: Ctx, actor: Actor, r: Registration) {
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
    const messages = {
      LEVEL_NOT_ON_PATH: `there is no ${r.level} at or above the registering unit`,
      DISTRICT_AFTER_2025: 'districts were abolished on 1 July 2025: no district-level registration after 2025',
      UNIT_NOT_IN_FORCE: `the registering unit was not in force in ${r.year}`,
    };
    throw new AppError(level.code, messages[level.code], [{ path: where, message: messages[level.code], code: level.code }]);
  }
  const levelUnit = chain.find((u) => u.id === level.levelUnitId)!;
  return { unit, periodId, levelPath: levelUnit.path };
}

async function alreadyExists(ctx: Ctx, actor: Actor, unitId: string, year: number, key: string): Promise<AppError | null> {
  const existing = await repo.findEntryByKey(ctx.db, unitId, year, key);
  if (!existing) return null;
  const details = can(actor, 'units.read', existing.unit_path) ? { existingId: existing.id } : {};
  return new AppError('ALREADY_EXISTS', 'The unit has already registered an entry with this title this year', details);
}

const isNaturalKeyViolation = (err: unknown) => (err as { code?: string; constraint?: string }).code === '23505' && (err as { constraint?: string }).constraint === 'entries_natural_key';

function datesProblem(start: string | null, end: string | null): FieldProblem[] {
  return start && end && end < start ? [{ path: 'body.endDate', message: 'the end date is before the start date', code: 'end_before_start' }] : [];
}

/** What the audit trail keeps of an entry: its fields, not its derived columns. */
function auditView(e: repo.EntryRecord) {
  return Object.fromEntries(FIELDS.map((f) => [f, e[COLUMNS[f]]]));
}

// ---------------------------------------------------------------------------------------------
// Reading

export type EntryBundle = Awaited<ReturnType<typeof loadDetail>>;

/** `can` on a unit path; an entry whose level unit cannot be found (no path) is approved by system admins only. */
function canAt(actor: Actor, permission: 'data.write' | 'data.approve', path: string | undefined): boolean {
  return path ? can(actor, permission, path) : isSystemAdmin(actor);
}

/** The actions the actor may take now on `entry` (the server checks again when they are taken). */
export function allowedActions(actor: Actor, entry: repo.EntryRecord, levelPath: string | undefined): string[] {
  const out: string[] = [];
  for (const name of ENTRY_ACTION_NAMES) {
    const a = ENTRY_ACTIONS[name];
    if (!(a.from as readonly EntryStatus[]).includes(entry.status)) continue;
    if (name === 'recognise' && entry.evaluation_effective !== true) continue;
    if (canAt(actor, a.permission, a.permission === 'data.approve' ? levelPath : entry.unit_path)) out.push(name);
  }
  if (editability(entry.status) !== 'none' && can(actor, 'data.write', entry.unit_path)) out.push('edit');
  return out;
}

async function loadDetail(ctx: Ctx, actor: Actor, entry: repo.EntryRecord) {
  const [units, implementers, transitions, progress, evidence, replicates, replicatedBy, levelPaths] = await Promise.all([
    repo.findUnitBriefs(ctx.db, [entry.registering_unit_id]),
    repo.findImplementers(ctx.db, entry.id),
    repo.findTransitions(ctx.db, entry.id),
    repo.findProgress(ctx.db, entry.id),
    findEvidenceList(ctx.db, entry.id),
    repo.findSources(ctx.db, entry.id),
    repo.findReplicas(ctx.db, entry.id, isSystemAdmin(actor) ? undefined : scopePaths(actor, 'units.read')),
    repo.findLevelUnitPaths(ctx.db, [{ unitPath: entry.unit_path, level: entry.level }]),
  ]);
  return {
    entry,
    unit: units[0]!,
    implementers,
    transitions,
    progress,
    evidence,
    // A source outside the reader's scope is shown only by its existence's effect (the link), not its data.
    replicates: replicates.filter((r) => can(actor, 'units.read', r.unit_path)),
    replicatedBy,
    allowedActions: allowedActions(actor, entry, levelPaths.get(repo.levelKey(entry.level, entry.unit_path))),
  };
}

export async function getEntryDetail(ctx: Ctx, actor: Actor, id: string): Promise<EntryBundle> {
  return loadDetail(ctx, actor, await getReadableEntry(ctx, actor, id));
}

async function reload(ctx: Ctx, actor: Actor, id: string): Promise<EntryBundle> {
  return loadDetail(ctx, actor, (await repo.findEntry(ctx.db, id))!);
}

// ---------------------------------------------------------------------------------------------
// Writing

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
  return reload(ctx, actor, id);
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
  return reload(ctx, actor, id);
}

/** The unit path whose data.approve an approval of `entry` needs. */
async function levelPathOf(ctx: Ctx, entry: repo.EntryRecord): Promise<string | undefined> {
  const paths = await repo.findLevelUnitPaths(ctx.db, [{ unitPath: entry.unit_path, level: entry.level }]);
  return paths.get(repo.levelKey(entry.level, entry.unit_path));
}

function actionChanges(action: EntryAction, body: ActionBody): repo.EntryChanges {
  const changes: repo.EntryChanges = { status: ENTRY_ACTIONS[action].to };
  if (action === 'evaluate') {
    changes.evaluation_effective = body.effective!;
    changes.evaluation_score = body.score!.toFixed(2);
  }
  if (action === 'recognise') changes.recognised_typical = true;
  return changes;
}

/**
 * Moves an entry one step of its lifecycle. Checks, in order: readable (404), the action's
 * permission on the right unit (403), the version (409 CONFLICT), the status (409
 * INVALID_TRANSITION). The write itself is conditional on the version, so of two approvers acting
 * at once exactly one wins and the other gets CONFLICT.
 */
export async function applyAction(ctx: Ctx, actor: Actor, id: string, action: EntryAction, body: ActionBody): Promise<EntryBundle> {
  const spec = ENTRY_ACTIONS[action];
  const entry = await getReadableEntry(ctx, actor, id);
  if (!canAt(actor, spec.permission, spec.permission === 'data.approve' ? await levelPathOf(ctx, entry) : entry.unit_path)) {
    throw new AppError('FORBIDDEN', `Permission ${spec.permission} is required on the unit of the entry's ${spec.permission === 'data.approve' ? 'level' : 'registration'}`, { permission: spec.permission });
  }
  if (body.version !== entry.version) throw staleVersion(entry.version);
  if (!(spec.from as readonly EntryStatus[]).includes(entry.status)) throw invalidTransition(entry.status, action);
  if (spec.reason === 'required' && !body.reason) throw problems('A reason is required', [{ path: 'body.reason', message: 'a reason is required', code: 'required' }]);
  if (action === 'evaluate' && (body.effective === undefined || body.score === undefined)) {
    throw problems('The evaluation needs its result and score', [
      ...(body.effective === undefined ? [{ path: 'body.effective', message: 'required', code: 'required' }] : []),
      ...(body.score === undefined ? [{ path: 'body.score', message: 'required', code: 'required' }] : []),
    ]);
  }
  if (action === 'recognise' && entry.evaluation_effective !== true) {
    throw new AppError('INVALID_TRANSITION', 'Only an entry evaluated as effective can be recognised', { status: entry.status, action, evaluationEffective: entry.evaluation_effective });
  }
  const changes = actionChanges(action, body);
  await ctx.db.transaction().execute(async (trx) => {
    const updated = await repo.updateEntryIfVersion(trx, id, body.version, changes, spec.from);
    if (!updated) throw staleVersion(body.version + 1);
    await repo.insertTransitions(trx, [{ entryId: id, action, from: entry.status, to: spec.to, reason: body.reason ?? null, actorId: actor.userId, actorName: actor.username }]);
    await recordAudit(trx, actor, {
      action: `entry.${action}`,
      recordType: 'entry',
      recordId: id,
      unitId: entry.registering_unit_id,
      before: { status: entry.status, version: entry.version },
      after: { status: spec.to, version: updated.version, reason: body.reason ?? null, ...(action === 'evaluate' ? { effective: body.effective, score: body.score } : {}) },
    });
  });
  return reload(ctx, actor, id);
}

export type BulkFailure = { path: string; id: string; code: 'NOT_FOUND' | 'FORBIDDEN' | 'CONFLICT' | 'INVALID_TRANSITION'; message: string; status?: EntryStatus };

/**
 * Accepts or returns many entries in one transaction, all or nothing: when any item fails
 * (unreadable, no permission, stale version, wrong status), nothing changes and the error — the
 * code of the first failure — lists every failing item in `details`.
 */
export async function bulkAction(ctx: Ctx, actor: Actor, body: BulkActionBody): Promise<{ updated: number }> {
  const spec = ENTRY_ACTIONS[body.action];
  return ctx.db.transaction().execute(async (trx) => {
    const rows = new Map((await repo.findEntries(trx, body.items.map((i) => i.id))).map((e) => [e.id, e]));
    const levelPaths = await repo.findLevelUnitPaths(trx, [...rows.values()].map((e) => ({ unitPath: e.unit_path, level: e.level })));
    const failures: BulkFailure[] = [];
    body.items.forEach((item, i) => {
      const e = rows.get(item.id);
      const path = `body.items.${i}`;
      if (!e || !can(actor, 'units.read', e.unit_path)) failures.push({ path, id: item.id, code: 'NOT_FOUND', message: 'not found' });
      else if (!canAt(actor, spec.permission, levelPaths.get(repo.levelKey(e.level, e.unit_path)))) failures.push({ path, id: item.id, code: 'FORBIDDEN', message: `${spec.permission} is required on the unit of the entry's level` });
      else if (e.version !== item.version) failures.push({ path, id: item.id, code: 'CONFLICT', message: 'changed by someone else' });
      else if (!(spec.from as readonly EntryStatus[]).includes(e.status)) failures.push({ path, id: item.id, code: 'INVALID_TRANSITION', message: `the entry is ${e.status}`, status: e.status });
    });
    const fail = () => new AppError(failures[0]!.code, `${failures.length} of ${body.items.length} entries cannot be changed; nothing was changed`, failures);
    if (failures.length) throw fail();
    const moved = new Set(await repo.moveEntriesIfVersions(trx, body.items, spec.to, spec.from));
    body.items.forEach((item, i) => {
      if (!moved.has(item.id)) failures.push({ path: `body.items.${i}`, id: item.id, code: 'CONFLICT', message: 'changed by someone else' });
    });
    if (failures.length) throw fail();
    await repo.insertTransitions(
      trx,
      body.items.map((item) => ({ entryId: item.id, action: body.action, from: rows.get(item.id)!.status, to: spec.to, reason: body.reason ?? null, actorId: actor.userId, actorName: actor.username })),
    );
    for (const item of body.items) {
      const e = rows.get(item.id)!;
      await recordAudit(trx, actor, {
        action: `entry.${body.action}`,
        recordType: 'entry',
        recordId: item.id,
        unitId: e.registering_unit_id,
        before: { status: e.status, version: e.version },
        after: { status: spec.to, version: e.version + 1, reason: body.reason ?? null, bulk: true },
      });
    }
    return { updated: body.items.length };
  });
}

/** Today in Viet Nam (UTC+7), where the work happens: a note dated today there is not "in the future". */
export function todayInVietnam(now = new Date()): string {
  return new Date(now.getTime() + 7 * 3600_000).toISOString().slice(0, 10);
}

/** Adds a progress note while the entry is accepted or implementing. Does not take the entry's version (notes only add). */
export async function addProgress(ctx: Ctx, actor: Actor, id: string, body: ProgressBody): Promise<EntryBundle> {
  const entry = await getWritableEntry(ctx, actor, id);
  if (entry.status !== 'accepted' && entry.status !== 'implementing') throw invalidTransition(entry.status, 'progress');
  if (body.onDate > todayInVietnam()) throw problems('The date is in the future', [{ path: 'body.onDate', message: 'must not be in the future', code: 'future' }]);
  if (body.onDate < `${entry.year}-01-01`) throw problems('The date is before the entry\'s year', [{ path: 'body.onDate', message: `must not be before ${entry.year}-01-01`, code: 'before_year' }]);
  await ctx.db.transaction().execute(async (trx) => {
    const progressId = await repo.insertProgress(trx, id, body.onDate, body.note, actor.userId);
    await repo.touchEntry(trx, id);
    await recordAudit(trx, actor, { action: 'entry.progress', recordType: 'entry', recordId: id, unitId: entry.registering_unit_id, after: { progressId, onDate: body.onDate, note: body.note } });
  });
  return reload(ctx, actor, id);
}

/**
 * Records that entry `id` copies `sourceId`: the source must be recognised, readable by the
 * actor, not the entry itself and not (through other links) a copy of it. The source's
 * replication_count moves in the same transaction.
 */
export async function addReplicate(ctx: Ctx, actor: Actor, id: string, sourceId: string): Promise<EntryBundle> {
  const entry = await getWritableEntry(ctx, actor, id);
  const problem = (message: string, code: string) => problems(message, [{ path: 'body.sourceEntryId', message, code }]);
  if (sourceId === id) throw problem('an entry cannot copy itself', 'self');
  const source = await repo.findEntry(ctx.db, sourceId);
  if (!source || !can(actor, 'units.read', source.unit_path)) throw problem('unknown entry', 'unknown_entry');
  if (source.status !== 'recognised') throw problem('only a recognised entry can be copied', 'not_recognised');
  if (await repo.replicationExists(ctx.db, id, sourceId)) throw new AppError('ALREADY_EXISTS', 'The entry already copies this one', { sourceEntryId: sourceId });
  if (await repo.sourceReaches(ctx.db, sourceId, id)) throw problem('the source already copies this entry: the link would close a cycle', 'cycle');
  await ctx.db.transaction().execute(async (trx) => {
    await repo.insertReplication(trx, id, sourceId);
    await recordAudit(trx, actor, { action: 'entry.replicate', recordType: 'entry', recordId: id, unitId: entry.registering_unit_id, after: { sourceEntryId: sourceId } });
  });
  return reload(ctx, actor, id);
}

export async function removeReplicate(ctx: Ctx, actor: Actor, id: string, sourceId: string): Promise<EntryBundle> {
  const entry = await getWritableEntry(ctx, actor, id);
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await repo.deleteReplication(trx, id, sourceId))) throw new AppError('NOT_FOUND', 'The entry does not copy this one', { what: 'replication', id: sourceId });
    await recordAudit(trx, actor, { action: 'entry.replicate.remove', recordType: 'entry', recordId: id, unitId: entry.registering_unit_id, before: { sourceEntryId: sourceId } });
  });
  return reload(ctx, actor, id);
}
