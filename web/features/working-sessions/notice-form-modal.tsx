import AntdApp from 'antd/es/app';
import Button from 'antd/es/button';
import Card from 'antd/es/card';
import Form from 'antd/es/form';
import Input from 'antd/es/input';
import Modal from 'antd/es/modal';
import Typography from 'antd/es/typography';
import dayjs, { type Dayjs } from 'dayjs';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { POLICY_DOCUMENT_LIMITS, POLICY_DOCUMENT_NUMBER, POLICY_DOCUMENT_SYMBOL } from '../../../common/policy-documents';
import { TASK_LIMITS } from '../../../common/tasks';
import { todayInVietnam } from '../../../common/units';
import { WORKING_SESSION_LIMITS } from '../../../common/working-sessions';
import { DateField } from '../../ui/date-field';
import { notBeforeToday } from '../../ui/deadline-rule';
import { ErrorAlert } from '../../ui/error-alert';
import { useFormat } from '../../ui/use-format';
import { isolated } from '../reporting-rounds/round-words';
import { RequestOwnerPicker } from './request-owner-picker';
import { useIssueNotice, type WorkingSessionDetail } from './working-sessions.api';

type RequestValues = { content?: string; expectedOutput?: string; ownerUnitId?: string; deadline?: Dayjs | null };
type Values = { number?: string; symbol?: string; issuedOn?: Dayjs | null; title?: string; summary?: string; requests?: RequestValues[] };

const day = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : '');

/**
 * "Ban hành thông báo kết luận": the notice of the session's conclusions, issued by the leading
 * unit, and the requests it makes of the unit worked with or units under it. The server creates
 * the notice, its plan and one task per request in one transaction: all of them or nothing. With a
 * number the notice is recorded as issued; without one, as a draft to number later.
 */
