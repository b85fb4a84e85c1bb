import { Link } from '@tanstack/react-router';
import Button from 'antd/es/button';
import Card from 'antd/es/card';
import InputNumber from 'antd/es/input-number';
import Table from 'antd/es/table';
import Tag from 'antd/es/tag';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../ui/error-alert';
import { PageHeading } from '../../ui/page-heading';
import { useCan } from '../auth/use-can';
import { UnitPicker } from '../units/unit-picker';
import { OverdueTasks } from './overdue-tasks';
import { ReviewCreateModal } from './review-create-modal';
import { type Review, useReviews } from './reviews.api';
import { useReviewPeriodLabel } from './use-review-period-label';

const PAGE_SIZE = 20;

export function ReviewListPage() {
  const { t } = useTranslation();
  const periodLabel = useReviewPeriodLabel();
  const canWrite = useCan('data.write');
  const unitLabel = useId();
  const yearLabel = useId();
  const [unitId, setUnitId] = useState<string | undefined>();
  const [year, setYear] = useState<number | undefined>();
  const [page, setPage] = useState(1);
  const [creating, setCreating] = useState(false);
  const list = useReviews({ unitId, year, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });

  return (
    <>
      <PageHeading title={t('reviews.title')}>
        {canWrite && (
          <Button type="primary" onClick={() => setCreating(true)}>
            {t('reviews.create')}
          </Button>
        )}
      </PageHeading>
      <Card size="small" style={{ marginBottom: 16 }}>
        <div style={{ display: 'flex', gap: 16, flexWrap: 'wrap', alignItems: 'flex-end' }}>
          <div style={{ flex: '1 1 260px' }}>
            <label htmlFor={unitLabel} style={{ display: 'block', marginBottom: 4 }}>
              {t('reviews.unitFilter')}
            </label>
            <UnitPicker
              id={unitLabel}
              value={unitId}
              includeRetired
              onChange={(v) => {
                setUnitId(v);
                setPage(1);
              }}
            />
          </div>
          <div>
            <label htmlFor={yearLabel} style={{ display: 'block', marginBottom: 4 }}>
              {t('reviews.year')}
            </label>
            <InputNumber
              id={yearLabel}
              min={1990}
              max={2100}
              precision={0}
              value={year}
              onChange={(v) => {
                setYear(v ?? undefined);
                setPage(1);
              }}
            />
          </div>
        </div>
      </Card>
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
                    {t('reviews.overdueCount', { count: r.taskCounts.overdue })}
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
