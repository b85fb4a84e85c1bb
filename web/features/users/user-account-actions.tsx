import Button from 'antd/es/button';
import Popconfirm from 'antd/es/popconfirm';
import Space from 'antd/es/space';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../ui/error-alert';
import { TemporaryPasswordModal } from './temporary-password-modal';
import { type UserView, useResetPassword, useSetUserDisabled } from './users.api';

/** Reset the password (shown once) and disable or enable the account. */
export function UserAccountActions({ user }: { user: UserView }) {
  const { t } = useTranslation();
  const reset = useResetPassword();
  const setDisabled = useSetUserDisabled();
  const [password, setPassword] = useState<string | null>(null);

  return (
    <div>
      <Space wrap>
        <Popconfirm title={t('users.resetPasswordConfirm', { username: user.username })} okText={t('common.confirm')} cancelText={t('common.cancel')} onConfirm={() => reset.mutate(user.id, { onSuccess: (r) => setPassword(r.temporaryPassword) })}>
          <Button loading={reset.isPending}>{t('users.resetPassword')}</Button>
        </Popconfirm>
        <Popconfirm
          title={user.disabled ? t('users.enableConfirm', { username: user.username }) : t('users.disableConfirm', { username: user.username })}
          okText={t('common.confirm')}
          cancelText={t('common.cancel')}
          onConfirm={() => setDisabled.mutate({ id: user.id, disabled: !user.disabled })}
        >
          <Button danger={!user.disabled} loading={setDisabled.isPending}>
            {user.disabled ? t('users.enable') : t('users.disable')}
          </Button>
        </Popconfirm>
      </Space>
      <ErrorAlert error={reset.error ?? setDisabled.error} className="account-action-error" />
      <TemporaryPasswordModal password={password} username={user.username} onClose={() => setPassword(null)} />
    </div>
  );
}
