/**
 * The draft of a situation report: the overall mood and the items (topic, groups concerned, mood,
 * what people say, what they propose, where it was heard), added and removed freely. Save and
 * submit carry the version the form stands on: when someone else saved meanwhile the server answers
 * CONFLICT, nothing is overwritten, and the form offers to reload. A regular report (a round's
 * situation part) is sent with its round's submission, so it has no submit button here.
 */
import AntdApp from 'antd/es/app';
import Button from 'antd/es/button';
import Card from 'antd/es/card';
import Input from 'antd/es/input';
import Popconfirm from 'antd/es/popconfirm';
import Radio from 'antd/es/radio';
import Select from 'antd/es/select';
import Space from 'antd/es/space';
import Typography from 'antd/es/typography';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MOODS, type Mood, SITUATION_LIMITS } from '../../../common/situation';
import { isApiError } from '../../app/api-client';
import { ErrorAlert } from '../../ui/error-alert';
import { ConflictAlert } from '../reporting-rounds/conflict-alert';
import { catalogueName, type SituationReport, useSituationCatalogue, useSubmitSituationReport, useUpdateSituationReport } from './situation.api';

type Item = { topic: string | undefined; groups: string[]; mood: Mood; summary: string; proposals: string; sources: string };

const itemsOf = (r: SituationReport): Item[] => r.items.map((i) => ({ topic: i.topic, groups: i.groups, mood: i.mood, summary: i.summary, proposals: i.proposals ?? '', sources: i.sources ?? '' }));
const blank = (): Item => ({ topic: undefined, groups: [], mood: 'stable', summary: '', proposals: '', sources: '' });

