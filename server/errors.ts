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
