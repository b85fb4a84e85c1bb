/**
 * The registers of ethnic and religious affairs (docs/situation.md §9): organizations, places of
 * worship, dignitaries, prestigious persons with their support, events. Each record is a unit's,
 * read with units.read where its unit lies or counts today (a district-era record keeps its
 * district and is read from above), written with data.write on its unit, every write audited in
 * its transaction, concurrent edits refused by `version`. The names of people are never written
 * to the audit trail: it is read with audit.read, which is not situation.identity.
 */
import type { DignitaryBody, EventBody, OrganizationBody, PersonBody, PlaceBody, Register, RegisterListQuery } from '../../../common/religious-affairs.js';
import { AppError } from '../../errors.js';
import { type Actor, assertCan, can, canReadRecord, isSystemAdmin, scopePaths } from '../../http/access.js';
import type { Ctx } from '../../http/context.js';
import { readableArea } from '../../http/record-area.js';
import { recordAudit } from '../audit/audit.repository.js';
import { findUnitById } from '../units/units.repository.js';
import * as repo from './religious-affairs.repository.js';

type Bodies = { organizations: OrganizationBody; places: PlaceBody; dignitaries: DignitaryBody; persons: PersonBody; events: EventBody };
export type CreateBody<R extends Register> = Bodies[R];
export type UpdateBody<R extends Register> = Partial<Omit<Bodies[R], 'unitId'>> & { version: number };

/** The audit trail's record type of each register. */
export const RECORD_TYPE: Record<Register, string> = {
  organizations: 'religious_organization',
  places: 'worship_place',
  dignitaries: 'dignitary',
  persons: 'prestigious_person',
  events: 'religious_event',
};

/** Fields never written to the audit trail (personal: only their change is noted). */
const PERSONAL_FIELDS = new Set(['name', 'religiousName', 'religionCode', 'ethnicCode']);

const notFound = (register: Register, id: string) => new AppError('NOT_FOUND', `${RECORD_TYPE[register]} ${id} not found`, { what: RECORD_TYPE[register], id });
const fieldError = (path: string, message: string, code: string) => new AppError('VALIDATION_FAILED', `${path.replace(/^body\./, '')}: ${message}`, [{ path, message, code }]);
const conflict = (current: number) => new AppError('CONFLICT', 'The record was changed by someone else; reload it and try again', { currentVersion: current });

export const canReadRow = (actor: Actor, r: repo.BaseRecord) => canReadRecord(actor, r.unit_path, r.unit_current_path);
/** situation.identity where the record lies or counts today. */
export const canReadIdentity = (actor: Actor, r: repo.BaseRecord) =>
  can(actor, 'situation.identity', r.unit_path) || (r.unit_current_path !== null && can(actor, 'situation.identity', r.unit_current_path));

export async function getReadable<R extends Register>(ctx: Ctx, actor: Actor, register: R, id: string): Promise<repo.RecordOf[R]> {
  const r = await repo.findRecord(ctx.db, register, id);
  if (!r || !canReadRow(actor, r)) throw notFound(register, id);
  return r;
}

export async function listRecords<R extends Register>(ctx: Ctx, actor: Actor, register: R, q: RegisterListQuery) {
  const area = await readableArea(ctx.db, actor, q.unitId);
  const nameScopes = isSystemAdmin(actor) ? [''] : scopePaths(actor, 'situation.identity');
  return repo.findRecords(ctx.db, register, { area, q: q.q, religionCode: q.religionCode, nameScopes, limit: q.limit, offset: q.offset });
}

// ---------------------------------------------------------------- the rules of each register

type Prepared = { values: repo.Values; support?: NonNullable<PersonBody['support']>; entryIds?: string[] };
type Merged = Record<string, unknown>;

const COLUMN: Record<string, string> = {
  name: 'name',
  religionCode: 'religion_code',
  denomination: 'denomination',
  legalStatus: 'legal_status',
  organizationId: 'organization_id',
  address: 'address',
  religiousName: 'religious_name',
  rank: 'rank',
  placeId: 'place_id',
  birthYear: 'birth_year',
  leftOn: 'left_on',
  leftReason: 'left_reason',
  ethnicCode: 'ethnic_code',
  village: 'village',
  recognizedYear: 'recognized_year',
  decision: 'decision',
  decidingUnitId: 'deciding_unit_id',
  startsOn: 'starts_on',
  endsOn: 'ends_on',
  place: 'place',
  expectedAttendance: 'expected_attendance',
};

