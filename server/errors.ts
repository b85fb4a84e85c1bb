import type { ErrorCode } from '../common/errors.js';

export type { ErrorCode } from '../common/errors.js';

/** The single table from error code to HTTP status. */
export const HTTP_STATUS: Record<ErrorCode, number> = {
  VALIDATION_FAILED: 400,
  BODY_TOO_LARGE: 413,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  ACCOUNT_DISABLED: 403,
  TOO_MANY_ATTEMPTS: 429,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  ALREADY_EXISTS: 409,
  UNIT_RETIRED: 409,
  INVALID_UNIT_PARENT: 400,
  LAST_SYSTEM_ADMIN: 409,
  WEAK_PASSWORD: 400,
  INVALID_TRANSITION: 409,
  LEVEL_NOT_ON_PATH: 400,
  DISTRICT_AFTER_2025: 400,
  UNIT_NOT_IN_FORCE: 400,
  FILE_TOO_LARGE: 413,
  UNSUPPORTED_FILE: 415,
  IMPORT_INVALID: 422,
  INVALID_RANGE: 400,
  DATABASE_UNAVAILABLE: 503,
  UNSUPPORTED_MEDIA_TYPE: 415,
  CROSS_SITE_REQUEST: 403,
  PASSWORD_CHANGE_REQUIRED: 403,
  AMBIGUOUS_UNIT_REF: 409,
  UNIT_INTERVAL_OUTSIDE_PARENT: 400,
  SUCCESSION_CYCLE: 409,
  // The public form without the citizen's consent to the data-protection notice in force.
  CONSENT_REQUIRED: 422,
  UNIT_OUTSIDE_SUBTREE: 400,
  EXPORT_TOO_LARGE: 400,
  // A new deadline (a review's key task, a reception commitment) before today in Viet Nam.
  DEADLINE_IN_PAST: 400,
  // A review conference held before half of the period it reviews has passed.
  CONFERENCE_TOO_EARLY: 400,
  // A split or delete that would drop a task holding progress reports or children (leadership loop).
  TASK_WOULD_BE_LOST: 409,
  // Closing a reporting round while participants have not submitted and are not excused.
  ROUND_HAS_PENDING: 409,
  INTERNAL: 500,
};

/** Errors that services throw; the HTTP layer turns them into `{ error: { code, message, details } }`. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'AppError';
  }

  get status(): number {
    return HTTP_STATUS[this.code];
  }
}

export const notFound = (what: string, id: unknown) => new AppError('NOT_FOUND', `${what} ${String(id)} not found`, { what, id });
export const forbidden = (message = 'You do not have permission for this action') => new AppError('FORBIDDEN', message);
export const conflict = (message: string, details?: unknown) => new AppError('CONFLICT', message, details);
export const validation = (message: string, details?: unknown) => new AppError('VALIDATION_FAILED', message, details);
/**
 * A deadline being set (a review's key task, a reception commitment) lies before `today` in Viet
 * Nam: the task would be overdue from the moment it is written, in every count and digest.
 */
export const deadlineInPast = (paths: string | string[], today: string) =>
  new AppError(
    'DEADLINE_IN_PAST',
    `The deadline must not be before today (${today})`,
    [paths].flat().map((path) => ({ path, message: `must not be before ${today}`, today })),
  );
