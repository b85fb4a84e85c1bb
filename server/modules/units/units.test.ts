import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { RESTRUCTURE_DATE, type Unit, type UnitDetail, type UnitSearchHit } from '../../../common/units.js';
import { buildUser, rootUnit, unitByCode } from '../../test/factories.js';
import { createTestApp, type TestApp } from '../../test/test-app.js';
import { searchQuery } from './units.repository.js';

let t: TestApp;
let admin: string;
let hanoiAdmin: string;
let ninhBinhViewer: string;
let baDinhViewer: string;
let ids: { root: string; hanoi: string; ninhBinh: string; baDinh: string; ngocHa: string };

beforeAll(async () => {
  t = await createTestApp();
  const root = await rootUnit(t.db);
  const hanoi = await unitByCode(t.db, 'province', '01');
  const ninhBinh = await unitByCode(t.db, 'province', '37');
  const baDinh = await unitByCode(t.db, 'commune', '00004');
  const ngocHa = await unitByCode(t.db, 'commune', '00008');
  ids = { root: root.id, hanoi: hanoi.id, ninhBinh: ninhBinh.id, baDinh: baDinh.id, ngocHa: ngocHa.id };
  await buildUser(t.db, { username: 'sys.admin', grants: [{ unitId: root.id, role: 'system_admin' }] });
  await buildUser(t.db, { username: 'hanoi.admin', grants: [{ unitId: hanoi.id, role: 'unit_admin' }] });
  await buildUser(t.db, { username: 'ninhbinh.viewer', grants: [{ unitId: ninhBinh.id, role: 'viewer' }] });
  await buildUser(t.db, { username: 'badinh.viewer', grants: [{ unitId: baDinh.id, role: 'viewer' }] });
  admin = await t.login('sys.admin');
  hanoiAdmin = await t.login('hanoi.admin');
  ninhBinhViewer = await t.login('ninhbinh.viewer');
  baDinhViewer = await t.login('badinh.viewer');
});

const get = async <T>(cookie: string, url: string) => {
  const res = await t.call('GET', url, { cookie });
  return { status: res.statusCode, body: res.json() as T & { error?: { code: string } } };
};

async function counts() {
  const { rows } = await sql<{ units: number; audit: number }>`
    select (select count(*)::int from units) as units, (select count(*)::int from audit_log) as audit`.execute(t.db);
  return rows[0]!;
}

async function findOne(cookie: string, q: string, name: string): Promise<UnitSearchHit> {
  const res = await get<{ items: UnitSearchHit[] }>(cookie, `/api/units/search?q=${encodeURIComponent(q)}`);
  expect(res.status).toBe(200);
  const hit = res.body.items.find((h) => h.name === name);
  expect(hit, `${name} among ${res.body.items.map((h) => h.name).join(', ')}`).toBeDefined();
  return hit!;
}

