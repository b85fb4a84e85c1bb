import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { ENTRY_LIMITS, type EntryDetail } from '../../../common/entries.js';
import { buildUnit, buildUser, rootUnit, unitByCode } from '../../test/factories.js';
import { createTestApp, type TestApp } from '../../test/test-app.js';
import { buildEntry, buildEvidence, buildReplication, multipartFile, SAMPLE_FILES } from './entries.factories.js';
import { todayInVietnam } from './entry-progress.service.js';

let t: TestApp;
const ids = {} as { root: string; hanoi: string; ninhBinh: string; baDinh: string; ngocHa: string; retired: string };
const c = {} as { admin: string; editor: string; approver: string; ngocHaApprover: string; hanoiApprover: string; hanoiEditor: string; hanoiAdmin: string; ngocHaEditor: string; ninhBinhEditor: string };

beforeAll(async () => {
  t = await createTestApp();
  const root = await rootUnit(t.db);
  const hanoi = await unitByCode(t.db, 'province', '01');
  const ninhBinh = await unitByCode(t.db, 'province', '37');
  const baDinh = await unitByCode(t.db, 'commune', '00004');
  const ngocHa = await unitByCode(t.db, 'commune', '00008');
  // A commune of Hà Nội retired on 1 July 2025.
  const retired = await t.db
    .selectFrom('units')
    .select('id')
    .where('kind', '=', 'commune')
    .where('valid_to', '=', '2025-07-01')
    .where(sql<boolean>`path <@ ${hanoi.path}::ltree`)
    .executeTakeFirstOrThrow();
  Object.assign(ids, { root: root.id, hanoi: hanoi.id, ninhBinh: ninhBinh.id, baDinh: baDinh.id, ngocHa: ngocHa.id, retired: retired.id });
  const users: [keyof typeof c, string, 'system_admin' | 'editor' | 'approver' | 'unit_admin'][] = [
    ['admin', root.id, 'system_admin'],
    ['editor', baDinh.id, 'editor'],
    ['approver', baDinh.id, 'approver'],
    ['ngocHaApprover', ngocHa.id, 'approver'],
    ['ngocHaEditor', ngocHa.id, 'editor'],
    ['hanoiApprover', hanoi.id, 'approver'],
    ['hanoiEditor', hanoi.id, 'editor'],
    ['hanoiAdmin', hanoi.id, 'unit_admin'],
    ['ninhBinhEditor', ninhBinh.id, 'editor'],
  ];
  for (const [key, unitId, role] of users) {
    await buildUser(t.db, { username: `e.${key.toLowerCase()}`, grants: [{ unitId, role }] });
    c[key] = await t.login(`e.${key.toLowerCase()}`);
  }
}, 120_000);

type Err = { error: { code: string; details?: unknown } };
async function call<T = EntryDetail>(cookie: string, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, body?: unknown) {
  const res = await t.call(method, url, { cookie, body });
  return { status: res.statusCode, body: (res.body ? res.json() : null) as T & Err, raw: res };
}

let seq = 0;
const input = (over: Record<string, unknown> = {}) => ({
  registeringUnitId: ids.baDinh,
  level: 'commune',
  kind: 'model',
  form: 'collective',
  fieldCode: 'economic',
  year: 2026,
  title: `Dân vận khéo số ${++seq}`,
  ...over,
});
const register = (over: Record<string, unknown> = {}, cookie = c.editor) => call(cookie, 'POST', '/api/entries', input(over));
const act = (cookie: string, e: { id: string; version: number }, action: string, extra: Record<string, unknown> = {}) =>
  call(cookie, 'POST', `/api/entries/${e.id}/actions/${action}`, { version: e.version, ...extra });

async function counts(entryId?: string) {
  const { rows } = await sql<{ entries: number; transitions: number; audit: number }>`
    select (select count(*)::int from entries) as entries,
      (select count(*)::int from entry_transitions ${entryId ? sql`where entry_id = ${entryId}` : sql``}) as transitions,
      (select count(*)::int from audit_log) as audit`.execute(t.db);
  return rows[0]!;
}

async function auditActions(entryId: string) {
  const rows = await t.db.selectFrom('audit_log').select(['action', 'record_type', 'unit_id']).where('record_type', '=', 'entry').where('record_id', '=', entryId).orderBy('id').execute();
  return rows;
}

