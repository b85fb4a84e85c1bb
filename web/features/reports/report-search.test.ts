import { describe, expect, it } from 'vitest';
import { REPORT_PERIODS } from '../../../common/reports';
import { drillDown, isIsoDate, PERIODS, reachableAncestors, reportFileUrl, resolveReportQuery, trendQuery, validateReportSearch } from './report-search';
import { rangeLabel } from './range-label';

describe('the report filters in the URL', () => {
  it('name the same periods as the contract', () => {
    expect([...PERIODS].sort()).toEqual([...REPORT_PERIODS].sort());
  });

  it('keep valid values, as numbers where the API wants numbers, and drop the rest', () => {
    expect(validateReportSearch({ unitId: '42', period: 'quarter', year: '2024', quarter: 3, bogus: 'x' })).toEqual({ unitId: '42', period: 'quarter', year: 2024, quarter: 3 });
    expect(validateReportSearch({ unitId: '4 2', period: 'month', year: '20x4', quarter: '5', periodId: 'abc', from: '2025-02-30', to: '2025-13-01' })).toEqual({});
    expect(validateReportSearch({ period: 'custom', from: '2024-02-29', to: '2024-12-31' })).toEqual({ period: 'custom', from: '2024-02-29', to: '2024-12-31' });
    expect(validateReportSearch({ year: 1900 })).toEqual({});
  });

  it('recognise real calendar days only', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDate('2024-2-1')).toBe(false);
    expect(isIsoDate(20240101)).toBe(false);
  });
});

describe('the report query', () => {
  const defaults = { unitId: '1', today: '2026-08-15' };

  it('defaults to the account unit and the current year', () => {
    expect(resolveReportQuery({}, defaults)).toEqual({ query: { unitId: '1', period: 'year', year: 2026 } });
    expect(resolveReportQuery({ unitId: '7', year: 2024 }, defaults)).toEqual({ query: { unitId: '7', period: 'year', year: 2024 } });
  });

  it('takes the current quarter when none is given, and only the chosen period’s parameters', () => {
    expect(resolveReportQuery({ period: 'quarter' }, defaults)).toEqual({ query: { unitId: '1', period: 'quarter', year: 2026, quarter: 3 } });
    expect(resolveReportQuery({ period: 'quarter', year: 2025, quarter: 1, from: '2025-01-01', periodId: '3' }, defaults)).toEqual({ query: { unitId: '1', period: 'quarter', year: 2025, quarter: 1 } });
    expect(resolveReportQuery({ period: 'emulation_period', periodId: '3', year: 2025 }, defaults)).toEqual({ query: { unitId: '1', period: 'emulation_period', periodId: '3' } });
    expect(resolveReportQuery({ period: 'custom', from: '2024-03-01', to: '2024-05-15' }, defaults)).toEqual({ query: { unitId: '1', period: 'custom', from: '2024-03-01', to: '2024-05-15' } });
  });

  it('says what is missing instead of asking the server an incomplete question', () => {
    expect(resolveReportQuery({}, { today: '2026-01-01' })).toEqual({ missing: 'unit' });
    expect(resolveReportQuery({ period: 'emulation_period' }, defaults)).toEqual({ missing: 'emulationPeriod' });
    expect(resolveReportQuery({ period: 'custom', from: '2024-01-01' }, defaults)).toEqual({ missing: 'range' });
  });

  it('passes an inverted range on, for the server to refuse with its code', () => {
    expect(resolveReportQuery({ period: 'custom', from: '2024-05-01', to: '2024-01-01' }, defaults)).toEqual({ query: { unitId: '1', period: 'custom', from: '2024-05-01', to: '2024-01-01' } });
  });

  it('drills down by changing the unit only', () => {
    expect(drillDown({ unitId: '1', period: 'quarter', year: 2025, quarter: 2 }, '9')).toEqual({ unitId: '9', period: 'quarter', year: 2025, quarter: 2 });
  });

  it('downloads the same report', () => {
    expect(reportFileUrl({ unitId: '7', period: 'quarter', year: 2025, quarter: 2 }, 'docx')).toBe('/api/reports/file?unitId=7&period=quarter&year=2025&quarter=2&format=docx');
  });

  it('asks for five years of trend when the range lies within one year, and for nothing more otherwise', () => {
    expect(trendQuery('7', { from: '2025-07-01', to: '2025-09-30' })).toEqual({ unitId: '7', period: 'custom', from: '2021-01-01', to: '2025-12-31' });
    expect(trendQuery('7', { from: '2021-01-01', to: '2025-12-31' })).toBeNull();
  });

  it('goes up only as far as the account may see', () => {
    const ancestors = [{ id: '1' }, { id: '10' }, { id: '100' }];
    expect(reachableAncestors(ancestors, ['10'])).toEqual([{ id: '10' }, { id: '100' }]);
    expect(reachableAncestors(ancestors, ['1', '100'])).toEqual(ancestors);
    expect(reachableAncestors(ancestors, ['55'])).toEqual([]);
  });
});

describe('the range in words', () => {
  const t = (key: string, o?: Record<string, unknown>) => `${key}:${JSON.stringify(o)}`;
  const date = (iso: string) => iso.split('-').reverse().join('/');

  it('names a year, several years, a quarter, or gives the dates', () => {
    expect(rangeLabel({ from: '2024-01-01', to: '2024-12-31' }, t, date)).toBe('reports.yearOf:{"year":"2024"}');
    expect(rangeLabel({ from: '2021-01-01', to: '2025-12-31' }, t, date)).toBe('2021–2025');
    expect(rangeLabel({ from: '2024-07-01', to: '2024-09-30' }, t, date)).toBe('reports.quarterOf:{"quarter":3,"year":"2024"}');
    expect(rangeLabel({ from: '2024-07-01', to: '2024-09-29' }, t, date)).toBe('01/07/2024 – 29/09/2024');
    expect(rangeLabel({ from: '2024-03-01', to: '2024-05-15' }, t, date)).toBe('01/03/2024 – 15/05/2024');
  });
});
