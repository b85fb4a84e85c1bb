/**
 * One reporting round: its counters (expected, sent, late, returned, excused), who has sent by
 * child unit (a click on a child counts that child's units: the drill-down, in the URL), and the
 * participants with their state. The opening unit's editors extend, excuse, return or accept, and
 * close the round (refused while units are still due: ROUND_HAS_PENDING) or reopen it; a
 * participant writes its own report. `can` from the server says who may do what.
 */
import { Link, useNavigate, useParams, useSearch } from '@tanstack/react-router';
import Alert from 'antd/es/alert';
import Button from 'antd/es/button';
import Card from 'antd/es/card';
import Descriptions from 'antd/es/descriptions';
import Popconfirm from 'antd/es/popconfirm';
import Space from 'antd/es/space';
import Statistic from 'antd/es/statistic';
import Tag from 'antd/es/tag';
import Typography from 'antd/es/typography';
import { useTranslation } from 'react-i18next';
import { api, isApiError } from '../../app/api-client';
import { ButtonLink } from '../../ui/button-link';
import { ErrorAlert } from '../../ui/error-alert';
import { PageSpinner } from '../../ui/page-spinner';
import { PrintButton } from '../../ui/print-button';
import { usePrintList } from '../../ui/print-list';
import { useFormat } from '../../ui/use-format';
import { useKindName } from '../units/use-kind-name';
import { ConflictAlert } from './conflict-alert';
import { type ParticipantPage, type RoundDetail, useCloseRound, useParticipants, useRound } from './reporting-rounds.api';
import { RoundCompleteness } from './round-completeness';
import { RoundDocumentButton } from './round-document-button';
import { RoundParticipants } from './round-participants';
import { participantQuery, type RoundDetailSearch, validateRoundDetailSearch } from './round-search';
import { isolated, STATE_COLORS, useParticipantStateName, useRoundStatusName } from './round-words';

export function RoundDetailPage() {
  const { roundId } = useParams({ strict: false }) as { roundId: string };
  const search = useSearch({ strict: false }) as RoundDetailSearch;
  const round = useRound(roundId, search.unitId);
  if (round.isPending) return <PageSpinner />;
  if (round.isError) return <ErrorAlert error={round.error} />;
  return <RoundView round={round.data} search={search} onReload={() => void round.refetch()} />;
}

function RoundView({ round: r, search, onReload }: { round: RoundDetail; search: RoundDetailSearch; onReload: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const navigate = useNavigate();
  const statusName = useRoundStatusName();
  const kindName = useKindName();
  const go = (patch: Partial<RoundDetailSearch>) => void navigate({ to: '/reporting-rounds/$roundId', params: { roundId: r.id }, search: validateRoundDetailSearch({ ...search, page: undefined, ...patch }) });
  const drilled = r.completeness.unit.id !== r.openingUnit.id;
  // A commune's readers see their province's round from their commune only: the way up is offered
  // when the opening unit's view answers (fetched ahead, so the click is instant).
  const top = useRound(r.id, undefined, drilled);
  const close = useCloseRound();
  const participants = useParticipants(r.id, participantQuery(search));
  // Paper gets every participant matching the filters, not the page on screen (docs/web.md).
  const printList = usePrintList({
    rows: participants.data?.items ?? [],
    total: participants.data?.total ?? 0,
    fetchAll: async (limit) => (await api.get<ParticipantPage>(`/api/reporting-rounds/${r.id}/participants`, { ...participantQuery(search), limit, offset: 0 })).items,
  });

  return (
    <Card>
      <Typography.Paragraph className="screen-only">
        <Link to="/reporting-rounds">{t('reportingRounds.backToList')}</Link>
      </Typography.Paragraph>
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'baseline', gap: 16, flexWrap: 'wrap', marginBottom: 16 }}>
        <div style={{ minWidth: 0 }}>
          <Typography.Title level={1} style={{ fontSize: 22, marginTop: 0, marginBottom: 4, overflowWrap: 'anywhere' }} data-testid="round-title">
            <bdi>{r.title}</bdi>
          </Typography.Title>
          <Tag color={r.status === 'open' ? 'blue' : undefined} data-testid="round-status" data-status={r.status}>
            {statusName(r.status)}
          </Tag>
        </div>
        <Space wrap className="screen-only">
          <PrintButton onPrint={printList.print} loading={printList.pending} />
          {/* The children's narratives are the opening unit's readers': the way up answering says the reader is one. */}
          {(!drilled || top.isSuccess) && <RoundDocumentButton round={r} />}
          <CloseButton round={r} close={close} />
        </Space>
      </div>
      <CloseError
        close={close}
        onReload={() => {
          close.reset();
          onReload();
        }}
      />
      <Descriptions
        column={{ xs: 1, md: 2 }}
        size="small"
        bordered
        style={{ marginBottom: 16 }}
        items={[
          { key: 'openingUnit', label: t('reportingRounds.fields.openingUnit'), children: <bdi>{r.openingUnit.name}</bdi> },
          { key: 'period', label: t('reportingRounds.fields.period'), children: format.dateRange(r.periodFrom, r.periodTo) },
          { key: 'dueOn', label: t('reportingRounds.fields.dueOn'), children: format.date(r.dueOn) },
          { key: 'targetKinds', label: t('reportingRounds.fields.targetKinds'), children: r.targetKinds.map(kindName).join(', ') },
          { key: 'template', label: t('reportingRounds.fields.template'), children: <bdi>{r.template.name}</bdi> },
          ...(r.closedAt ? [{ key: 'closedAt', label: t('reportingRounds.fields.closedAt'), children: format.dateTime(r.closedAt) }] : []),
        ]}
      />
      <Counters round={r} />
      <OwnParticipation round={r} />
      <Typography.Title level={2} style={{ fontSize: 17, marginTop: 24 }}>
        {t('reportingRounds.completeness.title', { unit: isolated(r.completeness.unit.name) })}
      </Typography.Title>
      {drilled && top.isSuccess && (
        <Typography.Paragraph className="screen-only">
          <Button type="link" style={{ paddingInline: 0 }} onClick={() => go({ unitId: undefined, state: undefined, late: undefined })} data-testid="drill-up">
            {t('reportingRounds.completeness.backTo', { unit: isolated(r.openingUnit.name) })}
          </Button>
        </Typography.Paragraph>
      )}
      <RoundCompleteness key={r.completeness.unit.id} round={r} onDrill={(unitId) => go({ unitId })} onFilter={(completeness) => go({ completeness, state: undefined, late: undefined })} />
      <RoundParticipants round={r} search={search} onSearch={go} list={participants} rows={printList.rows} whole={printList.whole} />
    </Card>
  );
}

