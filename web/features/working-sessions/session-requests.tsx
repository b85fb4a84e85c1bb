import { Link } from '@tanstack/react-router';
import Typography from 'antd/es/typography';
import { useTranslation } from 'react-i18next';
import { EmptyValue } from '../../ui/empty-value';
import { ResponsiveTable } from '../../ui/responsive-table';
import { useFormat } from '../../ui/use-format';
import { TaskStatusTag } from '../tasks/task-status';
import type { WorkingSessionRequest } from './working-sessions.api';

/** An overdue request stands out on screen and on a phone's card alike, as on the task lists. */
const OVERDUE_ROW = { background: '#fff1f0' };

/**
 * The notice's requests: ordinary tasks of its plan, each opening its task page, where the owner
 * reports progress and marks it done. The line above counts them as the officer reads the notice's
 * follow-up: how many, done, reported, overdue.
 */
export function SessionRequests({ requests }: { requests: WorkingSessionRequest[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const done = requests.filter((r) => r.status === 'done').length;
  const reported = requests.filter((r) => r.status === 'open' && r.lastReportOn).length;
  const overdue = requests.filter((r) => r.overdue).length;
  return (
    <section style={{ marginTop: 24 }} data-testid="session-requests">
      <Typography.Title level={2} style={{ fontSize: 16 }}>
        {t('workingSessions.requests.title', { count: requests.length })}
      </Typography.Title>
      <Typography.Paragraph data-testid="session-requests-totals">
        {t('workingSessions.requests.totals', { done: format.number(done), reported: format.number(reported), open: format.number(requests.length - done - reported), overdue: format.number(overdue) })}
      </Typography.Paragraph>
      <ResponsiveTable<WorkingSessionRequest>
        rowKey="id"
        size="small"
        cardTitleKey="content"
        dataSource={requests}
        pagination={false}
        locale={{ emptyText: t('workingSessions.requests.none') }}
        onRow={(r) => ({ style: r.overdue ? OVERDUE_ROW : undefined, 'data-overdue': r.overdue ? 'true' : undefined }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          {
            key: 'content',
            title: t('workingSessions.requests.content'),
            render: (_, r) => (
              <>
                <Link to="/tasks/$taskId" params={{ taskId: r.id }} style={{ overflowWrap: 'anywhere' }} data-testid="session-request-link">
                  <bdi>{r.content}</bdi>
                </Link>
                <div style={{ fontSize: 12, color: 'rgba(0,0,0,0.55)' }}>
                  {t('tasks.fields.expectedOutput')}: <bdi>{r.expectedOutput}</bdi>
                </div>
              </>
            ),
          },
          { key: 'owner', title: t('tasks.fields.owner'), width: 200, render: (_, r) => <bdi>{r.ownerUnit.name}</bdi> },
          { key: 'deadline', title: t('tasks.fields.deadline'), width: 120, render: (_, r) => format.date(r.deadline) },
          { key: 'status', title: t('tasks.fields.status'), width: 160, render: (_, r) => <TaskStatusTag task={r} /> },
          { key: 'lastReportOn', title: t('tasks.fields.lastReportOn'), width: 140, render: (_, r) => (r.lastReportOn ? <span data-testid="request-reported">{format.date(r.lastReportOn)}</span> : <EmptyValue />) },
        ]}
      />
    </section>
  );
}
