import { useTranslation } from 'react-i18next';
import type { PetitionSearch } from './petition-search';
import { localName, usePetitionSettings } from './petitions.api';

/**
 * The petitions list's filters in words, for the printout ("Trạng thái: Đang mở; Hạn: Quá hạn"). No
 * status means the open petitions (petition-search.ts), and the printout says so.
 */
export function usePetitionFilterWords(search: PetitionSearch, unitName: string | undefined): string[] {
  const { t, i18n } = useTranslation();
  const settings = usePetitionSettings();
  const words: string[] = [];
  if (search.unitId) words.push(`${t('petitions.filters.unit')}: ${unitName ?? '…'}`);
  if (search.view === 'queue') words.push(`${t('petitions.filters.view')}: ${t('petitions.filters.viewQueue')}`);
  const status = search.status === undefined ? t('petitions.filters.open') : search.status === 'any' ? t('petitions.filters.any') : t(`petitions.status.${search.status}`);
  words.push(`${t('petitions.fields.status')}: ${status}`);
  if (search.due) words.push(`${t('petitions.filters.due')}: ${t(`petitions.due.${search.due}`)}`);
  if (search.kind) words.push(`${t('petitions.fields.kind')}: ${t(`petitions.kind.${search.kind}`)}`);
  if (search.channel) words.push(`${t('petitions.fields.channel')}: ${t(`petitions.channel.${search.channel}`)}`);
  if (search.categoryCode) {
    const names = settings.data?.categories.find((c) => c.code === search.categoryCode)?.names;
    words.push(`${t('petitions.fields.category')}: ${names ? localName(names, i18n.language) : search.categoryCode}`);
  }
  return words;
}
