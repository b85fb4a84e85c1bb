/**
 * The reporting rounds (đợt báo cáo) of a unit: those it or a unit under it opened, and those it
 * or a unit under it reports in, with how many have sent. Filters (unit, status) in the URL; a
 * participant's own state and a link to write its report. Editors open a round from here.
 */
import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import Button from 'antd/es/button';
import Card from 'antd/es/card';
import Select from 'antd/es/select';
import Tag from 'antd/es/tag';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ROUND_AWAITING, ROUND_STATUSES } from '../../../common/reporting-rounds';
import { api } from '../../app/api-client';
import { ErrorAlert } from '../../ui/error-alert';
import { PageHeading } from '../../ui/page-heading';
import { PhoneFilters } from '../../ui/phone-filters';
import { PrintButton } from '../../ui/print-button';
import { usePrintList } from '../../ui/print-list';
import { ResponsiveTable } from '../../ui/responsive-table';
import { useFormat } from '../../ui/use-format';
import { useMe } from '../auth/auth.api';
import { useCan } from '../auth/use-can';
import { UnitPicker } from '../units/unit-picker';
import { unitKeys, type UnitDetail } from '../units/units.api';
import { type RoundPage, type RoundSummary, useRounds } from './reporting-rounds.api';
import { RoundOpenModal } from './round-open-modal';
import { roundListQuery, type RoundListSearch, ROUNDS_PAGE_SIZE, validateRoundListSearch } from './round-search';
import { STATE_COLORS, useParticipantStateName, useRoundStatusName } from './round-words';

