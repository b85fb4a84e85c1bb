import Alert from 'antd/es/alert';
import Button from 'antd/es/button';
import Form from 'antd/es/form';
import Input from 'antd/es/input';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../app/api-client';
import { ErrorAlert } from '../../ui/error-alert';
import { type UserView, userKeys, useUpdateUser } from './users.api';

type Values = { displayName: string; email?: string };

/** Edits name and e-mail; a change by someone else in the meantime is reported, not overwritten. */
export function UserProfileForm({ user }: { user: UserView }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const update = useUpdateUser();
  const conflict = isApiError(update.error, 'CONFLICT');

  const submit = (values: Values) =>
    update.mutate({ id: user.id, displayName: values.displayName.trim(), email: values.email?.trim() || null, version: user.version });

  return (
    <>
      {conflict ? (
        <Alert
          type="warning"
          showIcon
          role="alert"
          title={t('users.conflictTitle')}
          description={t('users.conflictHelp')}
          action={<Button onClick={() => void queryClient.invalidateQueries({ queryKey: userKeys.detail(user.id) })}>{t('common.reload')}</Button>}
          style={{ marginBottom: 16 }}
        />
      ) : (
        <ErrorAlert error={update.error} />
      )}
      <Form<Values> layout="vertical" onFinish={submit} name="user-profile" initialValues={{ displayName: user.displayName, email: user.email ?? '' }} style={{ maxWidth: 560 }}>
        <Form.Item label={t('users.displayName')} name="displayName" rules={[{ required: true, whitespace: true, message: t('users.displayNameRequired') }, { max: 200 }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item label={t('users.email')} name="email" rules={[{ type: 'email', message: t('users.emailInvalid') }]}>
          <Input type="email" maxLength={200} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={update.isPending} disabled={conflict}>
          {t('common.save')}
        </Button>
      </Form>
    </>
  );
}
