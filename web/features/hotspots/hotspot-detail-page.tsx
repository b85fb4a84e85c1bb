/**
 * One case: where, what kind, how serious, its status and flash-report state (due, acknowledged,
 * escalated), the responsible units, the links to petitions and entries, and its timeline. Writers
 * add updates; the level above acknowledges; either escalates. `can` from the server says who may.
 */
import { Link, useParams } from '@tanstack/react-router';
import Button from 'antd/es/button';
import Card from 'antd/es/card';
import Descriptions from 'antd/es/descriptions';
import Space from 'antd/es/space';
import Tag from 'antd/es/tag';
import Typography from 'antd/es/typography';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../ui/error-alert';
import { PageSpinner } from '../../ui/page-spinner';
import { PrintButton } from '../../ui/print-button';
import { useFormat } from '../../ui/use-format';
import { HotspotEditModal } from './hotspot-edit-modal';
import { HotspotEscalateModal } from './hotspot-escalate-modal';
import { HotspotTimeline } from './hotspot-timeline';
import { HotspotUpdateForm } from './hotspot-update-form';
import { SEVERITY_COLORS, STATUS_COLORS, useHotspotWords } from './hotspot-words';
import { type HotspotDetail, useAcknowledgeHotspot, useHotspot } from './hotspots.api';

export function HotspotDetailPage() {
  const { hotspotId } = useParams({ strict: false }) as { hotspotId: string };
  const hotspot = useHotspot(hotspotId);
  if (hotspot.isPending) return <PageSpinner />;
  if (hotspot.isError) return <ErrorAlert error={hotspot.error} />;
  return <HotspotView h={hotspot.data} onReload={() => void hotspot.refetch()} />;
}

function HotspotView({ h, onReload }: { h: HotspotDetail; onReload: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const words = useHotspotWords();
  const acknowledge = useAcknowledgeHotspot(h.id);
  const [escalating, setEscalating] = useState(false);
  const [editing, setEditing] = useState(false);
  const flashState = h.acknowledgedAt
    ? t('hotspots.acknowledgedAt', { date: format.dateTime(h.acknowledgedAt) })
    : h.status === 'closed'
      ? '—'
      : t('hotspots.dueAt', { date: format.dateTime(h.ackDueAt) });

  return (
    <Card>
      <Typography.Paragraph className="screen-only">
        <Link to="/hotspots">{t('hotspots.backToList')}</Link>
      </Typography.Paragraph>
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'baseline', gap: 16, flexWrap: 'wrap', marginBottom: 16 }}>
        <div style={{ minWidth: 0 }}>
          <Typography.Text type="secondary">
            <bdi>{words.kindName(h.kind)}</bdi>
          </Typography.Text>
          <Typography.Title level={1} style={{ fontSize: 22, marginTop: 4, marginBottom: 4, overflowWrap: 'anywhere' }} data-testid="hotspot-title">
            <bdi>{h.title}</bdi>
          </Typography.Title>
          <Space wrap size={4}>
            <Tag color={STATUS_COLORS[h.status]} data-testid="hotspot-status">
              {words.status[h.status]}
            </Tag>
            <Tag color={SEVERITY_COLORS[h.severity]}>{words.severity[h.severity]}</Tag>
            {h.confidential && (
              <Tag color="purple" data-testid="hotspot-confidential">
                {t('hotspots.confidential')}
              </Tag>
            )}
            {h.overdue && <Tag color="red">{t('hotspots.overdue')}</Tag>}
            {h.escalatedTo && <Tag color="magenta">{t('hotspots.escalated')}</Tag>}
            {h.worsened && <Tag color="volcano">{t('hotspots.worsened')}</Tag>}
          </Space>
        </div>
        <Space wrap className="screen-only">
          <PrintButton />
          {h.can.edit && (
            <Button onClick={() => setEditing(true)} data-testid="hotspot-edit">
              {t('hotspots.edit')}
            </Button>
          )}
          {h.can.acknowledge && (
            <Button type="primary" loading={acknowledge.isPending} onClick={() => acknowledge.mutate({ version: h.version })} data-testid="hotspot-acknowledge">
              {t('hotspots.acknowledge')}
            </Button>
          )}
          {h.can.escalate && (
            <Button danger onClick={() => setEscalating(true)} data-testid="hotspot-escalate">
              {t('hotspots.escalate')}
            </Button>
          )}
        </Space>
      </div>
      <ErrorAlert error={acknowledge.error} />
      <Descriptions
        column={1}
        size="small"
        bordered
        styles={{ label: { width: '30%', minWidth: 120 } }}
        data-testid="hotspot-fields"
        items={[
          { key: 'unit', label: t('hotspots.fields.unit'), children: <bdi>{h.unit.name}</bdi> },
          { key: 'place', label: t('hotspots.fields.place'), children: <bdi>{h.place}</bdi> },
          { key: 'occurredAt', label: t('hotspots.fields.occurredAt'), children: format.dateTime(h.occurredAt) },
          { key: 'people', label: t('hotspots.fields.peopleCount'), children: h.peopleCount === null ? '—' : format.number(h.peopleCount) },
          {
            key: 'summary',
            label: t('hotspots.fields.summary'),
            children: (
              <div dir="auto" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                {h.summary}
              </div>
            ),
          },
          { key: 'flash', label: t('hotspots.fields.flashReport'), children: <span data-testid="hotspot-flash-state">{flashState}</span> },
          ...(h.escalatedTo ? [{ key: 'escalated', label: t('hotspots.escalatedTo'), children: <bdi>{h.escalatedTo.name}</bdi> }] : []),
          { key: 'responsible', label: t('hotspots.fields.responsibleUnits'), children: h.responsibleUnits.length ? h.responsibleUnits.map((u) => u.name).join('; ') : '—' },
          ...(h.confidential ? [{ key: 'readers', label: t('hotspots.fields.readerRoles'), children: (h.readerRoles ?? []).map((r) => t(`roles.${r}`)).join(', ') }] : []),
          {
            key: 'links',
            label: t('hotspots.fields.links'),
            children: h.links.length ? (
              <ul style={{ margin: 0, paddingInlineStart: 20 }} data-testid="hotspot-links">
                {h.links.map((l) => (
                  <li key={`${l.kind}-${l.id}`}>
                    {l.kind === 'petition' ? (
                      <Link to="/petitions/$petitionId" params={{ petitionId: l.id }}>
                        <bdi>{l.label}</bdi>
                      </Link>
                    ) : (
                      <Link to="/entries/$entryId" params={{ entryId: l.id }}>
                        <bdi>{l.label}</bdi>
                      </Link>
                    )}
                  </li>
                ))}
              </ul>
            ) : (
              '—'
            ),
          },
        ]}
      />
      <section style={{ marginTop: 24 }}>
        <Typography.Title level={2} style={{ fontSize: 16 }}>
          {t('hotspots.timeline.title')}
        </Typography.Title>
        <HotspotTimeline updates={h.updates} />
      </section>
      {h.can.edit && (
        <section style={{ marginTop: 8, maxWidth: 720 }} className="screen-only">
          <Typography.Title level={2} style={{ fontSize: 16 }}>
            {t('hotspots.addUpdate')}
          </Typography.Title>
          <HotspotUpdateForm key={h.version} hotspot={h} />
        </section>
      )}
      {escalating && <HotspotEscalateModal hotspot={h} onClose={() => setEscalating(false)} />}
      {editing && (
        <HotspotEditModal
          key={h.version}
          hotspot={h}
          onClose={() => setEditing(false)}
          onReload={() => {
            setEditing(false);
            onReload();
          }}
        />
      )}
    </Card>
  );
}
