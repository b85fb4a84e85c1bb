import Tag from 'antd/es/tag';
import Timeline from 'antd/es/timeline';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../ui/use-format';
import { useHotspotWords } from './hotspot-words';
import type { HotspotDetail } from './hotspots.api';

/** The case's timeline (diễn biến), oldest first: each update with its status or severity change and reason. */
export function HotspotTimeline({ updates }: { updates: HotspotDetail['updates'] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const words = useHotspotWords();
  const kindLabel = {
    flash_report: t('hotspots.timeline.flashReport'),
    update: t('hotspots.timeline.update'),
    acknowledgement: t('hotspots.timeline.acknowledgement'),
    escalation: t('hotspots.timeline.escalation'),
  };
  return (
    <Timeline
      data-testid="hotspot-timeline"
      items={updates.map((u) => ({
        key: u.id,
        color: u.kind === 'escalation' ? 'red' : u.kind === 'acknowledgement' ? 'green' : 'blue',
        children: (
          <div data-testid="hotspot-update">
            <div style={{ fontSize: 12, color: 'rgba(0,0,0,0.55)' }}>
              {format.dateTime(u.at)} · {kindLabel[u.kind]}
              {u.by && (
                <>
                  {' · '}
                  <bdi>{u.by}</bdi>
                </>
              )}
            </div>
            {u.statusTo && u.statusFrom && (
              <Tag style={{ marginTop: 4 }}>
                {words.status[u.statusFrom]} → {words.status[u.statusTo]}
              </Tag>
            )}
            {u.severityTo && u.severityFrom && (
              <Tag style={{ marginTop: 4 }}>
                {words.severity[u.severityFrom]} → {words.severity[u.severityTo]}
              </Tag>
            )}
            {u.escalatedTo && (
              <div>
                {t('hotspots.timeline.escalatedTo')} <bdi>{u.escalatedTo.name}</bdi>
              </div>
            )}
            {u.text && (
              <div dir="auto" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                {u.text}
              </div>
            )}
            {u.reason && (
              <div data-testid="hotspot-update-reason">
                <strong>{t('hotspots.fields.reason')}:</strong> <bdi>{u.reason}</bdi>
              </div>
            )}
          </div>
        ),
      }))}
    />
  );
}
