/**
 * "Dân chủ ở cơ sở": a commune's year — the items it must publish with their state (published,
 * overdue, never), its publications, its citizens' decisions, and the figures rolled up by child
 * unit. Records asked for the public page wait for an approver's review here. The unit, tab and
 * year live in the URL.
 */
import { useQuery } from '@tanstack/react-query';
import { useNavigate, useSearch } from '@tanstack/react-router';
import Button from 'antd/es/button';
import Card from 'antd/es/card';
import Empty from 'antd/es/empty';
import InputNumber from 'antd/es/input-number';
import Tabs from 'antd/es/tabs';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api-client';
import { ErrorAlert } from '../../ui/error-alert';
import { PageHeading } from '../../ui/page-heading';
import { useMe } from '../auth/auth.api';
import { useCan } from '../auth/use-can';
import { UnitPicker } from '../units/unit-picker';
import { unitKeys, type UnitDetail } from '../units/units.api';
import { GrassrootsFiguresTable } from './grassroots-figures';
import { GrassrootsFormModal } from './grassroots-forms';
import { DecisionsTable, ItemsTable, PublicationsTable } from './grassroots-tables';
import { type CitizenDecision, type Publication, useDecisions, useGrassrootsCatalogues, useItemYears, usePending, usePublications } from './grassroots.api';
import { GRASSROOTS_TABS, type GrassrootsSearch, validateGrassrootsSearch } from './grassroots-search';

