/**
 * Add or change a publication or a citizens' decision. A change goes with the version the form
 * was opened on; a field the server refuses is marked on the form with the server's reason
 * (a publication before its document, a tally larger than the households).
 */
import Button from 'antd/es/button';
import Checkbox from 'antd/es/checkbox';
import Form from 'antd/es/form';
import Input from 'antd/es/input';
import InputNumber from 'antd/es/input-number';
import Modal from 'antd/es/modal';
import Select from 'antd/es/select';
import dayjs, { type Dayjs } from 'dayjs';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { DECISION_METHODS, grassrootsName } from '../../../common/grassroots';
import { DateField } from '../../ui/date-field';
import { ErrorAlert } from '../../ui/error-alert';
import { fieldErrorsOf } from '../entries/entries.api';
import { ERROR_WORDS, type Field, GRASSROOTS_FORM_FIELDS } from './grassroots-fields';
import { type CitizenDecision, type GrassrootsCatalogues, type GrassrootsKind, type Publication, useSaveGrassroots } from './grassroots.api';

type Props = { kind: GrassrootsKind; unitId: string; record?: Publication | CitizenDecision; catalogues?: GrassrootsCatalogues; onClose: () => void };

export function GrassrootsFormModal({ kind, unitId, record, catalogues, onClose }: Props) {
  const { t, i18n } = useTranslation();
  const formId = useId();
  const [form] = Form.useForm<Record<string, unknown>>();
  const save = useSaveGrassroots(kind, record?.id);
  const fields = GRASSROOTS_FORM_FIELDS[kind];
  const options = (items: { code: string; names: Record<string, string> }[] | undefined) => (items ?? []).map((i) => ({ value: i.code, label: grassrootsName(i, i18n.language) }));

  const initial: Record<string, unknown> = {};
  if (record) {
    const r = record as unknown as Record<string, unknown>;
    for (const f of fields) initial[f.name] = f.kind === 'date' && typeof r[f.name] === 'string' ? dayjs(r[f.name] as string) : r[f.name];
    initial.public = record.publicState !== 'private';
  }

  const submit = (values: Record<string, unknown>) => {
    const body: Record<string, unknown> = {};
    for (const f of fields) {
      let v = values[f.name];
      if (v && typeof v === 'object' && 'format' in v) v = (v as Dayjs).format('YYYY-MM-DD');
      if (v === '' || v === undefined) v = null;
      if (f.kind === 'public') v = !!v;
      if (v === null && (f.required || !record)) continue;
      body[f.name] = v;
    }
    if (record) body.version = record.version;
    else body.unitId = unitId;
    save.mutate(body, {
      onSuccess: onClose,
      onError: (error) => {
        const bad = fieldErrorsOf(error)
          .map((e) => ({ ...e, name: e.name.replace(/\[\d+\]$/, '') }))
          .filter((e) => fields.some((f) => f.name === e.name));
        if (bad.length) form.setFields(bad.map((e) => ({ name: e.name, errors: [t(`grassroots.errors.${e.code in ERROR_WORDS ? e.code : 'invalid'}`)] })));
      },
    });
  };

  const input = (f: Field) => {
    switch (f.kind) {
      case 'item':
        return <Select showSearch optionFilterProp="label" options={options(catalogues?.items)} />;
      case 'forms':
        return <Select mode="multiple" optionFilterProp="label" options={options(catalogues?.forms)} />;
      case 'form':
        return <Select allowClear showSearch optionFilterProp="label" options={options(catalogues?.forms)} />;
      case 'matter':
        return <Select options={options(catalogues?.matters)} />;
      case 'method':
        return <Select options={DECISION_METHODS.map((m) => ({ value: m, label: t(`grassroots.methods.${m}`) }))} />;
      case 'date':
        return <DateField style={{ width: 200 }} />;
      case 'count':
        return <InputNumber min={0} max={1_000_000} style={{ width: 160 }} />;
      case 'long':
        return <Input.TextArea rows={3} />;
      case 'public':
        return <Checkbox>{t('grassroots.form.publicHint')}</Checkbox>;
      default:
        return <Input />;
    }
  };

  return (
    <Modal
      open
      width={720}
      title={t(`grassroots.form.${record ? 'editTitle' : 'createTitle'}`, { what: t(`grassroots.tabs.${kind}`) })}
      onCancel={onClose}
      footer={[
        <Button key="cancel" onClick={onClose}>
          {t('common.cancel')}
        </Button>,
        <Button key="save" type="primary" htmlType="submit" form={formId} loading={save.isPending} data-testid="grassroots-save">
          {t('common.save')}
        </Button>,
      ]}
    >
      <ErrorAlert error={save.error} />
      <Form id={formId} name={`grassroots-${kind}`} form={form} layout="vertical" initialValues={initial} onFinish={submit}>
        {fields.map((f) => (
          <Form.Item
            key={f.name}
            name={f.name}
            label={f.kind === 'public' ? undefined : t(`grassroots.fields.${f.name}`)}
            valuePropName={f.kind === 'public' ? 'checked' : 'value'}
            rules={f.required ? [{ required: true, message: t('grassroots.errors.required') }] : []}
          >
            {input(f)}
          </Form.Item>
        ))}
      </Form>
    </Modal>
  );
}
