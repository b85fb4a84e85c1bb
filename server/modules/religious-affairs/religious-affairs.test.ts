import { beforeAll, describe, expect, it } from 'vitest';
import type { Dignitary, PersonIdentity, PrestigiousPerson, ReligiousFigures } from '../../../common/religious-affairs.js';
import { SYSTEM_ACTOR } from '../../http/access.js';
import { buildEntry } from '../entries/entries.factories.js';
import { buildUser, unitByCode } from '../../test/factories.js';
import { createTestApp, type TestApp } from '../../test/test-app.js';
import { buildDignitary, buildPerson } from './religious-affairs.factories.js';
import { eraseExpiredPersons } from './religious-retention.service.js';
import { loadDemoReligiousAffairs } from '../../demo/demo-religious-affairs.js';

let t: TestApp;
const cookies: Record<string, string> = {};
let ids: { ninhBinh: string; commune: string; other: string; hanoi: string };
const BASE = '/api/religious-affairs';

beforeAll(async () => {
  t = await createTestApp();
  const ninhBinh = await unitByCode(t.db, 'province', '37');
  const hanoi = await unitByCode(t.db, 'province', '01');
  const communes = await t.db.selectFrom('units').select('id').where('parent_id', '=', ninhBinh.id).where('kind', '=', 'commune').where('valid_to', 'is', null).orderBy('code').limit(2).execute();
  ids = { ninhBinh: ninhBinh.id, commune: communes[0]!.id, other: communes[1]!.id, hanoi: hanoi.id };
  const users: [string, string, 'editor' | 'approver' | 'viewer'][] = [
    ['ra.editor', ninhBinh.id, 'editor'],
    ['ra.approver', ninhBinh.id, 'approver'],
    ['ra.commune.approver', communes[1]!.id, 'approver'],
    ['ra.hanoi.approver', hanoi.id, 'approver'],
  ];
  for (const [username, unitId, role] of users) {
    await buildUser(t.db, { username, grants: [{ unitId, role }] });
    cookies[username.slice(3)] = await t.login(username);
  }
}, 180_000);

