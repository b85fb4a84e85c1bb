import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import AntdApp from 'antd/es/app';
import Button from 'antd/es/button';
import Card from 'antd/es/card';
import Col from 'antd/es/col';
import Input from 'antd/es/input';
import Modal from 'antd/es/modal';
import Row from 'antd/es/row';
import Select from 'antd/es/select';
import Space from 'antd/es/space';
import Table from 'antd/es/table';
import Tag from 'antd/es/tag';
import Typography from 'antd/es/typography';
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from '@tanstack/react-query';
import { api, ApiError } from '../../app/api-client';
import { unitKeys, type UnitDetail } from '../units/units.api';
import { ButtonLink } from '../../ui/button-link';
import { ErrorAlert } from '../../ui/error-alert';
import { useDebouncedValue } from '../../ui/use-debounced-value';
import { useErrorMessage } from '../../ui/use-error-message';
import { useFormat } from '../../ui/use-format';
import { ERROR_CODES, type ErrorCode } from '../../../common/errors';
import { useCan } from '../auth/use-can';
import { UnitPicker } from '../units/unit-picker';
import { type EntryFilters, type EntrySummary, exportUrl, PAGE_SIZE, useBulkAction, useEntries } from './entries.api';
import { EntryFacets } from './entry-facets';
import { SORTS, validateEntrySearch } from './entry-search';
import { STATUS_COLORS, useEntryVocabulary } from './use-entry-vocabulary';
import { PageHeading } from '../../ui/page-heading';

type BulkFailure = { id: string; code: string };

/** The failing items of an all-or-nothing bulk action (error details: [{ path, id, code, message }]). */
function bulkFailures(error: unknown): BulkFailure[] {
  if (!(error instanceof ApiError) || !Array.isArray(error.details)) return [];
  return (error.details as { id?: unknown; code?: unknown }[]).flatMap((d) => (typeof d?.id === 'string' ? [{ id: d.id, code: typeof d.code === 'string' ? d.code : 'INTERNAL' }] : []));
}

