import Button from 'antd/es/button';
import Form from 'antd/es/form';
import Input from 'antd/es/input';
import Modal from 'antd/es/modal';
import Select from 'antd/es/select';
import dayjs, { type Dayjs } from 'dayjs';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { ACTIVITY_KINDS, SUPERVISION_LIMITS } from '../../../common/supervision';
import { isApiError } from '../../app/api-client';
import { DateField } from '../../ui/date-field';
import { SupervisionError } from './supervision-errors';
import { type Activity, type Board, useCreateActivity, useUpdateActivity } from './supervision.api';

type Rec = { content?: string; addressee?: string; sentOn?: Dayjs | null; dueOn?: Dayjs | null };
type Values = { by?: string; kind: (typeof ACTIVITY_KINDS)[number]; heldOn?: Dayjs | null; subject?: string; findings?: string; recommendations?: Rec[] };

const day = (d?: Dayjs | null) => (d ? d.format('YYYY-MM-DD') : '');
const FRONT = 'front';

/**
 * "Ghi nhận cuộc giám sát": held by a board of the commune or by the Front, its findings and the
 * recommendations sent to the agencies concerned, each with the day it is due. With `activity`,
 * "Sửa cuộc giám sát": its day, subject and findings (who held it stays; recommendations are
 * added and corrected one by one).
 */
export function ActivityFormModal({ unitId, boards, activity, onClose }: { unitId: string; boards: Board[]; activity?: Activity; onClose: () => void }) {
  const { t } = useTranslation();
  const formId = useId();
  const [form] = Form.useForm<Values>();
  const by = Form.useWatch('by', form);
  const create = useCreateActivity();
  const update = useUpdateActivity(activity?.id ?? '');
  const mutation = activity ? update : create;
  const required = { required: true, whitespace: true, message: t('supervision.form.required') };
  const own = boards.filter((b) => b.unit.id === unitId);

  const submit = (v: Values) => {
    if (activity) {
      update.mutate({ heldOn: day(v.heldOn), subject: v.subject ?? '', findings: v.findings ?? '', version: activity.version }, { onSuccess: onClose });
      return;
    }
    const boardId = v.by && v.by !== FRONT ? v.by : null;
    create.mutate(
      {
        unitId,
        boardId,
        kind: boardId ? 'supervision' : v.kind,
        heldOn: day(v.heldOn),
        subject: v.subject ?? '',
        findings: v.findings ?? '',
        recommendations: (v.recommendations ?? []).map((r) => ({ content: r.content ?? '', addressee: r.addressee ?? '', sentOn: day(r.sentOn), dueOn: day(r.dueOn) })),
      },
      { onSuccess: onClose },
    );
  };

  return (
    <Modal
      open
      width={800}
      title={t(activity ? 'supervision.activities.editTitle' : 'supervision.activities.create')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      okButtonProps={{ htmlType: 'submit', form: formId, loading: mutation.isPending, disabled: isApiError(mutation.error, 'CONFLICT') }}
      onCancel={onClose}
      destroyOnHidden
    >
      <SupervisionError error={mutation.error} />
      <Form<Values>
        form={form}
        id={formId}
        name="supervision-activity"
        layout="vertical"
        onFinish={submit}
        initialValues={
          activity
            ? { kind: activity.kind, heldOn: dayjs(activity.heldOn), subject: activity.subject, findings: activity.findings, recommendations: [] }
            : { by: FRONT, kind: 'supervision', recommendations: [] }
        }
      >
        <div style={{ display: 'flex', gap: 16, flexWrap: 'wrap' }}>
          {!activity && (
            <Form.Item label={t('supervision.activities.by')} name="by" style={{ flex: '1 1 260px' }}>
              <Select
                data-testid="activity-by"
                options={[
                  { value: FRONT, label: t('supervision.activities.front') },
                  ...own.map((b) => ({ value: b.id, label: b.projectName ? `${t(`supervision.kinds.${b.kind}`)} — ${b.projectName}` : t(`supervision.kinds.${b.kind}`) })),
                ]}
              />
            </Form.Item>
          )}
          {!activity && (!by || by === FRONT) && (
            <Form.Item label={t('supervision.activities.kind')} name="kind" style={{ flex: '1 1 200px' }}>
              <Select options={ACTIVITY_KINDS.map((k) => ({ value: k, label: t(`supervision.activityKinds.${k}`) }))} />
            </Form.Item>
          )}
          <Form.Item label={t('supervision.activities.heldOn')} name="heldOn" rules={[{ required: true, message: t('supervision.form.required') }]} style={{ flex: '0 1 180px' }}>
            <DateField style={{ width: '100%' }} />
          </Form.Item>
        </div>
        <Form.Item label={t('supervision.activities.subject')} name="subject" rules={[required]}>
          <Input maxLength={SUPERVISION_LIMITS.text} data-testid="activity-subject" />
        </Form.Item>
        <Form.Item label={t('supervision.activities.findings')} name="findings" rules={[required]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={SUPERVISION_LIMITS.longText} data-testid="activity-findings" />
        </Form.Item>
        {!activity && (
          <Form.List name="recommendations">
            {(fields, { add, remove }) => (
              <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
                <legend style={{ fontSize: 14, fontWeight: 600 }}>{t('supervision.recommendations.title')}</legend>
                {fields.map((f, i) => (
                  <div key={f.key} style={{ borderInlineStart: '3px solid #e6e6e6', paddingInlineStart: 12, marginBottom: 12 }}>
                    <Form.Item name={[f.name, 'content']} rules={[required]} style={{ marginBottom: 8 }}>
                      <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} placeholder={t('supervision.recommendations.content')} aria-label={t('supervision.recommendations.content')} data-testid={`rec-content-${i}`} />
                    </Form.Item>
                    <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap', alignItems: 'flex-start' }}>
                      <Form.Item name={[f.name, 'addressee']} rules={[required]} style={{ flex: '1 1 200px' }}>
                        <Input placeholder={t('supervision.recommendations.addressee')} aria-label={t('supervision.recommendations.addressee')} maxLength={SUPERVISION_LIMITS.text} data-testid={`rec-addressee-${i}`} />
                      </Form.Item>
                      <Form.Item name={[f.name, 'sentOn']} rules={[{ required: true, message: t('supervision.form.required') }]} style={{ flex: '0 1 170px' }}>
                        <DateField hint={t('supervision.recommendations.sentOn')} style={{ width: '100%' }} />
                      </Form.Item>
                      <Form.Item name={[f.name, 'dueOn']} rules={[{ required: true, message: t('supervision.form.required') }]} style={{ flex: '0 1 170px' }}>
                        <DateField hint={t('supervision.recommendations.dueOn')} style={{ width: '100%' }} />
                      </Form.Item>
                      <Button onClick={() => remove(f.name)}>{t('supervision.form.remove')}</Button>
                    </div>
                  </div>
                ))}
                {fields.length < SUPERVISION_LIMITS.recommendations && (
                  <Button onClick={() => add({})} data-testid="rec-add">
                    {t('supervision.recommendations.add')}
                  </Button>
                )}
              </fieldset>
            )}
          </Form.List>
        )}
      </Form>
    </Modal>
  );
}
