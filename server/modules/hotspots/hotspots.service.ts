/**
 * Hotspots and incidents (docs/situation.md §3–§5, §7). Who reads a case (units.read on its unit or
 * above; a confidential one only through a grant whose role it lists, the rest answer "not found"
 * and leave it out of lists, counts and figures), who writes it (data.write on its unit or above, or
 * on a responsible unit), who acknowledges its flash report (data.write or data.approve on the
 * parent unit), escalation one level up (the job, or by hand to an ancestor), and the audit record of
 * every write in its transaction.
 */
import {
  type AcknowledgeHotspotBody,
  type AddHotspotUpdateBody,
  type CreateHotspotBody,
  DEFAULT_FLASH_REPORT_HOURS,
  type EscalateHotspotBody,
  type HotspotListQuery,
  type HotspotStatus,
  type PutHotspotLinksBody,
  statusChangeNeedsReason,
  type UpdateHotspotBody,
} from '../../../common/hotspots.js';
import type { z } from 'zod';
import { AppError } from '../../errors.js';
import { type Actor, assertCan, can, isSystemAdmin, pathCovers, SYSTEM_ACTOR } from '../../http/access.js';
import type { Ctx } from '../../http/context.js';
import { ROLE_PERMISSIONS } from '../../../common/access.js';
import { recordAudit } from '../audit/audit.repository.js';
import { getReadableEntry } from '../entries/entry-detail.service.js';
import { getReadablePetition } from '../petitions/petitions.service.js';
import { readScope } from '../policy-documents/policy-documents.service.js';
import { getReadableUnit } from '../units/units.service.js';
import { findUnitsByIds } from '../units/units.repository.js';
import * as repo from './hotspots.repository.js';

const notFound = (id: string) => new AppError('NOT_FOUND', `Hotspot ${id} not found`, { what: 'hotspot', id });
const fieldError = (path: string, message: string, extra: Record<string, unknown> = {}) =>
  new AppError('VALIDATION_FAILED', `${path.replace(/^body\./, '')}: ${message}`, [{ path, message, ...extra }]);
const conflict = (current: number) => new AppError('CONFLICT', 'The case was changed by someone else; reload it and try again', { currentVersion: current });

/** The path of the unit above (a top unit is its own "level above": only a system admin is there). */
export const parentPath = (path: string) => (path.includes('.') ? path.slice(0, path.lastIndexOf('.')) : path);
const lastLabel = (path: string) => path.slice(path.lastIndexOf('.') + 1);

/** The reading rule of `repo.readableHotspots`, for one case in hand. */
export function canReadHotspot(actor: Actor, h: { unit_path: string; confidential: boolean; reader_roles: string[] | null }): boolean {
  if (isSystemAdmin(actor)) return true;
  return actor.grants.some(
    (g) => ROLE_PERMISSIONS[g.role].includes('units.read') && pathCovers(g.unitPath, h.unit_path) && (!h.confidential || (h.reader_roles ?? []).includes(g.role)),
  );
}

const canWrite = (actor: Actor, h: { unit_path: string }, responsible: { path: string }[]) =>
  can(actor, 'data.write', h.unit_path) || responsible.some((u) => can(actor, 'data.write', u.path));
const canAcknowledge = (actor: Actor, h: { unit_path: string }) => {
  const above = parentPath(h.unit_path);
  return can(actor, 'data.write', above) || can(actor, 'data.approve', above);
};

export async function getReadableHotspot(ctx: Ctx, actor: Actor, id: string): Promise<repo.HotspotRecord> {
  const h = await repo.findHotspotById(ctx.db, id);
  if (!h || !canReadHotspot(actor, h)) throw notFound(id);
  return h;
}

async function responsiblePaths(ctx: Ctx, id: string) {
  const units = await repo.findResponsibleUnits(ctx.db, id);
  const full = await findUnitsByIds(ctx.db, units.map((u) => u.id));
  return full.map((u) => ({ id: u.id, path: u.path }));
}

