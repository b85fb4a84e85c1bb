/**
 * One working session: the unit worked with, the delegation and what was worked on; the conclusion
 * notice (thông báo kết luận) that followed it and its requests, each a task of the unit worked
 * with or a unit under it. Editors of the leading unit change the session and issue the notice;
 * `can` from the server says who may.
 */
import { Link, useParams } from '@tanstack/react-router';
import Button from 'antd/es/button';
import Card from 'antd/es/card';
import Descriptions from 'antd/es/descriptions';
import Space from 'antd/es/space';
import Tag from 'antd/es/tag';
import Typography from 'antd/es/typography';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { numberAndSymbol } from '../../../common/policy-documents';
import { ErrorAlert } from '../../ui/error-alert';
import { PageSpinner } from '../../ui/page-spinner';
import { PrintButton } from '../../ui/print-button';
import { useFormat } from '../../ui/use-format';
import { NoticeFormModal } from './notice-form-modal';
import { SessionRequests } from './session-requests';
import { WorkingSessionFormModal } from './working-session-form-modal';
import { type WorkingSessionDetail, useWorkingSession } from './working-sessions.api';

export function WorkingSessionDetailPage() {
  const { sessionId } = useParams({ strict: false }) as { sessionId: string };
  const session = useWorkingSession(sessionId);
  if (session.isPending) return <PageSpinner />;
  if (session.isError) return <ErrorAlert error={session.error} />;
  return <WorkingSessionView session={session.data} onReload={() => void session.refetch()} />;
}

function WorkingSessionView({ session: s, onReload }: { session: WorkingSessionDetail; onReload: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [editing, setEditing] = useState(false);
  const [issuing, setIssuing] = useState(false);

  return (
    <Card>
      <Typography.Paragraph className="screen-only">
        <Link to="/working-sessions">{t('workingSessions.backToList')}</Link>
      </Typography.Paragraph>
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'baseline', gap: 16, flexWrap: 'wrap', marginBottom: 16 }}>
        <div style={{ minWidth: 0 }}>
          <Typography.Text type="secondary">{format.date(s.heldOn)}</Typography.Text>
          <Typography.Title level={1} style={{ fontSize: 22, marginTop: 4, marginBottom: 0, overflowWrap: 'anywhere' }} data-testid="working-session-title">
            {t('workingSessions.detailTitle')} <bdi>{s.unit.name}</bdi>
          </Typography.Title>
        </div>
        <Space wrap className="screen-only">
          <PrintButton />
          {s.can.edit && (
            <Button onClick={() => setEditing(true)} data-testid="working-session-edit">
              {t('workingSessions.edit')}
            </Button>
          )}
          {s.can.addNotice && !s.notice && (
            <Button type="primary" onClick={() => setIssuing(true)} data-testid="notice-create">
              {t('workingSessions.notice.create')}
            </Button>
          )}
        </Space>
      </div>
      <Descriptions
        column={1}
        size="small"
        bordered
        styles={{ label: { width: '30%', minWidth: 120 } }}
        data-testid="working-session-fields"
        items={[
          {
            key: 'unit',
            label: t('workingSessions.fields.unit'),
            children: (
              <Link to="/units/$unitId" params={{ unitId: s.unit.id }}>
                <bdi>{s.unit.name}</bdi>
              </Link>
            ),
          },
          { key: 'leading', label: t('workingSessions.fields.leadingUnit'), children: <bdi>{s.leadingUnit.name}</bdi> },
          { key: 'heldOn', label: t('workingSessions.fields.heldOn'), children: format.date(s.heldOn) },
          { key: 'place', label: t('workingSessions.fields.place'), children: <bdi>{s.place}</bdi> },
          {
            key: 'content',
            label: t('workingSessions.fields.content'),
            children: (
              <div dir="auto" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                {s.content}
              </div>
            ),
          },
          {
            key: 'notice',
            label: t('workingSessions.fields.notice'),
            children: s.notice ? (
              <span data-testid="working-session-notice">
                <Link to="/policy-documents/$documentId" params={{ documentId: s.notice.id }}>
                  {s.notice.number ? (
                    <bdi dir="ltr" style={{ whiteSpace: 'nowrap' }}>
                      {numberAndSymbol(s.notice)}
                    </bdi>
                  ) : (
                    <bdi dir="ltr">{s.notice.symbol}</bdi>
                  )}
                </Link>
                {s.notice.issuedOn && <> {t('workingSessions.notice.issuedOn', { date: format.date(s.notice.issuedOn) })}</>}
                {': '}
                <bdi>{s.notice.title}</bdi>
                {s.notice.status === 'draft' && (
                  <Tag color="gold" style={{ marginInlineStart: 8 }}>
                    {t('workingSessions.notice.draft')}
                  </Tag>
                )}
              </span>
            ) : (
              t('workingSessions.notice.none')
            ),
          },
        ]}
      />
      <section style={{ marginTop: 24 }} data-testid="working-session-delegation">
        <Typography.Title level={2} style={{ fontSize: 16 }}>
          {t('workingSessions.fields.delegation')}
        </Typography.Title>
        <ol style={{ paddingInlineStart: 24, margin: 0 }}>
          {s.members.map((m) => (
            <li key={m.id} style={{ marginBottom: 4 }}>
              {/* One isolate for the whole line: in Arabic "name, position (unit)" keeps its Vietnamese order. */}
              <bdi>
                {m.name}, {m.position}
                {m.unit && ` (${m.unit.name})`}
              </bdi>
              {m.isHead && (
                <Tag color="blue" style={{ marginInlineStart: 8 }} data-testid="member-is-head">
                  {t('workingSessions.fields.head')}
                </Tag>
              )}
            </li>
          ))}
        </ol>
      </section>
      {s.notice && <SessionRequests requests={s.requests} />}
      {editing && (
        <WorkingSessionFormModal
          // Reopened on the reloaded record after a conflict, so the form starts from its new version.
          key={s.version}
          session={s}
          onClose={() => setEditing(false)}
          onReload={() => {
            setEditing(false);
            onReload();
          }}
        />
      )}
      {issuing && <NoticeFormModal session={s} onClose={() => setIssuing(false)} />}
    </Card>
  );
}
