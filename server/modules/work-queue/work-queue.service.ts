/**
 * The work queue ("Việc cần làm", docs/work-queue.md): what waits for the signed-in person, each
 * figure counted with the filters of the list it opens, so that a count and its list always agree:
 *
 * - entries: the list's queues (`queue=awaiting_my_approval | my_returned | my_drafts`, rules in
 *   `queueClause`), counted from the same source as the list's total (`countQueue`);
 * - per unit the person works for: its petition queue as the daily digest counts it (what the
 *   unit handles itself and is due soon; what is overdue there or anywhere below it: the list
 *   `unitId=…&view=queue&due=…`, `countPetitionsDue`), the open tasks of its reviews and the open
 *   commitments of its reception sessions, due soon or overdue (`countTasksDue`,
 *   `countCommitmentsDue`: the lists' filters, both figures in one statement each).
 */
import { ROLE_PERMISSIONS } from '../../../common/access.js';
import { DUE_SOON_DAYS, dueSoonUntil } from '../../../common/work-queue.js';
import { type Actor, hasPermissionSomewhere, pathCovers } from '../../http/access.js';
import type { Ctx } from '../../http/context.js';
import { readableArea } from '../../http/record-area.js';
import { todayInVietnam } from '../commendations/commendations.service.js';
import { countQueue } from '../entries/entries-list.repository.js';
import { queueClause } from '../entries/entries-list.service.js';
import { dueWindow } from '../petitions/petitions.service.js';
import { readScope } from '../policy-documents/policy-documents.service.js';
import { countTasksDue as countDocumentTasksDue } from '../tasks/tasks.service.js';
import { countRoundsAwaiting } from '../reporting-rounds/reporting-rounds.service.js';
import { countNeedingAction as countHotspotsNeedingAction } from '../hotspots/hotspots.repository.js';
import { countOverdueRecommendations } from '../supervision/supervision.service.js';
import { countCommitmentsDue, countPetitionsDue, countTasksDue, findUnitNames } from './work-queue.repository.js';

type Due = { dueSoon: number; overdue: number };
type Rounds = { myReport: number; missingBelow: number };

export type WorkUnit = { id: string; path: string };
export type WorkQueueRecord = {
  today: string;
  petitionsDueSoonUntil: string;
  tasksDueSoonUntil: string;
  entries: { awaitingMyApproval: number | null; myReturned: number | null; myDrafts: number | null };
  units: { id: string; name: string; petitions: Due; reviewTasks: Due; commitments: Due; documentTasks: Due; rounds: Rounds; hotspots: number; supervisionOverdue: number }[];
};

/**
 * The units whose work is the actor's: those of its grants that carry data.write or data.approve
 * (editors, approvers, system admins), none inside another. Viewers and unit administrators have
 * none: their work is reading and accounts, not these records.
 */
export function workUnitsOf(actor: Actor): WorkUnit[] {
  const grants = actor.grants.filter((g) => ROLE_PERMISSIONS[g.role].some((p) => p === 'data.write' || p === 'data.approve'));
  const units = new Map(grants.map((g) => [g.unitPath, { id: g.unitId, path: g.unitPath }]));
  return [...units.values()].filter((u) => ![...units.keys()].some((p) => p !== u.path && pathCovers(p, u.path))).sort((a, b) => a.path.localeCompare(b.path, 'en', { numeric: true }));
}

/** The entries queues the actor has (null: it lacks the right the queue needs), counted as their lists count them. */
async function entryCounts(ctx: Ctx, actor: Actor): Promise<WorkQueueRecord['entries']> {
  const approves = hasPermissionSomewhere(actor, 'data.approve');
  const writes = hasPermissionSomewhere(actor, 'data.write');
  if (!approves && !writes) return { awaitingMyApproval: null, myReturned: null, myDrafts: null };
  const area = await readableArea(ctx.db, actor);
  const count = async (queue: 'awaiting_my_approval' | 'my_returned' | 'my_drafts') =>
    countQueue(ctx.db, { paths: area.subtrees, units: area.units, queue: await queueClause(ctx.db, actor, area, queue) });
  const [awaitingMyApproval, myReturned, myDrafts] = await Promise.all([
    approves ? count('awaiting_my_approval') : null,
    writes ? count('my_returned') : null,
    writes ? count('my_drafts') : null,
  ]);
  return { awaitingMyApproval, myReturned, myDrafts };
}


/** Everything the actor's work queue shows; the queries run side by side. */
export async function getWorkQueue(ctx: Ctx, actor: Actor): Promise<WorkQueueRecord> {
  const today = todayInVietnam();
  const workUnits = workUnitsOf(actor);
  const window = await dueWindow(ctx.db, today);
  const [entries, names, units] = await Promise.all([
    entryCounts(ctx, actor),
    findUnitNames(ctx.db, workUnits.map((u) => u.id)),
    Promise.all(
      workUnits.map(async (u) => {
        const [petitions, reviewTasks, commitments, documentTasks, rounds, hotspots, supervisionOverdue] = await Promise.all([
          countPetitionsDue(ctx.db, u, window.today, window.soonLimit),
          countTasksDue(ctx.db, u.path, DUE_SOON_DAYS, readScope(actor)),
          countCommitmentsDue(ctx.db, u.path, today, dueSoonUntil(today)),
          // The lists' own counts (GET /api/tasks, GET /api/reporting-rounds), so a count and its list agree.
          countDocumentTasksDue(ctx, actor, u.id),
          countRoundsAwaiting(ctx, actor, u.id, today),
          // The hotspots list's own filter (queue=action) and reading rule, so the count is its total.
          countHotspotsNeedingAction(ctx.db, u.path, readScope(actor)),
          countOverdueRecommendations(ctx, u.path, today),
        ]);
        return { id: u.id, petitions, reviewTasks, commitments, documentTasks, rounds, hotspots, supervisionOverdue };
      }),
    ),
  ]);
  return {
    today,
    petitionsDueSoonUntil: window.soonLimit,
    tasksDueSoonUntil: dueSoonUntil(today),
    entries,
    units: units.map((u) => ({ ...u, name: names.get(u.id) ?? u.id })),
  };
}
