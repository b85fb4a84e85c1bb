/**
 * The entries list's bulk actions: the steps the user holds the right to and that every selected
 * entry's state allows (on the selection, or on all entries matching the filters), each confirmed
 * in a dialog with what the step needs (a reason; the evaluation's result and score). The server
 * does it all or nothing; a refusal lists the entries it refused and why.
 */
import AntdApp from 'antd/es/app';
import Alert from 'antd/es/alert';
import Button, { type ButtonProps } from 'antd/es/button';
import Form from 'antd/es/form';
import Modal from 'antd/es/modal';
import Space from 'antd/es/space';
import Typography from 'antd/es/typography';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ENTRY_ACTION_NAMES, ENTRY_ACTIONS, type EntryAction, type EntryStatus } from '../../../common/entries';
import { ApiError } from '../../app/api-client';
import { ERROR_CODES, type ErrorCode } from '../../../common/errors';
import { ErrorAlert } from '../../ui/error-alert';
import { useErrorMessage } from '../../ui/use-error-message';
import { useCan } from '../auth/use-can';
import { bulkFilter, entryKeys, type EntryFilters, type EntrySummary, useBulkAction } from './entries.api';
import { EntryActionFields } from './entry-action-fields';
import { useEntryVocabulary } from './use-entry-vocabulary';

/** What is selected: some rows of the list, or every entry matching its filters. */
export type BulkSelection = { kind: 'rows'; rows: EntrySummary[] } | { kind: 'filter'; filters: EntryFilters; count: number; statuses: EntryStatus[] };

type Failure = { id: string; title?: string; code: string; status?: string };
type Values = { reason?: string; effective?: boolean; score?: number };

/** The refused entries of an all-or-nothing bulk action (error details: { failures, total }). */
export function bulkFailures(error: unknown): { failures: Failure[]; total: number } {
  const details = error instanceof ApiError ? (error.details as { failures?: unknown; total?: unknown } | null) : null;
  if (!details || !Array.isArray(details.failures)) return { failures: [], total: 0 };
  const failures = (details.failures as Partial<Failure>[]).flatMap((f) => (typeof f?.id === 'string' ? [{ id: f.id, title: f.title, code: typeof f.code === 'string' ? f.code : 'INTERNAL', status: f.status }] : []));
  return { failures, total: typeof details.total === 'number' ? details.total : failures.length };
}

/** The steps the user may offer for entries in these states (the server checks each entry again). */
export function offeredActions(statuses: readonly EntryStatus[], can: (permission: 'data.write' | 'data.approve') => boolean): EntryAction[] {
  if (!statuses.length) return [];
  return ENTRY_ACTION_NAMES.filter((a) => can(ENTRY_ACTIONS[a].permission) && statuses.every((s) => (ENTRY_ACTIONS[a].from as readonly EntryStatus[]).includes(s)));
}

export function EntriesBulkBar({ selection, onClear, titleOf }: { selection: BulkSelection; onClear: () => void; titleOf: (id: string) => string | undefined }) {
  const { t } = useTranslation();
  const vocabulary = useEntryVocabulary();
  const errorMessage = useErrorMessage();
  const { message } = AntdApp.useApp();
  const canWrite = useCan('data.write');
  const canApprove = useCan('data.approve');
  const bulk = useBulkAction();
  const queryClient = useQueryClient();
  const [action, setAction] = useState<EntryAction | null>(null);
  const [form] = Form.useForm<Values>();

  const count = selection.kind === 'rows' ? selection.rows.length : selection.count;
  const statuses = selection.kind === 'rows' ? [...new Set(selection.rows.map((e) => e.status))] : selection.statuses;
  const actions = offeredActions(statuses, (p) => (p === 'data.write' ? canWrite : canApprove));

  const submit = (values: Values) => {
    if (!action) return;
    const target = selection.kind === 'rows' ? { items: selection.rows.map((e) => ({ id: e.id, version: e.version })) } : { filter: bulkFilter(selection.filters), expectedCount: selection.count };
    bulk.mutate(
      { action, ...target, reason: values.reason?.trim() || undefined, ...(action === 'evaluate' ? { effective: values.effective, score: values.score } : {}) },
      {
        onSuccess: (result) => {
          void message.success(t('entries.bulkDone', { action: vocabulary.action(action), count: result.updated }));
          setAction(null);
          form.resetFields();
          onClear();
        },
        onError: () => {
          setAction(null);
          // Nothing changed; the list reloads so the selection carries the entries' current versions and states.
          void queryClient.invalidateQueries({ queryKey: entryKeys.all });
        },
      },
    );
  };

  const refused = bulkFailures(bulk.error);
  const why = (f: Failure) =>
    f.code === 'INVALID_TRANSITION' && f.status ? t('entries.bulkWrongState', { status: vocabulary.status(f.status) }) : errorMessage(new ApiError(409, (ERROR_CODES as readonly string[]).includes(f.code) ? (f.code as ErrorCode) : 'INTERNAL', null));

  return (
    <>
      {bulk.error && (
        <div style={{ marginBottom: 12 }}>
          <ErrorAlert error={bulk.error} />
          {refused.failures.length > 0 && (
            <Alert
              type="warning"
              showIcon
              data-testid="bulk-failed"
              title={t('entries.bulkRefused', { count: refused.total })}
              description={
                <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                  {refused.failures.map((f) => (
                    <li key={f.id}>
                      {f.title ?? titleOf(f.id) ?? `#${f.id}`}: {why(f)}
                    </li>
                  ))}
                  {refused.total > refused.failures.length && <li>{t('entries.bulkRefusedMore', { count: refused.total - refused.failures.length })}</li>}
                </ul>
              }
            />
          )}
        </div>
      )}
      <Space wrap style={{ marginBottom: 12 }} data-testid="bulk-bar">
        <Typography.Text strong data-testid="bulk-count">
          {selection.kind === 'rows' ? t('entries.selectedCount', { count }) : t('entries.selectedAllMatching', { count })}
        </Typography.Text>
        {actions.map((a) => (
          <Button key={a} data-testid={`bulk-${a}`} type={a === 'return' || a === 'withdraw' ? 'default' : 'primary'} danger={a === 'return' || a === 'withdraw'} onClick={() => setAction(a)}>
            {vocabulary.action(a)}
          </Button>
        ))}
        {actions.length === 0 && <Typography.Text type="secondary">{t('entries.bulkNoAction')}</Typography.Text>}
        <Button type="link" onClick={onClear} data-testid="bulk-clear">
          {t('entries.clearSelection')}
        </Button>
      </Space>
      <Modal
        open={action !== null}
        title={action ? t('entries.bulkConfirm', { action: vocabulary.action(action), count }) : ''}
        okText={t('common.confirm')}
        cancelText={t('common.cancel')}
        okButtonProps={{ htmlType: 'submit', form: 'bulk-action', loading: bulk.isPending, danger: action === 'return' || action === 'withdraw', 'data-testid': 'bulk-confirm' } as ButtonProps}
        onCancel={() => setAction(null)}
        destroyOnHidden
      >
        <Typography.Paragraph>{t('entries.bulkAllOrNothing')}</Typography.Paragraph>
        <Form<Values> form={form} id="bulk-action" name="bulk-action" layout="vertical" onFinish={submit} initialValues={{ effective: true }} preserve={false}>
          <EntryActionFields action={action} />
        </Form>
      </Modal>
    </>
  );
}
