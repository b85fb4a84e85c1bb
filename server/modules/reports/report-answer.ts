/**
 * `GET /api/reports` answered once per data version (docs/scaling.md, "Answers cached across
 * processes"): the unit is resolved and the reader's right checked on every request, then the data
 * version of the report's unit is read from the database the report reads (the replica when one is
 * configured: a version read on the primary could claim data the replica has not replayed yet), and
 * the answer is a 304, the kept body, or computed once.
 */
import type { ReportQuery } from '../../../common/reports.js';
import type { Actor } from '../../http/access.js';
import { type Ctx, reportReader } from '../../http/context.js';
import { type AnswerCache, type CachedAnswer, scopeOf } from '../data-versions/answer-cache.js';
import { readDataVersion } from '../data-versions/data-versions.repository.js';
import { todayInVietnam } from '../entries/entry-progress.service.js';
import { type ReportQueryByRef, reportUnitId } from './report-unit-ref.js';
import { getReportableUnit, reportViewOfUnit, resolveReportRange } from './reports.service.js';

/**
 * The answer to a report query for `actor`. Errors as `reportFor` (NOT_FOUND, VALIDATION_FAILED,
 * INVALID_RANGE, AMBIGUOUS_UNIT_REF), checked before any 304.
 */
export async function reportAnswer(ctx: Ctx, cache: AnswerCache, actor: Actor, query: ReportQueryByRef, ifNoneMatch: string | string[] | undefined): Promise<CachedAnswer> {
  const { unit: _ref, unitId: _id, ...period } = query;
  const unitId = await reportUnitId(ctx, actor, query);
  const reader = reportReader(ctx);
  const unit = await getReportableUnit(reader, actor, unitId);
  const q: ReportQuery = { ...period, unitId };
  await resolveReportRange(reader, q);
  // Before the figures: an answer may then be newer than its version, never older.
  // Tasks, their reports, sessions and submissions (the tasks block) bump it too (migration
  // 20261206180000_task_report_versions).
  const version = await readDataVersion(reader.db, [unit.id], 'f');
  // Only the period's own parameters, so equivalent URLs share an answer; the day, because a
  // running range's overdue petitions are judged on it.
  const params = (['period', 'year', 'quarter', 'periodId', 'from', 'to'] as const).map((k) => `${k}=${q[k] ?? ''}`).join('&');
  // Which database answered: a version counts that database's writes, so the primary's and a
  // replica's (or another database's) answers are never taken for each other.
  const source = reader.db === ctx.db ? 'primary' : 'replica';
  const key = `report ${source} ${unit.id} ${params} ${todayInVietnam()}`;
  return cache.answer({ key, version, scope: scopeOf(actor), ifNoneMatch, compute: () => reportViewOfUnit(reader, unit, q) });
}
