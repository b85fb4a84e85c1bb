/**
 * A refused write: the member the exclusion rule names, or an answer dated before the
 * recommendation was sent, said in words; any other error as the app says it.
 */
import Alert from 'antd/es/alert';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../app/api-client';
import { ErrorAlert } from '../../ui/error-alert';

type Detail = { path?: string; code?: string; name?: string; sentOn?: string };

export function SupervisionError({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (isApiError(error, 'VALIDATION_FAILED') && Array.isArray(error.details)) {
    const d = error.details[0] as Detail | undefined;
    if (d?.code === 'excluded_member') return <Alert type="error" showIcon role="alert" style={{ marginBottom: 16 }} title={t('supervision.errors.excludedMember', { name: d.name })} data-testid="supervision-excluded-member" />;
    if (d?.code === 'before_sent') return <Alert type="error" showIcon role="alert" style={{ marginBottom: 16 }} title={t('supervision.errors.answerBeforeSent')} data-testid="supervision-answer-before-sent" />;
  }
  return <ErrorAlert error={error} />;
}
