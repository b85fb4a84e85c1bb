/** Access-matrix probes of the entries routes: one per route (the matrix fails on a route without one). */
import { ENTRY_ACTION_NAMES, type EntryAction, type EntryStatus } from '../../../common/entries.js';
import type { Location, Probe, ProbeContext } from '../../test/access-probes.js';
import { buildEntry, buildEvidence, buildReplication, multipartFile, SAMPLE_FILES } from './entries.factories.js';

// ----- Registration, lifecycle, progress, evidence and replication (entries.routes.ts) -----

/** The level whose committee is the location's own unit: approvals at `loc` need data.approve there. */
const levelAt = (loc: Location) => (loc === 'province' ? 'province' : 'commune');

/** An entry registered by the location's unit, named with its marker. */
const entryAt = (c: ProbeContext, loc: Location, status: EntryStatus = 'draft') =>
  buildEntry(c.t.db, { unitId: c.units[loc].id, level: levelAt(loc), status, title: `Mô hình ${c.marker(loc)} ${c.next()}` });

/** The state each action starts from, and the body it needs. */
const ACTION_SETUP: Record<EntryAction, { status: EntryStatus; body: Record<string, unknown> }> = {
  submit: { status: 'draft', body: {} },
  accept: { status: 'registered', body: {} },
  return: { status: 'registered', body: { reason: 'Bổ sung số liệu' } },
  start: { status: 'accepted', body: {} },
  evaluate: { status: 'implementing', body: { effective: true, score: 85.5 } },
  recognise: { status: 'evaluated', body: {} },
  withdraw: { status: 'draft', body: { reason: 'Đơn vị rút đăng ký' } },
};

const actionProbes = Object.fromEntries(
  ENTRY_ACTION_NAMES.map((action): [string, Probe] => [
    `POST /api/entries/:id/actions/${action}`,
    {
      request: async (c, loc) => {
        const e = await entryAt(c, loc, ACTION_SETUP[action].status);
        return { method: 'POST', url: `/api/entries/${e.id}/actions/${action}`, body: { version: e.version, ...ACTION_SETUP[action].body } };
      },
    },
  ]),
);

/** The bulk routes on the list's selection (one entry at the location): the same states and bodies as the single actions. */
const bulkProbes = Object.fromEntries(
  ENTRY_ACTION_NAMES.map((action): [string, Probe] => [
    `POST /api/entries/bulk-actions/${action}`,
    {
      request: async (c, loc) => {
        const e = await entryAt(c, loc, ACTION_SETUP[action].status);
        return { method: 'POST', url: `/api/entries/bulk-actions/${action}`, body: { items: [{ id: e.id, version: e.version }], ...ACTION_SETUP[action].body } };
      },
    },
  ]),
);

/**
 * Fields a province adds are meant for the communes below it, so a commune reader sees them by
 * design: their names carry the outside marker only, never ZZPROVINCE (which the matrix treats as
 * a leak above a commune scope).
 */
const fieldName = (c: ProbeContext, loc: Location) => `Lĩnh vực ${loc === 'foreign' ? c.marker(loc) : 'riêng'} ${c.next()}`;
const fieldCode = (c: ProbeContext) => `f_${c.next()}`.toLowerCase().replace(/[^a-z0-9_]/g, '_').slice(0, 40);

