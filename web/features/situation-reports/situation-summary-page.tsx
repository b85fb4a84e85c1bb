/**
 * The summary of a unit's subtree for a quarter (a province's quarter): units reporting each topic
 * by mood against the previous quarter, the rising topics marked (docs/situation.md §3), by child
 * unit, the proposals quoted, and the Party-format DOCX. Unit and quarter live in the URL.
 */
import { useQuery } from '@tanstack/react-query';
import { useNavigate, useSearch } from '@tanstack/react-router';
import Card from 'antd/es/card';
import Select from 'antd/es/select';
import Tag from 'antd/es/tag';
import Typography from 'antd/es/typography';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { todayInVietnam } from '../../../common/units';
import { api } from '../../app/api-client';
import { DownloadButton } from '../../ui/download-button';
import { ErrorAlert } from '../../ui/error-alert';
import { PageHeading } from '../../ui/page-heading';
import { PrintButton } from '../../ui/print-button';
import { ResponsiveTable } from '../../ui/responsive-table';
import { useFormat } from '../../ui/use-format';
import { useMe } from '../auth/auth.api';
import { UnitPicker } from '../units/unit-picker';
import { unitKeys, type UnitDetail } from '../units/units.api';
import { MoodTag } from './mood-tag';
import { catalogueName, type SituationSummary, useSituationCatalogue, useSituationSummary } from './situation.api';
import { lastQuarter, type SituationSummarySearch, validateSituationSummarySearch } from './situation-search';

type TopicRow = SituationSummary['topics'][number];
type ChildRow = SituationSummary['children'][number];

