import { Link } from '@tanstack/react-router';
import type { TableProps } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { EmptyValue } from '../../ui/empty-value';
import { ResponsiveTable } from '../../ui/responsive-table';
import { useFormat } from '../../ui/use-format';
import { TaskStatusTag } from './task-status';
import type { TaskSummary } from './tasks.api';

/** An overdue row stands out on screen and on a phone's card alike. */
const OVERDUE_ROW = { background: '#fff1f0' };

type Props = {
  tasks: TaskSummary[];
  testId: string;
  loading?: boolean;
  pagination?: TableProps<TaskSummary>['pagination'];
  /** The list of one unit's tasks names the assigning unit; a plan's or a task's children name only the owner. */
  showAssigning?: boolean;
};

/** Tasks as a table, cards on a phone; overdue rows highlighted. */
export function TaskTable({ tasks, testId, loading, pagination = false, showAssigning = false }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <ResponsiveTable<TaskSummary>
      rowKey="id"
      size="small"
      cardTitleKey="content"
      data-testid={testId}
      loading={loading}
      dataSource={tasks}
      pagination={pagination}
      locale={{ emptyText: t('tasks.none') }}
      onRow={(task) => ({ style: task.overdue ? OVERDUE_ROW : undefined, 'data-overdue': task.overdue ? 'true' : undefined }) as React.HTMLAttributes<HTMLElement>}
      columns={[
        {
          key: 'content',
          title: t('tasks.fields.content'),
          render: (_, task) => (
            <Link to="/tasks/$taskId" params={{ taskId: task.id }} style={{ overflowWrap: 'anywhere' }}>
              <bdi>{task.content}</bdi>
            </Link>
          ),
        },
        { key: 'owner', title: t('tasks.fields.owner'), width: 180, render: (_, task) => <bdi>{task.ownerUnit.name}</bdi> },
        ...(showAssigning ? [{ key: 'assigning', title: t('tasks.fields.assigningUnit'), width: 180, render: (_: unknown, task: TaskSummary) => <bdi>{task.assigningUnit.name}</bdi> }] : []),
        { key: 'deadline', title: t('tasks.fields.deadline'), width: 120, render: (_, task) => format.date(task.deadline) },
        { key: 'status', title: t('tasks.fields.status'), width: 150, render: (_, task) => <TaskStatusTag task={task} /> },
        { key: 'lastReportOn', title: t('tasks.fields.lastReportOn'), width: 140, render: (_, task) => (task.lastReportOn ? format.date(task.lastReportOn) : <EmptyValue />) },
      ]}
    />
  );
}
