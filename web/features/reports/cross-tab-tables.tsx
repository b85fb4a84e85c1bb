import Table from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { ENTRY_FORMS, ENTRY_KINDS } from '../../../common/entries';
import { COUNTED_STATUSES, type ReportView } from '../../../common/reports';
import { useFormat } from '../../ui/use-format';
import { useEntryVocabulary } from '../entries/use-entry-vocabulary';
import { type FieldRow, fieldKindFormRows, KIND_FORMS, type LevelRow, levelStatusRows } from './report-figures';

/** Field × kind × form, as "registered 29 models: 13 economic, …" is read off it; a totals row at the foot. */
export function FieldKindFormTable({ report }: { report: ReportView }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const vocabulary = useEntryVocabulary();
  const rows = fieldKindFormRows(report, i18n.language);
  const totals = KIND_FORMS.map((kf) => rows.reduce((sum, r) => sum + r.counts[kf], 0));
  return (
    <Table<FieldRow>
      data-testid="table-field-kind-form"
      size="small"
      bordered
      pagination={false}
      rowKey="fieldCode"
      dataSource={rows}
      scroll={{ x: 'max-content' }}
      columns={[
        { title: t('reports.field'), dataIndex: 'name', key: 'name' },
        ...ENTRY_KINDS.map((kind) => ({
          title: vocabulary.kind(kind),
          key: kind,
          children: ENTRY_FORMS.map((form) => ({
            title: vocabulary.form(form),
            key: `${kind}|${form}`,
            align: 'end' as const,
            render: (_: unknown, row: FieldRow) => format.number(row.counts[`${kind}|${form}`]),
          })),
        })),
        { title: t('reports.total'), dataIndex: 'total', key: 'total', align: 'end' as const, render: (n: number) => <strong>{format.number(n)}</strong> },
      ]}
      summary={() =>
        rows.length > 0 && (
          <Table.Summary.Row>
            <Table.Summary.Cell index={0}>
              <strong>{t('reports.total')}</strong>
            </Table.Summary.Cell>
            {totals.map((n, i) => (
              <Table.Summary.Cell key={KIND_FORMS[i]} index={i + 1} align="end">
                {format.number(n)}
              </Table.Summary.Cell>
            ))}
            <Table.Summary.Cell index={totals.length + 1} align="end">
              <strong>{format.number(totals.reduce((a, b) => a + b, 0))}</strong>
            </Table.Summary.Cell>
          </Table.Summary.Row>
        )
      }
    />
  );
}

/** Registration level × status (counted statuses), with row totals. */
export function LevelStatusTable({ report }: { report: ReportView }) {
  const { t } = useTranslation();
  const format = useFormat();
  const vocabulary = useEntryVocabulary();
  const rows = levelStatusRows(report.figures);
  return (
    <Table<LevelRow>
      data-testid="table-level-status"
      size="small"
      bordered
      pagination={false}
      rowKey="level"
      dataSource={rows}
      scroll={{ x: 'max-content' }}
      columns={[
        { title: t('reports.level'), dataIndex: 'level', key: 'level', render: (level: string) => vocabulary.level(level) },
        ...COUNTED_STATUSES.map((status) => ({
          title: vocabulary.status(status),
          key: status,
          align: 'end' as const,
          render: (_: unknown, row: LevelRow) => format.number(row.counts[status]),
        })),
        { title: t('reports.total'), dataIndex: 'total', key: 'total', align: 'end' as const, render: (n: number) => <strong>{format.number(n)}</strong> },
      ]}
    />
  );
}
