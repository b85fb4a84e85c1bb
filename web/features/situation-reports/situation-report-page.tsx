/**
 * One situation report: its unit, kind (regular, in a round; or ad hoc), period and status, and its
 * items; the draft is edited here by the unit's editors (`can` from the server says who may).
 */
import { Link, useParams } from '@tanstack/react-router';
import Card from 'antd/es/card';
import Descriptions from 'antd/es/descriptions';
import Tag from 'antd/es/tag';
import Typography from 'antd/es/typography';
import { useTranslation } from 'react-i18next';
import { EmptyValue } from '../../ui/empty-value';
import { ErrorAlert } from '../../ui/error-alert';
import { PageSpinner } from '../../ui/page-spinner';
import { PrintButton } from '../../ui/print-button';
import { useFormat } from '../../ui/use-format';
import { MoodTag } from './mood-tag';
import { type SituationReport, useSituationReport } from './situation.api';
import { SituationEditor } from './situation-editor';
import { SituationItemsView } from './situation-items-view';

export function SituationReportPage() {
  const { reportId } = useParams({ strict: false }) as { reportId: string };
  const report = useSituationReport(reportId);
  if (report.isPending) return <PageSpinner />;
  if (report.isError) return <ErrorAlert error={report.error} />;
  return <SituationReportView key={report.data.version} report={report.data} onReload={() => void report.refetch()} />;
}

function SituationReportView({ report: r, onReload }: { report: SituationReport; onReload: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Card>
      <Typography.Paragraph className="screen-only">
        <Link to="/situation-reports">{t('situation.backToList')}</Link>
      </Typography.Paragraph>
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'baseline', gap: 16, flexWrap: 'wrap', marginBottom: 16 }}>
        <Typography.Title level={1} style={{ fontSize: 22, marginTop: 0, overflowWrap: 'anywhere' }} data-testid="situation-report-title">
          {t(`situation.kinds.${r.kind}`)} — <bdi>{r.unit.name}</bdi>
        </Typography.Title>
        <PrintButton />
      </div>
      <Descriptions
        column={{ xs: 1, md: 2 }}
        size="small"
        bordered
        style={{ marginBottom: 16 }}
        items={[
          { key: 'period', label: r.kind === 'ad_hoc' ? t('situation.fields.reportedOn') : t('situation.fields.period'), children: r.kind === 'ad_hoc' ? format.date(r.periodTo) : format.dateRange(r.periodFrom, r.periodTo) },
          {
            key: 'status',
            label: t('situation.fields.status'),
            children: (
              <Tag color={r.status === 'submitted' ? 'green' : 'default'} data-testid="situation-status">
                {t(`situation.statuses.${r.status}`)}
              </Tag>
            ),
          },
          { key: 'overall', label: t('situation.fields.overallMood'), children: r.overallMood ? <MoodTag mood={r.overallMood} /> : <EmptyValue /> },
          { key: 'submittedOn', label: t('situation.fields.submittedOn'), children: r.submittedOn ? format.date(r.submittedOn) : <EmptyValue /> },
          ...(r.round
            ? [
                {
                  key: 'round',
                  label: t('situation.fields.round'),
                  children: (
                    <Link to="/reporting-rounds/$roundId/submit/$unitId" params={{ roundId: r.round.id, unitId: r.unit.id }}>
                      <bdi>{r.round.title}</bdi>
                    </Link>
                  ),
                },
              ]
            : []),
        ]}
      />
      {r.round && r.can.edit && <Typography.Paragraph type="secondary">{t('situation.form.sentWithRound')}</Typography.Paragraph>}
      {r.can.edit ? <SituationEditor report={r} onReload={onReload} /> : <SituationItemsView report={r} />}
    </Card>
  );
}
