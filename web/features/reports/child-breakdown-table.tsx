import Button from 'antd/es/button';
import Checkbox from 'antd/es/checkbox';
import Table from 'antd/es/table';
import Tag from 'antd/es/tag';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReportView } from '../../../common/reports';
import { useFormat } from '../../ui/use-format';
import { type ChildRow, childRows, headline, type HeadlineKey } from './report-figures';
import { useHeadlineNames } from './use-headline-names';

const COLUMNS: HeadlineKey[] = ['entries', 'models', 'typicalExamples', 'collective', 'individual', 'registeringUnits', 'recognisedTypical', 'commendedCollectives', 'commendedIndividuals', 'petitionsReceived'];

/**
 * The report by child unit: the unit's own records, then each child (a click reports on that
 * child: the drill-down). The foot is the unit's total, which the rows add up to. Children with
 * nothing to count are hidden until asked for: most of a province's hundred communes may have
 * no figures in a quarter, and zeros change no total.
 */
export function ChildBreakdownTable({ report, onDrill }: { report: ReportView; onDrill: (unitId: string) => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [showAll, setShowAll] = useState(false);
  const all = childRows(report);
  const empty = all.filter((r) => r.unitId !== null && COLUMNS.every((key) => r.figures[key] === 0)).length;
  const rows = showAll ? all : all.filter((r) => r.unitId === null || COLUMNS.some((key) => r.figures[key] > 0));
  const total = headline(report.figures);
  const titles = useHeadlineNames();
  return (
    <>
      {empty > 0 && (
        <Checkbox checked={showAll} onChange={(e) => setShowAll(e.target.checked)} style={{ marginBottom: 8 }} data-testid="show-empty-children">
          {t('reports.showEmptyChildren', { n: empty })}
        </Checkbox>
      )}
      <Table<ChildRow>
        data-testid="table-children"
        size="small"
        bordered
        rowKey="key"
        dataSource={rows}
        pagination={rows.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
        scroll={{ x: 'max-content' }}
        columns={[
          {
            title: t('reports.childUnit'),
            key: 'unit',
            render: (_: unknown, row: ChildRow) =>
              row.unitId === null ? (
                <em>{t('reports.ownRecords')}</em>
              ) : (
                <>
                  <Button type="link" style={{ paddingInline: 0, height: 'auto' }} onClick={() => onDrill(row.unitId as string)} data-testid="drill-child" data-unit-id={row.unitId}>
                    {row.name}
                  </Button>
                  {row.retired && (
                    <Tag style={{ marginInlineStart: 8 }} data-testid="child-retired">
                      {t('reports.retired')}
                    </Tag>
                  )}
                </>
              ),
          },
          ...COLUMNS.map((key) => ({
            title: titles[key],
            key,
            align: 'end' as const,
            sorter: (a: ChildRow, b: ChildRow) => a.figures[key] - b.figures[key],
            render: (_: unknown, row: ChildRow) => format.number(row.figures[key]),
          })),
        ]}
        summary={() => (
          <Table.Summary.Row>
            <Table.Summary.Cell index={0}>
              <strong>{t('reports.total')}</strong>
            </Table.Summary.Cell>
            {COLUMNS.map((key, i) => (
              <Table.Summary.Cell key={key} index={i + 1} align="end">
                <strong>{format.number(total[key])}</strong>
              </Table.Summary.Cell>
            ))}
          </Table.Summary.Row>
        )}
      />
    </>
  );
}
