/**
 * The evidence files of a publication: upload (multipart field `file`), download, hide. The public
 * route `GET /api/public/grassroots` never serves them (docs/grassroots-democracy.md §5).
 */
import fastifyMultipart from '@fastify/multipart';
import { EvidenceFile, FileIdParams, GRASSROOTS_FILE_LIMITS } from '../../../common/grassroots-files.js';
import { GrassrootsIdParams } from '../../../common/grassroots.js';
import { actorOf, type App } from '../../http/context.js';
import { sendStoredFile } from '../../http/stored-file.js';
import { readUpload } from '../policy-documents/policy-documents.routes.js';
import { presentEvidenceFile } from './grassroots.presenter.js';
import * as files from './publication-files.service.js';

const tags = ['grassroots'];
const MAX_BYTES = GRASSROOTS_FILE_LIMITS.fileBytes;

export async function publicationFileRoutes(app: App): Promise<void> {
  // Multipart bodies are taken by this plugin's upload route only (the plugin is encapsulated).
  await app.register(fastifyMultipart, { limits: { fileSize: MAX_BYTES, files: 1, fields: 5 } });

  app.post(
    '/api/grassroots/publications/:id/files',
    {
      config: { permission: 'data.write' },
      schema: {
        tags,
        summary: 'Add an evidence file to a publication (PDF, Word .docx, JPEG or PNG; multipart field "file"; data.write on the commune or its Front committee; audited). Never public.',
        params: GrassrootsIdParams,
        consumes: ['multipart/form-data'],
        response: { 201: EvidenceFile },
      },
    },
    async (request, reply) => reply.code(201).send(presentEvidenceFile(await files.addPublicationFile(app.ctx, actorOf(request), request.params.id, () => readUpload(request, MAX_BYTES)))),
  );

  app.get(
    '/api/grassroots/publication-files/:id',
    { config: { permission: 'units.read' }, schema: { tags, summary: 'The bytes of a publication\'s evidence file (read as the publication)', params: FileIdParams } },
    async (request, reply) => sendStoredFile(reply, await files.getPublicationFile(app.ctx, actorOf(request), request.params.id)),
  );

  app.delete(
    '/api/grassroots/publication-files/:id',
    { config: { permission: 'data.write' }, schema: { tags, summary: 'Remove a publication\'s evidence file (kept, no longer listed or served; audited)', params: FileIdParams } },
    async (request, reply) => {
      await files.hidePublicationFile(app.ctx, actorOf(request), request.params.id);
      return reply.code(204).send();
    },
  );
}
