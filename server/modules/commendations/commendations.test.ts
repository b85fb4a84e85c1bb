import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildUser, rootUnit, unitByCode } from '../../test/factories.js';
import { createTestApp, type TestApp } from '../../test/test-app.js';
import type { ReviewConferenceDetail } from '../conferences/conferences.schema.js';
import { buildCommendation, buildConference, buildEntry } from './commendations.factories.js';
import type { CommendationDetail, CommendationForm } from './commendations.schema.js';
import { todayInVietnam } from './commendations.service.js';

type Page = { items: CommendationDetail[]; total: number; summary: { collectives: number; individuals: number } };

let t: TestApp;
let admin: string;
let hanoiEditor: string;
let baDinhEditor: string;
let baDinhViewer: string;
let ids: { hanoi: string; ninhBinh: string; baDinh: string; ngocHa: string; ninhBinhCommune: string };
let hanoiCommunes: string[];

beforeAll(async () => {
  t = await createTestApp();
  const root = await rootUnit(t.db);
  const hanoi = await unitByCode(t.db, 'province', '01');
  const ninhBinh = await unitByCode(t.db, 'province', '37');
  const baDinh = await unitByCode(t.db, 'commune', '00004');
  const ngocHa = await unitByCode(t.db, 'commune', '00008');
  const nbCommune = await t.db.selectFrom('units').select('id').where('parent_id', '=', ninhBinh.id).where('kind', '=', 'commune').where('valid_to', 'is', null).orderBy('id').executeTakeFirstOrThrow();
  ids = { hanoi: hanoi.id, ninhBinh: ninhBinh.id, baDinh: baDinh.id, ngocHa: ngocHa.id, ninhBinhCommune: nbCommune.id };
  const communes = await t.db.selectFrom('units').select('id').where('parent_id', '=', hanoi.id).where('kind', '=', 'commune').where('valid_to', 'is', null).orderBy('id').limit(10).execute();
  hanoiCommunes = communes.map((c) => c.id);
  await buildUser(t.db, { username: 'cm.admin', grants: [{ unitId: root.id, role: 'system_admin' }] });
  await buildUser(t.db, { username: 'cm.hanoi.editor', grants: [{ unitId: hanoi.id, role: 'editor' }] });
  await buildUser(t.db, { username: 'cm.badinh.editor', grants: [{ unitId: baDinh.id, role: 'editor' }] });
  await buildUser(t.db, { username: 'cm.badinh.viewer', grants: [{ unitId: baDinh.id, role: 'viewer' }] });
  admin = await t.login('cm.admin');
  hanoiEditor = await t.login('cm.hanoi.editor');
  baDinhEditor = await t.login('cm.badinh.editor');
  baDinhViewer = await t.login('cm.badinh.viewer');
});

async function counts() {
  const { rows } = await sql<{ commendations: number; links: number; forms: number; audit: number }>`
    select (select count(*)::int from commendations) as commendations, (select count(*)::int from commendation_entries) as links,
           (select count(*)::int from commendation_forms) as forms, (select count(*)::int from audit_log) as audit`.execute(t.db);
  return rows[0]!;
}

const decision = { formCode: 'certificate_of_merit', decisionNumber: '15/QĐ-BDV', decisionDate: '2026-01-10' };
const paths = (res: { json(): unknown }) => ((res.json() as { error: { details: { path: string }[] } }).error.details ?? []).map((d) => d.path);

describe('commendation forms', () => {
  it('lists the forms and lets only a system admin add one', async () => {
    const list = await t.call('GET', '/api/commendation-forms', { cookie: baDinhViewer });
    expect(list.json<{ items: CommendationForm[] }>().items.map((f) => f.code)).toEqual(['certificate_of_merit', 'commendation_certificate', 'emulation_flag', 'emulation_fighter']);
    const before = await counts();
    expect((await t.call('POST', '/api/commendation-forms', { cookie: hanoiEditor, body: { code: 'medal', names: { vi: 'Kỷ niệm chương' } } })).statusCode).toBe(403);
    const ok = await t.call('POST', '/api/commendation-forms', { cookie: admin, body: { code: 'medal', names: { vi: 'Kỷ niệm chương', en: 'Commemorative medal' } } });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json()).toMatchObject({ code: 'medal', builtin: false, names: { vi: 'Kỷ niệm chương' } });
    expect((await t.call('POST', '/api/commendation-forms', { cookie: admin, body: { code: 'medal', names: { vi: 'Lần nữa' } } })).json().error.code).toBe('ALREADY_EXISTS');
    expect((await t.call('POST', '/api/commendation-forms', { cookie: admin, body: { code: 'x-bad', names: { en: 'no vi' } } })).statusCode).toBe(400);
    expect(await counts()).toMatchObject({ forms: before.forms + 1, audit: before.audit + 1 });
  });
});

