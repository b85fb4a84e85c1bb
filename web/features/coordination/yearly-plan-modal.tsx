import Form from 'antd/es/form';
import Modal from 'antd/es/modal';
import Select from 'antd/es/select';
import Alert from 'antd/es/alert';
import { useTranslation } from 'react-i18next';
import { ApiError, isApiError } from '../../app/api-client';
import { ButtonLink } from '../../ui/button-link';
import { ErrorAlert } from '../../ui/error-alert';
import { type CoordinationProgramDetail, formatYear, useAddYearlyPlan, yearsOfPeriod } from './coordination.api';

type Values = { year?: number };

/** The yearly plan the program already has for the year (ALREADY_EXISTS, details.planId). */
function existingPlanId(error: unknown): string | null {
  if (!(error instanceof ApiError) || error.code !== 'ALREADY_EXISTS') return null;
  const id = (error.details as { planId?: unknown } | null)?.planId;
  return typeof id === 'string' || typeof id === 'number' ? String(id) : null;
}

/**
 * "Thêm kế hoạch năm": the years offered are those of the program's period without a plan yet.
 * The period may have changed since the page was read, so the server's refusal of a year outside
 * it is said in words (the generic "invalid range" would not tell the officer what to do).
 */
export function YearlyPlanModal({ program, onClose }: { program: CoordinationProgramDetail; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const [form] = Form.useForm<Values>();
  const add = useAddYearlyPlan(program.id);
  const taken = new Set(program.yearlyPlans.map((p) => p.year));
  const years = yearsOfPeriod(program.periodFrom, program.periodTo).filter((y) => !taken.has(y));
  const existing = existingPlanId(add.error);
  const outside = isApiError(add.error, 'INVALID_RANGE');

  return (
    <Modal
      open
      title={t('coordination.years.add')}
      okText={t('coordination.years.submit')}
      cancelText={t('common.cancel')}
      okButtonProps={{ htmlType: 'submit', form: 'yearly-plan', loading: add.isPending, disabled: years.length === 0 }}
      onCancel={onClose}
      destroyOnHidden
    >
      {outside ? (
        <Alert type="error" showIcon role="alert" style={{ marginBottom: 16 }} title={t('coordination.years.outside', { year: add.variables === undefined ? '' : formatYear(add.variables, i18n.language) })} description={t('coordination.years.outsideHelp')} data-testid="year-outside" />
      ) : existing ? (
        <ErrorAlert
          error={add.error}
          action={
            <ButtonLink size="small" to="/implementation-plans/$planId" params={{ planId: existing }} data-testid="existing-record">
              {t('coordination.years.openExisting')}
            </ButtonLink>
          }
        />
      ) : (
        <ErrorAlert error={add.error} />
      )}
      {years.length === 0 && <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('coordination.years.allAdded')} />}
      <Form<Values> form={form} id="yearly-plan" name="yearly-plan" layout="vertical" requiredMark={false} onFinish={(v) => v.year && add.mutate(v.year, { onSuccess: onClose })}>
        <Form.Item label={t('coordination.years.year')} name="year" extra={t('coordination.years.yearHelp')} rules={[{ required: true, message: t('coordination.required') }]}>
          <Select<number> options={years.map((y) => ({ value: y, label: formatYear(y, i18n.language) }))} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
