import { beforeAll, describe, expect, it } from 'vitest';
import { addDaysIso, todayInVietnam } from '../../../common/units.js';
import type { UnitWorkingSessions, WorkingSessionDetail, WorkingSessionPage } from '../../../common/working-sessions.js';
import { loadDemoWorkingSessions } from '../../demo/demo-working-sessions.js';
import { buildUser, unitByCode } from '../../test/factories.js';
import { createTestApp, type TestApp } from '../../test/test-app.js';
import { buildNotice, buildWorkingSession } from './working-sessions.factories.js';

let t: TestApp;
const cookies: Record<string, string> = {};
let ids: { ninhBinh: string; commune: string; sibling: string; quiet: string; hanoi: string };
const TODAY = todayInVietnam();

beforeAll(async () => {
  t = await createTestApp();
  const ninhBinh = await unitByCode(t.db, 'province', '37');
  const hanoi = await unitByCode(t.db, 'province', '01');
  const communes = await t.db.selectFrom('units').select('id').where('parent_id', '=', ninhBinh.id).where('kind', '=', 'commune').where('valid_to', 'is', null).orderBy('code').limit(3).execute();
  ids = { ninhBinh: ninhBinh.id, commune: communes[0]!.id, sibling: communes[1]!.id, quiet: communes[2]!.id, hanoi: hanoi.id };
  const users: [string, string, 'editor' | 'viewer'][] = [
    ['ws.ninhbinh.editor', ninhBinh.id, 'editor'],
    ['ws.commune.viewer', ids.commune, 'viewer'],
    ['ws.hanoi.editor', hanoi.id, 'editor'],
  ];
  for (const [username, unitId, role] of users) {
    await buildUser(t.db, { username, grants: [{ unitId, role }] });
    cookies[username.slice(3)] = await t.login(username);
  }
}, 180_000);

/** Rows of every table a refused request must leave alone, and the audit trail. */
async function counts() {
  const n = async (table: 'working_sessions' | 'working_session_members' | 'policy_documents' | 'implementation_plans' | 'tasks' | 'audit_log') =>
    Number((await t.db.selectFrom(table).select(t.db.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);
  return {
    sessions: await n('working_sessions'),
    members: await n('working_session_members'),
    documents: await n('policy_documents'),
    plans: await n('implementation_plans'),
    tasks: await n('tasks'),
    audit: await n('audit_log'),
  };
}

const delegation = [
  { name: 'Đồng chí Đinh Văn Điến', position: 'Phó Trưởng Ban Thường trực Ban Tuyên giáo và Dân vận Tỉnh ủy', isHead: true },
  { name: 'Đồng chí Phạm Thị Thu Hà', position: 'Trưởng phòng Dân vận', isHead: false },
];

const createSession = (body: Record<string, unknown> = {}, cookie = cookies['ninhbinh.editor']) =>
  t.call('POST', '/api/working-sessions', {
    cookie,
    body: { unitId: ids.commune, leadingUnitId: ids.ninhBinh, heldOn: addDaysIso(TODAY, -10), place: 'Hội trường Đảng ủy xã', content: 'Làm việc về công tác dân vận năm 2026', members: delegation, ...body },
  });

const request = (ownerUnitId: string, deadline = addDaysIso(TODAY, 30)) => ({ content: 'Kiện toàn tổ dân vận ở các thôn', expectedOutput: 'Báo cáo kết quả', ownerUnitId, deadline });

const notice = (sessionId: string, body: Record<string, unknown> = {}) =>
  t.call('POST', `/api/working-sessions/${sessionId}/notice`, {
    cookie: cookies['ninhbinh.editor'],
    body: { symbol: 'TB/BTGDVTU', issuedOn: addDaysIso(TODAY, -8), title: 'Kết luận của đồng chí Phó Trưởng Ban tại buổi làm việc', requests: [request(ids.commune)], ...body },
  });

describe('sessions', () => {
  it('records a session with its delegation, read by the unit worked with and audited', async () => {
    const res = await createSession();
    expect(res.statusCode, res.body).toBe(201);
    const s: WorkingSessionDetail = res.json();
    expect(s).toMatchObject({ unit: { id: ids.commune }, leadingUnit: { id: ids.ninhBinh }, memberCount: 2, head: { name: delegation[0]!.name }, notice: null, can: { edit: true, addNotice: true } });
    expect(s.members.map((m) => m.isHead)).toEqual([true, false]);
    const seen = await t.call('GET', `/api/working-sessions/${s.id}`, { cookie: cookies['commune.viewer'] });
    expect(seen.statusCode).toBe(200);
    expect(seen.json().can).toEqual({ edit: false, addNotice: false });
    expect((await t.call('GET', `/api/working-sessions/${s.id}`, { cookie: cookies['hanoi.editor'] })).statusCode).toBe(404);
    const audit = await t.db.selectFrom('audit_log').select('action').where('record_type', '=', 'working_session').where('record_id', '=', s.id).execute();
    expect(audit.map((a) => a.action)).toEqual(['working_session.create']);
  });

  it('refuses two heads, naming the second, and writes nothing', async () => {
    const before = await counts();
    const res = await createSession({ members: [delegation[0], { ...delegation[1], isHead: true }] });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ path: 'body.members[1].isHead' }] });
    expect(await counts()).toEqual(before);
  });

  it('refuses a session led by a unit the caller does not write for', async () => {
    const before = await counts();
    const res = await createSession({}, cookies['hanoi.editor']);
    expect(res.statusCode).toBe(404);
    expect(await counts()).toEqual(before);
  });

  it('lets one of two concurrent changes win; the other gets CONFLICT with the current version', async () => {
    const s: WorkingSessionDetail = (await createSession()).json();
    const patch = (place: string) => t.call('PATCH', `/api/working-sessions/${s.id}`, { cookie: cookies['ninhbinh.editor'], body: { place, members: [delegation[0]], version: 1 } });
    const [a, b] = await Promise.all([patch('Nhà văn hóa thôn Đông'), patch('Nhà văn hóa thôn Tây')]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const loser = a.statusCode === 409 ? a : b;
    expect(loser.json().error).toMatchObject({ code: 'CONFLICT', details: { currentVersion: 2 } });
    const after: WorkingSessionDetail = (await t.call('GET', `/api/working-sessions/${s.id}`, { cookie: cookies['ninhbinh.editor'] })).json();
    expect(after).toMatchObject({ version: 2, memberCount: 1 });
    const audit = await t.db.selectFrom('audit_log').select('action').where('record_type', '=', 'working_session').where('record_id', '=', s.id).execute();
    expect(audit.filter((x) => x.action === 'working_session.update')).toHaveLength(1);
    const empty = await t.call('PATCH', `/api/working-sessions/${s.id}`, { cookie: cookies['ninhbinh.editor'], body: { version: 2 } });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.code).toBe('VALIDATION_FAILED');
  });
});

