/**
 * "Giám sát, phản biện": a unit's boards (Ban thanh tra nhân dân, Ban giám sát đầu tư của cộng
 * đồng) with their members and terms; the recommendations from supervision with their state on
 * Viet Nam's day (the work queue opens this page on the overdue ones); the Front's program of the
 * year and the supervisions and criticisms held; and the year's figures by child unit. The unit,
 * year and state filter live in the URL.
 */
import { useQuery } from '@tanstack/react-query';
import { useNavigate, useSearch } from '@tanstack/react-router';
import Button from 'antd/es/button';
import Card from 'antd/es/card';
import InputNumber from 'antd/es/input-number';
import Segmented from 'antd/es/segmented';
import Tag from 'antd/es/tag';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RECOMMENDATION_STATES, type RecommendationState } from '../../../common/supervision';
import { api } from '../../app/api-client';
import { ErrorAlert } from '../../ui/error-alert';
import { PageHeading } from '../../ui/page-heading';
import { ResponsiveTable } from '../../ui/responsive-table';
import { useFormat } from '../../ui/use-format';
import { useMe } from '../auth/auth.api';
import { useCan } from '../auth/use-can';
import { UnitPicker } from '../units/unit-picker';
import { unitKeys, type UnitDetail } from '../units/units.api';
import { ActivityFormModal } from './activity-form-modal';
import { AnswerModal } from './answer-modal';
import { BoardFormModal } from './board-form-modal';
import { AddMemberModal, EndMemberModal } from './member-modals';
import { ProgramFormModal } from './program-form-modal';
import { RecommendationFormModal } from './recommendation-form-modal';
import { type SupervisionSearch, validateSupervisionSearch } from './supervision-search';
import { type Activity, type Board, type Program, type Recommendation, RECOMMENDATION_PAGE_SIZE, useActivities, useBoards, usePrograms, useRecommendations, useSupervisionFigures } from './supervision.api';

const STATE_COLORS: Record<RecommendationState, string> = { open: 'blue', overdue: 'red', answered: 'green', partly: 'gold' };
const CARD = { marginBottom: 16 } as const;
const ACTIONS = { display: 'flex', gap: 4, flexWrap: 'wrap' } as const;

type Modal =
  | { kind: 'board' | 'activity' | 'program' }
  | { kind: 'boardEdit' | 'memberAdd'; board: Board }
  | { kind: 'memberEnd'; board: Board; member: Board['members'][number] }
  | { kind: 'activityEdit' | 'recommendationAdd'; activity: Activity }
  | { kind: 'programEdit'; program: Program }
  | { kind: 'answer' | 'recommendationEdit'; recommendation: Recommendation };

