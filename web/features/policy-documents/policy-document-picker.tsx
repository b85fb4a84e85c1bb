import { useQuery } from '@tanstack/react-query';
import Select from 'antd/es/select';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PolicyDocumentRef } from '../../../common/policy-documents';
import { api } from '../../app/api-client';
import { useDebouncedValue } from '../../ui/use-debounced-value';
import { useFormat } from '../../ui/use-format';
import type { PolicyDocumentPage } from './policy-documents.api';

type Props = {
  id?: string;
  value?: string[];
  onChange?: (ids: string[]) => void;
  /** The documents `value` names when the form opens (their labels). */
  initial: readonly Pick<PolicyDocumentRef, 'id' | 'numberAndSymbol' | 'title' | 'issuedOn'>[];
  /** Never offered (the document being edited). */
  excludeId: string;
  'aria-label'?: string;
};

const MIN_SEARCH = 2;

/** Chooses documents by typing their number, symbol or words of the title (the list's folded search). */
export function PolicyDocumentPicker({ id, value, onChange, initial, excludeId, ...rest }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const [text, setText] = useState('');
  const [known, setKnown] = useState(() => new Map(initial.map((d) => [d.id, d])));
  const q = useDebouncedValue(text.trim(), 300);
  const search = useQuery({
    queryKey: ['policy-documents', 'picker', q],
    queryFn: () => api.get<PolicyDocumentPage>('/api/policy-documents', { q, limit: 20, offset: 0 }),
    enabled: q.length >= MIN_SEARCH,
  });
  const label = (d: Pick<PolicyDocumentRef, 'numberAndSymbol' | 'title' | 'issuedOn'>) => `${d.numberAndSymbol}${d.issuedOn ? ` (${format.date(d.issuedOn)})` : ''} — ${d.title}`;
  const hits = (q.length >= MIN_SEARCH ? (search.data?.items ?? []) : []).filter((d) => d.id !== excludeId);
  const chosen = (value ?? []).map((v) => known.get(v)).filter((d) => d !== undefined);
  const options = [...chosen, ...hits.filter((h) => !(value ?? []).includes(h.id))].map((d) => ({ value: d.id, label: label(d) }));

  return (
    <Select<string[]>
      id={id}
      aria-label={rest['aria-label']}
      mode="multiple"
      showSearch={{ filterOption: false, onSearch: setText }}
      value={value}
      onChange={(ids) => {
        // Remember what was picked, so its label stays when the search text changes.
        setKnown((map) => new Map([...map, ...hits.filter((h) => ids.includes(h.id)).map((h) => [h.id, h] as const)]));
        onChange?.(ids);
      }}
      placeholder={t('policyDocuments.links.pickerPlaceholder')}
      notFoundContent={q.length < MIN_SEARCH ? t('policyDocuments.links.searchTooShort', { min: MIN_SEARCH }) : search.isFetching ? t('common.loading') : t('common.noResults')}
      loading={search.isFetching}
      options={options}
      style={{ width: '100%' }}
    />
  );
}
