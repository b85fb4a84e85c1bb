import { Link } from '@tanstack/react-router';
import Button from 'antd/es/button';
import Table from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiUrl } from '../../app/api-client';
import { DownloadButton } from '../../ui/download-button';
import { ErrorAlert } from '../../ui/error-alert';
import { useFormat } from '../../ui/use-format';
import { useCan } from '../auth/use-can';
import { UnitYearFilters } from '../units/unit-year-filters';
import { ConferenceFormModal } from './conference-form-modal';
import { type ReviewConference, useConferences } from './conferences.api';
import { usePeriodLabel } from './use-period-label';
import { PageHeading } from '../../ui/page-heading';
import { PrintButton } from '../../ui/print-button';

const PAGE_SIZE = 20;

export function ConferenceListPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const periodLabel = usePeriodLabel();
  const canWrite = useCan('data.write');
  const [unitId, setUnitId] = useState<string | undefined>();
  const [year, setYear] = useState<number | undefined>();
  const [page, setPage] = useState(1);
  const [creating, setCreating] = useState(false);
  const [exportError, setExportError] = useState<unknown>(null);
  const list = useConferences({ unitId, year, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });

  return (
    <>
      <PageHeading title={t('conferences.title')}>
        <PrintButton />
        <DownloadButton href={apiUrl('/api/review-conferences/export.xlsx', { unitId, year })} fileName="hoi-nghi.xlsx" onError={setExportError} data-testid="export-xlsx">
          {t('common.exportExcel')}
        </DownloadButton>
        <DownloadButton href={apiUrl('/api/review-conferences/export.csv', { unitId, year })} fileName="hoi-nghi.csv" onError={setExportError} data-testid="export-csv">
          {t('common.exportCsv')}
        </DownloadButton>
        {canWrite && (
          <Button type="primary" onClick={() => setCreating(true)}>
            {t('conferences.create')}
          </Button>
        )}
      </PageHeading>
      <UnitYearFilters
        unitLabel={t('conferences.unitFilter')}
        yearLabel={t('conferences.year')}
        unitId={unitId}
        year={year}
        minYear={2000}
        onUnitChange={(v) => {
          setUnitId(v);
          setPage(1);
        }}
        onYearChange={(v) => {
          setYear(v);
          setPage(1);
        }}
      />
      <ErrorAlert error={list.error} />
      <ErrorAlert error={exportError} />
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
