/**
 * The report's and the dashboard's filters as they live in the URL (`?unitId=…&period=quarter&year=2025&quarter=3`),
 * so a report can be shared, reloaded and drilled down with the back button working.
 */
import type { ReportFormat, ReportPeriod, ReportQuery } from '../../../common/reports';
import { apiUrl } from '../../app/api-client';

/**
 * The router imports this file into the start-up bundle, and common/reports.ts would bring zod
 * with it: the period names are repeated here, checked against the contract by the compiler
 * (`satisfies`) and by report-search.test.ts (same list).
 */
export const PERIODS = ['year', 'quarter', 'emulation_period', 'custom'] as const satisfies readonly ReportPeriod[];

export type ReportSearch = {
  unitId?: string;
  period?: ReportPeriod;
  year?: number;
  quarter?: number;
  periodId?: string;
  from?: string;
  to?: string;
};

const ID = /^\d{1,18}$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar day written YYYY-MM-DD (2025-02-30 is not). */
export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.getUTCFullYear() === Number(m[1]) && date.getUTCMonth() + 1 === Number(m[2]) && date.getUTCDate() === Number(m[3]);
}

function integer(value: unknown, min: number, max: number): number | undefined {
  const n = typeof value === 'number' ? value : typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : Number.NaN;
  return Number.isInteger(n) && n >= min && n <= max ? n : undefined;
}

/** The filters from the URL: known keys with valid values only, whatever the link says. */
export function validateReportSearch(search: Record<string, unknown>): ReportSearch {
  const out: ReportSearch = {};
  if (typeof search.unitId === 'string' && ID.test(search.unitId)) out.unitId = search.unitId;
  if ((PERIODS as readonly unknown[]).includes(search.period)) out.period = search.period as ReportPeriod;
  const year = integer(search.year, 1945, 2100);
  if (year !== undefined) out.year = year;
  const quarter = integer(search.quarter, 1, 4);
  if (quarter !== undefined) out.quarter = quarter;
  if (typeof search.periodId === 'string' && ID.test(search.periodId)) out.periodId = search.periodId;
  if (isIsoDate(search.from)) out.from = search.from;
  if (isIsoDate(search.to)) out.to = search.to;
  return out;
}

/** What is missing before a report can be asked for. */
export type ReportQueryResult = { query: ReportQuery } | { missing: 'unit' | 'emulationPeriod' | 'range' };

/**
 * The API query for the filters: a year by default (the current one), the current quarter when
 * a quarter is asked for without one, and only the parameters of the chosen period (so two URLs
 * that mean the same report share one cache entry). An inverted custom range is passed on: the
 * server answers it with a clear error.
 */
export function resolveReportQuery(search: ReportSearch, defaults: { unitId?: string; today: string }): ReportQueryResult {
  const unitId = search.unitId ?? defaults.unitId;
  if (!unitId) return { missing: 'unit' };
  const period = search.period ?? 'year';
  const thisYear = Number(defaults.today.slice(0, 4));
  switch (period) {
    case 'year':
      return { query: { unitId, period, year: search.year ?? thisYear } };
    case 'quarter':
      return { query: { unitId, period, year: search.year ?? thisYear, quarter: search.quarter ?? Math.floor((Number(defaults.today.slice(5, 7)) - 1) / 3) + 1 } };
    case 'emulation_period':
      return search.periodId ? { query: { unitId, period, periodId: search.periodId } } : { missing: 'emulationPeriod' };
    case 'custom':
      return search.from && search.to ? { query: { unitId, period, from: search.from, to: search.to } } : { missing: 'range' };
  }
}

/** The filters of the same report for another unit (the drill-down into a child). */
export function drillDown(search: ReportSearch, unitId: string): ReportSearch {
  return { ...search, unitId };
}

/** The download of the same report as a document (GET /api/reports/file). */
export function reportFileUrl(query: ReportQuery, format: Exclude<ReportFormat, 'json'>): string {
  return apiUrl('/api/reports/file', { ...query, format });
}

/**
 * The query of the dashboard's "entries by year" chart: the report itself when its range spans
 * several calendar years, otherwise the five years up to the range's last one (a trend needs
 * more than one bar). Whole years, so entries count by their registration year there too.
 */
export function trendQuery(unitId: string, range: { from: string; to: string }): ReportQuery | null {
  const first = Number(range.from.slice(0, 4));
  const last = Number(range.to.slice(0, 4));
  if (last > first) return null;
  return { unitId, period: 'custom', from: `${last - 4}-01-01`, to: `${last}-12-31` };
}

/**
 * The ancestors (root first) a report can go up to: those at or below one of the account's
 * granted units, since a report above them would be refused.
 */
export function reachableAncestors<T extends { id: string }>(ancestors: readonly T[], grantUnitIds: readonly string[]): T[] {
  const granted = new Set(grantUnitIds);
  const firstReachable = ancestors.findIndex((a) => granted.has(a.id));
  return firstReachable === -1 ? [] : ancestors.slice(firstReachable);
}
