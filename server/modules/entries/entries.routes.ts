import fastifyMultipart from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import { ENTRY_ACTION_NAMES, ENTRY_ACTIONS, ENTRY_LIMITS, EntryDetail, EntryInput } from '../../../common/entries.js';
import { AppError } from '../../errors.js';
import { actorOf, type App } from '../../http/context.js';
import { sendStoredFile } from '../../http/stored-file.js';
import { emulationPeriodRoutes } from './emulation-periods.routes.js';
import { getEntryDetail } from './entry-detail.service.js';
import { entryFieldRoutes } from './entry-fields.routes.js';
import { applyAction, bulkAction } from './entry-lifecycle.service.js';
import { addProgress } from './entry-progress.service.js';
import { addReplicate, removeReplicate } from './entry-replication.service.js';
import { presentEntryDetail, presentEvidenceItem } from './entries.presenter.js';
import {
  ActionBody,
  BulkActionBody,
  BulkActionResult,
  BulkEvaluateBody,
  BulkReasonRequiredBody,
  EntryIdParams,
  EvaluateBody,
  EvidenceItem,
  EvidenceParams,
  ProgressBody,
  ReasonRequiredBody,
  ReplicateBody,
  ReplicateParams,
  UpdateEntryBody,
} from './entries.schema.js';
import { createEntry, updateEntry } from './entries.service.js';
import * as evidence from './evidence.service.js';

const tags = ['entries'];

const ACTION_SUMMARIES: Record<keyof typeof ENTRY_ACTIONS, string> = {
  submit: 'Submit a draft or returned entry for acceptance',
  accept: 'Accept a submitted entry (the steering committee of its level)',
  return: 'Return a submitted entry to its unit, with the reason',
  start: 'Start implementing an accepted entry',
  evaluate: "Record the committee's evaluation: effective or not, and the criteria score",
  recognise: 'Recognise an entry evaluated as effective as a typical example',
  withdraw: 'Withdraw an entry (it stays, visible in its history), with the reason',
};

