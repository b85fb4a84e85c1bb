import type { ErrorComponentProps } from '@tanstack/react-router';
import Button from 'antd/es/button';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from './error-alert';

/** A page that failed to load (a lost chunk after an upgrade, a server error). */
export function RouteError({ error, reset }: ErrorComponentProps) {
  const { t } = useTranslation();
  return (
    <div style={{ padding: 24 }}>
      <ErrorAlert error={error} action={<Button onClick={reset}>{t('common.retry')}</Button>} />
    </div>
  );
}
