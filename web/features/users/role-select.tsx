import Select from 'antd/es/select';
import { useTranslation } from 'react-i18next';
import { grantableRoles, type Role } from '../../../common/access';
import { useMe } from '../auth/auth.api';

type Props = { id?: string; value?: Role; onChange?: (role: Role) => void };

/** The roles this account may grant: those whose permissions it holds (the server checks them on the unit). */
export function RoleSelect({ id, value, onChange }: Props) {
  const { t } = useTranslation();
  const me = useMe();
  return (
    <Select<Role>
      id={id}
      value={value}
      onChange={onChange}
      placeholder={t('users.rolePlaceholder')}
      options={grantableRoles(me?.permissions ?? []).map((role) => ({ value: role, label: t(`roles.${role}`) }))}
    />
  );
}