async function getWritableHotspot(ctx: Ctx, actor: Actor, id: string) {
  const h = await getReadableHotspot(ctx, actor, id);
  if (!canWrite(actor, h, await responsiblePaths(ctx, id))) assertCan(actor, 'data.write', h.unit_path);
  return h;
}

// ---------------------------------------------------------------- reads

export async function listKinds(ctx: Ctx) {
  return repo.findKinds(ctx.db);
}

export async function listHotspots(ctx: Ctx, actor: Actor, q: HotspotListQuery) {
  const unit = await getReadableUnit(ctx, actor, q.unitId);
  return repo.findHotspots(ctx.db, {
    under: unit.path,
    scope: readScope(actor),
    status: q.queue ? 'open' : q.status,
    kind: q.kind,
    severity: q.severity,
    escalated: q.escalated === undefined ? undefined : q.escalated === 'true',
    actionOf: q.queue ? unit.path : undefined,
    q: q.q,
    limit: q.limit,
    offset: q.offset,
  });
}

export async function getTree(ctx: Ctx, actor: Actor, unitId: string) {
  const unit = await getReadableUnit(ctx, actor, unitId);
  const rows = await repo.countOpenByChild(ctx.db, unit.path, readScope(actor));
  const refs = new Map((await repo.findUnitRefs(ctx.db, rows.flatMap((r) => (r.unit_id ? [r.unit_id] : [])))).map((u) => [u.id, u]));
  const zero = { total: 0, s1: 0, s2: 0, s3: 0 };
  const own = rows.find((r) => !r.unit_id) ?? zero;
  const children = rows
    .filter((r) => r.unit_id && refs.has(r.unit_id))
    .map((r) => {
      const u = refs.get(r.unit_id!)!;
      return { unit: { id: u.id, name: u.name, kind: u.kind }, hasChildren: u.has_children, total: r.total, s1: r.s1, s2: r.s2, s3: r.s3 };
    })
    .sort((a, b) => b.s3 - a.s3 || b.total - a.total || a.unit.name.localeCompare(b.unit.name, 'vi'));
  const sum = (k: 'total' | 's1' | 's2' | 's3') => rows.reduce((n, r) => n + r[k], 0);
  return {
    unit: { id: unit.id, name: unit.name, kind: unit.kind },
    own: { total: own.total, s1: own.s1, s2: own.s2, s3: own.s3 },
    children,
    total: { total: sum('total'), s1: sum('s1'), s2: sum('s2'), s3: sum('s3') },
  };
}

export async function getFigures(ctx: Ctx, actor: Actor, q: { unitId: string; from: string; to: string }) {
  if (q.to < q.from) throw new AppError('INVALID_RANGE', 'The end of the period must not be before its start', [{ path: 'querystring.to', message: 'must not be before from' }]);
  const unit = await getReadableUnit(ctx, actor, q.unitId);
  const f = await repo.countFigures(ctx.db, unit.path, readScope(actor), q.from, q.to);
  return {
    unit: { id: unit.id, name: unit.name, kind: unit.kind },
    from: q.from,
    to: q.to,
    newInRange: f.row.new_in_range,
    closedInRange: f.row.closed_in_range,
    escalatedInRange: f.row.escalated_in_range,
    openOnLastDay: f.row.open_on_last_day,
    openByKind: f.byKind,
    openBySeverity: f.bySeverity,
  };
}

/** Never acknowledged, escalated since the last acknowledgement, or worsened since the level above last saw it. */
const awaitsAcknowledgement = (h: repo.HotspotRecord) =>
  !h.acknowledged_at || (h.escalated_at !== null && h.acknowledged_at < h.escalated_at) || h.severity > h.seen_severity;

