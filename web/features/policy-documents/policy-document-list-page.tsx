/**
 * The policy documents list: a search that ignores diacritics ("nghi quyet 25" finds "Nghị quyết
 * số 25-NQ/TW"), filters by kind, issuing unit, status and the day in force, all kept in the URL
 * (policy-document-search.ts). Cards on a phone. Documents the reader may not read are never
 * listed (the server leaves them out).
 */
import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import Button from 'antd/es/button';
import Card from 'antd/es/card';
import Input from 'antd/es/input';
import Select from 'antd/es/select';
import Tag from 'antd/es/tag';
import dayjs from 'dayjs';
import { type ReactNode, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { POLICY_DOCUMENT_LIMITS, POLICY_DOCUMENT_STATUSES } from '../../../common/policy-documents';
import { api } from '../../app/api-client';
import { DateField } from '../../ui/date-field';
import { EmptyValue } from '../../ui/empty-value';
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
import { PolicyDocumentFormModal } from './policy-document-form-modal';
import { policyDocumentListQuery, type PolicyDocumentSearch, POLICY_DOCUMENTS_PAGE_SIZE, validatePolicyDocumentSearch } from './policy-document-search';
import { useFilterWords, useStatusName } from './policy-document-words';
import { kindName, type PolicyDocumentPage, type PolicyDocumentSummary, usePolicyDocumentKinds, usePolicyDocuments } from './policy-documents.api';

export function PolicyDocumentListPage() {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const canWrite = useCan('data.write');
  const navigate = useNavigate();
  const search = useSearch({ strict: false }) as PolicyDocumentSearch;
  const kinds = usePolicyDocumentKinds();
  const list = usePolicyDocuments(policyDocumentListQuery(search));
  const statusName = useStatusName();
  const [creating, setCreating] = useState(false);
  // After a reload or a shared link the picker knows only the unit's id: show its name.
  const filterUnit = useQuery({ queryKey: unitKeys.detail(search.issuingUnitId ?? ''), queryFn: () => api.get<UnitDetail>(`/api/units/${search.issuingUnitId}`), enabled: !!search.issuingUnitId });
  const filterWords = useFilterWords(search, filterUnit.data?.unit.name);
  // Paper gets every matching document, not the page on screen (docs/web.md).
  const printList = usePrintList({
    rows: list.data?.items ?? [],
    total: list.data?.total ?? 0,
    fetchAll: async (limit) => (await api.get<PolicyDocumentPage>('/api/policy-documents', { ...policyDocumentListQuery(search), limit, offset: 0 })).items,
  });
  // The filters live in the URL (reload, back and a shared link keep them); a new filter starts at page 1.
  const update = (patch: Partial<PolicyDocumentSearch>) => void navigate({ to: '/policy-documents', search: validatePolicyDocumentSearch({ ...search, page: undefined, ...patch }) });
  const ids = { search: useId(), kind: useId(), unit: useId(), status: useId(), validOn: useId() };
  const label = (id: string, text: string) => (
    <label htmlFor={id} style={{ display: 'block', marginBottom: 4 }}>
      {text}
    </label>
  );
  const open = (d: PolicyDocumentSummary, children: ReactNode) => (
    <Link to="/policy-documents/$documentId" params={{ documentId: d.id }}>
      {children}
    </Link>
  );

  return (
    <>
      <PageHeading title={t('policyDocuments.title')} printFilters={[...filterWords, t('policyDocuments.total', { count: list.data?.total ?? 0 })]}>
        <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap' }}>
          <PrintButton onPrint={printList.print} loading={printList.pending} />
          {canWrite && (
            <Button type="primary" onClick={() => setCreating(true)} data-testid="policy-document-create">
              {t('policyDocuments.create')}
            </Button>
          )}
        </div>
      </PageHeading>
      <div className="screen-only" style={{ marginBottom: 12 }}>
        <label htmlFor={ids.search} className="visually-hidden">
          {t('policyDocuments.filters.search')}
        </label>
        <Input.Search
          id={ids.search}
          key={search.q ?? ''}
          defaultValue={search.q}
          allowClear
          enterButton={t('common.search')}
          maxLength={POLICY_DOCUMENT_LIMITS.query}
          placeholder={t('policyDocuments.filters.searchPlaceholder')}
          onSearch={(q) => update({ q: q.trim() || undefined })}
          data-testid="policy-document-search"
        />
      </div>
      <PhoneFilters active={filterWords.length - (search.q ? 1 : 0)}>
        <Card size="small" style={{ marginBottom: 16 }} className="screen-only">
          <div style={{ display: 'flex', gap: 12, flexWrap: 'wrap', alignItems: 'flex-end' }}>
            <div style={{ flex: '0 1 220px' }}>
              {label(ids.kind, t('policyDocuments.fields.kind'))}
              <Select<string>
                id={ids.kind}
                allowClear
                style={{ width: '100%' }}
                placeholder={t('policyDocuments.filters.any')}
                value={search.kind}
                onChange={(kind) => update({ kind })}
                options={(kinds.data?.items ?? []).map((k) => ({ value: k.code, label: kindName(kinds.data?.items, k.code, i18n.language) }))}
              />
            </div>
            <div style={{ flex: '1 1 260px' }}>
              {label(ids.unit, t('policyDocuments.filters.issuingUnit'))}
              <UnitPicker id={ids.unit} value={search.issuingUnitId} onChange={(issuingUnitId) => update({ issuingUnitId })} includeRetired initialLabel={filterUnit.data?.unit.name} />
            </div>
            <div style={{ flex: '0 1 180px' }}>
              {label(ids.status, t('policyDocuments.fields.status'))}
              <Select
                id={ids.status}
                allowClear
                style={{ width: '100%' }}
                placeholder={t('policyDocuments.filters.any')}
                value={search.status}
                onChange={(status) => update({ status })}
                options={POLICY_DOCUMENT_STATUSES.map((s) => ({ value: s, label: statusName(s) }))}
              />
            </div>
            <div style={{ flex: '0 1 200px' }}>
              {label(ids.validOn, t('policyDocuments.filters.validOn'))}
              <DateField
                id={ids.validOn}
                style={{ width: '100%' }}
                value={search.validOn ? dayjs(search.validOn) : null}
                onChange={(day) => update({ validOn: day ? day.format('YYYY-MM-DD') : undefined })}
              />
            </div>
          </div>
        </Card>
      </PhoneFilters>
      <ErrorAlert error={list.error} />
      <ResponsiveTable<PolicyDocumentSummary>
        rowKey="id"
        size="small"
        cardTitleKey="title"
        data-testid="policy-documents-table"
        loading={list.isFetching}
        dataSource={printList.rows}
        locale={{ emptyText: t('common.noResults') }}
        scroll={{ x: 960 }}
        pagination={
          !printList.whole && {
            current: search.page ?? 1,
            pageSize: POLICY_DOCUMENTS_PAGE_SIZE,
            total: list.data?.total ?? 0,
            showSizeChanger: false,
            showTotal: (total) => t('policyDocuments.total', { count: total }),
            onChange: (page) => void navigate({ to: '/policy-documents', search: validatePolicyDocumentSearch({ ...search, page }) }),
          }
        }
        columns={[
          {
            key: 'number',
            title: t('policyDocuments.fields.numberAndSymbol'),
            width: 140,
            // "25-NQ/TW" reads left to right in Arabic too, and never breaks at its dash or slash.
            render: (_, d) => (
              <>
                {open(
                  d,
                  <bdi dir="ltr" style={{ whiteSpace: 'nowrap' }}>
                    {d.number ? d.numberAndSymbol : d.symbol}
                  </bdi>,
                )}
                {!d.number && <div style={{ fontSize: 12, color: 'rgba(0,0,0,0.55)' }}>{t('policyDocuments.noNumber')}</div>}
              </>
            ),
          },
          { key: 'kind', title: t('policyDocuments.fields.kind'), width: 130, render: (_, d) => kindName(kinds.data?.items, d.kind, i18n.language) },
          {
            key: 'issuingBody',
            title: t('policyDocuments.fields.issuingBody'),
            width: 180,
            render: (_, d) => (
              <>
                <div>
                  <bdi>{d.issuingBody}</bdi>
                </div>
                <div style={{ fontSize: 12, color: 'rgba(0,0,0,0.55)' }}>{d.issuingUnit.name}</div>
              </>
            ),
          },
          { key: 'issuedOn', title: t('policyDocuments.fields.issuedOn'), width: 110, render: (_, d) => (d.issuedOn ? format.date(d.issuedOn) : <EmptyValue />) },
          {
            key: 'title',
            title: t('policyDocuments.fields.title'),
            render: (_, d) => (
              <>
                {open(d, <bdi>{d.title}</bdi>)}
                {d.status === 'draft' && (
                  <Tag color="gold" style={{ marginInlineStart: 8 }}>
                    {statusName('draft')}
                  </Tag>
                )}
                {d.restricted && <Tag style={{ marginInlineStart: 8 }}>{t('policyDocuments.restrictedTag')}</Tag>}
              </>
            ),
          },
        ]}
      />
      {creating && <PolicyDocumentFormModal onClose={() => setCreating(false)} />}
    </>
  );
}
