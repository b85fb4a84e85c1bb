import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import type { MissingDialogues } from '../../../common/dialogue.js';
import { addDaysIso as addDays, todayInVietnam } from '../../../common/units.js';
import { buildUnit, buildUser, rootUnit, unitByCode } from '../../test/factories.js';
import { createTestApp, type TestApp } from '../../test/test-app.js';
import { grassrootsBlockOf, grassrootsBlocks, grassrootsSentence } from '../reports/report-grassroots.js';

let t: TestApp;
const today = todayInVietnam();
const year = Number(today.slice(0, 4));
const cookies: Record<string, string> = {};
let area: { id: string; path: string; communes: { id: string; name: string }[]; district: string };
let ninhBinh: { id: string; path: string };

const dialogue = (unitId: string, heldOn: string, extra: Record<string, unknown> = {}) => ({
  kind: 'dialogue',
  unitId,
  heldOn,
  title: 'Hội nghị đối thoại giữa Chủ tịch UBND xã với Nhân dân',
  presiding: 'Chủ tịch UBND xã',
  ...extra,
});
const countSessions = async () => (await sql<{ n: number }>`select count(*)::int as n from reception_sessions`.execute(t.db)).rows[0]!.n;

beforeAll(async () => {
  t = await createTestApp();
  // A province of our own: three communes straight under it, two under a district, so the counts are known exactly.
  const root = await rootUnit(t.db);
  const province = await buildUnit(t.db, { parentId: root.id, kind: 'province', name: 'Tỉnh Đối Thoại' });
  const district = await buildUnit(t.db, { parentId: province.id, kind: 'district', name: 'Huyện Thử' });
  const communes = [];
  for (const [i, parent] of [province.id, province.id, province.id, district.id, district.id].entries()) {
    communes.push(await buildUnit(t.db, { parentId: parent, kind: 'commune', name: `Xã Thử ${i + 1}` }));
  }
  // A retired commune is not counted; a unit under a commune (its Front committee) is not a commune.
  await buildUnit(t.db, { parentId: province.id, kind: 'commune', name: 'Xã Cũ', validTo: '2025-07-01' });
  await buildUnit(t.db, { parentId: communes[0]!.id, kind: 'fatherland_front', name: 'Ủy ban MTTQ xã Thử 1' });
  area = { id: province.id, path: province.path, communes: communes.map((c) => ({ id: c.id, name: c.name })), district: district.id };
  const nb = await unitByCode(t.db, 'province', '37');
  ninhBinh = { id: nb.id, path: nb.path };
  for (const [name, unitId, role] of [
    ['editor', province.id, 'editor'],
    ['viewer', province.id, 'viewer'],
    ['nb', nb.id, 'editor'],
  ] as const) {
    await buildUser(t.db, { username: `dl.${name}`, grants: [{ unitId, role }] });
    cookies[name] = await t.login(`dl.${name}`);
  }
});

