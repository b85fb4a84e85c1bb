/** The evidence files of a dialogue conference: list, upload (multipart field `file`, `?purpose=`), download, hide. */
import fastifyMultipart from '@fastify/multipart';
import { DialogueFile, DialogueFileList, DialogueFileQuery, FileIdParams, GRASSROOTS_FILE_LIMITS } from '../../../common/grassroots-files.js';
import { actorOf, type App } from '../../http/context.js';
import { sendStoredFile } from '../../http/stored-file.js';
import { presentEvidenceFile } from '../grassroots/grassroots.presenter.js';
import { readUpload } from '../policy-documents/policy-documents.routes.js';
import * as files from './dialogue-files.service.js';
import type { DialogueFileRecord } from './dialogue-files.repository.js';
import { SessionIdParams } from './reception.schema.js';

const tags = ['reception'];
const MAX_BYTES = GRASSROOTS_FILE_LIMITS.fileBytes;
const present = (f: DialogueFileRecord): DialogueFile => ({ ...presentEvidenceFile(f), purpose: f.purpose });

export async function dialogueFileRoutes(app: App): Promise<void> {
  // Multipart bodies are taken by this plugin's upload route only (the plugin is encapsulated).
  await app.register(fastifyMultipart, { limits: { fileSize: MAX_BYTES, files: 1, fields: 5 } });

  app.get(
    '/api/reception-sessions/:id/files',
    { config: { permission: 'units.read' }, schema: { tags, summary: 'The evidence files of a dialogue conference (notice, results, minutes)', params: SessionIdParams, response: { 200: DialogueFileList } } },
    async (request) => ({ items: (await files.listDialogueFiles(app.ctx, actorOf(request), request.params.id)).map(present) }),
  );

  app.post(
    '/api/reception-sessions/:id/files',
    {
      config: { permission: 'data.write' },
      schema: {
        tags,
        summary: 'Add an evidence file to a dialogue conference (PDF, Word .docx, JPEG or PNG; multipart field "file"; refused on a reception session; audited)',
        params: SessionIdParams,
        querystring: DialogueFileQuery,
        consumes: ['multipart/form-data'],
        response: { 201: DialogueFile },
      },
    },
    async (request, reply) =>
      reply.code(201).send(present(await files.addDialogueFile(app.ctx, actorOf(request), request.params.id, request.query.purpose, () => readUpload(request, MAX_BYTES)))),
  );

  app.get(
    '/api/dialogue-files/:id',
    { config: { permission: 'units.read' }, schema: { tags, summary: 'The bytes of a dialogue conference\'s evidence file', params: FileIdParams } },
    async (request, reply) => sendStoredFile(reply, await files.getDialogueFile(app.ctx, actorOf(request), request.params.id)),
  );

  app.delete(
    '/api/dialogue-files/:id',
    { config: { permission: 'data.write' }, schema: { tags, summary: 'Remove a dialogue conference\'s evidence file (kept, no longer listed or served; audited)', params: FileIdParams } },
    async (request, reply) => {
      await files.hideDialogueFile(app.ctx, actorOf(request), request.params.id);
      return reply.code(204).send();
    },
  );
}
