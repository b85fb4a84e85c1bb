import { DateRangeField } from '../../ui/date-field';
import Radio from 'antd/es/radio';
import Select from 'antd/es/select';
import dayjs from 'dayjs';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReportPeriod } from '../../../common/reports';
import { emulationPeriodName } from '../../ui/period-label';
import { usePeriods } from '../entries/entries.api';
import { UnitPicker } from '../units/unit-picker';
import type { ReportSearch } from './report-search';

type Props = {
  search: ReportSearch;
  /** The reported unit: the URL's, or the account's own when the URL names none. */
  unitId?: string;
  today: string;
  /** The reported unit's name, shown before the picker has searched anything. */
  unitName?: string;
  onChange: (next: ReportSearch) => void;
};

/** First year offered: registrations start in 2000 (common/entries.ts). */
const FIRST_YEAR = 2000;

/** The unit and the range of a report; the report page and the dashboard share it. */
export function ReportFilters({ search, unitId, today, unitName, onChange }: Props) {
  const { t } = useTranslation();
  const periods = usePeriods();
  const ids = { unit: useId(), year: useId(), quarter: useId(), period: useId(), range: useId() };
  const thisYear = Number(today.slice(0, 4));
  const period = search.period ?? 'year';
  const years = Array.from({ length: thisYear + 1 - FIRST_YEAR + 1 }, (_, i) => thisYear + 1 - i);
  // Changing the kind of period keeps the unit and the year, and drops what the other kinds used.
  const choosePeriod = (next: ReportPeriod) => onChange({ unitId: search.unitId, period: next, year: search.year });

  return (
    <div style={{ display: 'flex', gap: 16, flexWrap: 'wrap', alignItems: 'flex-end' }} data-testid="report-filters">
      <div style={{ flex: '1 1 280px' }}>
        <label htmlFor={ids.unit} style={{ display: 'block', marginBottom: 4 }}>
          {t('reports.unit')}
        </label>
        <UnitPicker id={ids.unit} value={unitId} initialLabel={unitName} includeRetired allowClear={false} onChange={(next) => onChange({ ...search, unitId: next })} />
      </div>
      <div>
        <span style={{ display: 'block', marginBottom: 4 }}>{t('reports.period')}</span>
        <Radio.Group
          optionType="button"
          value={period}
          onChange={(e) => choosePeriod(e.target.value as ReportPeriod)}
          aria-label={t('reports.period')}
          options={[
            { value: 'year', label: t('reports.periods.year') },
            { value: 'quarter', label: t('reports.periods.quarter') },
            { value: 'emulation_period', label: t('reports.periods.emulation_period') },
            { value: 'custom', label: t('reports.periods.custom') },
          ]}
        />
      </div>
      {(period === 'year' || period === 'quarter') && (
        <div style={{ flex: '0 0 120px' }}>
          <label htmlFor={ids.year} style={{ display: 'block', marginBottom: 4 }}>
            {t('reports.year')}
          </label>
          <Select id={ids.year} value={search.year ?? thisYear} onChange={(year) => onChange({ ...search, year })} options={years.map((y) => ({ value: y, label: String(y) }))} style={{ width: '100%' }} />
        </div>
      )}
      {period === 'quarter' && (
        <div style={{ flex: '0 0 100px' }}>
          <label htmlFor={ids.quarter} style={{ display: 'block', marginBottom: 4 }}>
            {t('reports.quarter')}
          </label>
          <Select
            id={ids.quarter}
            value={search.quarter ?? Math.floor((Number(today.slice(5, 7)) - 1) / 3) + 1}
            onChange={(quarter) => onChange({ ...search, quarter })}
            options={[1, 2, 3, 4].map((q) => ({ value: q, label: String(q) }))}
            style={{ width: '100%' }}
          />
        </div>
      )}
      {period === 'emulation_period' && (
        <div style={{ flex: '0 1 280px' }}>
          <label htmlFor={ids.period} style={{ display: 'block', marginBottom: 4 }}>
            {t('reports.emulationPeriod')}
          </label>
          <Select
            id={ids.period}
            value={search.periodId}
            placeholder={t('reports.chooseEmulationPeriod')}
            loading={periods.isLoading}
            onChange={(periodId) => onChange({ ...search, periodId })}
            options={(periods.data?.items ?? []).map((p) => ({ value: p.id, label: emulationPeriodName(p) }))}
            style={{ width: '100%' }}
          />
        </div>
      )}
      {period === 'custom' && (
        <div style={{ flex: '0 1 300px' }}>
          <label htmlFor={ids.range} style={{ display: 'block', marginBottom: 4 }}>
            {t('reports.customRange')}
          </label>
          <DateRangeField
            id={ids.range}
            value={search.from && search.to ? [dayjs(search.from), dayjs(search.to)] : null}
            onChange={(range) => onChange({ ...search, from: range?.[0]?.format('YYYY-MM-DD'), to: range?.[1]?.format('YYYY-MM-DD') })}
            style={{ width: '100%' }}
          />
        </div>
      )}
    </div>
  );
}
