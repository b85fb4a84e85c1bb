import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import Tag from 'antd/es/tag';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../ui/error-alert';
import { PageHeading } from '../../ui/page-heading';
import { ResponsiveTable } from '../../ui/responsive-table';
import { useFormat } from '../../ui/use-format';
import { validateDueSearch } from './due-search';
import { DueListFilters } from './due-list-filters';
import { type CommitmentItem, DUE_PAGE_SIZE, type DueSearch, useDueCommitments } from './work-queue.api';

const STATE_COLORS = { open: undefined, overdue: 'red', done: 'green' } as const;

/**
 * The commitments made at the reception sessions and dialogue conferences of a unit's subtree,
 * nearest deadline first, due within the week or overdue as the work queue opens it
 * (`/commitments?unitId=…&due=overdue`); each links to its session, where it is marked done.
 */
export function DueCommitmentsPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const navigate = useNavigate();
  const search = useSearch({ strict: false }) as DueSearch;
  const commitments = useDueCommitments(search);
  const update = (patch: Partial<DueSearch>) => void navigate({ to: '/commitments', search: validateDueSearch({ ...search, page: undefined, ...patch }) });
  return (
    <>
      <PageHeading title={search.due ? t(`workQueue.lists.commitmentsTitle.${search.due}`) : t('workQueue.lists.commitmentsTitle.all')} />
      <DueListFilters search={search} onChange={update} />
      <ErrorAlert error={commitments.error} />
      <ResponsiveTable<CommitmentItem>
        rowKey="id"
        data-testid="due-commitments"
        loading={commitments.isFetching}
        dataSource={commitments.data?.items ?? []}
        locale={{ emptyText: t('common.noResults') }}
        scroll={{ x: true }}
        pagination={{
          current: search.page ?? 1,
          pageSize: DUE_PAGE_SIZE,
          total: commitments.data?.total ?? 0,
          showSizeChanger: false,
          showTotal: (total) => t('workQueue.lists.total', { count: total }),
          onChange: (page) => void navigate({ to: '/commitments', search: validateDueSearch({ ...search, page }) }),
        }}
        columns={[
          { key: 'description', title: t('reception.commitment'), render: (_, c) => c.description },
          { key: 'owner', title: t('reception.owner'), render: (_, c) => c.owner },
          { key: 'deadline', title: t('reception.deadline'), render: (_, c) => format.date(c.deadline) },
          { key: 'state', title: t('reviews.status'), render: (_, c) => <Tag color={STATE_COLORS[c.state]}>{t(`reception.states.${c.state}`)}</Tag> },
          {
            key: 'session',
            title: t('workQueue.lists.session'),
            render: (_, c) => (
              <Link to="/reception/$sessionId" params={{ sessionId: c.session.id }}>
                {`${t(`reception.kinds.${c.session.kind}`)} ${format.date(c.session.heldOn)} — ${c.session.unit.name}`}
              </Link>
            ),
          },
        ]}
      />
    </>
  );
}