export async function getHotspotDetail(ctx: Ctx, actor: Actor, id: string) {
  const hotspot = await getReadableHotspot(ctx, actor, id);
  const [responsible, updates, links, paths] = await Promise.all([
    repo.findResponsibleUnits(ctx.db, id),
    repo.findUpdates(ctx.db, id),
    repo.findLinks(ctx.db, id),
    responsiblePaths(ctx, id),
  ]);
  // A link shows only when its record is readable by the caller too.
  const readable = links.filter((l) => can(actor, 'units.read', l.unit_path) || (l.other_path !== null && can(actor, 'units.read', l.other_path)));
  const edit = canWrite(actor, hotspot, paths);
  const open = hotspot.status !== 'closed';
  return {
    hotspot,
    responsible,
    updates,
    links: readable,
    can: { edit, acknowledge: open && awaitsAcknowledgement(hotspot) && canAcknowledge(actor, hotspot), escalate: open && (edit || canAcknowledge(actor, hotspot)) && hotspot.unit_path.includes('.') },
  };
}

// ---------------------------------------------------------------- flash-report rule

export async function flashRuleOf(ctx: Ctx, path: string) {
  const rule = await repo.findFlashRule(ctx.db, path);
  return { hours: rule?.hours ?? DEFAULT_FLASH_REPORT_HOURS, fromUnitId: rule?.unit_id ?? null };
}

export async function getFlashRule(ctx: Ctx, actor: Actor, unitId: string) {
  const unit = await getReadableUnit(ctx, actor, unitId);
  return { unitId: unit.id, ...(await flashRuleOf(ctx, unit.path)) };
}

/** Sets a unit's hours (a unit admin there or above, or a system admin): its subtree follows unless a unit below sets its own. */
export async function putFlashRule(ctx: Ctx, actor: Actor, unitId: string, hours: number) {
  const unit = await getReadableUnit(ctx, actor, unitId);
  assertCan(actor, 'units.write', unit.path);
  await ctx.db.transaction().execute(async (trx) => {
    const before = await repo.upsertFlashRule(trx, unit.id, hours, actor.userId);
    await recordAudit(trx, actor, { action: 'flash_report_rule.put', recordType: 'unit', recordId: unit.id, unitId: unit.id, before: before === null ? null : { hours: before }, after: { hours } });
  });
  return getFlashRule(ctx, actor, unitId);
}

// ---------------------------------------------------------------- writes

/** The responsible units, each the case's unit, an ancestor or a descendant of it. */
async function checkResponsible(ctx: Ctx, ids: string[], unitPath: string): Promise<string[]> {
  const unique = [...new Set(ids)];
  const units = new Map((await findUnitsByIds(ctx.db, unique)).map((u) => [u.id, u]));
  unique.forEach((id) => {
    const u = units.get(id);
    if (!u) throw fieldError(`body.responsibleUnitIds[${ids.indexOf(id)}]`, 'unknown unit', { code: 'unknown' });
    if (!pathCovers(u.path, unitPath) && !pathCovers(unitPath, u.path))
      throw new AppError('UNIT_OUTSIDE_SUBTREE', 'A responsible unit must be the unit, above it or below it', [{ path: `body.responsibleUnitIds[${ids.indexOf(id)}]`, message: 'not in the unit\'s line' }]);
  });
  return unique;
}

/** A confidential case must name its readers, and the writer must stay among them. */
function checkReaders(actor: Actor, unitPath: string, confidential: boolean, roles: string[] | null | undefined): string[] | null {
  if (!confidential) return null;
  if (!roles?.length) throw fieldError('body.readerRoles', 'a confidential case names the roles that read it', { code: 'required' });
  if (!canReadHotspot(actor, { unit_path: unitPath, confidential: true, reader_roles: roles }))
    throw fieldError('body.readerRoles', 'must include a role you read the case with', { code: 'locks_you_out' });
  return [...new Set(roles)];
}

async function checkKind(ctx: Ctx, kind: string) {
  if (!(await repo.kindExists(ctx.db, kind))) throw fieldError('body.kind', 'unknown kind of case', { code: 'unknown' });
}

