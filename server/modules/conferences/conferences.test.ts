import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildUser, rootUnit, unitByCode } from '../../test/factories.js';
import { createTestApp, type TestApp } from '../../test/test-app.js';
import type { ReviewConference, ReviewConferenceDetail } from './conferences.schema.js';
import { periodDates } from './conferences.service.js';

let t: TestApp;
let admin: string;
let hanoiEditor: string;
let baDinhViewer: string;
let ninhBinhViewer: string;
let ids: { hanoi: string; ninhBinh: string; baDinh: string; ngocHa: string };

beforeAll(async () => {
  t = await createTestApp();
  const root = await rootUnit(t.db);
  const hanoi = await unitByCode(t.db, 'province', '01');
  const ninhBinh = await unitByCode(t.db, 'province', '37');
  const baDinh = await unitByCode(t.db, 'commune', '00004');
  const ngocHa = await unitByCode(t.db, 'commune', '00008');
  ids = { hanoi: hanoi.id, ninhBinh: ninhBinh.id, baDinh: baDinh.id, ngocHa: ngocHa.id };
  await buildUser(t.db, { username: 'rv.admin', grants: [{ unitId: root.id, role: 'system_admin' }] });
  await buildUser(t.db, { username: 'rv.hanoi.editor', grants: [{ unitId: hanoi.id, role: 'editor' }] });
  await buildUser(t.db, { username: 'rv.badinh.viewer', grants: [{ unitId: baDinh.id, role: 'viewer' }] });
  await buildUser(t.db, { username: 'rv.ninhbinh.viewer', grants: [{ unitId: ninhBinh.id, role: 'viewer' }] });
  admin = await t.login('rv.admin');
  hanoiEditor = await t.login('rv.hanoi.editor');
  baDinhViewer = await t.login('rv.badinh.viewer');
  ninhBinhViewer = await t.login('rv.ninhbinh.viewer');
});

async function counts() {
  const { rows } = await sql<{ conferences: number; audit: number }>`
    select (select count(*)::int from review_conferences) as conferences, (select count(*)::int from audit_log) as audit`.execute(t.db);
  return rows[0]!;
}

const create = (cookie: string, body: Record<string, unknown>) =>
  t.call('POST', '/api/review-conferences', { cookie, body: { unitId: ids.hanoi, title: 'Hội nghị sơ kết', heldOn: '2025-10-15', ...body } });

describe('period dates', () => {
  it('computes the first and last day of quarters and years', () => {
    expect(periodDates(2025, 1)).toEqual({ start: '2025-01-01', end: '2025-03-31' });
    expect(periodDates(2025, 2)).toEqual({ start: '2025-04-01', end: '2025-06-30' });
    expect(periodDates(2025, 3)).toEqual({ start: '2025-07-01', end: '2025-09-30' });
    expect(periodDates(2024, 4)).toEqual({ start: '2024-10-01', end: '2024-12-31' });
    expect(periodDates(2024)).toEqual({ start: '2024-01-01', end: '2024-12-31' });
  });
});

