import Table from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import type { PetitionKind } from '../../../common/petitions';
import type { ReportView } from '../../../common/reports';
import { useFormat } from '../../ui/use-format';
import { type PetitionKindRow, petitionKindRows } from './report-figures';

const MEASURES = ['received', 'resolved', 'resolvedOnTime', 'overdue'] as const;

/**
 * Citizens' petitions received in the range by kind × received / resolved / on time / overdue
 * (overdue: still open past the due day on the range's last day, or today). Counts only.
 */
export function PetitionKindTable({ report }: { report: ReportView }) {
  const { t } = useTranslation();
  const format = useFormat();
  const rows = petitionKindRows(report.figures);
  const total = report.figures.petitions;
  // Literal keys, so the catalogs' test sees every one of them.
  const kinds: Record<PetitionKind, string> = {
    recommendation: t('petitions.kind.recommendation'),
    complaint: t('petitions.kind.complaint'),
    denunciation: t('petitions.kind.denunciation'),
  };
  const titles: Record<(typeof MEASURES)[number], string> = {
    received: t('reports.petitions.received'),
    resolved: t('reports.petitions.resolved'),
    resolvedOnTime: t('reports.petitions.resolvedOnTime'),
    overdue: t('reports.petitions.overdue'),
  };
  return (
    <Table<PetitionKindRow>
      data-testid="table-petitions"
      size="small"
      bordered
      pagination={false}
      rowKey="kind"
      dataSource={rows}
      scroll={{ x: 'max-content' }}
      columns={[
        { title: t('reports.petitions.kind'), key: 'kind', render: (_: unknown, row: PetitionKindRow) => kinds[row.kind] },
        ...MEASURES.map((m) => ({ title: titles[m], key: m, align: 'end' as const, render: (_: unknown, row: PetitionKindRow) => format.number(row[m]) })),
      ]}
      summary={() => (
        <Table.Summary.Row>
          <Table.Summary.Cell index={0}>
            <strong>{t('reports.total')}</strong>
          </Table.Summary.Cell>
          {MEASURES.map((m, i) => (
            <Table.Summary.Cell key={m} index={i + 1} align="end">
              <strong>{format.number(total[m])}</strong>
            </Table.Summary.Cell>
          ))}
        </Table.Summary.Row>
      )}
    />
  );
}
