import { describe, expect, it } from 'vitest';
import type { WorkQueue } from '../../../common/work-queue';
import { validateEntrySearch } from '../entries/entry-search';
import { validatePetitionSearch } from '../petitions/petition-search';
import { validateTaskSearch } from '../tasks/task-search';
import { validateDueSearch } from './due-search';
import { validateRoundListSearch } from '../reporting-rounds/round-search';
import { validateSupervisionSearch } from '../supervision/supervision-search';
import { entryItems, petitionItems, roundItems, supervisionItems, taskItems, totalWaiting } from './work-queue-items';

const queue: WorkQueue = {
  today: '2026-12-05',
  petitionsDueSoonUntil: '2026-12-10',
  tasksDueSoonUntil: '2026-12-12',
  entries: { awaitingMyApproval: 4, myReturned: null, myDrafts: null },
  units: [{ unit: { id: '54', name: 'Thành phố Hà Nội' }, petitions: { dueSoon: 1, overdue: 2 }, reviewTasks: { dueSoon: 0, overdue: 3 }, commitments: { dueSoon: 5, overdue: 0 }, documentTasks: { dueSoon: 6, overdue: 7 }, rounds: { myReport: 8, missingBelow: 9 }, hotspots: 0, supervisionOverdue: 10 }],
};

describe('the rows of the work queue', () => {
  it('shows only the entries queues the account has, each opening the list filtered by its queue', () => {
    expect(entryItems(queue).map((i) => [i.label, i.count, i.link])).toEqual([['workQueue.entries.awaitingMyApproval', 4, { to: '/entries', search: { queue: 'awaiting_my_approval' } }]]);
    const editor = { ...queue, entries: { awaitingMyApproval: null, myReturned: 2, myDrafts: 0 } };
    expect(entryItems(editor).map((i) => i.link.search)).toEqual([{ queue: 'my_returned' }, { queue: 'my_drafts' }]);
  });

  it('opens each unit count on the list of that unit with the same filters, which the lists keep from the URL', () => {
    const [unit] = queue.units;
    for (const item of [...entryItems(queue), ...petitionItems(queue, unit!), ...taskItems(queue, unit!), ...roundItems(queue, unit!), ...supervisionItems(queue, unit!)]) {
      // A link whose filters the list page would drop would open a different list than the one counted.
      const kept =
        item.link.to === '/entries'
          ? validateEntrySearch(item.link.search)
          : item.link.to === '/petitions'
            ? validatePetitionSearch(item.link.search)
            : item.link.to === '/tasks'
              ? validateTaskSearch(item.link.search)
              : item.link.to === '/reporting-rounds'
                ? validateRoundListSearch(item.link.search)
                : item.link.to === '/supervision'
                  ? validateSupervisionSearch(item.link.search)
                  : validateDueSearch(item.link.search);
      expect(kept, item.key).toEqual(item.link.search);
    }
    expect(petitionItems(queue, unit!).map((i) => [i.count, i.link.search])).toEqual([
      [1, { unitId: '54', view: 'queue', due: 'due_soon' }],
      [2, { unitId: '54', view: 'queue', due: 'overdue' }],
    ]);
    expect(taskItems(queue, unit!).map((i) => [i.link.to, i.count])).toEqual([
      ['/tasks', 6],
      ['/tasks', 7],
      ['/review-tasks', 0],
      ['/review-tasks', 3],
      ['/commitments', 5],
      ['/commitments', 0],
    ]);
  });

  it('sums what waits', () => {
    expect(roundItems(queue, queue.units[0]!).map((i) => [i.count, i.link.search])).toEqual([
      [8, { unitId: '54', awaiting: 'my_report' }],
      [9, { unitId: '54', awaiting: 'missing_below' }],
    ]);
    expect(totalWaiting(queue)).toBe(4 + 1 + 2 + 3 + 5 + 6 + 7 + 8 + 9 + 10);
    expect(totalWaiting({ ...queue, entries: { awaitingMyApproval: 0, myReturned: null, myDrafts: null }, units: [] })).toBe(0);
  });
});
