import Alert from 'antd/es/alert';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../app/api-client';
import { existingRecord } from './already-exists';
import { ButtonLink } from './button-link';
import { useErrorMessage } from './use-error-message';

type Props = { error: unknown; action?: ReactNode; className?: string };

/**
 * A failed request, explained in the user's language; renders nothing without an error. A
 * duplicate the reader may open (details.existingId, details.reviewId) gets a link to it.
 */
export function ErrorAlert({ error, action, className }: Props) {
  const { t } = useTranslation();
  const message = useErrorMessage();
  if (!error) return null;
  const existing = error instanceof ApiError ? existingRecord(error.code, error.details) : null;
  const link =
    existing?.kind === 'entry' ? (
      <ButtonLink size="small" to="/entries/$entryId" params={{ entryId: existing.id }} data-testid="existing-record">
        {t('errors.openExisting.entry')}
      </ButtonLink>
    ) : existing?.kind === 'review' ? (
      <ButtonLink size="small" to="/reviews/$reviewId" params={{ reviewId: existing.id }} data-testid="existing-record">
        {t('errors.openExisting.review')}
      </ButtonLink>
    ) : null;
  return <Alert className={className} type="error" showIcon title={message(error)} action={action ?? link} role="alert" style={{ marginBottom: 16 }} />;
}
