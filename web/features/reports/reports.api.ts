/** The report engine from the web app: one report (GET /api/reports) per unit and range. */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { ReportView, ReportQuery } from '../../../common/reports';
import { api } from '../../app/api-client';

export type { ReportView, ReportQuery };

export const reportKeys = {
  all: ['reports'] as const,
  report: (query: ReportQuery | null) => ['reports', query] as const,
};

/** The report for `query`; none while the filters are incomplete. The previous report stays on screen while the next loads. */
export function useReport(query: ReportQuery | null) {
  return useQuery({
    queryKey: reportKeys.report(query),
    queryFn: () => api.get<ReportView>('/api/reports', query ?? undefined),
    enabled: query !== null,
    placeholderData: keepPreviousData,
    // Figures change only when someone registers or commends; a minute of reuse spares the server.
    staleTime: 60_000,
  });
}
