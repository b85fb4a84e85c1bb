/**
 * "Lịch hạn": the calendar of deadlines of a unit's subtree (GET /api/deadlines). A month grid,
 * weeks from Monday, each day with its counts coloured by state; the chosen day's items below,
 * each opening its task, round or working session. On a phone the grid gives way to the month's
 * days as a list. Unit, month and day live in the URL; each day's figures are counts of its items.
 */
import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import Alert from 'antd/es/alert';
import Button from 'antd/es/button';
import Card from 'antd/es/card';
import Empty from 'antd/es/empty';
import Skeleton from 'antd/es/skeleton';
import Tag from 'antd/es/tag';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { INTL_TAGS, LOCALES, type Locale } from '../../../common/access';
import { DEADLINE_STATES, type DeadlineDay, type DeadlineItem, type DeadlineState } from '../../../common/deadlines';
import { todayInVietnam } from '../../../common/units';
import { ButtonLink } from '../../ui/button-link';
import { ErrorAlert } from '../../ui/error-alert';
import { PageHeading } from '../../ui/page-heading';
import { useFormat } from '../../ui/use-format';
import { useScreen } from '../../ui/use-screen';
import { useMe } from '../auth/auth.api';
import { UnitPicker } from '../units/unit-picker';
import { useUnit } from '../units/units.api';
import { type CalendarSearch, monthGrid, monthOf, monthRange, shiftMonth, validateCalendarSearch } from './calendar-search';
import { useDeadlines } from './work-queue.api';

/** Tag colours of the states (antd presets), the same in the grid and the list. */
export const STATE_COLORS: Record<DeadlineState, string> = { overdue: 'red', due: 'orange', done: 'green', done_late: 'gold', excused: 'default' };
/** The grid's dots: the preset's strong colour. */
const DOT_COLORS: Record<DeadlineState, string> = { overdue: '#cf1322', due: '#d46b08', done: '#389e0d', done_late: '#d4b106', excused: '#8c8c8c' };

function useLocale(): Locale {
  const { i18n } = useTranslation();
  return (LOCALES as readonly string[]).includes(i18n.language) ? (i18n.language as Locale) : 'vi';
}

/** The page an item opens. */
function ItemLink({ item }: { item: DeadlineItem }) {
  if (item.kind === 'task' || item.kind === 'request') {
    return (
      <Link to="/tasks/$taskId" params={{ taskId: item.id }} data-testid="calendar-item-link">
        {item.title}
      </Link>
    );
  }
  // A report opens the round as its participant sees it; a round, as its opening unit does.
  return (
    <Link to="/reporting-rounds/$roundId" params={{ roundId: item.id }} search={item.kind === 'report' ? { unitId: item.unit.id } : {}} data-testid="calendar-item-link">
      {item.title}
    </Link>
  );
}

function ItemRow({ item }: { item: DeadlineItem }) {
  const { t } = useTranslation();
  return (
    <li data-testid="calendar-item" style={{ display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'baseline', paddingBlock: 8, borderBlockEnd: '1px solid #f0f0f0' }}>
      <Tag>{t(`calendar.kinds.${item.kind}`)}</Tag>
      <span style={{ flex: '1 1 240px', minWidth: 0, overflowWrap: 'anywhere' }}>
        <ItemLink item={item} />
        <span style={{ color: 'rgba(0, 0, 0, 0.55)' }}> — {item.unit.name}</span>
        {item.sessionId && (
          <>
            {' · '}
            <Link to="/working-sessions/$sessionId" params={{ sessionId: item.sessionId }}>
              {t('calendar.session')}
            </Link>
          </>
        )}
      </span>
      <Tag color={STATE_COLORS[item.state]}>{t(`calendar.states.${item.state}`)}</Tag>
    </li>
  );
}

function ItemList({ items }: { items: DeadlineItem[] }) {
  return (
    <ul style={{ listStyle: 'none', margin: 0, padding: 0 }} data-testid="calendar-items">
      {items.map((item) => (
        <ItemRow key={`${item.kind}:${item.id}:${item.unit.id}`} item={item} />
      ))}
    </ul>
  );
}

