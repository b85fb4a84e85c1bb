import { Link } from '@tanstack/react-router';
import type { TableProps } from 'antd/es/table';
import Tag from 'antd/es/tag';
import { useTranslation } from 'react-i18next';
import { EmptyValue } from '../../ui/empty-value';
import { ResponsiveTable } from '../../ui/responsive-table';
import { useFormat } from '../../ui/use-format';
import type { WorkingSession } from './working-sessions.api';

type Props = {
  sessions: WorkingSession[];
  testId: string;
  loading?: boolean;
  pagination?: TableProps<WorkingSession>['pagination'];
};

/** Sessions as a table, newest first as the server sends them; cards on a phone. */
export function WorkingSessionTable({ sessions, testId, loading, pagination = false }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <ResponsiveTable<WorkingSession>
      rowKey="id"
      size="small"
      cardTitleKey="unit"
      data-testid={testId}
      loading={loading}
      dataSource={sessions}
      pagination={pagination}
      locale={{ emptyText: t('workingSessions.empty') }}
      scroll={{ x: 900 }}
      columns={[
        { key: 'heldOn', title: t('workingSessions.fields.heldOn'), width: 110, render: (_, s) => format.date(s.heldOn) },
        {
          key: 'unit',
          title: t('workingSessions.fields.unit'),
          width: 220,
          render: (_, s) => (
            <Link to="/working-sessions/$sessionId" params={{ sessionId: s.id }} data-testid="working-session-link">
              <bdi>{s.unit.name}</bdi>
            </Link>
          ),
        },
        {
          key: 'delegation',
          title: t('workingSessions.fields.delegation'),
          width: 260,
          render: (_, s) => (
            <>
              <div>
                <bdi>{s.leadingUnit.name}</bdi>
              </div>
              <div style={{ fontSize: 12, color: 'rgba(0,0,0,0.55)' }}>
                {s.head ? (
                  <>
                    {t('workingSessions.headShort')}: <bdi>{s.head.name}</bdi>
                  </>
                ) : (
                  t('workingSessions.memberCount', { count: s.memberCount })
                )}
              </div>
            </>
          ),
        },
        {
          key: 'content',
          title: t('workingSessions.fields.content'),
          render: (_, s) => (
            <bdi style={{ display: '-webkit-box', WebkitLineClamp: 2, WebkitBoxOrient: 'vertical', overflow: 'hidden', overflowWrap: 'anywhere' }}>{s.content}</bdi>
          ),
        },
        {
          key: 'notice',
          title: t('workingSessions.fields.notice'),
          width: 150,
          render: (_, s) =>
            s.noticeId ? (
              <Tag color="green" data-testid="working-session-has-notice">
                {t('workingSessions.noticeIssued')}
              </Tag>
            ) : (
              <EmptyValue />
            ),
        },
      ]}
    />
  );
}
