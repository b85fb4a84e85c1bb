import Card from 'antd/es/card';
import Col from 'antd/es/col';
import Collapse from 'antd/es/collapse';
import Empty from 'antd/es/empty';
import Row from 'antd/es/row';
import { type ReactNode, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { hasTasks, type ReportView } from '../../../common/reports';
import { isRtl, isLocale } from '../../app/i18n';
import { EChart } from '../../ui/echart';
import { ErrorAlert } from '../../ui/error-alert';
import { PageHeading } from '../../ui/page-heading';
import { PrintButton } from '../../ui/print-button';
import { useScreen } from '../../ui/use-screen';
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
import { TaskCard } from './task-card';
import { SituationCard } from '../situation-reports/situation-card';
import { GrassrootsCard } from './grassroots-card';
import { useReport } from './reports.api';
import { HotspotDashboardCard } from '../hotspots/hotspot-dashboard-card';
import { useHotspotTree } from '../hotspots/hotspots.api';

/** Texts, language and direction for the option builders (chart-options.ts). */
function useChartContext(): ChartContext {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const language = i18n.language;
  return useMemo(() => ({ t: (key, options) => t(key, options), language, rtl: isLocale(language) && isRtl(language), number: format.number }), [t, language, format]);
}

function ChartBody({ empty, children }: { empty: boolean; children: ReactNode }) {
  const { t } = useTranslation();
  return empty ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('dashboard.noData')} /> : children;
}

/** Entries by year: the report's own years when it spans several, else the five years up to it. */
function YearChart({ report, ctx, height }: { report: ReportView; ctx: ChartContext; height: number }) {
  const { t } = useTranslation();
  const query = trendQuery(report.unit.id, report.range);
  const trend = useReport(query);
  const source = query ? trend.data : report;
  const option = useMemo(
    () => (source ? buildYearChartOption(source.figures, { first: Number(source.range.from.slice(0, 4)), last: Number(source.range.to.slice(0, 4)) }, ctx) : null),
    [source, ctx],
  );
  return (
    <ChartBody empty={!!source && source.figures.entries.total === 0}>
      <ErrorAlert error={trend.error} />
      {option && <EChart option={option} height={height} label={t('dashboard.byYear')} testId="chart-year" />}
    </ChartBody>
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
      <PageHeading title={t('dashboard.title')}>
        <PrintButton />
      </PageHeading>
      <ReportFrame to="/dashboard">
        {(report, { previous, drill }) => <DashboardCharts report={report} previous={previous} drill={drill} ctx={ctx} />}
      </ReportFrame>
    </>
  );
}

type Section = {
  key: string;
  title: string;
  /** The card's test id (chart-card-…), kept on the phone's panel too. */
  testId: string;
  /** Columns out of 24 from 992 px and from 1200 px (phones and tablets: one chart a row). */
  lg: number;
  xl: number;
  body: ReactNode;
};

/**
 * On a phone the charts are sections to open one by one (the first two open): eleven figures and
 * six charts one under another made a 3,800 px page. Wider, they stand side by side in cards.
 */
