import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { outsideDeadlineRange, taskDeadlineRange } from './review-task-deadline';

describe('the days a key task may be due', () => {
  it('run from the start of the period to five years after its end', () => {
    expect(taskDeadlineRange({ from: '2023-01-01', to: '2023-12-31' })).toEqual({ first: '2023-01-01', last: '2028-12-31' });
    expect(taskDeadlineRange({ from: '2024-07-01', to: '2024-09-30' })).toEqual({ first: '2024-07-01', last: '2029-09-30' });
  });

  it('grey out the days before and after, not the first and last', () => {
    const outside = outsideDeadlineRange(taskDeadlineRange({ from: '2023-01-01', to: '2023-12-31' }));
    expect(outside(dayjs('2022-12-31'))).toBe(true);
    expect(outside(dayjs('2023-01-01'))).toBe(false);
    expect(outside(dayjs('2026-06-30'))).toBe(false);
    expect(outside(dayjs('2028-12-31'))).toBe(false);
    expect(outside(dayjs('2029-01-01'))).toBe(true);
    // A slip of the year (20230 typed as 2030) is out of range.
    expect(outside(dayjs('2030-06-30'))).toBe(true);
  });
});
