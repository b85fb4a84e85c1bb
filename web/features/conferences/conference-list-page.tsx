import { Link } from '@tanstack/react-router';
import Button from 'antd/es/button';
import Card from 'antd/es/card';
import InputNumber from 'antd/es/input-number';
import Table from 'antd/es/table';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../ui/error-alert';
import { useFormat } from '../../ui/use-format';
import { useCan } from '../auth/use-can';
import { UnitPicker } from '../units/unit-picker';
import { ConferenceFormModal } from './conference-form-modal';
import { type ReviewConference, useConferences } from './conferences.api';
import { usePeriodLabel } from './use-period-label';
import { PageHeading } from '../../ui/page-heading';

const PAGE_SIZE = 20;

export function ConferenceListPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const periodLabel = usePeriodLabel();
  const canWrite = useCan('data.write');
  const unitLabel = useId();
  const yearLabel = useId();
  const [unitId, setUnitId] = useState<string | undefined>();
  const [year, setYear] = useState<number | undefined>();
  const [page, setPage] = useState(1);
  const [creating, setCreating] = useState(false);
  const list = useConferences({ unitId, year, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });

  return (
    <>
      <PageHeading title={t('conferences.title')}>
        {canWrite && (
          <Button type="primary" onClick={() => setCreating(true)}>
            {t('conferences.create')}
          </Button>
        )}
      </PageHeading>
      <Card size="small" style={{ marginBottom: 16 }}>
        <div style={{ display: 'flex', gap: 16, flexWrap: 'wrap', alignItems: 'flex-end' }}>
          <div style={{ flex: '1 1 260px' }}>
            <label htmlFor={unitLabel} style={{ display: 'block', marginBottom: 4 }}>
              {t('conferences.unitFilter')}
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
              {t('conferences.year')}
            </label>
            <InputNumber
              id={yearLabel}
              min={2000}
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
      <ErrorAlert error={list.error} />
      <Table<ReviewConference>
        rowKey="id"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        pagination={{ current: page, pageSize: PAGE_SIZE, total: list.data?.total ?? 0, onChange: setPage, showSizeChanger: false }}
        locale={{ emptyText: t('common.noResults') }}
        scroll={{ x: true }}
        columns={[
          {
            key: 'title',
            title: t('conferences.conferenceTitle'),
            render: (_, c) => (
              <Link to="/conferences/$conferenceId" params={{ conferenceId: c.id }}>
                {c.title}
              </Link>
            ),
          },
          { key: 'unit', title: t('conferences.unit'), render: (_, c) => c.unit.name },
          { key: 'heldOn', title: t('conferences.heldOn'), render: (_, c) => format.date(c.heldOn) },
          { key: 'period', title: t('conferences.period'), render: (_, c) => periodLabel(c) },
        ]}
      />
      {creating && <ConferenceFormModal onClose={() => setCreating(false)} />}
    </>
  );
}