describe('the lifecycle', () => {
  it('goes register → submit → accept → start → progress → evaluate → recognise, with a transition row and an audit record at each step', async () => {
    const created = await register({ description: 'Vận động nhân dân hiến đất làm đường', moneyVnd: '1500000000', landM2: 250.5, workingDays: 300, implementers: [{ unitId: ids.baDinh }, { personName: 'Nguyễn Văn A' }] });
    expect(created.status).toBe(201);
    let e = created.body;
    expect(e).toMatchObject({ status: 'draft', version: 1, level: 'commune', moneyVnd: '1500000000', landM2: '250.50', workingDays: 300, registeringUnit: { id: ids.baDinh } });
    expect(e.implementers).toEqual([{ unitId: ids.baDinh, unitName: expect.any(String) }, { personName: 'Nguyễn Văn A' }]);
    // The period containing 2026 was picked: 2026–2030.
    const period = await t.db.selectFrom('emulation_periods').select('id').where('start_year', '=', 2026).where('end_year', '=', 2030).executeTakeFirstOrThrow();
    expect(e.periodId).toBe(period.id);
    expect(e.allowedActions.sort()).toEqual(['edit', 'submit', 'withdraw']);
    expect((await call(c.approver, 'GET', `/api/entries/${e.id}`)).body.allowedActions).toEqual([]);

    e = (await act(c.editor, e, 'submit')).body;
    expect(e.status).toBe('registered');
    expect((await call(c.approver, 'GET', `/api/entries/${e.id}`)).body.allowedActions.sort()).toEqual(['accept', 'return']);
    e = (await act(c.approver, e, 'accept')).body;
    expect(e.status).toBe('accepted');
    e = (await act(c.editor, e, 'start')).body;
    expect(e.status).toBe('implementing');
    const progress = await call(c.editor, 'POST', `/api/entries/${e.id}/progress`, { onDate: '2026-03-01', note: 'Đã hoàn thành 2 km đường' });
    expect(progress.status).toBe(200);
    expect(progress.body.progress).toEqual([expect.objectContaining({ onDate: '2026-03-01', note: 'Đã hoàn thành 2 km đường' })]);
    e = progress.body;
    const evaluated = await act(c.approver, e, 'evaluate', { effective: true, score: 87.5, reason: 'Đạt các tiêu chí' });
    expect(evaluated.status).toBe(200);
    expect(evaluated.body).toMatchObject({ status: 'evaluated', evaluationEffective: true, evaluationScore: '87.50' });
    e = (await act(c.approver, evaluated.body, 'recognise')).body;
    // Six versions: a progress note does not take the entry's version.
    expect(e).toMatchObject({ status: 'recognised', recognisedTypical: true, version: 6 });

    expect(e.transitions.map((x) => [x.action, x.fromStatus, x.toStatus])).toEqual([
      ['create', null, 'draft'],
      ['submit', 'draft', 'registered'],
      ['accept', 'registered', 'accepted'],
      ['start', 'accepted', 'implementing'],
      ['evaluate', 'implementing', 'evaluated'],
      ['recognise', 'evaluated', 'recognised'],
    ]);
    expect(e.transitions.map((x) => x.actorName)).toEqual(['e.editor', 'e.editor', 'e.approver', 'e.editor', 'e.approver', 'e.approver']);
    expect(e.transitions[4]!.reason).toBe('Đạt các tiêu chí');
    const audit = await auditActions(e.id);
    expect(audit.map((a) => a.action)).toEqual(['entry.create', 'entry.submit', 'entry.accept', 'entry.start', 'entry.progress', 'entry.evaluate', 'entry.recognise']);
    expect(audit.every((a) => a.unit_id === ids.baDinh)).toBe(true);
    // Nothing more to do on a recognised entry, not even editing it.
    expect(e.allowedActions).toEqual([]);
    const edit = await call(c.editor, 'PATCH', `/api/entries/${e.id}`, { results: 'Thêm', version: e.version });
    expect(edit.status).toBe(409);
    expect(edit.body.error).toMatchObject({ code: 'INVALID_TRANSITION', details: { status: 'recognised', action: 'edit' } });
  });

  it('returns with a reason, lets the unit edit and resubmit', async () => {
    let e = (await register()).body;
    e = (await act(c.editor, e, 'submit')).body;
    const noReason = await act(c.approver, e, 'return');
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.code).toBe('VALIDATION_FAILED');
    const returned = await act(c.approver, e, 'return', { reason: 'Thiếu số liệu kết quả' });
    expect(returned.body).toMatchObject({ status: 'returned' });
    expect(returned.body.transitions.at(-1)).toMatchObject({ action: 'return', reason: 'Thiếu số liệu kết quả', actorName: 'e.approver' });
    const edited = await call(c.editor, 'PATCH', `/api/entries/${e.id}`, { title: `${e.title} (bổ sung)`, goals: 'Mục tiêu mới', version: returned.body.version });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ title: `${e.title} (bổ sung)`, goals: 'Mục tiêu mới', version: returned.body.version + 1 });
    const resubmitted = await act(c.editor, edited.body, 'submit');
    expect(resubmitted.body.status).toBe('registered');
    expect(resubmitted.body.transitions.map((x) => x.action)).toEqual(['create', 'submit', 'return', 'submit']);
  });

  it('withdraws with a reason and keeps the entry, visible with its history', async () => {
    const e = (await register()).body;
    expect((await act(c.editor, e, 'withdraw')).status).toBe(400);
    const w = await act(c.editor, e, 'withdraw', { reason: 'Trùng với mô hình khác' });
    expect(w.body).toMatchObject({ status: 'withdrawn' });
    const again = await call(c.editor, 'GET', `/api/entries/${e.id}`);
    expect(again.status).toBe(200);
    expect(again.body.transitions.at(-1)).toMatchObject({ action: 'withdraw', fromStatus: 'draft', toStatus: 'withdrawn', reason: 'Trùng với mô hình khác' });
    expect(await t.db.selectFrom('entries').select('status').where('id', '=', e.id).executeTakeFirstOrThrow()).toEqual({ status: 'withdrawn' });
  });

  it('refuses each action from a wrong status with 409 INVALID_TRANSITION and writes nothing', async () => {
    const cases: [string, string, string, Record<string, unknown>][] = [
      ['draft', 'accept', c.approver, {}],
      ['draft', 'return', c.approver, { reason: 'x' }],
      ['draft', 'start', c.editor, {}],
      ['draft', 'evaluate', c.approver, { effective: true, score: 50 }],
      ['draft', 'recognise', c.approver, {}],
      ['registered', 'submit', c.editor, {}],
      ['registered', 'start', c.editor, {}],
      ['accepted', 'accept', c.approver, {}],
      ['implementing', 'submit', c.editor, {}],
      ['evaluated', 'withdraw', c.editor, { reason: 'x' }],
      ['recognised', 'evaluate', c.approver, { effective: false, score: 10 }],
      ['withdrawn', 'submit', c.editor, {}],
      ['returned', 'accept', c.approver, {}],
    ];
    for (const [status, action, cookie, extra] of cases) {
      const e = await buildEntry(t.db, { unitId: ids.baDinh, status: status as never });
      const before = await counts();
      const res = await act(cookie, e, action, extra);
      expect(res.status, `${action} from ${status}: ${JSON.stringify(res.body)}`).toBe(409);
      expect(res.body.error).toMatchObject({ code: 'INVALID_TRANSITION', details: { status, action } });
      expect(await counts()).toEqual(before);
      expect((await t.db.selectFrom('entries').select(['status', 'version']).where('id', '=', e.id).executeTakeFirstOrThrow())).toEqual({ status, version: 1 });
    }
    // An entry evaluated as not effective cannot be recognised.
    const weak = await buildEntry(t.db, { unitId: ids.baDinh, status: 'evaluated', evaluationEffective: false });
    const res = await act(c.approver, weak, 'recognise');
    expect(res.body.error).toMatchObject({ code: 'INVALID_TRANSITION', details: { status: 'evaluated', action: 'recognise' } });
  });

  it('requires the evaluation result and score', async () => {
    const e = await buildEntry(t.db, { unitId: ids.baDinh, status: 'implementing' });
    for (const body of [{}, { effective: true }, { score: 70 }, { effective: true, score: 101 }, { effective: true, score: -1 }]) {
      const res = await act(c.approver, e, 'evaluate', body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.code).toBe('VALIDATION_FAILED');
    }
  });
});

