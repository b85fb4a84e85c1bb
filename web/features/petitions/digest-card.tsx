import Card from 'antd/es/card';
import Statistic from 'antd/es/statistic';
import { useTranslation } from 'react-i18next';
import { useDigest } from './petitions.api';

/**
 * Today's digest for the chosen unit (its own due-soon and overdue petitions, and the overdue ones
 * below it), or the totals of the reader's scope when no unit is chosen.
 */
export function DigestCard({ unitId }: { unitId?: string }) {
  const { t } = useTranslation();
  const digest = useDigest(unitId);
  const rows = digest.data?.items ?? [];
  const own = unitId ? rows.find((r) => r.unit.id === unitId) : undefined;
  const dueSoon = unitId ? (own?.dueSoon ?? 0) : rows.reduce((n, r) => n + r.dueSoon, 0);
  const overdue = unitId ? (own?.overdue ?? 0) : rows.reduce((n, r) => n + r.overdue, 0);
  return (
    <Card size="small" loading={digest.isLoading} style={{ marginBottom: 16 }} title={t('petitions.digest.title', { date: digest.data?.date ?? '' })}>
      <div style={{ display: 'flex', gap: 32, flexWrap: 'wrap' }}>
        <Statistic title={t('petitions.due.due_soon')} value={dueSoon} styles={{ content: { color: dueSoon ? '#d46b08' : undefined } }} />
        <Statistic title={t('petitions.due.overdue')} value={overdue} styles={{ content: { color: overdue ? '#cf1322' : undefined } }} />
        {unitId && <Statistic title={t('petitions.digest.below')} value={own?.escalatedOverdue ?? 0} />}
      </div>
    </Card>
  );
}
