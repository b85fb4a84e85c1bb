import { Link } from '@tanstack/react-router';
import type { TableProps } from 'antd/es/table';
import Tag from 'antd/es/tag';
import { useTranslation } from 'react-i18next';
import { ResponsiveTable } from '../../ui/responsive-table';
import { useFormat } from '../../ui/use-format';
import { SEVERITY_COLORS, STATUS_COLORS, useHotspotWords } from './hotspot-words';
import type { Hotspot } from './hotspots.api';

type Props = { items: Hotspot[]; loading?: boolean; pagination?: TableProps<Hotspot>['pagination'] };

/** Cases, most severe and newest first as the server sends them; cards under 576 px. */
export function HotspotTable({ items, loading, pagination = false }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const words = useHotspotWords();
  return (
    <ResponsiveTable<Hotspot>
      rowKey="id"
      size="small"
      cardTitleKey="title"
      data-testid="hotspots-table"
      loading={loading}
      dataSource={items}
      pagination={pagination}
      locale={{ emptyText: t('hotspots.empty') }}
      scroll={{ x: 960 }}
      columns={[
        { key: 'occurredAt', title: t('hotspots.fields.occurredAt'), width: 140, render: (_, h) => format.dateTime(h.occurredAt) },
        {
          key: 'title',
          title: t('hotspots.fields.title'),
          render: (_, h) => (
            <>
              <Link to="/hotspots/$hotspotId" params={{ hotspotId: h.id }} data-testid="hotspot-link">
                <bdi>{h.title}</bdi>
              </Link>
              {h.confidential && (
                <Tag color="purple" style={{ marginInlineStart: 8 }}>
                  {t('hotspots.confidential')}
                </Tag>
              )}
              <div style={{ fontSize: 12, color: 'rgba(0,0,0,0.55)' }}>
                <bdi>{words.kindName(h.kind)}</bdi> · <bdi>{h.place}</bdi>
              </div>
            </>
          ),
        },
        { key: 'unit', title: t('hotspots.fields.unit'), width: 200, render: (_, h) => <bdi>{h.unit.name}</bdi> },
        { key: 'severity', title: t('hotspots.fields.severity'), width: 130, render: (_, h) => <Tag color={SEVERITY_COLORS[h.severity]}>{words.severity[h.severity]}</Tag> },
        {
          key: 'status',
          title: t('hotspots.fields.status'),
          width: 190,
          render: (_, h) => (
            <>
              <Tag color={STATUS_COLORS[h.status]} data-testid="hotspot-status">
                {words.status[h.status]}
              </Tag>
              {h.overdue && <Tag color="red">{t('hotspots.overdue')}</Tag>}
              {!h.acknowledgedAt && !h.overdue && h.status !== 'closed' && <Tag color="gold">{t('hotspots.unacknowledged')}</Tag>}
              {h.escalatedTo && <Tag color="magenta">{t('hotspots.escalated')}</Tag>}
              {h.worsened && <Tag color="volcano">{t('hotspots.worsened')}</Tag>}
            </>
          ),
        },
      ]}
    />
  );
}
