import { describe, expect, it } from 'vitest';
import { participantQuery, roundListQuery, validateRoundDetailSearch, validateRoundListSearch } from './round-search';

describe('the reporting rounds filters in the URL', () => {
  it('keep the known filters and drop what the API would refuse', () => {
    expect(validateRoundListSearch({ unitId: '12', status: 'closed', page: '2', bogus: 'x' })).toEqual({ unitId: '12', status: 'closed', page: 2 });
    expect(validateRoundListSearch({ unitId: 'Ninh Bình', status: 'archived', page: '1' })).toEqual({});
    expect(validateRoundDetailSearch({ unitId: 7, state: 'returned', late: 'true', page: '3' })).toEqual({ unitId: '7', state: 'returned', late: 'true', page: 3 });
    expect(validateRoundDetailSearch({ state: 'lost', late: 'yes', page: '-1' })).toEqual({});
    expect(validateRoundDetailSearch({ completeness: 'missing_overdue' })).toEqual({ completeness: 'missing_overdue' });
    expect(validateRoundDetailSearch({ completeness: 'all' })).toEqual({});
  });

  it('ask for the reader own unit when the URL names none, and nothing before it is known', () => {
    expect(roundListQuery({ status: 'open', page: 3 }, '5')).toEqual({ unitId: '5', status: 'open', limit: 20, offset: 40 });
    expect(roundListQuery({ unitId: '9' }, '5')).toEqual({ unitId: '9', status: undefined, limit: 20, offset: 0 });
    expect(roundListQuery({}, undefined)).toBeNull();
  });

  it('turn the participants page into limit and offset', () => {
    expect(participantQuery({ unitId: '4', late: 'false', page: 2 })).toEqual({ unitId: '4', state: undefined, late: 'false', limit: 20, offset: 20 });
    expect(participantQuery({ completeness: 'missing' })).toMatchObject({ completeness: 'missing', offset: 0 });
  });
});
