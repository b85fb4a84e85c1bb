import { Link } from '@tanstack/react-router';
import Checkbox from 'antd/es/checkbox';
import Table from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../ui/error-alert';
import { useFormat } from '../../ui/use-format';
import { type Unit, useUnitChildren } from './units.api';
import { useKindName } from './use-kind-name';

const PAGE_SIZE = 20;

/** A unit's children, a page at a time (all of them by default for a retired unit: none are in force). */
export function UnitChildrenList({ unitId, retired }: { unitId: string; retired: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const kindName = useKindName();
  const [includeRetired, setIncludeRetired] = useState(retired);
  const [page, setPage] = useState(1);
  const children = useUnitChildren(unitId, { includeRetired }, { limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });

  return (
    <>
      <Checkbox
        checked={includeRetired}
        onChange={(e) => {
          setIncludeRetired(e.target.checked);
          setPage(1);
        }}
        style={{ marginBottom: 12 }}
      >
        {t('units.showRetired')}
      </Checkbox>
      <ErrorAlert error={children.error} />
      <Table<Unit>
        rowKey="id"
        size="small"
        loading={children.isFetching}
        dataSource={children.data?.items ?? []}
        pagination={{ current: page, pageSize: PAGE_SIZE, total: children.data?.total ?? 0, onChange: setPage, showSizeChanger: false }}
        locale={{ emptyText: t('units.noChildren') }}
        columns={[
          {
            key: 'name',
            title: t('units.name'),
            render: (_, u) => (
              <Link to="/units/$unitId" params={{ unitId: u.id }} className={u.retired ? 'unit-retired' : undefined}>
                {u.name}
              </Link>
            ),
          },
          { key: 'kind', title: t('units.kind'), render: (_, u) => kindName(u.kind) },
          { key: 'code', title: t('units.code'), dataIndex: 'code' },
          { key: 'children', title: t('units.childCount'), align: 'end', render: (_, u) => format.number(u.childCount) },
          { key: 'validTo', title: t('units.validTo'), render: (_, u) => (u.validTo ? format.date(u.validTo) : '') },
        ]}
      />
    </>
  );
}