/** Files the flash report (báo cáo nhanh): the case and the first entry of its timeline. */
export async function createHotspot(ctx: Ctx, actor: Actor, input: z.output<typeof CreateHotspotBody>): Promise<string> {
  const unit = await getReadableUnit(ctx, actor, input.unitId);
  assertCan(actor, 'data.write', unit.path);
  await checkKind(ctx, input.kind);
  const responsible = await checkResponsible(ctx, input.responsibleUnitIds, unit.path);
  const readerRoles = checkReaders(actor, unit.path, input.confidential, input.readerRoles);
  const rule = await flashRuleOf(ctx, unit.path);
  const now = new Date();
  return ctx.db.transaction().execute(async (trx) => {
    const values: repo.HotspotValues = {
      place: input.place,
      kind_code: input.kind,
      title: input.title,
      summary: input.summary,
      people_count: input.peopleCount ?? null,
      confidential: input.confidential,
      reader_roles: readerRoles,
    };
    const id = await repo.insertHotspot(trx, {
      ...values,
      unit_id: unit.id,
      unit_path: unit.path,
      severity: input.severity,
      status: 'emerging',
      occurred_at: input.occurredAt,
      ack_due_at: new Date(now.getTime() + rule.hours * 3_600_000),
      created_by: actor.userId,
    });
    await repo.replaceResponsibleUnits(trx, id, responsible);
    await repo.insertUpdate(trx, id, { kind: 'flash_report', at: now, by_user: actor.userId, text: input.summary, status_to: 'emerging', severity_to: input.severity });
    await recordAudit(trx, actor, {
      action: 'hotspot.create',
      recordType: 'hotspot',
      recordId: id,
      unitId: unit.id,
      after: { ...values, severity: input.severity, occurredAt: input.occurredAt, responsibleUnitIds: responsible, flashReportHours: rule.hours },
    });
    return id;
  });
}

/** Changes the case's own fields with optimistic concurrency on `version`. */
export async function updateHotspot(ctx: Ctx, actor: Actor, id: string, input: z.output<typeof UpdateHotspotBody>): Promise<void> {
  const h = await getWritableHotspot(ctx, actor, id);
  if (input.kind !== undefined) await checkKind(ctx, input.kind);
  const responsible = input.responsibleUnitIds ? await checkResponsible(ctx, input.responsibleUnitIds, h.unit_path) : undefined;
  const confidential = input.confidential ?? h.confidential;
  const readerRoles = input.confidential !== undefined || input.readerRoles !== undefined ? checkReaders(actor, h.unit_path, confidential, input.readerRoles ?? h.reader_roles) : undefined;
  await ctx.db.transaction().execute(async (trx) => {
    const row = await repo.lockHotspot(trx, id);
    if (!row) throw notFound(id);
    if (row.version !== input.version) throw conflict(row.version);
    const wanted: Record<string, unknown> = {
      place: input.place,
      kind_code: input.kind,
      title: input.title,
      summary: input.summary,
      people_count: input.peopleCount,
      confidential: input.confidential,
      reader_roles: readerRoles,
    };
    const changes: Record<string, unknown> = {};
    const before: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(wanted)) {
      if (v === undefined || JSON.stringify(v) === JSON.stringify((row as Record<string, unknown>)[k])) continue;
      changes[k] = v;
      before[k] = (row as Record<string, unknown>)[k];
    }
    if (responsible) before.responsibleUnitIds = (await repo.findResponsibleUnits(trx, id)).map((u) => u.id);
    if (!(await repo.updateHotspot(trx, id, input.version, changes))) throw conflict(row.version);
    if (responsible) await repo.replaceResponsibleUnits(trx, id, responsible);
    await recordAudit(trx, actor, { action: 'hotspot.update', recordType: 'hotspot', recordId: id, unitId: h.unit_id, before, after: { ...changes, ...(responsible ? { responsibleUnitIds: responsible } : {}) } });
  });
}