export function NoticeFormModal({ session, onClose }: { session: WorkingSessionDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { message } = AntdApp.useApp();
  const formId = useId();
  const [form] = Form.useForm<Values>();
  const issue = useIssueNotice(session.id);

  const submit = (v: Values) =>
    issue.mutate(
      {
        number: v.number?.trim() || null,
        symbol: v.symbol?.trim() ?? '',
        issuedOn: day(v.issuedOn),
        title: v.title ?? '',
        summary: v.summary ?? '',
        requests: (v.requests ?? []).map((r) => ({ content: r.content ?? '', expectedOutput: r.expectedOutput ?? '', ownerUnitId: r.ownerUnitId ?? '', deadline: day(r.deadline) })),
      },
      {
        onSuccess: () => {
          void message.success(t('workingSessions.notice.issued'));
          onClose();
        },
      },
    );

  const emptyRequest: RequestValues = { content: '', expectedOutput: '', ownerUnitId: session.unit.id, deadline: null };

  return (
    <Modal
      open
      width={820}
      title={t('workingSessions.notice.createTitle')}
      okText={t('workingSessions.notice.submit')}
      cancelText={t('common.cancel')}
      okButtonProps={{ htmlType: 'submit', form: formId, loading: issue.isPending }}
      onCancel={onClose}
      destroyOnHidden
    >
      <ErrorAlert error={issue.error} />
      <Form<Values>
        form={form}
        id={formId}
        name="notice"
        layout="vertical"
        onFinish={submit}
        initialValues={{
          symbol: 'TB/',
          issuedOn: dayjs(todayInVietnam()),
          title: t('workingSessions.notice.defaultTitle', { unit: session.unit.name }),
          requests: [emptyRequest],
        }}
      >
        <div style={{ display: 'flex', gap: 16, flexWrap: 'wrap' }}>
          <Form.Item
            label={t('policyDocuments.fields.number')}
            name="number"
            extra={t('workingSessions.notice.numberHelp')}
            rules={[{ max: POLICY_DOCUMENT_LIMITS.number }, { pattern: POLICY_DOCUMENT_NUMBER, message: t('policyDocuments.numberInvalid') }]}
            style={{ flex: '0 1 160px' }}
          >
            <Input maxLength={POLICY_DOCUMENT_LIMITS.number} dir="ltr" />
          </Form.Item>
          <Form.Item
            label={t('policyDocuments.fields.symbol')}
            name="symbol"
            extra={t('workingSessions.notice.symbolHelp')}
            rules={[{ required: true, whitespace: true, message: t('policyDocuments.symbolRequired') }, { pattern: POLICY_DOCUMENT_SYMBOL, message: t('policyDocuments.symbolInvalid') }]}
            style={{ flex: '1 1 200px' }}
          >
            <Input maxLength={POLICY_DOCUMENT_LIMITS.symbol} dir="ltr" />
          </Form.Item>
          <Form.Item label={t('policyDocuments.fields.issuedOn')} name="issuedOn" rules={[{ required: true, message: t('tasks.dateRequired') }]} style={{ flex: '0 1 180px' }}>
            <DateField style={{ width: '100%' }} />
          </Form.Item>
        </div>
        <Form.Item label={t('policyDocuments.fields.title')} name="title" rules={[{ required: true, whitespace: true, message: t('policyDocuments.titleRequired') }, { max: POLICY_DOCUMENT_LIMITS.title }]}>
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={POLICY_DOCUMENT_LIMITS.title} />
        </Form.Item>
        <Form.Item label={t('policyDocuments.fields.summary')} name="summary" rules={[{ max: POLICY_DOCUMENT_LIMITS.summary }]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={POLICY_DOCUMENT_LIMITS.summary} />
        </Form.Item>
        <Typography.Title level={2} style={{ fontSize: 16 }}>
          {t('workingSessions.notice.requests')}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t('workingSessions.notice.requestsHelp', { unit: isolated(session.unit.name) })}</Typography.Paragraph>
        <Form.List name="requests">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field, index) => (
                <Card
                  key={field.key}
                  size="small"
                  style={{ marginBottom: 12 }}
                  title={t('workingSessions.notice.requestNumber', { n: index + 1 })}
                  data-testid="notice-request"
                  extra={
                    fields.length > 1 && (
                      <Button size="small" onClick={() => remove(field.name)}>
                        {t('workingSessions.form.remove')}
                      </Button>
                    )
                  }
                >
                  <Form.Item label={t('workingSessions.requests.content')} name={[field.name, 'content']} rules={[{ required: true, whitespace: true, message: t('tasks.contentRequired') }]}>
                    <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={TASK_LIMITS.content} />
                  </Form.Item>
                  <Form.Item
                    label={t('tasks.fields.expectedOutput')}
                    name={[field.name, 'expectedOutput']}
                    extra={t('tasks.expectedOutputHelp')}
                    rules={[{ required: true, whitespace: true, message: t('tasks.expectedOutputRequired') }]}
                  >
                    <Input maxLength={TASK_LIMITS.expectedOutput} />
                  </Form.Item>
                  <div style={{ display: 'flex', gap: 16, flexWrap: 'wrap' }}>
                    <Form.Item label={t('tasks.fields.owner')} name={[field.name, 'ownerUnitId']} rules={[{ required: true, message: t('tasks.assign.ownersRequired') }]} style={{ flex: '1 1 260px' }}>
                      <RequestOwnerPicker unit={session.unit} />
                    </Form.Item>
                    <Form.Item
                      label={t('tasks.fields.deadline')}
                      name={[field.name, 'deadline']}
                      style={{ flex: '0 1 200px' }}
                      rules={[
                        { required: true, message: t('tasks.dateRequired') },
                        notBeforeToday((today) => t('tasks.deadlinePast', { today: format.date(today) })),
                        ({ getFieldValue }) => ({
                          validator: async (_, value: Dayjs | null | undefined) => {
                            const issuedOn = getFieldValue('issuedOn') as Dayjs | null | undefined;
                            if (value && issuedOn && value.isBefore(issuedOn, 'day')) throw new Error(t('workingSessions.notice.deadlineBeforeIssued'));
                          },
                        }),
                      ]}
                    >
                      <DateField style={{ width: '100%' }} />
                    </Form.Item>
                  </div>
                </Card>
              ))}
              <Button onClick={() => add(emptyRequest)} disabled={fields.length >= WORKING_SESSION_LIMITS.requests} data-testid="notice-request-add">
                {t('workingSessions.notice.addRequest')}
              </Button>
            </>
          )}
        </Form.List>
        <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
          {t('workingSessions.notice.allOrNothing')}
        </Typography.Paragraph>
      </Form>
    </Modal>
  );
}
