import Tag from 'antd/es/tag';
import { useTranslation } from 'react-i18next';
import type { GrantView } from './users.api';

/** "Role — unit" for each of an account's grants. */
export function GrantTags({ grants }: { grants: Pick<GrantView, 'id' | 'role' | 'unitName'>[] }) {
  const { t } = useTranslation();
  return (
    <>
      {grants.map((g) => (
        <Tag key={g.id} style={{ marginBottom: 4 }}>
          {t('users.grantLabel', { role: t(`roles.${g.role}`), unit: g.unitName })}
        </Tag>
      ))}
    </>
  );
}
