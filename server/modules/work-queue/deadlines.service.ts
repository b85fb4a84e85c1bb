/**
 * The calendar of deadlines (`GET /api/deadlines`): the dated obligations of a unit's subtree in a
 * range of days, with per-day totals that are counts of the very items listed.
 */
import { DEADLINE_LIMITS, DEADLINE_STATES, type DeadlineDay, type Deadlines, type DeadlinesQuery, daysInRange } from '../../../common/deadlines.js';
import { todayInVietnam } from '../../../common/units.js';
import { AppError } from '../../errors.js';
import type { Actor } from '../../http/access.js';
import type { Ctx } from '../../http/context.js';
import { getReadableUnit } from '../units/units.service.js';
import * as repo from './deadlines.repository.js';

export async function listDeadlines(ctx: Ctx, actor: Actor, q: DeadlinesQuery, today = todayInVietnam()): Promise<Deadlines> {
  if (q.to < q.from) throw new AppError('INVALID_RANGE', 'The last day must not be before the first', [{ path: 'query.to', message: 'must not be before from' }]);
  const days = daysInRange(q.from, q.to);
  if (days > DEADLINE_LIMITS.maxDays) {
    throw new AppError('VALIDATION_FAILED', `The range holds ${days} days; at most ${DEADLINE_LIMITS.maxDays} are shown at once`, [
      { path: 'query.to', message: `must be at most ${DEADLINE_LIMITS.maxDays - 1} days after from`, max: DEADLINE_LIMITS.maxDays },
    ]);
  }
  const unit = await getReadableUnit(ctx, actor, q.unitId);
  let rows = await repo.findDeadlines(ctx.db, { path: unit.path, from: q.from, to: q.to, today, limit: DEADLINE_LIMITS.maxItems + 1 });
  const truncated = rows.length > DEADLINE_LIMITS.maxItems;
  // Cut at a day's end: a day shown is shown whole, so its total is its count.
  if (truncated) rows = rows.filter((r) => r.day < rows[DEADLINE_LIMITS.maxItems]!.day);
  const byDay = new Map<string, DeadlineDay>();
  for (const r of rows) {
    let d = byDay.get(r.day);
    if (!d) byDay.set(r.day, (d = { day: r.day, total: 0, states: Object.fromEntries(DEADLINE_STATES.map((s) => [s, 0])) as DeadlineDay['states'] }));
    d.total++;
    d.states[r.state]++;
  }
  return {
    unit: { id: unit.id, name: unit.name },
    from: q.from,
    to: q.to,
    today,
    days: [...byDay.values()],
    items: rows.map((r) => ({ kind: r.kind, id: r.id, sessionId: r.session_id, title: r.title, unit: { id: r.unit_id, name: r.unit_name }, day: r.day, state: r.state })),
    truncated,
  };
}
