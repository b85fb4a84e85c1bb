import { useQuery } from '@tanstack/react-query';
import Radio from 'antd/es/radio';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { DueFilter } from '../../../common/work-queue';
import { api } from '../../app/api-client';
import { UnitPicker } from '../units/unit-picker';
import { unitKeys, type UnitDetail } from '../units/units.api';
import type { DueSearch } from './work-queue.api';

/** The unit and the "due" choice of the task and commitment lists, kept in the URL by the page. */
export function DueListFilters({ search, onChange }: { search: DueSearch; onChange: (patch: Partial<DueSearch>) => void }) {
  const { t } = useTranslation();
  const unitId = useId();
  // After a reload or a shared link the picker knows only the unit's id: show its name.
  const unit = useQuery({ queryKey: unitKeys.detail(search.unitId ?? ''), queryFn: () => api.get<UnitDetail>(`/api/units/${search.unitId}`), enabled: !!search.unitId });
  return (
    <div style={{ display: 'flex', gap: 16, flexWrap: 'wrap', alignItems: 'flex-end', marginBlockEnd: 16 }} className="screen-only">
      <div style={{ flex: '1 1 260px', maxWidth: 420 }}>
        <label htmlFor={unitId} style={{ display: 'block', marginBottom: 4 }}>
          {t('workQueue.lists.unit')}
        </label>
        <UnitPicker id={unitId} value={search.unitId} initialLabel={unit.data?.unit.name} onChange={(next) => onChange({ unitId: next })} />
      </div>
      <Radio.Group
        optionType="button"
        value={search.due ?? 'all'}
        onChange={(e) => onChange({ due: e.target.value === 'all' ? undefined : (e.target.value as DueFilter) })}
        options={[
          { value: 'all', label: t('workQueue.lists.all') },
          { value: 'due_soon', label: t('workQueue.lists.dueSoon') },
          { value: 'overdue', label: t('workQueue.lists.overdue') },
        ]}
        aria-label={t('workQueue.lists.due')}
      />
    </div>
  );
}
