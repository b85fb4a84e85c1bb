/**
 * Access-matrix probes of the policy document routes: one per route (the matrix fails on a route
 * without one). Documents issued above a unit are read below it (docs/leadership-loop.md §4), so
 * the reads say `readsAbove`: a commune's reader reads its province's documents.
 */
import type { Location, Probe, ProbeContext } from '../../test/access-probes.js';
import { multipartFile } from '../entries/entries.factories.js';
import { buildPolicyDocument, buildPolicyDocumentAttachment, samplePdf } from './policy-documents.factories.js';

const documentAt = (c: ProbeContext, loc: Location, extra: { status?: 'draft' | 'issued'; number?: string; issuedOn?: string } = {}) =>
  buildPolicyDocument(c.t.db, { unitId: c.units[loc].id, title: `Nghị quyết ${c.marker(loc)} ${c.next()}`, ...extra });

const kindAt = async (c: ProbeContext) => {
  const code = `k_${c.next()}`.slice(0, 40);
  await c.t.db.insertInto('policy_document_kinds').values({ code, symbol: 'HD', names: JSON.stringify({ vi: 'Hướng dẫn' }) }).execute();
  return code;
};

export const policyDocumentProbes: Record<string, Probe> = {
  'GET /api/policy-document-kinds': { self: true, request: async () => ({ method: 'GET', url: '/api/policy-document-kinds' }) },
  'POST /api/policy-document-kinds': {
    self: true,
    request: async (c) => ({ method: 'POST', url: '/api/policy-document-kinds', body: { code: `k_${c.next()}`.slice(0, 40), symbol: 'HD', names: { vi: 'Hướng dẫn', en: 'Guidance' } } }),
  },
  'PATCH /api/policy-document-kinds/:code': {
    self: true,
    request: async (c) => ({ method: 'PATCH', url: `/api/policy-document-kinds/${await kindAt(c)}`, body: { names: { vi: 'Hướng dẫn thực hiện' } } }),
  },
  'GET /api/policy-documents': {
    list: true,
    readsAbove: true,
    request: async (c, loc) => {
      await documentAt(c, loc);
      return { method: 'GET', url: `/api/policy-documents?issuingUnitId=${c.units[loc].id}&limit=200` };
    },
  },
  'POST /api/policy-documents': {
    request: async (c, loc) => ({
      method: 'POST',
      url: '/api/policy-documents',
      body: { kind: 'plan', issuingUnitId: c.units[loc].id, issuingBody: 'Ban Thường vụ', symbol: 'KH/TU', title: `Kế hoạch ${c.marker(loc)} ${c.next()}` },
    }),
  },
  'GET /api/policy-documents/:id': { readsAbove: true, request: async (c, loc) => ({ method: 'GET', url: `/api/policy-documents/${(await documentAt(c, loc)).id}` }) },
  'PATCH /api/policy-documents/:id': {
    request: async (c, loc) => ({ method: 'PATCH', url: `/api/policy-documents/${(await documentAt(c, loc)).id}`, body: { summary: `Tóm tắt ${c.marker(loc)}`, version: 1 } }),
  },
  'POST /api/policy-documents/:id/issue': {
    request: async (c, loc) => {
      const doc = await documentAt(c, loc, { number: c.next(), issuedOn: '2025-06-03' });
      return { method: 'POST', url: `/api/policy-documents/${doc.id}/issue`, body: { version: 1 } };
    },
  },
  'PUT /api/policy-documents/:id/links': {
    request: async (c, loc) => {
      const older = await documentAt(c, loc);
      const doc = await documentAt(c, loc);
      return { method: 'PUT', url: `/api/policy-documents/${doc.id}/links`, body: { implements: [older.id], version: 1 } };
    },
  },
  'POST /api/policy-documents/:id/attachments': {
    request: async (c, loc) => {
      const doc = await documentAt(c, loc);
      const { payload, headers } = multipartFile(`van-ban-${c.marker(loc)}.pdf`, samplePdf(), 'application/pdf');
      return { method: 'POST', url: `/api/policy-documents/${doc.id}/attachments`, payload, headers };
    },
  },
  'GET /api/policy-document-attachments/:id': {
    readsAbove: true,
    request: async (c, loc) => {
      const doc = await documentAt(c, loc);
      return { method: 'GET', url: `/api/policy-document-attachments/${(await buildPolicyDocumentAttachment(c.t.db, doc.id)).id}` };
    },
  },
  'DELETE /api/policy-document-attachments/:id': {
    request: async (c, loc) => {
      const doc = await documentAt(c, loc);
      return { method: 'DELETE', url: `/api/policy-document-attachments/${(await buildPolicyDocumentAttachment(c.t.db, doc.id)).id}` };
    },
  },
};
