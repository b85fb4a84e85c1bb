import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import type { ErrorBody, ErrorCode } from '../../common/errors.js';
import { isConnectionError } from '../db/database.js';
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
    // Values PostgreSQL cannot take: the edge refuses them (text-guard.ts, the schemas' limits), so
    // one of these means an edge check is missing: a 400 for the caller, a warning for us.
    case '22001':
    case '22003':
    case '22007':
    case '22008':
    case '22021':
    case '22P02':
    case '22P05':
      return new AppError('VALIDATION_FAILED', 'A value is not valid for the database', { sqlState: err.code });
    default:
      // The server went away, restarts or refuses connections (every shape node-postgres gives it).
      return isConnectionError(err) ? new AppError('DATABASE_UNAVAILABLE', 'The database is not available') : null;
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
    if (err.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return send(reply, 'UNSUPPORTED_MEDIA_TYPE', 'This content type is not accepted here');
    if (err.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' || err.code === 'FST_ERR_CTP_INVALID_JSON_BODY') return send(reply, 'VALIDATION_FAILED', err.message);
    if (err.statusCode === 429) return send(reply, 'TOO_MANY_ATTEMPTS', 'Too many requests; wait and try again');
    // Any other refusal Fastify or a plugin raises (bad URL, content length, multipart framing) is the caller's.
    if (err.statusCode === 413) return send(reply, 'BODY_TOO_LARGE', 'The request body is too large');
    if (err.statusCode === 415) return send(reply, 'UNSUPPORTED_MEDIA_TYPE', err.message);
    if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500 && err.code?.startsWith('FST_')) return send(reply, 'VALIDATION_FAILED', err.message);
    const pgError = fromPostgres(err as unknown as { code?: string });
    if (pgError) {
      if (pgError.code === 'VALIDATION_FAILED') request.log.warn({ err }, 'the database refused a value the edge let through');
      return send(reply, pgError.code, pgError.message, pgError.details);
    }
    if (isResponseSerializationError(err)) request.log.error({ err, issues: err.cause.issues }, 'response does not match its schema');
    else request.log.error({ err }, 'unhandled error');
    return send(reply, 'INTERNAL', 'An unexpected error occurred');
  });
}

export { send as sendError };
