import fastifyMultipart from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import { POLICY_DOCUMENT_LIMITS } from '../../../common/policy-documents.js';
import { AppError } from '../../errors.js';
import { actorOf, type App } from '../../http/context.js';
import type { Upload } from '../entries/evidence.service.js';
import { sendStoredFile } from '../../http/stored-file.js';
import * as attachments from './policy-document-attachments.service.js';
import { presentAttachment, presentDocument, presentDocumentDetail, presentKind } from './policy-documents.presenter.js';
import {
  CreatePolicyDocumentBody,
  CreatePolicyDocumentKindBody,
  IssuePolicyDocumentBody,
  PolicyDocumentAttachment,
  PolicyDocumentAttachmentParams,
  PolicyDocumentDetail,
  PolicyDocumentIdParams,
  PolicyDocumentKind,
  PolicyDocumentKindList,
  PolicyDocumentKindParams,
  PolicyDocumentListQuery,
  PolicyDocumentPage,
  PutPolicyDocumentLinksBody,
  UpdatePolicyDocumentBody,
  UpdatePolicyDocumentKindBody,
} from './policy-documents.schema.js';
import * as documents from './policy-documents.service.js';

const tags = ['policy-documents'];
const MAX_BYTES = POLICY_DOCUMENT_LIMITS.attachmentBytes;

const badUpload = (err: unknown) =>
  new AppError('VALIDATION_FAILED', `The upload is not valid: ${(err as Error).message}`, [{ path: 'body.file', message: 'not a valid multipart upload' }]);

/**
 * Reads the one `file` part of a multipart request; FILE_TOO_LARGE past `maxBytes` (the attachment
 * limit, 20 MB, also a task evidence's; other uploads pass their own).
 */
