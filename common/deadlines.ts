/**
 * The calendar of deadlines ("Lịch hạn", docs/leadership-loop.md "Calendar of deadlines and digest
 * page"): every dated obligation of a unit and its subtree in a range of days — document tasks,
 * working-session requests, reports due in rounds, and the due days of the rounds the subtree
 * opened — each with its state on today's Viet Nam day. Shared by the server and the web app.
 */
import { z } from 'zod';
import { Id, IsoDate } from './units.js';

/**
 * - `task`: a leaf task of a policy document's plan (containers are their children's work);
 * - `request`: the same, when the document is a working session's conclusion notice;
 * - `report`: a unit's participation in a reporting round (its own due day, an extension moves it);
 * - `round`: a round the unit or a unit below it opened, on the round's due day.
 */
export const DEADLINE_KINDS = ['task', 'request', 'report', 'round'] as const;
export type DeadlineKind = (typeof DEADLINE_KINDS)[number];

/**
 * - `due`: still to do, the day today or later; `overdue`: still to do, the day passed;
 * - `done`: done (a task) or sent (a report) by the day, or a round with nobody missing or closed;
 * - `done_late`: done or sent after the day; `excused`: a report the opening unit excused.
 */
export const DEADLINE_STATES = ['due', 'overdue', 'done', 'done_late', 'excused'] as const;
export type DeadlineState = (typeof DEADLINE_STATES)[number];

export const DEADLINE_LIMITS = {
  /** Widest range asked at once: a month view with its overlapping weeks, or a quarter. */
  maxDays: 100,
  /** Items answered at once; past it the answer is cut at a day's end and says so. */
  maxItems: 5000,
} as const;

export const DeadlinesQuery = z.object({
  unitId: Id.describe('The unit whose subtree is shown (units.read there)'),
  from: IsoDate.describe('First day (inclusive)'),
  to: IsoDate.describe(`Last day (inclusive); at most ${DEADLINE_LIMITS.maxDays} days from the first`),
});
export type DeadlinesQuery = z.infer<typeof DeadlinesQuery>;

export const DeadlineItem = z.object({
  kind: z.enum(DEADLINE_KINDS),
  /** The page it opens: a task (`/tasks/:id`) for task and request, a round (`/reporting-rounds/:id`) for report and round. */
  id: Id,
  /** A request's working session (`/working-sessions/:id`); null otherwise. */
  sessionId: Id.nullable(),
  title: z.string(),
  /** The owner of a task, the participant of a report, the opening unit of a round. */
  unit: z.object({ id: Id, name: z.string() }),
  day: IsoDate,
  state: z.enum(DEADLINE_STATES),
});
export type DeadlineItem = z.infer<typeof DeadlineItem>;

const StateCounts = z.object({ due: z.number().int(), overdue: z.number().int(), done: z.number().int(), done_late: z.number().int(), excused: z.number().int() });

export const DeadlineDay = z.object({ day: IsoDate, total: z.number().int(), states: StateCounts });
export type DeadlineDay = z.infer<typeof DeadlineDay>;

export const Deadlines = z.object({
  unit: z.object({ id: Id, name: z.string() }),
  from: IsoDate,
  to: IsoDate,
  today: IsoDate,
  /** The days with at least one item, in order; each day's total is the number of its items below. */
  days: z.array(DeadlineDay),
  /** By day, then kind, then title. */
  items: z.array(DeadlineItem),
  /** More than DEADLINE_LIMITS.maxItems items: the list stops at the end of the last whole day given (choose a unit lower or a shorter range). */
  truncated: z.boolean(),
});
export type Deadlines = z.infer<typeof Deadlines>;

/** Days from `from` to `to`, both counted (0 when `to` is before `from`). */
export function daysInRange(from: string, to: string): number {
  return Math.max(0, Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1);
}
