import { describe, expect, it } from 'vitest';
import { emulationPeriodName, type PeriodLike, periodLabel, type PeriodWords } from './period-label';

const words: PeriodWords = {
  quarter: (quarter, year) => `Quý ${quarter}/${year}`,
  year: (year) => `Năm ${year}`,
  emulationPeriod: (name) => `Giai đoạn ${name}`,
  range: (from, to) => `${from} – ${to}`,
};

/** "2021–2025 (2021–2025)", "Giai đoạn Giai đoạn …": a label that says the same thing twice. */
function doubled(label: string): boolean {
  return /(\d{4}\s*[–-]\s*\d{4}).*\1/u.test(label) || /(\p{L}+ \p{L}+) \1/u.test(label);
}

describe('period labels', () => {
  const cases: [PeriodLike, string][] = [
    [{ kind: 'quarter', year: 2026, quarter: 1, from: '2026-01-01', to: '2026-03-31' }, 'Quý 1/2026'],
    [{ kind: 'year', year: 2025, from: '2025-01-01', to: '2025-12-31' }, 'Năm 2025'],
    // The seeded periods are named by their years.
    [{ kind: 'emulation_period', emulationPeriod: { name: '2021–2025', startYear: 2021, endYear: 2025 }, from: '2021-01-01', to: '2025-12-31' }, 'Giai đoạn 2021–2025'],
    // A conference carries the period's name only: the years come from its dates.
    [{ kind: 'emulation_period', emulationPeriod: { name: '2021–2025' }, from: '2021-01-01', to: '2025-12-31' }, 'Giai đoạn 2021–2025'],
    [{ kind: 'emulation_period', emulationPeriod: { name: 'Giai đoạn 2021 - 2025' }, from: '2021-01-01', to: '2025-12-31' }, 'Giai đoạn 2021 - 2025'],
    [{ kind: 'emulation_period', emulationPeriod: { name: 'Đợt thi đua đặc biệt' }, from: '2024-01-01', to: '2026-12-31' }, 'Đợt thi đua đặc biệt (2024–2026)'],
    [{ kind: 'emulation_period', emulationPeriod: { name: 'Đợt thi đua 80 ngày' }, from: '2025-01-01', to: '2025-12-31' }, 'Đợt thi đua 80 ngày (2025)'],
    [{ kind: 'custom', from: '2026-01-01', to: '2026-06-30' }, '2026-01-01 – 2026-06-30'],
  ];

  it.each(cases)('labels %j as %s, saying nothing twice', (period, label) => {
    expect(periodLabel(period, words)).toBe(label);
    expect(doubled(periodLabel(period, words))).toBe(false);
  });

  it('names an emulation period in a list by its name, with its years only when the name lacks them', () => {
    expect(emulationPeriodName({ name: '2021–2025', startYear: 2021, endYear: 2025 })).toBe('2021–2025');
    expect(emulationPeriodName({ name: 'Giai đoạn 2026–2030', startYear: 2026, endYear: 2030 })).toBe('Giai đoạn 2026–2030');
    expect(emulationPeriodName({ name: 'Đợt đặc biệt', startYear: 2024, endYear: 2024 })).toBe('Đợt đặc biệt (2024)');
    // A name with one of the two years still needs the span.
    expect(emulationPeriodName({ name: 'Thi đua 2021', startYear: 2021, endYear: 2025 })).toBe('Thi đua 2021 (2021–2025)');
    expect(doubled(emulationPeriodName({ name: '2016–2020', startYear: 2016, endYear: 2020 }))).toBe(false);
  });

  it('falls back to the dates when a quarter or a year lacks its numbers', () => {
    expect(periodLabel({ kind: 'quarter', year: 2026, quarter: null, from: '2026-01-01', to: '2026-03-31' }, words)).toBe('2026-01-01 – 2026-03-31');
    expect(periodLabel({ kind: 'emulation_period', emulationPeriod: null, from: '2021-01-01', to: '2025-12-31' }, words)).toBe('2021-01-01 – 2025-12-31');
  });
});