describe('who may act', () => {
  it('lets only approvers of the level unit accept', async () => {
    const e = await buildEntry(t.db, { unitId: ids.baDinh, status: 'registered', level: 'commune' });
    // An editor holds no data.approve anywhere.
    expect((await act(c.editor, e, 'accept')).body.error.code).toBe('FORBIDDEN');
    // An approver of another commune does not see the entry at all.
    expect((await act(c.ngocHaApprover, e, 'accept')).status).toBe(404);
    expect((await call(c.ngocHaApprover, 'GET', `/api/entries/${e.id}`)).status).toBe(404);
    expect((await act(c.approver, e, 'accept')).status).toBe(200);

    // A province-level entry registered by the commune: the province's committee accepts it.
    const p = await buildEntry(t.db, { unitId: ids.baDinh, status: 'registered', level: 'province' });
    const refused = await act(c.approver, p, 'accept');
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('FORBIDDEN');
    expect((await call(c.approver, 'GET', `/api/entries/${p.id}`)).body.allowedActions).toEqual([]);
    expect((await call(c.hanoiApprover, 'GET', `/api/entries/${p.id}`)).body.allowedActions.sort()).toEqual(['accept', 'return']);
    expect((await act(c.hanoiApprover, p, 'accept')).status).toBe(200);
    // The province approver may also accept the commune-level ones below it.
    const q = await buildEntry(t.db, { unitId: ids.ngocHa, status: 'registered', level: 'commune' });
    expect((await act(c.hanoiApprover, q, 'accept')).status).toBe(200);
  });

  it('lets only writers of the registering unit register, edit and submit', async () => {
    expect((await register({}, c.approver)).status).toBe(403);
    expect((await register({}, c.ngocHaEditor)).status).toBe(404);
    expect((await register({}, c.ninhBinhEditor)).status).toBe(404);
    const e = (await register()).body;
    expect((await act(c.ngocHaEditor, e, 'submit')).status).toBe(404);
    expect((await call(c.ngocHaEditor, 'PATCH', `/api/entries/${e.id}`, { goals: 'x', version: 1 })).status).toBe(404);
    // Hà Nội's editor writes to its whole subtree.
    expect((await act(c.hanoiEditor, e, 'submit')).status).toBe(200);
  });
});

