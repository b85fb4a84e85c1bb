/**
 * A document's roll-up on its page: for the chosen unit, the leaves of its subtree done, open and
 * overdue, "38/45 đơn vị đã báo cáo", and one bar per child unit. A child with units below opens
 * its own roll-up (the unit goes in the URL, so "back" and the breadcrumb go up again).
 */
import { Link, useNavigate } from '@tanstack/react-router';
import Breadcrumb from 'antd/es/breadcrumb';
import Button from 'antd/es/button';
import Typography from 'antd/es/typography';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../ui/error-alert';
import { ResponsiveTable } from '../../ui/responsive-table';
import { RollupBar, RollupLegend } from './rollup-bar';
import { type RollupRow, type TaskTotals, useRollup } from './tasks.api';

type Props = {
  documentId: string;
  /** The unit shown (from the URL), or the reader's own. */
  unitId: string;
  /** The reader's own unit: the breadcrumb goes no higher, since units above it are not the reader's to see. */
  topUnitId: string;
};

export function DocumentRollup({ documentId, unitId, topUnitId }: Props) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const rollup = useRollup(documentId, unitId);
  const drill = (next: string) => void navigate({ to: '/policy-documents/$documentId', params: { documentId }, search: next === topUnitId ? {} : { unitId: next }, replace: false });
  if (rollup.isError) return <ErrorAlert error={rollup.error} />;
  const r = rollup.data;
  if (!r) return null;
  const top = r.ancestors.findIndex((a) => a.id === topUnitId);
  const trail = r.unit.id === topUnitId || top < 0 ? [] : r.ancestors.slice(top);
  const rows: (RollupRow & { own?: boolean })[] = [...(r.own.leaves > 0 ? [{ ...r.own, unit: r.unit, childUnitCount: 0, own: true }] : []), ...r.children];

  return (
    <section data-testid="rollup">
      {trail.length > 0 && (
        <nav aria-label={t('tasks.rollup.breadcrumbLabel')} style={{ marginBottom: 8 }}>
          <Breadcrumb
            items={[
              ...trail.map((a) => ({
                key: a.id,
                title: (
                  <Button type="link" size="small" style={{ padding: 0, height: 'auto' }} onClick={() => drill(a.id)} data-testid="rollup-up">
                    <bdi>{a.name}</bdi>
                  </Button>
                ),
              })),
              { key: r.unit.id, title: r.unit.name },
            ]}
          />
        </nav>
      )}
      <Typography.Paragraph style={{ marginBottom: 8 }}>
        <strong><bdi>{r.unit.name}</bdi></strong>: <Totals totals={r.totals} />
      </Typography.Paragraph>
      <RollupLegend />
      <ResponsiveTable<RollupRow & { own?: boolean }>
        rowKey={(row) => (row.own ? `own-${row.unit.id}` : row.unit.id)}
        size="small"
        data-testid="rollup-table"
        loading={rollup.isFetching}
        dataSource={rows}
        pagination={false}
        locale={{ emptyText: t('tasks.rollup.none') }}
        columns={[
          {
            key: 'unit',
            title: t('tasks.rollup.unit'),
            render: (_, row) =>
              row.own ? (
                <span>
                  <bdi>{row.unit.name}</bdi> <Typography.Text type="secondary">({t('tasks.rollup.ownTasks')})</Typography.Text>
                </span>
              ) : row.childUnitCount > 0 ? (
                <Button type="link" style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'start' }} onClick={() => drill(row.unit.id)} data-testid="rollup-drill">
                  <bdi>{row.unit.name}</bdi>
                </Button>
              ) : (
                <bdi>{row.unit.name}</bdi>
              ),
          },
          { key: 'bar', title: t('tasks.rollup.progress'), width: '30%', render: (_, row) => <RollupBar totals={row} /> },
          { key: 'done', title: t('tasks.rollup.doneOfLeaves'), render: (_, row) => <span data-testid="rollup-done">{t('tasks.rollup.fraction', { part: row.done, whole: row.leaves })}</span> },
          { key: 'overdue', title: t('tasks.rollup.overdue'), render: (_, row) => (row.overdue > 0 ? <Typography.Text type="danger">{row.overdue}</Typography.Text> : 0) },
          { key: 'reported', title: t('tasks.rollup.reported'), render: (_, row) => t('tasks.rollup.fraction', { part: row.unitsReported, whole: row.unitsTasked }) },
          {
            key: 'tasks',
            title: t('tasks.rollup.tasks'),
            render: (_, row) => (
              <Link to="/tasks" search={{ unitId: row.unit.id, documentId }}>
                {t('tasks.rollup.openList')}
              </Link>
            ),
          },
        ]}
      />
    </section>
  );
}

/** "12/30 nhiệm vụ đã hoàn thành, 3 quá hạn · 38/45 đơn vị đã báo cáo". */
function Totals({ totals }: { totals: TaskTotals }) {
  const { t } = useTranslation();
  return (
    <span data-testid="rollup-totals">
      {t('tasks.rollup.leavesDone', { done: totals.done, leaves: totals.leaves })}
      {totals.overdue > 0 && <> · <Typography.Text type="danger">{t('tasks.rollup.overdueCount', { count: totals.overdue })}</Typography.Text></>}
      {' · '}
      <span data-testid="rollup-reported">{t('tasks.rollup.unitsReported', { reported: totals.unitsReported, tasked: totals.unitsTasked })}</span>
    </span>
  );
}
