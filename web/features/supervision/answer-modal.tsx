import Alert from 'antd/es/alert';
import Form from 'antd/es/form';
import Input from 'antd/es/input';
import Modal from 'antd/es/modal';
import Radio from 'antd/es/radio';
import type { Dayjs } from 'dayjs';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { ANSWER_KINDS, SUPERVISION_LIMITS } from '../../../common/supervision';
import { isApiError } from '../../app/api-client';
import { DateField } from '../../ui/date-field';
import { SupervisionError } from './supervision-errors';
import { type Recommendation, useAnswerRecommendation } from './supervision.api';

type Values = { answeredOn?: Dayjs | null; answerKind: (typeof ANSWER_KINDS)[number]; answer?: string };

/** "Ghi nhận trả lời": the day the body concerned answered, fully or in part, and what it said. */
export function AnswerModal({ recommendation, onClose }: { recommendation: Recommendation; onClose: () => void }) {
  const { t } = useTranslation();
  const formId = useId();
  const answer = useAnswerRecommendation(recommendation.id);
  const submit = (v: Values) =>
    answer.mutate({ answeredOn: v.answeredOn?.format('YYYY-MM-DD') ?? '', answerKind: v.answerKind, answer: v.answer ?? '', version: recommendation.version }, { onSuccess: onClose });
  return (
    <Modal
      open
      title={t('supervision.recommendations.answerTitle')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      okButtonProps={{ htmlType: 'submit', form: formId, loading: answer.isPending, disabled: isApiError(answer.error, 'CONFLICT') }}
      onCancel={onClose}
      destroyOnHidden
    >
      {isApiError(answer.error, 'CONFLICT') ? <Alert type="warning" showIcon role="alert" style={{ marginBottom: 16 }} title={t('supervision.conflict')} /> : <SupervisionError error={answer.error} />}
      <p>
        <bdi>{recommendation.content}</bdi>
      </p>
      <Form<Values> id={formId} name="supervision-answer" layout="vertical" onFinish={submit} initialValues={{ answerKind: 'answered' }}>
        <Form.Item label={t('supervision.recommendations.answeredOn')} name="answeredOn" rules={[{ required: true, message: t('supervision.form.required') }]}>
          <DateField style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item label={t('supervision.recommendations.answerKind')} name="answerKind">
          <Radio.Group options={ANSWER_KINDS.map((k) => ({ value: k, label: t(`supervision.states.${k}`) }))} />
        </Form.Item>
        <Form.Item label={t('supervision.recommendations.answer')} name="answer">
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={SUPERVISION_LIMITS.longText} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