describe('search', () => {
  it('finds "Thị xã Kim Bảng" from "kim bang", without accents', async () => {
    const hit = await findOne(admin, 'kim bang', 'Thị xã Kim Bảng');
    expect(hit).toMatchObject({ kind: 'district', retired: true, validTo: RESTRUCTURE_DATE, pathNames: 'Tỉnh Hà Nam' });
  });

  it('finds the retired "Thành phố Hoa Lư" with its successor, the new Ninh Bình', async () => {
    const hit = await findOne(admin, 'hoa lu', 'Thành phố Hoa Lư');
    expect(hit).toMatchObject({ kind: 'district', validTo: RESTRUCTURE_DATE, retired: true, pathNames: 'Tỉnh Ninh Bình' });
    expect(hit.successors).toEqual([
      { unit: expect.objectContaining({ id: ids.ninhBinh, name: 'Tỉnh Ninh Bình', validFrom: RESTRUCTURE_DATE, validTo: null }), kind: 'whole', effective: RESTRUCTURE_DATE, basis: 'official', main: true },
    ]);
    // Case and accents do not matter either way.
    expect((await findOne(admin, 'HOA LƯ', 'Thành phố Hoa Lư')).id).toBe(hit.id);
  });

  it('ranks whole-name matches first, units in force before retired ones, and can leave the retired out', async () => {
    const all = await get<{ items: UnitSearchHit[]; total: number }>(admin, '/api/units/search?q=ba%20dinh&limit=50');
    const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/gi, 'd').toLowerCase();
    const bare = (n: string) => fold(n).replace(/^(phuong|quan|xa|thi tran|thi xa|huyen|tinh|thanh pho) /, '');
    // A unit found by a former name ranks by that name.
    const named = (h: UnitSearchHit) => h.matchedName ?? h.name;
    const rank = (h: UnitSearchHit) => [bare(named(h)) === 'ba dinh' ? 0 : bare(named(h)).startsWith('ba dinh') ? 1 : 2, h.retired ? 1 : 0, named(h).length];
    const ranks = all.body.items.map(rank);
    expect(ranks.length).toBeGreaterThan(3);
    for (let i = 1; i < ranks.length; i++) {
      const [a, b] = [ranks[i - 1]!, ranks[i]!];
      const order = a[0]! - b[0]! || a[1]! - b[1]! || a[2]! - b[2]!;
      expect(order, `${all.body.items[i - 1]!.name} before ${all.body.items[i]!.name}`).toBeLessThanOrEqual(0);
    }
    expect(all.body.items.some((h) => h.retired) && all.body.items.some((h) => !h.retired)).toBe(true);
    expect(all.body.items.every((h) => fold(named(h)).includes('ba dinh'))).toBe(true);
    expect(all.body.total).toBe(all.body.items.length);
    const current = await get<{ items: UnitSearchHit[] }>(admin, '/api/units/search?q=ba%20dinh&includeRetired=false');
    expect(current.body.items.length).toBeGreaterThan(0);
    expect(current.body.items.every((h) => !h.retired)).toBe(true);
  });

  it('shows only units inside the caller\'s scope', async () => {
    const inHanoi = await get<{ items: UnitSearchHit[] }>(admin, '/api/units/search?q=phuong&limit=50');
    expect(inHanoi.body.items.some((h) => h.id !== ids.baDinh)).toBe(true);
    const mine = await get<{ items: UnitSearchHit[]; total: number }>(baDinhViewer, '/api/units/search?q=phuong&limit=50');
    expect(mine.body.items.map((h) => h.id)).toEqual([ids.baDinh]);
    expect(mine.body.total).toBe(1);
    const ninhBinh = await get<{ items: UnitSearchHit[] }>(ninhBinhViewer, '/api/units/search?q=hoa%20lu&limit=50');
    expect(ninhBinh.body.items.length).toBeGreaterThan(0);
    // The old Thành phố Hoa Lư belongs to the retired province, outside the new Ninh Bình's subtree.
    expect(ninhBinh.body.items.some((h) => h.name === 'Thành phố Hoa Lư')).toBe(false);
    expect(ninhBinh.body.items.every((h) => h.pathNames.startsWith('Tỉnh Ninh Bình'))).toBe(true);
    const under = await get(baDinhViewer, `/api/units/search?q=phuong&under=${ids.hanoi}`);
    expect(under.status).toBe(404);
  });

  it('refuses queries shorter than 2 characters', async () => {
    for (const q of ['a', '%20a%20', '']) {
      const res = await get(admin, `/api/units/search?q=${q}`);
      expect(res.status).toBe(400);
      expect(res.body.error?.code).toBe('VALIDATION_FAILED');
    }
  });

  it('uses the trigram index on folded names', async () => {
    const query = await searchQuery(t.db, { q: 'kim bang', includeRetired: true, limit: 20 });
    const { rows } = await sql<{ 'QUERY PLAN': string }>`explain ${query}`.execute(t.db);
    expect(rows.map((r) => r['QUERY PLAN']).join('\n')).toContain('units_fold_trgm');
  });
});

