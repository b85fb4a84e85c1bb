/**
 * The small Vietnamese phrases a report's documents are made of: numbers, dates, the name of a
 * period, the place of a unit. Pure functions. Who issues a unit's documents:
 * server/documents/party-issuing-body.ts.
 */
import type { ReportRange } from '../../../common/reports.js';

const NUMBER = new Intl.NumberFormat('vi-VN');
const PERCENT = new Intl.NumberFormat('vi-VN', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** 1234567 → "1.234.567". */
export const num = (n: number) => NUMBER.format(n);
/** 22 → "22,0". */
export const percent = (n: number) => PERCENT.format(n);

/** ISO date → "05/02/2024", "15/12/2024" (day before 10 and months 1–2 with a zero, as officials write them). */
export function dayMonthYear(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return `${String(d).padStart(2, '0')}/${m <= 2 ? String(m).padStart(2, '0') : m}/${y}`;
}

const ROMAN = ['I', 'II', 'III', 'IV'];

/**
 * The period as it reads inside a sentence: "năm 2024", "Quý III/2024", "giai đoạn 2021–2025",
 * "từ ngày 01/3/2024 đến ngày 15/5/2024". Worked out from the dates, not the label, so the wording
 * does not hang on how the engine labels a range.
 */
export function periodName(range: ReportRange): string {
  const fromYear = range.from.slice(0, 4);
  const toYear = range.to.slice(0, 4);
  const wholeYears = range.from.endsWith('-01-01') && range.to.endsWith('-12-31');
  if (range.period === 'quarter') return `Quý ${ROMAN[Math.floor((Number(range.from.slice(5, 7)) - 1) / 3)]}/${fromYear}`;
  if (range.period === 'year' || range.period === 'emulation_period' || wholeYears) {
    return fromYear === toYear ? `năm ${fromYear}` : `giai đoạn ${fromYear}–${toYear}`;
  }
  return `từ ngày ${dayMonthYear(range.from)} đến ngày ${dayMonthYear(range.to)}`;
}

export const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
export const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

/** "Tỉnh Ninh Bình" → "Ninh Bình": the place name of the heading's date line. */
export function placeName(unitName: string): string {
  return unitName.replace(/^(Tỉnh|Thành phố|Huyện|Quận|Thị xã|Xã|Phường|Thị trấn|Đặc khu)\s+/u, '').trim() || unitName;
}
