/**
 * The working sessions (buổi làm việc) of a unit: those held with it or a unit under it, and those
 * its delegations led. Filters (unit, held from, to) live in the URL; cards on a phone. Editors
 * record a session from here ("Ghi nhận buổi làm việc").
 */
import { useQuery } from '@tanstack/react-query';
import { useNavigate, useSearch } from '@tanstack/react-router';
import Button from 'antd/es/button';
import Card from 'antd/es/card';
import dayjs from 'dayjs';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api-client';
import { DateField } from '../../ui/date-field';
import { ErrorAlert } from '../../ui/error-alert';
import { PageHeading } from '../../ui/page-heading';
import { PhoneFilters } from '../../ui/phone-filters';
import { PrintButton } from '../../ui/print-button';
import { usePrintList } from '../../ui/print-list';
import { useFormat } from '../../ui/use-format';
import { useMe } from '../auth/auth.api';
import { useCan } from '../auth/use-can';
import { UnitPicker } from '../units/unit-picker';
import { unitKeys, type UnitDetail } from '../units/units.api';
import { WorkingSessionFormModal } from './working-session-form-modal';
import { validateWorkingSessionSearch, workingSessionListQuery, type WorkingSessionSearch, WORKING_SESSIONS_PAGE_SIZE } from './working-session-search';
import { WorkingSessionTable } from './working-session-table';
import { type WorkingSessionPage, useWorkingSessions } from './working-sessions.api';

export function WorkingSessionListPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const me = useMe();
  const canWrite = useCan('data.write');
  const navigate = useNavigate();
  const search = useSearch({ strict: false }) as WorkingSessionSearch;
  const query = workingSessionListQuery(search, me?.grants[0]?.unitId);
  const list = useWorkingSessions(query);
  const [creating, setCreating] = useState(false);
  // After a reload or a shared link the picker knows only the unit's id: show its name.
  const filterUnit = useQuery({ queryKey: unitKeys.detail(query?.unitId ?? ''), queryFn: () => api.get<UnitDetail>(`/api/units/${query?.unitId}`), enabled: !!query });
  // Paper gets every matching session, not the page on screen (docs/web.md).
  const printList = usePrintList({
    rows: list.data?.items ?? [],
    total: list.data?.total ?? 0,
    fetchAll: async (limit) => (query ? (await api.get<WorkingSessionPage>('/api/working-sessions', { ...query, limit, offset: 0 })).items : []),
  });
  const update = (patch: Partial<WorkingSessionSearch>) => void navigate({ to: '/working-sessions', search: validateWorkingSessionSearch({ ...search, page: undefined, ...patch }) });
  const ids = { unit: useId(), from: useId(), to: useId() };
  const filterWords = [
    filterUnit.data && `${t('workingSessions.filters.unit')}: ${filterUnit.data.unit.name}`,
    (search.from || search.to) && `${t('workingSessions.fields.heldOn')}: ${format.dateRange(search.from, search.to)}`,
  ].filter((w): w is string => !!w);
  const label = (id: string, text: string) => (
    <label htmlFor={id} style={{ display: 'block', marginBottom: 4 }}>
      {text}
    </label>
  );

  return (
    <>
      <PageHeading title={t('workingSessions.title')} printFilters={[...filterWords, t('workingSessions.total', { count: list.data?.total ?? 0 })]}>
        <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap' }}>
          <PrintButton onPrint={printList.print} loading={printList.pending} />
          {canWrite && (
            <Button type="primary" onClick={() => setCreating(true)} data-testid="working-session-create">
              {t('workingSessions.create')}
            </Button>
          )}
        </div>
      </PageHeading>
      <PhoneFilters active={(search.unitId ? 1 : 0) + (search.from ? 1 : 0) + (search.to ? 1 : 0)}>
        <Card size="small" style={{ marginBottom: 16 }} className="screen-only">
          <div style={{ display: 'flex', gap: 12, flexWrap: 'wrap', alignItems: 'flex-end' }}>
            <div style={{ flex: '1 1 280px', maxWidth: 460 }}>
              {label(ids.unit, t('workingSessions.filters.unit'))}
              <UnitPicker id={ids.unit} value={query?.unitId} allowClear={false} initialLabel={filterUnit.data?.unit.name} onChange={(unitId) => update({ unitId })} />
            </div>
            <div style={{ flex: '0 1 180px' }}>
              {label(ids.from, t('workingSessions.filters.from'))}
              <DateField id={ids.from} style={{ width: '100%' }} value={search.from ? dayjs(search.from) : null} onChange={(d) => update({ from: d ? d.format('YYYY-MM-DD') : undefined })} />
            </div>
            <div style={{ flex: '0 1 180px' }}>
              {label(ids.to, t('workingSessions.filters.to'))}
              <DateField id={ids.to} style={{ width: '100%' }} value={search.to ? dayjs(search.to) : null} onChange={(d) => update({ to: d ? d.format('YYYY-MM-DD') : undefined })} />
            </div>
          </div>
        </Card>
      </PhoneFilters>
      <ErrorAlert error={list.error} />
      <WorkingSessionTable
        testId="working-sessions-table"
        sessions={printList.rows}
        loading={list.isFetching}
        pagination={
          !printList.whole && {
            current: search.page ?? 1,
            pageSize: WORKING_SESSIONS_PAGE_SIZE,
            total: list.data?.total ?? 0,
            showSizeChanger: false,
            hideOnSinglePage: true,
            showTotal: (total) => t('workingSessions.total', { count: total }),
            onChange: (page) => void navigate({ to: '/working-sessions', search: validateWorkingSessionSearch({ ...search, page }) }),
          }
        }
      />
      {creating && <WorkingSessionFormModal leadingUnit={filterUnit.data ? { id: filterUnit.data.unit.id, name: filterUnit.data.unit.name } : undefined} onClose={() => setCreating(false)} />}
    </>
  );
}