describe('reading units', () => {
  it('gives a system admin the root, and a province viewer the province', async () => {
    const rootRoots = await get<{ items: Unit[]; total: number }>(admin, '/api/units/roots');
    expect(rootRoots.body).toMatchObject({ total: 1, items: [{ id: ids.root, name: 'Việt Nam', kind: 'country' }] });
    expect(rootRoots.body.items[0]!.childCount).toBe(34);
    expect(rootRoots.body.items[0]!.retiredChildCount).toBe(52);
    const province = await get<{ items: Unit[] }>(ninhBinhViewer, '/api/units/roots');
    expect(province.body.items.map((u) => u.id)).toEqual([ids.ninhBinh]);
  });

  it('answers 404 for units outside the scope, as for unknown ones, and 400 for a malformed id', async () => {
    expect((await get(baDinhViewer, `/api/units/${ids.baDinh}`)).status).toBe(200);
    const other = await get(baDinhViewer, `/api/units/${ids.ngocHa}`);
    expect(other.status).toBe(404);
    expect(other.body.error?.code).toBe('NOT_FOUND');
    expect((await get(baDinhViewer, `/api/units/${ids.hanoi}/children`)).status).toBe(404);
    expect((await get(admin, '/api/units/999999999')).body.error?.code).toBe('NOT_FOUND');
    const bad = await get(admin, '/api/units/abc');
    expect(bad.status).toBe(400);
    expect(bad.body.error?.code).toBe('VALIDATION_FAILED');
  });

  it('shows the breadcrumb from the root, even above the caller\'s scope', async () => {
    const d = await get<UnitDetail>(baDinhViewer, `/api/units/${ids.baDinh}`);
    expect(d.body.ancestors.map((a) => a.name)).toEqual(['Việt Nam', 'Thành phố Hà Nội']);
  });

  it('keeps a continuing province as one unit holding its retired districts and its new communes', async () => {
    const d = await get<UnitDetail>(admin, `/api/units/${ids.hanoi}`);
    expect(d.body.unit).toMatchObject({ name: 'Thành phố Hà Nội', validFrom: null, validTo: null, retired: false, childCount: 126, retiredChildCount: 30 });
    // Its own old districts point to it, as the province now holding their area.
    expect(d.body.predecessors).toHaveLength(30);
    expect(d.body.predecessors.every((p) => p.unit.kind === 'district' && p.kind === 'whole')).toBe(true);
    const districts = await get<{ items: Unit[]; total: number }>(admin, `/api/units/${ids.hanoi}/children?includeRetired=true&kind=district&limit=500`);
    expect(districts.body.total).toBe(30);
    expect(districts.body.items.every((u) => u.retired && u.validTo === RESTRUCTURE_DATE)).toBe(true);
  });

  it('lists children in Vietnamese order, in force first, with paging', async () => {
    const current = await get<{ items: Unit[]; total: number }>(admin, `/api/units/${ids.root}/children`);
    expect(current.body.total).toBe(34);
    const names = current.body.items.map((u) => u.name);
    expect(names).toEqual([...names].sort(new Intl.Collator('vi').compare));
    const all = await get<{ items: Unit[]; total: number }>(admin, `/api/units/${ids.root}/children?includeRetired=true&limit=500`);
    expect(all.body.total).toBe(86);
    const retired = all.body.items.map((u) => u.retired);
    expect(retired).toEqual([...retired].sort());
    const page = await get<{ items: Unit[]; total: number }>(admin, `/api/units/${ids.root}/children?limit=10&offset=30`);
    expect(page.body).toMatchObject({ total: 34 });
    expect(page.body.items.map((u) => u.name)).toEqual(names.slice(30));
    expect((await get(admin, `/api/units/${ids.root}/children?limit=501`)).status).toBe(400);
  });

  it('links a retired commune to its successors and a new commune to its predecessors', async () => {
    const trucBach = await unitByCode(t.db, 'commune', '00004', false);
    expect(trucBach.name).toBe('Phường Trúc Bạch');
    const old = await get<UnitDetail>(admin, `/api/units/${trucBach.id}`);
    expect(old.body.unit.retired).toBe(true);
    expect(old.body.ancestors.map((a) => a.name)).toEqual(['Việt Nam', 'Thành phố Hà Nội', 'Quận Ba Đình']);
    expect(old.body.successors).toEqual([{ unit: expect.objectContaining({ id: ids.baDinh, name: 'Phường Ba Đình' }), kind: 'whole', effective: RESTRUCTURE_DATE, basis: 'official', main: true }]);
    const now = await get<UnitDetail>(admin, `/api/units/${ids.baDinh}`);
    const preds = Object.fromEntries(now.body.predecessors.map((p) => [p.unit.name, p.kind]));
    expect(preds).toMatchObject({ 'Phường Trúc Bạch': 'whole', 'Phường Quán Thánh': 'whole', 'Phường Ngọc Hà': 'partial', 'Phường Thụy Khuê': 'partial' });
    expect(now.body.successors).toEqual([]);
  });

  it('tells an old district and an old province which current province holds their area', async () => {
    const kimBang = await unitByCode(t.db, 'district', '350', false);
    const d = await get<UnitDetail>(admin, `/api/units/${kimBang.id}/history`);
    expect(d.status).toBe(200);
    expect(d.body.successors.map((s) => [s.unit.name, s.unit.kind, s.kind])).toEqual([['Tỉnh Ninh Bình', 'province', 'whole']]);
    const haNam = await unitByCode(t.db, 'province', '35', false);
    const p = await get<UnitDetail>(admin, `/api/units/${haNam.id}`);
    expect(p.body.successors.map((s) => s.unit.id)).toEqual([ids.ninhBinh]);
    const ninhBinh = await get<UnitDetail>(admin, `/api/units/${ids.ninhBinh}`);
    expect(ninhBinh.body.predecessors.filter((x) => x.unit.kind === 'province').map((x) => x.unit.name).sort()).toEqual(['Tỉnh Hà Nam', 'Tỉnh Nam Định', 'Tỉnh Ninh Bình'].sort());
  });

  it('lists the unit kinds', async () => {
    const res = await get<{ items: { code: string; category: string; builtin: boolean }[] }>(baDinhViewer, '/api/unit-kinds');
    expect(res.status).toBe(200);
    expect(res.body.items.slice(0, 4).map((k) => k.code)).toEqual(['country', 'province', 'district', 'commune']);
    expect(res.body.items.find((k) => k.code === 'fatherland_front')).toMatchObject({ category: 'organization', builtin: true });
  });
});

