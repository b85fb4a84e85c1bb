import Alert from 'antd/es/alert';
import Button from 'antd/es/button';
import { useTranslation } from 'react-i18next';

/**
 * Someone saved the review (or one of its tasks) after this editor was opened: the edit is not saved,
 * and reloading shows their change before editing again, rather than overwriting it.
 */
export function ReviewConflictAlert({ title, onReload }: { title: string; onReload: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert
      type="warning"
      showIcon
      role="alert"
      title={title}
      description={t('reviews.conflictHelp')}
      action={<Button onClick={onReload}>{t('common.reload')}</Button>}
      style={{ marginBottom: 12 }}
    />
  );
}
