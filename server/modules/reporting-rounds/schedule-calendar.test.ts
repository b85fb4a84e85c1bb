import { describe, expect, it } from 'vitest';
import { workingCalendar } from '../../../common/working-days.js';
import { type CalendarRule, nextPeriod } from './schedule-calendar.js';

const calendar = workingCalendar();
const quarterly = (over: Partial<CalendarRule> = {}): CalendarRule => ({ periodKind: 'quarter', cutoffDay: null, dueOffsetDays: 3, shiftToWorkingDay: true, ...over });

describe('the calendar rule of a schedule', () => {
  it('gives the quarter just ended while its due day is still ahead, shifted off a weekend', () => {
    // 3 October 2026 is a Saturday: due on Monday the 5th.
    expect(nextPeriod(quarterly(), '2026-10-01', calendar)).toEqual({
      periodFrom: '2026-07-01',
      periodTo: '2026-09-30',
      dueOn: '2026-10-05',
      unshiftedDueOn: '2026-10-03',
      suggestedTitle: 'Báo cáo quý III/2026',
    });
    expect(nextPeriod(quarterly({ shiftToWorkingDay: false }), '2026-10-01', calendar).dueOn).toBe('2026-10-03');
  });

  it('counts the due day itself as still ahead, and the day after as the next period', () => {
    expect(nextPeriod(quarterly(), '2026-10-05', calendar).periodTo).toBe('2026-09-30');
    expect(nextPeriod(quarterly(), '2026-10-06', calendar)).toMatchObject({ periodFrom: '2026-10-01', periodTo: '2026-12-31', suggestedTitle: 'Báo cáo quý IV/2026' });
  });

  it('moves a due day off a public holiday and the weekend after it', () => {
    // 1 January 2027 (New Year) is a Friday.
    expect(nextPeriod(quarterly({ dueOffsetDays: 1 }), '2026-12-15', calendar)).toMatchObject({ unshiftedDueOn: '2027-01-01', dueOn: '2027-01-04' });
  });

  it("follows the Government's decisions: a decreed day off moves the due day again", () => {
    const decreed = workingCalendar([{ date: '2026-10-05', kind: 'day_off' }]);
    expect(nextPeriod(quarterly(), '2026-10-01', decreed).dueOn).toBe('2026-10-06');
  });

  it('runs periods from the day after the cut-off ("Báo cáo quý III/2023, hạn 20/9")', () => {
    expect(nextPeriod(quarterly({ cutoffDay: 14, dueOffsetDays: 6, shiftToWorkingDay: false }), '2023-09-01', calendar)).toEqual({
      periodFrom: '2023-06-15',
      periodTo: '2023-09-14',
      dueOn: '2023-09-20',
      unshiftedDueOn: '2023-09-20',
      suggestedTitle: 'Báo cáo quý III/2023',
    });
    // A cut-off in January's quarter starts in the previous year's December.
    expect(nextPeriod(quarterly({ cutoffDay: 14, dueOffsetDays: 6 }), '2024-03-01', calendar)).toMatchObject({ periodFrom: '2023-12-15', periodTo: '2024-03-14' });
  });

  it('names months, halves and years as officers do', () => {
    const rule = (periodKind: CalendarRule['periodKind']) => ({ periodKind, cutoffDay: null, dueOffsetDays: 5, shiftToWorkingDay: false });
    expect(nextPeriod(rule('month'), '2026-03-02', calendar)).toMatchObject({ periodFrom: '2026-02-01', periodTo: '2026-02-28', suggestedTitle: 'Báo cáo tháng 2/2026' });
    expect(nextPeriod(rule('half'), '2026-07-01', calendar)).toMatchObject({ periodFrom: '2026-01-01', periodTo: '2026-06-30', suggestedTitle: 'Báo cáo 6 tháng đầu năm 2026' });
    expect(nextPeriod(rule('half'), '2026-07-06', calendar)).toMatchObject({ periodTo: '2026-12-31', suggestedTitle: 'Báo cáo 6 tháng cuối năm 2026' });
    expect(nextPeriod(rule('year'), '2026-12-01', calendar)).toMatchObject({ periodFrom: '2026-01-01', periodTo: '2026-12-31', dueOn: '2027-01-05', suggestedTitle: 'Báo cáo năm 2026' });
  });

  it('puts a due day before the period ends when the offset is negative', () => {
    expect(nextPeriod(quarterly({ dueOffsetDays: -10, shiftToWorkingDay: false }), '2026-09-15', calendar)).toMatchObject({ periodTo: '2026-09-30', dueOn: '2026-09-20' });
  });

  it('runs a weekly rule Monday to Sunday, across a year, off holidays', () => {
    const weekly = (over: Partial<CalendarRule> = {}): CalendarRule => ({ periodKind: 'week', cutoffDay: null, dueOffsetDays: 1, shiftToWorkingDay: true, ...over });
    // Week of Monday 30 November 2026; due Monday 7 December.
    expect(nextPeriod(weekly(), '2026-12-07', calendar)).toEqual({
      periodFrom: '2026-11-30',
      periodTo: '2026-12-06',
      dueOn: '2026-12-07',
      unshiftedDueOn: '2026-12-07',
      suggestedTitle: 'Báo cáo tuần từ ngày 30/11 đến ngày 06/12/2026',
    });
    expect(nextPeriod(weekly(), '2026-12-08', calendar)).toMatchObject({ periodFrom: '2026-12-07', periodTo: '2026-12-13' });
    // A week across the new year names both years; its due day, 1 January 2027, is a holiday: Monday the 4th.
    expect(nextPeriod(weekly({ dueOffsetDays: -2 }), '2026-12-29', calendar)).toMatchObject({
      periodFrom: '2026-12-28',
      periodTo: '2027-01-03',
      unshiftedDueOn: '2027-01-01',
      dueOn: '2027-01-04',
      suggestedTitle: 'Báo cáo tuần từ ngày 28/12/2026 đến ngày 03/01/2027',
    });
    // Every week starts on a Monday and follows the one before (unshifted: around Tết two weeks
    // may share a shifted due day).
    const plain = weekly({ shiftToWorkingDay: false });
    let p = nextPeriod(plain, '2026-01-01', calendar);
    for (let i = 0; i < 60; i++) {
      expect(new Date(`${p.periodFrom}T00:00:00Z`).getUTCDay()).toBe(1);
      const q = nextPeriod(plain, addOne(p.dueOn), calendar);
      expect(q.periodFrom).toBe(addOne(p.periodTo));
      p = q;
    }
  });
});

function addOne(d: string): string {
  const x = new Date(`${d}T00:00:00Z`);
  x.setUTCDate(x.getUTCDate() + 1);
  return x.toISOString().slice(0, 10);
}
