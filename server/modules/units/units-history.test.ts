/**
 * The units of their day (issue 11): units of 2019–2024 found by any name, named by official code
 * and date (API and CLI), organizations with their own interval (also under a retired unit), and a
 * system administrator's correction of a succession, which the reports follow at once.
 */
import { sql } from 'kysely';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { UnitDetail, UnitResolution, UnitSearchHit } from '../../../common/units.js';
import { RESTRUCTURE_DATE, todayInVietnam } from '../../../common/units.js';
import { reportCommand } from '../../cli/report.command.js';
import { buildUnit, buildUser, rootUnit, unitByCode } from '../../test/factories.js';
import { createTestApp, type TestApp } from '../../test/test-app.js';
import { buildEntry } from '../entries/entries.factories.js';
import { buildReport } from '../reports/reports.service.js';
import { searchQuery } from './units.repository.js';
import { resolveUnitRef } from './units-history.service.js';

let t: TestApp;
let admin: string;
let hanoiAdmin: string;
let ninhBinhViewer: string;
const ids = {} as Record<'root' | 'hanoi' | 'ninhBinh' | 'baDinh' | 'kimBang' | 'hoaLu' | 'ninhBinhCity', string>;

/** A unit by kind, code and first list (null: the earliest), as the import keys it. */
async function unitOf(kind: string, code: string, listedFrom: string | null = null) {
  let q = t.db.selectFrom('units').selectAll().where('kind', '=', kind).where('code', '=', code);
  q = listedFrom === null ? q.where('listed_from', 'is', null) : q.where('listed_from', '=', listedFrom);
  return q.executeTakeFirstOrThrow();
}

beforeAll(async () => {
  t = await createTestApp();
  const root = await rootUnit(t.db);
  ids.root = root.id;
  ids.hanoi = (await unitByCode(t.db, 'province', '01')).id;
  ids.ninhBinh = (await unitByCode(t.db, 'province', '37')).id;
  ids.baDinh = (await unitByCode(t.db, 'commune', '00004')).id;
  ids.kimBang = (await unitOf('district', '350')).id;
  ids.hoaLu = (await unitOf('district', '374')).id;
  ids.ninhBinhCity = (await unitOf('district', '369')).id;
  await buildUser(t.db, { username: 'hist.admin', grants: [{ unitId: root.id, role: 'system_admin' }] });
  await buildUser(t.db, { username: 'hist.hanoi', grants: [{ unitId: ids.hanoi, role: 'unit_admin' }] });
  await buildUser(t.db, { username: 'hist.ninhbinh', grants: [{ unitId: ids.ninhBinh, role: 'viewer' }] });
  admin = await t.login('hist.admin');
  hanoiAdmin = await t.login('hist.hanoi');
  ninhBinhViewer = await t.login('hist.ninhbinh');
});

const get = async <T>(cookie: string, url: string) => {
  const res = await t.call('GET', url, { cookie });
  return { status: res.statusCode, body: res.json() as T & { error?: { code: string; details?: Record<string, unknown> } } };
};

/** Rows that a refused write must leave as they were. */
async function counts() {
  const { rows } = await sql<{ units: number; audit: number; links: number; entries: number }>`
    select (select count(*)::int from units) as units, (select count(*)::int from audit_log) as audit,
      (select count(*)::int from unit_successions) as links, (select count(*)::int from entries) as entries`.execute(t.db);
  return rows[0]!;
}