export function SituationSummaryPage() {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const me = useMe();
  const navigate = useNavigate();
  const search = useSearch({ strict: false }) as SituationSummarySearch;
  const fallback = lastQuarter(todayInVietnam());
  const unitId = search.unitId ?? me?.grants[0]?.unitId;
  const year = search.year ?? fallback.year;
  const quarter = search.quarter ?? fallback.quarter;
  const summary = useSituationSummary(unitId, year, quarter);
  const topics = useSituationCatalogue('topics');
  const filterUnit = useQuery({ queryKey: unitKeys.detail(unitId ?? ''), queryFn: () => api.get<UnitDetail>(`/api/units/${unitId}`), enabled: !!unitId });
  const [fileError, setFileError] = useState<unknown>(null);
  const update = (patch: SituationSummarySearch) => void navigate({ to: '/situation-summary', search: validateSituationSummarySearch({ unitId, year, quarter, ...patch }) });
  const ids = { unit: useId(), year: useId(), quarter: useId() };
  const topicName = (code: string) => catalogueName(topics.data?.items, code, i18n.language);
  const s = summary.data;
  const years = Array.from({ length: 8 }, (_, i) => fallback.year + 1 - i);
  const rising = s?.topics.filter((x) => x.rising) ?? [];
  const n = (v: number) => format.number(v);

  return (
    <>
      <PageHeading title={t('situation.summary.title')} printFilters={[filterUnit.data?.unit.name ?? '', t('situation.summary.quarter', { quarter, year })]}>
        <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap' }}>
          <PrintButton />
          {unitId && (
            <DownloadButton href={`/api/situation/summary/document?unitId=${unitId}&year=${year}&quarter=${quarter}`} fileName={`tinh-hinh-nhan-dan-${year}-q${quarter}.docx`} onError={setFileError} data-testid="situation-summary-docx">
              {t('situation.summary.docx')}
            </DownloadButton>
          )}
        </div>
      </PageHeading>
      <Card size="small" style={{ marginBottom: 16 }} className="screen-only">
        <div style={{ display: 'flex', gap: 12, flexWrap: 'wrap', alignItems: 'flex-end' }}>
          <div style={{ flex: '1 1 280px', maxWidth: 460 }}>
            <label htmlFor={ids.unit} style={{ display: 'block', marginBottom: 4 }}>
              {t('situation.fields.unit')}
            </label>
            <UnitPicker id={ids.unit} value={unitId} allowClear={false} initialLabel={filterUnit.data?.unit.name} onChange={(id) => update({ unitId: id ?? undefined })} />
          </div>
          <div style={{ flex: '0 1 120px' }}>
            <label htmlFor={ids.year} style={{ display: 'block', marginBottom: 4 }}>
              {t('situation.summary.year')}
            </label>
            <Select id={ids.year} style={{ width: '100%' }} value={year} onChange={(y: number) => update({ year: y })} options={years.map((y) => ({ value: y, label: String(y) }))} data-testid="situation-summary-year" />
          </div>
          <div style={{ flex: '0 1 120px' }}>
            <label htmlFor={ids.quarter} style={{ display: 'block', marginBottom: 4 }}>
              {t('situation.summary.quarterLabel')}
            </label>
            <Select id={ids.quarter} style={{ width: '100%' }} value={quarter} onChange={(q: number) => update({ quarter: q })} options={[1, 2, 3, 4].map((q) => ({ value: q, label: String(q) }))} data-testid="situation-summary-quarter" />
          </div>
        </div>
      </Card>
      <ErrorAlert error={summary.error ?? fileError} />
      {s && (
        <>
          <Typography.Paragraph data-testid="situation-summary-received">
            {t('situation.summary.received', { reports: n(s.reportsReceived), units: n(s.unitsReporting) })}{' '}
            <MoodTag mood="stable" /> {n(s.moods.stable)} <MoodTag mood="concerned" /> {n(s.moods.concerned)} <MoodTag mood="tense" /> {n(s.moods.tense)}
          </Typography.Paragraph>
          <Typography.Paragraph data-testid="situation-summary-rising">
            {rising.length ? (
              <>
                {t('situation.summary.risingIntro', { quarter: s.previous.quarter, year: s.previous.year })}{' '}
                {rising.map((x) => (
                  <Tag key={x.topic} color="red">
                    {topicName(x.topic)}
                  </Tag>
                ))}
              </>
            ) : (
              t('situation.summary.noRising')
            )}
          </Typography.Paragraph>
          <Typography.Title level={2} style={{ fontSize: 17 }}>
            {t('situation.summary.byTopic')}
          </Typography.Title>
          <ResponsiveTable<TopicRow>
            rowKey="topic"
            size="small"
            cardTitleKey="topic"
            data-testid="situation-summary-topics"
            dataSource={s.topics}
            pagination={false}
            scroll={{ x: 760 }}
            columns={[
              {
                key: 'topic',
                title: t('situation.fields.topic'),
                render: (_, r) => (
                  <span data-testid={`summary-topic-${r.topic}`}>
                    <bdi>{topicName(r.topic)}</bdi>{' '}
                    {r.rising && (
                      <Tag color="red" data-testid="summary-rising">
                        {t('situation.summary.rising')}
                      </Tag>
                    )}
                  </span>
                ),
              },
              { key: 'stable', title: t('situation.moods.stable'), width: 110, align: 'end', render: (_, r) => n(r.current.stable) },
              { key: 'concerned', title: t('situation.moods.concerned'), width: 140, align: 'end', render: (_, r) => n(r.current.concerned) },
              { key: 'tense', title: t('situation.moods.tense'), width: 140, align: 'end', render: (_, r) => n(r.current.tense) },
              { key: 'troubled', title: t('situation.summary.troubled'), width: 150, align: 'end', render: (_, r) => <span data-testid={`summary-troubled-${r.topic}`}>{n(r.current.troubled)}</span> },
              { key: 'previous', title: t('situation.summary.previousTroubled'), width: 150, align: 'end', render: (_, r) => n(r.previous.troubled) },
            ]}
          />
          <Typography.Title level={2} style={{ fontSize: 17, marginTop: 24 }}>
            {t('situation.summary.byChild')}
          </Typography.Title>
          <ResponsiveTable<ChildRow>
            rowKey={(r) => r.unit.id}
            size="small"
            cardTitleKey="unit"
            data-testid="situation-summary-children"
            dataSource={s.children}
            pagination={false}
            locale={{ emptyText: t('situation.summary.noReports') }}
            scroll={{ x: 760 }}
            columns={[
              { key: 'unit', title: t('situation.fields.unit'), render: (_, r) => <bdi>{r.unit.name}</bdi> },
              { key: 'stable', title: t('situation.moods.stable'), width: 110, align: 'end', render: (_, r) => n(r.moods.stable) },
              { key: 'concerned', title: t('situation.moods.concerned'), width: 140, align: 'end', render: (_, r) => n(r.moods.concerned) },
              { key: 'tense', title: t('situation.moods.tense'), width: 140, align: 'end', render: (_, r) => n(r.moods.tense) },
              { key: 'topics', title: t('situation.summary.troubledTopics'), render: (_, r) => r.troubledTopics.map(topicName).join(', ') },
            ]}
          />
          <Typography.Title level={2} style={{ fontSize: 17, marginTop: 24 }}>
            {t('situation.summary.proposals')}
          </Typography.Title>
          {s.proposals.length ? (
            <ul data-testid="situation-summary-proposals">
              {s.proposals.map((p, i) => (
                <li key={i}>
                  <bdi>{p.unit.name}</bdi> ({topicName(p.topic)}, <MoodTag mood={p.mood} />): <bdi>{p.text}</bdi>
                </li>
              ))}
            </ul>
          ) : (
            <Typography.Paragraph type="secondary">{t('situation.summary.noProposals')}</Typography.Paragraph>
          )}
        </>
      )}
    </>
  );
}
