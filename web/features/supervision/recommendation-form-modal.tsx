/**
 * "Thêm kiến nghị" on a supervision held, or "Sửa kiến nghị" on one not yet answered: content,
 * addressee, sent on (not before the supervision) and due on (not before it is sent).
 */
import Form from 'antd/es/form';
import Input from 'antd/es/input';
import Modal from 'antd/es/modal';
import dayjs, { type Dayjs } from 'dayjs';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { SUPERVISION_LIMITS } from '../../../common/supervision';
import { isApiError } from '../../app/api-client';
import { DateField } from '../../ui/date-field';
import { SupervisionError } from './supervision-errors';
import { type Activity, type Recommendation, useAddRecommendation, useUpdateRecommendation } from './supervision.api';

type Values = { content?: string; addressee?: string; sentOn?: Dayjs | null; dueOn?: Dayjs | null };
const day = (d?: Dayjs | null) => (d ? d.format('YYYY-MM-DD') : '');

export function RecommendationFormModal({ target, onClose }: { target: { activity: Activity } | { recommendation: Recommendation }; onClose: () => void }) {
  const { t } = useTranslation();
  const formId = useId();
  const editing = 'recommendation' in target ? target.recommendation : undefined;
  const adding = 'activity' in target ? target.activity : undefined;
  const add = useAddRecommendation(adding?.id ?? '');
  const update = useUpdateRecommendation(editing?.id ?? '');
  const mutation = editing ? update : add;
  const required = { required: true, whitespace: true, message: t('supervision.form.required') };
  const submit = (v: Values) => {
    const body = { content: v.content ?? '', addressee: v.addressee ?? '', sentOn: day(v.sentOn), dueOn: day(v.dueOn) };
    if (editing) update.mutate({ ...body, version: editing.version }, { onSuccess: onClose });
    else add.mutate(body, { onSuccess: onClose });
  };
  return (
    <Modal
      open
      width={640}
      title={editing ? t('supervision.recommendations.editTitle') : t('supervision.recommendations.addTitle', { subject: adding?.subject ?? '' })}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      okButtonProps={{ htmlType: 'submit', form: formId, loading: mutation.isPending, disabled: isApiError(mutation.error, 'CONFLICT') }}
      onCancel={onClose}
      destroyOnHidden
    >
      <SupervisionError error={mutation.error} />
      <Form<Values>
        id={formId}
        name="supervision-recommendation"
        layout="vertical"
        onFinish={submit}
        initialValues={editing ? { content: editing.content, addressee: editing.addressee, sentOn: dayjs(editing.sentOn), dueOn: dayjs(editing.dueOn) } : { sentOn: adding ? dayjs(adding.heldOn) : null }}
      >
        <Form.Item label={t('supervision.recommendations.content')} name="content" rules={[required]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={SUPERVISION_LIMITS.longText} data-testid="recommendation-content" />
        </Form.Item>
        <Form.Item label={t('supervision.recommendations.addressee')} name="addressee" rules={[required]}>
          <Input maxLength={SUPERVISION_LIMITS.text} data-testid="recommendation-addressee" />
        </Form.Item>
        <div style={{ display: 'flex', gap: 16, flexWrap: 'wrap' }}>
          <Form.Item label={t('supervision.recommendations.sentOn')} name="sentOn" rules={[{ required: true, message: t('supervision.form.required') }]} style={{ flex: '1 1 160px' }}>
            <DateField style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item label={t('supervision.recommendations.dueOn')} name="dueOn" rules={[{ required: true, message: t('supervision.form.required') }]} style={{ flex: '1 1 160px' }}>
            <DateField style={{ width: '100%' }} />
          </Form.Item>
        </div>
      </Form>
    </Modal>
  );
}