/** An entry of the timeline (diễn biến), optionally moving the status or the severity. */
export async function addUpdate(ctx: Ctx, actor: Actor, id: string, input: z.output<typeof AddHotspotUpdateBody>): Promise<void> {
  const h = await getWritableHotspot(ctx, actor, id);
  await ctx.db.transaction().execute(async (trx) => {
    const row = await repo.lockHotspot(trx, id);
    if (!row) throw notFound(id);
    if (row.version !== input.version) throw conflict(row.version);
    const from = row.status as HotspotStatus;
    const to = input.status ?? from;
    if (statusChangeNeedsReason(from, to) && !input.reason) throw fieldError('body.reason', `a case going from ${from} back to ${to} needs a reason`, { code: 'required' });
    const severity = input.severity ?? row.severity;
    const changes: Record<string, unknown> = {};
    if (to !== from) {
      changes.status = to;
      changes.closed_at = to === 'closed' ? new Date() : null;
    }
    if (severity !== row.severity) changes.severity = severity;
    if (!(await repo.updateHotspot(trx, id, input.version, changes))) throw conflict(row.version);
    const updateId = await repo.insertUpdate(trx, id, {
      kind: 'update',
      at: input.at ?? new Date(),
      by_user: actor.userId,
      text: input.text,
      status_from: to !== from ? from : null,
      status_to: to !== from ? to : null,
      severity_from: severity !== row.severity ? row.severity : null,
      severity_to: severity !== row.severity ? severity : null,
      reason: input.reason ?? null,
    });
    await recordAudit(trx, actor, {
      action: 'hotspot.update_added',
      recordType: 'hotspot',
      recordId: id,
      unitId: h.unit_id,
      before: { status: from, severity: row.severity },
      after: { updateId, status: to, severity, reason: input.reason ?? null },
    });
  });
}

/** The level above has seen the flash report: it leaves the queues as "unacknowledged" and "worsened". */
export async function acknowledge(ctx: Ctx, actor: Actor, id: string, input: z.output<typeof AcknowledgeHotspotBody>): Promise<void> {
  const h = await getReadableHotspot(ctx, actor, id);
  if (!canAcknowledge(actor, h)) throw new AppError('FORBIDDEN', 'Acknowledging needs data.write or data.approve on the unit above the case', { permission: 'data.write' });
  await ctx.db.transaction().execute(async (trx) => {
    const row = await repo.lockHotspot(trx, id);
    if (!row) throw notFound(id);
    if (row.version !== input.version) throw conflict(row.version);
    if (row.status === 'closed') throw new AppError('INVALID_TRANSITION', 'A closed case is not acknowledged', { status: row.status });
    const now = new Date();
    // The latest acknowledgement counts: one after an escalation or a worsening clears them from the queues.
    if (!(await repo.updateHotspot(trx, id, input.version, { acknowledged_at: now, acknowledged_by: actor.userId, seen_severity: row.severity })))
      throw conflict(row.version);
    await repo.insertUpdate(trx, id, { kind: 'acknowledgement', at: now, by_user: actor.userId, text: input.text ?? '' });
    await recordAudit(trx, actor, { action: 'hotspot.acknowledge', recordType: 'hotspot', recordId: id, unitId: h.unit_id, after: { severity: row.severity } });
  });
}

type EscalateRow = { id: string; unit_path: string; escalated_path: string | null; severity: number; version: number };

/** Escalates the locked case to `target` (a unit above it): timeline, audit, queue of the target. */
async function escalateLocked(trx: Ctx['db'], actor: Actor, row: EscalateRow, target: { id: string; path: string }, text: string): Promise<void> {
  const now = new Date();
  if (!(await repo.updateHotspot(trx, row.id, row.version, { escalated_unit_id: target.id, escalated_path: target.path, escalated_at: now, seen_severity: row.severity }))) throw conflict(row.version);
  await repo.insertUpdate(trx, row.id, { kind: 'escalation', at: now, by_user: actor.userId, text, escalated_to: target.id });
  await recordAudit(trx, actor, {
    action: 'hotspot.escalate',
    recordType: 'hotspot',
    recordId: row.id,
    unitId: lastLabel(row.unit_path),
    before: { escalatedPath: row.escalated_path },
    after: { escalatedUnitId: target.id, severity: row.severity },
  });
}

