/**
 * A reviewed or reported period in words, one rule for every page: "Quý 2/2025", "Năm 2025",
 * "Giai đoạn 2021–2025", or the two dates. An emulation period is data, named by whoever added it:
 * its years are added to a name that does not already say them ("Đợt thi đua đặc biệt (2024–2026)"),
 * never to one that does (the seeded periods are named "2021–2025": "2021–2025 (2021–2025)" was
 * the double the officers saw). Pure: the words come from the caller.
 */

export type EmulationPeriodName = { name: string; startYear?: number | null; endYear?: number | null };

export type PeriodKind = 'quarter' | 'year' | 'emulation_period' | 'custom';

export type PeriodLike = {
  kind: PeriodKind;
  year?: number | null;
  quarter?: number | null;
  emulationPeriod?: EmulationPeriodName | null;
  /** First and last day (ISO); the years of an emulation period are read from them when it carries none. */
  from: string;
  to: string;
};

export type PeriodWords = {
  quarter: (quarter: number, year: number) => string;
  year: (year: number) => string;
  /** The kind word before a name that is only years: "Giai đoạn 2021–2025". */
  emulationPeriod: (name: string) => string;
  range: (from: string, to: string) => string;
};

const yearsText = (start: number, end: number) => (start === end ? String(start) : `${start}–${end}`);

/** A name that is only years ("2021–2025", "2021 - 2025", "2024"): the kind word may go before it. */
const BARE_YEARS = /^\s*\d{4}(\s*[–—-]\s*\d{4})?\s*$/u;

/** The period's name, with its years when the name does not say them already. */
export function emulationPeriodName(p: EmulationPeriodName): string {
  const name = p.name.trim();
  if (!p.startYear || !p.endYear) return name;
  const years: string[] = name.match(/\d{4}/gu) ?? [];
  const said = years.includes(String(p.startYear)) && years.includes(String(p.endYear));
  return said ? name : `${name} (${yearsText(p.startYear, p.endYear)})`;
}

export function periodLabel(p: PeriodLike, words: PeriodWords): string {
  if (p.kind === 'quarter' && p.year && p.quarter) return words.quarter(p.quarter, p.year);
  if (p.kind === 'year' && p.year) return words.year(p.year);
  if (p.kind === 'emulation_period' && p.emulationPeriod) {
    const named = {
      ...p.emulationPeriod,
      startYear: p.emulationPeriod.startYear ?? Number(p.from.slice(0, 4)),
      endYear: p.emulationPeriod.endYear ?? Number(p.to.slice(0, 4)),
    };
    const name = emulationPeriodName(named);
    return BARE_YEARS.test(named.name) && name === named.name.trim() ? words.emulationPeriod(name) : name;
  }
  return words.range(p.from, p.to);
}
