/**
 * What a field with nothing recorded shows: a dash, as a printed form leaves it. "Không có" said
 * more than the data does ("Kinh phí: Không có" read as "no funds" where the amount was simply not
 * entered). "Không có" stays for a list that is empty (no replicated entries). The words behind
 * the dash are its title, for a reader who points at it or hears it.
 */
import { useTranslation } from 'react-i18next';

export const EMPTY_VALUE = '—';

export function EmptyValue() {
  const { t } = useTranslation();
  return (
    <span title={t('common.notRecorded')} aria-label={t('common.notRecorded')}>
      {EMPTY_VALUE}
    </span>
  );
}
