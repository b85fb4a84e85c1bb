import { useNavigate } from '@tanstack/react-router';
import Form from 'antd/es/form';
import Modal from 'antd/es/modal';
import type { Dayjs } from 'dayjs';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { ButtonLink } from '../../ui/button-link';
import { DateField } from '../../ui/date-field';
import { ErrorAlert } from '../../ui/error-alert';
import { ApiError } from '../../app/api-client';
import { UnitPicker } from '../units/unit-picker';
import { useCreatePlan } from './tasks.api';

type Values = { unitId?: string; startsOn?: Dayjs; endsOn?: Dayjs };

/** The plan a unit already has for the document (ALREADY_EXISTS, details.planId). */
function existingPlanId(error: unknown): string | null {
  if (!(error instanceof ApiError) || error.code !== 'ALREADY_EXISTS') return null;
  const id = (error.details as { planId?: unknown } | null)?.planId;
  return typeof id === 'string' || typeof id === 'number' ? String(id) : null;
}

/** A unit's plan for the document (kế hoạch thực hiện): the unit and its dates; then its page, to assign tasks. */
export function PlanFormModal({ documentId, onClose }: { documentId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const navigate = useNavigate();
  const create = useCreatePlan(documentId);
  const formId = useId();
  const existing = existingPlanId(create.error);

  const submit = (values: Values) => {
    if (!values.unitId || !values.startsOn || !values.endsOn) return;
    create.mutate(
      { unitId: values.unitId, startsOn: values.startsOn.format('YYYY-MM-DD'), endsOn: values.endsOn.format('YYYY-MM-DD') },
      { onSuccess: (plan) => void navigate({ to: '/implementation-plans/$planId', params: { planId: plan.id } }) },
    );
  };

  return (
    <Modal open title={t('tasks.plan.createTitle')} onCancel={onClose} okText={t('common.save')} cancelText={t('common.cancel')} okButtonProps={{ htmlType: 'submit', form: formId, loading: create.isPending }} destroyOnHidden>
      {existing ? (
        <ErrorAlert
          error={create.error}
          action={
            <ButtonLink size="small" to="/implementation-plans/$planId" params={{ planId: existing }} data-testid="existing-record">
              {t('tasks.plan.openExisting')}
            </ButtonLink>
          }
        />
      ) : (
        <ErrorAlert error={create.error} />
      )}
      <Form<Values> id={formId} name="plan" form={form} layout="vertical" onFinish={submit} requiredMark={false}>
        <Form.Item name="unitId" label={t('tasks.plan.unit')} extra={t('tasks.plan.unitHelp')} rules={[{ required: true, message: t('tasks.plan.unitRequired') }]}>
          <UnitPicker />
        </Form.Item>
        <div style={{ display: 'flex', gap: 12, flexWrap: 'wrap' }}>
          <Form.Item name="startsOn" label={t('tasks.plan.startsOn')} rules={[{ required: true, message: t('tasks.dateRequired') }]} style={{ flex: '1 1 160px' }}>
            <DateField style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item
            name="endsOn"
            label={t('tasks.plan.endsOn')}
            dependencies={['startsOn']}
            style={{ flex: '1 1 160px' }}
            rules={[
              { required: true, message: t('tasks.dateRequired') },
              ({ getFieldValue }) => ({
                validator: async (_, value: Dayjs | undefined) => {
                  const start = getFieldValue('startsOn') as Dayjs | undefined;
                  if (value && start && value.isBefore(start, 'day')) throw new Error(t('tasks.plan.endBeforeStart'));
                },
              }),
            ]}
          >
            <DateField style={{ width: '100%' }} />
          </Form.Item>
        </div>
      </Form>
    </Modal>
  );
}
