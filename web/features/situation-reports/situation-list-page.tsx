/**
 * The situation reports of a unit and the units under it, the latest period first. Filters (unit,
 * kind, topic, mood) live in the URL; cards on a phone. Editors start an ad hoc report from here
 * ("Báo cáo nhanh tình hình").
 */
import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import Button from 'antd/es/button';
import Card from 'antd/es/card';
import Select from 'antd/es/select';
import Tag from 'antd/es/tag';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MOODS, SITUATION_KINDS } from '../../../common/situation';
import { api } from '../../app/api-client';
import { EmptyValue } from '../../ui/empty-value';
import { ErrorAlert } from '../../ui/error-alert';
import { PageHeading } from '../../ui/page-heading';
import { PhoneFilters } from '../../ui/phone-filters';
import { ResponsiveTable } from '../../ui/responsive-table';
import { useFormat } from '../../ui/use-format';
import { useMe } from '../auth/auth.api';
import { useCan } from '../auth/use-can';
import { UnitPicker } from '../units/unit-picker';
import { unitKeys, type UnitDetail } from '../units/units.api';
import { MoodTag } from './mood-tag';
import { catalogueName, type SituationReportRow, useSituationCatalogue, useSituationReports } from './situation.api';
import { SituationCreateModal } from './situation-create-modal';
import { SITUATION_PAGE_SIZE, situationListQuery, type SituationSearch, validateSituationSearch } from './situation-search';

export function SituationListPage() {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const me = useMe();
  const canWrite = useCan('data.write');
  const navigate = useNavigate();
  const search = useSearch({ strict: false }) as SituationSearch;
  const query = situationListQuery(search, me?.grants[0]?.unitId);
  const list = useSituationReports(query);
  const topics = useSituationCatalogue('topics');
  const [creating, setCreating] = useState(false);
  const filterUnit = useQuery({ queryKey: unitKeys.detail(query?.unitId ?? ''), queryFn: () => api.get<UnitDetail>(`/api/units/${query?.unitId}`), enabled: !!query });
  const update = (patch: Partial<SituationSearch>) => void navigate({ to: '/situation-reports', search: validateSituationSearch({ ...search, page: undefined, ...patch }) });
  const ids = { unit: useId(), kind: useId(), topic: useId(), mood: useId() };
  const label = (id: string, text: string) => (
    <label htmlFor={id} style={{ display: 'block', marginBottom: 4 }}>
      {text}
    </label>
  );
  const topicName = (code: string) => catalogueName(topics.data?.items, code, i18n.language);
  const filterWords = [
    filterUnit.data && `${t('situation.fields.unit')}: ${filterUnit.data.unit.name}`,
    search.kind && `${t('situation.fields.kind')}: ${t(`situation.kinds.${search.kind}`)}`,
    search.topic && `${t('situation.fields.topic')}: ${topicName(search.topic)}`,
    search.mood && `${t('situation.fields.mood')}: ${t(`situation.moods.${search.mood}`)}`,
  ].filter((w): w is string => !!w);

  return (
    <>
      <PageHeading title={t('situation.title')} printFilters={[...filterWords, t('situation.total', { count: list.data?.total ?? 0 })]}>
        <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap' }}>
          <Link to="/situation-summary">{t('situation.summary.title')}</Link>
          {canWrite && (
            <Button type="primary" onClick={() => setCreating(true)} data-testid="situation-create">
              {t('situation.create')}
            </Button>
          )}
        </div>
      </PageHeading>
      <PhoneFilters active={[search.unitId, search.kind, search.topic, search.mood].filter(Boolean).length}>
        <Card size="small" style={{ marginBottom: 16 }} className="screen-only">
          <div style={{ display: 'flex', gap: 12, flexWrap: 'wrap', alignItems: 'flex-end' }}>
            <div style={{ flex: '1 1 280px', maxWidth: 460 }}>
              {label(ids.unit, t('situation.fields.unit'))}
              <UnitPicker id={ids.unit} value={query?.unitId} allowClear={false} initialLabel={filterUnit.data?.unit.name} onChange={(unitId) => update({ unitId })} />
            </div>
            <div style={{ flex: '0 1 180px' }}>
              {label(ids.kind, t('situation.fields.kind'))}
              <Select id={ids.kind} allowClear style={{ width: '100%' }} value={search.kind} onChange={(kind) => update({ kind })} options={SITUATION_KINDS.map((k) => ({ value: k, label: t(`situation.kinds.${k}`) }))} />
            </div>
            <div style={{ flex: '0 1 240px' }}>
              {label(ids.topic, t('situation.fields.topic'))}
              <Select id={ids.topic} allowClear style={{ width: '100%' }} value={search.topic} onChange={(topic) => update({ topic })} options={(topics.data?.items ?? []).map((x) => ({ value: x.code, label: topicName(x.code) }))} />
            </div>
            <div style={{ flex: '0 1 200px' }}>
              {label(ids.mood, t('situation.fields.mood'))}
              <Select id={ids.mood} allowClear style={{ width: '100%' }} value={search.mood} onChange={(mood) => update({ mood })} options={MOODS.map((m) => ({ value: m, label: t(`situation.moods.${m}`) }))} />
            </div>
          </div>
        </Card>
      </PhoneFilters>
      <ErrorAlert error={list.error} />
      <ResponsiveTable<SituationReportRow>
        rowKey="id"
        size="small"
        cardTitleKey="unit"
        data-testid="situation-table"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: t('situation.empty') }}
        scroll={{ x: 900 }}
        pagination={{
          current: search.page ?? 1,
          pageSize: SITUATION_PAGE_SIZE,
          total: list.data?.total ?? 0,
          showSizeChanger: false,
          hideOnSinglePage: true,
          showTotal: (total) => t('situation.total', { count: total }),
          onChange: (page) => void navigate({ to: '/situation-reports', search: validateSituationSearch({ ...search, page }) }),
        }}
        columns={[
          { key: 'period', title: t('situation.fields.period'), width: 200, render: (_, r) => (r.kind === 'ad_hoc' ? format.date(r.periodTo) : format.dateRange(r.periodFrom, r.periodTo)) },
          {
            key: 'unit',
            title: t('situation.fields.unit'),
            width: 220,
            render: (_, r) => (
              <Link to="/situation-reports/$reportId" params={{ reportId: r.id }} data-testid="situation-link">
                <bdi>{r.unit.name}</bdi>
              </Link>
            ),
          },
          { key: 'kind', title: t('situation.fields.kind'), width: 150, render: (_, r) => (r.round ? <bdi>{r.round.title}</bdi> : t(`situation.kinds.${r.kind}`)) },
          { key: 'topics', title: t('situation.fields.topics'), render: (_, r) => (r.topics.length ? r.topics.map(topicName).join(', ') : <EmptyValue />) },
          { key: 'mood', title: t('situation.fields.worstMood'), width: 170, render: (_, r) => (r.worstMood ? <MoodTag mood={r.worstMood} /> : <EmptyValue />) },
          { key: 'status', title: t('situation.fields.status'), width: 120, render: (_, r) => <Tag color={r.status === 'submitted' ? 'green' : 'default'}>{t(`situation.statuses.${r.status}`)}</Tag> },
        ]}
      />
      {creating && <SituationCreateModal unit={filterUnit.data ? { id: filterUnit.data.unit.id, name: filterUnit.data.unit.name } : undefined} onClose={() => setCreating(false)} />}
    </>
  );
}
