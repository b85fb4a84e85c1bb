import Button from 'antd/es/button';
import Form from 'antd/es/form';
import Popconfirm from 'antd/es/popconfirm';
import Table from 'antd/es/table';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../../common/access';
import { ErrorAlert } from '../../ui/error-alert';
import { useFormat } from '../../ui/use-format';
import { UnitPicker } from '../units/unit-picker';
import { RoleSelect } from './role-select';
import { type GrantView, type UserView, useGrantRole, useRevokeGrant } from './users.api';

type GrantValues = { unitId: string; role: Role };

/** The account's roles, each on a unit (covering its subtree); grant and revoke. */
export function UserGrants({ user, canManage }: { user: UserView; canManage: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const grant = useGrantRole();
  const revoke = useRevokeGrant();
  const [form] = Form.useForm<GrantValues>();

  const submit = (values: GrantValues) => grant.mutate({ userId: user.id, ...values }, { onSuccess: () => form.resetFields() });

  return (
    <>
      <ErrorAlert error={grant.error ?? revoke.error} />
      <Table<GrantView>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={user.grants}
        locale={{ emptyText: t('users.noGrants') }}
        columns={[
          { key: 'role', title: t('users.role'), render: (_, g) => t(`roles.${g.role}`) },
          {
            key: 'unit',
            title: t('users.unit'),
            render: (_, g) => (
              <Link to="/units/$unitId" params={{ unitId: g.unitId }}>
                {g.unitName}
              </Link>
            ),
          },
          { key: 'grantedAt', title: t('users.grantedAt'), render: (_, g) => format.date(g.grantedAt) },
          ...(canManage
            ? [
                {
                  key: 'actions',
                  title: t('common.actions'),
                  render: (_: unknown, g: GrantView) => (
                    <Popconfirm
                      title={t('users.revokeConfirm', { role: t(`roles.${g.role}`), unit: g.unitName })}
                      okText={t('common.confirm')}
                      cancelText={t('common.cancel')}
                      onConfirm={() => revoke.mutate({ userId: user.id, grantId: g.id })}
                    >
                      <Button size="small" danger>
                        {t('users.revoke')}
                      </Button>
                    </Popconfirm>
                  ),
                },
              ]
            : []),
        ]}
      />
      {canManage && (
        <Form<GrantValues> form={form} layout="inline" onFinish={submit} name="grant-role" style={{ marginTop: 16, rowGap: 8 }}>
          <Form.Item label={t('users.unit')} name="unitId" rules={[{ required: true, message: t('users.unitRequired') }]} style={{ minWidth: 320 }}>
            <UnitPicker />
          </Form.Item>
          <Form.Item label={t('users.role')} name="role" rules={[{ required: true, message: t('users.roleRequired') }]} style={{ minWidth: 220 }}>
            <RoleSelect />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={grant.isPending}>
            {t('users.grant')}
          </Button>
        </Form>
      )}
    </>
  );
}
