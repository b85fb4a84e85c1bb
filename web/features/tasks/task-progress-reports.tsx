/**
 * A task's progress reports, newest first (append-only: a correction is a new report), each with
 * its evidence. The owner's editors add a report (date, text, percent) and upload, download or
 * remove evidence (PDF, DOCX, JPEG, PNG, checked by content on the server; a removed file is hidden).
 */
import { useQueryClient } from '@tanstack/react-query';
import AntdApp from 'antd/es/app';
import Button from 'antd/es/button';
import Form from 'antd/es/form';
import Input from 'antd/es/input';
import InputNumber from 'antd/es/input-number';
import Popconfirm from 'antd/es/popconfirm';
import Progress from 'antd/es/progress';
import Typography from 'antd/es/typography';
import Upload from 'antd/es/upload';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TASK_EVIDENCE_TYPES, TASK_LIMITS } from '../../../common/tasks';
import { todayInVietnam } from '../../../common/units';
import { DateField } from '../../ui/date-field';
import { ErrorAlert } from '../../ui/error-alert';
import { useFormat } from '../../ui/use-format';
import { evidenceUrl, type TaskDetail, type TaskProgressReport, taskKeys, uploadTaskEvidence, useAddProgressReport, useRemoveTaskEvidence } from './tasks.api';

const ACCEPT = [...Object.keys(TASK_EVIDENCE_TYPES), ...Object.values(TASK_EVIDENCE_TYPES).flat().map((ext) => `.${ext}`)].join(',');

export function TaskProgressReports({ task }: { task: TaskDetail }) {
  const { t } = useTranslation();
  return (
    <section data-testid="task-reports">
      <Typography.Title level={2} style={{ fontSize: 17, marginTop: 24 }}>
        {t('tasks.reports.title')}
      </Typography.Title>
      {task.can.report && <ReportForm task={task} />}
      {task.reports.length === 0 && <Typography.Paragraph type="secondary">{t('tasks.reports.none')}</Typography.Paragraph>}
      <ul className="plain-list">
        {task.reports.map((r) => (
          <ReportItem key={r.id} report={r} canEdit={task.can.report} />
        ))}
      </ul>
    </section>
  );
}

type Values = { reportedOn: Dayjs; text: string; percent?: number | null };

function ReportForm({ task }: { task: TaskDetail }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { message } = AntdApp.useApp();
  const [form] = Form.useForm<Values>();
  const add = useAddProgressReport(task.id);
  const today = todayInVietnam();
  // Not in the future, not before the task starts (the server checks the same).
  const outside = (day: Dayjs) => day.isAfter(dayjs(today), 'day') || day.isBefore(dayjs(task.startsOn), 'day');
  const submit = (v: Values) =>
    add.mutate(
      { reportedOn: v.reportedOn.format('YYYY-MM-DD'), text: v.text, percent: v.percent ?? null },
      {
        onSuccess: () => {
          form.resetFields();
          void message.success(t('tasks.reports.added'));
        },
      },
    );
  return (
    <div className="screen-only" style={{ border: '1px solid #f0f0f0', borderRadius: 8, padding: 12, marginBottom: 16 }}>
      <ErrorAlert error={add.error} />
      <Form<Values> name="task-report" form={form} layout="vertical" onFinish={submit} requiredMark={false} initialValues={{ reportedOn: dayjs(today) }}>
        <div style={{ display: 'flex', gap: 12, flexWrap: 'wrap' }}>
          <Form.Item name="reportedOn" label={t('tasks.reports.reportedOn')} rules={[{ required: true, message: t('tasks.dateRequired') }]} style={{ flex: '0 1 200px' }}>
            <DateField style={{ width: '100%' }} disabledDate={outside} />
          </Form.Item>
          <Form.Item name="percent" label={t('tasks.reports.percent')} style={{ flex: '0 1 140px' }}>
            <InputNumber min={0} max={100} precision={0} suffix="%" style={{ width: '100%' }} />
          </Form.Item>
        </div>
        <Form.Item name="text" label={t('tasks.reports.text')} rules={[{ required: true, whitespace: true, message: t('tasks.reports.textRequired') }]}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} maxLength={TASK_LIMITS.reportText} showCount />
        </Form.Item>
        <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
          {t('tasks.reports.appendOnly', { date: format.date(task.startsOn) })}
        </Typography.Paragraph>
        <Button type="primary" htmlType="submit" loading={add.isPending} data-testid="report-submit">
          {t('tasks.reports.add')}
        </Button>
      </Form>
    </div>
  );
}

