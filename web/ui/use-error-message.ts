import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../app/api-client';

function retryMinutes(details: unknown): number | null {
  const seconds = (details as { retryAfterSeconds?: unknown } | null)?.retryAfterSeconds;
  return typeof seconds === 'number' && seconds > 0 ? Math.ceil(seconds / 60) : null;
}

/** The translated message for an error, chosen by its code (never the server's own text). */
export function useErrorMessage(): (error: unknown) => string {
  const { t } = useTranslation();
  return useCallback(
    (error: unknown) => {
      if (!(error instanceof ApiError)) return t('errors.INTERNAL');
      if (error.code === 'TOO_MANY_ATTEMPTS') {
        const minutes = retryMinutes(error.details);
        return minutes === null ? t('errors.tooManyAttemptsLater') : t('errors.TOO_MANY_ATTEMPTS', { minutes });
      }
      return t(`errors.${error.code}`);
    },
    [t],
  );
}
