import { describe, expect, it } from 'vitest';
import { type AnniversaryDefinition, anniversariesIn, milestoneOf } from './anniversaries.js';

const PARTY: AnniversaryDefinition = { code: 'party_mass_mobilization_day', names: { vi: 'Ngày truyền thống công tác dân vận của Đảng', en: 'x' }, originDate: '1930-10-15', baseYear: 1930, kind: 'anniversary' };
const NATIONAL: AnniversaryDefinition = { code: 'national_mass_mobilization_day', names: { vi: 'Ngày Dân vận toàn quốc' }, originDate: '1999-10-15', baseYear: 1999, kind: 'edition' };
const VETERANS: AnniversaryDefinition = { code: 'veterans_association_day', names: { vi: 'Ngày thành lập Hội Cựu chiến binh Việt Nam' }, originDate: '1989-12-06', baseYear: 1989, kind: 'anniversary' };
const LEAP: AnniversaryDefinition = { code: 'leap_day', names: { vi: 'Ngày nhuận' }, originDate: '2000-02-29', baseYear: 2000, kind: 'anniversary' };

describe('anniversaries in a period', () => {
  it('gives 2023 the 93rd anniversary of the Party\'s mass-mobilization day and the 24th National Mass Mobilization Day', () => {
    const events = anniversariesIn('2023-01-01', '2023-12-31', [PARTY, NATIONAL]);
    expect(events.map((e) => [e.code, e.date, e.ordinal, e.labelVi])).toEqual([
      ['party_mass_mobilization_day', '2023-10-15', 93, 'Kỷ niệm 93 năm Ngày truyền thống công tác dân vận của Đảng (15/10/1930 – 15/10/2023)'],
      ['national_mass_mobilization_day', '2023-10-15', 24, 'Ngày Dân vận toàn quốc lần thứ 24'],
    ]);
  });

  it('finds only the days inside the range, both ends included, over several years in date order', () => {
    expect(anniversariesIn('2023-10-16', '2023-12-31', [PARTY, NATIONAL])).toEqual([]);
    expect(anniversariesIn('2023-10-15', '2023-10-15', [NATIONAL]).map((e) => e.ordinal)).toEqual([24]);
    const q4 = anniversariesIn('2024-10-01', '2024-12-31', [VETERANS, PARTY]);
    expect(q4.map((e) => `${e.date} ${e.code} ${e.ordinal}`)).toEqual(['2024-10-15 party_mass_mobilization_day 94', '2024-12-06 veterans_association_day 35']);
    const fiveYears = anniversariesIn('2021-01-01', '2025-12-31', [NATIONAL]);
    expect(fiveYears.map((e) => e.ordinal)).toEqual([22, 23, 24, 25, 26]);
    expect(anniversariesIn('2023-12-31', '2023-01-01', [PARTY])).toEqual([]);
  });

  it('skips the years before the first anniversary and moves 29 February to the 28th in common years', () => {
    expect(anniversariesIn('1999-01-01', '2000-12-31', [NATIONAL]).map((e) => e.ordinal)).toEqual([1]);
    expect(anniversariesIn('2001-01-01', '2001-12-31', [LEAP]).map((e) => e.date)).toEqual(['2001-02-28']);
    expect(anniversariesIn('2004-01-01', '2004-12-31', [LEAP]).map((e) => e.date)).toEqual(['2004-02-29']);
  });

  it('flags round anniversaries: 10 when the ordinal ends in 0, 5 when it ends in 5', () => {
    expect([milestoneOf(95), milestoneOf(90), milestoneOf(93), milestoneOf(25), milestoneOf(1)]).toEqual([5, 10, null, 5, null]);
    const events = anniversariesIn('2025-01-01', '2025-12-31', [PARTY, NATIONAL]);
    expect(events.map((e) => [e.ordinal, e.milestone])).toEqual([
      [95, 5],
      [26, null],
    ]);
    expect(anniversariesIn('2020-10-15', '2020-10-15', [PARTY])[0]).toMatchObject({ ordinal: 90, milestone: 10, labelVi: 'Kỷ niệm 90 năm Ngày truyền thống công tác dân vận của Đảng (15/10/1930 – 15/10/2020)' });
  });
});
