import { describe, expect, it } from 'vitest';
import { commendationListQuery, validateCommendationSearch } from './commendation-search';

describe('the commendation filters in the URL', () => {
  it('keep the known filters, typed, and drop unknown keys', () => {
    expect(validateCommendationSearch({ unitId: '42', year: '2025', periodId: 7, recipientKind: 'individual', formCode: 'certificate_of_merit', page: '3', bogus: 'x' })).toEqual({
      unitId: '42',
      year: 2025,
      periodId: '7',
      recipientKind: 'individual',
      formCode: 'certificate_of_merit',
      page: 3,
    });
  });

  it('drop values the API would refuse instead of sending them', () => {
    expect(
      validateCommendationSearch({ unitId: 'abc', year: '1999', periodId: '1.5', recipientKind: 'team', formCode: 'Bằng khen', page: '1' }),
    ).toEqual({});
    expect(validateCommendationSearch({ year: '2025.5', page: '-2' })).toEqual({});
    expect(validateCommendationSearch({ year: '', recipientKind: '', page: 'two' })).toEqual({});
  });

  it('read back what the router wrote (numbers arrive as text after a reload)', () => {
    const first = validateCommendationSearch({ year: 2026, recipientKind: 'collective', page: 2 });
    const reloaded = validateCommendationSearch(Object.fromEntries(Object.entries(first).map(([k, v]) => [k, String(v)])));
    expect(reloaded).toEqual(first);
  });

  it('turn the page into limit and offset', () => {
    expect(commendationListQuery({ year: 2025, page: 3 })).toEqual({ year: 2025, limit: 20, offset: 40 });
    expect(commendationListQuery({})).toEqual({ limit: 20, offset: 0 });
  });
});
