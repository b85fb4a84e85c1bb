import { Link, useParams } from '@tanstack/react-router';
import Button from 'antd/es/button';
import Card from 'antd/es/card';
import Col from 'antd/es/col';
import { DateField } from '../../ui/date-field';
import Descriptions from 'antd/es/descriptions';
import Form from 'antd/es/form';
import Input from 'antd/es/input';
import Popconfirm from 'antd/es/popconfirm';
import Row from 'antd/es/row';
import Select from 'antd/es/select';
import Space from 'antd/es/space';
import Tag from 'antd/es/tag';
import Timeline from 'antd/es/timeline';
import Typography from 'antd/es/typography';
import Alert from 'antd/es/alert';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ButtonLink } from '../../ui/button-link';
import { EmptyValue } from '../../ui/empty-value';
import { ErrorAlert } from '../../ui/error-alert';
import { PageSpinner } from '../../ui/page-spinner';
import { PrintButton } from '../../ui/print-button';
import { useDebouncedValue } from '../../ui/use-debounced-value';
import { useFormat } from '../../ui/use-format';
import { type EntryDetail, useAddProgress, useAddReplicate, useEntries, useEntry, useRemoveReplicate } from './entries.api';
import { EntryActions } from './entry-actions';
import { EntryEvidence } from './entry-evidence';
import { STATUS_COLORS, useEntryVocabulary } from './use-entry-vocabulary';
import { useMoney } from './use-money';

/** Implementing units (each a link to its page) and people, in the order registered. */
function Implementers({ implementers }: { implementers: EntryDetail['implementers'] }) {
  return (
    <span data-testid="entry-implementers">
      {implementers.map((i, index) => (
        <span key={'unitId' in i ? `u${i.unitId}` : `p${index}`}>
          {index > 0 && '; '}
          {'unitId' in i ? (
            <Link to="/units/$unitId" params={{ unitId: i.unitId }}>
              {i.unitName ?? i.unitId}
            </Link>
          ) : (
            i.personName
          )}
        </span>
      ))}
    </span>
  );
}

export function EntryDetailPage() {
  const { entryId } = useParams({ strict: false }) as { entryId: string };
  const entry = useEntry(entryId);
  if (entry.isPending) return <PageSpinner />;
  if (entry.isError) return <ErrorAlert error={entry.error} />;
  return <EntryView entry={entry.data} reload={() => void entry.refetch()} />;
}

