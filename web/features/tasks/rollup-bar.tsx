import { useTranslation } from 'react-i18next';
import type { TaskTotals } from './tasks.api';

const COLORS = { done: '#389e0d', open: '#1677ff', overdue: '#cf1322' } as const;

/**
 * Leaves done, open in time and overdue as one bar of three parts (it follows the reading
 * direction, so in Arabic "done" starts on the right). The numbers are in the label, for readers
 * who do not see the colours.
 */
export function RollupBar({ totals }: { totals: Pick<TaskTotals, 'leaves' | 'done' | 'open' | 'overdue'> }) {
  const { t } = useTranslation();
  const inTime = Math.max(0, totals.open - totals.overdue);
  const parts = [
    { key: 'done', value: totals.done, color: COLORS.done },
    { key: 'open', value: inTime, color: COLORS.open },
    { key: 'overdue', value: totals.overdue, color: COLORS.overdue },
  ];
  const label = t('tasks.rollup.barLabel', { done: totals.done, open: inTime, overdue: totals.overdue });
  return (
    <div role="img" aria-label={label} title={label} style={{ display: 'flex', height: 12, borderRadius: 6, overflow: 'hidden', background: '#f0f0f0', minWidth: 80 }} data-testid="rollup-bar">
      {totals.leaves > 0 && parts.filter((p) => p.value > 0).map((p) => <div key={p.key} style={{ width: `${(p.value / totals.leaves) * 100}%`, background: p.color }} />)}
    </div>
  );
}

/** The bar's key: what each colour means. */
export function RollupLegend() {
  const { t } = useTranslation();
  const item = (color: string, text: string) => (
    <span style={{ display: 'inline-flex', alignItems: 'center', gap: 6, marginInlineEnd: 16 }}>
      <span aria-hidden style={{ width: 12, height: 12, borderRadius: 3, background: color, display: 'inline-block' }} />
      {text}
    </span>
  );
  return (
    <div style={{ fontSize: 13, marginBottom: 8 }}>
      {item(COLORS.done, t('tasks.rollup.done'))}
      {item(COLORS.open, t('tasks.rollup.openInTime'))}
      {item(COLORS.overdue, t('tasks.rollup.overdue'))}
    </div>
  );
}