/** A day's counts by state, as small coloured figures (words for screen readers). */
function DayCounts({ day }: { day: DeadlineDay }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <span style={{ display: 'flex', flexWrap: 'wrap', gap: 4 }}>
      {DEADLINE_STATES.filter((s) => day.states[s] > 0).map((s) => (
        <span key={s} title={t(`calendar.states.${s}`)} style={{ color: '#fff', background: DOT_COLORS[s], borderRadius: 10, padding: '0 6px', fontSize: 12, lineHeight: '18px', fontVariantNumeric: 'tabular-nums' }}>
          <span className="visually-hidden">
            {t(`calendar.states.${s}`)}:{' '}
          </span>
          {format.number(day.states[s])}
        </span>
      ))}
    </span>
  );
}

function MonthGrid({ month, days, chosen, today, onChoose }: { month: string; days: Map<string, DeadlineDay>; chosen?: string; today: string; onChoose: (day: string) => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const locale = useLocale();
  const weekday = new Intl.DateTimeFormat(INTL_TAGS[locale], { weekday: 'short', timeZone: 'UTC' });
  // 2024-01-01 was a Monday.
  const names = Array.from({ length: 7 }, (_, i) => weekday.format(new Date(Date.UTC(2024, 0, 1 + i))));
  return (
    <table style={{ width: '100%', borderCollapse: 'collapse', tableLayout: 'fixed' }} data-testid="calendar-grid">
      <thead>
        <tr>
          {names.map((n) => (
            <th key={n} scope="col" style={{ padding: 4, fontWeight: 500, color: 'rgba(0, 0, 0, 0.55)' }}>
              {n}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {monthGrid(month).map((week, w) => (
          <tr key={w}>
            {week.map((day, i) => {
              if (!day) return <td key={i} style={{ border: '1px solid #f0f0f0', background: '#fafafa' }} />;
              const d = days.get(day);
              const selected = day === chosen;
              return (
                <td key={day} style={{ border: '1px solid #f0f0f0', verticalAlign: 'top', padding: 0, height: 84 }}>
                  <button
                    type="button"
                    onClick={() => onChoose(day)}
                    aria-pressed={selected}
                    aria-label={t('calendar.dayLabel', { date: format.date(day), n: format.number(d?.total ?? 0) })}
                    data-testid={`calendar-day-${day}`}
                    style={{
                      display: 'flex',
                      flexDirection: 'column',
                      gap: 4,
                      width: '100%',
                      height: '100%',
                      padding: 6,
                      textAlign: 'start',
                      cursor: 'pointer',
                      background: selected ? '#e6f4ff' : 'transparent',
                      border: day === today ? '2px solid #1677ff' : '2px solid transparent',
                      font: 'inherit',
                    }}
                  >
                    <span style={{ fontWeight: day === today ? 700 : 400 }}>{format.number(Number(day.slice(8)))}</span>
                    {d && (
                      <span data-testid={`calendar-count-${day}`} data-total={d.total}>
                        <DayCounts day={d} />
                      </span>
                    )}
                  </button>
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function CalendarPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const me = useMe();
  const { cards } = useScreen();
  const navigate = useNavigate();
  const search = useSearch({ strict: false }) as CalendarSearch;
  const today = todayInVietnam();
  const unitId = search.unitId ?? me?.grants[0]?.unitId;
  const month = search.month ?? monthOf(search.day ?? today);
  const chosen = search.day ?? (monthOf(today) === month ? today : undefined);
  const range = monthRange(month);
  const list = useDeadlines(unitId ? { unitId, ...range } : null);
  const unit = useUnit(unitId ?? '');
  const ids = { unit: useId() };
  const update = (patch: Partial<CalendarSearch>) => void navigate({ to: '/calendar', search: validateCalendarSearch({ ...search, ...patch }) });
  const heading = format.month(range.from);
  const data = list.data && list.data.from === range.from ? list.data : undefined;
  const days = new Map((data?.days ?? []).map((d) => [d.day, d]));
  const dayItems = (day: string) => (data?.items ?? []).filter((i) => i.day === day);

  return (
    <>
      <PageHeading title={t('calendar.title')}>
        <ButtonLink to="/leadership-digest" search={unitId ? { unitId } : {}} data-testid="calendar-to-digest">
          {t('digest.title')}
        </ButtonLink>
      </PageHeading>
      <Card size="small" style={{ marginBlockEnd: 16 }} className="screen-only">
        <div style={{ display: 'flex', gap: 12, flexWrap: 'wrap', alignItems: 'flex-end' }}>
          <div style={{ flex: '1 1 280px' }}>
            <label htmlFor={ids.unit} style={{ display: 'block', marginBlockEnd: 4 }}>
              {t('calendar.unit')}
            </label>
            <UnitPicker id={ids.unit} value={unitId} onChange={(next) => update({ unitId: next })} allowClear={false} initialLabel={unit.data?.unit.name} />
          </div>
          <div style={{ display: 'flex', gap: 8, alignItems: 'center', flexWrap: 'wrap' }}>
            <Button onClick={() => update({ month: shiftMonth(month, -1), day: undefined })} aria-label={t('calendar.previous')} data-testid="calendar-previous">
              {t('calendar.previous')}
            </Button>
            <strong style={{ minWidth: 140, textAlign: 'center' }} data-testid="calendar-month">
              {heading}
            </strong>
            <Button onClick={() => update({ month: shiftMonth(month, 1), day: undefined })} aria-label={t('calendar.next')} data-testid="calendar-next">
              {t('calendar.next')}
            </Button>
            <Button onClick={() => update({ month: undefined, day: undefined })}>{t('calendar.today')}</Button>
          </div>
        </div>
      </Card>
      <ErrorAlert error={list.error} />
      {!unitId && <Alert type="info" showIcon title={t('calendar.chooseUnit')} />}
      {data?.truncated && <Alert type="warning" showIcon title={t('calendar.truncated')} style={{ marginBlockEnd: 16 }} />}
      {unitId && !data && list.isLoading && <Skeleton active />}
      {data && !cards && (
        <>
          <MonthGrid month={month} days={days} chosen={chosen} today={today} onChoose={(day) => update({ month, day })} />
          <Card size="small" style={{ marginBlockStart: 16 }} title={chosen ? t('calendar.dayTitle', { date: format.date(chosen) }) : t('calendar.chooseDay')} data-testid="calendar-day-list">
            {chosen && (dayItems(chosen).length ? <ItemList items={dayItems(chosen)} /> : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('calendar.nothingThatDay')} />)}
          </Card>
        </>
      )}
      {data && cards && (
        // A phone: the month's days with something due, one card each; the chosen day's card opens its items.
        <div data-testid="calendar-phone-list">
          {data.days.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('calendar.nothingThisMonth')} />}
          {data.days.map((d) => (
            <Card key={d.day} size="small" style={{ marginBlockEnd: 12, borderColor: d.day === chosen ? '#1677ff' : undefined }} styles={{ body: d.day === chosen ? undefined : { display: 'none' } }}
              title={
                <button
                  type="button"
                  onClick={() => update({ month, day: d.day })}
                  aria-expanded={d.day === chosen}
                  aria-label={t('calendar.dayLabel', { date: format.date(d.day), n: format.number(d.total) })}
                  data-testid={`calendar-day-${d.day}`}
                  style={{ display: 'flex', justifyContent: 'space-between', gap: 8, flexWrap: 'wrap', width: '100%', background: 'none', border: 0, padding: '4px 0', cursor: 'pointer', font: 'inherit', textAlign: 'start' }}
                >
                  <span>{format.date(d.day)}</span>
                  <span data-testid={`calendar-count-${d.day}`} data-total={d.total}>
                    <DayCounts day={d} />
                  </span>
                </button>
              }
            >
              {d.day === chosen && <ItemList items={dayItems(d.day)} />}
            </Card>
          ))}
        </div>
      )}
    </>
  );
}
