/**
 * A report range in words, in the interface language: "Year 2024", "Quarter 3/2024", "2021–2025",
 * or the two dates. The server's own `label` is Vietnamese (for documents); the page builds its own.
 */
import type { ReportRange } from '../../../common/reports';

type Translate = (key: string, options?: Record<string, unknown>) => string;

const QUARTER_STARTS = ['01-01', '04-01', '07-01', '10-01'];
const QUARTER_ENDS = ['03-31', '06-30', '09-30', '12-31'];

/**
 * `inSentence`: the words as they read inside a sentence ("so với năm 2025"), where a heading
 * writes "Năm 2025".
 */
export function rangeLabel(range: Pick<ReportRange, 'from' | 'to'>, t: Translate, date: (iso: string) => string, position: 'heading' | 'inSentence' = 'heading'): string {
  const [fromYear, fromDay] = [range.from.slice(0, 4), range.from.slice(5)];
  const [toYear, toDay] = [range.to.slice(0, 4), range.to.slice(5)];
  const inSentence = position === 'inSentence';
  if (fromDay === '01-01' && toDay === '12-31') {
    return fromYear === toYear ? t(inSentence ? 'reports.yearInSentence' : 'reports.yearOf', { year: fromYear }) : `${fromYear}–${toYear}`;
  }
  const quarter = QUARTER_STARTS.indexOf(fromDay);
  if (fromYear === toYear && quarter !== -1 && QUARTER_ENDS[quarter] === toDay) return t(inSentence ? 'reports.quarterInSentence' : 'reports.quarterOf', { quarter: quarter + 1, year: fromYear });
  return `${date(range.from)} – ${date(range.to)}`;
}
