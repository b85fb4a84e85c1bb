/**
 * Stable machine codes of every error the API returns. The web app reads the code
 * (and translates it), never the message. Add codes; never rename or reuse one.
 */
export const ERROR_CODES = [
  'VALIDATION_FAILED',
  'BODY_TOO_LARGE',
  'UNAUTHENTICATED',
  'INVALID_CREDENTIALS',
  'ACCOUNT_DISABLED',
  'TOO_MANY_ATTEMPTS',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'ALREADY_EXISTS',
  'UNIT_RETIRED',
  'INVALID_UNIT_PARENT',
  'LAST_SYSTEM_ADMIN',
  'WEAK_PASSWORD',
  'INVALID_TRANSITION',
  'LEVEL_NOT_ON_PATH',
  'DISTRICT_AFTER_2025',
  'UNIT_NOT_IN_FORCE',
  'FILE_TOO_LARGE',
  'UNSUPPORTED_FILE',
  'IMPORT_INVALID',
  'INVALID_RANGE',
  'DATABASE_UNAVAILABLE',
  'UNSUPPORTED_MEDIA_TYPE',
  'CROSS_SITE_REQUEST',
  'PASSWORD_CHANGE_REQUIRED',
  'AMBIGUOUS_UNIT_REF',
  'UNIT_INTERVAL_OUTSIDE_PARENT',
  'SUCCESSION_CYCLE',
  'CONSENT_REQUIRED',
  'UNIT_OUTSIDE_SUBTREE',
  'EXPORT_TOO_LARGE',
  'DEADLINE_IN_PAST',
  'CONFERENCE_TOO_EARLY',
  'TASK_WOULD_BE_LOST',
  'ROUND_HAS_PENDING',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** The one error body of the API. */
export type ErrorBody = {
  error: { code: ErrorCode; message: string; details?: unknown };
};