describe('concurrency', () => {
  it('lets exactly one of two approvers accepting at once win; the other gets 409 CONFLICT', async () => {
    const e = await buildEntry(t.db, { unitId: ids.baDinh, status: 'registered' });
    const results = await Promise.all([act(c.approver, e, 'accept'), act(c.hanoiApprover, e, 'accept')]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(results.find((r) => r.status === 409)!.body.error.code).toBe('CONFLICT');
    const transitions = await t.db.selectFrom('entry_transitions').select('action').where('entry_id', '=', e.id).execute();
    expect(transitions).toEqual([{ action: 'accept' }]);
    expect(await auditActions(e.id)).toHaveLength(1);
    expect(await t.db.selectFrom('entries').select(['status', 'version']).where('id', '=', e.id).executeTakeFirstOrThrow()).toEqual({ status: 'accepted', version: 2 });
  });

  it('lets exactly one of two edits of the same version win', async () => {
    const e = (await register()).body;
    const results = await Promise.all([
      call(c.editor, 'PATCH', `/api/entries/${e.id}`, { goals: 'Bản của người thứ nhất', version: 1 }),
      call(c.hanoiEditor, 'PATCH', `/api/entries/${e.id}`, { goals: 'Bản của người thứ hai', version: 1 }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    const winner = results.find((r) => r.status === 200)!.body;
    expect(await t.db.selectFrom('entries').select(['goals', 'version']).where('id', '=', e.id).executeTakeFirstOrThrow()).toEqual({ goals: winner.goals, version: 2 });
    expect((await auditActions(e.id)).map((a) => a.action)).toEqual(['entry.create', 'entry.update']);
  });

  it('refuses an edit with a stale version', async () => {
    const e = (await register()).body;
    expect((await call(c.editor, 'PATCH', `/api/entries/${e.id}`, { goals: 'Một', version: 1 })).status).toBe(200);
    const stale = await call(c.editor, 'PATCH', `/api/entries/${e.id}`, { goals: 'Hai', version: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.error).toMatchObject({ code: 'CONFLICT', details: { currentVersion: 2 } });
    expect((await act(c.editor, { id: e.id, version: 1 }, 'submit')).body.error.code).toBe('CONFLICT');
  });
});

describe('progress', () => {
  it('takes notes only while accepted or implementing, dated within the entry\'s years up to today', async () => {
    const draft = await buildEntry(t.db, { unitId: ids.baDinh, status: 'draft' });
    expect((await call(c.editor, 'POST', `/api/entries/${draft.id}/progress`, { onDate: '2026-02-01', note: 'x' })).body.error.code).toBe('INVALID_TRANSITION');
    const e = await buildEntry(t.db, { unitId: ids.baDinh, status: 'accepted', year: 2026 });
    const future = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
    const res = await call(c.editor, 'POST', `/api/entries/${e.id}/progress`, { onDate: future, note: 'Tương lai' });
    expect(res.status).toBe(400);
    expect(res.body.error.details).toEqual([expect.objectContaining({ path: 'body.onDate', code: 'future' })]);
    expect((await call(c.editor, 'POST', `/api/entries/${e.id}/progress`, { onDate: '2025-12-31', note: 'Trước' })).body.error.details).toEqual([expect.objectContaining({ path: 'body.onDate', code: 'before_year' })]);
    expect((await call(c.editor, 'POST', `/api/entries/${e.id}/progress`, { onDate: todayInVietnam(), note: '  ' })).status).toBe(400);
    expect((await call(c.approver, 'POST', `/api/entries/${e.id}/progress`, { onDate: '2026-01-02', note: 'x' })).status).toBe(403);
    const ok = await call(c.editor, 'POST', `/api/entries/${e.id}/progress`, { onDate: '2026-01-01', note: 'Khởi công' });
    expect(ok.status).toBe(200);
    expect(ok.body.version).toBe(1);
  });
});

describe('editing', () => {
  it('once accepted, changes only how it is going and names the locked fields', async () => {
    const e = await buildEntry(t.db, { unitId: ids.baDinh, status: 'accepted' });
    const locked = await call(c.editor, 'PATCH', `/api/entries/${e.id}`, { title: 'Tên khác', fieldCode: 'cultural_social', results: 'Kết quả', version: 1 });
    expect(locked.status).toBe(400);
    expect(locked.body.error.code).toBe('VALIDATION_FAILED');
    expect(locked.body.error.details).toEqual([
      { path: 'body.fieldCode', message: expect.any(String), code: 'locked' },
      { path: 'body.title', message: expect.any(String), code: 'locked' },
    ]);
    // The same title sent back unchanged is no change.
    const ok = await call(c.editor, 'PATCH', `/api/entries/${e.id}`, { title: e.title, results: 'Kết quả', moneyVnd: 2_000_000, startDate: '2026-02-01', endDate: '2026-12-31', version: 1 });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ results: 'Kết quả', moneyVnd: '2000000', startDate: '2026-02-01', version: 2 });
    const badDates = await call(c.editor, 'PATCH', `/api/entries/${e.id}`, { endDate: '2026-01-01', version: 2 });
    expect(badDates.body.error.details).toEqual([expect.objectContaining({ path: 'body.endDate', code: 'end_before_start' })]);
    const audit = await auditActions(e.id);
    expect(audit.map((a) => a.action)).toEqual(['entry.update']);
    const after = await t.db.selectFrom('audit_log').select(['before', 'after']).where('record_id', '=', e.id).executeTakeFirstOrThrow();
    expect(after).toMatchObject({ before: { results: null, moneyVnd: null }, after: { results: 'Kết quả', moneyVnd: '2000000' } });
  });

  it('re-checks the registration rules on edit', async () => {
    const e = (await register()).body;
    const district = await call(c.editor, 'PATCH', `/api/entries/${e.id}`, { level: 'district', version: 1 });
    expect(district.body.error.code).toBe('DISTRICT_AFTER_2025');
    const other = (await register()).body;
    const dup = await call(c.editor, 'PATCH', `/api/entries/${e.id}`, { title: other.title.toUpperCase(), version: 1 });
    expect(dup.status).toBe(409);
    expect(dup.body.error).toMatchObject({ code: 'ALREADY_EXISTS', details: { existingId: other.id } });
    // A new year outside the period: the period is picked again.
    // Ba Đình (the new ward) came into force on 1 July 2025: not in 2024.
    expect((await call(c.editor, 'PATCH', `/api/entries/${e.id}`, { year: 2024, version: 1 })).body.error.code).toBe('UNIT_NOT_IN_FORCE');
    const moved = await call(c.editor, 'PATCH', `/api/entries/${e.id}`, { year: 2025, level: 'province', version: 1 });
    expect(moved.status).toBe(200);
    const p = await t.db.selectFrom('emulation_periods').select('id').where('start_year', '=', 2021).executeTakeFirstOrThrow();
    expect(moved.body).toMatchObject({ year: 2025, periodId: p.id, level: 'province', version: 2 });
  });
});

describe('bad input', () => {
  it('refuses each bad field with its code and path, writing nothing', async () => {
    const otherProvinceField = 'nb_own_field';
    await t.db.insertInto('entry_fields').values({ code: otherProvinceField, names: JSON.stringify({ vi: 'Riêng Ninh Bình' }), unit_id: ids.ninhBinh }).execute();
    const p2016 = await t.db.selectFrom('emulation_periods').select('id').where('start_year', '=', 2016).executeTakeFirstOrThrow();
    const cases: [string, Record<string, unknown>, string, string][] = [
      ['empty title', { title: '   ' }, 'VALIDATION_FAILED', 'body.title'],
      ['long title', { title: 'x'.repeat(ENTRY_LIMITS.title + 1) }, 'VALIDATION_FAILED', 'body.title'],
      ['unknown field', { fieldCode: 'no_such_field' }, 'VALIDATION_FAILED', 'body.fieldCode'],
      ["another province's field", { fieldCode: otherProvinceField }, 'VALIDATION_FAILED', 'body.fieldCode'],
      ['period not containing the year', { periodId: p2016.id }, 'VALIDATION_FAILED', 'body.periodId'],
      ['unknown period', { periodId: '999999' }, 'VALIDATION_FAILED', 'body.periodId'],
      ['district level in 2026', { level: 'district' }, 'DISTRICT_AFTER_2025', 'body.level'],
      ['province level above a commune is fine, but a commune level above a province is not', { registeringUnitId: ids.hanoi, level: 'commune' }, 'LEVEL_NOT_ON_PATH', 'body.level'],
      ['retired unit in 2026', { registeringUnitId: ids.retired }, 'UNIT_NOT_IN_FORCE', 'body.registeringUnitId'],
      ['end before start', { startDate: '2026-05-01', endDate: '2026-04-30' }, 'VALIDATION_FAILED', 'body.endDate'],
      ['negative money', { moneyVnd: -1 }, 'VALIDATION_FAILED', 'body.moneyVnd'],
      ['money as a negative string', { moneyVnd: '-100' }, 'VALIDATION_FAILED', 'body.moneyVnd'],
      ['negative land', { landM2: -5 }, 'VALIDATION_FAILED', 'body.landM2'],
      ['negative working days', { workingDays: -2 }, 'VALIDATION_FAILED', 'body.workingDays'],
      ['negative participants', { participantsCount: -1 }, 'VALIDATION_FAILED', 'body.participantsCount'],
      ['too much land', { landM2: 1e12 }, 'VALIDATION_FAILED', 'body.landM2'],
      ['long description', { description: 'x'.repeat(ENTRY_LIMITS.text + 1) }, 'VALIDATION_FAILED', 'body.description'],
      ['bad date', { startDate: '2026-02-30' }, 'VALIDATION_FAILED', 'body.startDate'],
      ['unknown implementer unit', { implementers: [{ unitId: ids.ninhBinh }] }, 'VALIDATION_FAILED', 'body.implementers.0.unitId'],
      ['empty implementer name', { implementers: [{ personName: ' ' }] }, 'VALIDATION_FAILED', 'body.implementers.0'],
      ['year out of range', { year: 1999 }, 'VALIDATION_FAILED', 'body.year'],
      ['unknown kind', { kind: 'other' }, 'VALIDATION_FAILED', 'body.kind'],
    ];
    const before = await counts();
    for (const [label, over, code, path] of cases) {
      const res = await register(over, c.hanoiEditor);
      expect(res.status, `${label}: ${JSON.stringify(res.body)}`).toBeGreaterThanOrEqual(400);
      expect(res.body.error.code, label).toBe(code);
      const paths = (res.body.error.details as { path: string }[]).map((d) => d.path);
      expect(paths.some((p) => p.startsWith(path)), `${label}: ${paths.join(', ')}`).toBe(true);
    }
    expect(await counts()).toEqual(before);
  });

  it('refuses a title the unit already registered that year, accents and case aside', async () => {
    const first = (await register({ title: 'Đường làng nở hoa' })).body;
    const again = await register({ title: '  duong LANG no hoa ' });
    expect(again.status).toBe(409);
    expect(again.body.error).toMatchObject({ code: 'ALREADY_EXISTS', details: { record: 'entry', year: first.year, existingId: first.id } });
    // Another year is another entry.
    expect((await register({ title: 'Đường làng nở hoa', year: 2027 })).status).toBe(201);
  });

  it('uses the fields of the units on the registering unit\'s path', async () => {
    const created = await call(c.hanoiAdmin, 'POST', '/api/entry-fields', { code: 'hn_digital', names: { vi: 'Chuyển đổi số', en: 'Digital' }, unitId: ids.hanoi });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ code: 'hn_digital', unitId: ids.hanoi, builtin: false });
    expect((await call(c.hanoiAdmin, 'POST', '/api/entry-fields', { code: 'hn_digital', names: { vi: 'Lại' }, unitId: ids.hanoi })).body.error.code).toBe('ALREADY_EXISTS');
    expect((await call(c.hanoiAdmin, 'POST', '/api/entry-fields', { code: 'nb_x', names: { vi: 'x' }, unitId: ids.ninhBinh })).status).toBe(404);
    expect((await call(c.hanoiAdmin, 'POST', '/api/entry-fields', { code: 'nat_x', names: { vi: 'x' }, unitId: null })).status).toBe(403);
    const codes = async (cookie: string, unitId: string) => (await call<{ items: { code: string }[] }>(cookie, 'GET', `/api/entry-fields?unitId=${unitId}`)).body.items.map((f) => f.code);
    expect(await codes(c.editor, ids.baDinh)).toEqual(expect.arrayContaining(['economic', 'hn_digital']));
    expect(await codes(c.ninhBinhEditor, ids.ninhBinh)).not.toContain('hn_digital');
    expect((await register({ fieldCode: 'hn_digital' })).status).toBe(201);
    expect((await register({ fieldCode: 'hn_digital', registeringUnitId: ids.ninhBinh, level: 'province' }, c.ninhBinhEditor)).body.error.details).toEqual([
      expect.objectContaining({ path: 'body.fieldCode' }),
    ]);
  });

  it('lists emulation periods and adds new ones once', async () => {
    const list = await call<{ items: { startYear: number }[] }>(c.editor, 'GET', '/api/emulation-periods');
    expect(list.body.items.map((p) => p.startYear)).toEqual(expect.arrayContaining([2016, 2021, 2026]));
    expect((await call(c.editor, 'POST', '/api/emulation-periods', { name: '2031–2035', startYear: 2031, endYear: 2035 })).status).toBe(403);
    expect((await call(c.admin, 'POST', '/api/emulation-periods', { name: '2031–2035', startYear: 2031, endYear: 2035 })).status).toBe(201);
    expect((await call(c.admin, 'POST', '/api/emulation-periods', { name: 'Lại', startYear: 2031, endYear: 2035 })).body.error.code).toBe('ALREADY_EXISTS');
    expect((await call(c.admin, 'POST', '/api/emulation-periods', { name: 'Ngược', startYear: 2035, endYear: 2031 })).status).toBe(400);
  });
});

describe('evidence', () => {
  const upload = (cookie: string, entryId: string, fileName: string, data: Buffer) => {
    const { payload, headers } = multipartFile(fileName, data);
    return t.call('POST', `/api/entries/${entryId}/evidence`, { cookie, body: payload, headers });
  };

  it('accepts JPEG, PNG, WebP and PDF by their bytes, serves them back inline and detaches without erasing', async () => {
    const e = await buildEntry(t.db, { unitId: ids.baDinh });
    const uploaded: { id: string; sha256: string; contentType: string }[] = [];
    for (const [name, data, type] of [
      ['Ảnh hội nghị.JPG', SAMPLE_FILES.jpeg, 'image/jpeg'],
      ['anh.jpeg', SAMPLE_FILES.jpeg, 'image/jpeg'],
      ['so-do.png', SAMPLE_FILES.png, 'image/png'],
      ['anh.webp', SAMPLE_FILES.webp, 'image/webp'],
      ['bien ban (1).pdf', SAMPLE_FILES.pdf, 'application/pdf'],
    ] as const) {
      const res = await upload(c.editor, e.id, name, data);
      expect(res.statusCode, `${name}: ${res.body}`).toBe(201);
      const item = res.json();
      expect(item).toMatchObject({ fileName: name, contentType: type, sizeBytes: data.length, sha256: createHash('sha256').update(data).digest('hex') });
      uploaded.push(item);
    }
    const detail = (await call(c.approver, 'GET', `/api/entries/${e.id}`)).body;
    expect(detail.evidence.map((x) => x.fileName)).toEqual(['Ảnh hội nghị.JPG', 'anh.jpeg', 'so-do.png', 'anh.webp', 'bien ban (1).pdf']);

    const file = await t.call('GET', `/api/entries/${e.id}/evidence/${uploaded[0]!.id}`, { cookie: c.approver });
    expect(file.statusCode).toBe(200);
    expect(file.rawPayload.equals(SAMPLE_FILES.jpeg)).toBe(true);
    expect(file.headers['content-type']).toBe('image/jpeg');
    expect(file.headers['x-content-type-options']).toBe('nosniff');
    expect(file.headers['content-disposition']).toBe(`inline; filename*=UTF-8''${encodeURIComponent('Ảnh hội nghị.JPG')}`);
    expect((await t.call('GET', `/api/entries/${e.id}/evidence/${uploaded[4]!.id}`, { cookie: c.approver })).headers['content-disposition']).toBe("inline; filename*=UTF-8''bien%20ban%20%281%29.pdf");
    expect((await t.call('GET', `/api/entries/${e.id}/evidence/${uploaded[0]!.id}`, { cookie: c.ngocHaApprover })).statusCode).toBe(404);

    expect((await t.call('DELETE', `/api/entries/${e.id}/evidence/${uploaded[0]!.id}`, { cookie: c.approver })).statusCode).toBe(403);
    expect((await t.call('DELETE', `/api/entries/${e.id}/evidence/${uploaded[0]!.id}`, { cookie: c.editor })).statusCode).toBe(204);
    expect((await t.call('DELETE', `/api/entries/${e.id}/evidence/${uploaded[0]!.id}`, { cookie: c.editor })).statusCode).toBe(404);
    expect((await t.call('GET', `/api/entries/${e.id}/evidence/${uploaded[0]!.id}`, { cookie: c.editor })).statusCode).toBe(404);
    expect((await call(c.editor, 'GET', `/api/entries/${e.id}`)).body.evidence).toHaveLength(4);
    const kept = await t.db.selectFrom('entry_evidence').select(['removed_at', 'size_bytes']).where('id', '=', uploaded[0]!.id).executeTakeFirstOrThrow();
    expect(kept.removed_at).not.toBeNull();
    expect((await auditActions(e.id)).map((a) => a.action)).toEqual([...Array(5).fill('entry.evidence.add'), 'entry.evidence.remove']);
  });

  it('refuses renamed, unknown, empty and oversized files, and more than the limit per entry', async () => {
    const e = await buildEntry(t.db, { unitId: ids.baDinh });
    const before = await counts();
    for (const [name, data] of [
      ['anh.jpg', SAMPLE_FILES.pdf],
      ['setup.png', SAMPLE_FILES.exe],
      ['setup.exe', SAMPLE_FILES.exe],
      ['bien-ban', SAMPLE_FILES.pdf],
      ['ghi-chu.txt', Buffer.from('hello')],
    ] as const) {
      const res = await upload(c.editor, e.id, name, data);
      expect(res.statusCode, name).toBe(415);
      expect(res.json().error.code).toBe('UNSUPPORTED_FILE');
    }
    expect((await upload(c.editor, e.id, 'empty.pdf', Buffer.alloc(0))).statusCode).toBe(400);
    const big = Buffer.concat([SAMPLE_FILES.pdf, Buffer.alloc(ENTRY_LIMITS.evidenceBytes)]);
    const tooBig = await upload(c.editor, e.id, 'lon.pdf', big);
    expect(tooBig.statusCode).toBe(413);
    expect(tooBig.json().error.code).toBe('FILE_TOO_LARGE');
    // Exactly at the limit is fine.
    const atLimit = Buffer.concat([SAMPLE_FILES.pdf, Buffer.alloc(ENTRY_LIMITS.evidenceBytes - SAMPLE_FILES.pdf.length)]);
    expect((await upload(c.editor, e.id, 'vua.pdf', atLimit)).statusCode).toBe(201);
    expect(await counts()).toMatchObject({ entries: before.entries, audit: before.audit + 1 });
    const wrongField = multipartFile('a.pdf', SAMPLE_FILES.pdf, 'application/pdf', 'other');
    expect((await t.call('POST', `/api/entries/${e.id}/evidence`, { cookie: c.editor, body: wrongField.payload, headers: wrongField.headers })).statusCode).toBe(400);

    const full = await buildEntry(t.db, { unitId: ids.baDinh });
    for (let i = 0; i < ENTRY_LIMITS.evidencePerEntry; i++) await buildEvidence(t.db, full.id);
    const over = await upload(c.editor, full.id, 'them.pdf', SAMPLE_FILES.pdf);
    expect(over.statusCode).toBe(400);
    expect(over.json().error).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ path: 'body.file', code: 'too_many' }] });
  });
});

