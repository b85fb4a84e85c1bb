import Alert from 'antd/es/alert';
import Button from 'antd/es/button';
import { useTranslation } from 'react-i18next';

/**
 * Someone saved the round or the submission after this page was opened: nothing was saved, and
 * reloading shows their change before acting again, rather than overwriting it.
 */
export function ConflictAlert({ title, onReload }: { title: string; onReload: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert
      type="warning"
      showIcon
      role="alert"
      title={title}
      description={t('reportingRounds.conflictHelp')}
      action={
        <Button onClick={onReload} data-testid="conflict-reload">
          {t('common.reload')}
        </Button>
      }
      style={{ marginBottom: 16 }}
      data-testid="conflict"
    />
  );
}
