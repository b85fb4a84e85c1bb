import { Link } from '@tanstack/react-router';
import Alert from 'antd/es/alert';
import Card from 'antd/es/card';
import Result from 'antd/es/result';
import Skeleton from 'antd/es/skeleton';
import Typography from 'antd/es/typography';
import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { ButtonLink } from '../../ui/button-link';
import { ErrorAlert } from '../../ui/error-alert';
import { PageHeading } from '../../ui/page-heading';
import { useFormat } from '../../ui/use-format';
import { useMe } from '../auth/auth.api';
import { hasWorkQueue } from './landing';
import { useWorkQueue, type WorkQueue } from './work-queue.api';
import { entryItems, hotspotItems, petitionItems, type QueueItem, roundItems, supervisionItems, taskItems, type Tone, totalWaiting } from './work-queue-items';

const TONE_COLORS: Record<Tone, string> = { action: '#b71c1c', soon: '#d46b08', late: '#cf1322' };

// One line per count, the words at the start and the number at the end (flex follows the page's direction in Arabic).
const ROW: CSSProperties = { display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: 12, paddingBlock: 10, borderBlockEnd: '1px solid #f0f0f0', minHeight: 44 };

/** One count: a link to the list it counts, or plain words when there is nothing to open. */
function QueueRow({ item }: { item: QueueItem }) {
  const { t } = useTranslation();
  const format = useFormat();
  const label = t(item.label, { date: item.date ? format.date(item.date) : '' });
  const count = (
    <span data-testid="work-queue-count" style={{ fontSize: 20, fontWeight: 600, fontVariantNumeric: 'tabular-nums', color: item.count ? TONE_COLORS[item.tone] : 'rgba(0, 0, 0, 0.35)' }}>
      {format.number(item.count)}
    </span>
  );
  const words = <span style={{ minWidth: 0, overflowWrap: 'anywhere' }}>{label}</span>;
  if (!item.count) {
    return (
      <div style={{ ...ROW, color: 'rgba(0, 0, 0, 0.45)' }} data-testid={`work-queue-${item.key}`}>
        {words}
        {count}
      </div>
    );
  }
  return (
    <Link
      to={item.link.to}
      search={item.link.search as never}
      style={{ ...ROW, color: 'inherit' }}
      aria-label={t('workQueue.countLabel', { label, n: format.number(item.count) })}
      data-testid={`work-queue-${item.key}`}
    >
      {words}
      {count}
    </Link>
  );
}

function Rows({ items }: { items: QueueItem[] }) {
  return (
    <div>
      {items.map((item) => (
        <QueueRow key={item.key} item={item} />
      ))}
    </div>
  );
}

/** A group of counts per unit; the unit's name heads its rows when the person works for several. */
function UnitGroups({ queue, items }: { queue: WorkQueue; items: (q: WorkQueue, u: WorkQueue['units'][number]) => QueueItem[] }) {
  const several = queue.units.length > 1;
  return (
    <>
      {queue.units.map((u) => (
        <section key={u.unit.id} aria-label={u.unit.name}>
          {several && (
            <Typography.Text strong style={{ display: 'block', marginBlockStart: 8 }}>
              {u.unit.name}
            </Typography.Text>
          )}
          <Rows items={items(queue, u)} />
        </section>
      ))}
    </>
  );
}

const CARD: CSSProperties = { marginBlockEnd: 16, maxWidth: 880 };

/**
 * "Việc cần làm": what waits for the signed-in person today, grouped — the movement's entries,
 * petitions, tasks and commitments — each count opening the list it counts (docs/work-queue.md).
 * One column at every width, so a phone reads it top to bottom.
 */
/** The "tasks" card: document tasks, review tasks, commitments, then the unit's reporting rounds. */
const tasksAndRounds = (q: WorkQueue, u: WorkQueue['units'][number]) => [...taskItems(q, u), ...roundItems(q, u), ...supervisionItems(q, u)];

export function WorkQueuePage() {
  const { t } = useTranslation();
  const format = useFormat();
  const me = useMe();
  const mine = hasWorkQueue(me);
  const queue = useWorkQueue({ enabled: mine, refetchOnMount: 'always' });

  if (!mine) {
    return (
      <>
        <PageHeading title={t('workQueue.title')} />
        <Result status="info" title={t('workQueue.noneTitle')} subTitle={t('workQueue.noneHelp')} extra={<ButtonLink to="/dashboard">{t('workQueue.toDashboard')}</ButtonLink>} />
      </>
    );
  }
  const q = queue.data;
  const entries = q ? entryItems(q) : [];
  const unitName = q && q.units.length === 1 ? q.units[0]!.unit.name : undefined;
  return (
    <>
      <PageHeading title={t('workQueue.title')}>
        <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap' }}>
          <ButtonLink to="/calendar" data-testid="work-queue-to-calendar">
            {t('calendar.title')}
          </ButtonLink>
          <ButtonLink to="/leadership-digest" search={q && q.units.length === 1 ? { unitId: q.units[0]!.unit.id } : {}} data-testid="work-queue-to-digest">
            {t('digest.title')}
          </ButtonLink>
        </div>
      </PageHeading>
      {q && (
        <Typography.Paragraph type="secondary" data-testid="work-queue-today">
          {t('workQueue.today', { date: format.date(q.today) })}
        </Typography.Paragraph>
      )}
      <ErrorAlert error={queue.error} />
      {queue.isLoading && <Skeleton active />}
      {q && totalWaiting(q) === 0 && <Alert type="success" showIcon title={t('workQueue.allDone')} style={CARD} data-testid="work-queue-all-done" />}
      {q && entries.length > 0 && (
        <Card size="small" title={t('workQueue.groups.entries')} style={CARD} data-testid="work-queue-entries">
          <Rows items={entries} />
        </Card>
      )}
      {q && q.units.length > 0 && (
        <>
          <Card size="small" title={t('workQueue.groups.petitions')} extra={unitName} style={CARD} data-testid="work-queue-petitions">
            <UnitGroups queue={q} items={petitionItems} />
          </Card>
          <Card size="small" title={t('workQueue.groups.tasks')} extra={unitName} style={CARD} data-testid="work-queue-tasks">
            <UnitGroups queue={q} items={tasksAndRounds} />
          </Card>
          <Card size="small" title={t('hotspots.workQueue.group')} extra={unitName} style={CARD} data-testid="work-queue-hotspots">
            <UnitGroups queue={q} items={hotspotItems} />
          </Card>
        </>
      )}
    </>
  );
}
