import { Link } from '@tanstack/react-router';
import Select from 'antd/es/select';
import Tag from 'antd/es/tag';
import Typography from 'antd/es/typography';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { PARTICIPANT_FILTERS, PARTICIPANT_STATES } from '../../../common/reporting-rounds';
import { EmptyValue } from '../../ui/empty-value';
import { ErrorAlert } from '../../ui/error-alert';
import { PhoneFilters } from '../../ui/phone-filters';
import { ResponsiveTable } from '../../ui/responsive-table';
import { useFormat } from '../../ui/use-format';
import { ParticipantActions } from './participant-actions';
import { type Participant, type RoundDetail, type useParticipants } from './reporting-rounds.api';
import { PARTICIPANTS_PAGE_SIZE, type RoundDetailSearch } from './round-search';
import { STATE_COLORS, useParticipantStateName } from './round-words';

type Props = {
  round: RoundDetail;
  search: RoundDetailSearch;
  onSearch: (patch: Partial<RoundDetailSearch>) => void;
  list: ReturnType<typeof useParticipants>;
  /** The page, or every matching participant while the page prints (`whole`). */
  rows: Participant[];
  whole: boolean;
};

/**
 * The participants at or under the viewed unit, filtered by state and lateness (in the URL), each
 * with its due day (an extension shows), the day it sent, what it wrote (readers of the opening
 * unit), and the actions the reader may take on it.
 */
export function RoundParticipants({ round, search, onSearch, list, rows, whole }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const stateName = useParticipantStateName();
  const ids = { state: useId(), late: useId(), completeness: useId() };
  const label = (id: string, text: string) => (
    <label htmlFor={id} style={{ display: 'block', marginBottom: 4 }}>
      {text}
    </label>
  );

  return (
    <section data-testid="participants">
      <Typography.Title level={2} style={{ fontSize: 17, marginTop: 24 }}>
        {t('reportingRounds.participants.title')}
      </Typography.Title>
      <PhoneFilters active={(search.state ? 1 : 0) + (search.late ? 1 : 0) + (search.completeness ? 1 : 0)}>
        <div className="screen-only" style={{ display: 'flex', gap: 12, flexWrap: 'wrap', alignItems: 'flex-end', marginBottom: 12 }}>
          <div style={{ flex: '0 1 220px' }}>
            {label(ids.state, t('reportingRounds.participants.state'))}
            <Select
              id={ids.state}
              allowClear
              style={{ width: '100%' }}
              placeholder={t('reportingRounds.filters.any')}
              value={search.state}
              onChange={(state) => onSearch({ state })}
              options={PARTICIPANT_STATES.map((s) => ({ value: s, label: stateName(s) }))}
              data-testid="participants-state"
            />
          </div>
          <div style={{ flex: '0 1 220px' }}>
            {label(ids.late, t('reportingRounds.participants.late'))}
            <Select
              id={ids.late}
              allowClear
              style={{ width: '100%' }}
              placeholder={t('reportingRounds.filters.any')}
              value={search.late}
              onChange={(late) => onSearch({ late })}
              options={[
                { value: 'true', label: t('reportingRounds.participants.lateOnly') },
                { value: 'false', label: t('reportingRounds.participants.notLate') },
              ]}
            />
          </div>
          <div style={{ flex: '0 1 240px' }}>
            {label(ids.completeness, t('reportingRounds.participants.completeness'))}
            <Select
              id={ids.completeness}
              allowClear
              style={{ width: '100%' }}
              placeholder={t('reportingRounds.filters.any')}
              value={search.completeness}
              onChange={(completeness) => onSearch({ completeness })}
              options={PARTICIPANT_FILTERS.map((f) => ({ value: f, label: t(`reportingRounds.participants.column.${f}`) }))}
              data-testid="participants-completeness"
            />
          </div>
        </div>
      </PhoneFilters>
      <ErrorAlert error={list.error} />
      <ResponsiveTable<Participant>
        data-testid="participants-table"
        size="small"
        rowKey={(p) => p.unit.id}
        cardTitleKey="unit"
        loading={list.isFetching}
        dataSource={rows}
        locale={{ emptyText: t('common.noResults') }}
        scroll={{ x: 960 }}
        pagination={
          !whole && {
            current: search.page ?? 1,
            pageSize: PARTICIPANTS_PAGE_SIZE,
            total: list.data?.total ?? 0,
            showSizeChanger: false,
            hideOnSinglePage: true,
            showTotal: (total) => t('reportingRounds.participants.total', { count: total }),
            onChange: (page) => onSearch({ page }),
          }
        }
        columns={[
          {
            key: 'unit',
            title: t('reportingRounds.participants.unit'),
            render: (_, p) => (
              <>
                <Link to="/reporting-rounds/$roundId/submit/$unitId" params={{ roundId: round.id, unitId: p.unit.id }} data-testid="participant-name">
                  <bdi>{p.unit.name}</bdi>
                </Link>
                {/* The parent says where a unit is when the list spans several (a district's communes under a province). */}
                {p.parent && p.parent.id !== round.completeness.unit.id && (
                  <div style={{ fontSize: 12, color: 'rgba(0,0,0,0.55)' }}>
                    <bdi>{p.parent.name}</bdi>
                  </div>
                )}
              </>
            ),
          },
          {
            key: 'state',
            title: t('reportingRounds.participants.state'),
            width: 130,
            render: (_, p) => (
              <Tag color={STATE_COLORS[p.state]} data-testid="participant-state" data-state={p.state}>
                {stateName(p.state)}
              </Tag>
            ),
          },
          {
            key: 'dueOn',
            title: t('reportingRounds.fields.dueOn'),
            width: 130,
            render: (_, p) => (
              <>
                {format.date(p.dueOn)}
                {p.extended && (
                  <Tag style={{ marginInlineStart: 6 }} data-testid="participant-extended">
                    {t('reportingRounds.participants.extended')}
                  </Tag>
                )}
              </>
            ),
          },
          {
            key: 'submittedOn',
            title: t('reportingRounds.participants.submittedOn'),
            width: 130,
            render: (_, p) => (
              <>
                {p.submittedOn ? format.date(p.submittedOn) : <EmptyValue />}
                {p.late && (
                  <Tag color="red" style={{ marginInlineStart: 6 }} data-testid="participant-late">
                    {t('reportingRounds.participants.lateTag')}
                  </Tag>
                )}
              </>
            ),
          },
          {
            key: 'narrative',
            title: t('reportingRounds.participants.narrative'),
            render: (_, p) =>
              p.narrative ? (
                <Typography.Paragraph dir="auto" ellipsis={{ rows: 2, expandable: true, symbol: t('reportingRounds.participants.more') }} style={{ marginBottom: 0 }}>
                  {p.narrative}
                </Typography.Paragraph>
              ) : (
                <EmptyValue />
              ),
          },
          { key: 'actions', title: t('common.actions'), width: 220, render: (_, p) => <ParticipantActions round={round} participant={p} /> },
        ]}
      />
    </section>
  );
}
