import Card from 'antd/es/card';
import Statistic from 'antd/es/statistic';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../ui/use-format';
import { useDigest } from './petitions.api';

/**
 * Today's digest for the chosen unit (its own due-soon and overdue petitions, and the overdue ones
 * below it), or the totals of the reader's scope when no unit is chosen.
 */
export function DigestCard({ unitId, onOpen }: { unitId?: string; onOpen?: (due: 'overdue' | 'due_soon') => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const digest = useDigest(unitId);
  const rows = digest.data?.items ?? [];
  const own = unitId ? rows.find((r) => r.unit.id === unitId) : undefined;
  const dueSoon = unitId ? (own?.dueSoon ?? 0) : rows.reduce((n, r) => n + r.dueSoon, 0);
  const overdue = unitId ? (own?.overdue ?? 0) : rows.reduce((n, r) => n + r.overdue, 0);
  return (
    <Card size="small" loading={digest.isLoading} style={{ marginBottom: 16 }} title={t('petitions.digest.title', { date: format.date(digest.data?.date) })}>
      <div style={{ display: 'flex', gap: 32, flexWrap: 'wrap' }}>
        <Figure label={t('petitions.digest.openDueSoon')} onOpen={onOpen && (() => onOpen('due_soon'))} testId="digest-due-soon">
          <Statistic title={t('petitions.due.due_soon')} value={dueSoon} styles={{ content: { color: dueSoon ? '#d46b08' : undefined } }} />
        </Figure>
        <Figure label={t('petitions.digest.openOverdue')} onOpen={onOpen && (() => onOpen('overdue'))} testId="digest-overdue">
          <Statistic title={t('petitions.due.overdue')} value={overdue} styles={{ content: { color: overdue ? '#cf1322' : undefined } }} />
        </Figure>
        {unitId && <Statistic title={t('petitions.digest.below')} value={own?.escalatedOverdue ?? 0} />}
      </div>
    </Card>
  );
}

/** A figure that opens the list it counts (the petitions list filtered to it), as a button for keyboard and screen readers. */
function Figure({ label, onOpen, testId, children }: { label: string; onOpen?: () => void; testId: string; children: ReactNode }) {
  if (!onOpen) return <>{children}</>;
  return (
    <button type="button" aria-label={label} title={label} onClick={onOpen} data-testid={testId} style={{ background: 'none', border: 'none', padding: 0, font: 'inherit', color: 'inherit', textAlign: 'start', cursor: 'pointer' }}>
      {children}
    </button>
  );
}
