import Alert from 'antd/es/alert';
import Spin from 'antd/es/spin';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReportView, ReportQuery } from '../../../common/reports';
import { ErrorAlert } from '../../ui/error-alert';
import { emulationPeriodName } from '../../ui/period-label';
import { useFormat } from '../../ui/use-format';
import { usePeriods } from '../entries/entries.api';
import { AttributionNote } from './attribution-note';
import { ReportFilters } from './report-filters';
import { ReportHeading } from './report-heading';
import { isEmptyReport } from './report-figures';
import { rangeLabel } from './range-label';
import { useReport } from './reports.api';
import { useReportFilters } from './use-report-filters';

type Labels = { range: string; previous: string };

/** The range and the previous one in words; an emulation period by its name. */
function useRangeLabels(report: ReportView | undefined, periodId: string | undefined): Labels {
  const { t } = useTranslation();
  const format = useFormat();
  const periods = usePeriods();
  if (!report) return { range: '', previous: '' };
  const period = report.range.period === 'emulation_period' ? periods.data?.items.find((p) => p.id === periodId) : undefined;
  return {
    range: period ? emulationPeriodName(period) : rangeLabel(report.range, t, format.date),
    // The previous range is read inside "+3 so với năm 2025 (12)".
    previous: rangeLabel(report.previousRange, t, format.date, 'inSentence'),
  };
}

type Props = {
  to: '/reports' | '/dashboard';
  /** Beside the filters (the downloads on the report page). */
  actions?: (query: ReportQuery) => ReactNode;
  children: (report: ReportView, context: Labels & { drill: (unitId: string) => void }) => ReactNode;
};

/**
 * What the report page and the dashboard share: the filters, what is still to choose, the error
 * of a refused or invalid request (by its code), the heading with the way up, the attribution
 * note, and an explanation when the range holds nothing. The page draws the rest.
 */
export function ReportFrame({ to, actions, children }: Props) {
  const { t } = useTranslation();
  const filters = useReportFilters(to);
  const report = useReport(filters.query);
  const labels = useRangeLabels(report.data, filters.query?.periodId);
  const data = filters.query ? report.data : undefined;
  return (
    <>
      <div style={{ marginBottom: 16 }} className="screen-only">
        <ReportFilters search={filters.search} unitId={filters.unitId} today={filters.today} unitName={data?.unit.name} onChange={filters.change} />
      </div>
      {filters.missing && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="report-missing"
          title={filters.missing === 'unit' ? t('reports.chooseUnit') : filters.missing === 'emulationPeriod' ? t('reports.chooseEmulationPeriod') : t('reports.chooseRange')}
        />
      )}
      <ErrorAlert error={report.error} />
      {report.isLoading && <Spin style={{ display: 'block', margin: '48px auto' }} />}
      {data && !report.error && (
        <div style={{ opacity: report.isPlaceholderData ? 0.6 : 1 }} aria-busy={report.isFetching} data-testid="report-body" data-unit-id={data.unit.id}>
          <div style={{ display: 'flex', justifyContent: 'space-between', gap: 16, flexWrap: 'wrap', alignItems: 'flex-start' }}>
            <ReportHeading report={data} rangeLabel={labels.range} onDrill={filters.drill} />
            {filters.query && actions?.(filters.query)}
          </div>
          <AttributionNote report={data} />
          {isEmptyReport(data.figures) && <Alert type="info" showIcon style={{ marginBottom: 16 }} data-testid="report-empty" title={t('reports.empty')} />}
          {children(data, { ...labels, drill: filters.drill })}
        </div>
      )}
    </>
  );
}
