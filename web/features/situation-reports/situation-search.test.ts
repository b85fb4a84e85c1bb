import { describe, expect, it } from 'vitest';
import { lastQuarter, situationListQuery, validateSituationSearch, validateSituationSummarySearch } from './situation-search';

describe('situation search', () => {
  it('keeps the filters the API takes and drops the rest', () => {
    expect(validateSituationSearch({ unitId: '37', kind: 'ad_hoc', topic: 'land', mood: 'tense', page: '3' })).toEqual({ unitId: '37', kind: 'ad_hoc', topic: 'land', mood: 'tense', page: 3 });
    expect(validateSituationSearch({ unitId: 'x', kind: 'weekly', topic: 'Land!', mood: 'angry', page: '1' })).toEqual({});
  });

  it('asks for the page in the URL, for the reader\'s unit without one', () => {
    expect(situationListQuery({ page: 2, mood: 'concerned' }, '9')).toEqual({ unitId: '9', kind: undefined, topic: undefined, mood: 'concerned', limit: 20, offset: 20 });
    expect(situationListQuery({}, undefined)).toBeNull();
  });

  it('reads the summary\'s unit, year and quarter, and the last quarter of a day', () => {
    expect(validateSituationSummarySearch({ unitId: '5', year: '2026', quarter: '5' })).toEqual({ unitId: '5', year: 2026 });
    expect(lastQuarter('2026-12-05')).toEqual({ year: 2026, quarter: 3 });
    expect(lastQuarter('2026-02-01')).toEqual({ year: 2025, quarter: 4 });
  });
});
