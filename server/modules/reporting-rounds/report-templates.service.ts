/**
 * Report templates and reporting schedules (docs/leadership-loop.md §3): a unit's editors write
 * them (data.write there); they are read at the unit and below it, where rounds opened with them
 * are answered. A schedule keeps its calendar rule; `nextPeriodOf` applies it.
 */
import type { CreateReportingScheduleBody, CreateReportTemplateBody } from '../../../common/reporting-rounds.js';
import { todayInVietnam } from '../../../common/units.js';
import { AppError } from '../../errors.js';
import { type Actor, assertCan, isSystemAdmin, pathCovers } from '../../http/access.js';
import type { Ctx } from '../../http/context.js';
import { ROLE_PERMISSIONS } from '../../../common/access.js';
import { recordAudit } from '../audit/audit.repository.js';
import { calendarOf } from '../petitions/petitions-calendar.js';
import { findUnitById } from '../units/units.repository.js';
import { getReadableUnit } from '../units/units.service.js';
import * as repo from './reporting-rounds.repository.js';
import { nextPeriod } from './schedule-calendar.js';

/** units.read on the unit at `path`, above it or below it: what a unit sets up is read by the units it asks. */
export function readsNear(actor: Actor, path: string): boolean {
  if (isSystemAdmin(actor)) return true;
  return actor.grants.some((g) => ROLE_PERMISSIONS[g.role].includes('units.read') && (pathCovers(g.unitPath, path) || pathCovers(path, g.unitPath)));
}

const fieldError = (path: string, message: string, code: string) => new AppError('VALIDATION_FAILED', `${path.replace(/^body\./, '')}: ${message}`, [{ path, message, code }]);

/** The unit kinds that exist, or VALIDATION_FAILED naming the first unknown one. */
export async function assertUnitKinds(ctx: Ctx, kinds: string[], field = 'body.targetKinds'): Promise<void> {
  const known = await repo.findUnitKindCodes(ctx.db, kinds);
  const i = kinds.findIndex((k) => !known.has(k));
  if (i >= 0) throw fieldError(`${field}.${i}`, 'unknown unit kind', 'unknown');
}

/** A template usable at the unit at `path`: its own or one of a unit above it. */
export async function getUsableTemplate(ctx: Ctx, id: string, path: string, field = 'body.templateId'): Promise<repo.TemplateRecord> {
  const template = await repo.findTemplate(ctx.db, id);
  if (!template || !pathCovers(template.unit_path, path)) throw fieldError(field, 'unknown template for this unit', 'unknown');
  return template;
}

/**
 * A unit whose templates and schedules the actor may list: one it reads, or one above such a unit
 * (what a unit sets up is read below it, so a commune lists its province's).
 */
async function getNearUnit(ctx: Ctx, actor: Actor, unitId: string) {
  const unit = await findUnitById(ctx.db, unitId);
  if (!unit || !readsNear(actor, unit.path)) throw new AppError('NOT_FOUND', `Unit ${unitId} not found`, { what: 'unit', id: unitId });
  return unit;
}

export async function listTemplates(ctx: Ctx, actor: Actor, unitId: string) {
  const unit = await getNearUnit(ctx, actor, unitId);
  return repo.findTemplatesAbove(ctx.db, unit.path);
}

export async function createTemplate(ctx: Ctx, actor: Actor, input: CreateReportTemplateBody): Promise<repo.TemplateRecord> {
  const unit = await getReadableUnit(ctx, actor, input.unitId);
  assertCan(actor, 'data.write', unit.path);
  const sections = input.sections.map((s) => ({ key: s.key, kind: s.kind, title: Object.fromEntries(Object.entries(s.title).filter((e): e is [string, string] => typeof e[1] === 'string')) }));
  const id = await ctx.db.transaction().execute(async (trx) => {
    const newId = await repo.insertTemplate(trx, { unit_id: unit.id, unit_path: unit.path, name: input.name, sections, created_by: actor.userId });
    await recordAudit(trx, actor, { action: 'report_template.create', recordType: 'report_template', recordId: newId, unitId: unit.id, after: { name: input.name, sections } });
    return newId;
  });
  return (await repo.findTemplate(ctx.db, id))!;
}

export async function listSchedules(ctx: Ctx, actor: Actor, unitId: string) {
  const unit = await getNearUnit(ctx, actor, unitId);
  return repo.findSchedulesAbove(ctx.db, unit.path);
}

export async function createSchedule(ctx: Ctx, actor: Actor, input: CreateReportingScheduleBody): Promise<repo.ScheduleRecord> {
  const unit = await getReadableUnit(ctx, actor, input.unitId);
  assertCan(actor, 'data.write', unit.path);
  await getUsableTemplate(ctx, input.templateId, unit.path);
  await assertUnitKinds(ctx, input.targetKinds);
  // A week runs Monday to Sunday: a cut-off day of the month means nothing to it.
  if (input.periodKind === 'week' && input.cutoffDay !== null) throw fieldError('body.cutoffDay', 'a weekly schedule runs Monday to Sunday and takes no cut-off day', 'week_cutoff');
  const values: repo.ScheduleValues = {
    unit_id: unit.id,
    unit_path: unit.path,
    name: input.name,
    period_kind: input.periodKind,
    cutoff_day: input.cutoffDay,
    due_offset_days: input.dueOffsetDays,
    shift_to_working_day: input.shiftToWorkingDay,
    remind_days_before: input.remindDaysBefore,
    template_id: input.templateId,
    target_kinds: input.targetKinds,
    created_by: actor.userId,
  };
  const id = await ctx.db.transaction().execute(async (trx) => {
    const newId = await repo.insertSchedule(trx, values);
    const { unit_path: _path, created_by: _by, ...audited } = values;
    await recordAudit(trx, actor, { action: 'reporting_schedule.create', recordType: 'reporting_schedule', recordId: newId, unitId: unit.id, after: audited });
    return newId;
  });
  return (await repo.findSchedule(ctx.db, id))!;
}

/** The schedule's next period and due day on or after `after` (today in Viet Nam by default). */
export async function nextPeriodOf(ctx: Ctx, actor: Actor, id: string, after?: string) {
  const schedule = await repo.findSchedule(ctx.db, id);
  if (!schedule || !readsNear(actor, schedule.unit_path)) throw new AppError('NOT_FOUND', `Reporting schedule ${id} not found`, { what: 'reporting_schedule', id });
  const rule = { periodKind: schedule.period_kind, cutoffDay: schedule.cutoff_day, dueOffsetDays: schedule.due_offset_days, shiftToWorkingDay: schedule.shift_to_working_day };
  return nextPeriod(rule, after ?? todayInVietnam(), await calendarOf(ctx.db));
}
