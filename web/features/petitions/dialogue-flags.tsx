/**
 * A dialogue conference's notice and results under the law's rule: the flags as tags, and the card
 * of the conference's page with the rule in force (its source, "to confirm" while unverified) and
 * the form to record the notice and results after the day.
 */
import Button from 'antd/es/button';
import Card from 'antd/es/card';
import Descriptions from 'antd/es/descriptions';
import Form from 'antd/es/form';
import Modal from 'antd/es/modal';
import Select from 'antd/es/select';
import Tag from 'antd/es/tag';
import Typography from 'antd/es/typography';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type DialogueFlags, RESULTS_FORMS, type ResultsForm } from '../../../common/dialogue';
import { DateField } from '../../ui/date-field';
import { ErrorAlert } from '../../ui/error-alert';
import { useFormat } from '../../ui/use-format';
import { type SessionDetail, type SessionSummary, useUpdateDialogue } from './reception.api';
import { DialogueFiles } from './dialogue-files';

const COLORS = { ok: 'green', late: 'orange', missing: 'red', pending: 'blue' } as const;

/** The notice's and the results' flags; nothing when no rule was in force on the day. */
export function DialogueFlagTags({ dialogue }: { dialogue: SessionSummary['dialogue'] }) {
  const { t } = useTranslation();
  if (!dialogue || !dialogue.flags.notice || !dialogue.flags.results) return null;
  const f: DialogueFlags = dialogue.flags;
  return (
    <span data-testid="dialogue-flags">
      <Tag color={COLORS[f.notice!]}>{t(`dialogue.flags.notice.${f.notice}`)}</Tag>
      <Tag color={COLORS[f.results!]}>{t(`dialogue.flags.results.${f.results}`)}</Tag>
    </span>
  );
}

/** The fields of the form: notice, results and how they were published. */
export function DialogueDateFields() {
  const { t } = useTranslation();
  return (
    <>
      <Form.Item label={t('dialogue.noticeOn')} name="noticeOn" extra={t('dialogue.noticeHint')}>
        <DateField />
      </Form.Item>
      <Form.Item label={t('dialogue.resultsPublishedOn')} name="resultsPublishedOn">
        <DateField />
      </Form.Item>
      <Form.Item label={t('dialogue.resultsForm')} name="resultsForm">
        <Select allowClear options={RESULTS_FORMS.map((f) => ({ value: f, label: t(`dialogue.forms.${f}`) }))} />
      </Form.Item>
    </>
  );
}

type Values = { noticeOn?: Dayjs | null; resultsPublishedOn?: Dayjs | null; resultsForm?: ResultsForm | null };
const iso = (d?: Dayjs | null) => (d ? d.format('YYYY-MM-DD') : null);

function EditDialogue({ session, onClose }: { session: SessionDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const update = useUpdateDialogue(session.id);
  const d = session.dialogue!;
  return (
    <Modal open title={t('dialogue.edit')} okText={t('reception.save')} confirmLoading={update.isPending} onCancel={onClose} onOk={() => form.submit()}>
      <ErrorAlert error={update.error} />
      <Form<Values>
        form={form}
        layout="vertical"
        name="dialogue-dates"
        initialValues={{ noticeOn: d.noticeOn ? dayjs(d.noticeOn) : null, resultsPublishedOn: d.resultsPublishedOn ? dayjs(d.resultsPublishedOn) : null, resultsForm: d.resultsForm }}
        onFinish={(v) =>
          update.mutate({ noticeOn: iso(v.noticeOn), resultsPublishedOn: iso(v.resultsPublishedOn), resultsForm: v.resultsForm ?? null, version: session.version }, { onSuccess: onClose })
        }
      >
        <DialogueDateFields />
      </Form>
    </Modal>
  );
}

export function DialogueCard({ session, canWrite }: { session: SessionDetail; canWrite: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [editing, setEditing] = useState(false);
  const d = session.dialogue;
  if (!d) return null;
  const day = (v: string | null) => (v ? format.date(v) : t('dialogue.notRecorded'));
  return (
    <Card
      size="small"
      title={t('dialogue.cardTitle')}
      style={{ marginBottom: 16 }}
      data-testid="dialogue-card"
      extra={
        canWrite && (
          <Button size="small" onClick={() => setEditing(true)}>
            {t('dialogue.edit')}
          </Button>
        )
      }
    >
      {editing && <EditDialogue session={session} onClose={() => setEditing(false)} />}
      <Descriptions column={{ xs: 1, md: 2 }} size="small">
        <Descriptions.Item label={t('dialogue.noticeOn')}>{day(d.noticeOn)}</Descriptions.Item>
        <Descriptions.Item label={t('dialogue.resultsPublishedOn')}>
          {day(d.resultsPublishedOn)}
          {d.resultsForm && ` (${t(`dialogue.forms.${d.resultsForm}`)})`}
        </Descriptions.Item>
        {d.flags.noticeBy && <Descriptions.Item label={t('dialogue.noticeBy')}>{format.date(d.flags.noticeBy)}</Descriptions.Item>}
        {d.flags.resultsBy && <Descriptions.Item label={t('dialogue.resultsBy')}>{format.date(d.flags.resultsBy)}</Descriptions.Item>}
      </Descriptions>
      <DialogueFlagTags dialogue={d} />
      <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
        {d.rule ? (
          <>
            {t('dialogue.ruleLine', { perYear: format.number(d.rule.minPerYear), notice: format.number(d.rule.noticeDays), publish: format.number(d.rule.publishDays) })} {d.rule.legalSource}
            {d.rule.toConfirm && (
              <>
                {' '}
                <Tag color="gold">{t('dialogue.toConfirm')}</Tag>
              </>
            )}
          </>
        ) : (
          t('dialogue.noRule')
        )}
      </Typography.Paragraph>
      <DialogueFiles sessionId={session.id} canWrite={canWrite} />
    </Card>
  );
}
