import Space from 'antd/es/space';
import { useTranslation } from 'react-i18next';
import { ButtonLink } from '../../ui/button-link';
import { useMe } from '../auth/auth.api';
import { hasPermissionOn } from '../auth/use-can';
import type { UnitDetail } from './units.api';

/** The edits the account may make on this unit (the server checks again). */
export function UnitActions({ detail }: { detail: UnitDetail }) {
  const { t } = useTranslation();
  const me = useMe();
  const { unit } = detail;
  const canWrite = hasPermissionOn(me, 'units.write', unit.id, detail.ancestors.map((a) => a.id));
  if (!canWrite || unit.retired) return null;
  return (
    <Space wrap>
      <ButtonLink primary to="/units/$unitId/add-organization" params={{ unitId: unit.id }} data-testid="add-organization">
        {t('units.addOrganization')}
      </ButtonLink>
      <ButtonLink to="/units/$unitId/rename" params={{ unitId: unit.id }} data-testid="rename-unit">
        {t('units.rename')}
      </ButtonLink>
    </Space>
  );
}
