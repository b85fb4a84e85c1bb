import Alert from 'antd/es/alert';
import Button from 'antd/es/button';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../app/api-client';
import { ErrorAlert } from '../../ui/error-alert';

/**
 * A refused write on a task. CONFLICT: someone else changed the task since the page was opened,
 * so the page offers to reload rather than overwrite what its reader has not seen.
 */
export function TaskError({ error, onReload }: { error: unknown; onReload: () => void }) {
  const { t } = useTranslation();
  if (!error) return null;
  if (!isApiError(error, 'CONFLICT')) return <ErrorAlert error={error} />;
  return (
    <Alert
      type="warning"
      showIcon
      role="alert"
      style={{ marginBottom: 16 }}
      title={t('tasks.conflictTitle')}
      description={t('tasks.conflictHelp')}
      action={
        <Button onClick={onReload} data-testid="task-reload">
          {t('common.reload')}
        </Button>
      }
    />
  );
}
