/** The figures of a unit's year, one row per child unit and the total: items published, overdue, never; decisions held and passed; covenants. */
import { useTranslation } from 'react-i18next';
import type { FigureRow } from '../../../common/grassroots';
import { ErrorAlert } from '../../ui/error-alert';
import { ResponsiveTable } from '../../ui/responsive-table';
import { useFormat } from '../../ui/use-format';
import { useGrassrootsFigures } from './grassroots.api';

const COLUMNS = ['communes', 'itemsPublished', 'itemsOverdue', 'itemsNever', 'decisions', 'decisionsPassed', 'covenants'] as const;

export function GrassrootsFiguresTable({ unitId, year }: { unitId: string; year: number }) {
  const { t } = useTranslation();
  const format = useFormat();
  const figures = useGrassrootsFigures(unitId, year);
  const f = figures.data;
  const rows: (FigureRow & { key: string; total?: boolean })[] = f ? [...f.children.map((c) => ({ ...c, key: c.unit?.id ?? 'own' })), { ...f.total, key: 'total', total: true }] : [];
  return (
    <>
      <ErrorAlert error={figures.error} />
      <ResponsiveTable
        data-testid="grassroots-figures"
        rowKey="key"
        loading={figures.isFetching}
        pagination={false}
        dataSource={rows}
        columns={[
          { key: 'unit', title: t('grassroots.figures.unit'), render: (_v, r) => (r.total ? <strong>{t('grassroots.figures.total')}</strong> : (r.unit?.name ?? t('grassroots.figures.own'))) },
          ...COLUMNS.map((c) => ({ key: c, title: t(`grassroots.figures.${c}`), align: 'end' as const, render: (_v: unknown, r: FigureRow) => format.number(r[c]) })),
        ]}
      />
    </>
  );
}
