import Card from 'antd/es/card';
import InputNumber from 'antd/es/input-number';
import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { api } from '../../app/api-client';
import { PrintFilters } from '../../ui/print-header';
import { UnitPicker } from './unit-picker';
import { unitKeys, type UnitDetail } from './units.api';

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

/** The filter card of the lists narrowed by a unit's subtree (retired units too) and a year; on paper, the same in words. */
export function UnitYearFilters({ unitLabel, yearLabel, unitId, year, minYear, onUnitChange, onYearChange }: Props) {
  const unitFieldId = useId();
  const yearId = useId();
  const unit = useQuery({ queryKey: unitKeys.detail(unitId ?? ''), queryFn: () => api.get<UnitDetail>(`/api/units/${unitId}`), enabled: !!unitId });
  const words = [unitId ? `${unitLabel}: ${unit.data?.unit.name ?? '…'}` : '', year ? `${yearLabel}: ${year}` : ''].filter(Boolean);
  return (
    <>
      <PrintFilters items={words} />
      <Card size="small" style={{ marginBottom: 16 }} className="screen-only">
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
    </>
  );
}