function DashboardCharts({ report, previous, drill, ctx }: { report: ReportView; previous: string; drill: (unitId: string) => void; ctx: ChartContext }) {
  const { t } = useTranslation();
  const { cards: phone } = useScreen();
  const fieldOption = useMemo(() => buildFieldChartOption(report, ctx), [report, ctx]);
  const childOption = useMemo(() => buildChildChartOption(report, ctx), [report, ctx]);
  const kindOption = useMemo(() => buildKindChartOption(report.figures, ctx), [report, ctx]);
  const funnelOption = useMemo(() => buildStatusFunnelOption(report.figures, ctx), [report, ctx]);
  const petitionOption = useMemo(() => buildPetitionChartOption(report, ctx), [report, ctx]);
  const petitionCategories = report.figures.petitions.byCategory.length;
  // Open hotspots of the unit (issue 15), a card only when there are some.
  const hotspots = useHotspotTree(report.unit.id);
  const empty = report.figures.entries.total === 0;
  const fieldCount = fieldKindFormRows(report, ctx.language).length;
  const childCount = chartedChildren(report).length;
  // A phone's screen is short: round charts and the trend need less height than on a desktop.
  const squareHeight = phone ? 240 : 300;

  const sections: Section[] = [
    {
      key: 'field',
      title: t('dashboard.byField'),
      testId: 'chart-card-field',
      lg: 24,
      xl: 12,
      body: (
        <ChartBody empty={empty}>
          <EChart option={fieldOption} height={barChartHeight(fieldCount)} label={t('dashboard.byField')} testId="chart-field" />
        </ChartBody>
      ),
    },
    { key: 'year', title: t('dashboard.byYear'), testId: 'chart-card-year', lg: 24, xl: 12, body: <YearChart report={report} ctx={ctx} height={squareHeight} /> },
    {
      key: 'children',
      title: t('dashboard.byChildUnit'),
      testId: 'chart-card-children',
      lg: 24,
      xl: 24,
      body: (
        <ChartBody empty={childCount === 0}>
          <div style={{ marginBottom: 8, color: 'rgba(0,0,0,0.55)' }} className="screen-only">
            {t('reports.drillHint')}
          </div>
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
        </ChartBody>
      ),
    },
    {
      key: 'kind',
      title: t('dashboard.byKind'),
      testId: 'chart-card-kind',
      lg: 12,
      xl: 12,
      body: (
        <ChartBody empty={empty}>
          <EChart option={kindOption} height={squareHeight} label={t('dashboard.byKind')} testId="chart-kind" />
        </ChartBody>
      ),
    },
    {
      key: 'funnel',
      title: t('dashboard.statusFunnel'),
      testId: 'chart-card-funnel',
      lg: 12,
      xl: 12,
      body: (
        <ChartBody empty={empty}>
          <EChart option={funnelOption} height={squareHeight} label={t('dashboard.statusFunnel')} testId="chart-funnel" />
        </ChartBody>
      ),
    },
  ];
  // Petitions when there are any: most units' entries reports have none to chart.
  if (petitionCategories > 0) {
    sections.push({
      key: 'petitions',
      title: t('dashboard.petitionsByCategory'),
      testId: 'chart-card-petitions',
      lg: 24,
      xl: 24,
      body: <EChart option={petitionOption} height={barChartHeight(petitionCategories * 2)} label={t('dashboard.petitionsByCategory')} testId="chart-petitions" />,
    });
  }

  // The implementation of documents when there is any (issue 14): most units' entries reports have none.
  if (hasTasks(report.figures.tasks)) {
    sections.push({ key: 'tasks', title: t('dashboard.tasks.title'), testId: 'chart-card-tasks', lg: 24, xl: 24, body: <TaskCard report={report} /> });
  }

  // The situation of the people when any situation report was received in the range (issue 15).
  if (report.situation?.reportsReceived) {
    sections.push({ key: 'situation', title: t('situation.card.title'), testId: 'chart-card-situation', lg: 24, xl: 24, body: <SituationCard report={report} /> });
  }

  // Democracy at the grassroots when the area has communes (issue 16).
  if (report.grassroots?.dialogue.communes) {
    sections.push({ key: 'grassroots', title: t('dialogue.card.title'), testId: 'chart-card-grassroots', lg: 24, xl: 24, body: <GrassrootsCard report={report} /> });
  }
  if (hotspots.data?.total.total) {
    sections.push({ key: 'hotspots', title: t('hotspots.dashboard.title'), testId: 'chart-card-hotspots', lg: 24, xl: 24, body: <HotspotDashboardCard tree={hotspots.data} /> });
  }

  return (
    <>
      <HeadlineFigures report={report} previousLabel={previous} />
      {phone ? (
        <Collapse
          data-testid="dashboard-sections"
          defaultActiveKey={['field', 'year']}
          items={sections.map((section) => ({
            key: section.key,
            label: section.title,
            children: <div data-testid={section.testId}>{section.body}</div>,
            styles: { body: { padding: 8 } },
          }))}
        />
      ) : (
        <Row gutter={[16, 16]} className="print-stack">
          {sections.map((section) => (
            <Col key={section.key} xs={24} lg={section.lg} xl={section.xl}>
              <Card size="small" title={section.title} data-testid={section.testId} style={{ height: '100%' }} className="print-keep">
                {section.body}
              </Card>
            </Col>
          ))}
        </Row>
      )}
    </>
  );
}
