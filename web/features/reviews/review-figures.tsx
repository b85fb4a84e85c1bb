import Descriptions from 'antd/es/descriptions';
import Table from 'antd/es/table';
import Typography from 'antd/es/typography';
import { useTranslation } from 'react-i18next';
import { countCells, type Report } from '../../../common/reports';
import { useFormat } from '../../ui/use-format';
import { type ChildRow, childRows, type FieldRow, fieldRows } from './review-figure-rows';

/** The figures snapshot of a review: headline counts, entries by field and kind, and by child unit. */
export function ReviewFigures({ report }: { report: Report }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const f = report.figures;
  const fields = fieldRows(report, i18n.language);
  const { rows: children, hidden } = childRows(report, t('reviews.ownRecords', { unit: report.unit.name }));
  const n = (v: number) => format.number(v);

  return (
    <div data-testid="review-figures">
      <Descriptions
        size="small"
        bordered
        column={{ xs: 1, md: 2 }}
        items={[
          { key: 'entries', label: t('reviews.figures.entries'), children: <span data-testid="figures-entries">{n(f.entries.total)}</span> },
          { key: 'units', label: t('reviews.figures.registeringUnits'), children: n(f.entries.registeringUnits) },
          { key: 'models', label: t('reviews.figures.models'), children: n(countCells(f.entries.cells, { kind: 'model' })) },
          { key: 'typical', label: t('reviews.figures.typical'), children: n(countCells(f.entries.cells, { kind: 'typical_example' })) },
          { key: 'replicated', label: t('reviews.figures.replicated'), children: n(f.entries.replicated) },
          { key: 'commendations', label: t('reviews.figures.commendations'), children: t('reviews.figures.commendedOf', { collectives: n(f.commendations.collectives), individuals: n(f.commendations.individuals) }) },
        ]}
      />
      {fields.length > 0 && (
        <>
          <Typography.Title level={3} style={{ fontSize: 15, marginTop: 16 }}>
            {t('reviews.figures.byField')}
          </Typography.Title>
          <Table<FieldRow>
            size="small"
            bordered
            pagination={false}
            rowKey="code"
            dataSource={fields}
            scroll={{ x: true }}
            columns={[
              { key: 'name', title: t('reviews.figures.field'), dataIndex: 'name' },
              { key: 'models', title: t('reviews.figures.models'), align: 'right', render: (_, r) => n(r.models) },
              { key: 'typical', title: t('reviews.figures.typical'), align: 'right', render: (_, r) => n(r.typical) },
              { key: 'total', title: t('reviews.figures.total'), align: 'right', render: (_, r) => n(r.total) },
            ]}
          />
        </>
      )}
      {report.children.length > 1 && (
        <>
          <Typography.Title level={3} style={{ fontSize: 15, marginTop: 16 }}>
            {t('reviews.figures.byUnit')}
          </Typography.Title>
          <Table<ChildRow>
            size="small"
            bordered
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            rowKey="key"
            dataSource={children}
            scroll={{ x: true }}
            columns={[
              { key: 'name', title: t('reviews.unit'), dataIndex: 'name' },
              { key: 'models', title: t('reviews.figures.models'), align: 'right', render: (_, r) => n(r.models) },
              { key: 'typical', title: t('reviews.figures.typical'), align: 'right', render: (_, r) => n(r.typical) },
              { key: 'total', title: t('reviews.figures.total'), align: 'right', render: (_, r) => n(r.total) },
              { key: 'commended', title: t('reviews.figures.commendations'), align: 'right', render: (_, r) => n(r.collectives + r.individuals) },
            ]}
          />
          {hidden > 0 && <Typography.Paragraph type="secondary">{t('reviews.figures.zeroUnitsHidden', { n: n(hidden) })}</Typography.Paragraph>}
        </>
      )}
    </div>
  );
}
