import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import Tag from 'antd/es/tag';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../ui/error-alert';
import { PageHeading } from '../../ui/page-heading';
import { ResponsiveTable } from '../../ui/responsive-table';
import { useFormat } from '../../ui/use-format';
import type { ReviewTaskWithReview } from '../reviews/reviews.api';
import { validateDueSearch } from './due-search';
import { DueListFilters } from './due-list-filters';
import { DUE_PAGE_SIZE, type DueSearch, useDueTasks } from './work-queue.api';

/**
 * The key tasks of the reviews of a unit's subtree, nearest deadline first, due within the week or
 * overdue as the work queue opens it (`/review-tasks?unitId=…&due=overdue`); the count the queue
 * showed is this list's total.
 */
export function DueTasksPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const navigate = useNavigate();
  const search = useSearch({ strict: false }) as DueSearch;
  const tasks = useDueTasks(search);
  const update = (patch: Partial<DueSearch>) => void navigate({ to: '/review-tasks', search: validateDueSearch({ ...search, page: undefined, ...patch }) });
  return (
    <>
      <PageHeading title={search.due ? t(`workQueue.lists.tasksTitle.${search.due}`) : t('workQueue.lists.tasksTitle.all')} />
      <DueListFilters search={search} onChange={update} />
      <ErrorAlert error={tasks.error} />
      <ResponsiveTable<ReviewTaskWithReview>
        rowKey="id"
        data-testid="due-tasks"
        loading={tasks.isFetching}
        dataSource={tasks.data?.items ?? []}
        locale={{ emptyText: t('common.noResults') }}
        scroll={{ x: true }}
        pagination={{
          current: search.page ?? 1,
          pageSize: DUE_PAGE_SIZE,
          total: tasks.data?.total ?? 0,
          showSizeChanger: false,
          showTotal: (total) => t('workQueue.lists.total', { count: total }),
          onChange: (page) => void navigate({ to: '/review-tasks', search: validateDueSearch({ ...search, page }) }),
        }}
        columns={[
          { key: 'content', title: t('reviews.task'), render: (_, task) => task.content },
          { key: 'owner', title: t('reviews.owner'), render: (_, task) => task.owner.name },
          { key: 'deadline', title: t('reviews.deadline'), render: (_, task) => format.date(task.deadline) },
          {
            key: 'state',
            title: t('reviews.status'),
            render: (_, task) => (task.status === 'done' ? <Tag color="green">{t('reception.states.done')}</Tag> : task.overdue ? <Tag color="red">{t('reviews.overdue')}</Tag> : <Tag>{t('reviews.taskOpen')}</Tag>),
          },
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
    </>
  );
}
