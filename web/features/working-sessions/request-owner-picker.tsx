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
  /** The unit worked with: offered first, and the search looks only under it. */
  unit: { id: string; name: string };
  value?: string;
  onChange?: (unitId: string | undefined) => void;
};

/** A request's owner: the unit worked with or a unit in force under it, as the server requires. */
export function RequestOwnerPicker({ id, unit, value, onChange }: Props) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [picked, setPicked] = useState<Option | null>(null);
  const q = useDebouncedValue(text, 300).trim();
  const search = useQuery({
    queryKey: [...unitKeys.search(q, false), 'under', unit.id],
    queryFn: () => api.get<Page<UnitSearchHit>>('/api/units/search', { q, includeRetired: false, under: unit.id, limit: 30 }),
    enabled: q.length >= SEARCH_MIN_LENGTH,
    placeholderData: keepPreviousData,
  });
  const self: Option = { value: unit.id, label: unit.name };
  const hits: Option[] = q.length >= SEARCH_MIN_LENGTH ? (search.data?.items ?? []).map((h) => ({ value: h.id, label: h.parentNames.length > 1 ? `${h.label} (${h.parentNames.slice(1).join(', ')})` : h.label })) : [self];
  if (value && !hits.some((o) => o.value === value)) hits.unshift(value === unit.id ? self : (picked ?? { value, label: value }));

  return (
    <Select<string, Option>
      id={id}
      showSearch={{ filterOption: false, onSearch: setText }}
      value={value}
      onChange={(next, option) => {
        setPicked(option && !Array.isArray(option) ? option : null);
        onChange?.(next);
      }}
      placeholder={t('units.pickerPlaceholder')}
      notFoundContent={search.isFetching ? t('common.loading') : t('common.noResults')}
      loading={search.isFetching}
      options={hits}
      style={{ width: '100%' }}
    />
  );
}
