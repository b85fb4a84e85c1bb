import { describe, expect, it } from 'vitest';
import { nextPeriod, type PeriodSpan, periodOfDay, periodPhrase } from './next-period.js';

const none = { year: null, quarter: null, emulationPeriod: null };
const quarter = (year: number, q: number, from: string, to: string): PeriodSpan => ({ ...none, period: 'quarter', year, quarter: q, from, to });

describe('the period after a review’s', () => {
  it('is the next quarter, across the year end too', () => {
    expect(nextPeriod(quarter(2024, 3, '2024-07-01', '2024-09-30'))).toEqual(quarter(2024, 4, '2024-10-01', '2024-12-31'));
    expect(nextPeriod(quarter(2024, 4, '2024-10-01', '2024-12-31'))).toEqual(quarter(2025, 1, '2025-01-01', '2025-03-31'));
    expect(nextPeriod(quarter(2024, 1, '2024-01-01', '2024-03-31'))).toEqual(quarter(2024, 2, '2024-04-01', '2024-06-30'));
  });

  it('is the next year', () => {
    expect(nextPeriod({ ...none, period: 'year', year: 2025, from: '2025-01-01', to: '2025-12-31' })).toEqual({ ...none, period: 'year', year: 2026, from: '2026-01-01', to: '2026-12-31' });
  });

  it('is the following emulation period of the catalogue, or one as long', () => {
    const ep: PeriodSpan = { ...none, period: 'emulation_period', emulationPeriod: { id: '2', name: '2021–2025' }, from: '2021-01-01', to: '2025-12-31' };
    expect(nextPeriod(ep, { id: '3', name: '2026–2030', start_year: 2026, end_year: 2030 })).toEqual({ ...none, period: 'emulation_period', emulationPeriod: { id: '3', name: '2026–2030' }, from: '2026-01-01', to: '2030-12-31' });
    const computed = nextPeriod(ep);
    expect(computed).toEqual({ ...none, period: 'emulation_period', from: '2026-01-01', to: '2030-12-31' });
    expect(periodPhrase(computed)).toBe('giai đoạn 2026–2030');
  });

  it('after a custom range, is the range of as many days that follows it (leap days counted)', () => {
    const custom = (from: string, to: string): PeriodSpan => ({ ...none, period: 'custom', from, to });
    expect(nextPeriod(custom('2024-03-01', '2024-05-15'))).toEqual(custom('2024-05-16', '2024-07-30'));
    expect(nextPeriod(custom('2024-02-01', '2024-02-29'))).toEqual(custom('2024-03-01', '2024-03-29'));
    expect(nextPeriod(custom('2023-12-31', '2023-12-31'))).toEqual(custom('2024-01-01', '2024-01-01'));
    expect(periodPhrase(custom('2024-05-16', '2024-07-30'))).toBe('từ ngày 16/05/2024 đến ngày 30/07/2024');
  });

  it('labels a day by the period it falls in', () => {
    expect([periodOfDay('2024-09-30', { to: '2024-09-30' }), periodOfDay('2024-10-01', { to: '2024-09-30' })]).toEqual(['current', 'next']);
    expect(periodPhrase(quarter(2024, 4, '2024-10-01', '2024-12-31'))).toBe('quý IV năm 2024');
  });
});
