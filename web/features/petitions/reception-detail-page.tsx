/** One reception session or dialogue conference: the issues raised and the commitments, each marked done when kept. */
import { Link, useParams } from '@tanstack/react-router';
import Button from 'antd/es/button';
import Card from 'antd/es/card';
import Descriptions from 'antd/es/descriptions';
import Table from 'antd/es/table';
import Tag from 'antd/es/tag';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../ui/error-alert';
import { PageHeading } from '../../ui/page-heading';
import { PageSpinner } from '../../ui/page-spinner';
import { useFormat } from '../../ui/use-format';
import { useCan } from '../auth/use-can';
import { type Commitment, useCompleteCommitment, useSession } from './reception.api';
import { DialogueCard } from './dialogue-flags';

const STATE_COLORS = { open: 'blue', overdue: 'red', done: 'green' } as const;

export function ReceptionDetailPage() {
  const { sessionId } = useParams({ strict: false }) as { sessionId: string };
  const { t } = useTranslation();
  const format = useFormat();
  const canWrite = useCan('data.write');
  const session = useSession(sessionId);
  const complete = useCompleteCommitment(sessionId);
  if (session.isLoading) return <PageSpinner />;
  if (!session.data) return <ErrorAlert error={session.error} />;
  const s = session.data;
  return (
    <>
      <PageHeading title={s.title} />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Descriptions column={{ xs: 1, md: 2 }} size="small">
          <Descriptions.Item label={t('reception.kind')}>{t(`reception.kinds.${s.kind}`)}</Descriptions.Item>
          <Descriptions.Item label={t('reception.heldOn')}>{format.date(s.heldOn)}</Descriptions.Item>
          <Descriptions.Item label={t('petitions.filters.unit')}>{s.unit.name}</Descriptions.Item>
          <Descriptions.Item label={t('reception.presiding')}>{s.presiding}</Descriptions.Item>
          {s.attendees && <Descriptions.Item label={t('reception.attendees')}>{s.attendees}</Descriptions.Item>}
        </Descriptions>
      </Card>
      <DialogueCard session={s} canWrite={canWrite} />
      <Card size="small" title={t('reception.issues')} style={{ marginBottom: 16 }}>
        <ol>
          {s.issues.map((i) => (
            <li key={i.id}>
              {i.summary}
              {i.petition && (
                <>
                  {' — '}
                  <Link to="/petitions/$petitionId" params={{ petitionId: i.petition.id }}>
                    {t('petitions.numberLabel', { number: i.petition.number })}
                  </Link>
                </>
              )}
            </li>
          ))}
        </ol>
      </Card>
      <ErrorAlert error={complete.error} />
      <Table<Commitment>
        rowKey="id"
        size="small"
        title={() => t('reception.commitments')}
        dataSource={s.commitmentList}
        pagination={false}
        columns={[
          { key: 'description', title: t('reception.commitment'), dataIndex: 'description' },
          { key: 'owner', title: t('reception.owner'), dataIndex: 'owner', width: 200 },
          { key: 'deadline', title: t('reception.deadline'), render: (_, c) => format.date(c.deadline), width: 120 },
          { key: 'state', title: t('petitions.fields.status'), render: (_, c) => <Tag color={STATE_COLORS[c.state]}>{t(`reception.states.${c.state}`)}</Tag>, width: 130 },
          {
            key: 'done',
            title: '',
            width: 150,
            render: (_, c) =>
              c.doneOn ? format.date(c.doneOn) : canWrite ? (
                <Button size="small" loading={complete.isPending} onClick={() => complete.mutate({ commitmentId: c.id })}>
                  {t('reception.markDone')}
                </Button>
              ) : null,
          },
        ]}
      />
    </>
  );
}
