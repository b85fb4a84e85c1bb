import Card from 'antd/es/card';
import Col from 'antd/es/col';
import Empty from 'antd/es/empty';
import Row from 'antd/es/row';
import { type ReactNode, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReportView } from '../../../common/reports';
import { isRtl, isLocale } from '../../app/i18n';
import { EChart } from '../../ui/echart';
import { ErrorAlert } from '../../ui/error-alert';
import { PageHeading } from '../../ui/page-heading';
import { useFormat } from '../../ui/use-format';
import {
  barChartHeight,
  buildChildChartOption,
  buildFieldChartOption,
  buildKindChartOption,
  buildPetitionChartOption,
  buildStatusFunnelOption,
  buildYearChartOption,
  type ChartContext,
  chartedChildren,
  childOfClick,
} from './chart-options';
import { HeadlineFigures } from './headline-figures';
import { fieldKindFormRows } from './report-figures';
import { ReportFrame } from './report-frame';
import { trendQuery } from './report-search';
import { useReport } from './reports.api';

/** Texts, language and direction for the option builders (chart-options.ts). */
function useChartContext(): ChartContext {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const language = i18n.language;
  return useMemo(() => ({ t: (key, options) => t(key, options), language, rtl: isLocale(language) && isRtl(language), number: format.number }), [t, language, format]);
}

function ChartCard({ title, empty, testId, children }: { title: string; empty: boolean; testId: string; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Card size="small" title={title} data-testid={testId} style={{ height: '100%' }}>
      {empty ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('dashboard.noData')} /> : children}
    </Card>
  );
}

/** Entries by year: the report's own years when it spans several, else the five years up to it. */
function YearChart({ report, ctx }: { report: ReportView; ctx: ChartContext }) {
  const { t } = useTranslation();
  const query = trendQuery(report.unit.id, report.range);
  const trend = useReport(query);
  const source = query ? trend.data : report;
  const option = useMemo(
    () => (source ? buildYearChartOption(source.figures, { first: Number(source.range.from.slice(0, 4)), last: Number(source.range.to.slice(0, 4)) }, ctx) : null),
    [source, ctx],
  );
  return (
    <ChartCard title={t('dashboard.byYear')} empty={!!source && source.figures.entries.total === 0} testId="chart-card-year">
      <ErrorAlert error={trend.error} />
      {option && <EChart option={option} height={300} label={t('dashboard.byYear')} testId="chart-year" />}
    </ChartCard>
  );
}

/**
 * Charts of a unit's report: entries by field, by year, by child unit (a click on a child's bar
 * reports on that child), models against typical examples, how far entries got, and petitions by category when there are any.
 */
export function DashboardPage() {
  const { t } = useTranslation();
  const ctx = useChartContext();
  return (
    <>
      <PageHeading title={t('dashboard.title')} />
      <ReportFrame to="/dashboard">
        {(report, { previous, drill }) => <DashboardCharts report={report} previous={previous} drill={drill} ctx={ctx} />}
      </ReportFrame>
    </>
  );
}

function DashboardCharts({ report, previous, drill, ctx }: { report: ReportView; previous: string; drill: (unitId: string) => void; ctx: ChartContext }) {
  const { t } = useTranslation();
  const fieldOption = useMemo(() => buildFieldChartOption(report, ctx), [report, ctx]);
  const childOption = useMemo(() => buildChildChartOption(report, ctx), [report, ctx]);
  const kindOption = useMemo(() => buildKindChartOption(report.figures, ctx), [report, ctx]);
  const funnelOption = useMemo(() => buildStatusFunnelOption(report.figures, ctx), [report, ctx]);
  const petitionOption = useMemo(() => buildPetitionChartOption(report, ctx), [report, ctx]);
  const petitionCategories = report.figures.petitions.byCategory.length;
  const empty = report.figures.entries.total === 0;
  const fieldCount = fieldKindFormRows(report, ctx.language).length;
  const childCount = chartedChildren(report).length;
  return (
    <>
      <HeadlineFigures report={report} previousLabel={previous} />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <ChartCard title={t('dashboard.byField')} empty={empty} testId="chart-card-field">
            <EChart option={fieldOption} height={barChartHeight(fieldCount)} label={t('dashboard.byField')} testId="chart-field" />
          </ChartCard>
        </Col>
        <Col xs={24} xl={12}>
          <YearChart report={report} ctx={ctx} />
        </Col>
        <Col xs={24}>
          <ChartCard title={t('dashboard.byChildUnit')} empty={childCount === 0} testId="chart-card-children">
            <div style={{ marginBottom: 8, color: 'rgba(0,0,0,0.55)' }}>{t('reports.drillHint')}</div>
            <EChart
              option={childOption}
              height={barChartHeight(childCount)}
              label={t('dashboard.byChildUnit')}
              testId="chart-children"
              onItemClick={(data) => {
                const unitId = childOfClick(data);
                if (unitId) drill(unitId);
              }}
            />
          </ChartCard>
        </Col>
        <Col xs={24} lg={12}>
          <ChartCard title={t('dashboard.byKind')} empty={empty} testId="chart-card-kind">
            <EChart option={kindOption} height={300} label={t('dashboard.byKind')} testId="chart-kind" />
          </ChartCard>
        </Col>
        <Col xs={24} lg={12}>
          <ChartCard title={t('dashboard.statusFunnel')} empty={empty} testId="chart-card-funnel">
            <EChart option={funnelOption} height={300} label={t('dashboard.statusFunnel')} testId="chart-funnel" />
          </ChartCard>
        </Col>
        {/* Petitions when there are any: most units' entries reports have none to chart. */}
        {petitionCategories > 0 && (
          <Col xs={24}>
            <ChartCard title={t('dashboard.petitionsByCategory')} empty={false} testId="chart-card-petitions">
              <EChart option={petitionOption} height={barChartHeight(petitionCategories * 2)} label={t('dashboard.petitionsByCategory')} testId="chart-petitions" />
            </ChartCard>
          </Col>
        )}
      </Row>
    </>
  );
}
