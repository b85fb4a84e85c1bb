/**
 * Add or change a record of a register. The fields are each register's own; a person's name is
 * never sent back to the form (the server masks it), so on a change it is left blank to keep the
 * stored one. A change goes with the version the form was opened on: when someone else saved
 * meanwhile, the form says so instead of overwriting.
 */
import Button from 'antd/es/button';
import Form from 'antd/es/form';
import Input from 'antd/es/input';
import InputNumber from 'antd/es/input-number';
import Modal from 'antd/es/modal';
import Select from 'antd/es/select';
import dayjs, { type Dayjs } from 'dayjs';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { catalogueName, type CatalogueItem } from '../../../common/religious-affairs';
import { DateField } from '../../ui/date-field';
import { ErrorAlert } from '../../ui/error-alert';
import { fieldErrorsOf } from '../entries/entries.api';
import { UnitPicker } from '../units/unit-picker';
import { type Field, RELIGIOUS_FORM_FIELDS } from './register-fields';
import { type RecordOf, type Register, type ReligiousCatalogues, useRegister, useSaveRecord } from './religious-affairs.api';

/** The names a personal register never shows the form: left blank on a change, kept by the server. */
const MASKED = new Set(['name', 'religiousName', 'religionCode', 'ethnicCode']);

type SupportValues = { year?: number; kind?: string; amount?: number };

type Props<R extends Register> = {
  register: R;
  unitId: string;
  record?: RecordOf[R];
  catalogues?: ReligiousCatalogues;
  onClose: () => void;
};

