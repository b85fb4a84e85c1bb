/**
 * Review conferences (hội nghị sơ kết / tổng kết): who sees them (readers of the organizing
 * unit's subtree; anything else answers "not found"), who records them (data.write on the
 * organizing unit), the reviewed period and the audit record of every change.
 */
import { earliestReviewDay } from '../../../common/review-period.js';
import { assertExportSize } from '../../documents/list-workbook.js';
import { AppError } from '../../errors.js';
import { type Actor, assertCan, can, readScopes } from '../../http/access.js';
import type { Ctx } from '../../http/context.js';
import type { Db } from '../../db/database.js';
import { recordAudit } from '../audit/audit.repository.js';
import { getReadableUnit } from '../units/units.service.js';
import * as repo from './conferences.repository.js';
import type { ConferenceExportQuery, ConferenceListQuery, CreateConferenceBody, PeriodInput, PeriodKind, UpdateConferenceBody } from './conferences.schema.js';

const pad = (n: number) => String(n).padStart(2, '0');
const lastDayOfMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** First and last day of a quarter (1–4) or, without a quarter, of the whole year. */
export function periodDates(year: number, quarter?: number): { start: string; end: string } {
  if (quarter === undefined) return { start: `${year}-01-01`, end: `${year}-12-31` };
  const first = (quarter - 1) * 3 + 1;
  const last = first + 2;
  return { start: `${year}-${pad(first)}-01`, end: `${year}-${pad(last)}-${pad(lastDayOfMonth(year, last))}` };
}

export type ResolvedPeriod = { kind: PeriodKind; start: string; end: string; emulationPeriodId: string | null };

const fieldError = (path: string, message: string) => new AppError('VALIDATION_FAILED', `${path.replace(/^body\./, '')}: ${message}`, [{ path, message }]);

/** The first and last day of the period a conference reviews. */
export async function resolvePeriod(db: Db, p: PeriodInput): Promise<ResolvedPeriod> {
  switch (p.periodKind) {
    case 'quarter':
    case 'year': {
      const { start, end } = periodDates(p.year, p.periodKind === 'quarter' ? p.quarter : undefined);
      return { kind: p.periodKind, start, end, emulationPeriodId: null };
    }
    case 'emulation_period': {
      const ep = await repo.findEmulationPeriod(db, p.emulationPeriodId);
      if (!ep) throw fieldError('body.period.emulationPeriodId', 'unknown emulation period');
      return { kind: 'emulation_period', start: `${ep.start_year}-01-01`, end: `${ep.end_year}-12-31`, emulationPeriodId: ep.id };
    }
    case 'custom':
      return { kind: 'custom', start: p.periodStart, end: p.periodEnd, emulationPeriodId: null };
  }
}

const notFound = (id: string) => new AppError('NOT_FOUND', `Review conference ${id} not found`, { what: 'review_conference', id });

/** The conference, when it exists and the actor may read its organizing unit; NOT_FOUND otherwise (both alike). */
export async function getReadableConference(ctx: Ctx, actor: Actor, id: string): Promise<repo.ConferenceRecord> {
  const c = await repo.findConferenceById(ctx.db, id);
  if (!c || !can(actor, 'units.read', c.unit_path)) throw notFound(id);
  return c;
}

export async function listConferences(ctx: Ctx, actor: Actor, q: ConferenceListQuery) {
  const under = q.unitId ? await getReadableUnit(ctx, actor, q.unitId) : undefined;
  return repo.findConferences(ctx.db, {
    // Inside `under` (readable, so wholly in scope) no scope filter is needed.
    scopePaths: under ? undefined : readScopes(actor),
    underPath: under?.path,
    year: q.year,
    periodKind: q.periodKind,
    limit: q.limit,
    offset: q.offset,
  });
}

/** Every conference the list's filters match, for an export: refused past LIST_EXPORT_MAX_ROWS (EXPORT_TOO_LARGE). */
export async function exportConferences(ctx: Ctx, actor: Actor, q: ConferenceExportQuery) {
  const first = await listConferences(ctx, actor, { ...q, limit: 1, offset: 0 });
  assertExportSize(first.total);
  if (first.total <= 1) return first.rows;
  return (await listConferences(ctx, actor, { ...q, limit: first.total, offset: 0 })).rows;
}

export async function getConferenceDetail(ctx: Ctx, actor: Actor, id: string) {
  const conference = await getReadableConference(ctx, actor, id);
  const rows = await repo.countConferenceCommendations(ctx.db, id);
  const byForm = new Map<string, { formCode: string; collectives: number; individuals: number }>();
  let collectives = 0;
  let individuals = 0;
  for (const r of rows) {
    const f = byForm.get(r.form_code) ?? { formCode: r.form_code, collectives: 0, individuals: 0 };
    if (r.recipient_kind === 'collective') {
      f.collectives += r.n;
      collectives += r.n;
    } else {
      f.individuals += r.n;
      individuals += r.n;
    }
    byForm.set(r.form_code, f);
  }
  return { conference, counts: { total: collectives + individuals, collectives, individuals, byForm: [...byForm.values()] } };
}

