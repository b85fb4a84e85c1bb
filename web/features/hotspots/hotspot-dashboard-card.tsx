import { Link } from '@tanstack/react-router';
import Table from 'antd/es/table';
import Typography from 'antd/es/typography';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../ui/use-format';
import type { HotspotTree } from './hotspots.api';

/**
 * The dashboard's card "Điểm nóng, vụ việc phức tạp": the open cases of the report's unit by child
 * unit, each row opening the hotspots list of that unit (the list counts the same cases).
 */
export function HotspotDashboardCard({ tree }: { tree: HotspotTree }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <div data-testid="dashboard-hotspots">
      <Typography.Paragraph>
        <Link to="/hotspots" search={{ unitId: tree.unit.id }}>
          {t('hotspots.dashboard.open', { count: format.number(tree.total.total) })}
        </Link>
        {' · '}
        {t('hotspots.dashboard.serious', { count: format.number(tree.total.s3) })}
      </Typography.Paragraph>
      <Table
        size="small"
        rowKey={(r) => r.unit.id}
        pagination={false}
        scroll={{ x: 420 }}
        dataSource={tree.children}
        columns={[
          {
            key: 'unit',
            title: t('hotspots.fields.unit'),
            render: (_, r) => (
              <Link to="/hotspots" search={{ unitId: r.unit.id }}>
                <bdi>{r.unit.name}</bdi>
              </Link>
            ),
          },
          { key: 'open', title: t('hotspots.tree.open'), width: 100, align: 'end', render: (_, r) => format.number(r.total) },
          { key: 's3', title: t('hotspots.severity.serious'), width: 120, align: 'end', render: (_, r) => format.number(r.s3) },
        ]}
      />
    </div>
  );
}