describe('commending many at a conference', () => {
  let conferenceId: string;
  beforeAll(async () => {
    conferenceId = (await buildConference(t.db, { unitId: ids.hanoi, year: 2025 })).id;
  });

  it('commends 10 collectives and 5 individuals at once, and counts them', async () => {
    expect(hanoiCommunes).toHaveLength(10);
    const entry = await buildEntry(t.db, { unitId: hanoiCommunes[0]!, title: 'Mô hình dân vận khéo xây dựng nông thôn mới' });
    const before = await counts();
    const res = await t.call('POST', `/api/review-conferences/${conferenceId}/commendations`, {
      cookie: hanoiEditor,
      body: {
        ...decision,
        formCode: 'commendation_certificate',
        reason: 'Đã có thành tích xuất sắc trong phong trào thi đua Dân vận khéo năm 2025',
        collectives: hanoiCommunes.map((unitId, i) => ({ unitId, ...(i === 0 ? { entryIds: [entry.id] } : {}) })),
        individuals: ['Nguyễn Văn An', 'Trần Thị Bình', 'Lê Văn Cường', 'Phạm Thị Dung', 'Hoàng Văn Em'].map((name, i) => ({
          name,
          position: 'Trưởng ban công tác Mặt trận',
          unitId: i < 3 ? ids.baDinh : ids.ngocHa,
        })),
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    const out = res.json<{ created: number; collectives: number; individuals: number; ids: string[] }>();
    expect(out).toMatchObject({ created: 15, collectives: 10, individuals: 5 });
    expect(out.ids).toHaveLength(15);
    expect(await counts()).toMatchObject({ commendations: before.commendations + 15, links: before.links + 1, audit: before.audit + 15 });

    const detail = await t.call('GET', `/api/review-conferences/${conferenceId}`, { cookie: hanoiEditor });
    expect(detail.json<ReviewConferenceDetail>().commendations).toEqual({
      total: 15,
      collectives: 10,
      individuals: 5,
      byForm: [{ formCode: 'commendation_certificate', collectives: 10, individuals: 5 }],
    });
    const list = await t.call('GET', `/api/commendations?conferenceId=${conferenceId}&limit=5`, { cookie: hanoiEditor });
    const page = list.json<Page>();
    expect(page).toMatchObject({ total: 15, summary: { collectives: 10, individuals: 5 } });
    expect(page.items).toHaveLength(5);
    // The conference reviewed 2025; the decision of January 2026 rewards 2025, in the period 2021–2025.
    const one = await t.call('GET', `/api/commendations/${out.ids[0]}`, { cookie: hanoiEditor });
    expect(one.json<CommendationDetail>()).toMatchObject({ year: 2025, recipientKind: 'collective', conferenceId, issuingUnit: { id: ids.hanoi }, entries: [{ id: entry.id }] });
    const period = await t.db.selectFrom('emulation_periods').select('id').where('start_year', '=', 2021).executeTakeFirstOrThrow();
    expect(one.json<CommendationDetail>().emulationPeriodId).toBe(period.id);
    const individuals = await t.call('GET', `/api/commendations?conferenceId=${conferenceId}&recipientKind=individual`, { cookie: hanoiEditor });
    expect(individuals.json<Page>()).toMatchObject({ total: 5, summary: { collectives: 0, individuals: 5 } });
    expect(individuals.json<Page>().items.map((i) => i.name).sort()).toEqual(['Hoàng Văn Em', 'Lê Văn Cường', 'Nguyễn Văn An', 'Phạm Thị Dung', 'Trần Thị Bình']);
    const byEntry = await t.call('GET', `/api/commendations?entryId=${entry.id}`, { cookie: hanoiEditor });
    expect(byEntry.json<Page>().items.map((c) => c.id)).toEqual([out.ids[0]]);
  });

  it('writes nothing when one recipient is bad, and names each bad item by its index', async () => {
    const foreignEntry = await buildEntry(t.db, { unitId: ids.ninhBinhCommune, title: 'Mô hình ở Ninh Bình' });
    const before = await counts();
    const res = await t.call('POST', `/api/review-conferences/${conferenceId}/commendations`, {
      cookie: hanoiEditor,
      body: {
        ...decision,
        collectives: [{ unitId: hanoiCommunes[1] }, { unitId: hanoiCommunes[2] }, { unitId: hanoiCommunes[3] }, { unitId: ids.ninhBinhCommune }],
        individuals: [
          { name: 'Đỗ Văn Phúc', unitId: ids.baDinh },
          { name: 'Vũ Thị Giang', unitId: ids.ngocHa, entryIds: [foreignEntry.id] },
        ],
      },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('VALIDATION_FAILED');
    expect(paths(res)).toEqual(['body.collectives.3.unitId', 'body.individuals.1.entryIds']);
    expect(res.json().error.details[1].message).toContain(foreignEntry.id);
    expect(await counts()).toEqual(before);
  });

  it('refuses an empty batch, an empty name, a duplicate and a caller without rights; writes nothing', async () => {
    const before = await counts();
    const url = `/api/review-conferences/${conferenceId}/commendations`;
    const empty = await t.call('POST', url, { cookie: hanoiEditor, body: { ...decision, collectives: [], individuals: [] } });
    expect(empty.statusCode).toBe(400);
    const noName = await t.call('POST', url, { cookie: hanoiEditor, body: { ...decision, individuals: [{ name: '  ', unitId: ids.baDinh }] } });
    expect(noName.statusCode).toBe(400);
    expect(paths(noName)).toContain('body.individuals.0.name');
    const twice = await t.call('POST', url, { cookie: hanoiEditor, body: { ...decision, collectives: [{ unitId: ids.baDinh }, { unitId: ids.baDinh }] } });
    expect(twice.statusCode).toBe(400);
    expect(paths(twice)).toEqual(['body.collectives.1']);
    // A commune editor cannot write at the province's conference; a commune viewer cannot even see it.
    expect((await t.call('POST', url, { cookie: baDinhEditor, body: { ...decision, collectives: [{ unitId: ids.baDinh }] } })).statusCode).toBe(404);
    expect(await counts()).toEqual(before);
  });
});

describe('one commendation', () => {
  const collective = (unitId: string, issuingUnitId: string, extra: Record<string, unknown> = {}) => ({ recipientKind: 'collective', unitId, issuingUnitId, ...decision, ...extra });

  it('records an individual with name and position, shown to readers in scope', async () => {
    const res = await t.call('POST', '/api/commendations', {
      cookie: baDinhEditor,
      body: { recipientKind: 'individual', name: '  Nguyễn   Thị Hoa ', position: 'Chi hội trưởng Phụ nữ', unitId: ids.baDinh, issuingUnitId: ids.baDinh, ...decision, year: 2026 },
    });
    expect(res.statusCode, res.body).toBe(201);
    const c = res.json<CommendationDetail>();
    expect(c).toMatchObject({ recipientKind: 'individual', name: 'Nguyễn Thị Hoa', position: 'Chi hội trưởng Phụ nữ', year: 2026, unit: { id: ids.baDinh }, version: 1 });
    const seen = await t.call('GET', `/api/commendations/${c.id}`, { cookie: baDinhViewer });
    expect(seen.json()).toMatchObject({ name: 'Nguyễn Thị Hoa', position: 'Chi hội trưởng Phụ nữ' });
    const audit = await t.db.selectFrom('audit_log').selectAll().where('record_type', '=', 'commendation').where('record_id', '=', c.id).executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ action: 'commendation.create', unit_id: ids.baDinh });
    expect(audit.after).toMatchObject({ name: 'Nguyễn Thị Hoa', formCode: 'certificate_of_merit', year: 2026 });
  });

  it('keeps a commune to its own commendations: list, 404 outside, no commending in another commune', async () => {
    await buildCommendation(t.db, { unitId: ids.ngocHa, reason: 'Ngọc Hà' });
    await buildCommendation(t.db, { unitId: ids.baDinh, issuingUnitId: ids.hanoi, reason: 'Ba Đình, by the province' });
    const list = await t.call('GET', '/api/commendations?limit=200', { cookie: baDinhViewer });
    const page = list.json<Page>();
    expect(page.total).toBeGreaterThan(0);
    expect(page.items.every((c) => c.unit.id === ids.baDinh)).toBe(true);
    expect(page.summary.collectives + page.summary.individuals).toBe(page.total);
    const ngocHaOne = await t.db.selectFrom('commendations').select('id').where('unit_id', '=', ids.ngocHa).executeTakeFirstOrThrow();
    const out = await t.call('GET', `/api/commendations/${ngocHaOne.id}`, { cookie: baDinhViewer });
    expect(out.statusCode).toBe(404);
    expect(out.json().error.code).toBe('NOT_FOUND');
    expect((await t.call('GET', `/api/commendations?unitId=${ids.ngocHa}`, { cookie: baDinhViewer })).statusCode).toBe(404);

    const before = await counts();
    const elsewhere = await t.call('POST', '/api/commendations', { cookie: baDinhEditor, body: collective(ids.ngocHa, ids.baDinh) });
    expect(elsewhere.statusCode).toBe(400);
    expect(elsewhere.json().error.code).toBe('VALIDATION_FAILED');
    expect(elsewhere.json().error.details).toEqual([{ path: 'body.unitId', message: expect.stringContaining('must be a unit within') }]);
    expect((await t.call('POST', '/api/commendations', { cookie: baDinhEditor, body: collective(ids.ngocHa, ids.ngocHa) })).statusCode).toBe(404);
    expect((await t.call('POST', '/api/commendations', { cookie: baDinhViewer, body: collective(ids.baDinh, ids.baDinh) })).statusCode).toBe(403);
    // A province commends within the province only.
    const otherProvince = await t.call('POST', '/api/commendations', { cookie: admin, body: collective(ids.ninhBinhCommune, ids.hanoi) });
    expect(otherProvince.statusCode).toBe(400);
    expect(await counts()).toEqual(before);
  });

  it('links readable entries only, naming the others; hides linked entries the reader may not read', async () => {
    const own = await buildEntry(t.db, { unitId: ids.baDinh, title: 'Mô hình camera an ninh' });
    const provinceEntry = await buildEntry(t.db, { unitId: ids.hanoi, title: 'Mô hình cấp tỉnh' });
    const before = await counts();
    const bad = await t.call('POST', '/api/commendations', { cookie: baDinhEditor, body: collective(ids.baDinh, ids.baDinh, { entryIds: [own.id, provinceEntry.id, '987654321'] }) });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details).toEqual([{ path: 'body.entryIds', message: expect.stringContaining(`${provinceEntry.id}, 987654321`) }]);
    expect(await counts()).toEqual(before);

    const ok = await t.call('POST', '/api/commendations', { cookie: hanoiEditor, body: collective(ids.baDinh, ids.hanoi, { entryIds: [own.id, provinceEntry.id] }) });
    expect(ok.statusCode, ok.body).toBe(201);
    const c = ok.json<CommendationDetail>();
    expect(c.entries.map((e) => e.id).sort()).toEqual([own.id, provinceEntry.id].sort());
    const asCommune = await t.call('GET', `/api/commendations/${c.id}`, { cookie: baDinhViewer });
    expect(asCommune.json<CommendationDetail>().entries).toEqual([{ id: own.id, title: 'Mô hình camera an ninh', year: 2025 }]);
  });

  it('gives a commendation at a conference the caller may read, within the conference unit', async () => {
    const own = await buildConference(t.db, { unitId: ids.baDinh, title: 'Tổng kết phường' });
    const provinceConf = await buildConference(t.db, { unitId: ids.hanoi });
    const ok = await t.call('POST', '/api/commendations', { cookie: baDinhEditor, body: collective(ids.baDinh, ids.baDinh, { conferenceId: own.id }) });
    expect(ok.statusCode, ok.body).toBe(201);
    // The year defaults to the decision's year; the period to the one containing it.
    const period = await t.db.selectFrom('emulation_periods').select('id').where('start_year', '=', 2026).executeTakeFirstOrThrow();
    expect(ok.json<CommendationDetail>()).toMatchObject({ conferenceId: own.id, year: 2026, emulationPeriodId: period.id });
    const before = await counts();
    const hidden = await t.call('POST', '/api/commendations', { cookie: baDinhEditor, body: collective(ids.baDinh, ids.baDinh, { conferenceId: provinceConf.id }) });
    expect(hidden.statusCode).toBe(400);
    expect(paths(hidden)).toEqual(['body.conferenceId']);
    const outside = await t.call('POST', '/api/commendations', { cookie: hanoiEditor, body: collective(ids.ngocHa, ids.hanoi, { conferenceId: own.id }) });
    expect(outside.statusCode).toBe(400);
    expect(paths(outside)).toEqual(['body.unitId']);
    expect(await counts()).toEqual(before);
  });

  it('refuses bad input with the field named, writing nothing', async () => {
    const before = await counts();
    const future = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
    const cases: [Record<string, unknown>, string][] = [
      [collective(ids.baDinh, ids.baDinh, { decisionDate: future }), 'body.decisionDate'],
      [collective(ids.baDinh, ids.baDinh, { formCode: 'golden_star' }), 'body.formCode'],
      [collective(ids.baDinh, ids.baDinh, { year: 2023 }), 'body.year'],
      [collective(ids.baDinh, ids.baDinh, { year: 2025, emulationPeriodId: '999999' }), 'body.emulationPeriodId'],
      [{ recipientKind: 'individual', name: '', unitId: ids.baDinh, issuingUnitId: ids.baDinh, ...decision }, 'body.name'],
      [collective(ids.baDinh, ids.baDinh, { decisionDate: '2026-02-30' }), 'body.decisionDate'],
    ];
    for (const [body, path] of cases) {
      const res = await t.call('POST', '/api/commendations', { cookie: baDinhEditor, body });
      expect(res.statusCode, `${path}: ${res.body}`).toBe(400);
      expect(res.json().error.code).toBe('VALIDATION_FAILED');
      expect(paths(res), res.body).toContain(path);
    }
    expect(todayInVietnam(new Date('2026-01-01T18:00:00Z'))).toBe('2026-01-02');
    expect(await counts()).toEqual(before);
  });

  it('changes a commendation with its version; a stale version is a conflict and writes nothing', async () => {
    const entry = await buildEntry(t.db, { unitId: ids.baDinh, title: 'Mô hình tổ tự quản' });
    const created = await t.call('POST', '/api/commendations', { cookie: baDinhEditor, body: collective(ids.baDinh, ids.baDinh) });
    const id = created.json<CommendationDetail>().id;
    const ok = await t.call('PATCH', `/api/commendations/${id}`, { cookie: baDinhEditor, body: { reason: 'Thành tích xuất sắc', entryIds: [entry.id], formCode: 'emulation_flag', version: 1 } });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json<CommendationDetail>()).toMatchObject({ reason: 'Thành tích xuất sắc', formCode: 'emulation_flag', version: 2, entries: [{ id: entry.id }] });
    const audit = await t.db.selectFrom('audit_log').selectAll().where('action', '=', 'commendation.update').where('record_id', '=', id).executeTakeFirstOrThrow();
    expect(audit.before).toMatchObject({ reason: null, formCode: 'certificate_of_merit', entryIds: [] });
    expect(audit.after).toMatchObject({ reason: 'Thành tích xuất sắc', formCode: 'emulation_flag', entryIds: [entry.id] });

    const before = await counts();
    const stale = await t.call('PATCH', `/api/commendations/${id}`, { cookie: baDinhEditor, body: { reason: 'Cũ', entryIds: [], version: 1 } });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatchObject({ code: 'CONFLICT', details: { currentVersion: 2 } });
    expect(await counts()).toEqual(before);
    const row = await t.db.selectFrom('commendations').select(['reason', 'version']).where('id', '=', id).executeTakeFirstOrThrow();
    expect(row).toEqual({ reason: 'Thành tích xuất sắc', version: 2 });

    const collectiveName = await t.call('PATCH', `/api/commendations/${id}`, { cookie: baDinhEditor, body: { name: 'Ai đó', version: 2 } });
    expect(collectiveName.statusCode).toBe(400);
    // Read by the commune, written by the province: the commune may not change the province's decision.
    const byProvince = await buildCommendation(t.db, { unitId: ids.baDinh, issuingUnitId: ids.hanoi });
    expect((await t.call('PATCH', `/api/commendations/${byProvince.id}`, { cookie: baDinhEditor, body: { reason: 'x', version: 1 } })).statusCode).toBe(403);
    expect(await counts()).toEqual({ ...before, commendations: before.commendations + 1 });
  });
});
