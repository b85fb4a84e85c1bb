import { describe, expect, it } from 'vitest';
import { validateWorkingSessionSearch, workingSessionListQuery } from './working-session-search';

describe('the working sessions list filters in the URL', () => {
  it('keep the unit, the days and the page, and drop what the API would refuse', () => {
    expect(validateWorkingSessionSearch({ unitId: '12', from: '2026-01-01', to: '2026-06-30', page: '2', bogus: 'x' })).toEqual({ unitId: '12', from: '2026-01-01', to: '2026-06-30', page: 2 });
    expect(validateWorkingSessionSearch({ unitId: 'Ninh Bình', from: '2026-02-30', to: '30/06/2026', page: '1' })).toEqual({});
  });

  it('fall back to the reader’s own unit, a page at a time', () => {
    expect(workingSessionListQuery({ from: '2026-01-01', page: 3 }, '7')).toEqual({ unitId: '7', from: '2026-01-01', to: undefined, limit: 20, offset: 40 });
    expect(workingSessionListQuery({ unitId: '12' }, '7')).toMatchObject({ unitId: '12', offset: 0 });
    expect(workingSessionListQuery({}, undefined)).toBeNull();
  });
});