export function EntriesPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const vocabulary = useEntryVocabulary();
  const { message, modal } = AntdApp.useApp();
  const errorMessage = useErrorMessage();
  const filters = useSearch({ strict: false }) as EntryFilters;
  const navigate = useNavigate();
  const canWrite = useCan('data.write');
  const canApprove = useCan('data.approve');
  const searchId = useId();
  const unitId = useId();
  const sortId = useId();
  const [text, setText] = useState(filters.q ?? '');
  const q = useDebouncedValue(text.trim(), 400);
  const [selected, setSelected] = useState<EntrySummary[]>([]);
  const [returning, setReturning] = useState(false);
  const [reason, setReason] = useState('');
  const bulk = useBulkAction();
  const entries = useEntries(filters);
  // After a reload or a shared link the picker knows only the unit's id: show its name.
  const filterUnit = useQuery({ queryKey: unitKeys.detail(filters.unitId ?? ''), queryFn: () => api.get<UnitDetail>(`/api/units/${filters.unitId}`), enabled: !!filters.unitId });

  const update = (patch: Partial<EntryFilters>) => {
    setSelected([]);
    void navigate({ to: '/entries', search: validateEntrySearch({ ...filters, page: undefined, ...patch }) });
  };

  useEffect(() => {
    if ((filters.q ?? '') !== q && (q.length >= 2 || q.length === 0)) {
      void navigate({ to: '/entries', search: validateEntrySearch({ ...filters, q: q || undefined, page: undefined }), replace: true });
    }
    // Only the typed text drives this; the URL drives the rest.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [q]);

  const runBulk = (action: 'accept' | 'return') =>
    bulk.mutate(
      { action, reason: action === 'return' ? reason.trim() : undefined, items: selected.map((e) => ({ id: e.id, version: e.version })) },
      {
        onSuccess: (result) => {
          void message.success(t(action === 'accept' ? 'entries.bulkAccepted' : 'entries.bulkReturned', { count: result.updated }));
          setSelected([]);
          setReturning(false);
          setReason('');
        },
        onError: () => setReturning(false),
      },
    );

  const failed = bulkFailures(bulk.error).map((f) => {
    const title = entries.data?.items.find((e) => e.id === f.id)?.title ?? f.id;
    return `${title} (${errorMessage(new ApiError(409, (ERROR_CODES as readonly string[]).includes(f.code) ? (f.code as ErrorCode) : 'INTERNAL', null))})`;
  });

  return (
    <>
      <PageHeading title={t('entries.title')}>
        <Space wrap>
          <Button href={exportUrl('xlsx', filters)} data-testid="export-xlsx">
            {t('entries.exportExcel')}
          </Button>
          <Button href={exportUrl('csv', filters)} data-testid="export-csv">
            {t('entries.exportCsv')}
          </Button>
          {canWrite && <ButtonLink to="/entries/import">{t('entries.import')}</ButtonLink>}
          {canWrite && (
            <ButtonLink primary to="/entries/new">
              {t('entries.create')}
            </ButtonLink>
          )}
        </Space>
      </PageHeading>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={6}>
          <Card size="small" title={t('entries.filters')}>
            <div style={{ marginBottom: 16 }}>
              <label htmlFor={unitId} style={{ display: 'block', marginBottom: 4 }}>
                {t('entries.unitFilter')}
              </label>
              <UnitPicker id={unitId} value={filters.unitId} initialLabel={filterUnit.data?.unit.name} onChange={(next) => update({ unitId: next })} includeRetired />
            </div>
            <EntryFacets facets={entries.data?.facets} filters={filters} onChange={update} />
            <Button type="link" onClick={() => void navigate({ to: '/entries', search: {} })} style={{ paddingInline: 0 }}>
              {t('entries.clearFilters')}
            </Button>
          </Card>
        </Col>
        <Col xs={24} lg={18}>
          <Card size="small" style={{ marginBottom: 16 }}>
            <div style={{ display: 'flex', gap: 16, flexWrap: 'wrap', alignItems: 'flex-end' }}>
              <div style={{ flex: '1 1 260px' }}>
                <label htmlFor={searchId} style={{ display: 'block', marginBottom: 4 }}>
                  {t('entries.searchLabel')}
                </label>
                <Input id={searchId} value={text} allowClear maxLength={100} placeholder={t('entries.searchPlaceholder')} onChange={(e) => setText(e.target.value)} data-testid="entry-search" />
              </div>
              <div style={{ flex: '0 1 220px' }}>
                <label htmlFor={sortId} style={{ display: 'block', marginBottom: 4 }}>
                  {t('entries.sortLabel')}
                </label>
                <Select
                  id={sortId}
                  value={filters.sort ?? '-updated'}
                  style={{ width: '100%' }}
                  onChange={(sort) => update({ sort: sort === '-updated' ? undefined : sort })}
                  options={SORTS.map((s) => ({ value: s, label: t(`entries.sort.${s.replace('-', 'desc_')}`) }))}
                />
              </div>
            </div>
          </Card>
          <ErrorAlert error={entries.error} />
          <ErrorAlert error={bulk.error} />
          {failed.length > 0 && (
            <Typography.Paragraph type="danger" data-testid="bulk-failed">
              {t('entries.bulkFailed', { ids: failed.join('; ') })}
            </Typography.Paragraph>
          )}
          {canApprove && selected.length > 0 && (
            <Space wrap style={{ marginBottom: 12 }} data-testid="bulk-bar">
              <Typography.Text>{t('entries.selectedCount', { count: selected.length })}</Typography.Text>
              <Button
                type="primary"
                data-testid="bulk-accept"
                loading={bulk.isPending}
                onClick={() => modal.confirm({ title: t('entries.bulkAcceptConfirm', { count: selected.length }), onOk: () => runBulk('accept'), okText: t('common.confirm'), cancelText: t('common.cancel') })}
              >
                {t('entries.bulkAccept')}
              </Button>
              <Button danger data-testid="bulk-return" onClick={() => setReturning(true)}>
                {t('entries.bulkReturn')}
              </Button>
            </Space>
          )}
          <Table<EntrySummary>
            rowKey="id"
            data-testid="entries-table"
            loading={entries.isFetching}
            dataSource={entries.data?.items ?? []}
            rowSelection={
              canApprove
                ? {
                    selectedRowKeys: selected.map((e) => e.id),
                    onChange: (_, rows) => setSelected(rows),
                    getCheckboxProps: (e) => ({ disabled: e.status !== 'registered', 'aria-label': e.title }),
                  }
                : undefined
            }
            pagination={{
              current: filters.page ?? 1,
              pageSize: PAGE_SIZE,
              total: entries.data?.total ?? 0,
              onChange: (page) => void navigate({ to: '/entries', search: validateEntrySearch({ ...filters, page }) }),
              showSizeChanger: false,
              showTotal: (total) => t('entries.total', { count: total }),
            }}
            locale={{ emptyText: t('common.noResults') }}
            scroll={{ x: true }}
            columns={[
              {
                key: 'title',
                title: t('entries.fields.title'),
                render: (_, e) => (
                  <Link to="/entries/$entryId" params={{ entryId: e.id }}>
                    {e.title}
                  </Link>
                ),
              },
              { key: 'unit', title: t('entries.fields.registeringUnit'), render: (_, e) => e.registeringUnit.name },
              { key: 'year', title: t('entries.fields.year'), render: (_, e) => e.year },
              { key: 'field', title: t('entries.fields.fieldCode'), render: (_, e) => vocabulary.field(e.fieldCode) },
              { key: 'level', title: t('entries.fields.level'), render: (_, e) => vocabulary.level(e.level) },
              {
                key: 'status',
                title: t('entries.fields.status'),
                render: (_, e) => (
                  <Tag color={STATUS_COLORS[e.status]} data-testid="entry-status">
                    {vocabulary.status(e.status)}
                  </Tag>
                ),
              },
              { key: 'updated', title: t('entries.fields.updatedAt'), render: (_, e) => format.date(e.updatedAt) },
            ]}
          />
        </Col>
      </Row>
      <Modal
        open={returning}
        title={t('entries.bulkReturnTitle', { count: selected.length })}
        okText={t('entries.bulkReturn')}
        cancelText={t('common.cancel')}
        okButtonProps={{ danger: true, disabled: reason.trim() === '', loading: bulk.isPending }}
        onOk={() => runBulk('return')}
        onCancel={() => setReturning(false)}
        destroyOnHidden
      >
        <label htmlFor={`${searchId}-reason`}>{t('entries.reason')}</label>
        <Input.TextArea id={`${searchId}-reason`} value={reason} onChange={(e) => setReason(e.target.value)} rows={3} maxLength={2000} />
      </Modal>
    </>
  );
}
