import { useNavigate, useSearch } from '@tanstack/react-router';
import Button from 'antd/es/button';
import Card from 'antd/es/card';
import Col from 'antd/es/col';
import Input from 'antd/es/input';
import Row from 'antd/es/row';
import Select from 'antd/es/select';
import Space from 'antd/es/space';
import Typography from 'antd/es/typography';
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../app/api-client';
import { unitKeys, type UnitDetail } from '../units/units.api';
import { ButtonLink } from '../../ui/button-link';
import { ErrorAlert } from '../../ui/error-alert';
import { useDebouncedValue } from '../../ui/use-debounced-value';
import type { EntryStatus } from '../../../common/entries';
import { useCan } from '../auth/use-can';
import { UnitPicker } from '../units/unit-picker';
import { type BulkSelection, EntriesBulkBar } from './entries-bulk-bar';
import { type EntryFilters, type EntryPage, type EntrySummary, exportUrl, listQuery, PAGE_SIZE, useEntries } from './entries.api';
import { EntryFacets } from './entry-facets';
import { SORTS, validateEntrySearch } from './entry-search';
import { isStatus } from './use-entry-vocabulary';
import { useEntryColumns } from './entry-columns';
import { PageHeading } from '../../ui/page-heading';
import { PhoneFilters } from '../../ui/phone-filters';
import { PrintButton } from '../../ui/print-button';
import { usePrintList } from '../../ui/print-list';
import { ResponsiveTable } from '../../ui/responsive-table';
import { useEntryFilterWords } from './entry-filter-words';
import { EntryQueueFilter } from '../work-queue/entry-queue-filter';

/**
 * The states of the entries matching the filters, from the status facet (counted under the other
 * filters) narrowed by the status filter itself: what "all matching" holds without reading it.
 */
function matchingStatuses(facet: { value: string; count: number }[] | undefined, filter: string | undefined): EntryStatus[] {
  const wanted = filter ? new Set(filter.split(',')) : null;
  return (facet ?? []).filter((v) => v.count > 0 && (!wanted || wanted.has(v.value))).map((v) => v.value).filter(isStatus);
}

export function EntriesPage() {
  const { t } = useTranslation();
  const filters = useSearch({ strict: false }) as EntryFilters;
  const navigate = useNavigate();
  const canWrite = useCan('data.write');
  const canApprove = useCan('data.approve');
  // Whoever may take some step selects rows; the bar offers the steps their rights and the rows' states allow.
  const canAct = canWrite || canApprove;
  const searchId = useId();
  const unitId = useId();
  const sortId = useId();
  const [text, setText] = useState(filters.q ?? '');
  const q = useDebouncedValue(text.trim(), 400);
  const [selected, setSelected] = useState<EntrySummary[]>([]);
  const [allMatching, setAllMatching] = useState(false);
  const entries = useEntries(filters);
  const total = entries.data?.total ?? 0;
  // After a reload or a shared link the picker knows only the unit's id: show its name.
  const filterUnit = useQuery({ queryKey: unitKeys.detail(filters.unitId ?? ''), queryFn: () => api.get<UnitDetail>(`/api/units/${filters.unitId}`), enabled: !!filters.unitId });

  // A refetch (after a bulk action was refused, say) brings the selected rows' current versions and states.
  useEffect(() => {
    const fresh = entries.data?.items;
    if (fresh) setSelected((prev) => (prev.length ? prev.map((s) => fresh.find((e) => e.id === s.id) ?? s) : prev));
  }, [entries.data]);

  const clearSelection = () => {
    setSelected([]);
    setAllMatching(false);
  };
  const update = (patch: Partial<EntryFilters>) => {
    clearSelection();
    void navigate({ to: '/entries', search: validateEntrySearch({ ...filters, page: undefined, ...patch }) });
  };

  useEffect(() => {
    if ((filters.q ?? '') !== q && (q.length >= 2 || q.length === 0)) {
      clearSelection();
      void navigate({ to: '/entries', search: validateEntrySearch({ ...filters, q: q || undefined, page: undefined }), replace: true });
    }
    // Only the typed text drives this; the URL drives the rest.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [q]);

  const selection: BulkSelection | null = allMatching
    ? { kind: 'filter', filters, count: total, statuses: matchingStatuses(entries.data?.facets.status, filters.status) }
    : selected.length
      ? { kind: 'rows', rows: selected }
      : null;
  const pageRows = entries.data?.items ?? [];
  const columns = useEntryColumns(pageRows);
  const wholePageSelected = pageRows.length > 0 && pageRows.every((e) => selected.some((s) => s.id === e.id));
  const printList = usePrintList({
    rows: pageRows,
    total,
    fetchAll: async (limit) => (await api.get<EntryPage>('/api/entries', { ...listQuery(filters), limit, offset: 0 })).items,
  });
  const filterWords = useEntryFilterWords(filters, filterUnit.data?.unit.name);

  return (
    <>
      <PageHeading title={t('entries.title')} printFilters={[...filterWords, t('entries.total', { count: total })]}>
        <Space wrap>
          <PrintButton onPrint={printList.print} loading={printList.pending} />
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
        <Col xs={24} lg={6} className="screen-only">
          <PhoneFilters active={filterWords.length}>
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
          </PhoneFilters>
        </Col>
        <Col xs={24} lg={18}>
          <Card size="small" style={{ marginBottom: 16 }} className="screen-only">
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
          <EntryQueueFilter queue={filters.queue} onClear={() => update({ queue: undefined })} />
          <ErrorAlert error={entries.error} />
          {selection && (
            <div className="screen-only">
              <EntriesBulkBar selection={selection} onClear={clearSelection} titleOf={(id) => pageRows.find((e) => e.id === id)?.title} />
            </div>
          )}
          {canAct && !allMatching && wholePageSelected && total > selected.length && (
            <Typography.Paragraph data-testid="select-all-matching" className="screen-only">
              <Button type="link" style={{ paddingInline: 0 }} onClick={() => setAllMatching(true)}>
                {t('entries.selectAllMatching', { count: total })}
              </Button>
            </Typography.Paragraph>
          )}
          <ResponsiveTable<EntrySummary>
            rowKey="id"
            data-testid="entries-table"
            loading={entries.isFetching}
            dataSource={printList.rows}
            rowSelection={
              canAct
                ? {
                    selectedRowKeys: allMatching ? pageRows.map((e) => e.id) : selected.map((e) => e.id),
                    preserveSelectedRowKeys: true,
                    onChange: (_, rows) => {
                      setAllMatching(false);
                      setSelected(rows.filter((e): e is EntrySummary => !!e));
                    },
                    getCheckboxProps: (e) => ({ 'aria-label': e.title }),
                  }
                : undefined
            }
            pagination={
              !printList.whole && {
                current: filters.page ?? 1,
                pageSize: PAGE_SIZE,
                total: entries.data?.total ?? 0,
                onChange: (page) => void navigate({ to: '/entries', search: validateEntrySearch({ ...filters, page }) }),
                showSizeChanger: false,
                showTotal: (total) => t('entries.total', { count: total }),
              }
            }
            locale={{ emptyText: t('common.noResults') }}
            scroll={{ x: true }}
            columns={columns}
          />
        </Col>
      </Row>
    </>
  );
}
