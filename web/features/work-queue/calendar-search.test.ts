import { describe, expect, it } from 'vitest';
import { monthGrid, monthRange, shiftMonth, validateCalendarSearch, validateDigestSearch } from './calendar-search';

describe('the calendar in the URL', () => {
  it('keeps valid values and drops those the API would refuse', () => {
    expect(validateCalendarSearch({ unitId: '12', month: '2026-12', day: '2026-12-05' })).toEqual({ unitId: '12', month: '2026-12', day: '2026-12-05' });
    expect(validateCalendarSearch({ unitId: 'x', month: '2026-13', day: '2026-02-30' })).toEqual({});
    // A day outside the month shown is dropped; without a month it is kept.
    expect(validateCalendarSearch({ month: '2026-12', day: '2026-11-30' })).toEqual({ month: '2026-12' });
    expect(validateCalendarSearch({ day: '2026-11-30' })).toEqual({ day: '2026-11-30' });
    expect(validateDigestSearch({ unitId: '7', day: '2026-12-04', other: 'x' })).toEqual({ unitId: '7', day: '2026-12-04' });
    expect(validateDigestSearch({ day: 'yesterday' })).toEqual({});
  });

  it('computes months: their range, the next and previous, and the grid from Monday', () => {
    expect(monthRange('2026-02')).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(monthRange('2028-02')).toEqual({ from: '2028-02-01', to: '2028-02-29' });
    expect(monthRange('2026-12')).toEqual({ from: '2026-12-01', to: '2026-12-31' });
    expect(shiftMonth('2026-12', 1)).toBe('2027-01');
    expect(shiftMonth('2026-01', -1)).toBe('2025-12');
    // 1 December 2026 is a Tuesday: one empty cell before it; 31 December a Thursday: three after.
    const grid = monthGrid('2026-12');
    expect(grid[0]).toEqual([null, '2026-12-01', '2026-12-02', '2026-12-03', '2026-12-04', '2026-12-05', '2026-12-06']);
    expect(grid.at(-1)).toEqual(['2026-12-28', '2026-12-29', '2026-12-30', '2026-12-31', null, null, null]);
    expect(grid.flat().filter(Boolean)).toHaveLength(31);
  });
});