function EntryView({ entry, reload }: { entry: EntryDetail; reload: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const money = useMoney();
  const vocabulary = useEntryVocabulary();
  const [conflict, setConflict] = useState(false);
  const canEdit = entry.allowedActions.includes('edit');
  const text = (value: string | null) => (value ? <span style={{ whiteSpace: 'pre-wrap' }}>{value}</span> : <EmptyValue />);
  const num = (value: number | null) => (value === null ? <EmptyValue /> : format.number(value));

  return (
    <Card>
      <Typography.Paragraph className="screen-only">
        <Link to="/entries">{t('entries.backToList')}</Link>
      </Typography.Paragraph>
      {conflict && (
        <Alert
          type="warning"
          showIcon
          role="alert"
          title={t('entries.conflictTitle')}
          description={t('entries.conflictHelp')}
          action={
            <Button
              onClick={() => {
                setConflict(false);
                reload();
              }}
            >
              {t('common.reload')}
            </Button>
          }
          style={{ marginBottom: 16 }}
        />
      )}
      <div style={{ display: 'flex', justifyContent: 'space-between', gap: 16, flexWrap: 'wrap', alignItems: 'flex-start' }}>
        <Space orientation="vertical" size={4}>
          <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }} data-testid="entry-title">
            {entry.title}
          </Typography.Title>
          <Space wrap>
            <Tag color={STATUS_COLORS[entry.status]} data-testid="entry-status" data-status={entry.status}>
              {vocabulary.status(entry.status)}
            </Tag>
            {entry.recognisedTypical && <Tag color="gold">{t('entries.typical')}</Tag>}
            <Typography.Text type="secondary">{entry.registeringUnit.name}</Typography.Text>
          </Space>
        </Space>
        <Space wrap className="screen-only">
          <PrintButton />
          {canEdit && (
            <ButtonLink to="/entries/$entryId/edit" params={{ entryId: entry.id }} data-testid="entry-edit">
              {t('entries.edit')}
            </ButtonLink>
          )}
          <EntryActions entry={entry} onConflict={() => setConflict(true)} />
        </Space>
      </div>
      <Row gutter={[24, 24]} style={{ marginTop: 16 }} className="print-stack">
        <Col xs={24} xl={15}>
          <Descriptions
            column={1}
            size="small"
            bordered
            items={[
              { key: 'kind', label: t('entries.fields.kind'), children: vocabulary.kind(entry.kind) },
              { key: 'form', label: t('entries.fields.form'), children: vocabulary.form(entry.form) },
              { key: 'level', label: t('entries.fields.level'), children: vocabulary.level(entry.level) },
              { key: 'field', label: t('entries.fields.fieldCode'), children: vocabulary.field(entry.fieldCode) },
              { key: 'year', label: t('entries.fields.year'), children: entry.year },
              { key: 'period', label: t('entries.fields.periodId'), children: entry.periodId ? vocabulary.period(entry.periodId) : <EmptyValue /> },
              { key: 'dates', label: t('entries.dates'), children: entry.startDate || entry.endDate ? format.dateRange(entry.startDate, entry.endDate) : <EmptyValue /> },
              { key: 'description', label: t('entries.fields.description'), children: text(entry.description) },
              { key: 'goals', label: t('entries.fields.goals'), children: text(entry.goals) },
              { key: 'results', label: t('entries.fields.results'), children: text(entry.results) },
              { key: 'participantsCount', label: t('entries.fields.participantsCount'), children: num(entry.participantsCount) },
              { key: 'participants', label: t('entries.fields.participants'), children: text(entry.participants) },
              { key: 'money', label: t('entries.fields.moneyVnd'), children: entry.moneyVnd ? money(entry.moneyVnd) : <EmptyValue /> },
              { key: 'workingDays', label: t('entries.fields.workingDays'), children: num(entry.workingDays) },
              { key: 'land', label: t('entries.fields.landM2'), children: entry.landM2 ? format.number(Number(entry.landM2)) : <EmptyValue /> },
              { key: 'resourcesOther', label: t('entries.fields.resourcesOther'), children: text(entry.resourcesOther) },
              {
                key: 'implementers',
                label: t('entries.fields.implementers'),
                children: entry.implementers.length ? <Implementers implementers={entry.implementers} /> : <EmptyValue />,
              },
              ...(entry.evaluationEffective === null
                ? []
                : [
                    {
                      key: 'evaluation',
                      label: t('entries.evaluation'),
                      children: (
                        <span data-testid="entry-evaluation">
                          {entry.evaluationEffective ? t('entries.effectiveYes') : t('entries.effectiveNo')}
                          {entry.evaluationScore !== null ? ` — ${t('entries.scoreValue', { score: format.number(Number(entry.evaluationScore)) })}` : ''}
                        </span>
                      ),
                    },
                  ]),
            ]}
          />
          <Typography.Title level={2} style={{ fontSize: 17, marginTop: 24 }}>
            {t('entries.evidence')}
          </Typography.Title>
          <EntryEvidence entry={entry} canEdit={canEdit} />
          <Typography.Title level={2} style={{ fontSize: 17, marginTop: 24 }}>
            {t('entries.replication')}
          </Typography.Title>
          <EntryReplication entry={entry} canEdit={canEdit} />
        </Col>
        <Col xs={24} xl={9}>
          <Typography.Title level={2} style={{ fontSize: 17 }}>
            {t('entries.history')}
          </Typography.Title>
          <Timeline
            data-testid="entry-timeline"
            items={entry.transitions.map((tr) => ({
              key: tr.id,
              color: STATUS_COLORS[tr.toStatus] === 'default' ? 'gray' : STATUS_COLORS[tr.toStatus],
              title: format.dateTime(tr.at),
              content: (
                <div data-testid="timeline-item" data-status={tr.toStatus}>
                  <strong>{vocabulary.action(tr.action)}</strong> → {vocabulary.status(tr.toStatus)}
                  <div>{t('entries.by', { name: tr.actorName ?? t('common.unknown') })}</div>
                  {tr.reason && <div style={{ whiteSpace: 'pre-wrap' }}>{t('entries.because', { reason: tr.reason })}</div>}
                  {tr.importedFrom && <div data-testid="timeline-imported">{t('entries.importedFrom', { file: tr.importedFrom })}</div>}
                </div>
              ),
            }))}
          />
          <Typography.Title level={2} style={{ fontSize: 17, marginTop: 24 }}>
            {t('entries.progress')}
          </Typography.Title>
          {entry.progress.length === 0 && <p>{t('entries.noProgress')}</p>}
          <Timeline
            items={entry.progress.map((p) => ({
              key: p.id,
              title: format.date(p.onDate),
              content: <span style={{ whiteSpace: 'pre-wrap' }}>{p.note}</span>,
            }))}
          />
          {canEdit && (entry.status === 'accepted' || entry.status === 'implementing') ? <ProgressForm entryId={entry.id} /> : null}
        </Col>
      </Row>
    </Card>
  );
}

