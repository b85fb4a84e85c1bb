import { useTranslation } from 'react-i18next';
import { useFormat } from '../../ui/use-format';

/** "10 collectives and 5 individuals were commended", with each language's plural forms. */
export function useCommendedSummary(): (summary: { collectives: number; individuals: number }) => string {
  const { t } = useTranslation();
  const format = useFormat();
  return ({ collectives, individuals }) =>
    t('commendations.summary', {
      collectives: t('commendations.collectives', { count: collectives, n: format.number(collectives) }),
      individuals: t('commendations.individuals', { count: individuals, n: format.number(individuals) }),
    });
}