async function checkCode(ctx: Ctx, table: Parameters<typeof repo.knownCodes>[1], value: unknown, path: string, what: string) {
  if (value === undefined || value === null) return;
  if (!(await repo.knownCodes(ctx.db, table, [String(value)])).has(String(value))) throw fieldError(path, `unknown ${what}`, 'unknown');
}

/** A linked organization or place: it exists and the writer reads it. */
async function checkLinked(ctx: Ctx, actor: Actor, table: 'religious_organizations' | 'worship_places', id: unknown, path: string) {
  if (id === undefined || id === null) return;
  const p = await repo.findPathOf(ctx.db, table, String(id));
  if (p === undefined || !can(actor, 'units.read', p)) throw fieldError(path, 'unknown record', 'unknown');
}

/**
 * Checks a register's record as it will stand (the stored record merged with the change) and
 * returns the columns to write: only the changed ones on an update.
 */
async function prepare(ctx: Ctx, actor: Actor, register: Register, merged: Merged, change: Merged): Promise<Prepared> {
  const religionOptional = register === 'events';
  if ('religionCode' in change && !(religionOptional && change.religionCode == null)) await checkCode(ctx, 'religions', change.religionCode, 'body.religionCode', 'religion');
  if ('legalStatus' in change) await checkCode(ctx, 'religious_legal_statuses', change.legalStatus, 'body.legalStatus', 'legal status');
  if ('ethnicCode' in change) await checkCode(ctx, 'ethnic_groups', change.ethnicCode, 'body.ethnicCode', 'ethnic group');
  if ('organizationId' in change) await checkLinked(ctx, actor, 'religious_organizations', change.organizationId, 'body.organizationId');
  if ('placeId' in change) await checkLinked(ctx, actor, 'worship_places', change.placeId, 'body.placeId');
  if ('decidingUnitId' in change && !(await findUnitById(ctx.db, String(change.decidingUnitId)))) throw fieldError('body.decidingUnitId', 'unknown unit', 'unknown');
  if (register === 'events' && String(merged.endsOn) < String(merged.startsOn)) {
    throw new AppError('INVALID_RANGE', 'The end of the event must not be before its start', [{ path: 'body.endsOn', message: 'must not be before startsOn' }]);
  }
  if (register === 'dignitaries' && merged.birthYear != null && merged.leftOn != null && Number(String(merged.leftOn).slice(0, 4)) < Number(merged.birthYear)) {
    throw fieldError('body.leftOn', 'must not be before the year of birth', 'before_birth');
  }
  if (register === 'persons') {
    const recognized = Number(merged.recognizedYear);
    const support = (merged.support ?? []) as NonNullable<PersonBody['support']>;
    const early = support.findIndex((s) => s.year < recognized);
    if (early >= 0) throw fieldError(`body.support[${early}].year`, `support given before the person was recognized (${recognized})`, 'before_recognition');
    if (merged.leftOn != null && Number(String(merged.leftOn).slice(0, 4)) < recognized) throw fieldError('body.leftOn', 'must not be before the year of recognition', 'before_recognition');
    if ('support' in change) {
      const kinds = [...new Set(support.map((s) => s.kind))];
      const known = await repo.knownCodes(ctx.db, 'prestigious_support_kinds', kinds);
      const bad = support.findIndex((s) => !known.has(s.kind));
      if (bad >= 0) throw fieldError(`body.support[${bad}].kind`, 'unknown kind of support', 'unknown');
    }
  }
  let entryIds: string[] | undefined;
  if ('entryIds' in change && change.entryIds) {
    entryIds = [...new Set(change.entryIds as string[])];
    const known = await repo.existingEntries(ctx.db, entryIds);
    const bad = (change.entryIds as string[]).findIndex((id) => !known.has(id));
    if (bad >= 0) throw fieldError(`body.entryIds[${bad}]`, 'unknown entry', 'unknown');
  }
  const values: repo.Values = {};
  for (const [k, v] of Object.entries(change)) if (COLUMN[k]) values[COLUMN[k]] = (v ?? null) as string | number | null;
  return { values, support: 'support' in change ? ((change.support ?? []) as NonNullable<PersonBody['support']>) : undefined, entryIds };
}

