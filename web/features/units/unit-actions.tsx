import Space from 'antd/es/space';
import { useTranslation } from 'react-i18next';
import { ButtonLink } from '../../ui/button-link';
import { useMe } from '../auth/auth.api';
import { hasPermissionOn } from '../auth/use-can';
import type { UnitDetail } from './units.api';

/**
 * The edits the account may make on this unit (the server checks again). Organizations can be
 * added under a retired unit too, for its years; a retired unit is renamed and its successors set
 * by a system administrator only.
 */
export function UnitActions({ detail }: { detail: UnitDetail }) {
  const { t } = useTranslation();
  const me = useMe();
  const { unit } = detail;
  const canWrite = hasPermissionOn(me, 'units.write', unit.id, detail.ancestors.map((a) => a.id));
  const systemAdmin = !!me?.permissions.includes('system.manage');
  if (!canWrite) return null;
  return (
    <Space wrap>
      <ButtonLink primary to="/units/$unitId/add-organization" params={{ unitId: unit.id }} data-testid="add-organization">
        {t('units.addOrganization')}
      </ButtonLink>
      {(!unit.retired || systemAdmin) && (
        <ButtonLink to="/units/$unitId/rename" params={{ unitId: unit.id }} data-testid="rename-unit">
          {t('units.rename')}
        </ButtonLink>
      )}
      {unit.retired && systemAdmin && (
        <ButtonLink to="/units/$unitId/successors" params={{ unitId: unit.id }} data-testid="set-successors">
          {t('units.setSuccessors')}
        </ButtonLink>
      )}
    </Space>
  );
}
