import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { type LabelledUnit, type UnitLabel, unitLabels } from './unit-label';
import { useFormat } from './use-format';

/** unitLabels (unit-label.ts) in the interface language: "Tỉnh Ninh Bình (đến 30/06/2025)". */
export function useUnitLabels(): (units: readonly LabelledUnit[]) => Map<string, UnitLabel> {
  const { t } = useTranslation();
  const format = useFormat();
  return useCallback(
    (units) =>
      unitLabels(units, {
        until: (date) => t('unitLabel.until', { date }),
        since: (date) => t('unitLabel.since', { date }),
        between: (from, to) => t('unitLabel.between', { from, to }),
        date: format.date,
      }),
    [t, format],
  );
}
