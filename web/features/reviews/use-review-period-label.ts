import { useTranslation } from 'react-i18next';
import { periodLabel } from '../../ui/period-label';
import { useFormat } from '../../ui/use-format';
import type { Review } from './reviews.api';

/** The reviewed period in words: "Quý 3/2024", "Năm 2024", "Giai đoạn 2021–2025", or the dates (ui/period-label.ts). */
export function useReviewPeriodLabel(): (r: Pick<Review, 'period' | 'year' | 'quarter' | 'emulationPeriod' | 'from' | 'to'>) => string {
  const { t } = useTranslation();
  const format = useFormat();
  return (r) =>
    periodLabel(
      { kind: r.period, year: r.year, quarter: r.quarter, emulationPeriod: r.emulationPeriod, from: r.from, to: r.to },
      {
        quarter: (quarter, year) => t('reviews.quarterOf', { quarter, year }),
        year: (year) => t('reviews.yearOf', { year }),
        emulationPeriod: (name) => t('reviews.emulationPeriodOf', { name }),
        range: format.dateRange,
      },
    );
}

/** "Năm 2024 (01/01/2024 – 31/12/2024)"; a custom period is its days already, shown once. */
export function useReviewPeriodWithDays(): (r: Pick<Review, 'period' | 'year' | 'quarter' | 'emulationPeriod' | 'from' | 'to'>) => string {
  const label = useReviewPeriodLabel();
  const format = useFormat();
  return (r) => (r.period === 'custom' ? label(r) : `${label(r)} (${format.date(r.from)} – ${format.date(r.to)})`);
}
