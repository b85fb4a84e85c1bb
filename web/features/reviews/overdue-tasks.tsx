import { Link } from '@tanstack/react-router';
import Card from 'antd/es/card';
import Table from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../ui/error-alert';
import { useFormat } from '../../ui/use-format';
import { type ReviewTaskWithReview, useOverdueTasks } from './reviews.api';

/** Key tasks past their deadline across the reviews in view: what the next meeting should chase. Nothing when there are none. */
export function OverdueTasks({ unitId }: { unitId: string | undefined }) {
  const { t } = useTranslation();
  const format = useFormat();
  const overdue = useOverdueTasks(unitId);
  if (overdue.error) return <ErrorAlert error={overdue.error} />;
  if (!overdue.data?.total) return null;
  return (
    <Card size="small" title={t('reviews.overdueTitle', { n: format.number(overdue.data.total) })} style={{ marginBottom: 16, borderColor: '#ffa39e' }} data-testid="overdue-tasks">
      <Table<ReviewTaskWithReview>
        rowKey="id"
        size="small"
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        dataSource={overdue.data.items}
        scroll={{ x: true }}
        columns={[
          { key: 'content', title: t('reviews.task'), render: (_, task) => task.content },
          { key: 'owner', title: t('reviews.owner'), render: (_, task) => task.owner.name },
          { key: 'deadline', title: t('reviews.deadline'), render: (_, task) => format.date(task.deadline) },
          {
            key: 'review',
            title: t('reviews.reviewTitle'),
            render: (_, task) => (
              <Link to="/reviews/$reviewId" params={{ reviewId: task.review.id }}>
                {task.review.title}
              </Link>
            ),
          },
        ]}
      />
    </Card>
  );
}