export function RegisterFormModal<R extends Register>({ register, unitId, record, catalogues, onClose }: Props<R>) {
  const { t, i18n } = useTranslation();
  const formId = useId();
  const [form] = Form.useForm<Record<string, unknown>>();
  const save = useSaveRecord(register, record?.id);
  const organizations = useRegister('organizations', unitId, '', 1);
  const places = useRegister('places', unitId, '', 1);
  const personal = register === 'dignitaries' || register === 'persons';
  const options = (items: CatalogueItem[] | undefined) => (items ?? []).map((i) => ({ value: i.code, label: catalogueName(i, i18n.language) }));
  const f = (key: string) => t(`religiousAffairs.fields.${key}`);

  const initial: Record<string, unknown> = {};
  if (record) {
    const r = record as unknown as Record<string, unknown>;
    for (const field of RELIGIOUS_FORM_FIELDS[register]) {
      if (personal && MASKED.has(field.name)) continue;
      const v = field.name.endsWith('Id') && field.name !== 'decidingUnitId' ? (r[field.name.replace(/Id$/, '')] as { id: string } | null)?.id : field.name === 'decidingUnitId' ? (r.decidingUnit as { id: string }).id : r[field.name];
      initial[field.name] = field.kind === 'date' && typeof v === 'string' ? dayjs(v) : v;
    }
    if (register === 'persons') initial.support = (record as RecordOf['persons']).support;
  }

  const submit = (values: Record<string, unknown>) => {
    const body: Record<string, unknown> = {};
    for (const field of RELIGIOUS_FORM_FIELDS[register]) {
      let v = values[field.name];
      if (v && typeof v === 'object' && 'format' in v) v = (v as Dayjs).format('YYYY-MM-DD');
      if (v === '' || v === undefined) v = null;
      // On a change a blank masked field means "keep the stored one".
      if (record && personal && MASKED.has(field.name) && v === null) continue;
      if (v === null && field.required) continue;
      body[field.name] = v;
    }
    if (register === 'persons') body.support = ((values.support as SupportValues[] | undefined) ?? []).map((s) => ({ year: s.year, kind: s.kind, amount: s.amount ?? 0 }));
    if (record) body.version = record.version;
    else body.unitId = unitId;
    save.mutate(body, {
      onSuccess: onClose,
      onError: (error) => {
        const fields = fieldErrorsOf(error).filter((e) => RELIGIOUS_FORM_FIELDS[register].some((x) => x.name === e.name));
        if (fields.length) form.setFields(fields.map((e) => ({ name: e.name, errors: [t(`religiousAffairs.errors.${e.code === 'unknown' ? 'unknown' : e.code === 'before_recognition' ? 'beforeRecognition' : 'invalid'}`)] })));
      },
    });
  };

  const input = (field: Field) => {
    switch (field.kind) {
      case 'religion':
        return <Select allowClear={!field.required} showSearch optionFilterProp="label" options={options(catalogues?.religions)} />;
      case 'legal':
        return <Select options={options(catalogues?.legalStatuses)} />;
      case 'ethnic':
        return <Select showSearch optionFilterProp="label" options={options(catalogues?.ethnicGroups)} />;
      case 'year':
        return <InputNumber min={1900} max={2100} style={{ width: 140 }} />;
      case 'number':
        return <InputNumber min={0} style={{ width: 200 }} />;
      case 'date':
        return <DateField style={{ width: 200 }} />;
      case 'organization':
        return <Select allowClear options={(organizations.data?.items ?? []).map((o) => ({ value: o.id, label: o.name }))} />;
      case 'place':
        return <Select allowClear options={(places.data?.items ?? []).map((o) => ({ value: o.id, label: o.name }))} />;
      case 'unit':
        return <UnitPicker includeRetired initialLabel={register === 'persons' && record ? (record as RecordOf['persons']).decidingUnit.name : undefined} />;
      default:
        return <Input />;
    }
  };

  return (
    <Modal
      open
      width={720}
      title={t(`religiousAffairs.form.${record ? 'editTitle' : 'createTitle'}`, { register: t(`religiousAffairs.tabs.${register}`) })}
      onCancel={onClose}
      footer={[
        <Button key="cancel" onClick={onClose}>
          {t('common.cancel')}
        </Button>,
        <Button key="save" type="primary" htmlType="submit" form={formId} loading={save.isPending} data-testid="register-save">
          {t('common.save')}
        </Button>,
      ]}
    >
      <ErrorAlert error={save.error} />
      <Form id={formId} name="religious-register" form={form} layout="vertical" initialValues={initial} onFinish={submit}>
        {RELIGIOUS_FORM_FIELDS[register].map((field) => (
          <Form.Item
            key={field.name}
            name={field.name}
            label={f(field.name)}
            extra={record && personal && MASKED.has(field.name) ? t('religiousAffairs.form.keepMasked') : undefined}
            rules={field.required && !(record && personal && MASKED.has(field.name)) ? [{ required: true, message: t('religiousAffairs.errors.required') }] : []}
          >
            {input(field)}
          </Form.Item>
        ))}
        {register === 'persons' && (
          <Form.List name="support">
            {(items, { add, remove }) => (
              <fieldset>
                <legend>{f('support')}</legend>
                {items.map((item) => (
                  <div key={item.key} style={{ display: 'flex', gap: 8, flexWrap: 'wrap', alignItems: 'flex-start' }}>
                    <Form.Item name={[item.name, 'year']} label={f('supportYear')} rules={[{ required: true, message: t('religiousAffairs.errors.required') }]}>
                      <InputNumber min={1990} max={2100} style={{ width: 110 }} />
                    </Form.Item>
                    <Form.Item name={[item.name, 'kind']} label={f('supportKind')} rules={[{ required: true, message: t('religiousAffairs.errors.required') }]} style={{ minWidth: 220 }}>
                      <Select options={options(catalogues?.supportKinds)} />
                    </Form.Item>
                    <Form.Item name={[item.name, 'amount']} label={f('supportAmount')}>
                      <InputNumber min={0} style={{ width: 160 }} />
                    </Form.Item>
                    <Button onClick={() => remove(item.name)} style={{ marginTop: 30 }}>
                      {t('religiousAffairs.form.removeSupport')}
                    </Button>
                  </div>
                ))}
                <Button onClick={() => add({ year: new Date().getFullYear(), kind: 'tet_visit', amount: 0 })} data-testid="add-support">
                  {t('religiousAffairs.form.addSupport')}
                </Button>
              </fieldset>
            )}
          </Form.List>
        )}
      </Form>
    </Modal>
  );
}
