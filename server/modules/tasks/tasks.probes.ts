/**
 * Access-matrix probes of the plans, tasks and roll-up routes: one per route. A location's data is
 * a document issued on its unit, the unit's plan and a task the unit owns. The document's plans are
 * listed from below (the document is read there, the plans above the reader are left out), so that
 * list says `readsAbove`.
 */
import type { Location, Probe, ProbeContext } from '../../test/access-probes.js';
import { multipartFile } from '../entries/entries.factories.js';
import { buildPolicyDocument, samplePdf } from '../policy-documents/policy-documents.factories.js';
import { buildPlan, buildReport, buildTask, buildTaskEvidence } from './tasks.factories.js';

const documentAt = (c: ProbeContext, loc: Location) => buildPolicyDocument(c.t.db, { unitId: c.units[loc].id, status: 'issued', title: `Nghị quyết ${c.marker(loc)} ${c.next()}` });
const planAt = async (c: ProbeContext, loc: Location) => buildPlan(c.t.db, { unitId: c.units[loc].id, documentId: (await documentAt(c, loc)).id });
const taskAt = async (c: ProbeContext, loc: Location, status: 'open' | 'done' = 'open') =>
  buildTask(c.t.db, { planId: (await planAt(c, loc)).id, ownerUnitId: c.units[loc].id, content: `Nhiệm vụ ${c.marker(loc)} ${c.next()}`, status });
const reportAt = async (c: ProbeContext, loc: Location) => buildReport(c.t.db, (await taskAt(c, loc)).id);

export const taskProbes: Record<string, Probe> = {
  'GET /api/policy-documents/:id/plans': {
    list: true,
    readsAbove: true,
    request: async (c, loc) => ({ method: 'GET', url: `/api/policy-documents/${(await planAt(c, loc)).document_id}/plans` }),
  },
  'POST /api/policy-documents/:id/plans': {
    request: async (c, loc) => ({
      method: 'POST',
      url: `/api/policy-documents/${(await documentAt(c, loc)).id}/plans`,
      body: { unitId: c.units[loc].id, startsOn: '2025-01-01', endsOn: '2099-12-31' },
    }),
  },
  'GET /api/implementation-plans/:id': { request: async (c, loc) => ({ method: 'GET', url: `/api/implementation-plans/${(await planAt(c, loc)).id}` }) },
  'POST /api/implementation-plans/:id/tasks': {
    request: async (c, loc) => ({
      method: 'POST',
      url: `/api/implementation-plans/${(await planAt(c, loc)).id}/tasks`,
      body: { content: `Nhiệm vụ ${c.marker(loc)}`, expectedOutput: 'Báo cáo', startsOn: '2025-01-01', deadline: '2099-06-30', ownerUnitIds: [c.units[loc].id] },
    }),
  },
  'GET /api/tasks': {
    list: true,
    request: async (c, loc) => {
      await taskAt(c, loc);
      return { method: 'GET', url: `/api/tasks?ownerUnitId=${c.units[loc].id}&limit=200` };
    },
  },
  'GET /api/tasks/:id': { request: async (c, loc) => ({ method: 'GET', url: `/api/tasks/${(await taskAt(c, loc)).id}` }) },
  'PATCH /api/tasks/:id': {
    request: async (c, loc) => ({ method: 'PATCH', url: `/api/tasks/${(await taskAt(c, loc)).id}`, body: { expectedOutput: `Sản phẩm ${c.marker(loc)}`, version: 1 } }),
  },
  'POST /api/tasks/:id/split': {
    request: async (c, loc) => {
      const task = await taskAt(c, loc);
      return { method: 'POST', url: `/api/tasks/${task.id}/split`, body: { children: [{ ownerUnitId: (await c.orgAt(loc)).id }], version: 1 } };
    },
  },
  'POST /api/tasks/:id/reports': {
    request: async (c, loc) => ({ method: 'POST', url: `/api/tasks/${(await taskAt(c, loc)).id}/reports`, body: { reportedOn: '2025-06-01', text: `Tiến độ ${c.marker(loc)}`, percent: 50 } }),
  },
  'POST /api/task-reports/:id/evidence': {
    request: async (c, loc) => {
      const { payload, headers } = multipartFile(`bien-ban-${c.marker(loc)}.pdf`, samplePdf(), 'application/pdf');
      return { method: 'POST', url: `/api/task-reports/${(await reportAt(c, loc)).id}/evidence`, payload, headers };
    },
  },
  'GET /api/task-evidence/:id': {
    request: async (c, loc) => ({ method: 'GET', url: `/api/task-evidence/${(await buildTaskEvidence(c.t.db, (await reportAt(c, loc)).id)).id}` }),
  },
  'DELETE /api/task-evidence/:id': {
    request: async (c, loc) => ({ method: 'DELETE', url: `/api/task-evidence/${(await buildTaskEvidence(c.t.db, (await reportAt(c, loc)).id)).id}` }),
  },
  'POST /api/tasks/:id/done': {
    request: async (c, loc) => ({ method: 'POST', url: `/api/tasks/${(await taskAt(c, loc)).id}/done`, body: { version: 1, note: `Hoàn thành ${c.marker(loc)}` } }),
  },
  'POST /api/tasks/:id/reopen': {
    request: async (c, loc) => ({ method: 'POST', url: `/api/tasks/${(await taskAt(c, loc, 'done')).id}/reopen`, body: { version: 1, reason: 'Chưa đạt yêu cầu' } }),
  },
  'DELETE /api/tasks/:id': { request: async (c, loc) => ({ method: 'DELETE', url: `/api/tasks/${(await taskAt(c, loc)).id}?version=1` }) },
  'GET /api/policy-documents/:id/rollup': {
    request: async (c, loc) => {
      const task = await taskAt(c, loc);
      const { document_id } = await c.t.db.selectFrom('tasks').select('document_id').where('id', '=', task.id).executeTakeFirstOrThrow();
      return { method: 'GET', url: `/api/policy-documents/${document_id}/rollup?unitId=${c.units[loc].id}` };
    },
  },
  'GET /api/task-figures/documents': {
    request: async (c, loc) => {
      await taskAt(c, loc);
      return { method: 'GET', url: `/api/task-figures/documents?unitId=${c.units[loc].id}&from=2025-01-01&to=2030-12-31` };
    },
  },
};
