/**
 * The petitions list: filters (unit, the unit's queue, status, kind, channel, category, due) kept in
 * the URL (petition-search.ts), overdue rows in red and due-soon rows in orange, the submitter
 * masked. Officers with data.write record a new petition from here.
 */
import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import Button from 'antd/es/button';
import Card from 'antd/es/card';
import Input from 'antd/es/input';
import Select from 'antd/es/select';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PETITION_CHANNELS, PETITION_KINDS, PETITION_STATUSES, type PetitionSummary } from '../../../common/petitions';
import { api } from '../../app/api-client';
import { DownloadButton } from '../../ui/download-button';
import { ErrorAlert } from '../../ui/error-alert';
import { PageHeading } from '../../ui/page-heading';
import { PhoneFilters } from '../../ui/phone-filters';
import { PrintButton } from '../../ui/print-button';
import { usePrintList } from '../../ui/print-list';
import { ResponsiveTable } from '../../ui/responsive-table';
import { useFormat } from '../../ui/use-format';
import { useCan } from '../auth/use-can';
import { UnitPicker } from '../units/unit-picker';
import { unitKeys, type UnitDetail } from '../units/units.api';
import { DigestCard } from './digest-card';
import { DueTag } from './due-tag';
import { PETITION_SEARCH_MAX, petitionListFilters, type PetitionSearch, validatePetitionSearch } from './petition-search';
import { usePetitionFilterWords } from './petition-filter-words';
import { localName, type PetitionPage, PETITIONS_PAGE_SIZE, petitionsExportUrl, usePetitionSettings, usePetitions } from './petitions.api';

