import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import type { ErrorBody, ErrorCode } from '../../common/errors.js';
import { AppError, HTTP_STATUS } from '../errors.js';

function send(reply: FastifyReply, code: ErrorCode, message: string, details?: unknown) {
  const body: ErrorBody = { error: { code, message, ...(details === undefined ? {} : { details }) } };
  return reply.status(HTTP_STATUS[code]).type('application/json; charset=utf-8').send(body);
}

/** PostgreSQL errors that callers caused, translated; anything else is INTERNAL. */
function fromPostgres(err: { code?: string; constraint?: string; detail?: string }): AppError | null {
  switch (err.code) {
    case '23505':
      return new AppError('ALREADY_EXISTS', 'A record with the same key already exists', { constraint: err.constraint });
    case '40001':
    case '40P01':
      return new AppError('CONFLICT', 'The record was changed by someone else at the same time; try again');
    case '57P01':
    case '57P03':
    case '08006':
    case '08001':
    case 'ECONNREFUSED':
      return new AppError('DATABASE_UNAVAILABLE', 'The database is not available');
    default:
      return null;
  }
}

/** The one place where errors become responses: `{ error: { code, message, details } }`. */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    if (err instanceof AppError) return send(reply, err.code, err.message, err.details);
    if (hasZodFastifySchemaValidationErrors(err)) {
      const details = err.validation.map((v) => ({
        path: [err.validationContext, ...String(v.instancePath).split('/').filter(Boolean)].join('.'),
        message: v.message,
        code: (v.params as { issue?: { code?: string } } | undefined)?.issue?.code,
      }));
      return send(reply, 'VALIDATION_FAILED', 'The request is not valid', details);
    }
    if (err.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return send(reply, 'BODY_TOO_LARGE', 'The request body is too large');
    if (err.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' || err.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' || err.code === 'FST_ERR_CTP_INVALID_JSON_BODY') {
      return send(reply, 'VALIDATION_FAILED', err.message);
    }
    if (err.statusCode === 400 && err.code?.startsWith('FST_')) return send(reply, 'VALIDATION_FAILED', err.message);
    if (err.statusCode === 429) return send(reply, 'TOO_MANY_ATTEMPTS', 'Too many requests; wait and try again');
    const pgError = fromPostgres(err as unknown as { code?: string });
    if (pgError) return send(reply, pgError.code, pgError.message, pgError.details);
    if (isResponseSerializationError(err)) request.log.error({ err, issues: err.cause.issues }, 'response does not match its schema');
    else request.log.error({ err }, 'unhandled error');
    return send(reply, 'INTERNAL', 'An unexpected error occurred');
  });
}

export { send as sendError };
