import Card from 'antd/es/card';
import InputNumber from 'antd/es/input-number';
import { useId } from 'react';
import { UnitPicker } from './unit-picker';

type Props = {
  unitLabel: string;
  yearLabel: string;
  unitId: string | undefined;
  year: number | undefined;
  /** Earliest year the list can hold. */
  minYear: number;
  onUnitChange: (unitId: string | undefined) => void;
  onYearChange: (year: number | undefined) => void;
};

/** The filter card of the lists narrowed by a unit's subtree (retired units too) and a year. */
export function UnitYearFilters({ unitLabel, yearLabel, unitId, year, minYear, onUnitChange, onYearChange }: Props) {
  const unitFieldId = useId();
  const yearId = useId();
  return (
    <Card size="small" style={{ marginBottom: 16 }}>
      <div style={{ display: 'flex', gap: 16, flexWrap: 'wrap', alignItems: 'flex-end' }}>
        <div style={{ flex: '1 1 260px' }}>
          <label htmlFor={unitFieldId} style={{ display: 'block', marginBottom: 4 }}>
            {unitLabel}
          </label>
          <UnitPicker id={unitFieldId} value={unitId} includeRetired onChange={onUnitChange} />
        </div>
        <div>
          <label htmlFor={yearId} style={{ display: 'block', marginBottom: 4 }}>
            {yearLabel}
          </label>
          <InputNumber id={yearId} min={minYear} max={2100} precision={0} value={year} onChange={(v) => onYearChange(v ?? undefined)} />
        </div>
      </div>
    </Card>
  );
}
