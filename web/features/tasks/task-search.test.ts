import { describe, expect, it } from 'vitest';
import { taskListQuery, validateRollupSearch, validateTaskSearch } from './task-search';

describe('the task list filters in the URL', () => {
  it('keep the known filters and drop what the API would refuse', () => {
    expect(validateTaskSearch({ unitId: '12', documentId: '7', status: 'open', due: 'overdue', page: '2', bogus: 'x' })).toEqual({ unitId: '12', documentId: '7', status: 'open', due: 'overdue', page: 2 });
    expect(validateTaskSearch({ unitId: 'Ninh Bình', documentId: '-1', status: 'closed', due: 'today', page: '1' })).toEqual({});
  });

  it('ask for the unit’s subtree, leaves only, a page at a time', () => {
    expect(taskListQuery({ unitId: '12', due: 'due_soon', page: 3 })).toEqual({ ownerUnitId: '12', due: 'due_soon', leaf: 'true', limit: 20, offset: 40 });
    expect(taskListQuery({})).toEqual({ ownerUnitId: undefined, leaf: 'true', limit: 20, offset: 0 });
  });

  it('keep the roll-up’s unit only when it is an id', () => {
    expect(validateRollupSearch({ unitId: '34' })).toEqual({ unitId: '34' });
    expect(validateRollupSearch({ unitId: '34; drop' })).toEqual({});
  });
});
