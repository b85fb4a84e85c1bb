import AntdApp from 'antd/es/app';
import Button, { type ButtonProps } from 'antd/es/button';
import Form from 'antd/es/form';
import Modal from 'antd/es/modal';
import Space from 'antd/es/space';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ENTRY_ACTIONS, type EntryAction } from '../../../common/entries';
import { isApiError } from '../../app/api-client';
import { ErrorAlert } from '../../ui/error-alert';
import { type EntryDetail, useEntryAction } from './entries.api';
import { EntryActionFields } from './entry-action-fields';
import { useEntryVocabulary } from './use-entry-vocabulary';

type Values = { reason?: string; effective?: boolean; score?: number };

function isAction(value: string): value is EntryAction {
  return value in ENTRY_ACTIONS;
}

/** The lifecycle buttons the reader may use now, each with the dialog it needs (reason; evaluation). */
export function EntryActions({ entry, onConflict }: { entry: EntryDetail; onConflict: () => void }) {
  const { t } = useTranslation();
  const vocabulary = useEntryVocabulary();
  const { message } = AntdApp.useApp();
  const run = useEntryAction();
  const [action, setAction] = useState<EntryAction | null>(null);
  const [form] = Form.useForm<Values>();
  const actions = entry.allowedActions.filter(isAction);

  const submit = (values: Values) => {
    if (!action) return;
    run.mutate(
      { id: entry.id, action, version: entry.version, reason: values.reason?.trim() || undefined, effective: action === 'evaluate' ? values.effective : undefined, score: action === 'evaluate' ? values.score : undefined },
      {
        onSuccess: (next) => {
          void message.success(t('entries.actionDone', { status: vocabulary.status(next.status) }));
          setAction(null);
          form.resetFields();
        },
        onError: (error) => {
          if (isApiError(error, 'CONFLICT')) {
            setAction(null);
            onConflict();
          }
        },
      },
    );
  };

  if (actions.length === 0) return null;
  return (
    <>
      <Space wrap data-testid="entry-actions">
        {actions.map((a) => (
          <Button key={a} data-testid={`action-${a}`} type={a === 'return' || a === 'withdraw' ? 'default' : 'primary'} danger={a === 'return' || a === 'withdraw'} onClick={() => setAction(a)}>
            {vocabulary.action(a)}
          </Button>
        ))}
      </Space>
      <Modal
        open={action !== null}
        title={action ? t('entries.actionTitle', { action: vocabulary.action(action), title: entry.title }) : ''}
        okText={t('common.confirm')}
        cancelText={t('common.cancel')}
        okButtonProps={{ htmlType: 'submit', form: 'entry-action', loading: run.isPending, 'data-testid': 'action-confirm' } as ButtonProps}
        onCancel={() => setAction(null)}
        destroyOnHidden
      >
        {run.error && !isApiError(run.error, 'CONFLICT') ? <ErrorAlert error={run.error} /> : null}
        <Form<Values> form={form} id="entry-action" name="entry-action" layout="vertical" onFinish={submit} initialValues={{ effective: true }} preserve={false}>
          <EntryActionFields action={action} />
        </Form>
      </Modal>
    </>
  );
}
