/**
 * One register as a table (cards are the table's own responsive columns on a phone: the first
 * column carries the name, the rest scroll). Names of people are masked by the server; holders of
 * situation.identity reveal them row by row.
 */
import Button from 'antd/es/button';
import Table, { type TableProps } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { catalogueName } from '../../../common/religious-affairs';
import { useFormat } from '../../ui/use-format';
import { IdentityReveal } from './identity-reveal';
import type { RecordOf, Register, ReligiousCatalogues } from './religious-affairs.api';

type Props<R extends Register> = {
  register: R;
  rows: RecordOf[R][];
  total: number;
  page: number;
  pageSize: number;
  loading: boolean;
  catalogues?: ReligiousCatalogues;
  canEdit: boolean;
  onEdit: (row: RecordOf[R]) => void;
  onPage: (page: number) => void;
};

type AnyRow = RecordOf[Register];

export function RegisterTable<R extends Register>({ register, rows, total, page, pageSize, loading, catalogues, canEdit, onEdit, onPage }: Props<R>) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const religion = (code: string | null) => (code ? catalogueName(catalogues?.religions.find((r) => r.code === code), i18n.language) : '—');
  const status = (code: string) => catalogueName(catalogues?.legalStatuses.find((r) => r.code === code), i18n.language);
  const f = (key: string) => t(`religiousAffairs.fields.${key}`);
  const hidden = <span className="muted">{t('religiousAffairs.identity.hidden')}</span>;

  const byRegister: Record<Register, TableProps<AnyRow>['columns']> = {
    organizations: [
      { title: f('name'), key: 'name', render: (_, r) => (r as RecordOf['organizations']).name },
      { title: f('religion'), key: 'religion', render: (_, r) => religion((r as RecordOf['organizations']).religionCode) },
      { title: f('denomination'), key: 'denomination', render: (_, r) => (r as RecordOf['organizations']).denomination ?? '—' },
      { title: f('legalStatus'), key: 'legalStatus', render: (_, r) => status((r as RecordOf['organizations']).legalStatus) },
      { title: f('participation'), key: 'entries', render: (_, r) => format.number((r as RecordOf['organizations']).entryIds.length) },
    ],
    places: [
      { title: f('name'), key: 'name', render: (_, r) => (r as RecordOf['places']).name },
      { title: f('religion'), key: 'religion', render: (_, r) => religion((r as RecordOf['places']).religionCode) },
      { title: f('organization'), key: 'organization', render: (_, r) => (r as RecordOf['places']).organization?.name ?? '—' },
      { title: f('address'), key: 'address', render: (_, r) => (r as RecordOf['places']).address },
      { title: f('legalStatus'), key: 'legalStatus', render: (_, r) => status((r as RecordOf['places']).legalStatus) },
    ],
    dignitaries: [
      { title: f('personName'), key: 'name', render: (_, r) => <IdentityReveal register="dignitaries" record={r as RecordOf['dignitaries']} catalogues={catalogues} /> },
      { title: f('religiousName'), key: 'religiousName', render: (_, r) => (r as RecordOf['dignitaries']).religiousName ?? '—' },
      { title: f('religion'), key: 'religion', render: (_, r) => ((r as RecordOf['dignitaries']).religionCode ? religion((r as RecordOf['dignitaries']).religionCode) : hidden) },
      { title: f('rank'), key: 'rank', render: (_, r) => (r as RecordOf['dignitaries']).rank },
      { title: f('organization'), key: 'organization', render: (_, r) => (r as RecordOf['dignitaries']).organization?.name ?? '—' },
      { title: f('birthYear'), key: 'birthYear', render: (_, r) => (r as RecordOf['dignitaries']).birthYear ?? '—' },
    ],
    persons: [
      { title: f('personName'), key: 'name', render: (_, r) => <IdentityReveal register="persons" record={r as RecordOf['persons']} catalogues={catalogues} /> },
      {
        title: f('ethnicity'),
        key: 'ethnicity',
        render: (_, r) => {
          const code = (r as RecordOf['persons']).ethnicCode;
          return code ? catalogueName(catalogues?.ethnicGroups.find((e) => e.code === code), i18n.language) : hidden;
        },
      },
      { title: f('village'), key: 'village', render: (_, r) => (r as RecordOf['persons']).village },
      { title: f('recognizedYear'), key: 'recognizedYear', render: (_, r) => (r as RecordOf['persons']).recognizedYear },
      { title: f('decision'), key: 'decision', render: (_, r) => `${(r as RecordOf['persons']).decision} (${(r as RecordOf['persons']).decidingUnit.name})` },
      {
        title: f('support'),
        key: 'support',
        render: (_, r) => {
          const s = (r as RecordOf['persons']).support;
          return s.length ? t('religiousAffairs.supportSummary', { count: s.length, amount: format.number(s.reduce((sum, x) => sum + x.amount, 0)) }) : '—';
        },
      },
    ],
    events: [
      { title: f('name'), key: 'name', render: (_, r) => (r as RecordOf['events']).name },
      { title: f('religion'), key: 'religion', render: (_, r) => religion((r as RecordOf['events']).religionCode) },
      { title: f('dates'), key: 'dates', render: (_, r) => format.dateRange((r as RecordOf['events']).startsOn, (r as RecordOf['events']).endsOn) },
      { title: f('place'), key: 'place', render: (_, r) => (r as RecordOf['events']).place },
      {
        title: f('expectedAttendance'),
        key: 'attendance',
        render: (_, r) => {
          const n = (r as RecordOf['events']).expectedAttendance;
          return n === null ? '—' : format.number(n);
        },
      },
    ],
  };
  const columns: TableProps<AnyRow>['columns'] = [
    ...(byRegister[register] ?? []),
    { title: f('unit'), key: 'unit', render: (_, r) => r.unit.name },
    ...(canEdit
      ? [
          {
            title: '',
            key: 'edit',
            render: (_: unknown, r: AnyRow) => (
              <Button size="small" onClick={() => onEdit(r as RecordOf[R])} data-testid="register-edit">
                {t('religiousAffairs.edit')}
              </Button>
            ),
          },
        ]
      : []),
  ];
  return (
    <Table<AnyRow>
      rowKey="id"
      size="small"
      data-testid={`register-${register}`}
      columns={columns}
      dataSource={rows}
      loading={loading}
      scroll={{ x: 'max-content' }}
      pagination={{ current: page, pageSize, total, showSizeChanger: false, hideOnSinglePage: true, showTotal: (n) => t('religiousAffairs.total', { count: n }), onChange: onPage }}
    />
  );
}
