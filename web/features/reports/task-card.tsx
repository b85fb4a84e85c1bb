import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import Progress from 'antd/es/progress';
import Typography from 'antd/es/typography';
import { useTranslation } from 'react-i18next';
import type { ReportView } from '../../../common/reports';
import type { TaskDocumentFiguresList } from '../../../common/tasks';
import { api } from '../../app/api-client';
import { ErrorAlert } from '../../ui/error-alert';
import { useFormat } from '../../ui/use-format';

/** The documents implemented under the unit over the report's range, largest share overdue first. */
function useTaskDocuments(unitId: string, from: string, to: string) {
  const query = { unitId, from, to, limit: 5 };
  return useQuery({
    queryKey: ['task-figures', 'documents', query],
    queryFn: () => api.get<TaskDocumentFiguresList>('/api/task-figures/documents', query),
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}

/**
 * The dashboard's card "Thực hiện văn bản": the report's tasks block (leaves due, done, overdue on
 * the range's last day, units that reported, round reports on time) and the documents with the
 * largest share of overdue leaves, each linking to its roll-up under the unit.
 */
export function TaskCard({ report }: { report: ReportView }) {
  const { t } = useTranslation();
  const format = useFormat();
  const tasks = report.figures.tasks;
  const documents = useTaskDocuments(report.unit.id, report.range.from, report.range.to);
  const sent = tasks.submittedOnTime + tasks.submittedLate;
  const figures: { key: string; label: string; value: string; tone?: 'danger' | 'success' }[] = [
    { key: 'due', label: t('dashboard.tasks.due'), value: format.number(tasks.due) },
    { key: 'done', label: t('dashboard.tasks.done'), value: format.number(tasks.done), tone: 'success' },
    { key: 'overdue', label: t('dashboard.tasks.overdue'), value: format.number(tasks.overdue), tone: tasks.overdue > 0 ? 'danger' : undefined },
    { key: 'reported', label: t('dashboard.tasks.unitsReported'), value: `${format.number(tasks.unitsReported)}/${format.number(tasks.unitsTasked)}` },
    { key: 'onTime', label: t('dashboard.tasks.reportsOnTime'), value: `${format.number(tasks.submittedOnTime)}/${format.number(sent)}` },
  ];
  return (
    <div data-testid="task-card">
      <div className="headline-figures" style={{ marginBottom: 12 }}>
        {figures.map((f) => (
          <div key={f.key} data-testid={`task-figure-${f.key}`}>
            <div style={{ color: 'rgba(0,0,0,0.55)', fontSize: 13 }}>{f.label}</div>
            <Typography.Text strong type={f.tone} style={{ fontSize: 20 }} data-testid="figure-value">
              {f.value}
            </Typography.Text>
          </div>
        ))}
      </div>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('dashboard.tasks.summary', { documents: format.number(tasks.documents), assigned: format.number(tasks.assigned), sessions: format.number(tasks.sessions) })}
      </Typography.Text>
      <ErrorAlert error={documents.error} />
      {documents.data && documents.data.documents.length > 0 && (
        <>
          <Typography.Title level={5} style={{ marginTop: 12 }}>
            {t('dashboard.tasks.topDocuments')}
          </Typography.Title>
          <ol style={{ paddingInlineStart: 20, margin: 0 }} data-testid="task-documents">
            {documents.data.documents.map((d) => (
              <li key={d.id} style={{ marginBottom: 8 }}>
                <Link to="/policy-documents/$documentId" params={{ documentId: d.id }} search={{ unitId: report.unit.id }}>
                  {/* Vietnamese symbol and title: isolated, so "86-TB/BTGDVTU" keeps its order in Arabic. */}
                  <bdi>
                    {[d.number, d.symbol].filter(Boolean).join('-')} {d.title}
                  </bdi>
                </Link>
                <Progress
                  percent={d.assigned ? Math.round((d.overdue / d.assigned) * 100) : 0}
                  status={d.overdue > 0 ? 'exception' : 'normal'}
                  size="small"
                  format={() => t('dashboard.tasks.overdueOf', { overdue: format.number(d.overdue), assigned: format.number(d.assigned) })}
                />
              </li>
            ))}
          </ol>
        </>
      )}
    </div>
  );
}