export function SupervisionPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const me = useMe();
  const navigate = useNavigate();
  const search = useSearch({ strict: false }) as SupervisionSearch;
  const canWrite = useCan('data.write');
  const unitId = search.unitId ?? me?.grants[0]?.unitId;
  const year = search.year ?? new Date().getFullYear();
  const [page, setPage] = useState(1);
  const [modal, setModal] = useState<Modal | null>(null);
  const ids = { unit: useId(), year: useId() };
  const unit = useQuery({ queryKey: unitKeys.detail(unitId ?? ''), queryFn: () => api.get<UnitDetail>(`/api/units/${unitId}`), enabled: !!unitId });
  const boards = useBoards(unitId);
  const programs = usePrograms(unitId, year);
  const activities = useActivities(unitId, year);
  const recommendations = useRecommendations(unitId, search.state, page);
  const figures = useSupervisionFigures(unitId, year);
  const update = (patch: Partial<SupervisionSearch>) => {
    setPage(1);
    void navigate({ to: '/supervision', search: validateSupervisionSearch({ ...search, ...patch }) });
  };
  const span = (from: string, to: string | null) => `${format.date(from)} – ${to ? format.date(to) : '…'}`;

  return (
    <>
      <PageHeading title={t('supervision.title')} />
      <Card size="small" style={CARD}>
        <div style={{ display: 'flex', gap: 12, flexWrap: 'wrap', alignItems: 'flex-end' }}>
          <div style={{ flex: '1 1 280px', maxWidth: 460 }}>
            <label htmlFor={ids.unit} style={{ display: 'block', marginBottom: 4 }}>
              {t('supervision.unit')}
            </label>
            <UnitPicker id={ids.unit} value={unitId} allowClear={false} initialLabel={unit.data?.unit.name} onChange={(id) => update({ unitId: id })} />
          </div>
          <div style={{ flex: '0 0 140px' }}>
            <label htmlFor={ids.year} style={{ display: 'block', marginBottom: 4 }}>
              {t('supervision.year')}
            </label>
            <InputNumber id={ids.year} min={2000} max={2100} value={year} onChange={(v) => v && update({ year: v })} style={{ width: '100%' }} />
          </div>
        </div>
      </Card>
      <ErrorAlert error={boards.error ?? recommendations.error ?? figures.error} />

      <Card
        size="small"
        style={CARD}
        title={t('supervision.boards.title')}
        extra={canWrite && unitId && <Button onClick={() => setModal({ kind: 'board' })} data-testid="board-create">{t('supervision.boards.create')}</Button>}
      >
        <ResponsiveTable<Board>
          rowKey="id"
          size="small"
          data-testid="supervision-boards"
          loading={boards.isFetching}
          dataSource={boards.data?.items ?? []}
          pagination={false}
          locale={{ emptyText: t('supervision.boards.empty') }}
          columns={[
            {
              key: 'kind',
              title: t('supervision.boards.kind'),
              render: (_, b) => (
                <>
                  <div>{t(`supervision.kinds.${b.kind}`)}</div>
                  {b.projectName && (
                    <div className="muted" style={{ fontSize: 12 }}>
                      <bdi>{b.projectName}</bdi>
                      {b.investor && (
                        <>
                          {' · '}
                          <bdi>{b.investor}</bdi>
                        </>
                      )}
                    </div>
                  )}
                </>
              ),
            },
            { key: 'unit', title: t('supervision.unit'), render: (_, b) => <bdi>{b.unit.name}</bdi> },
            {
              key: 'term',
              title: t('supervision.boards.term'),
              render: (_, b) => (
                <>
                  <div>{span(b.termFrom, b.termTo)}</div>
                  {b.inOffice && <Tag color="green">{t('supervision.boards.inOffice')}</Tag>}
                </>
              ),
            },
            {
              key: 'election',
              title: t('supervision.boards.election'),
              render: (_, b) =>
                b.electedOn || b.electedBy ? (
                  <>
                    {b.electedOn && format.date(b.electedOn)} {b.electedBy && <bdi>{b.electedOn && '· '}{b.electedBy}</bdi>}
                  </>
                ) : (
                  '—'
                ),
            },
            {
              key: 'members',
              title: t('supervision.boards.members'),
              render: (_, b) => (
                <ul style={{ margin: 0, paddingInlineStart: 16 }} data-testid="board-members">
                  {b.members.map((m) => (
                    <li key={m.id} data-testid="board-member">
                      <bdi>{m.name}</bdi> — <bdi>{m.position}</bdi>
                      {m.toOn && (
                        <span className="muted" data-testid="board-member-until">
                          {' '}
                          ({t('supervision.boards.until', { date: format.date(m.toOn) })})
                        </span>
                      )}
                      {canWrite && (
                        <Button size="small" type="link" onClick={() => setModal({ kind: 'memberEnd', board: b, member: m })} data-testid="member-end">
                          {t('supervision.boards.endMember')}
                        </Button>
                      )}
                    </li>
                  ))}
                </ul>
              ),
            },
            ...(canWrite
              ? [
                  {
                    key: 'actions',
                    title: '',
                    render: (_: unknown, b: Board) => (
                      <div style={ACTIONS}>
                        <Button size="small" onClick={() => setModal({ kind: 'boardEdit', board: b })} data-testid="board-edit">
                          {t('supervision.edit')}
                        </Button>
                        <Button size="small" onClick={() => setModal({ kind: 'memberAdd', board: b })} data-testid="board-member-add">
                          {t('supervision.boards.addMember')}
                        </Button>
                      </div>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Card>

      <Card
        size="small"
        style={CARD}
        title={t('supervision.recommendations.title')}
        extra={canWrite && unitId && <Button onClick={() => setModal({ kind: 'activity' })} data-testid="activity-create">{t('supervision.activities.create')}</Button>}
      >
        <Segmented
          style={{ marginBottom: 12, maxWidth: '100%', overflowX: 'auto' }}
          value={search.state ?? 'all'}
          onChange={(v) => update({ state: v === 'all' ? undefined : (v as RecommendationState) })}
          options={[{ value: 'all', label: t('supervision.states.all') }, ...RECOMMENDATION_STATES.map((s) => ({ value: s, label: t(`supervision.states.${s}`) }))]}
          data-testid="recommendation-state"
        />
        <ResponsiveTable<Recommendation>
          rowKey="id"
          size="small"
          cardTitleKey="content"
          data-testid="supervision-recommendations"
          loading={recommendations.isFetching}
          dataSource={recommendations.data?.items ?? []}
          pagination={{ current: page, pageSize: RECOMMENDATION_PAGE_SIZE, total: recommendations.data?.total ?? 0, onChange: setPage, showSizeChanger: false }}
          locale={{ emptyText: t('supervision.recommendations.empty') }}
          columns={[
            {
              key: 'content',
              title: t('supervision.recommendations.content'),
              render: (_, r) => (
                <>
                  <bdi style={{ overflowWrap: 'anywhere' }}>{r.content}</bdi>
                  <div className="muted" style={{ fontSize: 12 }}>
                    {r.boardKind ? t(`supervision.kinds.${r.boardKind}`) : t('supervision.activities.front')} · <bdi>{r.subject}</bdi>
                  </div>
                </>
              ),
            },
            { key: 'addressee', title: t('supervision.recommendations.addressee'), render: (_, r) => <bdi>{r.addressee}</bdi> },
            { key: 'sentOn', title: t('supervision.recommendations.sentOn'), width: 110, render: (_, r) => format.date(r.sentOn) },
            { key: 'dueOn', title: t('supervision.recommendations.dueOn'), width: 110, render: (_, r) => format.date(r.dueOn) },
            {
              key: 'state',
              title: t('supervision.recommendations.state'),
              width: 170,
              render: (_, r) => (
                <>
                  <Tag color={STATE_COLORS[r.state]} data-testid={`recommendation-state-${r.state}`}>
                    {t(`supervision.states.${r.state}`)}
                  </Tag>
                  {r.answeredOn && <div style={{ fontSize: 12 }}>{format.date(r.answeredOn)}</div>}
                  {!r.answeredOn && canWrite && (
                    <div style={ACTIONS}>
                      <Button size="small" type="link" onClick={() => setModal({ kind: 'answer', recommendation: r })} data-testid="recommendation-answer">
                        {t('supervision.recommendations.recordAnswer')}
                      </Button>
                      <Button size="small" type="link" onClick={() => setModal({ kind: 'recommendationEdit', recommendation: r })} data-testid="recommendation-edit">
                        {t('supervision.edit')}
                      </Button>
                    </div>
                  )}
                </>
              ),
            },
          ]}
        />
      </Card>

      <Card
        size="small"
        style={CARD}
        title={t('supervision.programs.title', { year })}
        extra={canWrite && unitId && <Button onClick={() => setModal({ kind: 'program' })} data-testid="program-create">{t('supervision.programs.create')}</Button>}
      >
        <ErrorAlert error={programs.error ?? activities.error} />
        {(programs.data?.items ?? []).length === 0 && <p className="muted">{t('supervision.programs.empty')}</p>}
        {(programs.data?.items ?? []).map((p) => (
          <section key={p.id} style={{ marginBottom: 12 }} data-testid="supervision-program">
            <strong>
              {p.boardId && `${t(`supervision.kinds.${boards.data?.items.find((x) => x.id === p.boardId)?.kind ?? 'inspection'}`)} — `}
              <bdi>{p.unit.name}</bdi>
            </strong>
            {canWrite && (
              <Button size="small" type="link" onClick={() => setModal({ kind: 'programEdit', program: p })} data-testid="program-edit">
                {t('supervision.programs.edit')}
              </Button>
            )}
            <ol style={{ margin: '4px 0', paddingInlineStart: 20 }}>
              {p.items.map((i, n) => (
                <li key={n}>
                  <bdi>{i.subject}</bdi>
                  {i.form && <Tag style={{ marginInlineStart: 8 }}>{t(`supervision.forms.${i.form}`)}</Tag>}
                  {i.leadOrganization && (
                    <span className="muted">
                      {' '}
                      · {t('supervision.programs.lead')}: <bdi>{i.leadOrganization}</bdi>
                    </span>
                  )}
                </li>
              ))}
            </ol>
          </section>
        ))}
        <h3 style={{ fontSize: 14, marginTop: 8 }}>{t('supervision.activities.title')}</h3>
        <ResponsiveTable<Activity>
          rowKey="id"
          size="small"
          data-testid="supervision-activities"
          dataSource={activities.data?.items ?? []}
          pagination={false}
          locale={{ emptyText: t('supervision.activities.empty') }}
          columns={[
            { key: 'heldOn', title: t('supervision.activities.heldOn'), width: 110, render: (_, a) => format.date(a.heldOn) },
            { key: 'by', title: t('supervision.activities.by'), render: (_, a) => (a.boardKind ? t(`supervision.kinds.${a.boardKind}`) : `${t('supervision.activities.front')} · ${t(`supervision.activityKinds.${a.kind}`)}`) },
            { key: 'subject', title: t('supervision.activities.subject'), render: (_, a) => <bdi>{a.subject}</bdi> },
            { key: 'findings', title: t('supervision.activities.findings'), render: (_, a) => <bdi style={{ overflowWrap: 'anywhere' }}>{a.findings}</bdi> },
            { key: 'recs', title: t('supervision.recommendations.title'), width: 110, render: (_, a) => format.number(a.recommendationCount) },
            ...(canWrite
              ? [
                  {
                    key: 'actions',
                    title: '',
                    render: (_: unknown, a: Activity) => (
                      <div style={ACTIONS}>
                        <Button size="small" onClick={() => setModal({ kind: 'activityEdit', activity: a })} data-testid="activity-edit">
                          {t('supervision.edit')}
                        </Button>
                        <Button size="small" onClick={() => setModal({ kind: 'recommendationAdd', activity: a })} data-testid="activity-recommendation-add">
                          {t('supervision.recommendations.add')}
                        </Button>
                      </div>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Card>

      <Card size="small" style={CARD} title={t('supervision.figures.title', { year })}>
        <ResponsiveTable
          rowKey={(r) => r.unit.id}
          size="small"
          data-testid="supervision-figures"
          loading={figures.isFetching}
          dataSource={figures.data ? [...figures.data.children.filter((c) => c.recommendations + c.boardsInOffice + c.frontSupervisions + c.frontCriticisms > 0), ...(figures.data.own.recommendations + figures.data.own.frontSupervisions + figures.data.own.frontCriticisms + figures.data.own.boardsInOffice > 0 ? [{ ...figures.data.own, unit: { id: 'own', name: t('supervision.figures.own', { unit: figures.data.unit.name }), kind: '' } }] : []), { ...figures.data.total, unit: { id: 'total', name: t('supervision.figures.total'), kind: '' } }] : []}
          pagination={false}
          scroll={{ x: 900 }}
          columns={[
            { key: 'unit', title: t('supervision.unit'), render: (_, r) => <bdi>{r.unit.name}</bdi> },
            ...(['boardsInOffice', 'boardFindings', 'frontSupervisions', 'frontCriticisms', 'recommendations', 'answered', 'partly', 'overdue'] as const).map((k) => ({
              key: k,
              title: t(`supervision.figures.${k}`),
              render: (_: unknown, r: (typeof figures.data & object)['total']) => format.number(r[k]),
            })),
          ]}
        />
      </Card>

      {modal?.kind === 'board' && unitId && <BoardFormModal unitId={unitId} onClose={() => setModal(null)} />}
      {modal?.kind === 'activity' && unitId && <ActivityFormModal unitId={unitId} boards={boards.data?.items ?? []} onClose={() => setModal(null)} />}
      {modal?.kind === 'program' && unitId && <ProgramFormModal unitId={unitId} year={year} onClose={() => setModal(null)} />}
      {modal?.kind === 'answer' && <AnswerModal recommendation={modal.recommendation} onClose={() => setModal(null)} />}
      {modal?.kind === 'boardEdit' && <BoardFormModal unitId={modal.board.unit.id} board={modal.board} onClose={() => setModal(null)} />}
      {modal?.kind === 'memberAdd' && <AddMemberModal board={modal.board} onClose={() => setModal(null)} />}
      {modal?.kind === 'memberEnd' && <EndMemberModal board={modal.board} member={modal.member} onClose={() => setModal(null)} />}
      {modal?.kind === 'programEdit' && <ProgramFormModal unitId={modal.program.unit.id} year={modal.program.year} program={modal.program} onClose={() => setModal(null)} />}
      {modal?.kind === 'activityEdit' && <ActivityFormModal unitId={modal.activity.unit.id} boards={[]} activity={modal.activity} onClose={() => setModal(null)} />}
      {modal?.kind === 'recommendationAdd' && <RecommendationFormModal target={{ activity: modal.activity }} onClose={() => setModal(null)} />}
      {modal?.kind === 'recommendationEdit' && <RecommendationFormModal target={{ recommendation: modal.recommendation }} onClose={() => setModal(null)} />}
    </>
  );
}
