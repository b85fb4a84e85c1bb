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
import { type CommendationForm, localName, useCommendationForms, useCreateCommendationForm } from '../commendations/commendations.api';
import { CodeField, NamesFields, namesOf } from './names-fields';
import { useServerErrors } from './use-server-errors';


/** Forms of commendation (Giấy khen, Bằng khen, …); system administrators add more. */
export function CommendationFormsSection({ canAdd }: { canAdd: boolean }) {
  const { t, i18n } = useTranslation();
  const forms = useCommendationForms();
  const [adding, setAdding] = useState(false);
  return (
    <Card
      title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('catalogues.forms')}</h2>}
      extra={
        canAdd && (
          <Button type="primary" onClick={() => setAdding(true)}>
            {t('catalogues.addForm')}
          </Button>
        )
      }
      style={{ marginBottom: 16 }}
    >
      <ErrorAlert error={forms.error} />
      <Table<CommendationForm>
        rowKey="code"
        size="small"
        loading={forms.isFetching}
        dataSource={forms.data?.items ?? []}
        pagination={false}
        scroll={{ x: true }}
        columns={[
          { key: 'name', title: t('catalogues.name'), render: (_, f) => localName(f.names, i18n.language, f.code) },
          { key: 'code', title: t('catalogues.code'), render: (_, f) => <code>{f.code}</code> },
          { key: 'builtin', title: '', render: (_, f) => (f.builtin ? <Tag>{t('catalogues.builtin')}</Tag> : null) },
        ]}
      />
      {adding && <AddFormModal onClose={() => setAdding(false)} />}
    </Card>
  );
}

type Values = { code: string; names: Partial<Record<string, string>> };

function AddFormModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = AntdApp.useApp();
  const create = useCreateCommendationForm();
  const showErrors = useServerErrors();
  const [form] = Form.useForm<Values>();
  const submit = (v: Values) =>
    create.mutate(
      { code: v.code.trim(), names: namesOf(v.names) },
      {
        onSuccess: () => {
          void message.success(t('catalogues.formAdded'));
          onClose();
        },
        onError: (error) => showErrors(form, error, 'code', { code: t('catalogues.codeFormat') }),
      },
    );
  return (
    <Modal
      open
      title={t('catalogues.addForm')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      okButtonProps={{ htmlType: 'submit', form: 'commendation-form', loading: create.isPending }}
      onCancel={onClose}
      destroyOnHidden
      width={640}
    >
      <ErrorAlert error={create.error} />
      <Form<Values> form={form} id="commendation-form" name="commendation-form" layout="vertical" onFinish={submit}>
        <CodeField />
        <NamesFields max={100} />
      </Form>
    </Modal>
  );
}