describe('organizations', () => {
  it('are added, renamed and retired with an audit record each, and keep their history', async () => {
    // Founded with the new ward (its founding date given), so it can be retired on a day of 2026.
    const created = await t.call('POST', '/api/units', { cookie: hanoiAdmin, body: { parentId: ids.baDinh, kind: 'fatherland_front', name: '  Ủy ban MTTQ   phường Ba Đình ', code: 'MT-BD', validFrom: '2025-07-01' } });
    expect(created.statusCode).toBe(201);
    const unit = created.json() as Unit;
    expect(unit).toMatchObject({ parentId: ids.baDinh, kind: 'fatherland_front', name: 'Ủy ban MTTQ phường Ba Đình', code: 'MT-BD', version: 1, retired: false, childCount: 0, validFrom: '2025-07-01', validTo: null });
    const row = await t.db.selectFrom('units').select(['path']).where('id', '=', unit.id).executeTakeFirstOrThrow();
    const parent = await t.db.selectFrom('units').select(['path']).where('id', '=', ids.baDinh).executeTakeFirstOrThrow();
    expect(row.path).toBe(`${parent.path}.${unit.id}`);

    const renamed = await t.call('PATCH', `/api/units/${unit.id}`, { cookie: hanoiAdmin, body: { name: 'Ủy ban Mặt trận Tổ quốc phường Ba Đình', version: 1 } });
    expect(renamed.statusCode).toBe(200);
    expect(renamed.json()).toMatchObject({ name: 'Ủy ban Mặt trận Tổ quốc phường Ba Đình', version: 2 });

    const stale = await counts();
    const conflict = await t.call('PATCH', `/api/units/${unit.id}`, { cookie: hanoiAdmin, body: { name: 'Tên khác', version: 1 } });
    expect(conflict.statusCode).toBe(409);
    expect(conflict.json().error).toMatchObject({ code: 'CONFLICT', details: { currentVersion: 2 } });
    expect(await counts()).toEqual(stale);
    expect((await t.db.selectFrom('units').select('name').where('id', '=', unit.id).executeTakeFirstOrThrow()).name).toBe('Ủy ban Mặt trận Tổ quốc phường Ba Đình');

    const retired = await t.call('POST', `/api/units/${unit.id}/retire`, { cookie: hanoiAdmin, body: { validTo: '2026-01-01', version: 2 } });
    expect(retired.statusCode).toBe(200);
    expect(retired.json()).toMatchObject({ validTo: '2026-01-01', retired: true, version: 3 });
    const again = await t.call('PATCH', `/api/units/${unit.id}`, { cookie: hanoiAdmin, body: { name: 'Muộn rồi', version: 3 } });
    expect(again.json().error.code).toBe('UNIT_RETIRED');

    const audit = await t.db.selectFrom('audit_log').selectAll().where('record_type', '=', 'unit').where('record_id', '=', unit.id).orderBy('id').execute();
    expect(audit.map((a) => a.action)).toEqual(['unit.create', 'unit.update', 'unit.retire']);
    expect(audit.every((a) => a.actor_name === 'hanoi.admin' && a.unit_id === unit.id)).toBe(true);
    expect(audit[0]!.after).toMatchObject({ parentId: ids.baDinh, kind: 'fatherland_front', name: 'Ủy ban MTTQ phường Ba Đình' });
    expect(audit[1]).toMatchObject({ before: { name: 'Ủy ban MTTQ phường Ba Đình' }, after: { name: 'Ủy ban Mặt trận Tổ quốc phường Ba Đình' } });
    expect(audit[2]).toMatchObject({ before: { validTo: null }, after: { validTo: '2026-01-01' } });

    const history = await get<{ events: { action: string; actorName: string; after: Record<string, unknown>; refs: Record<string, unknown> }[]; unit: Unit }>(
      baDinhViewer,
      `/api/units/${unit.id}/history`,
    );
    expect(history.body.events.map((e) => [e.action, e.actorName])).toEqual([
      ['unit.create', 'hanoi.admin'],
      ['unit.update', 'hanoi.admin'],
      ['unit.retire', 'hanoi.admin'],
    ]);
    // The history names what the changes point to, as the audit log does: the parent by its name, not its id.
    const baDinhName = (await t.db.selectFrom('units').select('name').where('id', '=', ids.baDinh).executeTakeFirstOrThrow()).name;
    expect(history.body.events[0]!.refs).toMatchObject({ [`unit:${ids.baDinh}`]: baDinhName });
    // Retired units are kept: still readable, listed among retired children.
    const children = await get<{ items: Unit[] }>(admin, `/api/units/${ids.baDinh}/children?includeRetired=true`);
    expect(children.body.items.map((u) => u.id)).toContain(unit.id);
    expect((await get<{ items: Unit[] }>(admin, `/api/units/${ids.baDinh}/children`)).body.items.map((u) => u.id)).not.toContain(unit.id);
  });

  it('cannot retire a unit with children in force', async () => {
    const parent = (await t.call('POST', '/api/units', { cookie: hanoiAdmin, body: { parentId: ids.hanoi, kind: 'womens_union', name: 'Hội LHPN thành phố' } })).json() as Unit;
    const child = await t.call('POST', '/api/units', { cookie: hanoiAdmin, body: { parentId: parent.id, kind: 'womens_union', name: 'Chi hội 1' } });
    expect(child.statusCode).toBe(201);
    const before = await counts();
    const res = await t.call('POST', `/api/units/${parent.id}/retire`, { cookie: hanoiAdmin, body: { validTo: '2099-06-01', version: 1 } });
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({ code: 'CONFLICT', details: { childrenInForce: 1 } });
    expect(await counts()).toEqual(before);
    const stillInForce = await t.db.selectFrom('units').select(['valid_to', 'version']).where('id', '=', parent.id).executeTakeFirstOrThrow();
    expect(stillInForce).toEqual({ valid_to: null, version: 1 });
  });

  it('refuse bad input with a clear code and write nothing', async () => {
    const legacyDistrict = await unitByCode(t.db, 'district', '001', false);
    const cases: { cookie: string; method: 'POST' | 'PATCH'; url: string; body: unknown; status: number; code: string }[] = [
      { cookie: hanoiAdmin, method: 'POST', url: '/api/units', body: { parentId: ids.baDinh, kind: 'fatherland_front', name: '   ' }, status: 400, code: 'VALIDATION_FAILED' },
      { cookie: hanoiAdmin, method: 'POST', url: '/api/units', body: { parentId: ids.baDinh, kind: 'chess_club', name: 'CLB cờ' }, status: 400, code: 'VALIDATION_FAILED' },
      { cookie: hanoiAdmin, method: 'POST', url: '/api/units', body: { parentId: ids.baDinh, kind: 'Fatherland Front!', name: 'X' }, status: 400, code: 'VALIDATION_FAILED' },
      { cookie: hanoiAdmin, method: 'POST', url: '/api/units', body: { parentId: ids.hanoi, kind: 'commune', name: 'Phường Mới' }, status: 403, code: 'FORBIDDEN' },
      // Under a unit retired on 1 July 2025: only for its years.
      { cookie: admin, method: 'POST', url: '/api/units', body: { parentId: legacyDistrict.id, kind: 'fatherland_front', name: 'Ủy ban MTTQ quận', validTo: '2026-01-01' }, status: 400, code: 'UNIT_INTERVAL_OUTSIDE_PARENT' },
      { cookie: hanoiAdmin, method: 'POST', url: '/api/units', body: { parentId: ids.baDinh, kind: 'fatherland_front', name: 'MTTQ từ 2024', validFrom: '2024-01-01' }, status: 400, code: 'UNIT_INTERVAL_OUTSIDE_PARENT' },
      { cookie: hanoiAdmin, method: 'POST', url: '/api/units', body: { parentId: ids.baDinh, kind: 'fatherland_front', name: 'MTTQ tương lai', validFrom: '2099-01-01' }, status: 400, code: 'VALIDATION_FAILED' },
      { cookie: hanoiAdmin, method: 'POST', url: '/api/units', body: { parentId: ids.baDinh, kind: 'fatherland_front', name: 'MTTQ ngược', validFrom: '2025-09-01', validTo: '2025-08-01' }, status: 400, code: 'VALIDATION_FAILED' },
      { cookie: admin, method: 'POST', url: '/api/units', body: { parentId: ids.baDinh, kind: 'province', name: 'Tỉnh Mới' }, status: 400, code: 'INVALID_UNIT_PARENT' },
      { cookie: hanoiAdmin, method: 'POST', url: '/api/units', body: { parentId: 'x1', kind: 'fatherland_front', name: 'X' }, status: 400, code: 'VALIDATION_FAILED' },
      { cookie: hanoiAdmin, method: 'POST', url: '/api/units', body: { parentId: ids.ninhBinh, kind: 'fatherland_front', name: 'X' }, status: 404, code: 'NOT_FOUND' },
      { cookie: baDinhViewer, method: 'POST', url: '/api/units', body: { parentId: ids.baDinh, kind: 'fatherland_front', name: 'X' }, status: 403, code: 'FORBIDDEN' },
      { cookie: hanoiAdmin, method: 'PATCH', url: `/api/units/${ids.baDinh}`, body: { name: 'Phường Ba Đình Mới', version: 1 }, status: 403, code: 'FORBIDDEN' },
      { cookie: hanoiAdmin, method: 'PATCH', url: '/api/units/abc', body: { name: 'X', version: 1 }, status: 400, code: 'VALIDATION_FAILED' },
      { cookie: hanoiAdmin, method: 'PATCH', url: `/api/units/${ids.hanoi}`, body: { version: 1 }, status: 400, code: 'VALIDATION_FAILED' },
    ];
    for (const c of cases) {
      const before = await counts();
      const res = await t.call(c.method, c.url, { cookie: c.cookie, body: c.body });
      expect([res.statusCode, res.json().error?.code], JSON.stringify(c.body)).toEqual([c.status, c.code]);
      expect(await counts()).toEqual(before);
    }
  });

  it('refuses a code already used by a unit of the same kind', async () => {
    const body = { parentId: ids.hanoi, kind: 'youth_union', name: 'Thành đoàn Hà Nội', code: 'TD-HN' };
    expect((await t.call('POST', '/api/units', { cookie: hanoiAdmin, body })).statusCode).toBe(201);
    const before = await counts();
    const again = await t.call('POST', '/api/units', { cookie: hanoiAdmin, body: { ...body, name: 'Đoàn khác' } });
    expect([again.statusCode, again.json().error.code]).toEqual([409, 'ALREADY_EXISTS']);
    expect(await counts()).toEqual(before);
  });

  it('lets a system admin correct an administrative unit, with the version checked', async () => {
    const commune = await t.db.selectFrom('units').select(['name', 'version']).where('id', '=', ids.ngocHa).executeTakeFirstOrThrow();
    const res = await t.call('PATCH', `/api/units/${ids.ngocHa}`, { cookie: admin, body: { nameEn: 'Ngoc Ha Ward', version: commune.version } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ name: commune.name, nameEn: 'Ngoc Ha Ward', version: commune.version + 1 });
    const audit = await t.db.selectFrom('audit_log').selectAll().where('record_id', '=', ids.ngocHa).where('action', '=', 'unit.update').executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ before: { nameEn: null }, after: { nameEn: 'Ngoc Ha Ward' }, actor_name: 'sys.admin' });
  });
});

