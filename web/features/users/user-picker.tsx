import Select from 'antd/es/select';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDebouncedValue } from '../../ui/use-debounced-value';
import { useCan } from '../auth/use-can';
import { useUsers } from './users.api';

type Props = { id?: string; value?: string; onChange?: (userId: string | undefined) => void };

/** Chooses an account by name or username; fits in an antd Form.Item. */
export function UserPicker({ id, value, onChange }: Props) {
  const { t } = useTranslation();
  const canRead = useCan('users.read');
  const [text, setText] = useState('');
  const q = useDebouncedValue(text.trim(), 300);
  const users = useUsers({ q: q || undefined, includeDisabled: true, limit: 20, offset: 0 }, canRead);
  const options = (users.data?.items ?? []).map((u) => ({ value: u.id, label: `${u.displayName} (${u.username})` }));
  return (
    <Select<string>
      id={id}
      value={value}
      onChange={(next) => onChange?.(next)}
      showSearch={{ filterOption: false, onSearch: setText }}
      allowClear
      loading={users.isFetching}
      placeholder={t('users.pickerPlaceholder')}
      notFoundContent={t('common.noResults')}
      options={options}
      style={{ width: '100%' }}
    />
  );
}
