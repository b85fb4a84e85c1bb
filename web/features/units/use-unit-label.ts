import { useTranslation } from 'react-i18next';

/**
 * The name to show for a unit found by a name it bore before: "Huyện Kim Bảng (nay là Thị xã Kim
 * Bảng)" in the reader's language; its name otherwise.
 */
export function useUnitLabel() {
  const { t } = useTranslation();
  return (unit: { name: string; matchedName?: string | null }) =>
    unit.matchedName && unit.matchedName !== unit.name ? t('units.formerNameLabel', { former: unit.matchedName, current: unit.name }) : unit.name;
}
