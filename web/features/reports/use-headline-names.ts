import { useTranslation } from 'react-i18next';
import type { HeadlineKey } from '../../../common/reports';

/** The name of each headline figure in the interface language (the figure cards and the child table's columns). */
export function useHeadlineNames(): Record<HeadlineKey, string> {
  const { t } = useTranslation();
  // Literal keys, so the catalogs' test sees every one of them.
  return {
    entries: t('reports.figure.entries'),
    models: t('reports.figure.models'),
    typicalExamples: t('reports.figure.typicalExamples'),
    collective: t('reports.figure.collective'),
    individual: t('reports.figure.individual'),
    registeringUnits: t('reports.figure.registeringUnits'),
    recognisedTypical: t('reports.figure.recognisedTypical'),
    replicated: t('reports.figure.replicated'),
    commendedCollectives: t('reports.figure.commendedCollectives'),
    commendedIndividuals: t('reports.figure.commendedIndividuals'),
    petitionsReceived: t('reports.figure.petitionsReceived'),
  };
}
