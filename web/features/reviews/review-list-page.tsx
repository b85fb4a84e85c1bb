import { Link } from '@tanstack/react-router';
import Button from 'antd/es/button';
import Table from 'antd/es/table';
import Tag from 'antd/es/tag';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../ui/error-alert';
import { PageHeading } from '../../ui/page-heading';
import { PrintButton } from '../../ui/print-button';
import { useCan } from '../auth/use-can';
import { UnitYearFilters } from '../units/unit-year-filters';
import { OverdueTasks } from './overdue-tasks';
import { ReviewCreateModal } from './review-create-modal';
import { type Review, useReviews } from './reviews.api';
import { useReviewPeriodLabel } from './use-review-period-label';

const PAGE_SIZE = 20;

export function ReviewListPage() {
  const { t } = useTranslation();
  const periodLabel = useReviewPeriodLabel();
  const canWrite = useCan('data.write');
  const [unitId, setUnitId] = useState<string | undefined>();
  const [year, setYear] = useState<number | undefined>();
  const [page, setPage] = useState(1);
  const [creating, setCreating] = useState(false);
  const list = useReviews({ unitId, year, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });

  return (
    <>
      <PageHeading title={t('reviews.title')}>
        <PrintButton />
        {canWrite && (
          <Button type="primary" onClick={() => setCreating(true)}>
            {t('reviews.create')}
          </Button>
        )}
      </PageHeading>
      <UnitYearFilters
        unitLabel={t('reviews.unitFilter')}
        yearLabel={t('reviews.year')}
        unitId={unitId}
        year={year}
        minYear={1990}
        onUnitChange={(v) => {
          setUnitId(v);
          setPage(1);
        }}
        onYearChange={(v) => {
          setYear(v);
          setPage(1);
        }}
      />
      <OverdueTasks unitId={unitId} />
      <ErrorAlert error={list.error} />
      <Table<Review>
        rowKey="id"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        pagination={{ current: page, pageSize: PAGE_SIZE, total: list.data?.total ?? 0, onChange: setPage, showSizeChanger: false }}
        locale={{ emptyText: t('common.noResults') }}
        scroll={{ x: true }}
        columns={[
          {
            key: 'title',
            title: t('reviews.reviewTitle'),
            render: (_, r) => (
              <Link to="/reviews/$reviewId" params={{ reviewId: r.id }}>
                {r.title}
              </Link>
            ),
          },
          { key: 'unit', title: t('reviews.unit'), render: (_, r) => r.unit.name },
          { key: 'period', title: t('reviews.period'), render: (_, r) => periodLabel(r) },
          { key: 'status', title: t('reviews.status'), render: (_, r) => <Tag color={r.status === 'final' ? 'green' : undefined}>{t(`reviews.statuses.${r.status}`)}</Tag> },
          {
            key: 'tasks',
            title: t('reviews.tasks'),
            render: (_, r) => (
              <>
                {t('reviews.taskCounts', { open: r.taskCounts.open, done: r.taskCounts.done })}
                {r.taskCounts.overdue > 0 && (
                  <Tag color="red" style={{ marginInlineStart: 8 }}>
                    {t('reviews.overdueCount', { n: r.taskCounts.overdue })}
                  </Tag>
                )}
              </>
            ),
          },
        ]}
      />
      {creating && <ReviewCreateModal onClose={() => setCreating(false)} />}
    </>
  );
}
