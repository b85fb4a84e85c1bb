import { Link } from '@tanstack/react-router';
import Space from 'antd/es/space';
import Tag from 'antd/es/tag';
import Typography from 'antd/es/typography';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../ui/error-alert';
import { useFormat } from '../../ui/use-format';
import { WorkingSessionTable } from './working-session-table';
import { useUnitWorkingSessions } from './working-sessions.api';

/**
 * The unit page's tab "Làm việc với đơn vị": the sessions held with the unit or a unit under it,
 * newest first, and how many of the requests made of them in conclusion notices are still open
 * and overdue (leaves owned in the unit's subtree, as the server counts them).
 */
export function UnitWorkingSessions({ unitId }: { unitId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const history = useUnitWorkingSessions(unitId);
  if (history.isError) return <ErrorAlert error={history.error} />;
  const data = history.data;
  return (
    <section data-testid="unit-working-sessions">
      <Space wrap style={{ marginBottom: 12 }}>
        <Tag color="blue" data-testid="unit-open-requests">
          {t('workingSessions.unitTab.openRequests', { count: format.number(data?.openRequests ?? 0) })}
        </Tag>
        <Tag color={data?.overdueRequests ? 'red' : undefined} data-testid="unit-overdue-requests">
          {t('workingSessions.unitTab.overdueRequests', { count: format.number(data?.overdueRequests ?? 0) })}
        </Tag>
      </Space>
      <WorkingSessionTable testId="unit-working-sessions-table" sessions={data?.sessions ?? []} loading={history.isPending} />
      {data && data.total > data.sessions.length && (
        <Typography.Paragraph style={{ marginTop: 12 }}>
          <Link to="/working-sessions" search={{ unitId }}>
            {t('workingSessions.unitTab.all', { count: format.number(data.total) })}
          </Link>
        </Typography.Paragraph>
      )}
    </section>
  );
}
