import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { ENTRY_STATUSES, type EntryStatus } from '../../../common/entries';
import { type EmulationPeriod, type EntryField, useEntryFields, usePeriods } from './entries.api';

export const STATUS_COLORS: Record<EntryStatus, string> = {
  draft: 'default',
  registered: 'blue',
  accepted: 'cyan',
  returned: 'orange',
  implementing: 'geekblue',
  evaluated: 'purple',
  recognised: 'green',
  withdrawn: 'red',
};

export function isStatus(value: string): value is EntryStatus {
  return (ENTRY_STATUSES as readonly string[]).includes(value);
}

/** A field's name in the interface language (Vietnamese when it has none). */
export function fieldName(field: EntryField | undefined, language: string, fallback: string): string {
  return field?.names[language] ?? field?.names.vi ?? fallback;
}

/** Names of the entries' codes (status, kind, form, level, field, period) in the current language. */
export function useEntryVocabulary() {
  const { t, i18n } = useTranslation();
  const fields = useEntryFields();
  const periods = usePeriods();
  const fieldMap = useMemo(() => new Map((fields.data?.items ?? []).map((f) => [f.code, f])), [fields.data]);
  const periodMap = useMemo(() => new Map((periods.data?.items ?? []).map((p) => [p.id, p])), [periods.data]);
  const language = i18n.language;
  return {
    fields: fields.data?.items ?? ([] as EntryField[]),
    periods: periods.data?.items ?? ([] as EmulationPeriod[]),
    status: useCallback((code: string) => t(`entries.status.${code}`), [t]),
    kind: useCallback((code: string) => t(`entries.kind.${code}`), [t]),
    form: useCallback((code: string) => t(`entries.form.${code}`), [t]),
    level: useCallback((code: string) => t(`entries.level.${code}`), [t]),
    action: useCallback((code: string) => t(`entries.action.${code}`), [t]),
    field: useCallback((code: string) => fieldName(fieldMap.get(code), language, code), [fieldMap, language]),
    period: useCallback((id: string | null) => (id ? (periodMap.get(id)?.name ?? id) : ''), [periodMap]),
  };
}
