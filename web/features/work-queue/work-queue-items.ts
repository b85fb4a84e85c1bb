/**
 * The rows of the work queue page: each count with the words that name it and the list it opens,
 * the same filters the server counted with (docs/work-queue.md), so the list shows what the count
 * says. Pure, so a test checks every link.
 */
import type { EntryQueue } from '../../../common/entries';
import type { RoundAwaiting } from '../../../common/reporting-rounds';
import type { DueFilter, WorkQueue } from '../../../common/work-queue';

/** How a count reads: something to act on, due soon, or late. */
export type Tone = 'action' | 'soon' | 'late';

export type QueueLink =
  | { to: '/entries'; search: { queue: EntryQueue } }
  | { to: '/petitions'; search: { unitId: string; view: 'queue'; due: DueFilter } }
  | { to: '/review-tasks' | '/commitments' | '/tasks'; search: { unitId: string; due: DueFilter } }
  | { to: '/reporting-rounds'; search: { unitId: string; awaiting: RoundAwaiting } }
  | { to: '/hotspots'; search: { unitId: string; queue: 'action' } }
  | { to: '/supervision'; search: { unitId: string; state: 'overdue' } };

/** One row: `label` is a translation key, with `{{date}}` filled from `date` when given. */
export type QueueItem = { key: string; label: string; date?: string; count: number; tone: Tone; link: QueueLink };

const ENTRY_ROWS: { key: keyof WorkQueue['entries']; queue: EntryQueue; tone: Tone }[] = [
  { key: 'awaitingMyApproval', queue: 'awaiting_my_approval', tone: 'action' },
  { key: 'myReturned', queue: 'my_returned', tone: 'late' },
  { key: 'myDrafts', queue: 'my_drafts', tone: 'action' },
];

/** The entries rows the account has (a queue it holds no right for is not shown). */
export function entryItems(q: WorkQueue): QueueItem[] {
  return ENTRY_ROWS.flatMap(({ key, queue, tone }) => {
    const count = q.entries[key];
    return count === null ? [] : [{ key: `entries.${key}`, label: `workQueue.entries.${key}`, count, tone, link: { to: '/entries' as const, search: { queue } } }];
  });
}

type UnitRow = WorkQueue['units'][number];

/** A unit's petition queue: handled there and due soon; overdue there or anywhere below. */
export function petitionItems(q: WorkQueue, u: UnitRow): QueueItem[] {
  const link = (due: DueFilter): QueueLink => ({ to: '/petitions', search: { unitId: u.unit.id, view: 'queue', due } });
  return [
    { key: `petitions.dueSoon.${u.unit.id}`, label: 'workQueue.petitions.dueSoon', date: q.petitionsDueSoonUntil, count: u.petitions.dueSoon, tone: 'soon', link: link('due_soon') },
    { key: `petitions.overdue.${u.unit.id}`, label: 'workQueue.petitions.overdue', count: u.petitions.overdue, tone: 'late', link: link('overdue') },
  ];
}

/**
 * A unit's document tasks (in its subtree: overdue below is the escalation), review tasks and
 * reception commitments, due within the week or overdue.
 */
export function taskItems(q: WorkQueue, u: UnitRow): QueueItem[] {
  const link = (to: '/review-tasks' | '/commitments' | '/tasks', due: DueFilter): QueueLink => ({ to, search: { unitId: u.unit.id, due } });
  return [
    { key: `documentTasks.dueSoon.${u.unit.id}`, label: 'workQueue.documentTasks.dueSoon', date: q.tasksDueSoonUntil, count: u.documentTasks.dueSoon, tone: 'soon', link: link('/tasks', 'due_soon') },
    { key: `documentTasks.overdue.${u.unit.id}`, label: 'workQueue.documentTasks.overdue', count: u.documentTasks.overdue, tone: 'late', link: link('/tasks', 'overdue') },
    { key: `tasks.dueSoon.${u.unit.id}`, label: 'workQueue.tasks.dueSoon', date: q.tasksDueSoonUntil, count: u.reviewTasks.dueSoon, tone: 'soon', link: link('/review-tasks', 'due_soon') },
    { key: `tasks.overdue.${u.unit.id}`, label: 'workQueue.tasks.overdue', count: u.reviewTasks.overdue, tone: 'late', link: link('/review-tasks', 'overdue') },
    { key: `commitments.dueSoon.${u.unit.id}`, label: 'workQueue.commitments.dueSoon', date: q.tasksDueSoonUntil, count: u.commitments.dueSoon, tone: 'soon', link: link('/commitments', 'due_soon') },
    { key: `commitments.overdue.${u.unit.id}`, label: 'workQueue.commitments.overdue', count: u.commitments.overdue, tone: 'late', link: link('/commitments', 'overdue') },
  ];
}

/** A unit's reporting rounds: its own report due within the week or late; rounds it opened with units late. */
export function roundItems(_q: WorkQueue, u: UnitRow): QueueItem[] {
  const link = (awaiting: RoundAwaiting): QueueLink => ({ to: '/reporting-rounds', search: { unitId: u.unit.id, awaiting } });
  return [
    { key: `rounds.myReport.${u.unit.id}`, label: 'workQueue.rounds.myReport', count: u.rounds.myReport, tone: 'soon', link: link('my_report') },
    { key: `rounds.missingBelow.${u.unit.id}`, label: 'workQueue.rounds.missingBelow', count: u.rounds.missingBelow, tone: 'late', link: link('missing_below') },
  ];
}

/** A unit's hotspots needing its action (unacknowledged or worsened below it, escalated to it): the list `queue=action`. */
export function hotspotItems(_q: WorkQueue, u: UnitRow): QueueItem[] {
  return [{ key: `hotspots.action.${u.unit.id}`, label: 'hotspots.workQueue.action', count: u.hotspots, tone: 'late', link: { to: '/hotspots', search: { unitId: u.unit.id, queue: 'action' } } }];
}

/** A unit's recommendations from supervision unanswered past their due day (the boards' and the Front's). */
export function supervisionItems(_q: WorkQueue, u: UnitRow): QueueItem[] {
  return [{ key: `supervision.overdue.${u.unit.id}`, label: 'supervision.queueOverdue', count: u.supervisionOverdue, tone: 'late', link: { to: '/supervision', search: { unitId: u.unit.id, state: 'overdue' } } }];
}

/** Everything the queue counts, summed: 0 means nothing waits. */
export function totalWaiting(q: WorkQueue): number {
  return [...entryItems(q), ...q.units.flatMap((u) => [...petitionItems(q, u), ...taskItems(q, u), ...roundItems(q, u), ...hotspotItems(q, u), ...supervisionItems(q, u)])].reduce((n, i) => n + i.count, 0);
}