describe('the conclusion notice', () => {
  it('refuses a request owned outside the unit worked with, naming it, and writes nothing', async () => {
    const s: WorkingSessionDetail = (await createSession()).json();
    const before = await counts();
    const res = await notice(s.id, { requests: [request(ids.commune), request(ids.sibling)] });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'UNIT_OUTSIDE_SUBTREE', details: [{ path: 'body.requests[1].ownerUnitId' }] });
    expect(await counts()).toEqual(before);
  });

  it('refuses a deadline before the notice (INVALID_RANGE) or in the past (DEADLINE_IN_PAST), writing nothing', async () => {
    const s: WorkingSessionDetail = (await createSession()).json();
    const before = await counts();
    const early = await notice(s.id, { requests: [request(ids.commune, addDaysIso(TODAY, -9))] });
    expect(early.statusCode).toBe(400);
    expect(early.json().error).toMatchObject({ code: 'INVALID_RANGE', details: [{ path: 'body.requests[0].deadline' }] });
    const past = await notice(s.id, { requests: [request(ids.commune), request(ids.commune, addDaysIso(TODAY, -1))] });
    expect(past.statusCode).toBe(400);
    expect(past.json().error).toMatchObject({ code: 'DEADLINE_IN_PAST', details: [{ path: 'body.requests[1].deadline' }] });
    expect(await counts()).toEqual(before);
  });

  it('creates the notice, its plan and one task per request in one go; a second notice is ALREADY_EXISTS', async () => {
    const s: WorkingSessionDetail = (await createSession()).json();
    const before = await counts();
    const res = await notice(s.id, { number: '118', requests: [request(ids.commune), request(ids.commune, addDaysIso(TODAY, 5))] });
    expect(res.statusCode, res.body).toBe(201);
    const d: WorkingSessionDetail = res.json();
    expect(d.notice).toMatchObject({ number: '118', symbol: 'TB/BTGDVTU', status: 'issued' });
    expect(d.requests.map((r) => [r.ownerUnit.id, r.deadline, r.status, r.overdue])).toEqual([
      [ids.commune, addDaysIso(TODAY, 5), 'open', false],
      [ids.commune, addDaysIso(TODAY, 30), 'open', false],
    ]);
    expect(d.can.addNotice).toBe(false);
    const doc = await t.db.selectFrom('policy_documents').select(['kind', 'issuing_unit_id', 'working_session_id']).where('id', '=', d.notice!.id).executeTakeFirstOrThrow();
    expect(doc).toEqual({ kind: 'conclusion_notice', issuing_unit_id: ids.ninhBinh, working_session_id: s.id });
    // document, plan, two tasks, the session's notice entry
    expect(await counts()).toEqual({ ...before, documents: before.documents + 1, plans: before.plans + 1, tasks: before.tasks + 2, audit: before.audit + 5 });
    // The requests are ordinary tasks: the unit worked with reads them.
    expect((await t.call('GET', `/api/tasks/${d.requests[0]!.id}`, { cookie: cookies['commune.viewer'] })).statusCode).toBe(200);

    const again = await counts();
    const second = await notice(s.id);
    expect(second.statusCode).toBe(409);
    expect(second.json().error).toMatchObject({ code: 'ALREADY_EXISTS', details: { documentId: d.notice!.id } });
    expect(await counts()).toEqual(again);
  });
});

