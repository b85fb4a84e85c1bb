/**
 * The leadership loop's daily digest ("Bản tin hằng ngày"; GET /api/leadership-digest): per unit of
 * the chosen subtree, its own document tasks due within the week and overdue, the overdue ones
 * below it, its reports due and the reports missing in the rounds it opened. Today's is computed;
 * an earlier day's is the one the daily job stored at 00:10. Unit and day live in the URL; each
 * count opens the list it comes from (as it stands today).
 */
import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import Alert from 'antd/es/alert';
import Card from 'antd/es/card';
import Typography from 'antd/es/typography';
import dayjs from 'dayjs';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { LeadershipDigestRow } from '../../../common/work-queue';
import { todayInVietnam } from '../../../common/units';
import { ButtonLink } from '../../ui/button-link';
import { DateField } from '../../ui/date-field';
import { ErrorAlert } from '../../ui/error-alert';
import { PageHeading } from '../../ui/page-heading';
import { ResponsiveTable } from '../../ui/responsive-table';
import { useFormat } from '../../ui/use-format';
import { UnitPicker } from '../units/unit-picker';
import { useUnit } from '../units/units.api';
import { type DigestSearch, validateDigestSearch } from './calendar-search';
import { useLeadershipDigest } from './work-queue.api';

type Column = 'tasksDueSoon' | 'tasksOverdue' | 'tasksOverdueBelow' | 'reportsDue' | 'reportsMissingBelow';

/** The list a count opens: the unit's tasks by due filter, or its rounds by what they await. */
function CountLink({ row, column }: { row: LeadershipDigestRow; column: Column }) {
  const format = useFormat();
  const n = row[column];
  const text = <span style={{ fontVariantNumeric: 'tabular-nums', fontWeight: n ? 600 : 400, color: n ? undefined : 'rgba(0, 0, 0, 0.35)' }}>{format.number(n)}</span>;
  if (!n) return text;
  const unitId = row.unit.id;
  const testId = `digest-${column}-${unitId}`;
  if (column === 'reportsDue' || column === 'reportsMissingBelow') {
    return (
      <Link to="/reporting-rounds" search={{ unitId, awaiting: column === 'reportsDue' ? 'my_report' : 'missing_below' }} data-testid={testId}>
        {text}
      </Link>
    );
  }
  return (
    <Link to="/tasks" search={{ unitId, due: column === 'tasksDueSoon' ? 'due_soon' : 'overdue' }} data-testid={testId}>
      {text}
    </Link>
  );
}

const COLUMNS: Column[] = ['tasksDueSoon', 'tasksOverdue', 'tasksOverdueBelow', 'reportsDue', 'reportsMissingBelow'];

export function LeadershipDigestPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const navigate = useNavigate();
  const search = useSearch({ strict: false }) as DigestSearch;
  const today = todayInVietnam();
  const digest = useLeadershipDigest({ unitId: search.unitId, day: search.day });
  const unit = useUnit(search.unitId ?? '');
  const ids = { unit: useId(), day: useId() };
  const update = (patch: Partial<DigestSearch>) => void navigate({ to: '/leadership-digest', search: validateDigestSearch({ ...search, ...patch }) });
  const d = digest.data;
  return (
    <>
      <PageHeading title={t('digest.title')}>
        <ButtonLink to="/calendar" search={search.unitId ? { unitId: search.unitId } : {}} data-testid="digest-to-calendar">
          {t('calendar.title')}
        </ButtonLink>
      </PageHeading>
      <Card size="small" style={{ marginBlockEnd: 16 }} className="screen-only">
        <div style={{ display: 'flex', gap: 12, flexWrap: 'wrap', alignItems: 'flex-end' }}>
          <div style={{ flex: '1 1 280px' }}>
            <label htmlFor={ids.unit} style={{ display: 'block', marginBlockEnd: 4 }}>
              {t('calendar.unit')}
            </label>
            <UnitPicker id={ids.unit} value={search.unitId} onChange={(unitId) => update({ unitId })} placeholder={t('digest.allUnits')} initialLabel={unit.data?.unit.name} />
          </div>
          <div style={{ flex: '0 1 200px' }}>
            <label htmlFor={ids.day} style={{ display: 'block', marginBlockEnd: 4 }}>
              {t('digest.day')}
            </label>
            <DateField
              id={ids.day}
              style={{ width: '100%' }}
              value={dayjs(search.day ?? today)}
              allowClear={false}
              disabledDate={(value) => value.format('YYYY-MM-DD') > today}
              onChange={(value) => update({ day: value ? value.format('YYYY-MM-DD') : undefined })}
              data-testid="digest-day"
            />
          </div>
        </div>
      </Card>
      <ErrorAlert error={digest.error} />
      {d && (
        <Typography.Paragraph type="secondary" data-testid="digest-about">
          {d.stored ? t('digest.stored', { date: format.date(d.day) }) : t('digest.computed', { date: format.date(d.day) })} {t('digest.window', { date: format.date(d.dueSoonUntil) })}
        </Typography.Paragraph>
      )}
      {d && d.stored && d.items.length === 0 && <Alert type="info" showIcon title={t('digest.noneStored')} style={{ marginBlockEnd: 16 }} />}
      <ResponsiveTable<LeadershipDigestRow>
        rowKey={(r) => r.unit.id}
        size="small"
        data-testid="digest-table"
        loading={digest.isFetching}
        dataSource={d?.items ?? []}
        locale={{ emptyText: t('digest.empty') }}
        scroll={{ x: 900 }}
        pagination={false}
        columns={[
          { key: 'unit', title: t('calendar.unit'), render: (_, r) => r.unit.name },
          ...COLUMNS.map((c) => ({ key: c, title: t(`digest.columns.${c}`), align: 'end' as const, render: (_: unknown, r: LeadershipDigestRow) => <CountLink row={r} column={c} /> })),
        ]}
      />
    </>
  );
}
