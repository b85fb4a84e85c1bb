/**
 * Commendations (khen thưởng): a form (Giấy khen, Bằng khen, …) given by an issuing unit, by a
 * decision, to a collective (a unit) or an individual (a name and position with the unit they
 * belong to), for entries of the registry and optionally at a review conference.
 *
 * Who reads: holders of units.read on the commendation's unit (the collective, or the person's
 * unit) or on the unit in force that unit counts under (`canReadRecord`: a retired commune's
 * commendations are read where the reports count them); anything else answers "not found". Who
 * writes: data.write on the issuing unit, whose subtree must hold every recipient (a province
 * commends within the province). A batch from a conference is all-or-nothing. Every write carries
 * its audit record in the same transaction.
 */
import { assertExportSize } from '../../documents/list-workbook.js';
import { AppError } from '../../errors.js';
import { type Actor, assertCan, can, canReadRecord, isSystemAdmin, pathCovers } from '../../http/access.js';
import { readableArea } from '../../http/record-area.js';
import type { Ctx } from '../../http/context.js';
import type { Db } from '../../db/database.js';
import { recordAudit } from '../audit/audit.repository.js';
import { getReadableConference } from '../conferences/conferences.service.js';
import { findConferenceById } from '../conferences/conferences.repository.js';
import { getReadableUnit } from '../units/units.service.js';
import * as repo from './commendations.repository.js';
import type { BulkCommendationBody, CommendationExportQuery, CommendationListQuery, CreateCommendationBody, CreateFormBody, UpdateCommendationBody } from './commendations.schema.js';

type Issue = { path: string; message: string; code?: string };