export const entryProbes: Record<string, Probe> = {
  'GET /api/entries': {
    list: true,
    request: async (c, loc) => {
      const { buildEntry: buildListedEntry } = await import('./entries-list.factories.js');
      await buildListedEntry(c.t.db, { unitId: c.units[loc].id, title: `Mô hình ${c.marker(loc)} ${c.next()}` });
      return { method: 'GET', url: `/api/entries?unitId=${c.units[loc].id}&limit=200` };
    },
  },
  'GET /api/entry-fields': {
    list: true,
    request: async (c, loc) => {
      await c.t.db.insertInto('entry_fields').values({ code: fieldCode(c), names: JSON.stringify({ vi: fieldName(c, loc) }), unit_id: c.units[loc].id }).execute();
      return { method: 'GET', url: `/api/entry-fields?unitId=${c.units[loc].id}` };
    },
  },
  'POST /api/entry-fields': { request: async (c, loc) => ({ method: 'POST', url: '/api/entry-fields', body: { code: fieldCode(c), names: { vi: fieldName(c, loc) }, unitId: c.units[loc].id } }) },
  'GET /api/emulation-periods': { self: true, request: async () => ({ method: 'GET', url: '/api/emulation-periods' }) },
  'POST /api/emulation-periods': {
    self: true,
    request: async (c) => {
      // A span of years no period has yet.
      const used = await c.t.db.selectFrom('emulation_periods').select(['start_year', 'end_year']).execute();
      let start = 2031;
      while (used.some((p) => p.start_year === start && p.end_year === start)) start++;
      return { method: 'POST', url: '/api/emulation-periods', body: { name: `Đợt ${start}`, startYear: start, endYear: start } };
    },
  },
  'POST /api/entries': {
    request: async (c, loc) => ({
      method: 'POST',
      url: '/api/entries',
      body: { registeringUnitId: c.units[loc].id, level: levelAt(loc), kind: 'model', form: 'collective', fieldCode: 'economic', year: 2026, title: `Mô hình ${c.marker(loc)} ${c.next()}` },
    }),
  },
  'GET /api/entries/:id': { request: async (c, loc) => ({ method: 'GET', url: `/api/entries/${(await entryAt(c, loc)).id}` }) },
  'PATCH /api/entries/:id': {
    request: async (c, loc) => {
      const e = await entryAt(c, loc);
      return { method: 'PATCH', url: `/api/entries/${e.id}`, body: { title: `Mô hình ${c.marker(loc)} ${c.next()}`, version: e.version } };
    },
  },
  ...actionProbes,
  ...bulkProbes,
  'POST /api/entries/:id/progress': {
    request: async (c, loc) => ({ method: 'POST', url: `/api/entries/${(await entryAt(c, loc, 'implementing')).id}/progress`, body: { onDate: '2026-01-15', note: `Tiến độ ${c.marker(loc)}` } }),
  },
  'POST /api/entries/:id/evidence': {
    request: async (c, loc) => {
      const e = await entryAt(c, loc);
      const { payload, headers } = multipartFile(`anh-${c.marker(loc)}.png`, SAMPLE_FILES.png, 'image/png');
      return { method: 'POST', url: `/api/entries/${e.id}/evidence`, payload, headers };
    },
  },
  'GET /api/entries/:id/evidence/:evidenceId': {
    request: async (c, loc) => {
      const e = await entryAt(c, loc);
      const ev = await buildEvidence(c.t.db, e.id, { fileName: `bien-ban-${c.marker(loc)}.pdf`, data: Buffer.from(`%PDF-1.4 ${c.marker(loc)}`) });
      return { method: 'GET', url: `/api/entries/${e.id}/evidence/${ev.id}` };
    },
  },
  'DELETE /api/entries/:id/evidence/:evidenceId': {
    request: async (c, loc) => {
      const e = await entryAt(c, loc);
      const ev = await buildEvidence(c.t.db, e.id);
      return { method: 'DELETE', url: `/api/entries/${e.id}/evidence/${ev.id}` };
    },
  },
  'POST /api/entries/:id/replicates': {
    request: async (c, loc) => {
      const source = await entryAt(c, loc, 'recognised');
      const copy = await entryAt(c, loc);
      return { method: 'POST', url: `/api/entries/${copy.id}/replicates`, body: { sourceEntryId: source.id } };
    },
  },
  'DELETE /api/entries/:id/replicates/:sourceEntryId': {
    request: async (c, loc) => {
      const source = await entryAt(c, loc, 'recognised');
      const copy = await entryAt(c, loc);
      await buildReplication(c.t.db, copy.id, source.id);
      return { method: 'DELETE', url: `/api/entries/${copy.id}/replicates/${source.id}` };
    },
  },

  // ----- The list and the Excel routes (entries-list.routes.ts, entries-excel.routes.ts) go below. -----

  // ----- Excel in and out (entries-excel.routes.ts): fixtures loaded lazily from entries-excel.fixtures.ts. -----
  'GET /api/entries/import-template.xlsx': { self: true, request: async () => ({ method: 'GET', url: '/api/entries/import-template.xlsx' }) },
  'POST /api/entries/import': {
    request: async (c, loc) => {
      const { buildImportWorkbook, multipartUpload } = await import('./entries-excel.fixtures.js');
      const file = await buildImportWorkbook([
        { unit: `#${c.units[loc].id}`, level: loc === 'province' ? 'Cấp tỉnh' : 'Cấp xã', kind: 'Mô hình', form: 'Tập thể', field: 'Kinh tế', year: 2026, title: `Nhập ${c.marker(loc)} ${c.next()}` },
      ]);
      const { payload, headers } = multipartUpload(file);
      // A row naming a unit outside the caller's data.write scope refuses the whole file with 403.
      return { method: 'POST', url: '/api/entries/import', payload, headers };
    },
  },
  'POST /api/entries/import/annotate': {
    // The error report writes nothing and shows only what the caller sent: outside the scope it is a 200 report with OUT_OF_SCOPE marks.
    list: true,
    request: async (c, loc) => {
      const { buildImportWorkbook, multipartUpload } = await import('./entries-excel.fixtures.js');
      const file = await buildImportWorkbook([{ unit: `#${c.units[loc].id}`, level: 'Cấp xã', kind: 'Mô hình', form: 'Tập thể', field: 'Kinh tế', year: 2026, title: `Báo cáo ${c.next()}` }]);
      const { payload, headers } = multipartUpload(file);
      return { method: 'POST', url: '/api/entries/import/annotate', payload, headers };
    },
  },
  'GET /api/entries/export.xlsx': {
    list: true,
    request: async (c, loc) => {
      const { insertEntry } = await import('./entries-excel.fixtures.js');
      await insertEntry(c.t.db, { unitId: c.units[loc].id, level: loc === 'province' ? 'province' : 'commune', title: `Xuất ${c.marker(loc)} ${c.next()}` });
      return { method: 'GET', url: `/api/entries/export.xlsx?unitId=${c.units[loc].id}` };
    },
  },
  'GET /api/entries/export.csv': {
    list: true,
    request: async (c, loc) => {
      const { insertEntry } = await import('./entries-excel.fixtures.js');
      await insertEntry(c.t.db, { unitId: c.units[loc].id, level: loc === 'province' ? 'province' : 'commune', title: `Xuất ${c.marker(loc)} ${c.next()}` });
      return { method: 'GET', url: `/api/entries/export.csv?unitId=${c.units[loc].id}` };
    },
  },
};
