import { useNavigate } from '@tanstack/react-router';
import Button from 'antd/es/button';
import Card from 'antd/es/card';
import Form from 'antd/es/form';
import Input from 'antd/es/input';
import Typography from 'antd/es/typography';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../ui/error-alert';
import { useChangePassword, useLogout, useMe } from './auth.api';
import { AuthFrame } from './auth-frame';

/** The server's rule (server/modules/auth/password.ts): at least 10 characters. */
const PASSWORD_MIN_LENGTH = 10;

type Values = { currentPassword: string; newPassword: string; confirmPassword: string };

/** Shown after signing in with a temporary password (and reachable any time to change one's own). */
export function ChangePasswordPage() {
  const { t } = useTranslation();
  const me = useMe();
  const change = useChangePassword();
  const logout = useLogout();
  const navigate = useNavigate();

  const submit = ({ currentPassword, newPassword }: Values) =>
    change.mutate({ currentPassword, newPassword }, { onSuccess: () => void navigate({ to: '/' }) });

  return (
    <AuthFrame>
      <Card>
        <Typography.Title level={1} style={{ fontSize: 22, marginTop: 0 }}>
          {t('auth.changePasswordTitle')}
        </Typography.Title>
        {me?.mustChangePassword && <Typography.Paragraph>{t('auth.mustChangePassword')}</Typography.Paragraph>}
        <Typography.Paragraph type="secondary">{t('auth.passwordRules', { min: PASSWORD_MIN_LENGTH })}</Typography.Paragraph>
        <ErrorAlert error={change.error} />
        <Form<Values> layout="vertical" onFinish={submit} requiredMark={false} name="change-password">
          <Form.Item label={t('auth.currentPassword')} name="currentPassword" rules={[{ required: true, message: t('auth.passwordRequired') }]}>
            <Input.Password autoComplete="current-password" autoFocus />
          </Form.Item>
          <Form.Item
            label={t('auth.newPassword')}
            name="newPassword"
            rules={[
              { required: true, message: t('auth.passwordRequired') },
              { min: PASSWORD_MIN_LENGTH, message: t('auth.passwordTooShort', { min: PASSWORD_MIN_LENGTH }) },
            ]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Form.Item
            label={t('auth.confirmPassword')}
            name="confirmPassword"
            dependencies={['newPassword']}
            rules={[
              { required: true, message: t('auth.passwordRequired') },
              ({ getFieldValue }) => ({
                validator: (_, value) => (value === getFieldValue('newPassword') ? Promise.resolve() : Promise.reject(new Error(t('auth.passwordMismatch')))),
              }),
            ]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <div style={{ display: 'flex', gap: 8, justifyContent: 'space-between' }}>
            <Button onClick={() => logout.mutate(undefined, { onSettled: () => void navigate({ to: '/login' }) })}>{t('auth.signOut')}</Button>
            <Button type="primary" htmlType="submit" loading={change.isPending}>
              {t('auth.changePasswordSubmit')}
            </Button>
          </div>
        </Form>
      </Card>
    </AuthFrame>
  );
}
