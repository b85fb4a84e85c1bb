import { useTranslation } from 'react-i18next';
import { useFormat } from '../../ui/use-format';
import type { Review } from './reviews.api';

/** The reviewed period in words: "Quý 3/2024", "Năm 2024", the emulation period's name, or the dates. */
export function useReviewPeriodLabel(): (r: Pick<Review, 'period' | 'year' | 'quarter' | 'emulationPeriod' | 'from' | 'to'>) => string {
  const { t } = useTranslation();
  const format = useFormat();
  return (r) => {
    if (r.period === 'quarter' && r.year && r.quarter) return t('reviews.quarterOf', { quarter: r.quarter, year: r.year });
    if (r.period === 'year' && r.year) return t('reviews.yearOf', { year: r.year });
    if (r.period === 'emulation_period' && r.emulationPeriod) return t('reviews.emulationPeriodOf', { name: r.emulationPeriod.name });
    return `${format.date(r.from)} – ${format.date(r.to)}`;
  };
}
