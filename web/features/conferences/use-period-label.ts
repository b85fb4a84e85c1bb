import { useTranslation } from 'react-i18next';
import { periodLabel } from '../../ui/period-label';
import { useFormat } from '../../ui/use-format';
import type { ReviewConference } from './conferences.api';

/** The reviewed period in words: "Quý 2/2025", "Năm 2025", "Giai đoạn 2021–2025", or the dates (ui/period-label.ts). */
export function usePeriodLabel(): (c: Pick<ReviewConference, 'periodKind' | 'year' | 'quarter' | 'emulationPeriod' | 'periodStart' | 'periodEnd'>) => string {
  const { t } = useTranslation();
  const format = useFormat();
  return (c) =>
    periodLabel(
      { kind: c.periodKind, year: c.year, quarter: c.quarter, emulationPeriod: c.emulationPeriod, from: c.periodStart, to: c.periodEnd },
      {
        quarter: (quarter, year) => t('conferences.quarterOf', { quarter, year }),
        year: (year) => t('conferences.yearOf', { year }),
        emulationPeriod: (name) => t('conferences.emulationPeriodOf', { name }),
        range: format.dateRange,
      },
    );
}
