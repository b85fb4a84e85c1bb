/**
 * A coordination program's yearly plans (kế hoạch phối hợp năm): an implementation plan of the
 * party unit with `year` set, from 1 January to 31 December clipped to the program's period. Its
 * items are the plan's tasks, given through the tasks API; its results are their progress reports.
 */
import { TASK_LIMITS } from '../../../common/tasks.js';
import { AppError } from '../../errors.js';
import { type Actor, assertCan } from '../../http/access.js';
import type { Ctx } from '../../http/context.js';
import { insertYearlyPlan } from '../tasks/plans.service.js';
import * as tasks from '../tasks/tasks.repository.js';
import * as repo from './coordination.repository.js';
import { getReadableProgram, programAbilities } from './coordination.service.js';

const yearOf = (iso: string) => Number(iso.slice(0, 4));

/** The days of `year` inside the period; null when the year lies outside it. */
export function yearWithin(year: number, period: { from: string; to: string }): { startsOn: string; endsOn: string } | null {
  if (year < yearOf(period.from) || year > yearOf(period.to)) return null;
  const first = `${year}-01-01`;
  const last = `${year}-12-31`;
  return { startsOn: first < period.from ? period.from : first, endsOn: last > period.to ? period.to : last };
}

const exists = (planId: string) => new AppError('ALREADY_EXISTS', 'The program already has a plan for this year', { planId });

/**
 * Adds the yearly plan of `year` (data.write on the party unit). The program's document must be
 * issued (INVALID_TRANSITION); a year outside the period is INVALID_RANGE on `body.year`; a second
 * plan for the year is ALREADY_EXISTS with the first's id.
 */
export async function createYearlyPlan(ctx: Ctx, actor: Actor, programId: string, year: number): Promise<string> {
  const program = await getReadableProgram(ctx, actor, programId);
  assertCan(actor, 'data.write', program.party_path);
  if (program.status !== 'issued') throw new AppError('INVALID_TRANSITION', 'Yearly plans are made once the program is issued', { status: program.status, action: 'year' });
  const outside = () =>
    new AppError('INVALID_RANGE', `year: must lie within the program's period`, [
      { path: 'body.year', message: `must be between ${yearOf(program.period_from)} and ${yearOf(program.period_to)}`, min: yearOf(program.period_from), max: yearOf(program.period_to) },
    ]);
  if (!yearWithin(year, { from: program.period_from, to: program.period_to })) throw outside();
  const existing = await tasks.findYearlyPlanId(ctx.db, programId, program.party_unit_id, year);
  if (existing) throw exists(existing);
  try {
    return await ctx.db.transaction().execute(async (trx) => {
      // The period may have changed since it was read: decide on the locked row.
      const row = await repo.lockProgram(trx, programId);
      const days = row && yearWithin(year, { from: row.period_from, to: row.period_to });
      if (!days) throw outside();
      return insertYearlyPlan(trx, actor, { documentId: programId, unitId: program.party_unit_id, unitPath: program.party_path, year, ...days });
    });
  } catch (err) {
    // Two editors adding the same year at once: the unique index decides, the loser gets the winner's id.
    if ((err as { code?: string }).code !== '23505') throw err;
    const winner = await tasks.findYearlyPlanId(ctx.db, programId, program.party_unit_id, year);
    throw winner ? exists(winner) : err;
  }
}

export type YearlyPlanView = {
  plan: tasks.PlanRecord & { year: number };
  items: tasks.TaskRecord[];
  totals: tasks.TotalsRecord;
  results: Map<string, repo.ResultRecord>;
};

/** The program's yearly plans with their first items (root tasks), leaf totals and latest results. */
export async function findYearlyPlanViews(ctx: Ctx, programId: string): Promise<YearlyPlanView[]> {
  const plans = await tasks.findYearlyPlans(ctx.db, programId);
  const views = await Promise.all(
    plans.map(async (plan) => {
      const [items, totals] = await Promise.all([
        tasks.findTasks(ctx.db, { planId: plan.id, rootsOnly: true, limit: TASK_LIMITS.planTasksPage, offset: 0 }),
        tasks.findPlanTotals(ctx.db, plan.id),
      ]);
      return { plan, items: items.rows, totals };
    }),
  );
  const results = await repo.findLatestResults(ctx.db, views.flatMap((v) => v.items.map((t) => t.id)));
  const byTask = new Map(results.map((r) => [r.task_id, r]));
  return views.map((v) => ({ ...v, results: byTask }));
}

/** A program the reader reads, with its yearly plans and what the reader may do. */
export async function getProgramDetail(ctx: Ctx, actor: Actor, id: string) {
  const program = await getReadableProgram(ctx, actor, id);
  return { program, yearlyPlans: await findYearlyPlanViews(ctx, id), can: programAbilities(actor, program) };
}