export function GrassrootsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const search = useSearch({ strict: false }) as GrassrootsSearch;
  const canWrite = useCan('data.write');
  const canReview = useCan('data.approve');
  const chosenId = search.unitId ?? me?.grants[0]?.unitId;
  const tab = search.tab ?? 'items';
  const year = search.year ?? new Date().getFullYear();
  const catalogues = useGrassrootsCatalogues();
  const filterUnit = useQuery({ queryKey: unitKeys.detail(chosenId ?? ''), queryFn: () => api.get<UnitDetail>(`/api/units/${chosenId}`), enabled: !!chosenId });
  // A Front committee's officer works on its commune's records: the commune is the default unit.
  const front = !search.unitId && filterUnit.data?.unit.kind === 'fatherland_front' && filterUnit.data.unit.parentId ? filterUnit.data : null;
  const unitId = front ? (front.unit.parentId ?? undefined) : search.unitId ?? (filterUnit.data ? chosenId : undefined);
  const unitLabel = front ? front.ancestors.at(-1)?.name : filterUnit.data?.unit.name;
  // The items to publish are a commune's duty: a province or the country has figures, not items
  // (the server refuses them too). The unit read is the one shown, the Front's commune included.
  const shownUnit = useQuery({ queryKey: unitKeys.detail(unitId ?? ''), queryFn: () => api.get<UnitDetail>(`/api/units/${unitId}`), enabled: !!unitId });
  const notCommune = !!shownUnit.data && shownUnit.data.unit.kind !== 'commune';
  const items = useItemYears(tab === 'items' && shownUnit.data && !notCommune ? unitId : undefined, year);
  const publications = usePublications(tab === 'publications' ? unitId : undefined, year);
  const decisions = useDecisions(tab === 'decisions' ? unitId : undefined, year);
  const pending = usePending(tab === 'review' && canReview ? unitId : undefined);
  const [editing, setEditing] = useState<{ kind: 'publications' | 'decisions'; record?: Publication | CitizenDecision } | null>(null);
  const ids = { unit: useId(), year: useId(), commune: 'grassroots-commune-picker' };
  const update = (patch: Partial<GrassrootsSearch>) => void navigate({ to: '/grassroots', search: validateGrassrootsSearch({ ...search, ...patch }) });
  const label = (id: string, text: string) => (
    <label htmlFor={id} style={{ display: 'block', marginBottom: 4 }}>
      {text}
    </label>
  );
  const writable = tab === 'publications' || tab === 'decisions' ? tab : null;

  return (
    <>
      <PageHeading title={t('grassroots.title')}>
        {writable && canWrite && unitId && (
          <Button type="primary" onClick={() => setEditing({ kind: writable })} data-testid="grassroots-create">
            {t(`grassroots.create.${writable}`)}
          </Button>
        )}
      </PageHeading>
      <Card size="small" style={{ marginBottom: 16 }}>
        <div style={{ display: 'flex', gap: 12, flexWrap: 'wrap', alignItems: 'flex-end' }}>
          <div style={{ flex: '1 1 280px', maxWidth: 460 }}>
            {label(ids.unit, t('grassroots.filters.unit'))}
            <UnitPicker id={ids.unit} value={unitId} allowClear={false} initialLabel={unitLabel} onChange={(id) => update({ unitId: id })} />
          </div>
          <div style={{ flex: '0 0 140px' }}>
            {label(ids.year, t('grassroots.filters.year'))}
            <InputNumber id={ids.year} min={2000} max={2100} value={year} onChange={(v) => v && update({ year: v })} style={{ width: '100%' }} />
          </div>
        </div>
      </Card>
      <Tabs
        activeKey={tab}
        onChange={(key) => update({ tab: key as GrassrootsSearch['tab'] })}
        items={GRASSROOTS_TABS.filter((key) => key !== 'review' || canReview).map((key) => ({ key, label: <span data-testid={`tab-${key}`}>{t(`grassroots.tabs.${key}`)}</span> }))}
      />
      <ErrorAlert error={items.error ?? publications.error ?? decisions.error ?? pending.error} />
      {tab === 'items' && notCommune && (
        <Card size="small" data-testid="grassroots-choose-commune">
          <Empty
            image={Empty.PRESENTED_IMAGE_SIMPLE}
            description={
              <>
                <div>{t('grassroots.chooseCommune', { unit: shownUnit.data?.unit.name ?? '' })}</div>
                <div style={{ maxWidth: 460, margin: '12px auto 0', textAlign: 'start' }}>
                  {label(ids.commune, t('grassroots.chooseCommuneLabel'))}
                  <UnitPicker id={ids.commune} value={undefined} onChange={(id) => id && update({ unitId: id })} />
                </div>
              </>
            }
          >
            <Button onClick={() => update({ tab: 'figures' })} data-testid="grassroots-to-figures">
              {t('grassroots.toFigures')}
            </Button>
          </Empty>
        </Card>
      )}
      {tab === 'items' && !notCommune && (
        <>
          <p className="muted">{t('grassroots.itemsNote')}</p>
          <ItemsTable data={items.data} catalogues={catalogues.data} loading={items.isFetching} />
        </>
      )}
      {tab === 'publications' && (
        <PublicationsTable
          rows={publications.data?.items ?? []}
          loading={publications.isFetching}
          catalogues={catalogues.data}
          canEdit={canWrite}
          canReview={canReview}
          onEdit={(record) => setEditing({ kind: 'publications', record })}
        />
      )}
      {tab === 'decisions' && (
        <DecisionsTable
          rows={decisions.data?.items ?? []}
          loading={decisions.isFetching}
          catalogues={catalogues.data}
          canEdit={canWrite}
          canReview={canReview}
          onEdit={(record) => setEditing({ kind: 'decisions', record })}
        />
      )}
      {tab === 'review' && canReview && (
        <>
          <p className="muted">{t('grassroots.reviewNote')}</p>
          <PublicationsTable rows={pending.data?.publications ?? []} loading={pending.isFetching} catalogues={catalogues.data} canEdit={false} canReview onEdit={() => undefined} />
          <DecisionsTable rows={pending.data?.decisions ?? []} loading={pending.isFetching} catalogues={catalogues.data} canEdit={false} canReview onEdit={() => undefined} />
        </>
      )}
      {tab === 'figures' && unitId && <GrassrootsFiguresTable unitId={unitId} year={year} />}
      {editing && unitId && <GrassrootsFormModal kind={editing.kind} unitId={unitId} record={editing.record} catalogues={catalogues.data} onClose={() => setEditing(null)} />}
    </>
  );
}
