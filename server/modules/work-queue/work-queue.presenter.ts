/** What leaves the server about the work queue: counts, and the names of the caller's own units. */
import type { WorkQueue } from '../../../common/work-queue.js';
import type { WorkQueueRecord } from './work-queue.service.js';

export function presentWorkQueue(q: WorkQueueRecord): WorkQueue {
  return {
    today: q.today,
    petitionsDueSoonUntil: q.petitionsDueSoonUntil,
    tasksDueSoonUntil: q.tasksDueSoonUntil,
    entries: q.entries,
    units: q.units.map((u) => ({ unit: { id: u.id, name: u.name }, petitions: u.petitions, reviewTasks: u.reviewTasks, commitments: u.commitments, documentTasks: u.documentTasks, rounds: u.rounds, hotspots: u.hotspots, supervisionOverdue: u.supervisionOverdue })),
  };
}
