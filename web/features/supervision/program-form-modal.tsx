import Button from 'antd/es/button';
import Form from 'antd/es/form';
import Input from 'antd/es/input';
import Modal from 'antd/es/modal';
import Select from 'antd/es/select';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { PROGRAM_FORMS, SUPERVISION_LIMITS } from '../../../common/supervision';
import { isApiError } from '../../app/api-client';
import { SupervisionError } from './supervision-errors';
import { type Program, useCreateProgram, useUpdateProgram } from './supervision.api';

type Item = { subject?: string; form?: (typeof PROGRAM_FORMS)[number]; leadOrganization?: string };

/**
 * "Chương trình giám sát, phản biện xã hội năm …": the unit's program of the year, item by item.
 * With `program`, its items are corrected and saved as a whole.
 */
export function ProgramFormModal({ unitId, year, program, onClose }: { unitId: string; year: number; program?: Program; onClose: () => void }) {
  const { t } = useTranslation();
  const formId = useId();
  const create = useCreateProgram();
  const update = useUpdateProgram(program?.id ?? '');
  const mutation = program ? update : create;
  const required = { required: true, whitespace: true, message: t('supervision.form.required') };
  const submit = (v: { items?: Item[] }) => {
    const items = (v.items ?? []).map((i) => ({ subject: i.subject ?? '', form: i.form ?? null, leadOrganization: i.leadOrganization || null }));
    if (program) update.mutate({ items, version: program.version }, { onSuccess: onClose });
    else create.mutate({ unitId, year, items }, { onSuccess: onClose });
  };
  return (
    <Modal
      open
      width={760}
      title={t(program ? 'supervision.programs.editTitle' : 'supervision.programs.createTitle', { year: program?.year ?? year })}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      okButtonProps={{ htmlType: 'submit', form: formId, loading: mutation.isPending, disabled: isApiError(mutation.error, 'CONFLICT') }}
      onCancel={onClose}
      destroyOnHidden
    >
      <SupervisionError error={mutation.error} />
      <Form id={formId} name="supervision-program" layout="vertical" onFinish={submit} initialValues={{ items: program ? program.items.map((i) => ({ subject: i.subject, form: i.form ?? undefined, leadOrganization: i.leadOrganization ?? undefined })) : [{ form: 'thematic' }] }}>
        <Form.List name="items">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f, i) => (
                <div key={f.key} style={{ display: 'flex', gap: 8, flexWrap: 'wrap', alignItems: 'flex-start' }}>
                  <Form.Item name={[f.name, 'subject']} rules={[required]} style={{ flex: '2 1 240px' }}>
                    <Input placeholder={t('supervision.programs.subject')} aria-label={t('supervision.programs.subject')} maxLength={SUPERVISION_LIMITS.text} data-testid={`item-subject-${i}`} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'form']} style={{ flex: '1 1 180px' }}>
                    <Select aria-label={t('supervision.programs.form')} options={PROGRAM_FORMS.map((k) => ({ value: k, label: t(`supervision.forms.${k}`) }))} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'leadOrganization']} style={{ flex: '1 1 180px' }}>
                    <Input placeholder={t('supervision.programs.lead')} aria-label={t('supervision.programs.lead')} maxLength={SUPERVISION_LIMITS.text} />
                  </Form.Item>
                  {fields.length > 1 && <Button onClick={() => remove(f.name)}>{t('supervision.form.remove')}</Button>}
                </div>
              ))}
              <Button onClick={() => add({ form: 'thematic' })}>{t('supervision.programs.addItem')}</Button>
            </>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}
