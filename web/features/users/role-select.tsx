import Select from 'antd/es/select';
import { useTranslation } from 'react-i18next';
import { grantableRoles, type Role } from '../../../common/access';
import { useMe } from '../auth/auth.api';

type Props = { id?: string; value?: Role; onChange?: (role: Role) => void };

/** The roles this account may grant (only a system admin makes system admins). */
export function RoleSelect({ id, value, onChange }: Props) {
  const { t } = useTranslation();
  const me = useMe();
  const isSystemAdmin = !!me?.grants.some((g) => g.role === 'system_admin');
  return (
    <Select<Role>
      id={id}
      value={value}
      onChange={onChange}
      placeholder={t('users.rolePlaceholder')}
      options={grantableRoles(isSystemAdmin).map((role) => ({ value: role, label: t(`roles.${role}`) }))}
    />
  );
}
