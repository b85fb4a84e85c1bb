import Typography from 'antd/es/typography';
import { useTranslation } from 'react-i18next';
import { ForbiddenResult } from '../../ui/forbidden-result';
import { PageHeading } from '../../ui/page-heading';
import { useCan } from '../auth/use-can';
import { CommendationFormsSection } from './commendation-forms-section';
import { EmulationPeriodsSection } from './emulation-periods-section';
import { EntryFieldsSection } from './entry-fields-section';

/**
 * The catalogues the movement's data refer to. A unit administrator (units.write) adds fields for
 * a unit's subtree; forms of commendation and emulation periods are national (system.manage).
 */
export function CataloguesPage() {
  const { t } = useTranslation();
  const canWriteUnits = useCan('units.write');
  const canManageSystem = useCan('system.manage');
  if (!canWriteUnits) return <ForbiddenResult />;
  return (
    <>
      <PageHeading title={t('catalogues.title')} />
      <Typography.Paragraph type="secondary">{t('catalogues.intro')}</Typography.Paragraph>
      <EntryFieldsSection />
      <CommendationFormsSection canAdd={canManageSystem} />
      <EmulationPeriodsSection canAdd={canManageSystem} />
    </>
  );
}
