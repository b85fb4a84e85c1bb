import Alert from 'antd/es/alert';
import Button from 'antd/es/button';
import Form from 'antd/es/form';
import Input from 'antd/es/input';
import Modal from 'antd/es/modal';
import Select from 'antd/es/select';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../app/api-client';
import { ErrorAlert } from '../../ui/error-alert';
import { NumberField } from '../../ui/number-field';
import { fieldErrorsOf, usePeriods } from '../entries/entries.api';
import { DecisionFields } from './commendation-fields';
import { changesOf, type EditValues as Values, valuesOf } from './commendation-changes';
import { type CommendationDetail, useUpdateCommendation } from './commendations.api';
import { EntryMultiPicker } from './entry-multi-picker';

/** Linked entries per commendation (server/modules/commendations/commendations.schema.ts COMMENDATION_LIMITS). */
const MAX_ENTRIES = 50;

type Props = { commendation: CommendationDetail; onClose: () => void; onReload: () => void };

/**
 * Changes a commendation (PATCH with the version the form was opened on). When someone else saved
 * meanwhile the server answers CONFLICT: the user reloads, which reopens the form on the new data.
 */
export function CommendationEditModal({ commendation, onClose, onReload }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const update = useUpdateCommendation();
  const periods = usePeriods();
  const [conflict, setConflict] = useState(false);
  const individual = commendation.recipientKind === 'individual';

  const submit = (values: Values) => {
    const changes = changesOf(commendation, values);
    if (!Object.keys(changes).length) return onClose();
    update.mutate(
      { id: commendation.id, version: commendation.version, ...changes },
      {
        onSuccess: onClose,
        onError: (error) => {
          if (isApiError(error, 'CONFLICT')) setConflict(true);
          const fields = fieldErrorsOf(error).filter((f) => f.name in values);
          if (fields.length) form.setFields(fields.map((f) => ({ name: f.name as keyof Values, errors: [t('commendations.fieldInvalid')] })));
        },
      },
    );
  };

  return (
    <Modal
      open
      title={t('commendations.editTitle')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      okButtonProps={{ htmlType: 'submit', form: 'commendation-edit', loading: update.isPending, disabled: conflict }}
      onCancel={onClose}
      destroyOnHidden
      width={640}
    >
      {conflict ? (
        <Alert
          type="warning"
          showIcon
          role="alert"
          title={t('commendations.conflictTitle')}
          description={t('commendations.conflictHelp')}
          action={<Button onClick={onReload}>{t('common.reload')}</Button>}
          style={{ marginBottom: 16 }}
        />
      ) : (
        <ErrorAlert error={update.error} />
      )}
      <Form<Values> form={form} id="commendation-edit" name="commendation-edit" layout="vertical" onFinish={submit} initialValues={valuesOf(commendation)}>
        {individual && (
          <>
            <Form.Item label={t('commendations.personName')} name="name" rules={[{ required: true, whitespace: true, message: t('commendations.personNameRequired') }, { max: 200 }]}>
              <Input maxLength={200} />
            </Form.Item>
            <Form.Item label={t('commendations.position')} name="position" rules={[{ max: 200 }]}>
              <Input maxLength={200} />
            </Form.Item>
          </>
        )}
        <DecisionFields />
        <NumberField label={t('commendations.year')} name="year" extra={t('commendations.yearHelp')} rules={[{ required: true, message: t('commendations.yearRequired') }]} min={2000} max={2100} grouping={false} input={{ style: { width: 120 } }} />
        <Form.Item label={t('commendations.period')} name="emulationPeriodId" extra={t('commendations.periodHelp')}>
          <Select allowClear loading={periods.isFetching} options={(periods.data?.items ?? []).map((p) => ({ value: p.id, label: p.name }))} />
        </Form.Item>
        <Form.Item label={t('commendations.reason')} name="reason" rules={[{ max: 5000 }]}>
          <Input.TextArea rows={2} maxLength={5000} />
        </Form.Item>
        <Form.Item label={t('commendations.entries')} name="entryIds">
          <EntryMultiPicker initial={commendation.entries} max={MAX_ENTRIES} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
