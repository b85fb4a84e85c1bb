import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { EmptyValue } from '../../ui/empty-value';
import { ResponsiveTable } from '../../ui/responsive-table';
import { useFormat } from '../../ui/use-format';
import { TaskStatusTag } from '../tasks/task-status';
import type { CoordinationYearlyPlan } from './coordination.api';

type Item = CoordinationYearlyPlan['items'][number];

/** A yearly plan's items (its root tasks) with each one's latest result: what the year has brought so far. */
export function PlanItems({ items }: { items: Item[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <ResponsiveTable<Item>
      rowKey="id"
      size="small"
      cardTitleKey="content"
      data-testid="yearly-plan-items"
      dataSource={items}
      pagination={false}
      columns={[
        {
          key: 'content',
          title: t('coordination.items.content'),
          render: (_, item) => (
            <Link to="/tasks/$taskId" params={{ taskId: item.id }} style={{ overflowWrap: 'anywhere' }}>
              <bdi>{item.content}</bdi>
            </Link>
          ),
        },
        { key: 'owner', title: t('tasks.fields.owner'), width: 180, render: (_, item) => <bdi>{item.ownerUnit.name}</bdi> },
        { key: 'deadline', title: t('tasks.fields.deadline'), width: 110, render: (_, item) => format.date(item.deadline) },
        { key: 'status', title: t('tasks.fields.status'), width: 140, render: (_, item) => <TaskStatusTag task={item} /> },
        {
          key: 'result',
          title: t('coordination.items.result'),
          render: (_, item) =>
            item.latestResult ? (
              <span style={{ overflowWrap: 'anywhere' }}>
                <bdi>{item.latestResult.text}</bdi> <span style={{ color: 'rgba(0,0,0,0.55)' }}>({format.date(item.latestResult.reportedOn)})</span>
              </span>
            ) : (
              <EmptyValue />
            ),
        },
      ]}
    />
  );
}