/** The round's counters, kept by the database as participants change (the whole round, whatever the drill-down). */
function Counters({ round }: { round: RoundDetail }) {
  const { t } = useTranslation();
  const format = useFormat();
  const c = round.counters;
  const items = [
    { key: 'expected', title: t('reportingRounds.counters.expected'), value: c.expected },
    { key: 'submitted', title: t('reportingRounds.counters.submitted'), value: c.submitted },
    { key: 'late', title: t('reportingRounds.counters.late'), value: c.late },
    { key: 'returned', title: t('reportingRounds.counters.returned'), value: c.returned },
    { key: 'excused', title: t('reportingRounds.counters.excused'), value: c.excused },
  ];
  return (
    <div className="round-counters" style={{ display: 'flex', gap: 12, flexWrap: 'wrap' }} data-testid="round-counters">
      {items.map((i) => (
        <Card key={i.key} size="small" style={{ flex: '1 1 90px' }} data-testid={`counter-${i.key}`} data-value={i.value}>
          <Statistic title={i.title} value={i.value} formatter={(v) => format.number(Number(v))} />
        </Card>
      ))}
    </div>
  );
}

/** The viewed unit's own part in the round (a commune's state and due day), with the way to its report. */
function OwnParticipation({ round }: { round: RoundDetail }) {
  const { t } = useTranslation();
  const format = useFormat();
  const stateName = useParticipantStateName();
  const own = round.own;
  if (!own) return null;
  return (
    <Alert
      type={own.state === 'returned' ? 'warning' : 'info'}
      showIcon
      style={{ marginTop: 16 }}
      data-testid="own-participation"
      title={
        <>
          {t('reportingRounds.own.title', { unit: isolated(round.completeness.unit.name) })}{' '}
          <Tag color={STATE_COLORS[own.state]} data-state={own.state}>
            {stateName(own.state)}
          </Tag>
        </>
      }
      description={t('reportingRounds.own.dueOn', { date: format.date(own.dueOn) })}
      action={
        <ButtonLink size="small" primary to="/reporting-rounds/$roundId/submit/$unitId" params={{ roundId: round.id, unitId: round.completeness.unit.id }} data-testid="own-submission">
          {t('reportingRounds.ownSubmission')}
        </ButtonLink>
      }
    />
  );
}

type Close = ReturnType<typeof useCloseRound>;

/** Close an open round, or reopen a closed one, with the version the page shows. */
function CloseButton({ round, close }: { round: RoundDetail; close: Close }) {
  const { t } = useTranslation();
  const action = round.can.close ? 'close' : round.can.reopen ? 'reopen' : null;
  if (!action) return null;
  return (
    <Popconfirm
      title={action === 'close' ? t('reportingRounds.closeConfirm') : t('reportingRounds.reopenConfirm')}
      okText={action === 'close' ? t('reportingRounds.close') : t('reportingRounds.reopen')}
      cancelText={t('common.cancel')}
      onConfirm={() => close.mutate({ id: round.id, version: round.version, action })}
    >
      <Button loading={close.isPending} danger={action === 'close'} data-testid={`round-${action}`}>
        {action === 'close' ? t('reportingRounds.close') : t('reportingRounds.reopen')}
      </Button>
    </Popconfirm>
  );
}

/**
 * Why closing failed: units still due (ROUND_HAS_PENDING says how many; the closer extends,
 * excuses or waits), or a change made meanwhile (CONFLICT: reload before acting on what was not read).
 */
function CloseError({ close, onReload }: { close: Close; onReload: () => void }) {
  const { t } = useTranslation();
  if (!close.error) return null;
  if (isApiError(close.error, 'CONFLICT')) return <ConflictAlert title={t('reportingRounds.roundConflict')} onReload={onReload} />;
  return <ErrorAlert error={close.error} />;
}
