import Select from 'antd/es/select';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDebouncedValue } from '../../ui/use-debounced-value';
import { useHandlingUnits } from './petitions.api';

type Props = { petitionId: string; action: 'assign' | 'transfer'; id?: string; value?: string; onChange?: (unitId: string | undefined) => void };

/**
 * The unit picker of the "Giao xử lý" and "Chuyển cấp xử lý" dialogs: it offers only the units the
 * step accepts — the handling unit itself (assign) or the unit directly above (transfer), then the
 * units in force below the handling unit, its children until the officer types a name — from the
 * server, which holds the rule (GET /api/petitions/:id/handling-units). Fits in an antd Form.Item.
 */
export function HandlingUnitPicker({ petitionId, action, id, value, onChange }: Props) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [chosen, setChosen] = useState<{ value: string; label: string } | null>(null);
  const q = useDebouncedValue(text, 300);
  const units = useHandlingUnits(petitionId, action, q);
  const d = units.data;
  const first = d ? (action === 'assign' ? [{ value: d.root.id, label: t('petitions.assign.self', { name: d.root.name }) }] : d.parent ? [{ value: d.parent.id, label: t('petitions.assign.parent', { name: d.parent.name }) }] : []) : [];
  // While searching, the fixed first choice stays only when its name matches too.
  const shown = q.trim().length >= 2 ? first.filter((o) => o.label.toLocaleLowerCase().includes(q.trim().toLocaleLowerCase())) : first;
  const options = [...shown, ...(d?.items ?? []).map((u) => ({ value: u.id, label: u.pathNames ? `${u.name} — ${u.pathNames}` : u.name }))];
  // The chosen unit keeps its name when a later search no longer lists it.
  if (chosen && chosen.value === value && !options.some((o) => o.value === value)) options.unshift(chosen);
  return (
    <Select<string>
      id={id}
      showSearch={{ filterOption: false, onSearch: setText }}
      value={value}
      onChange={(next, option) => {
        const picked = Array.isArray(option) ? undefined : option;
        setChosen(next && picked ? { value: next, label: String(picked.label) } : null);
        onChange?.(next);
      }}
      allowClear
      placeholder={t('petitions.assign.pick')}
      loading={units.isFetching}
      notFoundContent={units.isFetching ? t('common.loading') : t('common.noResults')}
      options={options}
      style={{ width: '100%' }}
    />
  );
}