export async function readUpload(request: FastifyRequest, maxBytes: number = MAX_BYTES): Promise<Upload> {
  let part;
  try {
    part = await request.file({ limits: { fileSize: maxBytes, files: 1, fields: 5 } });
  } catch (err) {
    throw badUpload(err);
  }
  if (!part || part.fieldname !== 'file') throw new AppError('VALIDATION_FAILED', 'Send the file in the field "file"', [{ path: 'body.file', message: 'required', code: 'required' }]);
  try {
    return { fileName: part.filename, data: await part.toBuffer() };
  } catch (err) {
    if ((err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw new AppError('FILE_TOO_LARGE', `A file may have at most ${maxBytes} bytes`, { maxBytes });
    throw badUpload(err);
  }
}

export async function policyDocumentRoutes(app: App): Promise<void> {
  // Multipart bodies are taken by this plugin's upload route only (the plugin is encapsulated).
  await app.register(fastifyMultipart, { limits: { fileSize: MAX_BYTES, files: 1, fields: 5 } });

  app.get(
    '/api/policy-document-kinds',
    { config: { permission: 'units.read' }, schema: { tags, summary: 'The kinds of policy documents (resolution NQ, conclusion KL, …), in their display order', response: { 200: PolicyDocumentKindList } } },
    async () => ({ items: (await documents.listKinds(app.ctx)).map(presentKind) }),
  );

  app.post(
    '/api/policy-document-kinds',
    { config: { permission: 'system.manage' }, schema: { tags, summary: 'Add a kind of policy document', body: CreatePolicyDocumentKindBody, response: { 201: PolicyDocumentKind } } },
    async (request, reply) => reply.code(201).send(presentKind(await documents.createKind(app.ctx, actorOf(request), request.body))),
  );

  app.patch(
    '/api/policy-document-kinds/:code',
    {
      config: { permission: 'system.manage' },
      schema: { tags, summary: 'Change a kind of policy document (symbol, names, whether it is implemented by plans, order)', params: PolicyDocumentKindParams, body: UpdatePolicyDocumentKindBody, response: { 200: PolicyDocumentKind } },
    },
    async (request) => presentKind(await documents.updateKind(app.ctx, actorOf(request), request.params.code, request.body)),
  );

  app.get(
    '/api/policy-documents',
    {
      config: { permission: 'units.read' },
      schema: { tags, summary: 'Policy documents the caller reads (issued in, above or below its units), drafts and newest first', querystring: PolicyDocumentListQuery, response: { 200: PolicyDocumentPage } },
    },
    async (request) => {
      const page = await documents.listDocuments(app.ctx, actorOf(request), request.query);
      return { items: page.rows.map(presentDocument), total: page.total };
    },
  );

  app.post(
    '/api/policy-documents',
    { config: { permission: 'data.write' }, schema: { tags, summary: 'Draft a policy document of a unit', body: CreatePolicyDocumentBody, response: { 201: PolicyDocumentDetail } } },
    async (request, reply) => {
      const actor = actorOf(request);
      const doc = await documents.createDocument(app.ctx, actor, request.body);
      return reply.code(201).send(presentDocumentDetail(await documents.getDocumentDetail(app.ctx, actor, doc.id)));
    },
  );

  app.get(
    '/api/policy-documents/:id',
    { config: { permission: 'units.read' }, schema: { tags, summary: 'A policy document with its links and attachments', params: PolicyDocumentIdParams, response: { 200: PolicyDocumentDetail } } },
    async (request) => presentDocumentDetail(await documents.getDocumentDetail(app.ctx, actorOf(request), request.params.id)),
  );

  app.patch(
    '/api/policy-documents/:id',
    {
      config: { permission: 'data.write' },
      schema: { tags, summary: 'Change a policy document (with the version it was read at)', params: PolicyDocumentIdParams, body: UpdatePolicyDocumentBody, response: { 200: PolicyDocumentDetail } },
    },
    async (request) => {
      const actor = actorOf(request);
      await documents.updateDocument(app.ctx, actor, request.params.id, request.body);
      return presentDocumentDetail(await documents.getDocumentDetail(app.ctx, actor, request.params.id));
    },
  );

  app.post(
    '/api/policy-documents/:id/issue',
    {
      config: { permission: 'data.approve' },
      schema: { tags, summary: 'Issue a draft: it needs its number and date of issue, unique for the symbol in that year', params: PolicyDocumentIdParams, body: IssuePolicyDocumentBody, response: { 200: PolicyDocumentDetail } },
    },
    async (request) => {
      const actor = actorOf(request);
      await documents.issueDocument(app.ctx, actor, request.params.id, request.body);
      return presentDocumentDetail(await documents.getDocumentDetail(app.ctx, actor, request.params.id));
    },
  );

  app.put(
    '/api/policy-documents/:id/links',
    {
      config: { permission: 'data.write' },
      schema: { tags, summary: 'Set the documents this one implements, replaces and amends (all of them)', params: PolicyDocumentIdParams, body: PutPolicyDocumentLinksBody, response: { 200: PolicyDocumentDetail } },
    },
    async (request) => {
      const actor = actorOf(request);
      await documents.putLinks(app.ctx, actor, request.params.id, request.body);
      return presentDocumentDetail(await documents.getDocumentDetail(app.ctx, actor, request.params.id));
    },
  );

  app.post(
    '/api/policy-documents/:id/attachments',
    {
      config: { permission: 'data.write' },
      schema: { tags, summary: 'Attach a file (PDF or Word .docx; multipart field "file")', params: PolicyDocumentIdParams, consumes: ['multipart/form-data'], response: { 201: PolicyDocumentAttachment } },
    },
    async (request, reply) => reply.code(201).send(presentAttachment(await attachments.addAttachment(app.ctx, actorOf(request), request.params.id, () => readUpload(request)))),
  );

  app.get(
    '/api/policy-document-attachments/:id',
    { config: { permission: 'units.read' }, schema: { tags, summary: 'The bytes of a file of a policy document', params: PolicyDocumentAttachmentParams } },
    async (request, reply) => {
      return sendStoredFile(reply, await attachments.getAttachmentFile(app.ctx, actorOf(request), request.params.id));
    },
  );

  app.delete(
    '/api/policy-document-attachments/:id',
    { config: { permission: 'data.write' }, schema: { tags, summary: 'Remove a file of a policy document (kept, no longer listed or served)', params: PolicyDocumentAttachmentParams } },
    async (request, reply) => {
      await attachments.hideAttachment(app.ctx, actorOf(request), request.params.id);
      return reply.code(204).send();
    },
  );
}
