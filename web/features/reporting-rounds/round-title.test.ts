import { describe, expect, it } from 'vitest';
import { calendarPeriod } from './round-title';

describe('the calendar period a round covers', () => {
  it('is a month, a quarter, a half or a year when the dates are exactly one', () => {
    expect(calendarPeriod('2026-11-01', '2026-11-30')).toEqual({ kind: 'month', n: 11, year: 2026 });
    expect(calendarPeriod('2028-02-01', '2028-02-29')).toEqual({ kind: 'month', n: 2, year: 2028 });
    expect(calendarPeriod('2026-07-01', '2026-09-30')).toEqual({ kind: 'quarter', n: 3, year: 2026 });
    expect(calendarPeriod('2026-01-01', '2026-06-30')).toEqual({ kind: 'half', n: 1, year: 2026 });
    expect(calendarPeriod('2026-07-01', '2026-12-31')).toEqual({ kind: 'half', n: 2, year: 2026 });
    expect(calendarPeriod('2026-01-01', '2026-12-31')).toEqual({ kind: 'year', n: 1, year: 2026 });
  });

  it('is none for any other span', () => {
    // A cut-off on the 15th, three months not on a quarter, a period across two years, a short last day.
    expect(calendarPeriod('2026-06-15', '2026-09-14')).toBeNull();
    expect(calendarPeriod('2026-02-01', '2026-04-30')).toBeNull();
    expect(calendarPeriod('2025-10-01', '2026-03-31')).toBeNull();
    expect(calendarPeriod('2026-07-01', '2026-09-29')).toBeNull();
    expect(calendarPeriod('2026-02-01', '2026-02-28x')).toBeNull();
  });
});
