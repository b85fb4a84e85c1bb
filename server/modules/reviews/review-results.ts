/**
 * A review's results come from the report engine: the same figures as the report page and the
 * report documents, and the same narrative to start from. Kept in one place so the service does
 * not care how a report is asked for.
 */
import type { Report, ReportQuery } from '../../../common/reports.js';
import type { Ctx } from '../../http/context.js';
import { reportNarrative } from '../reports/report-document.js';
import { buildReport } from '../reports/reports.service.js';

export type ReviewRange = {
  period: ReportQuery['period'];
  year: number | null;
  quarter: number | null;
  emulationPeriodId: string | null;
  from: string;
  to: string;
};

/** The report query of a review's unit and period. */
export function reviewReportQuery(unitId: string, r: ReviewRange): ReportQuery {
  switch (r.period) {
    case 'quarter':
      return { unitId, period: 'quarter', year: r.year!, quarter: r.quarter! };
    case 'year':
      return { unitId, period: 'year', year: r.year! };
    case 'emulation_period':
      return { unitId, period: 'emulation_period', periodId: r.emulationPeriodId! };
    case 'custom':
      return { unitId, period: 'custom', from: r.from, to: r.to };
  }
}

/** The report now, and its narrative as paragraphs separated by a blank line (how the narrative is edited). */
export async function reviewResults(ctx: Ctx, unitId: string, range: ReviewRange): Promise<{ report: Report; narrative: string }> {
  const report = await buildReport(ctx, reviewReportQuery(unitId, range));
  return { report, narrative: reportNarrative(report).join('\n\n') };
}