describe("a unit's history", () => {
  it('lists the sessions with the unit, newest first, and counts its open and overdue requests', async () => {
    const older = await buildWorkingSession(t.db, { leadingUnitId: ids.ninhBinh, unitId: ids.quiet, heldOn: '2025-03-10' });
    const newer = await buildWorkingSession(t.db, { leadingUnitId: ids.ninhBinh, unitId: ids.quiet, heldOn: '2025-09-15' });
    await buildNotice(t.db, older.id, [
      { ownerUnitId: ids.quiet, status: 'done' },
      { ownerUnitId: ids.quiet, deadline: '2025-06-30' },
      { ownerUnitId: ids.quiet, deadline: addDaysIso(TODAY, 20) },
    ]);
    const res = await t.call('GET', `/api/units/${ids.quiet}/working-sessions`, { cookie: cookies['ninhbinh.editor'] });
    expect(res.statusCode, res.body).toBe(200);
    const h: UnitWorkingSessions = res.json();
    expect(h.sessions.map((s) => s.id)).toEqual([newer.id, older.id]);
    expect(h).toMatchObject({ total: 2, openRequests: 2, overdueRequests: 1, today: TODAY });
    expect(h.sessions[1]!.noticeId).not.toBeNull();

    // The province sees its communes' sessions, led by it, in the list.
    const list: WorkingSessionPage = (await t.call('GET', `/api/working-sessions?unitId=${ids.ninhBinh}&from=2025-01-01&to=2025-12-31&limit=200`, { cookie: cookies['ninhbinh.editor'] })).json();
    expect(list.items.map((s) => s.id)).toEqual(expect.arrayContaining([newer.id, older.id]));
    expect((await t.call('GET', `/api/units/${ids.quiet}/working-sessions`, { cookie: cookies['hanoi.editor'] })).statusCode).toBe(404);
  });
});

describe('the demo', () => {
  it("adds Ninh Bình's session with its first commune once: a notice with one request done, one overdue, one running", async () => {
    expect(await loadDemoWorkingSessions(t.db, t.app.ctx)).toEqual({ workingSessions: 1 });
    const before = await counts();
    expect(await loadDemoWorkingSessions(t.db, t.app.ctx)).toEqual({ workingSessions: 0 });
    expect(await counts()).toEqual(before);
    const h: UnitWorkingSessions = (await t.call('GET', `/api/units/${ids.commune}/working-sessions`, { cookie: cookies['commune.viewer'] })).json();
    const session = h.sessions.find((s) => s.heldOn === addDaysIso(TODAY, -40) && s.memberCount === 3)!;
    expect(session.head?.position).toBe('Phó Trưởng Ban Thường trực Ban Tuyên giáo và Dân vận Tỉnh ủy');
    const d: WorkingSessionDetail = (await t.call('GET', `/api/working-sessions/${session.id}`, { cookie: cookies['commune.viewer'] })).json();
    expect(d.notice).toMatchObject({ number: '86', status: 'issued' });
    expect(d.requests.map((r) => [r.status, r.overdue, r.lastReportOn])).toEqual([
      ['done', false, addDaysIso(TODAY, -12)],
      ['open', true, null],
      ['open', false, null],
    ]);
  });
});
