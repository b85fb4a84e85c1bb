/**
 * The leadership loop's daily digest: per unit with something due, its own document tasks due soon
 * and overdue, the overdue ones below it added at every unit above (the escalation: a province sees
 * what its communes let slip), its own reports due in open rounds, and the reports missing in the
 * rounds it opened. Today's is computed when asked (`GET /api/leadership-digest`); the daily job
 * stores each day's so an earlier day can be read back. Mirrors the petitions' digest.
 */
import type { LeadershipDigest, LeadershipDigestQuery } from '../../../common/work-queue.js';
import { dueSoonUntil } from '../../../common/work-queue.js';
import { todayInVietnam } from '../../../common/units.js';
import { AppError } from '../../errors.js';
import { type Actor, can } from '../../http/access.js';
import type { Ctx } from '../../http/context.js';
import { getReadableUnit } from '../units/units.service.js';
import * as repo from './leadership-digest.repository.js';

type Row = repo.StoredDigestRow & { path: string; name: string };

/** The digest of `day` under `underPath` (or the whole country), by unit path. */
export async function computeLeadershipDigest(ctx: Ctx, day: string, underPath?: string): Promise<{ dueSoonUntil: string; rows: Row[] }> {
  const soonUntil = dueSoonUntil(day);
  const counted = await repo.countDigest(ctx.db, day, soonUntil, underPath);
  const rows = new Map<string, Row>();
  const row = (id: string, path: string, name = '') => {
    let r = rows.get(id);
    if (!r) rows.set(id, (r = { unit_id: id, path, name, tasks_due_soon: 0, tasks_overdue: 0, tasks_overdue_below: 0, reports_due: 0, reports_missing_below: 0 }));
    return r;
  };
  for (const c of counted) {
    const own = row(c.unit_id, c.path, c.name);
    own.name = c.name;
    own.tasks_due_soon += c.tasks_due_soon;
    own.tasks_overdue += c.tasks_overdue;
    own.reports_due += c.reports_due;
    own.reports_missing_below += c.reports_missing_below;
    if (!c.tasks_overdue) continue;
    const ids = c.path.split('.');
    for (let i = ids.length - 1; i > 0; i--) {
      const ancestorPath = ids.slice(0, i).join('.');
      // Within a digest of one subtree, the units above it are not reported.
      if (underPath && !`${ancestorPath}.`.startsWith(`${underPath}.`)) break;
      row(ids[i - 1]!, ancestorPath).tasks_overdue_below += c.tasks_overdue;
    }
  }
  const unnamed = [...rows.values()].filter((r) => !r.name).map((r) => r.unit_id);
  if (unnamed.length) {
    const names = await ctx.db.selectFrom('units').select(['id', 'name']).where('id', 'in', unnamed).execute();
    for (const n of names) rows.get(n.id)!.name = n.name;
  }
  return { dueSoonUntil: soonUntil, rows: [...rows.values()].sort((a, b) => a.path.localeCompare(b.path, 'en', { numeric: true })) };
}

/** Computes the whole country's digest of `day` and stores it in place of any earlier one of that day; answers how many units it holds. */
export async function storeLeadershipDigest(ctx: Ctx, day: string): Promise<number> {
  const { dueSoonUntil: until, rows } = await computeLeadershipDigest(ctx, day);
  await repo.replaceDigest(ctx.db, day, until, rows);
  return rows.length;
}

/** The digest as the actor may read it: of a unit's subtree, or of every unit the actor reads; today's computed, an earlier day's stored. */
export async function leadershipDigestFor(ctx: Ctx, actor: Actor, q: LeadershipDigestQuery, today = todayInVietnam()): Promise<LeadershipDigest> {
  const day = q.day ?? today;
  if (day > today) throw new AppError('INVALID_RANGE', 'A digest of a day to come does not exist yet', [{ path: 'query.day', message: `must not be after ${today}` }]);
  const under = q.unitId ? await getReadableUnit(ctx, actor, q.unitId) : undefined;
  let rows: Row[];
  let until = dueSoonUntil(day);
  const stored = day < today;
  if (stored) {
    const found = await repo.findStoredDigest(ctx.db, day, under?.path);
    rows = found;
    if (found[0]) until = found[0].due_soon_until;
  } else {
    rows = (await computeLeadershipDigest(ctx, day, under?.path)).rows;
  }
  const readable = under ? rows : rows.filter((r) => can(actor, 'units.read', r.path));
  return {
    day,
    dueSoonUntil: until,
    stored,
    items: readable.map((r) => ({
      unit: { id: r.unit_id, name: r.name },
      tasksDueSoon: r.tasks_due_soon,
      tasksOverdue: r.tasks_overdue,
      tasksOverdueBelow: r.tasks_overdue_below,
      reportsDue: r.reports_due,
      reportsMissingBelow: r.reports_missing_below,
    })),
  };
}
