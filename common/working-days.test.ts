import { describe, expect, it } from 'vitest';
import { hungKingsDayOf, isoOfJd, jdOfIso, lunarToJd, solarToLunar, tetOf } from './lunar-calendar.js';
import { statutoryHolidays, workingCalendar } from './working-days.js';

describe('lunar calendar (Hồ Ngọc Đức, UTC+7)', () => {
  it('places Tết on the published dates', () => {
    expect(tetOf(2020)).toBe('2020-01-25');
    expect(tetOf(2023)).toBe('2023-01-22');
    expect(tetOf(2024)).toBe('2024-02-10');
    expect(tetOf(2025)).toBe('2025-01-29');
    expect(tetOf(2026)).toBe('2026-02-17');
    expect(tetOf(2027)).toBe('2027-02-06');
  });

  it("places the Hùng Kings' day (10/3 lunar), also after a leap 2nd month", () => {
    expect(hungKingsDayOf(2023)).toBe('2023-04-29');
    expect(hungKingsDayOf(2024)).toBe('2024-04-18');
    expect(hungKingsDayOf(2025)).toBe('2025-04-07');
    expect(hungKingsDayOf(2026)).toBe('2026-04-26');
  });

  it('converts both ways, with leap months', () => {
    expect(solarToLunar(28, 1, 2025)).toEqual({ day: 29, month: 12, year: 2024, leap: false });
    expect(solarToLunar(22, 3, 2023)).toEqual({ day: 1, month: 2, year: 2023, leap: true });
    expect(isoOfJd(lunarToJd(1, 2, 2023, true)!)).toBe('2023-03-22');
    expect(lunarToJd(1, 5, 2023, true)).toBeUndefined();
    for (const iso of ['2024-02-09', '2025-06-15', '2026-12-31', '2000-02-29']) {
      const l = solarToLunar(...(iso.split('-').reverse().map(Number) as [number, number, number]));
      expect(isoOfJd(lunarToJd(l.day, l.month, l.year, l.leap)!)).toBe(iso);
    }
    expect(isoOfJd(jdOfIso('1999-12-31') + 1)).toBe('2000-01-01');
  });
});

describe('public holidays (Labour Code 2019, art. 112)', () => {
  const dates = (year: number, compensatory?: boolean) =>
    statutoryHolidays(year)
      .filter((h) => compensatory === undefined || h.compensatory === compensatory)
      .map((h) => h.date);

  it('lists the 11 statutory days of 2025 with the National Day pair 1–2/9', () => {
    expect(dates(2025, false)).toEqual([
      '2025-01-01',
      '2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31', '2025-02-01',
      '2025-04-07', '2025-04-30', '2025-05-01', '2025-09-01', '2025-09-02',
    ]);
  });

  it('chooses the adjacent National Day as the Government did in 2021–2024', () => {
    expect(dates(2021, false).filter((d) => d.slice(5, 7) === '09')).toEqual(['2021-09-02', '2021-09-03']);
    expect(dates(2022, false).filter((d) => d.slice(5, 7) === '09')).toEqual(['2022-09-01', '2022-09-02']);
    expect(dates(2023, false).filter((d) => d.slice(5, 7) === '09')).toEqual(['2023-09-01', '2023-09-02']);
    expect(dates(2024, false).filter((d) => d.slice(5, 7) === '09')).toEqual(['2024-09-02', '2024-09-03']);
  });

  it('gives compensatory days after holidays on a weekend', () => {
    // Tết 2024 fell on Saturday: 9–13 Feb, and the Saturday and Sunday move to 14 and 15 Feb.
    expect(dates(2024, true)).toContain('2024-02-14');
    expect(dates(2024, true)).toContain('2024-02-15');
    // Hùng Kings 2026 falls on Sunday 26 April: Monday 27 April off.
    expect(dates(2026, true)).toEqual(['2026-04-27']);
    // 2/9/2023 on Saturday: Monday 4/9 off.
    expect(dates(2023, true)).toContain('2023-09-04');
  });
});

describe('working days', () => {
  const cal = workingCalendar();

  it('skips weekends and holidays', () => {
    expect(cal.isWorkingDay('2026-02-13')).toBe(true); // Friday before Tết
    expect(cal.isWorkingDay('2026-02-14')).toBe(false); // Saturday
    expect(cal.isWorkingDay('2026-02-18')).toBe(false); // 2nd day of Tết
    expect(cal.isWorkingDay('2026-04-27')).toBe(false); // compensatory day
    expect(cal.addWorkingDays('2026-03-02', 0)).toBe('2026-03-02');
    expect(cal.addWorkingDays('2026-03-06', 1)).toBe('2026-03-09'); // Friday + 1 = Monday
  });

  it('runs a deadline across Tết', () => {
    // Received Tuesday 10 Feb 2026; 10 working days: 11, 12, 13 Feb, then Tết 16–20 Feb, then 23 Feb … 3 Mar.
    expect(cal.addWorkingDays('2026-02-10', 10)).toBe('2026-03-03');
    expect(cal.workingDaysBetween('2026-02-10', '2026-03-03')).toBe(10);
    expect(cal.workingDaysBetween('2026-03-03', '2026-02-10')).toBe(-10);
    expect(cal.workingDaysBetween('2026-02-13', '2026-02-22')).toBe(0);
  });

  it("applies the Government's decisions: a day off added, a Saturday worked", () => {
    const adjusted = workingCalendar([
      { date: '2024-02-08', kind: 'day_off', note: 'Tết 2024: nghỉ thêm' },
      { date: '2024-02-17', kind: 'working_day', note: 'Làm bù' },
    ]);
    expect(cal.isWorkingDay('2024-02-08')).toBe(true);
    expect(adjusted.isWorkingDay('2024-02-08')).toBe(false);
    expect(adjusted.isWorkingDay('2024-02-17')).toBe(true);
    expect(adjusted.holidaysOf(2024).map((h) => h.date)).toContain('2024-02-08');
    // From Wednesday 7 Feb 2024: 8 (decided), 9–13 (Tết), 14–15 (compensatory) off; Saturday 17 worked.
    expect(adjusted.addWorkingDays('2024-02-07', 2)).toBe('2024-02-17');
    expect(cal.addWorkingDays('2024-02-07', 2)).toBe('2024-02-16');
    expect(adjusted.addWorkingDays('2024-02-07', 1)).toBe('2024-02-16');
  });

  it('refuses a negative count', () => {
    expect(() => cal.addWorkingDays('2026-01-05', -1)).toThrow(RangeError);
  });
});