describe('dialogue conferences under the law\'s rules', () => {
  it('shows the rule in force on the day with its source, and flags a late notice and results not yet published', async () => {
    const heldOn = addDays(today, -30);
    const res = await t.call('POST', '/api/reception-sessions', { cookie: cookies.editor, body: dialogue(area.communes[0]!.id, heldOn, { noticeOn: addDays(heldOn, -3) }) });
    expect(res.statusCode, res.body).toBe(201);
    const d = res.json().dialogue;
    const rule = await t.db.selectFrom('dialogue_rules').selectAll().where('unit_kind', '=', 'commune').where('valid_from', '<=', heldOn).where((w) => w.or([w('valid_to', 'is', null), w('valid_to', '>', heldOn)])).executeTakeFirstOrThrow();
    expect(d.rule).toMatchObject({ noticeDays: rule.notice_days, publishDays: rule.publish_days, toConfirm: rule.to_confirm });
    expect(d.rule.legalSource).toContain('Luật Tổ chức chính quyền địa phương');
    expect(d.flags).toEqual({
      // Three days' notice is less than the rule's; thirty days on, the results are past due.
      notice: 3 >= rule.notice_days ? 'ok' : 'late',
      results: 30 > rule.publish_days ? 'missing' : 'pending',
      noticeBy: addDays(heldOn, -rule.notice_days),
      resultsBy: addDays(heldOn, rule.publish_days),
    });

    // Recording the results later: on time, at the version read.
    const put = await t.call('PUT', `/api/reception-sessions/${res.json().id}/dialogue`, {
      cookie: cookies.editor,
      body: { resultsPublishedOn: addDays(heldOn, rule.publish_days), resultsForm: 'notice_board', version: res.json().version },
    });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json().dialogue).toMatchObject({ noticeOn: addDays(heldOn, -3), resultsPublishedOn: addDays(heldOn, rule.publish_days), resultsForm: 'notice_board', flags: { results: 'ok' } });
    // A second writer at the old version is refused; a viewer may not write.
    const stale = await t.call('PUT', `/api/reception-sessions/${res.json().id}/dialogue`, { cookie: cookies.editor, body: { noticeOn: addDays(heldOn, -10), version: res.json().version } });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('CONFLICT');
    expect((await t.call('PUT', `/api/reception-sessions/${res.json().id}/dialogue`, { cookie: cookies.viewer, body: { noticeOn: addDays(heldOn, -10), version: put.json().version } })).statusCode).toBe(403);
    const audit = await t.db.selectFrom('audit_log').select('action').where('record_id', '=', res.json().id).execute();
    expect(audit.map((a) => a.action)).toContain('reception_session.dialogue');
  });

  it('raises no flag for a conference before any rule was in force, and keeps a reception session without one', async () => {
    const old = await t.call('POST', '/api/reception-sessions', { cookie: cookies.editor, body: dialogue(area.communes[1]!.id, '2024-06-01') });
    expect(old.statusCode, old.body).toBe(201);
    expect(old.json().dialogue).toMatchObject({ rule: null, flags: { notice: null, results: null } });
    const reception = await t.call('POST', '/api/reception-sessions', { cookie: cookies.editor, body: { ...dialogue(area.communes[1]!.id, '2024-06-02'), kind: 'reception' } });
    expect(reception.json().dialogue).toBeNull();
    // The old conference is not this year's: the commune still counts as without one.
    await sql`delete from reception_sessions where id in (${old.json().id}, ${reception.json().id})`.execute(t.db);
  });

  it('refuses a notice after the conference, results before it, dates in the future and dates on a reception session, writing nothing', async () => {
    const heldOn = addDays(today, -20);
    const before = await countSessions();
    for (const [extra, path] of [
      [{ noticeOn: addDays(heldOn, 1) }, 'body.noticeOn'],
      [{ resultsPublishedOn: addDays(heldOn, -1) }, 'body.resultsPublishedOn'],
      [{ resultsPublishedOn: addDays(today, 1) }, 'body.resultsPublishedOn'],
      [{ resultsForm: 'portal' }, 'body.resultsForm'],
      [{ kind: 'reception', noticeOn: addDays(heldOn, -7) }, 'body.kind'],
    ] as const) {
      const res = await t.call('POST', '/api/reception-sessions', { cookie: cookies.editor, body: dialogue(area.communes[2]!.id, heldOn, extra) });
      expect(res.statusCode, JSON.stringify(extra)).toBe(400);
      expect(res.json().error.code).toBe('VALIDATION_FAILED');
      expect(res.json().error.details.map((d: { path: string }) => d.path)).toContain(path);
    }
    expect(await countSessions()).toBe(before);
    // The same checks when the dates are recorded later; the record is left as it was.
    const s = (await t.call('POST', '/api/reception-sessions', { cookie: cookies.editor, body: dialogue(area.communes[2]!.id, heldOn) })).json();
    const bad = await t.call('PUT', `/api/reception-sessions/${s.id}/dialogue`, { cookie: cookies.editor, body: { resultsPublishedOn: addDays(heldOn, -2), version: s.version } });
    expect(bad.statusCode).toBe(400);
    const after = (await t.call('GET', `/api/reception-sessions/${s.id}`, { cookie: cookies.editor })).json();
    expect(after).toMatchObject({ version: s.version, dialogue: { resultsPublishedOn: null } });
    // A reception session has no dialogue dates to record, even with nothing but its version sent.
    const reception = (await t.call('POST', '/api/reception-sessions', { cookie: cookies.editor, body: { ...dialogue(area.communes[2]!.id, heldOn), kind: 'reception' } })).json();
    const refused = await t.call('PUT', `/api/reception-sessions/${reception.id}/dialogue`, { cookie: cookies.editor, body: { version: reception.version } });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.details[0]).toMatchObject({ path: 'params.id', code: 'not_dialogue' });
    expect((await t.call('GET', `/api/reception-sessions/${reception.id}`, { cookie: cookies.editor })).json().version).toBe(reception.version);
    await sql`delete from reception_sessions where id = ${reception.id}`.execute(t.db);
  });

  it('lists the communes in force that held none this year, by child unit, and the report block agrees', async () => {
    const get = async (unitId: string, y = year, cookie = cookies.viewer) => t.call('GET', `/api/dialogue/missing?unitId=${unitId}&year=${y}`, { cookie });
    const res = await get(area.id);
    expect(res.statusCode, res.body).toBe(200);
    const m = res.json<MissingDialogues>();
    // Communes 1 and 3 held one this year (the tests above); 2, 4 and 5 did not. The retired commune does not count.
    const heldThisYear = [0, 2].filter((i) => addDays(today, i === 0 ? -30 : -20).startsWith(String(year)));
    expect(m.communes).toBe(5);
    expect(m.held).toBe(heldThisYear.length);
    expect(m.without).toBe(5 - heldThisYear.length);
    const withoutNames = m.groups.flatMap((g) => g.without.map((c) => c.name)).sort();
    expect(withoutNames).toEqual(area.communes.filter((_, i) => !heldThisYear.includes(i)).map((c) => c.name).sort());
    const district = m.groups.find((g) => g.unit.id === area.district)!;
    expect(district).toMatchObject({ communes: 2, held: 0 });
    expect(district.without.map((c) => c.name).sort()).toEqual(['Xã Thử 4', 'Xã Thử 5']);
    expect(m.groups.reduce((n, g) => n + g.communes, 0)).toBe(m.communes);
    expect(m.rule).toMatchObject({ unitKind: 'commune', minPerYear: 1 });
    // A conference recorded by a unit under a commune (its Front committee) counts for the commune.
    const front = await t.db.selectFrom('units').select('id').where('name', '=', 'Ủy ban MTTQ xã Thử 1').executeTakeFirstOrThrow();
    expect((await t.call('POST', '/api/reception-sessions', { cookie: cookies.editor, body: dialogue(front.id, `${year}-01-02`) })).statusCode).toBe(201);
    expect((await get(area.id)).json<MissingDialogues>().held).toBe(m.held + (heldThisYear.includes(0) ? 0 : 1));

    const block = await grassrootsBlockOf(t.db, area.path, { from: `${year}-01-01`, to: `${year}-12-31` });
    const now = (await get(area.id)).json<MissingDialogues>();
    expect(block.dialogue).toMatchObject({ communes: now.communes, held: now.held, without: now.without });
    // The area's communes owe every yearly item; none published nor any recommendation sent here
    // (report-grassroots.test.ts counts them when there are some).
    expect(block.publications).toMatchObject({ published: 0, overdue: 0 });
    expect(block.publications!.required).toBeGreaterThanOrEqual(now.communes);
    expect(block.supervision).toEqual({ recommendations: 0, answered: 0, overdue: 0 });
    const report = { grassroots: block, unit: { name: 'Tỉnh Đối Thoại' } } as Parameters<typeof grassrootsSentence>[0];
    expect(grassrootsSentence(report)).toContain(`${now.held}/${now.communes} xã, phường`);
    expect(grassrootsBlocks(report)).toHaveLength(2);
    // Another province's reader sees nothing of it.
    expect((await get(area.id, year, cookies.nb)).statusCode).toBe(404);
  });

  it('counts a retired commune\'s conference under the commune in force that succeeded it', async () => {
    const retired = await sql<{ id: string; current_id: string }>`
      select u.id::text, u.current_id::text from units u join units cur on cur.id = u.current_id
      where u.kind = 'commune' and u.valid_to is not null and u.attribution = 'whole'
        and cur.kind = 'commune' and cur.valid_to is null and cur.path <@ ${ninhBinh.path}::ltree
      order by u.id limit 1`.execute(t.db);
    expect(retired.rows.length).toBe(1);
    const { id, current_id } = retired.rows[0]!;
    const without = async () => (await t.call('GET', `/api/dialogue/missing?unitId=${ninhBinh.id}&year=${year}`, { cookie: cookies.nb })).json<MissingDialogues>();
    const before = await without();
    expect(before.groups.flatMap((g) => g.without.map((c) => c.id))).toContain(current_id);
    // Written straight to the table: the retired commune lies under the former province, outside the editor's scope.
    await sql`insert into reception_sessions (kind, unit_id, unit_path, held_on, title, presiding)
      select 'dialogue', id, path, ${`${year}-01-03`}::date, 'Đối thoại (xã cũ)', 'Chủ tịch UBND xã' from units where id = ${id}`.execute(t.db);
    const after = await without();
    expect(after.groups.flatMap((g) => g.without.map((c) => c.id))).not.toContain(current_id);
    expect(after.held).toBe(before.held + 1);
    expect(after.communes).toBe(before.communes);
  });

  it('counts a commune as holding them only when it held the number the rule asks a year, and a quarter at least one', async () => {
    // A rule of two a year (as proposed for Hà Nội's wards) is a row update: the list and the report follow it.
    const rule = await t.db.selectFrom('dialogue_rules').select(['valid_from', 'min_per_year']).where('unit_kind', '=', 'commune').where('valid_to', 'is', null).executeTakeFirstOrThrow();
    const get = async () => (await t.call('GET', `/api/dialogue/missing?unitId=${area.id}&year=${year}`, { cookie: cookies.viewer })).json<MissingDialogues>();
    const once = await get();
    expect(once.required).toBe(rule.min_per_year);
    const heldOnce = once.held;
    expect(heldOnce).toBeGreaterThan(0);
    await t.db.updateTable('dialogue_rules').set({ min_per_year: 2 }).where('unit_kind', '=', 'commune').where('valid_from', '=', rule.valid_from).execute();
    try {
      const twice = await get();
      expect(twice.required).toBe(2);
      // A commune that held one is now short and says so; one that held two (commune 1: its own and
      // its Front committee's, above) still counts as holding them.
      const short = twice.groups.flatMap((g) => g.without).filter((c) => c.conferences > 0);
      expect(short.length).toBeGreaterThan(0);
      expect(short.every((c) => c.conferences === 1)).toBe(true);
      expect(twice.held + short.length).toBe(heldOnce);
      expect(twice.held).toBeLessThan(heldOnce);
      expect(twice.groups.flatMap((g) => g.without.map((c) => c.id))).not.toContain(area.communes[0]!.id);
      const yearBlock = await grassrootsBlockOf(t.db, area.path, { from: `${year}-01-01`, to: `${year}-12-31` });
      expect(yearBlock.dialogue).toMatchObject({ held: twice.held, without: twice.without, required: 2 });
      const sentence = grassrootsSentence({ grassroots: yearBlock, unit: { name: 'Tỉnh Đối Thoại' } } as Parameters<typeof grassrootsSentence>[0]);
      expect(sentence).toContain(`${twice.held}/${twice.communes} xã, phường tổ chức đủ 2 hội nghị đối thoại`);
      expect(sentence).toContain(`${twice.without} xã, phường chưa tổ chức đủ`);
      // A quarter cannot owe a yearly number: one conference in it is enough.
      const quarter = await grassrootsBlockOf(t.db, area.path, { from: `${year}-01-01`, to: `${year}-12-30` });
      expect(quarter.dialogue.held).toBe(heldOnce);
    } finally {
      await t.db.updateTable('dialogue_rules').set({ min_per_year: rule.min_per_year }).where('unit_kind', '=', 'commune').where('valid_from', '=', rule.valid_from).execute();
    }
  });

  it('puts the block into the report of the province', async () => {
    const res = await t.call('GET', `/api/reports?unitId=${area.id}&period=year&year=${year}`, { cookie: cookies.viewer });
    expect(res.statusCode, res.body).toBe(200);
    const m = (await t.call('GET', `/api/dialogue/missing?unitId=${area.id}&year=${year}`, { cookie: cookies.viewer })).json<MissingDialogues>();
    expect(res.json().grassroots.dialogue).toMatchObject({ communes: m.communes, held: m.held, without: m.without });
  });
});
