import { describe, expect, it } from 'vitest';
import { formatYear, yearsOfPeriod } from './coordination.api';
import { programListQuery, validateProgramSearch } from './coordination-search';

describe('the programs list in the URL', () => {
  it('keeps what the API accepts and drops the rest', () => {
    expect(validateProgramSearch({ unitId: '12', force: 'coast_guard', page: '3' })).toEqual({ unitId: '12', force: 'coast_guard', page: 3 });
    expect(validateProgramSearch({ unitId: 'abc', force: 'Cảnh sát', page: '0' })).toEqual({});
  });

  it('turns the page into limit and offset', () => {
    expect(programListQuery({ force: 'army', page: 2 })).toEqual({ force: 'army', limit: 20, offset: 20 });
  });
});

describe('the years a yearly plan may have', () => {
  it('are the calendar years the period touches', () => {
    expect(yearsOfPeriod('2023-01-01', '2027-12-31')).toEqual([2023, 2024, 2025, 2026, 2027]);
    expect(yearsOfPeriod('2023-07-01', '2024-06-30')).toEqual([2023, 2024]);
  });
});

describe('a year as the reader writes it', () => {
  it('has the language’s digits and no grouping', () => {
    expect(formatYear(2026, 'vi')).toBe('2026');
    expect(formatYear(2026, 'pl')).toBe('2026');
    expect(formatYear(2026, 'ar')).toBe('٢٠٢٦');
  });
});
