import { useTranslation } from 'react-i18next';
import { FACETS, type Facet } from '../../../common/entries';
import type { EntryFilters } from './entries.api';
import { useEntryVocabulary } from './use-entry-vocabulary';

/**
 * The entries list's filters in words, for the printout ("Năm: 2023, 2024; Trạng thái: Đã đăng ký"):
 * on paper the facets are gone, and a list without its filters reads as every entry there is.
 */
/** A facet value as the list's filters and its printout name it (the facet checkboxes, the filters in words). */
export function useFacetValueLabel(): (facet: Facet, value: string) => string {
  const { t } = useTranslation();
  const vocabulary = useEntryVocabulary();
  return (facet, value) => {
    switch (facet) {
      case 'periodId':
        return vocabulary.period(value);
      case 'field':
        return vocabulary.field(value);
      case 'kind':
        return vocabulary.kind(value);
      case 'form':
        return vocabulary.form(value);
      case 'level':
        return vocabulary.level(value);
      case 'status':
        return vocabulary.status(value);
      case 'typical':
      case 'replicated':
        return value === 'true' ? t('common.yes') : t('common.no');
      default:
        return value;
    }
  };
}

export function useEntryFilterWords(filters: EntryFilters, unitName: string | undefined): string[] {
  const { t } = useTranslation();
  const name = useFacetValueLabel();
  const words: string[] = [];
  if (filters.unitId) words.push(`${t('entries.unitFilter')}: ${unitName ?? '…'}`);
  if (filters.q && filters.q.trim().length >= 2) words.push(`${t('entries.searchLabel')}: “${filters.q.trim()}”`);
  for (const facet of FACETS) {
    const values = String(filters[facet] ?? '').split(',').filter(Boolean);
    if (values.length) words.push(`${t(`entries.facet.${facet}`)}: ${values.map((v) => name(facet, v)).join(', ')}`);
  }
  return words;
}
