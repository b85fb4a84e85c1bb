import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../app/api-client';
import { alreadyExistsMessage } from './already-exists';

function retryMinutes(details: unknown): number | null {
  const seconds = (details as { retryAfterSeconds?: unknown } | null)?.retryAfterSeconds;
  return typeof seconds === 'number' && seconds > 0 ? Math.ceil(seconds / 60) : null;
}

/** A field holds a character the server cannot store (U+0000, a broken surrogate): details[].reason. */
function hasInvalidCharacter(details: unknown): boolean {
  return Array.isArray(details) && details.some((d) => (d as { reason?: unknown } | null)?.reason === 'invalid_character');
}

/** A situation report (or a round's situation part) sent without an item: details[].code `no_items`. */
function situationWithoutItems(details: unknown): boolean {
  return Array.isArray(details) && details.some((d) => (d as { code?: unknown } | null)?.code === 'no_items');
}

/** UNIT_OUTSIDE_SUBTREE names the allowed root (details.root.name); a transfer also allows the parent. */
function outsideSubtree(details: unknown): { key: string; values: Record<string, string> } {
  const d = details as { root?: { name?: unknown }; allowed?: unknown } | null;
  const root = typeof d?.root?.name === 'string' ? d.root.name : '…';
  return { key: d?.allowed === 'parent_or_below' ? 'errors.unitOutsideSubtreeOrParent' : 'errors.UNIT_OUTSIDE_SUBTREE', values: { root } };
}

/** EXPORT_TOO_LARGE says how many matched and how many one export holds (details.total, details.max). */
function exportTooLarge(details: unknown): { key: string; values: Record<string, number> } {
  const d = details as { total?: unknown; max?: unknown } | null;
  return { key: 'errors.EXPORT_TOO_LARGE', values: { total: typeof d?.total === 'number' ? d.total : 0, max: typeof d?.max === 'number' ? d.max : 0 } };
}

/** ROUND_HAS_PENDING says how many participants have not submitted (details.pending). */
function roundHasPending(details: unknown): { key: string; values: Record<string, number> } {
  const pending = (details as { pending?: unknown } | null)?.pending;
  return { key: 'errors.ROUND_HAS_PENDING', values: { pending: typeof pending === 'number' ? pending : 0 } };
}

/** The catalog key (and its values) of the message for an error, chosen by its code and details. */
export function errorMessageKey(error: unknown): { key: string; values?: Record<string, number | string> } {
  if (!(error instanceof ApiError)) return { key: 'errors.INTERNAL' };
  if (error.code === 'TOO_MANY_ATTEMPTS') {
    const minutes = retryMinutes(error.details);
    return minutes === null ? { key: 'errors.tooManyAttemptsLater' } : { key: 'errors.TOO_MANY_ATTEMPTS', values: { minutes } };
  }
  if (error.code === 'VALIDATION_FAILED' && hasInvalidCharacter(error.details)) return { key: 'errors.invalidCharacter' };
  if (error.code === 'VALIDATION_FAILED' && situationWithoutItems(error.details)) return { key: 'situation.errors.noItems' };
  if (error.code === 'UNIT_OUTSIDE_SUBTREE') return outsideSubtree(error.details);
  if (error.code === 'EXPORT_TOO_LARGE') return exportTooLarge(error.details);
  if (error.code === 'ROUND_HAS_PENDING') return roundHasPending(error.details);
  if (error.code === 'ALREADY_EXISTS') return alreadyExistsMessage(error.details);
  return { key: `errors.${error.code}` };
}

/** The translated message for an error, chosen by its code (never the server's own text). */
export function useErrorMessage(): (error: unknown) => string {
  const { t } = useTranslation();
  return useCallback(
    (error: unknown) => {
      const { key, values } = errorMessageKey(error);
      return values ? t(key, values) : t(key);
    },
    [t],
  );
}