export function PetitionsPage() {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const canWrite = useCan('data.write');
  // Names are searched only for holders of petitions.identity (the server decides; the box says what it looks in).
  const canReadIdentity = useCan('petitions.identity');
  const searchId = useId();
  const [exportError, setExportError] = useState<unknown>(null);
  const navigate = useNavigate();
  const settings = usePetitionSettings();
  const search = useSearch({ strict: false }) as PetitionSearch;
  const list = usePetitions(petitionListFilters(search));
  // After a reload or a shared link the picker knows only the unit's id: show its name.
  const filterUnit = useQuery({ queryKey: unitKeys.detail(search.unitId ?? ''), queryFn: () => api.get<UnitDetail>(`/api/units/${search.unitId}`), enabled: !!search.unitId });
  // The filters live in the URL (reload, back and a shared link keep them); a new filter starts at page 1.
  const update = (patch: Partial<PetitionSearch>) => void navigate({ to: '/petitions', search: validatePetitionSearch({ ...search, page: undefined, ...patch }) });
  const ids = { unit: useId(), view: useId(), status: useId(), kind: useId(), channel: useId(), category: useId(), due: useId() };
  const printList = usePrintList({
    rows: list.data?.items ?? [],
    total: list.data?.total ?? 0,
    totalCapped: list.data?.totalCapped,
    fetchAll: async (limit) => {
      const { page: _page, ...filters } = petitionListFilters(search);
      return (await api.get<PetitionPage>('/api/petitions', { ...filters, limit, offset: 0 })).items;
    },
  });
  const filterWords = usePetitionFilterWords(search, filterUnit.data?.unit.name);
  const categoryName = (code: string) => localName(settings.data?.categories.find((c) => c.code === code)?.names ?? {}, i18n.language) || code;
  const label = (id: string, text: string) => (
    <label htmlFor={id} style={{ display: 'block', marginBottom: 4 }}>
      {text}
    </label>
  );

  return (
    <>
      <PageHeading title={t('petitions.title')} printFilters={[...filterWords, t('petitions.total', { count: list.data?.total ?? 0 })]}>
        <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap' }}>
          <PrintButton onPrint={printList.print} loading={printList.pending} />
          <DownloadButton href={petitionsExportUrl('xlsx', petitionListFilters(search))} fileName="don-thu.xlsx" onError={setExportError} data-testid="export-xlsx">
            {t('common.exportExcel')}
          </DownloadButton>
          <DownloadButton href={petitionsExportUrl('csv', petitionListFilters(search))} fileName="don-thu.csv" onError={setExportError} data-testid="export-csv">
            {t('common.exportCsv')}
          </DownloadButton>
          <Button onClick={() => void navigate({ to: '/holidays' })}>{t('holidays.title')}</Button>
          {canWrite && (
            <Button type="primary" onClick={() => void navigate({ to: '/petitions/new' })}>
              {t('petitions.intake.open')}
            </Button>
          )}
        </div>
      </PageHeading>
      <div className="screen-only">
        <DigestCard unitId={search.unitId} onOpen={(due) => update({ due, status: undefined })} />
        <div style={{ marginBottom: 12 }}>
          <label htmlFor={searchId} className="visually-hidden">
            {t('petitions.filters.search')}
          </label>
          <Input.Search
            id={searchId}
            key={search.q ?? ''}
            defaultValue={search.q}
            allowClear
            enterButton={t('common.search')}
            maxLength={PETITION_SEARCH_MAX}
            placeholder={t(canReadIdentity ? 'petitions.search.placeholderWithName' : 'petitions.search.placeholder')}
            aria-describedby={canReadIdentity ? `${searchId}-help` : undefined}
            onSearch={(q) => update({ q: q.trim() || undefined })}
            data-testid="petition-search"
          />
          {canReadIdentity && (
            <div id={`${searchId}-help`} style={{ fontSize: 12, color: 'rgba(0,0,0,0.55)', marginTop: 4 }}>
              {t('petitions.search.nameAudited')}
            </div>
          )}
        </div>
      </div>
      <PhoneFilters active={filterWords.length - (search.status === undefined ? 1 : 0)}>
        <Card size="small" style={{ marginBottom: 16 }} className="screen-only">
          <div style={{ display: 'flex', gap: 12, flexWrap: 'wrap', alignItems: 'flex-end' }}>
            <div style={{ flex: '1 1 240px' }}>
              {label(ids.unit, t('petitions.filters.unit'))}
              <UnitPicker id={ids.unit} value={search.unitId} onChange={(unitId) => update({ unitId })} initialLabel={filterUnit.data?.unit.name} />
            </div>
            <div style={{ flex: '0 1 200px' }}>
              {label(ids.view, t('petitions.filters.view'))}
              <Select
                id={ids.view}
                style={{ width: '100%' }}
                disabled={!search.unitId}
                value={search.view ?? 'all'}
                onChange={(view) => update({ view: view === 'queue' ? view : undefined })}
                options={[
                  { value: 'all', label: t('petitions.filters.viewAll') },
                  { value: 'queue', label: t('petitions.filters.viewQueue') },
                ]}
              />
            </div>
            <div style={{ flex: '0 1 180px' }}>
              {label(ids.status, t('petitions.fields.status'))}
              <Select
                id={ids.status}
                style={{ width: '100%' }}
                value={search.status ?? 'open'}
                onChange={(v) => update({ status: v === 'open' ? undefined : (v as PetitionSearch['status']) })}
                options={[
                  { value: 'open', label: t('petitions.filters.open') },
                  { value: 'any', label: t('petitions.filters.any') },
                  ...PETITION_STATUSES.map((s) => ({ value: s, label: t(`petitions.status.${s}`) })),
                ]}
              />
            </div>
            <div style={{ flex: '0 1 170px' }}>
              {label(ids.due, t('petitions.filters.due'))}
              <Select
                id={ids.due}
                allowClear
                style={{ width: '100%' }}
                placeholder={t('petitions.filters.any')}
                value={search.due}
                onChange={(due) => update({ due })}
                options={[
                  { value: 'overdue', label: t('petitions.due.overdue') },
                  { value: 'due_soon', label: t('petitions.due.due_soon') },
                ]}
              />
            </div>
            <div style={{ flex: '0 1 170px' }}>
              {label(ids.kind, t('petitions.fields.kind'))}
              <Select id={ids.kind} allowClear style={{ width: '100%' }} placeholder={t('petitions.filters.any')} value={search.kind} onChange={(kind) => update({ kind })} options={PETITION_KINDS.map((k) => ({ value: k, label: t(`petitions.kind.${k}`) }))} />
            </div>
            <div style={{ flex: '0 1 170px' }}>
              {label(ids.channel, t('petitions.fields.channel'))}
              <Select id={ids.channel} allowClear style={{ width: '100%' }} placeholder={t('petitions.filters.any')} value={search.channel} onChange={(channel) => update({ channel })} options={PETITION_CHANNELS.map((c) => ({ value: c, label: t(`petitions.channel.${c}`) }))} />
            </div>
            <div style={{ flex: '0 1 200px' }}>
              {label(ids.category, t('petitions.fields.category'))}
              <Select
                id={ids.category}
                allowClear
                style={{ width: '100%' }}
                placeholder={t('petitions.filters.any')}
                value={search.categoryCode}
                onChange={(categoryCode) => update({ categoryCode })}
                options={(settings.data?.categories ?? []).map((c) => ({ value: c.code, label: localName(c.names, i18n.language) }))}
              />
            </div>
          </div>
        </Card>
      </PhoneFilters>
      <ErrorAlert error={list.error} />
      <ErrorAlert error={exportError} />
      <ResponsiveTable<PetitionSummary>
        rowKey="id"
        size="small"
        cardTitleKey="title"
        data-testid="petitions-table"
        loading={list.isFetching}
        dataSource={printList.rows}
        // The title keeps 260 px (it used to be squeezed to a word per line beside the fixed columns).
        scroll={{ x: 1210 }}
        onRow={(r) => ({ style: r.dueState === 'overdue' ? { background: '#fff1f0' } : r.dueState === 'due_soon' ? { background: '#fff7e6' } : undefined })}
        pagination={
          !printList.whole && {
            current: search.page ?? 1,
            pageSize: PETITIONS_PAGE_SIZE,
            total: list.data?.total ?? 0,
            showSizeChanger: false,
            showTotal: (total) => t(list.data?.totalCapped ? 'petitions.totalCapped' : 'petitions.total', { count: total }),
            onChange: (page) => void navigate({ to: '/petitions', search: validatePetitionSearch({ ...search, page }) }),
          }
        }
        columns={[
          { key: 'number', title: t('petitions.fields.number'), render: (_, r) => <Link to="/petitions/$petitionId" params={{ petitionId: r.id }}>{r.number}</Link>, width: 80 },
          // A number is the receiving unit's, per year: "1/2026" means something only with its unit.
          { key: 'unit', title: t('petitions.fields.unit'), render: (_, r) => r.unit.name, width: 140 },
          { key: 'title', title: t('petitions.fields.title'), render: (_, r) => <Link to="/petitions/$petitionId" params={{ petitionId: r.id }}>{r.title}</Link>, width: 260 },
          { key: 'kind', title: t('petitions.fields.kind'), render: (_, r) => t(`petitions.kind.${r.kind}`), width: 110 },
          { key: 'category', title: t('petitions.fields.category'), render: (_, r) => categoryName(r.categoryCode), width: 130 },
          { key: 'submitter', title: t('petitions.fields.submitter'), render: (_, r) => (r.submitter.anonymous ? t('petitions.anonymous') : r.submitter.erased ? t('petitions.erased') : r.submitter.name), width: 120 },
          { key: 'handling', title: t('petitions.fields.handlingUnit'), render: (_, r) => r.handlingUnit.name, width: 140 },
          { key: 'status', title: t('petitions.fields.status'), render: (_, r) => t(`petitions.status.${r.status}`), width: 110 },
          { key: 'due', title: t('petitions.fields.dueOn'), render: (_, r) => (
            <>
              <div>{format.date(r.dueOn)}</div>
              <DueTag state={r.dueState} escalated={r.escalated} />
            </>
          ), width: 120 },
        ]}
      />
    </>
  );
}