/** By hand: to a unit strictly above the case's unit (else UNIT_OUTSIDE_SUBTREE). */
export async function escalate(ctx: Ctx, actor: Actor, id: string, input: z.output<typeof EscalateHotspotBody>): Promise<void> {
  const h = await getReadableHotspot(ctx, actor, id);
  if (!canWrite(actor, h, await responsiblePaths(ctx, id)) && !canAcknowledge(actor, h)) assertCan(actor, 'data.write', h.unit_path);
  const [target] = await findUnitsByIds(ctx.db, [input.unitId]);
  if (!target || target.path === h.unit_path || !pathCovers(target.path, h.unit_path))
    throw new AppError('UNIT_OUTSIDE_SUBTREE', 'A case is escalated to a unit above its own', [{ path: 'body.unitId', message: 'must be an ancestor of the case\'s unit' }]);
  await ctx.db.transaction().execute(async (trx) => {
    const row = await repo.lockHotspot(trx, id);
    if (!row) throw notFound(id);
    if (row.version !== input.version) throw conflict(row.version);
    if (row.status === 'closed') throw new AppError('INVALID_TRANSITION', 'A closed case is not escalated', { status: row.status });
    await escalateLocked(trx, actor, { id, unit_path: h.unit_path, escalated_path: row.escalated_path, severity: row.severity, version: row.version }, target, input.text);
  });
}

/**
 * The scheduled escalation: each case unacknowledged past its due time (once) or whose severity
 * worsened goes one level above where it stands (its unit's parent, or its escalated unit's).
 * Idempotent: an escalated case is neither unacknowledged-and-never-escalated nor above its seen
 * severity any more; rows another run holds are skipped.
 */
export async function escalateDue(ctx: Ctx, actor: Actor = SYSTEM_ACTOR, batch = 500): Promise<number> {
  return ctx.db.transaction().execute(async (trx) => {
    const rows = await repo.lockCasesToEscalate(trx, batch);
    let n = 0;
    for (const r of rows) {
      const targetPath = parentPath(r.escalated_path ?? r.unit_path);
      await escalateLocked(trx, actor, r, { id: lastLabel(targetPath), path: targetPath }, r.severity > r.seen_severity ? 'Tình hình diễn biến phức tạp hơn: tự động báo cáo lên cấp trên' : 'Quá thời hạn báo cáo nhanh chưa được cấp trên tiếp nhận: tự động báo cáo lên cấp trên');
      n += 1;
    }
    return n;
  });
}

/** Replaces the links; every linked petition and entry must be readable by the caller. */
export async function putLinks(ctx: Ctx, actor: Actor, id: string, input: z.output<typeof PutHotspotLinksBody>): Promise<void> {
  const h = await getWritableHotspot(ctx, actor, id);
  const petitionIds = [...new Set(input.petitionIds)];
  const entryIds = [...new Set(input.entryIds)];
  for (const [i, p] of petitionIds.entries()) {
    try {
      await getReadablePetition(ctx.db, actor, p);
    } catch {
      throw fieldError(`body.petitionIds[${i}]`, 'unknown petition', { code: 'unknown' });
    }
  }
  for (const [i, e] of entryIds.entries()) {
    try {
      await getReadableEntry(ctx, actor, e);
    } catch {
      throw fieldError(`body.entryIds[${i}]`, 'unknown entry', { code: 'unknown' });
    }
  }
  await ctx.db.transaction().execute(async (trx) => {
    // Two replacements at once would otherwise both delete, then collide on the links' unique index.
    await repo.lockHotspot(trx, id);
    const before = await repo.findLinks(trx, id);
    await repo.replaceLinks(trx, id, petitionIds, entryIds);
    await recordAudit(trx, actor, {
      action: 'hotspot.links',
      recordType: 'hotspot',
      recordId: id,
      unitId: h.unit_id,
      before: { petitionIds: before.filter((l) => l.kind === 'petition').map((l) => l.id), entryIds: before.filter((l) => l.kind === 'entry').map((l) => l.id) },
      after: { petitionIds, entryIds },
    });
  });
}