const n = async (table: 'prestigious_persons' | 'prestigious_support' | 'dignitaries' | 'religious_organizations' | 'religious_events' | 'audit_log') =>
  Number((await t.db.selectFrom(table).select(t.db.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);
const counts = async () => ({ persons: await n('prestigious_persons'), support: await n('prestigious_support'), dignitaries: await n('dignitaries'), orgs: await n('religious_organizations'), events: await n('religious_events'), audit: await n('audit_log') });

const personBody = (extra: Record<string, unknown> = {}) => ({
  unitId: ids.commune,
  name: 'Quách Văn Sơn',
  ethnicCode: '06',
  village: 'Xóm Nội',
  recognizedYear: 2023,
  decision: 'Quyết định số 345/QĐ-UBND ngày 20/3/2023 của UBND huyện Nho Quan',
  decidingUnitId: ids.ninhBinh,
  support: [
    { year: 2024, kind: 'tet_visit', amount: 500_000 },
    { year: 2024, kind: 'health_insurance', amount: 0 },
  ],
  ...extra,
});
const addPerson = (extra: Record<string, unknown> = {}, cookie = cookies.editor) => t.call('POST', `${BASE}/persons`, { cookie, body: personBody(extra) });

describe('prestigious persons: masked names, audited identity', () => {
  it('stores a person with the support, and shows the name masked and the ethnicity hidden to an editor', async () => {
    const res = await addPerson();
    expect(res.statusCode, res.body).toBe(201);
    const p = res.json() as PrestigiousPerson;
    expect(p.name).toBe('Q*** V*** S***');
    expect(p.ethnicCode).toBeNull();
    expect(p.canReadIdentity).toBe(false);
    expect(p.support).toEqual([
      { year: 2024, kind: 'tet_visit', amount: 500_000, note: null },
      { year: 2024, kind: 'health_insurance', amount: 0, note: null },
    ]);
    const audit = await t.db.selectFrom('audit_log').select(['action', 'after']).where('record_id', '=', p.id).where('action', '=', 'prestigious_person.create').executeTakeFirstOrThrow();
    // The audit trail notes that a name was given, never the name itself.
    expect(JSON.stringify(audit.after)).not.toContain('Quách');
    const list = await t.call('GET', `${BASE}/persons?unitId=${ids.ninhBinh}`, { cookie: cookies.editor });
    expect(list.body).not.toContain('Quách');
  });

  it('reveals the name to an approver of the province through the identity route, each read audited', async () => {
    const p = (await addPerson({ name: 'Bạch Thị Mai' })).json() as PrestigiousPerson;
    const detail = (await t.call('GET', `${BASE}/persons/${p.id}`, { cookie: cookies.approver })).json() as PrestigiousPerson;
    expect(detail).toMatchObject({ name: 'B*** T*** M***', ethnicCode: '06', canReadIdentity: true });
    const before = await n('audit_log');
    const id = await t.call('GET', `${BASE}/persons/${p.id}/identity`, { cookie: cookies.approver });
    expect(id.statusCode).toBe(200);
    expect(id.json() as PersonIdentity).toEqual({ name: 'Bạch Thị Mai', religiousName: null, religionCode: null, ethnicCode: '06', erased: false });
    expect(await n('audit_log')).toBe(before + 1);
    const row = await t.db.selectFrom('audit_log').select(['action', 'record_type']).orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(row).toEqual({ action: 'situation.identity.read', record_type: 'prestigious_person' });
    // An editor has no situation.identity; an approver of a sibling commune has it elsewhere only.
    expect((await t.call('GET', `${BASE}/persons/${p.id}/identity`, { cookie: cookies.editor })).statusCode).toBe(403);
    const sibling = await t.call('GET', `${BASE}/persons/${p.id}/identity`, { cookie: cookies['commune.approver'] });
    expect(sibling.statusCode).toBe(404);
  });

  it('searches names only for holders of situation.identity', async () => {
    await addPerson({ name: 'Đinh Công Tráng', village: 'Bản Sưng' });
    const asEditor = await t.call('GET', `${BASE}/persons?unitId=${ids.ninhBinh}&q=${encodeURIComponent('Tráng')}`, { cookie: cookies.editor });
    expect(asEditor.json().total).toBe(0);
    const asApprover = await t.call('GET', `${BASE}/persons?unitId=${ids.ninhBinh}&q=${encodeURIComponent('Tráng')}`, { cookie: cookies.approver });
    expect(asApprover.json().total).toBe(1);
    const byVillage = await t.call('GET', `${BASE}/persons?unitId=${ids.ninhBinh}&q=${encodeURIComponent('Sưng')}`, { cookie: cookies.editor });
    expect(byVillage.json().total).toBe(1);
  });

  it('refuses bad input with a clear error and writes nothing', async () => {
    const before = await counts();
    const cases: [Record<string, unknown>, number, string, string][] = [
      [{ ethnicCode: '99' }, 400, 'VALIDATION_FAILED', 'body.ethnicCode'],
      [{ support: [{ year: 2020, kind: 'tet_visit', amount: 100 }] }, 400, 'VALIDATION_FAILED', 'body.support[0].year'],
      [{ support: [{ year: 2024, kind: 'tet_visit', amount: -5 }] }, 400, 'VALIDATION_FAILED', 'body.support.0.amount'],
      [{ support: [{ year: 2024, kind: 'lottery', amount: 5 }] }, 400, 'VALIDATION_FAILED', 'body.support[0].kind'],
      [{ decidingUnitId: '999999999' }, 400, 'VALIDATION_FAILED', 'body.decidingUnitId'],
    ];
    for (const [extra, status, code, path] of cases) {
      const res = await addPerson(extra);
      expect(res.statusCode, res.body).toBe(status);
      expect(res.json().error.code).toBe(code);
      expect(JSON.stringify(res.json().error.details)).toContain(path.split('.').pop()!.replace(/\[\d+\]/, ''));
    }
    const org = await t.call('POST', `${BASE}/organizations`, { cookie: cookies.editor, body: { unitId: ids.commune, name: 'Hội thánh X', religionCode: 'unknown_faith', legalStatus: 'recognized' } });
    expect(org.json().error).toMatchObject({ code: 'VALIDATION_FAILED', details: [expect.objectContaining({ path: 'body.religionCode', code: 'unknown' })] });
    const event = await t.call('POST', `${BASE}/events`, { cookie: cookies.editor, body: { unitId: ids.commune, name: 'Lễ hội', startsOn: '2026-03-05', endsOn: '2026-03-01', place: 'Đền' } });
    expect(event.json().error.code).toBe('INVALID_RANGE');
    const foreign = await addPerson({ unitId: ids.hanoi });
    expect(foreign.statusCode).toBe(404);
    expect(await counts()).toEqual(before);
  });

  it('gives one of two concurrent edits a CONFLICT, and checks the support against the stored recognition year', async () => {
    const p = (await addPerson({ name: 'Hà Văn Khải' })).json() as PrestigiousPerson;
    const [a, b] = await Promise.all([
      t.call('PATCH', `${BASE}/persons/${p.id}`, { cookie: cookies.editor, body: { village: 'Xóm Mới', version: p.version } }),
      t.call('PATCH', `${BASE}/persons/${p.id}`, { cookie: cookies.editor, body: { village: 'Xóm Cũ', version: p.version } }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const current = (await t.call('GET', `${BASE}/persons/${p.id}`, { cookie: cookies.editor })).json() as PrestigiousPerson;
    const early = await t.call('PATCH', `${BASE}/persons/${p.id}`, { cookie: cookies.editor, body: { recognizedYear: 2025, version: current.version } });
    expect(early.json().error.details[0]).toMatchObject({ path: 'body.support[0].year', code: 'before_recognition' });
  });
});

describe('the history rule', () => {
  it('lets the commune in force read a record kept on the commune it took over in 2025', async () => {
    const giaSinh = await unitByCode(t.db, 'commune', '14521', false);
    const tayHoaLu = await t.db.selectFrom('units').select('id').where('name', '=', 'Phường Tây Hoa Lư').where('valid_to', 'is', null).executeTakeFirstOrThrow();
    await buildUser(t.db, { username: 'ra.tayhoalu.viewer', grants: [{ unitId: tayHoaLu.id, role: 'viewer' }] });
    const cookie = await t.login('ra.tayhoalu.viewer');
    const old = await buildPerson(t.db, { unitId: giaSinh.id, village: 'Thôn Vân Long cũ' });
    const detail = await t.call('GET', `${BASE}/persons/${old.id}`, { cookie });
    expect(detail.statusCode).toBe(200);
    expect((detail.json() as PrestigiousPerson).unit).toEqual({ id: giaSinh.id, name: giaSinh.name });
    const list = (await t.call('GET', `${BASE}/persons?unitId=${tayHoaLu.id}`, { cookie })).json();
    expect(list.items.map((p: PrestigiousPerson) => p.id)).toContain(old.id);
    // A viewer of another commune reads neither.
    const other = await t.call('GET', `${BASE}/persons/${old.id}`, { cookie: cookies['commune.approver'] });
    expect(other.statusCode).toBe(404);
  });
});

describe('dignitaries', () => {
  it('masks the name, the religious name and the religion for those without situation.identity', async () => {
    const res = await t.call('POST', `${BASE}/dignitaries`, {
      cookie: cookies.editor,
      body: { unitId: ids.commune, name: 'Nguyễn Văn Thuận', religiousName: 'Giuse', religionCode: 'catholicism', rank: 'Linh mục chánh xứ', birthYear: 1968 },
    });
    expect(res.statusCode, res.body).toBe(201);
    const d = res.json() as Dignitary;
    expect(d).toMatchObject({ name: 'N*** V*** T***', religiousName: 'G***', religionCode: null, rank: 'Linh mục chánh xứ' });
    const asApprover = (await t.call('GET', `${BASE}/dignitaries/${d.id}`, { cookie: cookies.approver })).json() as Dignitary;
    expect(asApprover.religionCode).toBe('catholicism');
  });
});

describe('exports with names', () => {
  it('refuse names without situation.identity, ask a reason, and audit the reason', async () => {
    const url = `${BASE}/persons/export.xlsx?unitId=${ids.ninhBinh}`;
    const plain = await t.call('GET', url, { cookie: cookies.editor });
    expect(plain.statusCode).toBe(200);
    expect(plain.headers['content-type']).toContain('spreadsheetml');
    const refused = await t.call('GET', `${url}&includeNames=true&reason=${encodeURIComponent('Rà soát danh sách')}`, { cookie: cookies.editor });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.message).toContain('situation.identity');
    const noReason = await t.call('GET', `${url}&includeNames=true`, { cookie: cookies.approver });
    expect(noReason.json().error).toMatchObject({ code: 'VALIDATION_FAILED', details: [expect.objectContaining({ code: 'reason_required' })] });
    const ok = await t.call('GET', `${url}&includeNames=true&reason=${encodeURIComponent('Rà soát danh sách đề nghị thăm hỏi dịp Tết')}`, { cookie: cookies.approver });
    expect(ok.statusCode).toBe(200);
    const audit = await t.db.selectFrom('audit_log').select(['action', 'after']).where('action', '=', 'situation.identity.export').orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(audit.after).toMatchObject({ register: 'persons', reason: 'Rà soát danh sách đề nghị thăm hỏi dịp Tết' });
  });
});

describe('figures by religion and ethnicity', () => {
  it('suppress cells of 1–2 persons unless a holder asks for exact figures; organizations are not suppressed', async () => {
    const unit = ids.other;
    for (let i = 0; i < 4; i++) await buildPerson(t.db, { unitId: unit, ethnicCode: '06', support: [{ year: 2026, kind: 'tet_visit', amount: 1_000_000 }] });
    await buildPerson(t.db, { unitId: unit, ethnicCode: '01' });
    const monk = await buildDignitary(t.db, { unitId: unit, religionCode: 'buddhism' });
    const org = await t.call('POST', `${BASE}/organizations`, { cookie: cookies.editor, body: { unitId: unit, name: 'Giáo xứ Lạc Thiện', religionCode: 'catholicism', legalStatus: 'recognized' } });
    const orgId = org.json().id as string;
    const entry = await buildEntry(t.db, { unitId: unit });
    await t.call('PATCH', `${BASE}/organizations/${orgId}`, { cookie: cookies.editor, body: { entryIds: [entry.id], version: 1 } });
    expect((await t.call('PATCH', `${BASE}/dignitaries/${monk.id}`, { cookie: cookies.editor, body: { entryIds: [entry.id], version: 1 } })).statusCode).toBe(200);

    const wide = (await t.call('GET', `${BASE}/figures?unitId=${unit}&year=2026`, { cookie: cookies.editor })).json() as ReligiousFigures;
    expect(wide.exact).toBe(false);
    // 4 Mường and 1 Kinh: the Kinh cell is hidden, and "khác" (1) forces the Mường cell in too.
    expect(wide.personsByEthnicity.cells).toEqual([
      { key: '01', n: null, amount: null, suppressed: 'small' },
      { key: '06', n: null, amount: null, suppressed: 'secondary' },
    ]);
    expect(wide.personsByEthnicity.other.n).toBe(5);
    expect(wide.personsByEthnicity.total.n).toBe(5);
    expect(wide.dignitariesByReligion.other.n).toBeNull();
    expect(wide.organizationsByReligion.cells).toEqual([{ key: 'catholicism', n: 1, amount: null, suppressed: null }]);
    expect(wide.supportByKind.cells).toEqual([{ key: 'tet_visit', n: 4, amount: 4_000_000, suppressed: null }]);
    // One named monk taking part would point at him: shown "< 3" to a wide audience.
    expect(wide.participation).toEqual({ organizations: 1, dignitaries: null, persons: 0 });

    expect((await t.call('GET', `${BASE}/figures?unitId=${unit}&year=2026&exact=true`, { cookie: cookies.editor })).statusCode).toBe(403);
    const exact = (await t.call('GET', `${BASE}/figures?unitId=${unit}&year=2026&exact=true`, { cookie: cookies.approver })).json() as ReligiousFigures;
    expect(exact.personsByEthnicity.cells.map((c) => [c.key, c.n])).toEqual([
      ['01', 1],
      ['06', 4],
    ]);
    expect(exact.participation).toEqual({ organizations: 1, dignitaries: 1, persons: 0 });
    const file = await t.call('GET', `${BASE}/figures.xlsx?unitId=${unit}&year=2026&exact=true`, { cookie: cookies.approver });
    expect(file.statusCode).toBe(200);
  });
});

describe('retention', () => {
  it('erases the names of persons who left longer ago than the rule, once, with an audit record each', async () => {
    const unit = ids.commune;
    const old = await buildPerson(t.db, { unitId: unit, name: 'Lê Văn Cũ', leftOn: '2019-06-01' });
    const recent = await buildPerson(t.db, { unitId: unit, name: 'Lê Văn Mới', leftOn: '2024-06-01' });
    const oldDignitary = await buildDignitary(t.db, { unitId: unit, name: 'Trần Văn Xưa', leftOn: '2018-01-01' });
    const now = new Date('2026-12-05T00:00:00Z');
    const erased = await eraseExpiredPersons(t.ctx, SYSTEM_ACTOR, { now });
    expect(erased).toBeGreaterThanOrEqual(2);
    const rows = await t.db.selectFrom('prestigious_persons').select(['id', 'name', 'identity_erased_at']).where('id', 'in', [old.id, recent.id]).orderBy('id').execute();
    expect(rows[0]).toMatchObject({ name: null });
    expect(rows[0]!.identity_erased_at).not.toBeNull();
    expect(rows[1]).toMatchObject({ name: 'Lê Văn Mới', identity_erased_at: null });
    const d = await t.db.selectFrom('dignitaries').select(['name', 'religious_name']).where('id', '=', oldDignitary.id).executeTakeFirstOrThrow();
    expect(d).toEqual({ name: null, religious_name: null });
    expect(await eraseExpiredPersons(t.ctx, SYSTEM_ACTOR, { now })).toBe(0);
    const audits = await t.db.selectFrom('audit_log').select('record_id').where('action', '=', 'situation.identity.erase').where('record_id', '=', old.id).execute();
    expect(audits).toHaveLength(1);
    const shown = (await t.call('GET', `${BASE}/persons/${old.id}`, { cookie: cookies.approver })).json() as PrestigiousPerson;
    expect(shown).toMatchObject({ name: null, identityErased: true });
  });

  it('lets only a system admin change the period, with the version', async () => {
    const res = await t.call('PUT', `${BASE}/retention`, { cookie: cookies.approver, body: { register: 'dignitary', years: 10, version: 1 } });
    expect(res.statusCode).toBe(403);
  });
});

describe('the demo', () => {
  it('loads Ninh Bình\'s registers once, with district-era decisions kept on their district', async () => {
    const first = await loadDemoReligiousAffairs(t.db, t.ctx, 2026);
    expect(first.religiousRecords).toBe(19);
    expect((await loadDemoReligiousAffairs(t.db, t.ctx, 2026)).religiousRecords).toBe(0);
    const list = (await t.call('GET', `${BASE}/organizations?unitId=${ids.ninhBinh}&q=${encodeURIComponent('Phát Diệm')}`, { cookie: cookies.approver })).json();
    expect(list.items.map((o: { name: string }) => o.name)).toEqual(['Giáo phận Phát Diệm']);
    const persons = await t.db
      .selectFrom('prestigious_persons as p')
      .innerJoin('units as u', 'u.id', 'p.deciding_unit_id')
      .select(['u.name', 'u.valid_to'])
      .where('p.village', 'in', ['Bản Cọt', 'Bản Đồng Tâm', 'Thôn Đồi Dù', 'Bản Nga'])
      .execute();
    expect(persons).toHaveLength(4);
    expect(persons.map((p) => [p.name, p.valid_to !== null])).toEqual(Array(4).fill(['Huyện Nho Quan', true]));
    const places = await t.db.selectFrom('worship_places as w').innerJoin('units as u', 'u.id', 'w.unit_id').select(['w.name', 'u.name as unit']).where('w.name', 'in', ['Chùa Bái Đính', 'Nhà thờ chính tòa Phát Diệm']).orderBy('w.name').execute();
    expect(places).toEqual([
      { name: 'Chùa Bái Đính', unit: 'Phường Tây Hoa Lư' },
      { name: 'Nhà thờ chính tòa Phát Diệm', unit: 'Xã Phát Diệm' },
    ]);
    const figures = (await t.call('GET', `${BASE}/figures?unitId=${ids.ninhBinh}&year=2026`, { cookie: cookies.editor })).json() as ReligiousFigures;
    expect(figures.events.count).toBeGreaterThanOrEqual(3);
  });
});
