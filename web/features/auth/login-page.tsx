import { useNavigate, useSearch } from '@tanstack/react-router';
import Button from 'antd/es/button';
import Card from 'antd/es/card';
import Form from 'antd/es/form';
import Input from 'antd/es/input';
import { useTranslation } from 'react-i18next';
import { LanguageSwitcher } from '../../app/language-switcher';
import { ErrorAlert } from '../../ui/error-alert';
import { type LoginInput, useLogin } from './auth.api';
import { AuthFrame } from './auth-frame';

export function LoginPage() {
  const { t } = useTranslation();
  const login = useLogin();
  const navigate = useNavigate();
  const { redirect } = useSearch({ from: '/login' });

  const submit = (values: LoginInput) =>
    login.mutate(values, {
      onSuccess: (me) => {
        if (me.mustChangePassword) void navigate({ to: '/change-password' });
        else void navigate({ to: redirect ?? '/' });
      },
    });

  return (
    <AuthFrame>
      <Card>
        {/* Plain elements: antd Typography would double the sign-in screen's download. */}
        <h1 style={{ fontSize: 24, marginTop: 0, fontWeight: 600 }}>{t('app.title')}</h1>
        <p style={{ color: 'rgba(0,0,0,0.55)' }}>{t('auth.loginIntro')}</p>
        <ErrorAlert error={login.error} />
        <Form<LoginInput> layout="vertical" onFinish={submit} requiredMark={false} name="login">
          <Form.Item label={t('auth.username')} name="username" rules={[{ required: true, whitespace: true, message: t('auth.usernameRequired') }]}>
            <Input autoComplete="username" autoFocus autoCapitalize="none" spellCheck={false} />
          </Form.Item>
          <Form.Item label={t('auth.password')} name="password" rules={[{ required: true, message: t('auth.passwordRequired') }]}>
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={login.isPending}>
            {t('auth.signIn')}
          </Button>
        </Form>
      </Card>
      <div style={{ marginTop: 16, display: 'flex', justifyContent: 'center' }}>
        <LanguageSwitcher />
      </div>
    </AuthFrame>
  );
}
