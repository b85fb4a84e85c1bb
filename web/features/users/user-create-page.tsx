import { useNavigate } from '@tanstack/react-router';
import Button from 'antd/es/button';
import Card from 'antd/es/card';
import Form from 'antd/es/form';
import Input from 'antd/es/input';
import Space from 'antd/es/space';
import Typography from 'antd/es/typography';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { USERNAME_PATTERN } from '../../../common/users';
import { ErrorAlert } from '../../ui/error-alert';
import { ForbiddenResult } from '../../ui/forbidden-result';
import { useCan } from '../auth/use-can';
import { UnitPicker } from '../units/unit-picker';
import { RoleSelect } from './role-select';
import { TemporaryPasswordModal } from './temporary-password-modal';
import { type CreatedUser, type CreateUserInput, useCreateUser } from './users.api';

type Values = Omit<CreateUserInput, 'email'> & { email?: string };

export function UserCreatePage() {
  return useCan('users.manage') ? <UserCreateForm /> : <ForbiddenResult />;
}

function UserCreateForm() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateUser();
  const [created, setCreated] = useState<CreatedUser | null>(null);

  const submit = (values: Values) =>
    create.mutate(
      { ...values, username: values.username.trim().toLowerCase(), displayName: values.displayName.trim(), email: values.email?.trim() || null },
      {
        onSuccess: (result) => {
          if (result.temporaryPassword) setCreated(result);
          else void navigate({ to: '/users/$userId', params: { userId: result.user.id } });
        },
      },
    );

  return (
    <Card>
      <Typography.Title level={1} style={{ fontSize: 22, marginTop: 0 }}>
        {t('users.createTitle')}
      </Typography.Title>
      <ErrorAlert error={create.error} />
      <Form<Values> layout="vertical" onFinish={submit} name="create-user" style={{ maxWidth: 560 }}>
        <Form.Item
          label={t('users.username')}
          name="username"
          extra={t('users.usernameHelp')}
          rules={[{ required: true, message: t('users.usernameRequired') }, { pattern: USERNAME_PATTERN, message: t('users.usernameInvalid') }]}
          normalize={(v: string) => v.toLowerCase()}
        >
          <Input autoComplete="off" autoCapitalize="none" spellCheck={false} />
        </Form.Item>
        <Form.Item label={t('users.displayName')} name="displayName" rules={[{ required: true, whitespace: true, message: t('users.displayNameRequired') }, { max: 200 }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item label={t('users.email')} name="email" rules={[{ type: 'email', message: t('users.emailInvalid') }]}>
          <Input type="email" maxLength={200} />
        </Form.Item>
        <Form.Item label={t('users.unit')} name="unitId" rules={[{ required: true, message: t('users.unitRequired') }]}>
          <UnitPicker />
        </Form.Item>
        <Form.Item label={t('users.role')} name="role" rules={[{ required: true, message: t('users.roleRequired') }]}>
          <RoleSelect />
        </Form.Item>
        <Space>
          <Button type="primary" htmlType="submit" loading={create.isPending}>
            {t('users.createSubmit')}
          </Button>
          <Button onClick={() => void navigate({ to: '/users' })}>{t('common.cancel')}</Button>
        </Space>
      </Form>
      <TemporaryPasswordModal
        password={created?.temporaryPassword ?? null}
        username={created?.user.username ?? ''}
        onClose={() => created && void navigate({ to: '/users/$userId', params: { userId: created.user.id } })}
      />
    </Card>
  );
}
