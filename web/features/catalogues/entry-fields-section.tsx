import { Link } from '@tanstack/react-router';
import AntdApp from 'antd/es/app';
import Button from 'antd/es/button';
import Card from 'antd/es/card';
import Form from 'antd/es/form';
import Modal from 'antd/es/modal';
import Table from 'antd/es/table';
import Tag from 'antd/es/tag';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../ui/error-alert';
import { useCan } from '../auth/use-can';
import { type EntryField, useEntryFields } from '../entries/entries.api';
import { fieldName } from '../entries/use-entry-vocabulary';
import { UnitPicker } from '../units/unit-picker';
import { useUnit } from '../units/units.api';
import { useCreateEntryField } from './catalogues.api';
import { CodeField, NamesFields, namesOf } from './names-fields';
import { useServerErrors } from './use-server-errors';


/** The unit a field belongs to, by name (the list carries only its id). */
function FieldUnit({ unitId }: { unitId: string }) {
  const { t } = useTranslation();
  const unit = useUnit(unitId);
  return (
    <Link to="/units/$unitId" params={{ unitId }}>
      {unit.data?.unit.name ?? (unit.isError ? unitId : t('common.loading'))}
    </Link>
  );
}

/** Fields of entries: the national ones and those of units in the reader's scope; a unit admin adds one for a unit's subtree. */
export function EntryFieldsSection() {
  const { t, i18n } = useTranslation();
  const fields = useEntryFields();
  const [adding, setAdding] = useState(false);
  return (
    <Card
      title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('catalogues.fields')}</h2>}
      extra={
        <Button type="primary" onClick={() => setAdding(true)}>
          {t('catalogues.addField')}
        </Button>
      }
      style={{ marginBottom: 16 }}
    >
      <ErrorAlert error={fields.error} />
      <Table<EntryField>
        rowKey="code"
        size="small"
        loading={fields.isFetching}
        dataSource={fields.data?.items ?? []}
        pagination={false}
        scroll={{ x: true }}
        data-testid="entry-fields-table"
        columns={[
          { key: 'name', title: t('catalogues.name'), render: (_, f) => fieldName(f, i18n.language, f.code) },
          { key: 'code', title: t('catalogues.code'), render: (_, f) => <code>{f.code}</code> },
          { key: 'unit', title: t('catalogues.usedBy'), render: (_, f) => (f.unitId ? <FieldUnit unitId={f.unitId} /> : t('catalogues.national')) },
          { key: 'builtin', title: '', render: (_, f) => (f.builtin ? <Tag>{t('catalogues.builtin')}</Tag> : null) },
        ]}
      />
      {adding && <AddFieldModal onClose={() => setAdding(false)} />}
    </Card>
  );
}

type Values = { code: string; names: Partial<Record<string, string>>; unitId?: string };

function AddFieldModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = AntdApp.useApp();
  const isSystemAdmin = useCan('system.manage');
  const create = useCreateEntryField();
  const showErrors = useServerErrors();
  const [form] = Form.useForm<Values>();
  const submit = (v: Values) =>
    create.mutate(
      { code: v.code.trim(), names: namesOf(v.names), unitId: v.unitId ?? null },
      {
        onSuccess: () => {
          void message.success(t('catalogues.fieldAdded'));
          onClose();
        },
        onError: (error) => showErrors(form, error, 'code', { code: t('catalogues.codeFormat') }),
      },
    );
  return (
    <Modal
      open
      title={t('catalogues.addField')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      okButtonProps={{ htmlType: 'submit', form: 'entry-field', loading: create.isPending }}
      onCancel={onClose}
      destroyOnHidden
      width={640}
    >
      <ErrorAlert error={create.error} />
      <Form<Values> form={form} id="entry-field" name="entry-field" layout="vertical" onFinish={submit}>
        <Form.Item
          label={t('catalogues.fieldUnit')}
          name="unitId"
          extra={isSystemAdmin ? t('catalogues.fieldUnitHelpAdmin') : t('catalogues.fieldUnitHelp')}
          // Only a system administrator adds a national field (no unit).
          rules={[{ required: !isSystemAdmin, message: t('catalogues.fieldUnitRequired') }]}
        >
          <UnitPicker />
        </Form.Item>
        <CodeField />
        <NamesFields max={200} />
      </Form>
    </Modal>
  );
}
