import Button from 'antd/es/button';
import Form from 'antd/es/form';
import Input from 'antd/es/input';
import Modal from 'antd/es/modal';
import Select from 'antd/es/select';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { PROGRAM_FORMS, SUPERVISION_LIMITS } from '../../../common/supervision';
import { SupervisionError } from './supervision-errors';
import { useCreateProgram } from './supervision.api';

type Item = { subject?: string; form?: (typeof PROGRAM_FORMS)[number]; leadOrganization?: string };

/** "Chương trình giám sát, phản biện xã hội năm …": the unit's program of the year, item by item. */
export function ProgramFormModal({ unitId, year, onClose }: { unitId: string; year: number; onClose: () => void }) {
  const { t } = useTranslation();
  const formId = useId();
  const create = useCreateProgram();
  const required = { required: true, whitespace: true, message: t('supervision.form.required') };
  const submit = (v: { items?: Item[] }) =>
    create.mutate({ unitId, year, items: (v.items ?? []).map((i) => ({ subject: i.subject ?? '', form: i.form ?? null, leadOrganization: i.leadOrganization || null })) }, { onSuccess: onClose });
  return (
    <Modal
      open
      width={760}
      title={t('supervision.programs.createTitle', { year })}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      okButtonProps={{ htmlType: 'submit', form: formId, loading: create.isPending }}
      onCancel={onClose}
      destroyOnHidden
    >
      <SupervisionError error={create.error} />
      <Form id={formId} name="supervision-program" layout="vertical" onFinish={submit} initialValues={{ items: [{ form: 'thematic' }] }}>
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
