/**
 * The work queue ("Việc cần làm", docs/work-queue.md): what waits for the signed-in person today,
 * each figure a count that opens the list it counts. Shared by the server and the web app.
 */
import { z } from 'zod';
import { addDaysIso, Id, IsoDate } from './units.js';

/**
 * A review task or a reception commitment is due soon when it is open and its deadline is today or
 * within this many days after today (Viet Nam time): a week, the rhythm of the officers' meetings.
 * Petitions keep their own, legal, window (`PETITION_LIMITS.dueSoonWorkingDays` working days).
 */
export const DUE_SOON_DAYS = 7;

/** The last day (ISO) of the "due soon" window of tasks and commitments that starts on `today` (ISO). */
export function dueSoonUntil(today: string): string {
  return addDaysIso(today, DUE_SOON_DAYS);
}

/** The `due` filter of the task and commitment lists, named like the petitions list's. */
export const DUE_FILTERS = ['overdue', 'due_soon'] as const;
export type DueFilter = (typeof DUE_FILTERS)[number];

const Due = z.object({ dueSoon: z.number().int(), overdue: z.number().int() });

export const WorkQueue = z.object({
  today: IsoDate,
  /** The last day counted as due soon: petitions (working days), review tasks and commitments (DUE_SOON_DAYS). */
  petitionsDueSoonUntil: IsoDate,
  tasksDueSoonUntil: IsoDate,
  /**
   * The entries queues (`/api/entries?queue=…` lists each); null when the caller holds none of the
   * right the queue needs (data.approve for approvals, data.write for the others).
   */
  entries: z.object({
    awaitingMyApproval: z.number().int().nullable(),
    myReturned: z.number().int().nullable(),
    myDrafts: z.number().int().nullable(),
  }),
  /**
   * One row per unit the caller works for (a grant with data.write or data.approve, none inside
   * another): the unit's petition queue (handled there and due soon; overdue anywhere below it),
   * the open tasks of its reviews and the open commitments of its reception sessions, due soon or
   * overdue; and the open tasks of the documents it carries out (the leadership loop's tasks, leaves
   * owned by the unit or any unit below it: what is overdue below is the escalation the unit sees);
   * and its reporting rounds: those in which its own report is not sent and due within the week or
   * late, and those it (or a unit below it) opened in which a unit has not sent past its due day.
   */
  units: z.array(
    z.object({
      unit: z.object({ id: Id, name: z.string() }),
      petitions: Due,
      reviewTasks: Due,
      commitments: Due,
      documentTasks: Due,
      rounds: z.object({ myReport: z.number().int(), missingBelow: z.number().int() }),
      /**
       * Open hotspots needing the unit's action: unacknowledged below it, escalated to it (or below
       * it), or worsened below it — the total of `GET /api/hotspots?unitId=…&queue=action`.
       */
      hotspots: z.number().int(),
      /** Recommendations of the boards and the Front in the unit's subtree past their due day unanswered (`/supervision?state=overdue`). */
      supervisionOverdue: z.number().int(),
    }),
  ),
});
export type WorkQueue = z.infer<typeof WorkQueue>;

/**
 * One unit's line of the leadership loop's daily digest: its own open document tasks (leaves)
 * due within DUE_SOON_DAYS days and overdue, the overdue ones owned anywhere below it (the
 * escalation), its own reports not sent in open rounds and due within the window or late, and the
 * reports missing past their day in the open rounds it opened.
 */
export const LeadershipDigestRow = z.object({
  unit: z.object({ id: Id, name: z.string() }),
  tasksDueSoon: z.number().int(),
  tasksOverdue: z.number().int(),
  tasksOverdueBelow: z.number().int(),
  reportsDue: z.number().int(),
  reportsMissingBelow: z.number().int(),
});
export type LeadershipDigestRow = z.infer<typeof LeadershipDigestRow>;

export const LeadershipDigest = z.object({
  day: IsoDate,
  dueSoonUntil: IsoDate,
  /** Today's is computed when asked; an earlier day's is the one the daily job stored (empty when none was). */
  stored: z.boolean(),
  items: z.array(LeadershipDigestRow),
});
export type LeadershipDigest = z.infer<typeof LeadershipDigest>;

export const LeadershipDigestQuery = z.object({
  unitId: Id.optional().describe('The subtree whose units are listed (default: every unit the caller reads)'),
  day: IsoDate.optional().describe('An earlier day, read from the stored digests; default today (Viet Nam)'),
});
export type LeadershipDigestQuery = z.infer<typeof LeadershipDigestQuery>;
