import Select from 'antd/es/select';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDebouncedValue } from '../../ui/use-debounced-value';
import { useUnitLabels } from '../../ui/use-unit-labels';
import { SEARCH_MIN_LENGTH, useUnitSearch } from './units.api';
import { useUnitLabel } from './use-unit-label';

type Props = {
  id?: string;
  value?: string;
  onChange?: (unitId: string | undefined) => void;
  includeRetired?: boolean;
  allowClear?: boolean;
  placeholder?: string;
  disabled?: boolean;
  /** The name of the unit `value` names before the user picks one (an edit form's current unit). */
  initialLabel?: string;
  'aria-label'?: string;
};

/** Chooses a unit by typing part of its name (the search API); fits in an antd Form.Item. */
export function UnitPicker({ id, value, onChange, includeRetired = false, allowClear = true, placeholder, disabled, initialLabel, ...rest }: Props) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [chosen, setChosen] = useState<{ value: string; label: string } | null>(null);
  const q = useDebouncedValue(text, 300);
  const search = useUnitSearch(q, includeRetired, 20);
  const hits = q.trim().length >= SEARCH_MIN_LENGTH ? (search.data?.items ?? []) : [];
  const unitLabel = useUnitLabel();
  const unitLabels = useUnitLabels();
  // "Phường 5, Quận 3, TP Hồ Chí Minh"; two hits that would read the same say when each was in force.
  const labels = unitLabels(hits.map((hit) => ({ id: hit.id, name: unitLabel(hit), parents: hit.parentNames, validFrom: hit.validFrom, validTo: hit.validTo })));
  const options = hits.map((hit) => ({ value: hit.id, label: labels.get(hit.id)?.text ?? unitLabel(hit) }));
  if (chosen && chosen.value === value && !options.some((o) => o.value === value)) options.unshift(chosen);
  else if (!chosen && value && initialLabel && !options.some((o) => o.value === value)) options.unshift({ value, label: initialLabel });

  return (
    <Select<string>
      id={id}
      aria-label={rest['aria-label']}
      showSearch={{ filterOption: false, onSearch: setText }}
      value={value}
      onChange={(next, option) => {
        const picked = Array.isArray(option) ? undefined : option;
        setChosen(next && picked ? { value: next, label: String(picked.label) } : null);
        onChange?.(next);
      }}
      allowClear={allowClear}
      disabled={disabled}
      placeholder={placeholder ?? t('units.pickerPlaceholder')}
      notFoundContent={q.trim().length < SEARCH_MIN_LENGTH ? t('units.searchTooShort', { min: SEARCH_MIN_LENGTH }) : search.isFetching ? t('common.loading') : t('common.noResults')}
      loading={search.isFetching}
      options={options}
      style={{ width: '100%' }}
    />
  );
}