describe('units of 2019–2024', () => {
  it('finds a renamed unit by its former name, labelled with the name it bears now', async () => {
    const res = await get<{ items: UnitSearchHit[] }>(admin, '/api/units/search?q=huyen%20kim%20bang');
    const hit = res.body.items.find((h) => h.id === ids.kimBang);
    expect(hit).toMatchObject({ name: 'Thị xã Kim Bảng', matchedName: 'Huyện Kim Bảng', label: 'Huyện Kim Bảng (nay là Thị xã Kim Bảng)' });
    // By its current name it is labelled plainly.
    const now = await get<{ items: UnitSearchHit[] }>(admin, '/api/units/search?q=kim%20bang');
    expect(now.body.items.find((h) => h.id === ids.kimBang)).toMatchObject({ matchedName: null, label: 'Thị xã Kim Bảng' });
    const hoaLu = await get<{ items: UnitSearchHit[] }>(admin, '/api/units/search?q=huyen%20hoa%20lu');
    expect(hoaLu.body.items.find((h) => h.id === ids.hoaLu)?.label).toBe('Huyện Hoa Lư (nay là Thành phố Hoa Lư)');
  });

  it('finds a unit gone before 2025 with its interval and successor', async () => {
    const res = await get<{ items: UnitSearchHit[] }>(admin, '/api/units/search?q=thanh%20pho%20ninh%20binh&limit=50');
    const hit = res.body.items.find((h) => h.id === ids.ninhBinhCity);
    expect(hit).toMatchObject({ name: 'Thành phố Ninh Bình', kind: 'district', validFrom: null, validTo: '2025-01-01', retired: true, pathNames: 'Tỉnh Ninh Bình' });
    expect(hit!.successors).toEqual([{ unit: expect.objectContaining({ id: ids.hoaLu, name: 'Thành phố Hoa Lư' }), kind: 'whole', effective: '2025-01-01', basis: 'inferred', main: true }]);
  });

  it('shows a unit\'s former names on its page', async () => {
    const d = await get<UnitDetail>(admin, `/api/units/${ids.kimBang}`);
    expect(d.body.names).toEqual([{ name: 'Huyện Kim Bảng', divisionType: 'Huyện', validFrom: null, validTo: '2025-01-01' }]);
    expect(d.body.unit).toMatchObject({ name: 'Thị xã Kim Bảng', divisionType: 'Thị xã' });
  });

  it('searches former names through their trigram index', async () => {
    const query = await searchQuery(t.db, { q: 'huyen kim bang', includeRetired: true, limit: 20 });
    const { rows } = await sql<{ 'QUERY PLAN': string }>`explain ${query}`.execute(t.db);
    const plan = rows.map((r) => r['QUERY PLAN']).join('\n');
    expect(plan).toContain('units_fold_trgm');
    expect(plan).toContain('unit_names_fold_trgm');
  });
});

describe('units by official code and date', () => {
  it('names the unit of that code in force on the day, with its name of that day', async () => {
    const hoaLu = await get<UnitResolution>(admin, `/api/units/resolve?ref=${encodeURIComponent('district:374@2023-09-08')}`);
    expect(hoaLu.status).toBe(200);
    expect(hoaLu.body).toMatchObject({ unit: { id: ids.hoaLu }, asOf: '2023-09-08', nameAsOf: 'Huyện Hoa Lư', label: 'Huyện Hoa Lư (nay là Thành phố Hoa Lư)' });
    // Code 00004: Phường Trúc Bạch until 1 July 2025, Phường Ba Đình since.
    const before = await get<UnitResolution>(admin, '/api/units/resolve?ref=commune:00004@2024-01-01');
    expect(before.body.unit).toMatchObject({ name: 'Phường Trúc Bạch', validTo: RESTRUCTURE_DATE });
    const today = await get<UnitResolution>(admin, '/api/units/resolve?ref=commune:00004');
    expect(today.body.unit.id).toBe(ids.baDinh);
    const asOf = await get<UnitResolution>(admin, '/api/units/resolve?ref=commune:00004&asOf=2024-01-01');
    expect(asOf.body.unit.id).toBe(before.body.unit.id);
    // A retired unit by its code alone: the latest of that code.
    const gone = await get<UnitResolution>(admin, '/api/units/resolve?ref=district:369');
    expect(gone.body.unit).toMatchObject({ id: ids.ninhBinhCity, validTo: '2025-01-01' });
    const byId = await get<UnitResolution>(admin, `/api/units/resolve?ref=${ids.kimBang}&asOf=2024-06-01`);
    expect(byId.body).toMatchObject({ nameAsOf: 'Huyện Kim Bảng', label: 'Huyện Kim Bảng (nay là Thị xã Kim Bảng)' });
  });

  it('answers an unknown code 404 naming it, a day out of every interval 404 with the units of that code', async () => {
    const unknown = await get(admin, '/api/units/resolve?ref=district:999');
    expect([unknown.status, unknown.body.error?.code]).toEqual([404, 'NOT_FOUND']);
    expect(unknown.body.error?.details).toMatchObject({ unit: 'district:999' });
    const late = await get(admin, '/api/units/resolve?ref=district:369@2025-03-01');
    expect([late.status, late.body.error?.code]).toEqual([404, 'NOT_FOUND']);
    expect(late.body.error?.details).toMatchObject({ unit: 'district:369@2025-03-01', candidates: [{ id: ids.ninhBinhCity, validTo: '2025-01-01' }] });
  });

  it('answers an ambiguous code 409 with its candidates', async () => {
    await buildUnit(t.db, { parentId: ids.hanoi, kind: 'youth_union', code: 'DV-HN-01', name: 'Đoàn Thanh niên khối dân vận' });
    await buildUnit(t.db, { parentId: ids.hanoi, kind: 'womens_union', code: 'DV-HN-01', name: 'Hội Phụ nữ khối dân vận' });
    const res = await get(admin, '/api/units/resolve?ref=DV-HN-01');
    expect([res.status, res.body.error?.code]).toEqual([409, 'AMBIGUOUS_UNIT_REF']);
    const candidates = (res.body.error?.details as { candidates: { kind: string; ref: string }[] }).candidates;
    expect(candidates.map((c) => c.ref).sort()).toEqual(['womens_union:DV-HN-01', 'youth_union:DV-HN-01']);
    expect((await get<UnitResolution>(admin, '/api/units/resolve?ref=youth_union:DV-HN-01')).status).toBe(200);
  });

  it('refuses a malformed reference and hides units outside the reader\'s scope', async () => {
    for (const ref of ['district:', 'district:374@2023-02-30', 'District:374', '@2024-01-01']) {
      const res = await get(admin, `/api/units/resolve?ref=${encodeURIComponent(ref)}`);
      expect([res.status, res.body.error?.code], ref).toEqual([400, 'VALIDATION_FAILED']);
    }
    expect((await get(admin, '/api/units/resolve?ref=district:374&asOf=yesterday')).status).toBe(400);
    const outside = await get(ninhBinhViewer, '/api/units/resolve?ref=commune:00004');
    expect([outside.status, outside.body.error?.code]).toEqual([404, 'NOT_FOUND']);
  });

  it('lets the CLI name a retired district by its official code (danvan report --unit district:585)', async () => {
    const stdout: string[] = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => (stdout.push(String(chunk)), true));
    try {
      const code = await reportCommand.run({ config: t.config, values: { unit: 'district:585', period: 'year', year: '2024', format: 'json' }, positionals: [] });
      expect(code).toBe(0);
    } finally {
      vi.restoreAllMocks();
    }
    expect(JSON.parse(stdout.join('')).unit).toMatchObject({ name: 'Huyện Ninh Sơn', inForce: false });
    // And a unit by its code on a day, as the API does.
    expect((await resolveUnitRef(t.db, 'district:350', { asOf: '2024-05-05' })).nameAsOf).toBe('Huyện Kim Bảng');
  });
});