/** Today in Viet Nam (UTC+7), as YYYY-MM-DD: the calendar the decisions are dated in. */
export function todayInVietnam(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

const invalid = (message: string, issues: Issue[]) => new AppError('VALIDATION_FAILED', message, issues);
const notFound = (id: string) => new AppError('NOT_FOUND', `Commendation ${id} not found`, { what: 'commendation', id });


// ---- forms ----

export async function listForms(ctx: Ctx) {
  return repo.findForms(ctx.db);
}

/** Adds a commendation form (forms are data: a new one needs no code change). */
export async function createForm(ctx: Ctx, actor: Actor, input: CreateFormBody) {
  if (!isSystemAdmin(actor)) throw new AppError('FORBIDDEN', 'Only a system administrator may add commendation forms');
  const names = Object.fromEntries(Object.entries(input.names).filter((e): e is [string, string] => typeof e[1] === 'string'));
  return ctx.db.transaction().execute(async (trx) => {
    const form = await repo.createForm(trx, input.code, names);
    if (!form) throw new AppError('ALREADY_EXISTS', `The commendation form "${input.code}" already exists`, { code: input.code });
    await recordAudit(trx, actor, { action: 'commendation_form.create', recordType: 'commendation_form', recordId: form.code, after: { code: form.code, names } });
    return form;
  });
}

// ---- checks shared by single, batch and change ----

type DecisionInput = { formCode: string; decisionDate: string; year?: number; emulationPeriodId?: string | null };
type Decision = { formCode: string; decisionDate: string; year: number; emulationPeriodId: string | null };

/**
 * The form must exist; the decision date must not be in the future; the rewarded year is the
 * decision's year or the one before (a year's results are commended early the next year); the
 * emulation period, given or derived from the year, must contain the year.
 */
async function checkDecision(db: Db, d: DecisionInput, defaultYear: number | undefined, keepPeriodId: string | null | undefined, issues: Issue[]): Promise<Decision> {
  if (!(await repo.findForm(db, d.formCode))) issues.push({ path: 'body.formCode', message: `unknown commendation form "${d.formCode}"` });
  const today = todayInVietnam();
  if (d.decisionDate > today) issues.push({ path: 'body.decisionDate', message: `must not be in the future (today is ${today})` });
  const decisionYear = Number(d.decisionDate.slice(0, 4));
  const year = d.year ?? defaultYear ?? decisionYear;
  if (year !== decisionYear && year !== decisionYear - 1) {
    issues.push({ path: 'body.year', message: `must be the year of the decision (${decisionYear}) or the year before (${decisionYear - 1})` });
  }
  let emulationPeriodId: string | null;
  if (d.emulationPeriodId) {
    const ep = await repo.findEmulationPeriod(db, d.emulationPeriodId);
    if (!ep) issues.push({ path: 'body.emulationPeriodId', message: 'unknown emulation period' });
    else if (year < ep.start_year || year > ep.end_year) issues.push({ path: 'body.emulationPeriodId', message: `the period ${ep.name} does not contain the year ${year}` });
    emulationPeriodId = d.emulationPeriodId;
  } else if (keepPeriodId !== undefined && d.emulationPeriodId === undefined) {
    emulationPeriodId = keepPeriodId;
  } else {
    emulationPeriodId = (await repo.findEmulationPeriodOfYear(db, year))?.id ?? null;
  }
  return { formCode: d.formCode, decisionDate: d.decisionDate, year, emulationPeriodId };
}

type RecipientInput = { kind: 'collective' | 'individual'; unitId: string; name?: string; entryIds?: string[]; path: string };

/**
 * Each recipient's unit must lie in every one of `roots` (the issuing unit's subtree, and the
 * conference's) and have been in force during the rewarded `year` (a unit's records fall inside
 * its interval, as entries do); the linked entries must be readable by the actor. Returns the
 * recipients' units.
 */
async function checkRecipients(db: Db, actor: Actor, roots: { path: string; name: string }[], items: RecipientInput[], issues: Issue[], year: number) {
  const units = new Map((await repo.findUnitsByIds(db, [...new Set(items.map((i) => i.unitId))])).map((u) => [u.id, u]));
  const allEntryIds = [...new Set(items.flatMap((i) => i.entryIds ?? []))];
  const readable = new Set((await repo.findEntryPaths(db, allEntryIds)).filter((e) => canReadRecord(actor, e.unit_path, e.current_path)).map((e) => e.id));
  const seen = new Set<string>();
  for (const item of items) {
    const unit = units.get(item.unitId);
    const outside = roots.find((r) => !unit || !pathCovers(r.path, unit.path));
    // A unit that does not exist and one outside are told alike, so nothing leaks.
    if (outside) issues.push({ path: `${item.path}.unitId`, message: `must be a unit within ${outside.name}` });
    else if (unit && ((unit.valid_from && unit.valid_from > `${year}-12-31`) || (unit.valid_to && unit.valid_to <= `${year}-01-01`))) {
      issues.push({ path: `${item.path}.unitId`, message: `${unit.name} was not in force in ${year} (${unit.valid_from ?? '…'} – ${unit.valid_to ?? '…'})` });
    }
    const key = item.kind === 'collective' ? `c:${item.unitId}` : `i:${item.unitId}:${(item.name ?? '').toLocaleLowerCase('vi')}`;
    if (seen.has(key)) issues.push({ path: item.path, message: 'this recipient is listed twice' });
    seen.add(key);
    const bad = [...new Set(item.entryIds ?? [])].filter((id) => !readable.has(id));
    if (bad.length) issues.push({ path: `${item.path}.entryIds`, message: `unknown entries, or entries you may not read: ${bad.join(', ')}` });
  }
  return units;
}

/** The conference given by id, readable by the actor; its unit is a root the recipients must lie in. */
async function conferenceRoot(ctx: Ctx, actor: Actor, id: string, issues: Issue[]) {
  const c = await findConferenceById(ctx.db, id);
  if (!c || !can(actor, 'units.read', c.unit_path)) {
    issues.push({ path: 'body.conferenceId', message: 'unknown review conference' });
    return undefined;
  }
  return c;
}

function throwIfAny(issues: Issue[], what: string) {
  if (!issues.length) return;
  throw invalid(`${what}: ${issues.map((i) => `${i.path.replace(/^body\./, '')} ${i.message}`).join('; ')}`, issues);
}

const auditView = (c: Partial<repo.NewCommendation> & { entryIds?: string[] }) => {
  const names: Record<string, string> = {
    recipient_kind: 'recipientKind',
    recipient_unit_id: 'unitId',
    recipient_name: 'name',
    recipient_position: 'position',
    form_code: 'formCode',
    issuing_unit_id: 'issuingUnitId',
    decision_number: 'decisionNumber',
    decision_date: 'decisionDate',
    emulation_period_id: 'emulationPeriodId',
    conference_id: 'conferenceId',
  };
  const skip = new Set(['unit_id', 'unit_path', 'created_by']);
  return Object.fromEntries(Object.entries(c).filter(([k]) => !skip.has(k)).map(([k, v]) => [names[k] ?? k, v]));
};

async function insertWithAudit(trx: Db, actor: Actor, rows: { row: repo.NewCommendation; entryIds: string[] }[], action: string): Promise<string[]> {
  const ids = await repo.createCommendations(
    trx,
    rows.map((r) => r.row),
  );
  await repo.linkEntries(
    trx,
    rows.flatMap((r, i) => [...new Set(r.entryIds)].map((entryId) => ({ commendation_id: ids[i]!, entry_id: entryId }))),
  );
  for (const [i, r] of rows.entries()) {
    await recordAudit(trx, actor, { action, recordType: 'commendation', recordId: ids[i]!, unitId: r.row.issuing_unit_id, after: auditView({ ...r.row, entryIds: [...new Set(r.entryIds)] }) });
  }
  return ids;
}

// ---- reading ----

/** The commendation, when it exists and the actor may read its unit; NOT_FOUND otherwise (both alike). */
export async function getReadableCommendation(ctx: Ctx, actor: Actor, id: string): Promise<repo.CommendationRecord> {
  const c = await repo.findCommendationById(ctx.db, id);
  if (!c || !canReadRecord(actor, c.unit_path, c.unit_current_path)) throw notFound(id);
  return c;
}

export async function getCommendationDetail(ctx: Ctx, actor: Actor, id: string) {
  const commendation = await getReadableCommendation(ctx, actor, id);
  const linked = await repo.findLinkedEntries(ctx.db, id);
  const entries = linked.filter((e) => canReadRecord(actor, e.unit_path, e.current_path)).map(({ id, title, year }) => ({ id, title, year }));
  return { commendation, entries };
}

export async function listCommendations(ctx: Ctx, actor: Actor, q: CommendationListQuery) {
  return repo.findCommendations(ctx.db, {
    area: await readableArea(ctx.db, actor, q.unitId),
    year: q.year,
    periodId: q.periodId,
    conferenceId: q.conferenceId,
    recipientKind: q.recipientKind,
    formCode: q.formCode,
    entryId: q.entryId,
    limit: q.limit,
    offset: q.offset,
  });
}

/**
 * Every commendation the list's filters match, for an export: refused past LIST_EXPORT_MAX_ROWS
 * (EXPORT_TOO_LARGE, counted first), newest decision first like the list.
 */
export async function exportCommendations(ctx: Ctx, actor: Actor, q: CommendationExportQuery) {
  const first = await listCommendations(ctx, actor, { ...q, limit: 1, offset: 0 });
  assertExportSize(first.total);
  if (first.total <= 1) return first.rows;
  return (await listCommendations(ctx, actor, { ...q, limit: first.total, offset: 0 })).rows;
}

// ---- writing ----

/** Records one commendation. */
export async function createCommendation(ctx: Ctx, actor: Actor, input: CreateCommendationBody): Promise<string> {
  const issuing = await getReadableUnit(ctx, actor, input.issuingUnitId);
  assertCan(actor, 'data.write', issuing.path);
  const issues: Issue[] = [];
  const roots = [{ path: issuing.path, name: issuing.name }];
  if (input.conferenceId) {
    const c = await conferenceRoot(ctx, actor, input.conferenceId, issues);
    if (c) roots.push({ path: c.unit_path, name: c.unit_name });
  }
  const decision = await checkDecision(ctx.db, input, undefined, undefined, issues);
  const name = input.recipientKind === 'individual' ? input.name : undefined;
  const units = await checkRecipients(ctx.db, actor, roots, [{ kind: input.recipientKind, unitId: input.unitId, name, entryIds: input.entryIds, path: 'body' }], issues, decision.year);
  throwIfAny(issues, 'The commendation is not valid; nothing was recorded');
  const unit = units.get(input.unitId)!;
  const row: repo.NewCommendation = {
    recipient_kind: input.recipientKind,
    recipient_unit_id: unit.id,
    recipient_name: name ?? null,
    recipient_position: input.recipientKind === 'individual' ? (input.position ?? null) : null,
    form_code: decision.formCode,
    issuing_unit_id: issuing.id,
    unit_id: unit.id,
    unit_path: unit.path,
    decision_number: input.decisionNumber,
    decision_date: decision.decisionDate,
    year: decision.year,
    emulation_period_id: decision.emulationPeriodId,
    conference_id: input.conferenceId ?? null,
    reason: input.reason ?? null,
    created_by: actor.userId,
  };
  const [id] = await ctx.db.transaction().execute((trx) => insertWithAudit(trx, actor, [{ row, entryIds: input.entryIds ?? [] }], 'commendation.create'));
  return id!;
}

/**
 * Commends many at once at a conference ("10 collectives and 5 individuals"), by one decision of
 * the conference's unit. All or nothing: any bad recipient and nothing is written; the details
 * name each bad item by its index (`body.collectives.3.unitId`).
 */
export async function createConferenceCommendations(ctx: Ctx, actor: Actor, conferenceId: string, input: BulkCommendationBody) {
  const conference = await getReadableConference(ctx, actor, conferenceId);
  assertCan(actor, 'data.write', conference.unit_path);
  const issues: Issue[] = [];
  const decisionYear = Number(input.decisionDate.slice(0, 4));
  const reviewedYear = Number(conference.period_end.slice(0, 4));
  // A conference reviews a period: its commendations reward the period's last year, when the decision allows it.
  const defaultYear = reviewedYear === decisionYear || reviewedYear === decisionYear - 1 ? reviewedYear : decisionYear;
  const decision = await checkDecision(ctx.db, { ...input, emulationPeriodId: input.emulationPeriodId ?? conference.emulation_period_id }, defaultYear, undefined, issues);
  const items: (RecipientInput & { position?: string | null; reason?: string | null })[] = [
    ...input.collectives.map((c, i) => ({ kind: 'collective' as const, unitId: c.unitId, entryIds: c.entryIds, reason: c.reason, path: `body.collectives.${i}` })),
    ...input.individuals.map((p, i) => ({ kind: 'individual' as const, unitId: p.unitId, name: p.name, position: p.position, entryIds: p.entryIds, reason: p.reason, path: `body.individuals.${i}` })),
  ];
  const units = await checkRecipients(ctx.db, actor, [{ path: conference.unit_path, name: conference.unit_name }], items, issues, decision.year);
  throwIfAny(issues, 'Some recipients are not valid; nothing was recorded');
  const rows = items.map((item) => {
    const unit = units.get(item.unitId)!;
    const row: repo.NewCommendation = {
      recipient_kind: item.kind,
      recipient_unit_id: unit.id,
      recipient_name: item.name ?? null,
      recipient_position: item.position ?? null,
      form_code: decision.formCode,
      issuing_unit_id: conference.unit_id,
      unit_id: unit.id,
      unit_path: unit.path,
      decision_number: input.decisionNumber,
      decision_date: decision.decisionDate,
      year: decision.year,
      emulation_period_id: decision.emulationPeriodId,
      conference_id: conference.id,
      reason: item.reason ?? input.reason ?? null,
      created_by: actor.userId,
    };
    return { row, entryIds: item.entryIds ?? [] };
  });
  const ids = await ctx.db.transaction().execute((trx) => insertWithAudit(trx, actor, rows, 'commendation.create'));
  return { created: ids.length, collectives: input.collectives.length, individuals: input.individuals.length, ids };
}

const versionConflict = (current: number) =>
  new AppError('CONFLICT', 'The commendation was changed by someone else; reload it and try again', { currentVersion: current });

/**
 * Changes what the decision says, the person's name or position, the linked entries or the
 * conference, with optimistic concurrency on `version`. The recipient's unit and the issuing unit
 * stay: they decide who reads and who writes the record.
 */
export async function updateCommendation(ctx: Ctx, actor: Actor, id: string, input: UpdateCommendationBody): Promise<void> {
  const current = await getReadableCommendation(ctx, actor, id);
  assertCan(actor, 'data.write', current.issuing_unit_path);
  const issues: Issue[] = [];
  if (current.recipient_kind === 'collective') {
    if (input.name !== undefined) issues.push({ path: 'body.name', message: 'a collective has no personal name' });
    if (input.position !== undefined && input.position !== null) issues.push({ path: 'body.position', message: 'a collective has no position' });
  }
  const roots = [{ path: current.issuing_unit_path, name: current.issuing_unit_name }];
  if (input.conferenceId) {
    const c = await conferenceRoot(ctx, actor, input.conferenceId, issues);
    if (c) roots.push({ path: c.unit_path, name: c.unit_name });
  }
  const yearChanges = input.year !== undefined && input.year !== current.year;
  const decision = await checkDecision(
    ctx.db,
    { formCode: input.formCode ?? current.form_code, decisionDate: input.decisionDate ?? current.decision_date, year: input.year ?? current.year, emulationPeriodId: input.emulationPeriodId },
    undefined,
    yearChanges ? undefined : current.emulation_period_id,
    issues,
  );
  if (input.entryIds || input.conferenceId || decision.year !== current.year) {
    await checkRecipients(ctx.db, actor, roots, [{ kind: current.recipient_kind, unitId: current.unit_id, entryIds: input.entryIds, path: 'body' }], issues, decision.year);
  }
  throwIfAny(issues, 'The change is not valid; nothing was recorded');
  await ctx.db.transaction().execute(async (trx) => {
    const row = await repo.lockCommendation(trx, id);
    if (!row) throw notFound(id);
    if (row.version !== input.version) throw versionConflict(row.version);
    const wanted: repo.CommendationChanges = {
      recipient_name: input.name,
      recipient_position: input.position,
      form_code: decision.formCode,
      decision_number: input.decisionNumber,
      decision_date: decision.decisionDate,
      year: decision.year,
      emulation_period_id: decision.emulationPeriodId,
      conference_id: input.conferenceId,
      reason: input.reason,
    };
    const changes: Record<string, unknown> = {};
    const before: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(wanted) as [keyof repo.CommendationChanges, unknown][]) {
      if (v === undefined || v === row[k]) continue;
      changes[k] = v;
      before[k] = row[k];
    }
    if (input.entryIds) {
      const old = (await repo.findLinkedEntryIds(trx, id)).sort();
      const next = [...new Set(input.entryIds)].sort();
      if (old.join(',') !== next.join(',')) {
        await repo.unlinkEntries(trx, id);
        await repo.linkEntries(
          trx,
          next.map((entryId) => ({ commendation_id: id, entry_id: entryId })),
        );
        before.entryIds = old;
        changes.entryIds = next;
      }
    }
    if (!Object.keys(changes).length) return;
    const { entryIds: _links, ...columns } = changes;
    if (!(await repo.updateCommendation(trx, id, input.version, columns))) throw versionConflict(row.version);
    await recordAudit(trx, actor, { action: 'commendation.update', recordType: 'commendation', recordId: id, unitId: row.issuing_unit_id, before: auditView(before), after: auditView(changes) });
  });
}