export function RoundListPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const me = useMe();
  const canWrite = useCan('data.write');
  const navigate = useNavigate();
  const search = useSearch({ strict: false }) as RoundListSearch;
  // Without a unit in the URL, the reader's own unit (its first grant) is shown.
  const ownUnitId = me?.grants[0]?.unitId;
  const query = roundListQuery(search, ownUnitId);
  const list = useRounds(query);
  const statusName = useRoundStatusName();
  const stateName = useParticipantStateName();
  const [opening, setOpening] = useState(false);
  // Paper gets every matching round, not the page on screen (docs/web.md).
  const printList = usePrintList({
    rows: list.data?.items ?? [],
    total: list.data?.total ?? 0,
    fetchAll: async (limit) => (query ? (await api.get<RoundPage>('/api/reporting-rounds', { ...query, limit, offset: 0 })).items : []),
  });
  const filterUnit = useQuery({ queryKey: unitKeys.detail(query?.unitId ?? ''), queryFn: () => api.get<UnitDetail>(`/api/units/${query?.unitId}`), enabled: !!query });
  const update = (patch: Partial<RoundListSearch>) => void navigate({ to: '/reporting-rounds', search: validateRoundListSearch({ ...search, page: undefined, ...patch }) });
  const ids = { unit: useId(), status: useId(), awaiting: useId() };
  const filterWords = [
    filterUnit.data && `${t('reportingRounds.filters.unit')}: ${filterUnit.data.unit.name}`,
    search.status && `${t('reportingRounds.fields.status')}: ${statusName(search.status)}`,
    search.awaiting && t(`reportingRounds.awaiting.${search.awaiting}`),
  ].filter((w): w is string => !!w);
  // A participant opens the round on its own unit (its completeness and its own state); the others on the opening unit.
  const detailSearch = (r: RoundSummary) => (r.own && query ? { unitId: query.unitId } : {});

  return (
    <>
      <PageHeading title={t('reportingRounds.title')} printFilters={[...filterWords, t('reportingRounds.total', { count: list.data?.total ?? 0 })]}>
        <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap' }}>
          <PrintButton onPrint={printList.print} loading={printList.pending} />
          {canWrite && (
            <Button type="primary" onClick={() => setOpening(true)} data-testid="round-open">
              {t('reportingRounds.open.button')}
            </Button>
          )}
        </div>
      </PageHeading>
      <PhoneFilters active={(search.unitId ? 1 : 0) + (search.status ? 1 : 0) + (search.awaiting ? 1 : 0)}>
        <Card size="small" style={{ marginBottom: 16 }} className="screen-only">
          <div style={{ display: 'flex', gap: 12, flexWrap: 'wrap', alignItems: 'flex-end' }}>
            <div style={{ flex: '1 1 280px' }}>
              <label htmlFor={ids.unit} style={{ display: 'block', marginBottom: 4 }}>
                {t('reportingRounds.filters.unit')}
              </label>
              <UnitPicker id={ids.unit} value={query?.unitId} onChange={(unitId) => update({ unitId })} allowClear={false} initialLabel={filterUnit.data?.unit.name} />
            </div>
            <div style={{ flex: '0 1 200px' }}>
              <label htmlFor={ids.status} style={{ display: 'block', marginBottom: 4 }}>
                {t('reportingRounds.fields.status')}
              </label>
              <Select
                id={ids.status}
                allowClear
                style={{ width: '100%' }}
                placeholder={t('reportingRounds.filters.any')}
                value={search.status}
                onChange={(status) => update({ status })}
                options={ROUND_STATUSES.map((s) => ({ value: s, label: statusName(s) }))}
              />
            </div>
            <div style={{ flex: '0 1 320px' }}>
              <label htmlFor={ids.awaiting} style={{ display: 'block', marginBottom: 4 }}>
                {t('reportingRounds.filters.awaiting')}
              </label>
              <Select
                id={ids.awaiting}
                allowClear
                style={{ width: '100%' }}
                placeholder={t('reportingRounds.filters.any')}
                value={search.awaiting}
                onChange={(awaiting) => update({ awaiting })}
                options={ROUND_AWAITING.map((a) => ({ value: a, label: t(`reportingRounds.awaiting.${a}`) }))}
                data-testid="rounds-awaiting"
              />
            </div>
          </div>
        </Card>
      </PhoneFilters>
      <ErrorAlert error={list.error} />
      <ResponsiveTable<RoundSummary>
        rowKey="id"
        size="small"
        cardTitleKey="title"
        data-testid="rounds-table"
        loading={list.isFetching}
        dataSource={printList.rows}
        locale={{ emptyText: t('reportingRounds.empty') }}
        scroll={{ x: 960 }}
        pagination={
          !printList.whole && {
            current: search.page ?? 1,
            pageSize: ROUNDS_PAGE_SIZE,
            total: list.data?.total ?? 0,
            showSizeChanger: false,
            hideOnSinglePage: true,
            showTotal: (total) => t('reportingRounds.total', { count: total }),
            onChange: (page) => void navigate({ to: '/reporting-rounds', search: validateRoundListSearch({ ...search, page }) }),
          }
        }
        columns={[
          {
            key: 'title',
            title: t('reportingRounds.fields.title'),
            render: (_, r) => (
              <Link to="/reporting-rounds/$roundId" params={{ roundId: r.id }} search={detailSearch(r)} data-testid="round-link">
                <bdi>{r.title}</bdi>
              </Link>
            ),
          },
          { key: 'openingUnit', title: t('reportingRounds.fields.openingUnit'), width: 200, render: (_, r) => <bdi>{r.openingUnit.name}</bdi> },
          { key: 'period', title: t('reportingRounds.fields.period'), width: 210, render: (_, r) => format.dateRange(r.periodFrom, r.periodTo) },
          { key: 'dueOn', title: t('reportingRounds.fields.dueOn'), width: 110, render: (_, r) => format.date(r.dueOn) },
          {
            key: 'progress',
            title: t('reportingRounds.fields.progress'),
            width: 150,
            render: (_, r) => (
              <span data-testid="round-progress">
                {t('reportingRounds.submittedOf', { submitted: format.number(r.counters.submitted), expected: format.number(r.counters.expected) })}
              </span>
            ),
          },
          {
            key: 'status',
            title: t('reportingRounds.fields.status'),
            width: 170,
            render: (_, r) => (
              <>
                <Tag color={r.status === 'open' ? 'blue' : undefined}>{statusName(r.status)}</Tag>
                {r.own && (
                  <div style={{ marginTop: 4 }}>
                    <Tag color={STATE_COLORS[r.own.state]} data-testid="own-state" data-state={r.own.state}>
                      {stateName(r.own.state)}
                    </Tag>
                    {r.status === 'open' && query && (
                      <Link to="/reporting-rounds/$roundId/submit/$unitId" params={{ roundId: r.id, unitId: query.unitId }} data-testid="own-submission">
                        {t('reportingRounds.ownSubmission')}
                      </Link>
                    )}
                  </div>
                )}
              </>
            ),
          },
        ]}
      />
      {opening && <RoundOpenModal unitId={query?.unitId} unitName={filterUnit.data?.unit.name} onClose={() => setOpening(false)} />}
    </>
  );
}
