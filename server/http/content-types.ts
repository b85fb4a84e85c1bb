/**
 * A route accepts only the body types it documents: `schema.consumes` (multipart/form-data on the
 * upload routes), else application/json. Anything else is 415 UNSUPPORTED_MEDIA_TYPE before the
 * body is read. Fastify's built-in text/plain parser goes too: a `<form enctype="text/plain">`
 * can post a body that parses as JSON, which is how a cross-site form reached the JSON routes.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../errors.js';

const JSON_ONLY = ['application/json'];

function mediaType(request: FastifyRequest): string | null {
  const header = request.headers['content-type'];
  if (header !== undefined) return header.split(';')[0]!.trim().toLowerCase();
  // A body without a Content-Type is a body of no documented type.
  const hasBody = request.headers['transfer-encoding'] !== undefined || Number(request.headers['content-length'] ?? 0) > 0;
  return hasBody ? '' : null;
}

/** The media types the route documents for its body. */
export function acceptedTypes(request: FastifyRequest): readonly string[] {
  const consumes = (request.routeOptions.schema as { consumes?: readonly string[] } | undefined)?.consumes;
  return consumes?.length ? consumes : JSON_ONLY;
}

export function installContentTypeCheck(app: FastifyInstance): void {
  app.removeContentTypeParser('text/plain');
  app.addHook('onRequest', async (request) => {
    if (request.method === 'GET' || request.method === 'HEAD' || request.is404) return;
    const type = mediaType(request);
    if (type === null) return;
    const accepted = acceptedTypes(request);
    if (!accepted.includes(type)) {
      throw new AppError('UNSUPPORTED_MEDIA_TYPE', `This route accepts ${accepted.join(' or ')}`, { contentType: type || null, accepted });
    }
  });
}
