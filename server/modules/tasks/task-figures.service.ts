/**
 * The dashboard's documents (GET /api/task-figures/documents): under a unit the reader reads, the
 * documents whose leaves run in a range, largest share overdue first, with the figures the
 * report's tasks block counts (task-figures.repository.ts). Who may read: as for the unit's
 * report (`getReportableUnit`: NOT_FOUND otherwise); the documents as the reader may read them.
 */
import type { TaskDocumentFiguresList, TaskDocumentFiguresQuery } from '../../../common/tasks.js';
import { todayInVietnam } from '../../../common/units.js';
import type { Actor } from '../../http/access.js';
import { type Ctx, reportReader } from '../../http/context.js';
import { readScope } from '../policy-documents/policy-documents.service.js';
import { resolveRange } from '../reports/report-range.js';
import { getReportableUnit } from '../reports/reports.service.js';
import { findTaskDocumentFigures } from './task-figures.repository.js';

/** Throws NOT_FOUND for a unit the actor may not read, INVALID_RANGE for an inverted or too long range (as a custom report). */
export async function getTaskDocumentFigures(ctx: Ctx, actor: Actor, q: TaskDocumentFiguresQuery, today = todayInVietnam()): Promise<TaskDocumentFiguresList> {
  const reader = reportReader(ctx);
  const unit = await getReportableUnit(reader, actor, q.unitId);
  const range = resolveRange({ unitId: q.unitId, period: 'custom', from: q.from, to: q.to });
  const asOf = range.to < today ? range.to : today;
  const area = { mode: unit.attribution === 'self' ? ('current' as const) : ('historical' as const), path: unit.path };
  const documents = await findTaskDocumentFigures(reader.db, { area, from: range.from, to: range.to, asOf, scope: readScope(actor), limit: q.limit });
  return { asOf, documents };
}
