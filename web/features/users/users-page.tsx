import { Link } from '@tanstack/react-router';
import Card from 'antd/es/card';
import Checkbox from 'antd/es/checkbox';
import Input from 'antd/es/input';
import Table from 'antd/es/table';
import Tag from 'antd/es/tag';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ButtonLink } from '../../ui/button-link';
import { ErrorAlert } from '../../ui/error-alert';
import { ForbiddenResult } from '../../ui/forbidden-result';
import { useDebouncedValue } from '../../ui/use-debounced-value';
import { useFormat } from '../../ui/use-format';
import { useCan } from '../auth/use-can';
import { UnitPicker } from '../units/unit-picker';
import { GrantTags } from './grant-tags';
import { type UserView, useUsers } from './users.api';
import { PageHeading } from '../../ui/page-heading';

const PAGE_SIZE = 20;

export function UsersPage() {
  const canRead = useCan('users.read');
  return canRead ? <UsersList /> : <ForbiddenResult />;
}

function UsersList() {
  const { t } = useTranslation();
  const format = useFormat();
  const canManage = useCan('users.manage');
  const searchId = useId();
  const unitId = useId();
  const [text, setText] = useState('');
  const [unit, setUnit] = useState<string | undefined>();
  const [includeDisabled, setIncludeDisabled] = useState(false);
  const [page, setPage] = useState(1);
  const q = useDebouncedValue(text.trim(), 300);
  const users = useUsers({ q: q || undefined, unitId: unit, includeDisabled, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });

  return (
    <>
      <PageHeading title={t('users.title')}>
        {canManage && (
          <ButtonLink primary to="/users/new">
            {t('users.create')}
          </ButtonLink>
        )}
      </PageHeading>
      <Card style={{ marginBottom: 16 }}>
        <div style={{ display: 'flex', gap: 16, flexWrap: 'wrap', alignItems: 'flex-end' }}>
          <div style={{ flex: '1 1 240px' }}>
            <label htmlFor={searchId} style={{ display: 'block', marginBottom: 4 }}>
              {t('users.searchLabel')}
            </label>
            <Input
              id={searchId}
              value={text}
              allowClear
              maxLength={100}
              placeholder={t('users.searchPlaceholder')}
              onChange={(e) => {
                setText(e.target.value);
                setPage(1);
              }}
            />
          </div>
          <div style={{ flex: '1 1 280px' }}>
            <label htmlFor={unitId} style={{ display: 'block', marginBottom: 4 }}>
              {t('users.unitFilter')}
            </label>
            <UnitPicker
              id={unitId}
              value={unit}
              onChange={(next) => {
                setUnit(next);
                setPage(1);
              }}
            />
          </div>
          <Checkbox
            checked={includeDisabled}
            onChange={(e) => {
              setIncludeDisabled(e.target.checked);
              setPage(1);
            }}
          >
            {t('users.includeDisabled')}
          </Checkbox>
        </div>
      </Card>
      <ErrorAlert error={users.error} />
      <Table<UserView>
        rowKey="id"
        loading={users.isFetching}
        dataSource={users.data?.items ?? []}
        pagination={{ current: page, pageSize: PAGE_SIZE, total: users.data?.total ?? 0, onChange: setPage, showSizeChanger: false }}
        locale={{ emptyText: t('common.noResults') }}
        scroll={{ x: true }}
        columns={[
          {
            key: 'username',
            title: t('users.username'),
            render: (_, u) => (
              <Link to="/users/$userId" params={{ userId: u.id }}>
                {u.username}
              </Link>
            ),
          },
          { key: 'displayName', title: t('users.displayName'), dataIndex: 'displayName' },
          { key: 'email', title: t('users.email'), render: (_, u) => u.email ?? '' },
          { key: 'grants', title: t('users.roles'), render: (_, u) => <GrantTags grants={u.grants} /> },
          {
            key: 'status',
            title: t('users.status'),
            render: (_, u) => (u.disabled ? <Tag color="red">{t('users.disabled')}</Tag> : <Tag color="green">{t('users.active')}</Tag>),
          },
          { key: 'createdAt', title: t('users.createdAt'), render: (_, u) => format.date(u.createdAt) },
        ]}
      />
    </>
  );
}