/** Reads the one `file` part of a multipart request; FILE_TOO_LARGE past ENTRY_LIMITS.evidenceBytes. */
async function readUpload(request: FastifyRequest): Promise<evidence.Upload> {
  let part;
  try {
    part = await request.file({ limits: { fileSize: ENTRY_LIMITS.evidenceBytes, files: 1, fields: 5 } });
  } catch (err) {
    throw new AppError('VALIDATION_FAILED', `The upload is not valid: ${(err as Error).message}`, [{ path: 'body.file', message: 'not a valid multipart upload' }]);
  }
  if (!part || part.fieldname !== 'file') throw new AppError('VALIDATION_FAILED', 'Send the file in the field "file"', [{ path: 'body.file', message: 'required', code: 'required' }]);
  try {
    return { fileName: part.filename, data: await part.toBuffer() };
  } catch (err) {
    if ((err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') {
      throw new AppError('FILE_TOO_LARGE', `A file may have at most ${ENTRY_LIMITS.evidenceBytes} bytes`, { maxBytes: ENTRY_LIMITS.evidenceBytes });
    }
    // A truncated or malformed body ("Unexpected end of form") is the caller's.
    throw new AppError('VALIDATION_FAILED', `The upload is not valid: ${(err as Error).message}`, [{ path: 'body.file', message: 'not a valid multipart upload' }]);
  }
}

export async function entryRoutes(app: App): Promise<void> {
  // Only this plugin takes multipart bodies (evidence uploads); limits are set per request too.
  await app.register(fastifyMultipart, { limits: { fileSize: ENTRY_LIMITS.evidenceBytes, files: 1, fields: 5 } });
  await entryFieldRoutes(app);
  await emulationPeriodRoutes(app);

  app.post(
    '/api/entries',
    { config: { permission: 'data.write' }, schema: { tags, summary: 'Register an entry (a model or typical example); it starts as a draft', body: EntryInput, response: { 201: EntryDetail } } },
    async (request, reply) => reply.code(201).send(presentEntryDetail(await createEntry(app.ctx, actorOf(request), request.body))),
  );

  app.get(
    '/api/entries/:id',
    { config: { permission: 'units.read' }, schema: { tags, summary: 'An entry with its history, progress, evidence, replication and the actions the reader may take', params: EntryIdParams, response: { 200: EntryDetail } } },
    async (request) => presentEntryDetail(await getEntryDetail(app.ctx, actorOf(request), request.params.id)),
  );

  app.patch(
    '/api/entries/:id',
    {
      config: { permission: 'data.write' },
      schema: { tags, summary: 'Change an entry (all fields in draft or returned; only how it is going once accepted)', params: EntryIdParams, body: UpdateEntryBody, response: { 200: EntryDetail } },
    },
    async (request) => presentEntryDetail(await updateEntry(app.ctx, actorOf(request), request.params.id, request.body)),
  );

  // One route per action, so each declares the permission it needs (and the access matrix probes each).
  for (const action of ENTRY_ACTION_NAMES) {
    const spec = ENTRY_ACTIONS[action];
    const body = action === 'evaluate' ? EvaluateBody : spec.reason === 'required' ? ReasonRequiredBody : ActionBody;
    app.post(
      `/api/entries/:id/actions/${action}`,
      { config: { permission: spec.permission }, schema: { tags, summary: ACTION_SUMMARIES[action], params: EntryIdParams, body, response: { 200: EntryDetail } } },
      async (request) => presentEntryDetail(await applyAction(app.ctx, actorOf(request), request.params.id, action, request.body)),
    );
  }

  // The same steps on many entries (the list's selection, or all matching its filters): all or nothing, one route per action as above.
  for (const action of ENTRY_ACTION_NAMES) {
    const spec = ENTRY_ACTIONS[action];
    const body = action === 'evaluate' ? BulkEvaluateBody : spec.reason === 'required' ? BulkReasonRequiredBody : BulkActionBody;
    app.post(
      `/api/entries/bulk-actions/${action}`,
      {
        config: { permission: spec.permission },
        schema: { tags, summary: `${ACTION_SUMMARIES[action]}: many entries at once, all or nothing`, body, response: { 200: BulkActionResult } },
      },
      async (request) => bulkAction(app.ctx, actorOf(request), action, request.body),
    );
  }

  app.post(
    '/api/entries/:id/progress',
    { config: { permission: 'data.write' }, schema: { tags, summary: 'Add a progress note to an accepted or implementing entry', params: EntryIdParams, body: ProgressBody, response: { 200: EntryDetail } } },
    async (request) => presentEntryDetail(await addProgress(app.ctx, actorOf(request), request.params.id, request.body)),
  );

  app.post(
    '/api/entries/:id/evidence',
    {
      config: { permission: 'data.write' },
      schema: { tags, summary: 'Attach an evidence file (JPEG, PNG, WebP or PDF; multipart field "file")', params: EntryIdParams, consumes: ['multipart/form-data'], response: { 201: EvidenceItem } },
    },
    async (request, reply) => reply.code(201).send(presentEvidenceItem(await evidence.addEvidence(app.ctx, actorOf(request), request.params.id, () => readUpload(request)))),
  );

  app.get(
    '/api/entries/:id/evidence/:evidenceId',
    { config: { permission: 'units.read' }, schema: { tags, summary: 'The bytes of an evidence file', params: EvidenceParams } },
    async (request, reply) => {
      return sendStoredFile(reply, await evidence.getEvidenceFile(app.ctx, actorOf(request), request.params.id, request.params.evidenceId));
    },
  );

  app.delete(
    '/api/entries/:id/evidence/:evidenceId',
    { config: { permission: 'data.write' }, schema: { tags, summary: 'Detach an evidence file (kept, no longer listed)', params: EvidenceParams } },
    async (request, reply) => {
      await evidence.removeEvidence(app.ctx, actorOf(request), request.params.id, request.params.evidenceId);
      return reply.code(204).send();
    },
  );

  app.post(
    '/api/entries/:id/replicates',
    { config: { permission: 'data.write' }, schema: { tags, summary: 'Record that this entry copies a recognised entry', params: EntryIdParams, body: ReplicateBody, response: { 201: EntryDetail } } },
    async (request, reply) => reply.code(201).send(presentEntryDetail(await addReplicate(app.ctx, actorOf(request), request.params.id, request.body.sourceEntryId))),
  );

  app.delete(
    '/api/entries/:id/replicates/:sourceEntryId',
    { config: { permission: 'data.write' }, schema: { tags, summary: 'Undo a replication link', params: ReplicateParams, response: { 200: EntryDetail } } },
    async (request) => presentEntryDetail(await removeReplicate(app.ctx, actorOf(request), request.params.id, request.params.sourceEntryId)),
  );
}