function ReportItem({ report: r, canEdit }: { report: TaskProgressReport; canEdit: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { message } = AntdApp.useApp();
  const queryClient = useQueryClient();
  const remove = useRemoveTaskEvidence();
  const [percent, setPercent] = useState<number | null>(null);
  const [error, setError] = useState<unknown>(null);

  const upload = async (file: File) => {
    setError(null);
    if (file.size > TASK_LIMITS.evidenceBytes) {
      void message.error(t('errors.FILE_TOO_LARGE'));
      return;
    }
    setPercent(0);
    try {
      await uploadTaskEvidence(r.id, file, setPercent);
      await queryClient.invalidateQueries({ queryKey: taskKeys.all });
    } catch (e) {
      setError(e);
    } finally {
      setPercent(null);
    }
  };

  return (
    <li data-testid="task-report" style={{ borderTop: '1px solid #f0f0f0', padding: '12px 0' }}>
      <div style={{ display: 'flex', gap: 12, flexWrap: 'wrap', alignItems: 'baseline' }}>
        <strong>{format.date(r.reportedOn)}</strong>
        {r.percent !== null && <span data-testid="report-percent">{t('tasks.reports.percentDone', { percent: r.percent })}</span>}
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {r.createdBy ? t('tasks.reports.by', { name: r.createdBy, at: format.dateTime(r.createdAt) }) : format.dateTime(r.createdAt)}
        </Typography.Text>
      </div>
      <div dir="auto" style={{ whiteSpace: 'pre-wrap', marginTop: 4, overflowWrap: 'anywhere' }}>
        {r.text}
      </div>
      <ErrorAlert error={error ?? remove.error} />
      {r.evidence.length > 0 && (
        <ul style={{ paddingInlineStart: 20, marginTop: 8 }}>
          {r.evidence.map((e) => (
            <li key={e.id} data-testid="evidence">
              <a href={evidenceUrl(e.id)} target="_blank" rel="noreferrer" download={e.fileName}>
                <bdi>{e.fileName}</bdi>
              </a>{' '}
              ({t('tasks.reports.size', { kb: format.number(Math.max(1, Math.ceil(e.sizeBytes / 1024))) })})
              {canEdit && (
                <Popconfirm title={t('tasks.reports.removeConfirm', { name: e.fileName })} okText={t('common.confirm')} cancelText={t('common.cancel')} onConfirm={() => remove.mutate(e.id)}>
                  <Button size="small" danger type="link" className="screen-only">
                    {t('tasks.reports.remove')}
                  </Button>
                </Popconfirm>
              )}
            </li>
          ))}
        </ul>
      )}
      {canEdit && r.evidence.length < TASK_LIMITS.evidencePerReport && (
        <div className="screen-only" style={{ marginTop: 8 }}>
          <Upload
            accept={ACCEPT}
            showUploadList={false}
            disabled={percent !== null}
            beforeUpload={(file) => {
              void upload(file);
              return false;
            }}
          >
            <Button size="small" loading={percent !== null} data-testid="evidence-upload">
              {t('tasks.reports.upload')}
            </Button>
          </Upload>
          <span style={{ fontSize: 12, color: 'rgba(0,0,0,0.55)', marginInlineStart: 8 }}>{t('tasks.reports.uploadHelp', { mb: TASK_LIMITS.evidenceBytes / 1024 / 1024 })}</span>
          {percent !== null && <Progress percent={percent} size="small" style={{ maxWidth: 320 }} />}
        </div>
      )}
    </li>
  );
}
