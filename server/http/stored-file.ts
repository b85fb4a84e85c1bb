/**
 * Sending a file kept in the database (evidence of an entry or a task, a policy document's
 * attachment): its checked type, its name as UTF-8 for the browser to show or save, never
 * sniffed, revalidated on each read (access may have changed), and its hash as the ETag.
 */
import type { FastifyReply } from 'fastify';

export type StoredFile = { content_type: string; file_name: string; sha256: string; data: Buffer };

/** `Content-Disposition` value: the UTF-8 name per RFC 6266 / 5987. */
export function inlineDisposition(fileName: string): string {
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `inline; filename*=UTF-8''${encoded}`;
}

export function sendStoredFile(reply: FastifyReply, file: StoredFile) {
  return reply
    .type(file.content_type)
    .header('content-disposition', inlineDisposition(file.file_name))
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'private, no-cache')
    .header('etag', `"${file.sha256}"`)
    .send(file.data);
}