function ProgressForm({ entryId }: { entryId: string }) {
  const { t } = useTranslation();
  const add = useAddProgress();
  const [form] = Form.useForm<{ onDate: Dayjs; note: string }>();
  return (
    <Form
      form={form}
      layout="vertical"
      className="screen-only"
      name="entry-progress"
      onFinish={(v) => add.mutate({ id: entryId, onDate: v.onDate.format('YYYY-MM-DD'), note: v.note.trim() }, { onSuccess: () => form.resetFields() })}
    >
      <ErrorAlert error={add.error} />
      <Form.Item label={t('entries.progressDate')} name="onDate" rules={[{ required: true, message: t('entries.progressDateRequired') }]}>
        <DateField />
      </Form.Item>
      <Form.Item label={t('entries.progressNote')} name="note" rules={[{ required: true, whitespace: true, message: t('entries.progressNoteRequired') }]}>
        <Input.TextArea rows={2} maxLength={5000} />
      </Form.Item>
      <Button htmlType="submit" loading={add.isPending}>
        {t('entries.progressAdd')}
      </Button>
    </Form>
  );
}

function EntryReplication({ entry, canEdit }: { entry: EntryDetail; canEdit: boolean }) {
  const { t } = useTranslation();
  const add = useAddReplicate();
  const remove = useRemoveReplicate();
  const [text, setText] = useState('');
  const [source, setSource] = useState<string | undefined>();
  const q = useDebouncedValue(text.trim(), 300);
  // Only recognised entries can be replicated.
  const candidates = useEntries({ q: q.length >= 2 ? q : undefined, status: 'recognised' });
  const options = (q.length >= 2 ? (candidates.data?.items ?? []) : [])
    .filter((e) => e.id !== entry.id && !entry.replicates.some((r) => r.id === e.id))
    .map((e) => ({ value: e.id, label: `${e.title} — ${e.registeringUnit.name}` }));

  return (
    <div data-testid="entry-replication">
      <ErrorAlert error={add.error ?? remove.error} />
      <Typography.Text strong>{t('entries.replicates')}</Typography.Text>
      {entry.replicates.length === 0 ? (
        <p>{t('common.none')}</p>
      ) : (
        <ul>
          {entry.replicates.map((r) => (
            <li key={r.id}>
              <Link to="/entries/$entryId" params={{ entryId: r.id }}>
                {r.title}
              </Link>{' '}
              — {r.unitName}{' '}
              {canEdit && (
                <Popconfirm title={t('entries.replicateRemoveConfirm')} okText={t('common.confirm')} cancelText={t('common.cancel')} onConfirm={() => remove.mutate({ id: entry.id, sourceEntryId: r.id })}>
                  <Button type="link" size="small" danger>
                    {t('entries.remove')}
                  </Button>
                </Popconfirm>
              )}
            </li>
          ))}
        </ul>
      )}
      {canEdit && (
        <Space.Compact style={{ width: '100%', maxWidth: 560, marginBottom: 12 }}>
          <Select<string>
            aria-label={t('entries.replicateAdd')}
            showSearch={{ filterOption: false, onSearch: setText }}
            value={source}
            onChange={setSource}
            placeholder={t('entries.replicatePlaceholder')}
            options={options}
            notFoundContent={q.length < 2 ? t('entries.searchTooShort') : t('common.noResults')}
            style={{ flex: 1 }}
          />
          <Button disabled={!source} loading={add.isPending} onClick={() => source && add.mutate({ id: entry.id, sourceEntryId: source }, { onSuccess: () => setSource(undefined) })}>
            {t('entries.replicateAdd')}
          </Button>
        </Space.Compact>
      )}
      <div>
        <Typography.Text strong>{t('entries.replicatedBy')}</Typography.Text>
        {entry.replicatedBy.length === 0 ? (
          <p>{t('common.none')}</p>
        ) : (
          <ul>
            {entry.replicatedBy.map((r) => (
              <li key={r.id}>
                <Link to="/entries/$entryId" params={{ entryId: r.id }}>
                  {r.title}
                </Link>{' '}
                — {r.unitName}
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}
