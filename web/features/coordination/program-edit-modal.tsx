import Alert from 'antd/es/alert';
import Button from 'antd/es/button';
import Form from 'antd/es/form';
import Input from 'antd/es/input';
import Modal from 'antd/es/modal';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { COORDINATION_LIMITS } from '../../../common/coordination';
import { isApiError } from '../../app/api-client';
import { ErrorAlert } from '../../ui/error-alert';
import { type CoordinationProgramDetail, useUpdateProgram } from './coordination.api';
import { PeriodFields } from './period-fields';

type Values = { forceBody?: string; periodFrom?: Dayjs | null; periodTo?: Dayjs | null };

/** The yearly plans a shorter period would leave out (INVALID_RANGE, details.years), as "2026, 2027". */
function yearsLeftOut(error: unknown): string | null {
  if (!isApiError(error, 'INVALID_RANGE')) return null;
  const years = (error.details as { years?: unknown } | null)?.years;
  return Array.isArray(years) && years.length ? years.join(', ') : null;
}

/**
 * The force's body and the period, saved with the version the page was read at: when someone else
 * saved meanwhile nothing is written, and Reload shows their change before the officer edits again.
 */
export function ProgramEditModal({ program, onReload, onClose }: { program: CoordinationProgramDetail; onReload: () => void; onClose: () => void }) {
  const { t } = useTranslation();
  const update = useUpdateProgram();
  const conflict = isApiError(update.error, 'CONFLICT');
  const leftOut = yearsLeftOut(update.error);

  const submit = (v: Values) =>
    update.mutate(
      { id: program.id, version: program.version, forceBody: v.forceBody, periodFrom: v.periodFrom?.format('YYYY-MM-DD'), periodTo: v.periodTo?.format('YYYY-MM-DD') },
      { onSuccess: onClose },
    );

  return (
    <Modal
      open
      title={t('coordination.edit.title')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      okButtonProps={{ htmlType: 'submit', form: 'program-edit', loading: update.isPending, disabled: conflict }}
      onCancel={onClose}
      destroyOnHidden
    >
      {conflict ? (
        <Alert
          type="warning"
          showIcon
          role="alert"
          style={{ marginBottom: 16 }}
          title={t('coordination.conflictTitle')}
          description={t('coordination.conflictHelp')}
          action={
            <Button onClick={onReload} data-testid="program-reload">
              {t('common.reload')}
            </Button>
          }
        />
      ) : leftOut ? (
        <Alert type="error" showIcon role="alert" style={{ marginBottom: 16 }} title={t('coordination.edit.leavesOutYears', { years: leftOut })} data-testid="period-leaves-out" />
      ) : (
        <ErrorAlert error={update.error} />
      )}
      <Form<Values>
        id="program-edit"
        name="program-edit"
        layout="vertical"
        requiredMark={false}
        onFinish={submit}
        initialValues={{ forceBody: program.forceBody, periodFrom: dayjs(program.periodFrom), periodTo: dayjs(program.periodTo) }}
      >
        <Form.Item label={t('coordination.fields.forceBody')} name="forceBody" rules={[{ required: true, whitespace: true, message: t('coordination.required') }]}>
          <Input maxLength={COORDINATION_LIMITS.forceBody} />
        </Form.Item>
        <PeriodFields />
      </Form>
    </Modal>
  );
}
