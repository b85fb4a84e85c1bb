/**
 * A report's range and the previous one as pieces of the summaries (migration
 * 20261205300000_report_summaries): whole years, quarters and months (`grain`, `period` = 2024,
 * 20243, 202407), and the days left at the edges of a custom range, which are counted from the
 * records themselves. Pure.
 *
 * A year-basis range is whole years of `entries.year` (and, for commendations and petitions, whole
 * calendar years of their days: the same periods). A range by registration day is cut into
 * quarters and months only: a summary's `y` of entries is their declared year, not the year of
 * their registration day.
 */
import type { ReportRange } from '../../../common/reports.js';

export type Grain = 'y' | 'q' | 'm';
/** `which`: 0 the range, 1 the previous range. */
export type Piece = { grain: Grain; period: number; which: 0 | 1 };
/** Days (both included) counted from the records. */
export type Edge = { from: string; to: string; which: 0 | 1 };
export type Pieces = { pieces: Piece[]; edges: Edge[] };

const DAY = 86_400_000;
const parse = (iso: string) => Date.parse(`${iso}T00:00:00Z`);
const iso = (t: number) => new Date(t).toISOString().slice(0, 10);
const addDays = (day: string, n: number) => iso(parse(day) + n * DAY);
/** The last day of the month, quarter or year that `day` (its first day) starts. */
function endOf(day: string, months: number): string {
  const d = new Date(parse(day));
  return iso(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1) - DAY);
}

/** Cuts [from, to] into the largest whole periods of `grains` (in that order of preference) and edge days. */
export function cutDays(from: string, to: string, which: 0 | 1, grains: readonly Grain[]): Pieces {
  const out: Pieces = { pieces: [], edges: [] };
  let day = from;
  while (day <= to) {
    const [y, m, d] = day.split('-').map(Number) as [number, number, number];
    const whole = (grain: Grain, months: number, starts: boolean) => grains.includes(grain) && starts && endOf(day, months) <= to;
    if (whole('y', 12, m === 1 && d === 1)) {
      out.pieces.push({ grain: 'y', period: y, which });
      day = addDays(endOf(day, 12), 1);
    } else if (whole('q', 3, d === 1 && m % 3 === 1)) {
      out.pieces.push({ grain: 'q', period: y * 10 + (m + 2) / 3, which });
      day = addDays(endOf(day, 3), 1);
    } else if (whole('m', 1, d === 1)) {
      out.pieces.push({ grain: 'm', period: y * 100 + m, which });
      day = addDays(endOf(day, 1), 1);
    } else {
      // Up to the end of this month (or of the range): the next day starts a month.
      const monthEnd = endOf(`${day.slice(0, 8)}01`, 1);
      const end = monthEnd < to ? monthEnd : to;
      const last = out.edges.at(-1);
      if (last && addDays(last.to, 1) === day) last.to = end;
      else out.edges.push({ from: day, to: end, which });
      day = addDays(end, 1);
    }
  }
  return out;
}

/** The pieces of a report's range and its previous one. */
export function reportPieces(range: ReportRange, previous: ReportRange): Pieces {
  if (range.basis === 'year') {
    const years = (r: ReportRange, which: 0 | 1): Piece[] => {
      const out: Piece[] = [];
      for (let y = Number(r.from.slice(0, 4)); y <= Number(r.to.slice(0, 4)); y++) out.push({ grain: 'y', period: y, which });
      return out;
    };
    return { pieces: [...years(range, 0), ...years(previous, 1)], edges: [] };
  }
  const a = cutDays(range.from, range.to, 0, ['q', 'm']);
  const b = cutDays(previous.from, previous.to, 1, ['q', 'm']);
  return { pieces: [...a.pieces, ...b.pieces], edges: [...a.edges, ...b.edges] };
}

/** True when each of the range and the previous one is a single summary period: distinct counts can be read as kept. */
export function singlePieces(p: Pieces): boolean {
  return p.edges.length === 0 && p.pieces.filter((x) => x.which === 0).length === 1 && p.pieces.filter((x) => x.which === 1).length <= 1;
}
