import { useTranslation } from 'react-i18next';
import { useFormat } from '../../ui/use-format';
import type { ReviewConference } from './conferences.api';

/** The reviewed period in words: "Quarter 2/2025", "Year 2025", the emulation period's name, or the dates. */
export function usePeriodLabel(): (c: ReviewConference) => string {
  const { t } = useTranslation();
  const format = useFormat();
  return (c) => {
    if (c.periodKind === 'quarter' && c.year && c.quarter) return t('conferences.quarterOf', { quarter: c.quarter, year: c.year });
    if (c.periodKind === 'year' && c.year) return t('conferences.yearOf', { year: c.year });
    if (c.periodKind === 'emulation_period' && c.emulationPeriod) return c.emulationPeriod.name;
    return `${format.date(c.periodStart)} – ${format.date(c.periodEnd)}`;
  };
}
