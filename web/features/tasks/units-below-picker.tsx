import { keepPreviousData, useQuery } from '@tanstack/react-query';
import Select from 'antd/es/select';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api-client';
import { useDebouncedValue } from '../../ui/use-debounced-value';
import { SEARCH_MIN_LENGTH, type Page, type UnitSearchHit, unitKeys } from '../units/units.api';

type Option = { value: string; label: string };

type Props = {
  id?: string;
  /** Units strictly below this one are offered (the search's `under`). */
  underUnitId: string;
  /** Also offered first: the unit itself, when it may own a task (a plan's own unit). */
  self?: Option;
  value?: string[];
  onChange?: (unitIds: string[]) => void;
  disabled?: boolean;
};

/** Several units in force below a unit, found by typing part of their names. */
export function UnitsBelowPicker({ id, underUnitId, self, value = [], onChange, disabled }: Props) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  // Names of the units picked so far: the search's hits change with each query.
  const [known, setKnown] = useState<Map<string, string>>(() => new Map(self ? [[self.value, self.label]] : []));
  const q = useDebouncedValue(text, 300).trim();
  const search = useQuery({
    queryKey: [...unitKeys.search(q, false), 'under', underUnitId],
    queryFn: () => api.get<Page<UnitSearchHit>>('/api/units/search', { q, includeRetired: false, under: underUnitId, limit: 30 }),
    enabled: q.length >= SEARCH_MIN_LENGTH,
    placeholderData: keepPreviousData,
  });
  const hits: Option[] = q.length >= SEARCH_MIN_LENGTH ? (search.data?.items ?? []).map((h) => ({ value: h.id, label: h.parentNames.length > 1 ? `${h.label} (${h.parentNames.slice(1).join(', ')})` : h.label })) : [];
  const options: Option[] = [...(self && q.length < SEARCH_MIN_LENGTH ? [self] : []), ...hits];
  for (const v of value) if (!options.some((o) => o.value === v)) options.push({ value: v, label: known.get(v) ?? v });

  return (
    <Select<string[], Option>
      id={id}
      mode="multiple"
      showSearch={{ filterOption: false, onSearch: setText }}
      value={value}
      disabled={disabled}
      onChange={(next, picked) => {
        const names = new Map(known);
        for (const o of Array.isArray(picked) ? picked : [picked]) if (o) names.set(o.value, o.label);
        setKnown(names);
        onChange?.(next);
      }}
      placeholder={t('units.pickerPlaceholder')}
      notFoundContent={q.length < SEARCH_MIN_LENGTH ? t('units.searchTooShort', { min: SEARCH_MIN_LENGTH }) : search.isFetching ? t('common.loading') : t('common.noResults')}
      loading={search.isFetching}
      options={options}
      style={{ width: '100%' }}
    />
  );
}