describe('unit kinds', () => {
  it('are added by a system admin only, once, and can then be used', async () => {
    const body = { code: 'chess_club', names: { vi: 'Câu lạc bộ cờ', en: 'Chess club' } };
    const refused = await t.call('POST', '/api/unit-kinds', { cookie: hanoiAdmin, body });
    expect([refused.statusCode, refused.json().error.code]).toEqual([403, 'FORBIDDEN']);
    const noVi = await t.call('POST', '/api/unit-kinds', { cookie: admin, body: { code: 'chess_club', names: { en: 'Chess club' } } });
    expect(noVi.json().error.code).toBe('VALIDATION_FAILED');

    const created = await t.call('POST', '/api/unit-kinds', { cookie: admin, body });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ code: 'chess_club', category: 'organization', builtin: false, names: body.names });
    const audit = await t.db.selectFrom('audit_log').selectAll().where('action', '=', 'unit_kind.create').executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ record_type: 'unit_kind', record_id: 'chess_club', after: { code: 'chess_club', names: body.names } });

    const before = await counts();
    const duplicate = await t.call('POST', '/api/unit-kinds', { cookie: admin, body });
    expect([duplicate.statusCode, duplicate.json().error.code]).toEqual([409, 'ALREADY_EXISTS']);
    expect(await counts()).toEqual(before);

    const club = await t.call('POST', '/api/units', { cookie: hanoiAdmin, body: { parentId: ids.hanoi, kind: 'chess_club', name: 'CLB cờ tướng Hà Nội' } });
    expect(club.statusCode).toBe(201);
  });
});