describe('creating conferences', () => {
  it('records a conference reviewing Q3 2025 with the dates computed, and its audit record', async () => {
    const before = await counts();
    const res = await create(hanoiEditor, { period: { periodKind: 'quarter', year: 2025, quarter: 3 }, participantsCount: 120, participants: 'Ban Dân vận, MTTQ' });
    expect(res.statusCode, res.body).toBe(201);
    const c = res.json<ReviewConference>();
    expect(c).toMatchObject({ periodKind: 'quarter', periodStart: '2025-07-01', periodEnd: '2025-09-30', year: 2025, quarter: 3, participantsCount: 120, version: 1 });
    expect(c.unit.id).toBe(ids.hanoi);
    const audit = await t.db.selectFrom('audit_log').selectAll().where('record_type', '=', 'review_conference').where('record_id', '=', c.id).execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'review_conference.create', unit_id: ids.hanoi });
    expect(await counts()).toEqual({ conferences: before.conferences + 1, audit: before.audit + 1 });
  });

  it('records a conference reviewing a year and one reviewing the emulation period 2021–2025', async () => {
    const year = await create(hanoiEditor, { title: 'Tổng kết năm 2024', heldOn: '2024-12-28', period: { periodKind: 'year', year: 2024 } });
    expect(year.statusCode, year.body).toBe(201);
    expect(year.json()).toMatchObject({ periodStart: '2024-01-01', periodEnd: '2024-12-31', year: 2024, quarter: null });
    const ep = await t.db.selectFrom('emulation_periods').select('id').where('start_year', '=', 2021).executeTakeFirstOrThrow();
    const five = await create(hanoiEditor, { title: 'Tổng kết 5 năm', heldOn: '2025-11-30', period: { periodKind: 'emulation_period', emulationPeriodId: ep.id } });
    expect(five.statusCode, five.body).toBe(201);
    expect(five.json()).toMatchObject({ periodStart: '2021-01-01', periodEnd: '2025-12-31', year: null, emulationPeriod: { id: ep.id, name: '2021–2025' } });
  });

  it('refuses bad input with the field named and writes nothing', async () => {
    const before = await counts();
    const backwards = await create(hanoiEditor, { period: { periodKind: 'custom', periodStart: '2025-06-30', periodEnd: '2025-01-01' } });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().error.code).toBe('VALIDATION_FAILED');
    expect(backwards.json().error.details).toEqual(expect.arrayContaining([expect.objectContaining({ path: 'body.period.periodEnd' })]));
    const quarter5 = await create(hanoiEditor, { period: { periodKind: 'quarter', year: 2025, quarter: 5 } });
    expect(quarter5.statusCode).toBe(400);
    const unknownPeriod = await create(hanoiEditor, { period: { periodKind: 'emulation_period', emulationPeriodId: '999999' } });
    expect(unknownPeriod.statusCode).toBe(400);
    expect(unknownPeriod.json().error.details).toEqual([expect.objectContaining({ path: 'body.period.emulationPeriodId' })]);
    const heldBefore = await create(hanoiEditor, { heldOn: '2025-06-01', period: { periodKind: 'quarter', year: 2025, quarter: 3 } });
    expect(heldBefore.statusCode).toBe(400);
    expect(heldBefore.json().error.details).toEqual([expect.objectContaining({ path: 'body.heldOn' })]);
    const emptyTitle = await create(hanoiEditor, { title: '   ', period: { periodKind: 'year', year: 2025 } });
    expect(emptyTitle.statusCode).toBe(400);
    expect(await counts()).toEqual(before);
  });

  it('refuses a unit outside the caller\'s rights: a viewer gets 403, another province 404', async () => {
    const before = await counts();
    const viewer = await t.call('POST', '/api/review-conferences', {
      cookie: baDinhViewer,
      body: { unitId: ids.baDinh, title: 'Sơ kết', heldOn: '2025-10-01', period: { periodKind: 'year', year: 2025 } },
    });
    expect(viewer.statusCode).toBe(403);
    const foreign = await t.call('POST', '/api/review-conferences', {
      cookie: hanoiEditor,
      body: { unitId: ids.ninhBinh, title: 'Sơ kết', heldOn: '2025-10-01', period: { periodKind: 'year', year: 2025 } },
    });
    expect(foreign.statusCode).toBe(404);
    expect(await counts()).toEqual(before);
  });
});

