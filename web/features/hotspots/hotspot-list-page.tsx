/**
 * "Điểm nóng, vụ việc phức tạp": the cases of a unit's subtree (open by default), the tree of open
 * cases by child unit, and the flash report button. Filters live in the URL; cards on a phone.
 */
import { useQuery } from '@tanstack/react-query';
import { useNavigate, useSearch } from '@tanstack/react-router';
import Card from 'antd/es/card';
import Input from 'antd/es/input';
import Select from 'antd/es/select';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api-client';
import { ButtonLink } from '../../ui/button-link';
import { ErrorAlert } from '../../ui/error-alert';
import { PageHeading } from '../../ui/page-heading';
import { PhoneFilters } from '../../ui/phone-filters';
import { useMe } from '../auth/auth.api';
import { useCan } from '../auth/use-can';
import { UnitPicker } from '../units/unit-picker';
import { unitKeys, type UnitDetail } from '../units/units.api';
import { hotspotListQuery, type HotspotSearch, HOTSPOTS_PAGE_SIZE, validateHotspotSearch } from './hotspot-search';
import { HotspotTable } from './hotspot-table';
import { HotspotTree } from './hotspot-tree';
import { useHotspotWords } from './hotspot-words';
import { useHotspots } from './hotspots.api';

export function HotspotListPage() {
  const { t } = useTranslation();
  const me = useMe();
  const canWrite = useCan('data.write');
  const navigate = useNavigate();
  const words = useHotspotWords();
  const search = useSearch({ strict: false }) as HotspotSearch;
  const query = hotspotListQuery(search, me?.grants[0]?.unitId);
  const list = useHotspots(query);
  const filterUnit = useQuery({ queryKey: unitKeys.detail(query?.unitId ?? ''), queryFn: () => api.get<UnitDetail>(`/api/units/${query?.unitId}`), enabled: !!query });
  const update = (patch: Partial<HotspotSearch>) => void navigate({ to: '/hotspots', search: validateHotspotSearch({ ...search, page: undefined, ...patch }) });
  const ids = { unit: useId(), status: useId(), kind: useId(), severity: useId(), q: useId() };
  const label = (id: string, text: string) => (
    <label htmlFor={id} style={{ display: 'block', marginBottom: 4 }}>
      {text}
    </label>
  );
  const active = ['unitId', 'status', 'kind', 'severity', 'q'].filter((k) => search[k as keyof HotspotSearch] !== undefined).length;

  return (
    <>
      <PageHeading title={t('hotspots.title')}>
        {canWrite && (
          <ButtonLink primary to="/hotspots/new" data-testid="hotspot-create">
            {t('hotspots.create')}
          </ButtonLink>
        )}
      </PageHeading>
      <PhoneFilters active={active}>
        <Card size="small" style={{ marginBottom: 16 }} className="screen-only">
          <div style={{ display: 'flex', gap: 12, flexWrap: 'wrap', alignItems: 'flex-end' }}>
            <div style={{ flex: '1 1 260px', maxWidth: 420 }}>
              {label(ids.unit, t('hotspots.fields.unit'))}
              <UnitPicker id={ids.unit} value={query?.unitId} allowClear={false} initialLabel={filterUnit.data?.unit.name} onChange={(unitId) => update({ unitId })} />
            </div>
            <div style={{ flex: '0 1 170px' }}>
              {label(ids.status, t('hotspots.fields.status'))}
              <Select
                id={ids.status}
                style={{ width: '100%' }}
                value={search.status ?? 'open'}
                onChange={(status) => update({ status })}
                options={[
                  { value: 'open', label: t('hotspots.filters.open') },
                  { value: 'closed', label: t('hotspots.filters.closed') },
                  { value: 'all', label: t('hotspots.filters.all') },
                ]}
                data-testid="hotspots-status-filter"
              />
            </div>
            <div style={{ flex: '0 1 220px' }}>
              {label(ids.kind, t('hotspots.fields.kind'))}
              <Select id={ids.kind} allowClear style={{ width: '100%' }} value={search.kind} onChange={(kind) => update({ kind })} options={words.kinds.map((k) => ({ value: k.code, label: words.kindName(k.code) }))} />
            </div>
            <div style={{ flex: '0 1 160px' }}>
              {label(ids.severity, t('hotspots.fields.severity'))}
              <Select id={ids.severity} allowClear style={{ width: '100%' }} value={search.severity} onChange={(severity) => update({ severity })} options={[3, 2, 1].map((s) => ({ value: s, label: words.severity[s] }))} />
            </div>
            <div style={{ flex: '1 1 200px' }}>
              {label(ids.q, t('hotspots.filters.q'))}
              <Input.Search id={ids.q} defaultValue={search.q} allowClear onSearch={(q) => update({ q: q || undefined })} />
            </div>
          </div>
        </Card>
      </PhoneFilters>
      {search.queue === 'action' && (
        <Card size="small" style={{ marginBottom: 16 }} data-testid="hotspots-queue-filter">
          {t('hotspots.queueFilter')}{' '}
          <a onClick={() => update({ queue: undefined })} role="button">
            {t('workQueue.clearQueue')}
          </a>
        </Card>
      )}
      <HotspotTree unitId={query?.unitId} onOpen={(unitId) => update({ unitId })} />
      <ErrorAlert error={list.error} />
      <HotspotTable
        items={list.data?.items ?? []}
        loading={list.isFetching}
        pagination={{
          current: search.page ?? 1,
          pageSize: HOTSPOTS_PAGE_SIZE,
          total: list.data?.total ?? 0,
          showSizeChanger: false,
          hideOnSinglePage: true,
          showTotal: (total) => t('hotspots.total', { count: total }),
          onChange: (page) => void navigate({ to: '/hotspots', search: validateHotspotSearch({ ...search, page }) }),
        }}
      />
    </>
  );
}
