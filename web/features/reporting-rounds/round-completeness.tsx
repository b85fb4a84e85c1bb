import Button from 'antd/es/button';
import Table from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import type { CompletenessCounts, CompletenessRow } from '../../../common/reporting-rounds';
import { ResponsiveTable } from '../../ui/responsive-table';
import { useFormat } from '../../ui/use-format';
import { useScreen } from '../../ui/use-screen';
import type { RoundDetail } from './reporting-rounds.api';

const COLUMNS = ['expected', 'onTime', 'late', 'missing', 'returned', 'excused'] as const;
type Column = (typeof COLUMNS)[number];

/**
 * Who has sent, by child of the viewed unit (tình hình gửi báo cáo): on time, late, not yet sent
 * (and how many of those are past their due day), returned, excused. A child's name counts that
 * child's own units (the drill-down); the foot is the viewed unit's total.
 */
export function RoundCompleteness({ round, onDrill }: { round: RoundDetail; onDrill: (unitId: string) => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const titles: Record<Column, string> = {
    expected: t('reportingRounds.completeness.expected'),
    onTime: t('reportingRounds.completeness.onTime'),
    late: t('reportingRounds.completeness.late'),
    missing: t('reportingRounds.completeness.missing'),
    returned: t('reportingRounds.completeness.returned'),
    excused: t('reportingRounds.completeness.excused'),
  };
  const cell = (counts: CompletenessCounts, key: Column) =>
    key === 'missing' && counts.missingOverdue > 0 ? (
      <span data-overdue={counts.missingOverdue}>
        {format.number(counts.missing)}{' '}
        <span style={{ color: '#cf1322', whiteSpace: 'nowrap' }}>({t('reportingRounds.completeness.overdue', { n: format.number(counts.missingOverdue) })})</span>
      </span>
    ) : (
      format.number(counts[key])
    );
  const totals = round.completeness.totals;
  // Cards have no foot row: on a phone the viewed unit's total comes first, in words.
  const { cards } = useScreen();

  return (
    <>
      {cards && (
        <p data-testid="completeness-total-line">
          <strong>{t('reportingRounds.completeness.total')}:</strong> {COLUMNS.map((key) => `${titles[key]} ${format.number(totals[key])}`).join(' · ')}
        </p>
      )}
      <ResponsiveTable<CompletenessRow>
      data-testid="completeness-table"
      size="small"
      bordered
      rowKey={(row) => row.unit.id}
      dataSource={round.completeness.children}
      pagination={round.completeness.children.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
      locale={{ emptyText: t('reportingRounds.completeness.empty') }}
      scroll={{ x: 'max-content' }}
      columns={[
        {
          key: 'unit',
          title: t('reportingRounds.completeness.unit'),
          render: (_, row) => (
            <Button type="link" style={{ paddingInline: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'start' }} onClick={() => onDrill(row.unit.id)} data-testid="drill-child" data-unit-id={row.unit.id}>
              <bdi>{row.unit.name}</bdi>
            </Button>
          ),
        },
        ...COLUMNS.map((key) => ({
          key,
          title: titles[key],
          align: 'end' as const,
          render: (_: unknown, row: CompletenessRow) => <span data-testid={`completeness-${key}`}>{cell(row, key)}</span>,
        })),
      ]}
      summary={() => (
        <Table.Summary.Row data-testid="completeness-total">
          <Table.Summary.Cell index={0}>
            <strong>{t('reportingRounds.completeness.total')}</strong>
          </Table.Summary.Cell>
          {COLUMNS.map((key, i) => (
            <Table.Summary.Cell key={key} index={i + 1} align="end">
              <strong data-testid={`total-${key}`}>{cell(totals, key)}</strong>
            </Table.Summary.Cell>
          ))}
        </Table.Summary.Row>
      )}
      />
    </>
  );
}
