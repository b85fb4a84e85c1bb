import Button from 'antd/es/button';
import Card from 'antd/es/card';
import Table from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../ui/use-format';
import { useHotspotTree } from './hotspots.api';

type Props = { unitId: string | undefined; onOpen: (unitId: string) => void };

/**
 * Open cases per child unit of the list's unit, by severity: the drill-down that stands in for a
 * map (no map tiles or boundary files reach this network: docs/situation.md §7). A row opens the
 * list of that unit, and its own children in turn.
 */
export function HotspotTree({ unitId, onOpen }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const tree = useHotspotTree(unitId);
  const d = tree.data;
  type Row = { key: string; name: string; total: number; s1: number; s2: number; s3: number; unitId?: string };
  const rows: Row[] = d
    ? [
        ...d.children.map((c) => ({ key: c.unit.id, unitId: c.unit.id, name: c.unit.name, total: c.total, s1: c.s1, s2: c.s2, s3: c.s3 })),
        ...(d.own.total ? [{ key: 'own', name: t('hotspots.tree.own'), ...d.own }] : []),
      ]
    : [];
  return (
    <Card size="small" title={t('hotspots.tree.title')} style={{ marginBottom: 16 }} data-testid="hotspots-tree">
      <Table<Row>
        size="small"
        rowKey="key"
        loading={tree.isFetching}
        dataSource={rows}
        pagination={false}
        scroll={{ x: 480 }}
        locale={{ emptyText: t('hotspots.tree.empty') }}
        columns={[
          {
            key: 'name',
            title: t('hotspots.fields.unit'),
            render: (_, r) =>
              r.unitId ? (
                <Button type="link" style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'start' }} onClick={() => onOpen(r.unitId!)} data-testid="hotspots-tree-unit">
                  <bdi>{r.name}</bdi>
                </Button>
              ) : (
                r.name
              ),
          },
          { key: 'total', title: t('hotspots.tree.open'), width: 90, align: 'end', render: (_, r) => format.number(r.total) },
          { key: 's3', title: t('hotspots.severity.serious'), width: 110, align: 'end', render: (_, r) => format.number(r.s3) },
          { key: 's2', title: t('hotspots.severity.medium'), width: 110, align: 'end', render: (_, r) => format.number(r.s2) },
          { key: 's1', title: t('hotspots.severity.low'), width: 90, align: 'end', render: (_, r) => format.number(r.s1) },
        ]}
      />
    </Card>
  );
}
