import Select from 'antd/es/select';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDebouncedValue } from '../../ui/use-debounced-value';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../app/api-client';
import { type EntryPage, entryKeys } from '../entries/entries.api';

type EntryOption = { id: string; title: string; year: number };

type Props = {
  id?: string;
  value?: string[];
  onChange?: (entryIds: string[]) => void;
  /** The entries already linked, so their titles show before any search. */
  initial: EntryOption[];
  max: number;
};

/** Chooses entries by typing words of their title (the entries list's search); fits in an antd Form.Item. */
export function EntryMultiPicker({ id, value, onChange, initial, max }: Props) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const q = useDebouncedValue(text.trim(), 300);
  // Only a search asks the server (no list of every entry in scope just for opening the picker).
  const search = useQuery({
    queryKey: [...entryKeys.all, 'picker', q],
    queryFn: () => api.get<EntryPage>('/api/entries', { q, limit: 20, sort: 'title' }),
    enabled: q.length >= 2,
  });
  // Titles of every entry seen (linked, found, picked), so a chosen one keeps its label after the next search.
  const [known, setKnown] = useState<Map<string, EntryOption>>(() => new Map(initial.map((e) => [e.id, e])));
  const hits = q.length >= 2 ? (search.data?.items ?? []) : [];
  const options = new Map<string, EntryOption>();
  for (const entryId of value ?? []) options.set(entryId, known.get(entryId) ?? { id: entryId, title: entryId, year: 0 });
  for (const hit of hits) options.set(hit.id, { id: hit.id, title: hit.title, year: hit.year });

  return (
    <Select<string[]>
      id={id}
      mode="multiple"
      showSearch={{ filterOption: false, onSearch: setText }}
      value={value}
      onChange={(next) => {
        setKnown((prev) => new Map([...prev, ...hits.filter((h) => next.includes(h.id)).map((h) => [h.id, { id: h.id, title: h.title, year: h.year }] as const)]));
        onChange?.(next.slice(0, max));
      }}
      placeholder={t('commendations.entriesPlaceholder')}
      notFoundContent={q.length < 2 ? t('units.searchTooShort', { min: 2 }) : search.isFetching ? t('common.loading') : t('common.noResults')}
      loading={search.isFetching}
      options={[...options.values()].map((e) => ({ value: e.id, label: e.year ? `${e.title} (${e.year})` : e.title }))}
      style={{ width: '100%' }}
    />
  );
}
