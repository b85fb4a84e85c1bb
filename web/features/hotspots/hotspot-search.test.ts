import { describe, expect, it } from 'vitest';
import { hotspotListQuery, validateHotspotSearch } from './hotspot-search';

describe('the hotspots list filters in the URL', () => {
  it('keeps what the API takes and drops the rest', () => {
    expect(validateHotspotSearch({ unitId: '12', status: 'closed', kind: 'land_dispute', severity: '3', escalated: 'true', queue: 'action', q: ' đất ', page: '2' })).toEqual({
      unitId: '12',
      status: 'closed',
      kind: 'land_dispute',
      severity: 3,
      escalated: 'true',
      queue: 'action',
      q: 'đất',
      page: 2,
    });
    expect(validateHotspotSearch({ unitId: 'x', status: 'gone', kind: 'Bad Kind', severity: '4', escalated: 'yes', queue: 'mine', page: '0' })).toEqual({});
  });

  it('asks for the open cases of the reader\'s unit by default, a page at a time', () => {
    expect(hotspotListQuery({}, '7')).toMatchObject({ unitId: '7', status: 'open', offset: 0 });
    expect(hotspotListQuery({ page: 3 }, '7')?.offset).toBe(40);
    expect(hotspotListQuery({}, undefined)).toBeNull();
  });
});

describe('the work queue\'s hotspots row', () => {
  it('opens the list of the unit with the filter the count was made with, which the list keeps from the URL', async () => {
    const { hotspotItems } = await import('../work-queue/work-queue-items');
    const unit = { unit: { id: '54', name: 'Tỉnh Ninh Bình' }, petitions: { dueSoon: 0, overdue: 0 }, reviewTasks: { dueSoon: 0, overdue: 0 }, commitments: { dueSoon: 0, overdue: 0 }, documentTasks: { dueSoon: 0, overdue: 0 }, rounds: { myReport: 0, missingBelow: 0 }, hotspots: 3, supervisionOverdue: 0 };
    const [item] = hotspotItems({ today: '2026-12-05', petitionsDueSoonUntil: '2026-12-10', tasksDueSoonUntil: '2026-12-12', entries: { awaitingMyApproval: null, myReturned: null, myDrafts: null }, units: [unit] }, unit);
    expect(item).toMatchObject({ count: 3, link: { to: '/hotspots', search: { unitId: '54', queue: 'action' } } });
    expect(validateHotspotSearch(item!.link.search)).toEqual(item!.link.search);
  });
});