describe('reading conferences', () => {
  let baDinhConf: string;
  let hanoiConf: string;
  beforeAll(async () => {
    const a = await t.call('POST', '/api/review-conferences', {
      cookie: admin,
      body: { unitId: ids.baDinh, title: 'Sơ kết quý I phường Ba Đình', heldOn: '2026-04-05', period: { periodKind: 'quarter', year: 2026, quarter: 1 } },
    });
    baDinhConf = a.json<ReviewConference>().id;
    const b = await create(admin, { title: 'Sơ kết quý I Hà Nội', heldOn: '2026-04-10', period: { periodKind: 'quarter', year: 2026, quarter: 1 } });
    hanoiConf = b.json<ReviewConference>().id;
  });

  it('lists the conferences of the reader\'s scope, filtered by year and period kind', async () => {
    const mine = await t.call('GET', '/api/review-conferences?year=2026', { cookie: baDinhViewer });
    expect(mine.statusCode).toBe(200);
    expect(mine.json<{ items: ReviewConference[] }>().items.map((c) => c.id)).toEqual([baDinhConf]);
    const all = await t.call('GET', `/api/review-conferences?unitId=${ids.hanoi}&year=2026&periodKind=quarter`, { cookie: hanoiEditor });
    expect(all.json<{ items: ReviewConference[]; total: number }>()).toMatchObject({ total: 2 });
    expect(all.json<{ items: ReviewConference[] }>().items.map((c) => c.id)).toEqual([hanoiConf, baDinhConf]);
    const years = await t.call('GET', `/api/review-conferences?unitId=${ids.hanoi}&periodKind=year`, { cookie: hanoiEditor });
    expect(years.json<{ items: ReviewConference[] }>().items.every((c) => c.periodKind === 'year')).toBe(true);
    const paged = await t.call('GET', `/api/review-conferences?unitId=${ids.hanoi}&limit=1&offset=1`, { cookie: hanoiEditor });
    expect(paged.json<{ items: ReviewConference[]; total: number }>().items).toHaveLength(1);
    const none = await t.call('GET', '/api/review-conferences', { cookie: ninhBinhViewer });
    expect(none.json()).toEqual({ items: [], total: 0 });
  });

  it('answers 404 for a conference or a unit outside the reader\'s scope', async () => {
    expect((await t.call('GET', `/api/review-conferences/${hanoiConf}`, { cookie: baDinhViewer })).statusCode).toBe(404);
    expect((await t.call('GET', `/api/review-conferences?unitId=${ids.hanoi}`, { cookie: baDinhViewer })).statusCode).toBe(404);
    const own = await t.call('GET', `/api/review-conferences/${baDinhConf}`, { cookie: baDinhViewer });
    expect(own.statusCode).toBe(200);
    expect(own.json<ReviewConferenceDetail>().commendations).toEqual({ total: 0, collectives: 0, individuals: 0, byForm: [] });
  });

  it('changes a conference with its version; a stale version is a conflict and writes nothing', async () => {
    const ok = await t.call('PATCH', `/api/review-conferences/${hanoiConf}`, {
      cookie: hanoiEditor,
      body: { notes: 'Đã thống nhất', period: { periodKind: 'quarter', year: 2026, quarter: 2 }, heldOn: '2026-07-05', version: 1 },
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ notes: 'Đã thống nhất', periodStart: '2026-04-01', periodEnd: '2026-06-30', quarter: 2, version: 2 });
    const audit = await t.db.selectFrom('audit_log').selectAll().where('action', '=', 'review_conference.update').where('record_id', '=', hanoiConf).executeTakeFirstOrThrow();
    expect(audit.before).toMatchObject({ periodStart: '2026-01-01', notes: null });
    expect(audit.after).toMatchObject({ periodStart: '2026-04-01', notes: 'Đã thống nhất' });
    const before = await counts();
    const stale = await t.call('PATCH', `/api/review-conferences/${hanoiConf}`, { cookie: hanoiEditor, body: { notes: 'Cũ', version: 1 } });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatchObject({ code: 'CONFLICT', details: { currentVersion: 2 } });
    expect(await counts()).toEqual(before);
    const row = await t.db.selectFrom('review_conferences').select(['notes', 'version']).where('id', '=', hanoiConf).executeTakeFirstOrThrow();
    expect(row).toEqual({ notes: 'Đã thống nhất', version: 2 });
    const forbidden = await t.call('PATCH', `/api/review-conferences/${baDinhConf}`, { cookie: baDinhViewer, body: { notes: 'x', version: 1 } });
    expect(forbidden.statusCode).toBe(403);
  });
});

describe('API description', () => {
  it('describes the routes of conferences and commendations in the OpenAPI document', async () => {
    const doc = (await t.call('GET', '/api/openapi.json')).json<{ paths: Record<string, Record<string, { summary?: string; tags?: string[] }>> }>();
    expect(doc.paths['/api/review-conferences']?.post?.tags).toEqual(['conferences']);
    expect(doc.paths['/api/review-conferences/{id}']?.patch?.summary).toBeTruthy();
    expect(doc.paths['/api/review-conferences/{id}/commendations']?.post?.summary).toMatch(/all or nothing/);
    expect(doc.paths['/api/commendations']?.get?.tags).toEqual(['commendations']);
  });
});