describe('organizations with their own interval', () => {
  it('can be added under a retired district for its years, and register the entries of those years', async () => {
    const before = await counts();
    const res = await t.call('POST', '/api/units', { cookie: admin, body: { parentId: ids.kimBang, kind: 'farmers_association', name: 'Hội Nông dân huyện Kim Bảng', validFrom: '2021-01-01' } });
    expect(res.statusCode, res.body).toBe(201);
    const org = res.json() as { id: string; validFrom: string; validTo: string; retired: boolean };
    expect(org).toMatchObject({ validFrom: '2021-01-01', validTo: RESTRUCTURE_DATE, retired: true });
    // It retires with its district, and its records count where the district's do.
    const attribution = await t.db.selectFrom('units').select(['current_id', 'attribution']).where('id', '=', org.id).executeTakeFirstOrThrow();
    expect(attribution).toEqual({ current_id: ids.ninhBinh, attribution: 'whole' });
    expect((await counts()).units).toBe(before.units + 1);

    const entry = await t.call('POST', '/api/entries', {
      cookie: admin,
      body: { registeringUnitId: org.id, level: 'district', kind: 'model', form: 'collective', fieldCode: 'economic', year: 2023, title: 'Tổ hợp tác trồng rau sạch' },
    });
    expect(entry.statusCode, entry.body).toBe(201);
    const submitted = await t.call('POST', `/api/entries/${entry.json().id}/actions/submit`, { cookie: admin, body: { version: entry.json().version } });
    expect(submitted.statusCode, submitted.body).toBe(200);
    // Both reports of the area count it: the old district's and the province now holding its area.
    const district = await buildReport(t.ctx, { unitId: ids.kimBang, period: 'year', year: 2023 });
    const province = await buildReport(t.ctx, { unitId: ids.ninhBinh, period: 'year', year: 2023 });
    expect(district.figures.entries.total).toBe(1);
    expect(province.figures.entries.total).toBe(1);
  });

  it('starts an organization under today\'s commune when it is added, so it registers nothing for earlier years', async () => {
    const created = await t.call('POST', '/api/units', { cookie: hanoiAdmin, body: { parentId: ids.baDinh, kind: 'veterans_association', name: 'Hội Cựu chiến binh phường Ba Đình' } });
    expect(created.statusCode).toBe(201);
    const org = created.json() as { id: string; validFrom: string };
    expect(org.validFrom).toBe(todayInVietnam());
    const before = await counts();
    const year = Number(todayInVietnam().slice(0, 4)) - 2;
    const refused = await t.call('POST', '/api/entries', {
      cookie: admin,
      body: { registeringUnitId: org.id, level: 'commune', kind: 'model', form: 'collective', fieldCode: 'economic', year, title: 'Mô hình của năm trước' },
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error).toMatchObject({ code: 'UNIT_NOT_IN_FORCE', details: [{ path: 'body.registeringUnitId', year, validFrom: org.validFrom, validTo: null }] });
    expect(await counts()).toEqual(before);
    // With its founding date set (within the ward's interval), the years since are open to it.
    const founded = await t.call('PATCH', `/api/units/${org.id}`, { cookie: hanoiAdmin, body: { validFrom: '2025-07-01', version: 1 } });
    expect(founded.json()).toMatchObject({ validFrom: '2025-07-01', version: 2 });
    const tooEarly = await t.call('PATCH', `/api/units/${org.id}`, { cookie: hanoiAdmin, body: { validFrom: '2024-01-01', version: 2 } });
    expect([tooEarly.statusCode, tooEarly.json().error.code]).toEqual([400, 'UNIT_INTERVAL_OUTSIDE_PARENT']);
    expect(tooEarly.json().error.details).toMatchObject({ validFrom: '2024-01-01', parentValidFrom: RESTRUCTURE_DATE });
  });

  it('refuses an interval that leaves the parent\'s, writing nothing', async () => {
    const cases = [
      { parentId: ids.kimBang, validFrom: '2021-01-01', validTo: '2025-09-01' },
      { parentId: ids.baDinh, validFrom: '2025-06-30' },
      { parentId: ids.ninhBinhCity, validTo: null },
    ];
    for (const c of cases) {
      const before = await counts();
      const res = await t.call('POST', '/api/units', { cookie: admin, body: { kind: 'youth_union', name: 'Đoàn Thanh niên', ...c } });
      expect([res.statusCode, res.json().error?.code], JSON.stringify(c)).toEqual([400, 'UNIT_INTERVAL_OUTSIDE_PARENT']);
      expect(await counts()).toEqual(before);
    }
  });
});

describe('correcting a succession', () => {
  /** Phường Bùi Thị Xuân (Hà Nội) went away in 2020; the lists cannot tell where: its district, by the fallback. */
  let buiThiXuan: { id: string; valid_to: string | null };
  let entryId: string;

  beforeAll(async () => {
    buiThiXuan = await unitOf('commune', '00250');
    entryId = (await buildEntry(t.db, { unitId: buiThiXuan.id, status: 'registered', year: 2019 })).id;
  });

  const report = async (unitId: string) => (await buildReport(t.ctx, { unitId, period: 'year', year: 2019 })).figures.entries.total;

  it('lists the history\'s ambiguous successions for a system administrator', async () => {
    const page = await get<{ items: { unit: { id: string }; successors: { basis: string; unit: { kind: string } }[] }[]; total: number }>(admin, '/api/units/successions?basis=ambiguous&limit=200');
    expect(page.status).toBe(200);
    expect(page.body.total).toBeGreaterThan(500);
    expect(page.body.items.every((i) => i.successors.length === 1 && i.successors[0]!.basis === 'ambiguous' && i.successors[0]!.unit.kind === 'district')).toBe(true);
    expect((await get(hanoiAdmin, '/api/units/successions')).status).toBe(403);
  });

  it('moves the records at once: a province\'s report follows the corrected successor; audited', async () => {
    expect(await report(ids.hanoi)).toBe(1);
    expect(await report(ids.ninhBinh)).toBe(0);
    // A (deliberately wrong) successor in Ninh Bình, in force on the day the ward went away.
    const elsewhere = await unitOf('commune', '14362');
    const moved = await t.call('PUT', `/api/units/${buiThiXuan.id}/successors`, { cookie: admin, body: { successors: [{ unitId: elsewhere.id, kind: 'whole' }] } });
    expect(moved.statusCode, moved.body).toBe(200);
    expect((moved.json() as UnitDetail).successors).toEqual([expect.objectContaining({ unit: expect.objectContaining({ id: elsewhere.id }), basis: 'manual', main: true, effective: buiThiXuan.valid_to })]);
    expect(await report(ids.hanoi)).toBe(0);
    expect(await report(ids.ninhBinh)).toBe(1);
    // Then to a ward of the same district (Phường Lê Đại Hành): Hà Nội counts it again.
    const sameDistrict = await unitOf('commune', '00256');
    await t.call('PUT', `/api/units/${buiThiXuan.id}/successors`, { cookie: admin, body: { successors: [{ unitId: sameDistrict.id, kind: 'whole' }] } });
    expect(await report(ids.hanoi)).toBe(1);
    expect(await report(ids.ninhBinh)).toBe(0);
    const entry = await t.db.selectFrom('entries').select('registering_unit_id').where('id', '=', entryId).executeTakeFirstOrThrow();
    expect(entry.registering_unit_id).toBe(buiThiXuan.id);
    const audit = await t.db.selectFrom('audit_log').selectAll().where('action', '=', 'unit.successors').where('record_id', '=', buiThiXuan.id).orderBy('id').execute();
    expect(audit).toHaveLength(2);
    expect(audit[0]).toMatchObject({ actor_name: 'hist.admin', before: { successors: [{ basis: 'ambiguous' }] }, after: { successors: [{ unitId: elsewhere.id, basis: 'manual' }] } });
    const manual = await get<{ items: { unit: { id: string } }[] }>(admin, '/api/units/successions?basis=manual');
    expect(manual.body.items.map((i) => i.unit.id)).toContain(buiThiXuan.id);
  });

  it('refuses a cycle, a successor not in force that day, a unit in force, and anyone but a system administrator, writing nothing', async () => {
    // An organization of Thành phố Ninh Bình that outlived it (as a row written before the rule may):
    // without a successor of its own it follows the city, so the city cannot follow it.
    const org = await buildUnit(t.db, { parentId: ids.ninhBinhCity, kind: 'youth_union', name: 'Thành đoàn Ninh Bình', validTo: '2025-03-01' });
    const hoaLuCommune = await unitOf('commune', '14362');
    const cases: { cookie: string; id: string; body: unknown; status: number; code: string }[] = [
      { cookie: admin, id: ids.ninhBinhCity, body: { successors: [{ unitId: org.id, kind: 'whole' }] }, status: 409, code: 'SUCCESSION_CYCLE' },
      { cookie: admin, id: ids.ninhBinhCity, body: { successors: [{ unitId: ids.ninhBinh, kind: 'whole' }] }, status: 400, code: 'UNIT_NOT_IN_FORCE' },
      { cookie: admin, id: ids.baDinh, body: { successors: [{ unitId: ids.hanoi, kind: 'whole' }] }, status: 400, code: 'VALIDATION_FAILED' },
      { cookie: admin, id: ids.ninhBinhCity, body: { successors: [{ unitId: ids.hoaLu, kind: 'whole' }, { unitId: hoaLuCommune.id, kind: 'whole' }] }, status: 400, code: 'VALIDATION_FAILED' },
      { cookie: admin, id: ids.ninhBinhCity, body: { successors: [{ unitId: '999999999', kind: 'whole' }] }, status: 400, code: 'VALIDATION_FAILED' },
      { cookie: hanoiAdmin, id: ids.ninhBinhCity, body: { successors: [{ unitId: ids.hoaLu, kind: 'whole' }] }, status: 403, code: 'FORBIDDEN' },
    ];
    for (const c of cases) {
      const before = await counts();
      const links = await t.db.selectFrom('unit_successions').selectAll().where('predecessor_id', '=', c.id).orderBy('successor_id').execute();
      const res = await t.call('PUT', `/api/units/${c.id}/successors`, { cookie: c.cookie, body: c.body });
      expect([res.statusCode, res.json().error?.code], JSON.stringify(c.body)).toEqual([c.status, c.code]);
      expect(await counts()).toEqual(before);
      expect(await t.db.selectFrom('unit_successions').selectAll().where('predecessor_id', '=', c.id).orderBy('successor_id').execute()).toEqual(links);
    }
  });
});