/** What the audit trail keeps of a change: personal fields only as "changed". */
function auditView(change: Merged): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(change)) out[k] = PERSONAL_FIELDS.has(k) ? '(changed)' : v;
  return out;
}

/** The stored record in the shape of its body, to merge a change into. */
function asBody(register: Register, r: repo.RecordOf[Register]): Merged {
  const row = r as unknown as Record<string, unknown>;
  const out: Merged = {};
  for (const [k, c] of Object.entries(COLUMN)) if (c in row) out[k] = row[c];
  if (register === 'persons') out.support = row.support;
  return out;
}

// ---------------------------------------------------------------- writes

export async function createRecord<R extends Register>(ctx: Ctx, actor: Actor, register: R, body: CreateBody<R>): Promise<string> {
  const unit = await findUnitById(ctx.db, body.unitId);
  if (!unit || !can(actor, 'units.read', unit.path)) throw new AppError('NOT_FOUND', `Unit ${body.unitId} not found`, { what: 'unit', id: body.unitId });
  assertCan(actor, 'data.write', unit.path);
  const { unitId: _unit, ...change } = body as Merged & { unitId: string };
  const p = await prepare(ctx, actor, register, change, change);
  const subject = repo.SPECS[register].subject;
  return ctx.db.transaction().execute(async (trx) => {
    const id = await repo.insertRecord(trx, register, { ...p.values, unit_id: unit.id, unit_path: unit.path, created_by: actor.userId });
    if (register === 'persons' && p.support) await repo.replaceSupport(trx, id, p.support);
    if (subject && p.entryIds) await repo.replaceParticipations(trx, subject, id, p.entryIds);
    await recordAudit(trx, actor, { action: `${RECORD_TYPE[register]}.create`, recordType: RECORD_TYPE[register], recordId: id, unitId: unit.id, after: { unitId: unit.id, ...auditView(change) } });
    return id;
  });
}

export async function updateRecord<R extends Register>(ctx: Ctx, actor: Actor, register: R, id: string, body: UpdateBody<R>): Promise<void> {
  const current = await getReadable(ctx, actor, register, id);
  assertCan(actor, 'data.write', current.unit_path);
  const { version, ...change } = body as Merged & { version: number };
  const before = asBody(register, current);
  const p = await prepare(ctx, actor, register, { ...before, ...change }, change);
  const subject = repo.SPECS[register].subject;
  await ctx.db.transaction().execute(async (trx) => {
    const stored = await repo.lockVersion(trx, register, id);
    if (stored === undefined) throw notFound(register, id);
    if (stored !== version) throw conflict(stored);
    if (!(await repo.updateRecord(trx, register, id, version, p.values))) throw conflict(stored);
    if (register === 'persons' && p.support) await repo.replaceSupport(trx, id, p.support);
    if (subject && p.entryIds) await repo.replaceParticipations(trx, subject, id, p.entryIds);
    const was: Merged = {};
    for (const k of Object.keys(change)) was[k] = before[k] ?? (k === 'entryIds' ? (current as { entry_ids?: string[] }).entry_ids : undefined);
    await recordAudit(trx, actor, { action: `${RECORD_TYPE[register]}.update`, recordType: RECORD_TYPE[register], recordId: id, unitId: current.unit_id, before: auditView(was), after: auditView(change) });
  });
}

export async function getCatalogues(ctx: Ctx) {
  const [religions, ethnicGroups, legalStatuses, supportKinds] = await Promise.all([
    repo.findCatalogue(ctx.db, 'religions'),
    repo.findCatalogue(ctx.db, 'ethnic_groups'),
    repo.findCatalogue(ctx.db, 'religious_legal_statuses'),
    repo.findCatalogue(ctx.db, 'prestigious_support_kinds'),
  ]);
  return { religions, ethnicGroups, legalStatuses, supportKinds };
}
