/** Access-matrix probes of the petitions and holidays routes: one per route (the matrix fails on a route without one). */
import { PETITION_ACTION_NAMES, type PetitionAction, type PetitionKind, type PetitionStatus } from '../../../common/petitions.js';
import type { Location, Probe, ProbeContext } from '../../test/access-probes.js';
import { SAMPLE_FILES } from '../entries/entries.factories.js';
import { buildPetition } from './petitions.factories.js';
import { receptionProbes } from './reception.probes.js';

const petitionAt = (c: ProbeContext, loc: Location, status: PetitionStatus = 'received', kind: PetitionKind = 'complaint') =>
  buildPetition(c.t.db, { unitId: c.units[loc].id, status, kind, title: `Đơn ${c.marker(loc)} ${c.next()}` });

/** The state each action starts from, and its body (a transfer goes down, to an organization under the unit). */
const ACTION_SETUP: Record<PetitionAction, { status: PetitionStatus; body: (c: ProbeContext, loc: Location) => Promise<Record<string, unknown>> }> = {
  classify: { status: 'received', body: async () => ({ categoryCode: 'environment' }) },
  assign: { status: 'classified', body: async (c, loc) => ({ handlingUnitId: c.units[loc].id }) },
  transfer: { status: 'assigned', body: async (c, loc) => ({ handlingUnitId: (await c.orgAt(loc)).id, reason: 'Chuyển cho tổ chức thành viên' }) },
  start: { status: 'assigned', body: async () => ({}) },
  progress: { status: 'in_progress', body: async () => ({ note: 'Đã xác minh' }) },
  extend: { status: 'in_progress', body: async () => ({ days: 5, reason: 'Cần thêm thời gian xác minh' }) },
  resolve: { status: 'in_progress', body: async () => ({ result: 'Đã giải quyết', publicReply: 'Đã trả lời công dân' }) },
  reject: { status: 'received', body: async () => ({ reason: 'Không thuộc thẩm quyền' }) },
  transfer_out: { status: 'received', body: async () => ({ reason: 'Chuyển Tòa án nhân dân' }) },
};

const actionProbes = Object.fromEntries(
  PETITION_ACTION_NAMES.map((action): [string, Probe] => [
    `POST /api/petitions/:id/actions/${action}`,
    {
      request: async (c, loc) => {
        const p = await petitionAt(c, loc, ACTION_SETUP[action].status);
        return { method: 'POST', url: `/api/petitions/${p.id}/actions/${action}`, body: { version: p.version, ...(await ACTION_SETUP[action].body(c, loc)) } };
      },
    },
  ]),
);

let holidayDay = 0;
/** A fresh date for each holiday write (all in 2030, far from other tests' dates). */
const nextHolidayDate = () => {
  const d = new Date(Date.UTC(2030, 0, 1 + holidayDay++));
  return d.toISOString().slice(0, 10);
};

export const petitionProbes: Record<string, Probe> = {
  'GET /api/petition-settings': { self: true, request: async () => ({ method: 'GET', url: '/api/petition-settings' }) },
  'POST /api/petitions': {
    request: async (c, loc) => ({
      method: 'POST',
      url: '/api/petitions',
      body: {
        unitId: c.units[loc].id,
        kind: 'complaint',
        channel: 'mail',
        submitter: { name: 'Phạm Văn Dũng' },
        categoryCode: 'land',
        title: `Đơn ${c.marker(loc)} ${c.next()}`,
        content: 'Nội dung khiếu nại',
        attachments: [{ fileName: 'don.pdf', dataBase64: SAMPLE_FILES.pdf.toString('base64') }],
      },
    }),
  },
  'GET /api/petitions': {
    list: true,
    request: async (c, loc) => {
      await petitionAt(c, loc);
      return { method: 'GET', url: `/api/petitions?unitId=${c.units[loc].id}&limit=200` };
    },
  },
  'GET /api/petitions/export.csv': {
    list: true,
    request: async (c, loc) => {
      await petitionAt(c, loc);
      return { method: 'GET', url: `/api/petitions/export.csv?unitId=${c.units[loc].id}&q=${encodeURIComponent(`Đơn ${c.marker(loc)}`)}` };
    },
  },
  'GET /api/petitions/export.xlsx': {
    list: true,
    request: async (c, loc) => {
      await petitionAt(c, loc);
      return { method: 'GET', url: `/api/petitions/export.xlsx?unitId=${c.units[loc].id}&q=${encodeURIComponent(c.marker(loc))}` };
    },
  },
  'GET /api/petitions/:id/handling-units': {
    request: async (c, loc) => ({ method: 'GET', url: `/api/petitions/${(await petitionAt(c, loc, 'classified')).id}/handling-units?action=assign` }),
  },
  'GET /api/petitions/digest': {
    list: true,
    request: async (c, loc) => {
      await buildPetition(c.t.db, { unitId: c.units[loc].id, status: 'in_progress', receivedOn: '2026-01-05', dueOn: '2026-01-19', title: `Đơn ${c.marker(loc)}` });
      return { method: 'GET', url: `/api/petitions/digest?unitId=${c.units[loc].id}` };
    },
  },
  'GET /api/petitions/:id': { request: async (c, loc) => ({ method: 'GET', url: `/api/petitions/${(await petitionAt(c, loc)).id}` }) },
  'GET /api/petitions/:id/identity': { request: async (c, loc) => ({ method: 'GET', url: `/api/petitions/${(await petitionAt(c, loc)).id}/identity` }) },
  'GET /api/petitions/:id/attachments/:attachmentId': {
    request: async (c, loc) => {
      const p = await petitionAt(c, loc);
      const a = await c.t.db
        .insertInto('petition_attachments')
        .values({ petition_id: p.id, file_name: 'don.pdf', content_type: 'application/pdf', size_bytes: SAMPLE_FILES.pdf.length, sha256: 'x', data: SAMPLE_FILES.pdf })
        .returning('id')
        .executeTakeFirstOrThrow();
      return { method: 'GET', url: `/api/petitions/${p.id}/attachments/${a.id}` };
    },
  },
  ...actionProbes,
  'GET /api/holidays': { self: true, request: async () => ({ method: 'GET', url: '/api/holidays?year=2026' }) },
  'PUT /api/holidays/:date': { self: true, request: async () => ({ method: 'PUT', url: `/api/holidays/${nextHolidayDate()}`, body: { kind: 'day_off', note: 'Quyết định của Chính phủ' } }) },
  'DELETE /api/holidays/:date': {
    self: true,
    request: async (c) => {
      const date = nextHolidayDate();
      await c.t.db.insertInto('holidays').values({ date, kind: 'day_off', note: 'Để xóa' }).execute();
      return { method: 'DELETE', url: `/api/holidays/${date}` };
    },
  },
  ...receptionProbes,
};