/**
 * A review conference looks back: it is held once at least half of the period it reviews has
 * passed, or after it. A conference on 15/01/2026 "reviewing" Quarter 1/2026 is a period chosen by
 * mistake (a form's default once saved a 2021–2025 review as Q1/2026); a mid-term review of a
 * longer period names its own range (custom).
 */
function checkHeldOn(heldOn: string, period: { start: string; end: string }) {
  const earliest = earliestReviewDay(period);
  if (heldOn < earliest) {
    throw new AppError('CONFERENCE_TOO_EARLY', `A review conference is held once half of the reviewed period (${period.start} – ${period.end}) has passed: on ${earliest} or later`, [
      { path: 'body.heldOn', message: `must not be before ${earliest}`, earliest },
    ]);
  }
}

const auditView = (v: Partial<repo.ConferenceValues>) => {
  const names: Record<string, string> = {
    title: 'title',
    held_on: 'heldOn',
    period_kind: 'periodKind',
    period_start: 'periodStart',
    period_end: 'periodEnd',
    emulation_period_id: 'emulationPeriodId',
    participants_count: 'participantsCount',
    participants: 'participants',
    notes: 'notes',
  };
  return Object.fromEntries(Object.entries(v).map(([k, value]) => [names[k] ?? k, value]));
};

export async function createConference(ctx: Ctx, actor: Actor, input: CreateConferenceBody): Promise<repo.ConferenceRecord> {
  const unit = await getReadableUnit(ctx, actor, input.unitId);
  assertCan(actor, 'data.write', unit.path);
  const period = await resolvePeriod(ctx.db, input.period);
  checkHeldOn(input.heldOn, period);
  const values: repo.ConferenceValues = {
    title: input.title,
    held_on: input.heldOn,
    period_kind: period.kind,
    period_start: period.start,
    period_end: period.end,
    emulation_period_id: period.emulationPeriodId,
    participants_count: input.participantsCount ?? null,
    participants: input.participants ?? null,
    notes: input.notes ?? null,
  };
  const id = await ctx.db.transaction().execute(async (trx) => {
    const newId = await repo.createConference(trx, unit.id, actor.userId, values);
    await recordAudit(trx, actor, { action: 'review_conference.create', recordType: 'review_conference', recordId: newId, unitId: unit.id, after: { unitId: unit.id, ...auditView(values) } });
    return newId;
  });
  return (await repo.findConferenceById(ctx.db, id))!;
}

const versionConflict = (current: number) =>
  new AppError('CONFLICT', 'The conference was changed by someone else; reload it and try again', { currentVersion: current });

/** Changes a conference with optimistic concurrency on `version`; a new period replaces the old one whole. */
export async function updateConference(ctx: Ctx, actor: Actor, id: string, input: UpdateConferenceBody): Promise<repo.ConferenceRecord> {
  const current = await getReadableConference(ctx, actor, id);
  assertCan(actor, 'data.write', current.unit_path);
  const period = input.period ? await resolvePeriod(ctx.db, input.period) : undefined;
  await ctx.db.transaction().execute(async (trx) => {
    const row = await repo.lockConference(trx, id);
    if (!row) throw notFound(id);
    if (row.version !== input.version) throw versionConflict(row.version);
    const wanted: Partial<repo.ConferenceValues> = {
      title: input.title,
      held_on: input.heldOn,
      participants_count: input.participantsCount,
      participants: input.participants,
      notes: input.notes,
      ...(period
        ? { period_kind: period.kind, period_start: period.start, period_end: period.end, emulation_period_id: period.emulationPeriodId }
        : {}),
    };
    const changes: Record<string, unknown> = {};
    const before: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(wanted) as [keyof repo.ConferenceValues, unknown][]) {
      if (v === undefined || v === row[k]) continue;
      changes[k] = v;
      before[k] = row[k];
    }
    // Checked when the day or the period changes: a title fixed on an older record is not refused for its dates.
    if ('held_on' in changes || 'period_start' in changes || 'period_end' in changes) {
      checkHeldOn((changes.held_on as string | undefined) ?? row.held_on, {
        start: (changes.period_start as string | undefined) ?? row.period_start,
        end: (changes.period_end as string | undefined) ?? row.period_end,
      });
    }
    if (!Object.keys(changes).length) return;
    if (!(await repo.updateConference(trx, id, input.version, changes))) throw versionConflict(row.version);
    await recordAudit(trx, actor, {
      action: 'review_conference.update',
      recordType: 'review_conference',
      recordId: id,
      unitId: row.unit_id,
      before: auditView(before),
      after: auditView(changes),
    });
  });
  return (await repo.findConferenceById(ctx.db, id))!;
}
