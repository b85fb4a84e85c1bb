import Button from 'antd/es/button';
import Pagination from 'antd/es/pagination';
import Table from 'antd/es/table';
import Typography from 'antd/es/typography';
import { useEffect, useState } from 'react';
import { flushSync } from 'react-dom';
import { useTranslation } from 'react-i18next';
import type { CompletenessCounts, CompletenessRow, ParticipantFilter } from '../../../common/reporting-rounds';
import { useFormat } from '../../ui/use-format';
import { useScreen } from '../../ui/use-screen';
import type { RoundDetail } from './reporting-rounds.api';

const COLUMNS = ['expected', 'onTime', 'late', 'missing', 'returned', 'excused'] as const;
type Column = (typeof COLUMNS)[number];

const PHONE_PAGE = 20;

/** The participants' filter that lists the units a total counts ("Chưa gửi 3" opens those three). */
const COLUMN_FILTER: Record<Exclude<Column, 'expected'>, ParticipantFilter> = { onTime: 'on_time', late: 'late', missing: 'missing', returned: 'returned', excused: 'excused' };

/**
 * Who has sent, by child of the viewed unit (tình hình gửi báo cáo): on time, late, not yet sent
 * (and how many of those are past their due day), returned, excused. A child's name counts that
 * child's own units (the drill-down); the foot is the viewed unit's total. On a phone each child is
 * one line of the counts that are not zero, under the total.
 */
export function RoundCompleteness({ round, onDrill, onFilter }: { round: RoundDetail; onDrill: (unitId: string) => void; onFilter: (column: ParticipantFilter) => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { cards } = useScreen();
  const titles: Record<Column, string> = {
    expected: t('reportingRounds.completeness.expected'),
    onTime: t('reportingRounds.completeness.onTime'),
    late: t('reportingRounds.completeness.late'),
    missing: t('reportingRounds.completeness.missing'),
    returned: t('reportingRounds.completeness.returned'),
    excused: t('reportingRounds.completeness.excused'),
  };
  const overdue = (counts: CompletenessCounts) => t('reportingRounds.completeness.overdue', { n: format.number(counts.missingOverdue) });
  const cell = (counts: CompletenessCounts, key: Column) =>
    key === 'missing' && counts.missingOverdue > 0 ? (
      <span data-overdue={counts.missingOverdue}>
        {format.number(counts.missing)} <span style={{ color: '#cf1322', whiteSpace: 'nowrap' }}>({overdue(counts)})</span>
      </span>
    ) : (
      format.number(counts[key])
    );
  /** One line for a phone: the counts that are not zero ("Phải báo cáo 12 · Đúng hạn 3 · Chưa gửi 9 (2 quá hạn)"). */
  const line = (counts: CompletenessCounts) =>
    COLUMNS.filter((key) => key === 'expected' || counts[key] > 0)
      .map((key) => `${titles[key]} ${format.number(counts[key])}${key === 'missing' && counts.missingOverdue > 0 ? ` (${overdue(counts)})` : ''}`)
      .join(' · ');
  const totals = round.completeness.totals;
  const children = round.completeness.children;
  const [page, setPage] = useState(1);
  // Every child goes on paper, not the page of fifty on screen: drawn before the browser lays the page out.
  const [printing, setPrinting] = useState(false);
  useEffect(() => {
    const before = () => flushSync(() => setPrinting(true));
    const after = () => setPrinting(false);
    window.addEventListener('beforeprint', before);
    window.addEventListener('afterprint', after);
    return () => {
      window.removeEventListener('beforeprint', before);
      window.removeEventListener('afterprint', after);
    };
  }, []);
  const unitCell = (row: CompletenessRow) => (
    <Button type="link" style={{ paddingInline: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'start' }} onClick={() => onDrill(row.unit.id)} data-testid="drill-child" data-unit-id={row.unit.id}>
      <bdi>{row.unit.name}</bdi>
    </Button>
  );

  if (cards) {
    // Six figures under each of a province's hundred communes made a phone page metres long: one line each.
    const rows = children.slice((page - 1) * PHONE_PAGE, page * PHONE_PAGE);
    return (
      <div data-testid="completeness-table" data-layout="cards">
        <p data-testid="completeness-total-line">
          <strong>{t('reportingRounds.completeness.total')}:</strong> {line(totals)}
        </p>
        {children.length === 0 && <Typography.Paragraph type="secondary">{t('reportingRounds.completeness.empty')}</Typography.Paragraph>}
        <ul className="plain-list">
          {rows.map((row) => (
            <li key={row.unit.id} style={{ paddingBlock: 6, borderBottom: '1px solid rgba(5, 5, 5, 0.06)' }}>
              {unitCell(row)}
              <div style={{ fontSize: 13, color: 'rgba(0, 0, 0, 0.65)' }}>{line(row)}</div>
            </li>
          ))}
        </ul>
        {children.length > PHONE_PAGE && <Pagination size="small" align="center" style={{ marginTop: 12 }} current={page} pageSize={PHONE_PAGE} total={children.length} showSizeChanger={false} onChange={setPage} />}
      </div>
    );
  }

  return (
    <Table<CompletenessRow>
      data-testid="completeness-table"
      size="small"
      bordered
      rowKey={(row) => row.unit.id}
      dataSource={children}
      pagination={children.length > 50 && !printing ? { pageSize: 50, showSizeChanger: false } : false}
      locale={{ emptyText: t('reportingRounds.completeness.empty') }}
      scroll={{ x: 'max-content' }}
      columns={[
        { key: 'unit', title: t('reportingRounds.completeness.unit'), render: (_, row) => unitCell(row) },
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
              {key !== 'expected' && totals[key] > 0 ? (
                // A total opens its units in the participants' list below, filtered by that column.
                <Button type="link" style={{ padding: 0, height: 'auto' }} onClick={() => onFilter(COLUMN_FILTER[key])} data-testid={`total-${key}`}>
                  <strong>{cell(totals, key)}</strong>
                </Button>
              ) : (
                <strong data-testid={`total-${key}`}>{cell(totals, key)}</strong>
              )}
            </Table.Summary.Cell>
          ))}
        </Table.Summary.Row>
      )}
    />
  );
}