describe('replication', () => {
  it('links copies to a recognised source, counts them, and undoes', async () => {
    const source = await buildEntry(t.db, { unitId: ids.baDinh, status: 'recognised', title: 'Nguồn nhân rộng' });
    const a = await buildEntry(t.db, { unitId: ids.baDinh });
    const b = await buildEntry(t.db, { unitId: ids.ngocHa });
    const linkA = await call(c.editor, 'POST', `/api/entries/${a.id}/replicates`, { sourceEntryId: source.id });
    expect(linkA.status).toBe(201);
    expect(linkA.body.replicates).toEqual([{ id: source.id, title: 'Nguồn nhân rộng', unitName: expect.any(String) }]);
    // The Ngọc Hà editor cannot read the Ba Đình source.
    expect((await call(c.ngocHaEditor, 'POST', `/api/entries/${b.id}/replicates`, { sourceEntryId: source.id })).body.error.details).toEqual([expect.objectContaining({ path: 'body.sourceEntryId', code: 'unknown_entry' })]);
    expect((await call(c.hanoiEditor, 'POST', `/api/entries/${b.id}/replicates`, { sourceEntryId: source.id })).status).toBe(201);
    const count = async () => (await t.db.selectFrom('entries').select('replication_count').where('id', '=', source.id).executeTakeFirstOrThrow()).replication_count;
    expect(await count()).toBe(2);
    // Copies within the reader's scope.
    expect((await call(c.editor, 'GET', `/api/entries/${source.id}`)).body.replicatedBy.map((r) => r.id)).toEqual([a.id]);
    expect((await call(c.hanoiApprover, 'GET', `/api/entries/${source.id}`)).body.replicatedBy.map((r) => r.id)).toEqual([a.id, b.id]);
    expect((await call(c.hanoiApprover, 'GET', `/api/entries/${source.id}`)).body.replicationCount).toBe(2);

    expect((await call(c.editor, 'POST', `/api/entries/${a.id}/replicates`, { sourceEntryId: source.id })).body.error.code).toBe('ALREADY_EXISTS');
    expect((await call(c.editor, 'POST', `/api/entries/${source.id}/replicates`, { sourceEntryId: source.id })).body.error.details).toEqual([expect.objectContaining({ code: 'self' })]);
    expect((await call(c.editor, 'POST', `/api/entries/${source.id}/replicates`, { sourceEntryId: a.id })).body.error.details).toEqual([expect.objectContaining({ code: 'not_recognised' })]);
    // A recognised copy cannot become its source's source.
    await t.db.updateTable('entries').set({ status: 'recognised' }).where('id', '=', a.id).execute();
    expect((await call(c.editor, 'POST', `/api/entries/${source.id}/replicates`, { sourceEntryId: a.id })).body.error.details).toEqual([expect.objectContaining({ code: 'cycle' })]);
    expect((await call(c.approver, 'POST', `/api/entries/${a.id}/replicates`, { sourceEntryId: source.id })).status).toBe(403);

    const undo = await call(c.editor, 'DELETE', `/api/entries/${a.id}/replicates/${source.id}`);
    expect(undo.status).toBe(200);
    expect(undo.body.replicates).toEqual([]);
    expect(await count()).toBe(1);
    expect((await call(c.editor, 'DELETE', `/api/entries/${a.id}/replicates/${source.id}`)).status).toBe(404);
    expect((await auditActions(a.id)).map((x) => x.action)).toEqual(['entry.replicate', 'entry.replicate.remove']);
  });

  it('keeps the count with the links built by the factory', async () => {
    const source = await buildEntry(t.db, { unitId: ids.baDinh, status: 'recognised' });
    const copy = await buildEntry(t.db, { unitId: ids.baDinh });
    await buildReplication(t.db, copy.id, source.id);
    expect((await call(c.editor, 'DELETE', `/api/entries/${copy.id}/replicates/${source.id}`)).status).toBe(200);
    expect((await t.db.selectFrom('entries').select('replication_count').where('id', '=', source.id).executeTakeFirstOrThrow()).replication_count).toBe(0);
  });
});

describe('organizations register too', () => {
  it('registers a commune-level entry for a women\'s union under the commune', async () => {
    const org = await buildUnit(t.db, { parentId: ids.baDinh, kind: 'womens_union', name: 'Hội Phụ nữ phường Ba Đình' });
    const res = await register({ registeringUnitId: org.id, level: 'commune' });
    expect(res.status).toBe(201);
    expect(res.body.registeringUnit.id).toBe(org.id);
    // The commune's approver accepts it: the committee of its level is the commune's.
    const submitted = (await act(c.editor, res.body, 'submit')).body;
    expect((await act(c.approver, submitted, 'accept')).status).toBe(200);
  });
});