export function SituationEditor({ report, onReload }: { report: SituationReport; onReload: () => void }) {
  const { t, i18n } = useTranslation();
  const { message } = AntdApp.useApp();
  const topics = useSituationCatalogue('topics');
  const groups = useSituationCatalogue('groups');
  const update = useUpdateSituationReport(report.id);
  const submit = useSubmitSituationReport(report.id);
  const [items, setItems] = useState<Item[]>(() => itemsOf(report));
  const [overallMood, setOverallMood] = useState<Mood | null>(report.overallMood);
  const [version, setVersion] = useState(report.version);
  const [error, setError] = useState<unknown>(null);
  const conflict = isApiError(error, 'CONFLICT');
  const busy = update.isPending || submit.isPending;
  const overallId = useId();
  const topicOptions = (topics.data?.items ?? []).map((x) => ({ value: x.code, label: catalogueName(topics.data?.items, x.code, i18n.language) }));
  const groupOptions = (groups.data?.items ?? []).map((x) => ({ value: x.code, label: catalogueName(groups.data?.items, x.code, i18n.language) }));
  const set = (i: number, patch: Partial<Item>) => setItems((all) => all.map((x, j) => (j === i ? { ...x, ...patch } : x)));

  const save = async (): Promise<number> => {
    const body = {
      overallMood,
      items: items.map((x) => ({ topic: x.topic ?? '', groups: x.groups, mood: x.mood, summary: x.summary, proposals: x.proposals, sources: x.sources })),
      version,
    };
    const next = await update.mutateAsync(body);
    setVersion(next.version);
    return next.version;
  };

  const run = (action: () => Promise<unknown>, done: string) => {
    setError(null);
    action().then(
      () => void message.success(done),
      (e: unknown) => setError(e),
    );
  };

  return (
    <div data-testid="situation-editor">
      {conflict ? <ConflictAlert title={t('situation.form.conflict')} onReload={onReload} /> : <ErrorAlert error={error} />}
      <Typography.Paragraph type="secondary" data-testid="situation-help">
        {t('situation.form.help')}
      </Typography.Paragraph>
      <div style={{ marginBottom: 16 }}>
        <label htmlFor={overallId} style={{ display: 'block', marginBottom: 4 }}>
          {t('situation.fields.overallMood')}
        </label>
        <Radio.Group id={overallId} value={overallMood ?? undefined} onChange={(e) => setOverallMood(e.target.value as Mood)} data-testid="situation-overall-mood">
          {MOODS.map((m) => (
            <Radio.Button key={m} value={m}>
              {t(`situation.moods.${m}`)}
            </Radio.Button>
          ))}
        </Radio.Group>
      </div>
      {items.map((item, i) => (
        <Card
          key={i}
          size="small"
          style={{ marginBottom: 12 }}
          title={t('situation.form.itemTitle', { n: i + 1 })}
          extra={
            <Button size="small" danger onClick={() => setItems((all) => all.filter((_, j) => j !== i))} data-testid="situation-item-remove">
              {t('situation.form.removeItem')}
            </Button>
          }
          data-testid="situation-item-form"
        >
          <div style={{ display: 'grid', gap: 8 }}>
            <Select
              id={`situation-item-${i}-topic`}
              aria-label={t('situation.fields.topic')}
              placeholder={t('situation.fields.topic')}
              value={item.topic}
              options={topicOptions}
              onChange={(topic: string) => set(i, { topic })}
              data-testid="situation-item-topic"
              style={{ width: '100%' }}
            />
            <Select
              id={`situation-item-${i}-groups`}
              mode="multiple"
              aria-label={t('situation.fields.groups')}
              placeholder={t('situation.fields.groups')}
              value={item.groups}
              options={groupOptions}
              onChange={(g: string[]) => set(i, { groups: g })}
              data-testid="situation-item-groups"
              style={{ width: '100%' }}
            />
            <Radio.Group aria-label={t('situation.fields.mood')} value={item.mood} onChange={(e) => set(i, { mood: e.target.value as Mood })} data-testid="situation-item-mood">
              {MOODS.map((m) => (
                <Radio key={m} value={m}>
                  {t(`situation.moods.${m}`)}
                </Radio>
              ))}
            </Radio.Group>
            <Input.TextArea
              aria-label={t('situation.fields.summary')}
              placeholder={t('situation.fields.summary')}
              dir="auto"
              value={item.summary}
              maxLength={SITUATION_LIMITS.summary}
              autoSize={{ minRows: 2, maxRows: 10 }}
              onChange={(e) => set(i, { summary: e.target.value })}
              data-testid="situation-item-summary"
            />
            <Input.TextArea
              aria-label={t('situation.fields.proposals')}
              placeholder={t('situation.fields.proposals')}
              dir="auto"
              value={item.proposals}
              maxLength={SITUATION_LIMITS.proposals}
              autoSize={{ minRows: 1, maxRows: 8 }}
              onChange={(e) => set(i, { proposals: e.target.value })}
              data-testid="situation-item-proposals"
            />
            <Input
              aria-label={t('situation.fields.sources')}
              placeholder={t('situation.form.sourcesPlaceholder')}
              dir="auto"
              value={item.sources}
              maxLength={SITUATION_LIMITS.sources}
              onChange={(e) => set(i, { sources: e.target.value })}
              data-testid="situation-item-sources"
            />
          </div>
        </Card>
      ))}
      <Space wrap className="screen-only">
        <Button onClick={() => setItems((all) => [...all, blank()])} disabled={items.length >= SITUATION_LIMITS.items} data-testid="situation-item-add">
          {t('situation.form.addItem')}
        </Button>
        <Button onClick={() => run(save, t('situation.form.saved'))} loading={update.isPending} disabled={busy || conflict} data-testid="situation-save">
          {t('situation.form.save')}
        </Button>
        {report.can.submit && (
          <Popconfirm
            title={t('situation.form.submitConfirm')}
            okText={t('situation.form.submit')}
            cancelText={t('common.cancel')}
            onConfirm={() => run(async () => submit.mutateAsync(await save()), t('situation.form.submitted'))}
          >
            <Button type="primary" loading={submit.isPending} disabled={busy || conflict} data-testid="situation-submit">
              {t('situation.form.submit')}
            </Button>
          </Popconfirm>
        )}
      </Space>
    </div>
  );
}
