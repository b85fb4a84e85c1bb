/**
 * The situation part of a round's submission (a template section of kind `situation`): the
 * situation report drafted with the submission, edited here while the submission may be, sent with
 * it (the server refuses to send a submission whose situation part has no item).
 */
import Typography from 'antd/es/typography';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../ui/error-alert';
import { PageSpinner } from '../../ui/page-spinner';
import { useSituationReport } from './situation.api';
import { SituationEditor } from './situation-editor';
import { SituationItemsView } from './situation-items-view';

/** `submissionStatus`: the submission's; sent or returned, the part changes with it, so it is read again. */
export function SituationPart({ reportId, submissionStatus }: { reportId: string | null; submissionStatus: string }) {
  const { t } = useTranslation();
  const report = useSituationReport(reportId);
  const { refetch } = report;
  useEffect(() => {
    if (reportId) void refetch();
  }, [submissionStatus, reportId, refetch]);
  if (!reportId) return <Typography.Paragraph type="secondary">{t('situation.form.noPart')}</Typography.Paragraph>;
  if (report.isPending) return <PageSpinner />;
  if (report.isError) return <ErrorAlert error={report.error} />;
  const r = report.data;
  return (
    <div data-testid="submission-situation">
      {r.can.edit ? <SituationEditor key={r.version} report={r} onReload={() => void report.refetch()} /> : <SituationItemsView report={r} />}
    </div>
  );
}
