/**
 * The coordination programs (chương trình phối hợp) a unit reads: its own, those of the units
 * under it and of the units above it. Filters (unit, force) in the URL; cards on a phone. Editors
 * create a program from here.
 */
import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import Button from 'antd/es/button';
import Card from 'antd/es/card';
import Select from 'antd/es/select';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api-client';
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
import { type CoordinationProgramPage, type CoordinationProgramSummary, forceName, formatYear, useCoordinationPrograms, useForces } from './coordination.api';
import { programListQuery, type ProgramSearch, PROGRAMS_PAGE_SIZE, validateProgramSearch } from './coordination-search';
import { ProgramCreateModal } from './program-create-modal';

export function ProgramListPage() {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const canWrite = useCan('data.write');
  const navigate = useNavigate();
  const search = useSearch({ strict: false }) as ProgramSearch;
  const list = useCoordinationPrograms(programListQuery(search));
  const forces = useForces();
  const [creating, setCreating] = useState(false);
  // After a reload or a shared link the picker knows only the unit's id: show its name.
  const filterUnit = useQuery({ queryKey: unitKeys.detail(search.unitId ?? ''), queryFn: () => api.get<UnitDetail>(`/api/units/${search.unitId}`), enabled: !!search.unitId });
  // Paper gets every matching program, not the page on screen (docs/web.md).
  const printList = usePrintList({
    rows: list.data?.items ?? [],
    total: list.data?.total ?? 0,
    fetchAll: async (limit) => (await api.get<CoordinationProgramPage>('/api/coordination-programs', { ...programListQuery(search), limit, offset: 0 })).items,
  });
  const force = forces.data?.items.find((f) => f.code === search.force);
  const filterWords = [
    filterUnit.data && `${t('coordination.filters.unit')}: ${filterUnit.data.unit.name}`,
    force && `${t('coordination.fields.force')}: ${forceName(force, i18n.language)}`,
  ].filter((w): w is string => !!w);
  const update = (patch: Partial<ProgramSearch>) => void navigate({ to: '/coordination-programs', search: validateProgramSearch({ ...search, page: undefined, ...patch }) });
  const ids = { unit: useId(), force: useId() };
  const label = (id: string, text: string) => (
    <label htmlFor={id} style={{ display: 'block', marginBottom: 4 }}>
      {text}
    </label>
  );

  return (
    <>
      <PageHeading title={t('coordination.title')} printFilters={[...filterWords, t('coordination.total', { count: list.data?.total ?? 0 })]}>
        <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap' }}>
          <PrintButton onPrint={printList.print} loading={printList.pending} />
          {canWrite && (
            <Button type="primary" onClick={() => setCreating(true)} data-testid="program-create">
              {t('coordination.create.button')}
            </Button>
          )}
        </div>
      </PageHeading>
      <PhoneFilters active={(search.unitId ? 1 : 0) + (search.force ? 1 : 0)}>
        <Card size="small" style={{ marginBottom: 16 }} className="screen-only">
          <div style={{ display: 'flex', gap: 12, flexWrap: 'wrap', alignItems: 'flex-end' }}>
            <div style={{ flex: '1 1 280px' }}>
              {label(ids.unit, t('coordination.filters.unit'))}
              <UnitPicker id={ids.unit} value={search.unitId} onChange={(unitId) => update({ unitId })} includeRetired initialLabel={filterUnit.data?.unit.name} />
            </div>
            <div style={{ flex: '0 1 240px' }}>
              {label(ids.force, t('coordination.fields.force'))}
              <Select<string>
                id={ids.force}
                allowClear
                style={{ width: '100%' }}
                placeholder={t('coordination.filters.any')}
                value={search.force}
                onChange={(force) => update({ force })}
                options={(forces.data?.items ?? []).map((f) => ({ value: f.code, label: forceName(f, i18n.language) }))}
              />
            </div>
          </div>
        </Card>
      </PhoneFilters>
      <ErrorAlert error={list.error} />
      <ResponsiveTable<CoordinationProgramSummary>
        rowKey="id"
        size="small"
        cardTitleKey="title"
        data-testid="programs-table"
        loading={list.isFetching}
        dataSource={printList.rows}
        locale={{ emptyText: t('coordination.empty') }}
        scroll={{ x: 900 }}
        pagination={
          !printList.whole && {
            current: search.page ?? 1,
            pageSize: PROGRAMS_PAGE_SIZE,
            total: list.data?.total ?? 0,
            showSizeChanger: false,
            hideOnSinglePage: true,
            showTotal: (total) => t('coordination.total', { count: total }),
            onChange: (page) => void navigate({ to: '/coordination-programs', search: validateProgramSearch({ ...search, page }) }),
          }
        }
        columns={[
          {
            key: 'title',
            title: t('coordination.fields.title'),
            render: (_, p) => (
              <>
                <Link to="/coordination-programs/$programId" params={{ programId: p.id }} data-testid="program-link">
                  <bdi>{p.document.title}</bdi>
                </Link>
                <div style={{ fontSize: 12, color: 'rgba(0,0,0,0.55)' }}>
                  <bdi dir="ltr" style={{ whiteSpace: 'nowrap' }}>
                    {p.document.numberAndSymbol}
                  </bdi>
                </div>
              </>
            ),
          },
          { key: 'partyUnit', title: t('coordination.fields.partyUnit'), width: 200, render: (_, p) => <bdi>{p.partyUnit.name}</bdi> },
          {
            key: 'force',
            title: t('coordination.fields.force'),
            width: 220,
            render: (_, p) => (
              <>
                <div>{forceName(p.force, i18n.language)}</div>
                <div style={{ fontSize: 12, color: 'rgba(0,0,0,0.55)' }}>
                  <bdi>{p.forceBody}</bdi>
                </div>
              </>
            ),
          },
          { key: 'period', title: t('coordination.fields.period'), width: 210, render: (_, p) => format.dateRange(p.periodFrom, p.periodTo) },
          {
            key: 'years',
            title: t('coordination.fields.yearlyPlans'),
            width: 150,
            render: (_, p) => (p.years.length ? p.years.map((y) => formatYear(y, i18n.language)).join(', ') : t('coordination.years.noneShort')),
          },
        ]}
      />
      {creating && <ProgramCreateModal unitId={search.unitId} unitName={filterUnit.data?.unit.name} onClose={() => setCreating(false)} />}
    </>
  );
}
