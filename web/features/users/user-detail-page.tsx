import { useParams } from '@tanstack/react-router';
import Card from 'antd/es/card';
import Descriptions from 'antd/es/descriptions';
import Tag from 'antd/es/tag';
import Typography from 'antd/es/typography';
import { useTranslation } from 'react-i18next';
import { EmptyValue } from '../../ui/empty-value';
import { ErrorAlert } from '../../ui/error-alert';
import { ForbiddenResult } from '../../ui/forbidden-result';
import { PageSpinner } from '../../ui/page-spinner';
import { useFormat } from '../../ui/use-format';
import { useCan } from '../auth/use-can';
import { UserAccountActions } from './user-account-actions';
import { UserGrants } from './user-grants';
import { UserProfileForm } from './user-profile-form';
import { useUser } from './users.api';

export function UserDetailPage() {
  return useCan('users.read') ? <UserDetail /> : <ForbiddenResult />;
}

function UserDetail() {
  const { t } = useTranslation();
  const format = useFormat();
  const { userId } = useParams({ from: '/app/users/$userId' });
  const canManage = useCan('users.manage');
  const user = useUser(userId);
  if (user.isPending) return <PageSpinner />;
  if (user.isError) return <ErrorAlert error={user.error} />;
  const u = user.data;

  return (
    <>
      <Card style={{ marginBottom: 16 }}>
        <div style={{ display: 'flex', justifyContent: 'space-between', gap: 16, flexWrap: 'wrap' }}>
          <Typography.Title level={1} style={{ fontSize: 22, marginTop: 0 }}>
            {u.displayName} {u.disabled ? <Tag color="red">{t('users.disabled')}</Tag> : <Tag color="green">{t('users.active')}</Tag>}
          </Typography.Title>
          {canManage && <UserAccountActions user={u} />}
        </div>
        <Descriptions
          column={1}
          size="small"
          bordered
          items={[
            { key: 'username', label: t('users.username'), children: u.username },
            { key: 'email', label: t('users.email'), children: u.email ?? <EmptyValue /> },
            { key: 'locale', label: t('common.language'), children: t(`languageNames.${u.locale}`) },
            { key: 'createdAt', label: t('users.createdAt'), children: format.dateTime(u.createdAt) },
            { key: 'mustChange', label: t('users.mustChangePassword'), children: u.mustChangePassword ? t('common.yes') : t('common.no') },
          ]}
        />
      </Card>
      {canManage && (
        <Card title={t('users.profileTitle')} style={{ marginBottom: 16 }}>
          <UserProfileForm key={u.version} user={u} />
        </Card>
      )}
      <Card title={t('users.grantsTitle')}>
        <UserGrants user={u} canManage={canManage} />
      </Card>
    </>
  );
}
