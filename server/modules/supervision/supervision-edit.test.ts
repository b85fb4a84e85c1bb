/**
 * Correcting the boards, members, programs, supervisions and recommendations: each route's happy
 * path with its audit record, a stale version, each bad input leaving nothing written, and the
 * exclusion rule on a member added or extended.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Activity, Board, Program, Recommendation } from '../../../common/supervision.js';
import { buildUser, unitByCode } from '../../test/factories.js';
import { createTestApp, type TestApp } from '../../test/test-app.js';
import { buildActivity, buildBoard } from './supervision.factories.js';

let t: TestApp;
const cookies: Record<string, string> = {};
let commune: string;
let other: string;

beforeAll(async () => {
  t = await createTestApp();
  const ninhBinh = await unitByCode(t.db, 'province', '37');
  const communes = await t.db.selectFrom('units').select('id').where('parent_id', '=', ninhBinh.id).where('kind', '=', 'commune').where('valid_to', 'is', null).orderBy('code').offset(2).limit(2).execute();
  commune = communes[0]!.id;
  other = communes[1]!.id;
  const users: [string, string, 'editor' | 'viewer'][] = [
    ['se.editor', commune, 'editor'],
    ['se.viewer', commune, 'viewer'],
    ['se.other', other, 'editor'],
  ];
  for (const [username, unitId, role] of users) {
    await buildUser(t.db, { username, grants: [{ unitId, role }] });
    cookies[username.slice(3)] = await t.login(username);
  }
}, 180_000);

/** Every table these routes write, and the audit log: a refused write must leave them all as they were. */
async function snapshot() {
  const rows = async (table: 'supervision_boards' | 'supervision_board_members' | 'supervision_programs' | 'supervision_program_items' | 'supervision_activities' | 'supervision_recommendations') =>
    JSON.stringify(await t.db.selectFrom(table).selectAll().orderBy('id').execute());
  return {
    boards: await rows('supervision_boards'),
    members: await rows('supervision_board_members'),
    programs: await rows('supervision_programs'),
    items: await rows('supervision_program_items'),
    activities: await rows('supervision_activities'),
    recs: await rows('supervision_recommendations'),
    audit: Number((await t.db.selectFrom('audit_log').select(t.db.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n),
  };
}

const call = (method: 'GET' | 'POST' | 'PATCH', url: string, body?: unknown, who = 'editor') => t.call(method, url, { cookie: cookies[who], body });
const getBoard = async (id: string): Promise<Board> => (await call('GET', `/api/supervision/boards?unitId=${commune}`)).json().items.find((b: Board) => b.id === id);
const auditOf = (recordType: string, recordId: string) =>
  t.db.selectFrom('audit_log').select(['action', 'before', 'after']).where('record_type', '=', recordType).where('record_id', '=', recordId).orderBy('id').execute();

/** Expects the call refused with `status` and `error` (a partial match), and nothing written. */
async function refused(send: () => Promise<{ statusCode: number; body: string; json: () => unknown }>, status: number, error: Record<string, unknown>) {
  const before = await snapshot();
  const res = await send();
  expect(res.statusCode, res.body).toBe(status);
  expect((res.json() as { error: unknown }).error).toMatchObject(error);
  expect(await snapshot()).toEqual(before);
  return res;
}

describe('a board', () => {
  it('is recorded only with members inside its term, as they are kept once it is corrected', async () => {
    const body = { unitId: commune, kind: 'inspection', termFrom: '2024-07-01', termTo: '2029-06-30', members: [{ name: 'Cao Văn Không', position: 'Trưởng ban', fromOn: '2024-06-01' }] };
    await refused(() => call('POST', '/api/supervision/boards', body), 400, { code: 'VALIDATION_FAILED', details: [{ path: 'body.members[0].fromOn', code: 'outside_term' }] });
    await refused(() => call('POST', '/api/supervision/boards', { ...body, members: [{ ...body.members[0], fromOn: '2024-07-01', toOn: '2029-07-01' }] }), 400, {
      details: [{ path: 'body.members[0].toOn', code: 'outside_term' }],
    });
  });

  it('corrects the term and the election, audited before and after; a stale version is a CONFLICT', async () => {
    const b = await buildBoard(t.db, { unitId: commune, memberName: 'Cao Văn Một', termFrom: '2024-07-01', termTo: '2029-06-30' });
    const res = await call('PATCH', `/api/supervision/boards/${b.id}`, { termTo: '2029-07-15', electedBy: 'Hội nghị nhân dân thôn Đông', version: b.version });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ termTo: '2029-07-15', electedBy: 'Hội nghị nhân dân thôn Đông', termFrom: '2024-07-01', version: b.version + 1 });
    expect(await auditOf('supervision_board', b.id)).toEqual([
      { action: 'supervision_board.update', before: { term_to: '2029-06-30', elected_by: 'Hội nghị nhân dân các thôn' }, after: { term_to: '2029-07-15', elected_by: 'Hội nghị nhân dân thôn Đông' } },
    ]);
    await refused(() => call('PATCH', `/api/supervision/boards/${b.id}`, { electedBy: 'Thôn Tây', version: b.version }), 409, { code: 'CONFLICT', details: { currentVersion: b.version + 1 } });
  });

  it('keeps the project rule: required for investment supervision, refused for inspection', async () => {
    const inv = await buildBoard(t.db, { unitId: commune, kind: 'investment_supervision', memberName: 'Cao Văn Hai' });
    await refused(() => call('PATCH', `/api/supervision/boards/${inv.id}`, { projectName: null, version: inv.version }), 400, { code: 'VALIDATION_FAILED', details: [{ path: 'body.projectName', code: 'required' }] });
    const ok = await call('PATCH', `/api/supervision/boards/${inv.id}`, { projectName: 'Nhà văn hóa thôn Nam', investor: null, version: inv.version });
    expect(ok.json()).toMatchObject({ projectName: 'Nhà văn hóa thôn Nam', investor: null });
    const ins = await buildBoard(t.db, { unitId: commune, memberName: 'Cao Văn Ba' });
    await refused(() => call('PATCH', `/api/supervision/boards/${ins.id}`, { projectName: 'Đường thôn', version: ins.version }), 400, { details: [{ path: 'body.projectName', code: 'not_allowed' }] });
  });

  it('refuses a term ending before it begins, and a term no longer covering a member, naming the member', async () => {
    const b = await buildBoard(t.db, { unitId: commune, memberName: 'Cao Thị Bốn', termFrom: '2024-07-01', termTo: '2029-06-30' });
    await refused(() => call('PATCH', `/api/supervision/boards/${b.id}`, { termTo: '2024-01-01', version: b.version }), 400, { code: 'INVALID_RANGE', details: [{ path: 'body.termTo' }] });
    const res = await refused(() => call('PATCH', `/api/supervision/boards/${b.id}`, { termFrom: '2024-08-01', version: b.version }), 400, {
      code: 'VALIDATION_FAILED',
      details: [{ path: 'body.termFrom', code: 'members_outside_term', name: 'Cao Thị Bốn' }],
    });
    expect((res.json() as { error: { message: string } }).error.message).toContain('Cao Thị Bốn');
    // Ended first, the member no longer lies past a shortened term.
    const memberId = (await getBoard(b.id)).members[0]!.id;
    await call('PATCH', `/api/supervision/board-members/${memberId}`, { toOn: '2026-12-31', reason: 'Chuyển nơi cư trú', version: b.version });
    await refused(() => call('PATCH', `/api/supervision/boards/${b.id}`, { termTo: '2026-06-30', version: b.version + 1 }), 400, { details: [{ path: 'body.termTo', code: 'members_outside_term' }] });
    expect((await call('PATCH', `/api/supervision/boards/${b.id}`, { termTo: '2027-06-30', version: b.version + 1 })).statusCode).toBe(200);
  });

  it('is written only by data.write on its unit, and unseen elsewhere', async () => {
    const b = await buildBoard(t.db, { unitId: commune, memberName: 'Cao Văn Năm' });
    await refused(() => call('PATCH', `/api/supervision/boards/${b.id}`, { electedBy: 'x', version: b.version }, 'viewer'), 403, { code: 'FORBIDDEN' });
    await refused(() => call('PATCH', `/api/supervision/boards/${b.id}`, { electedBy: 'x', version: b.version }, 'other'), 404, { code: 'NOT_FOUND' });
  });
});

describe("a board's members", () => {
  it('adds a member within the term, audited, the board moving to a new version', async () => {
    const b = await buildBoard(t.db, { unitId: commune, memberName: 'Đỗ Văn Một' });
    const res = await call('POST', `/api/supervision/boards/${b.id}/members`, { name: 'Đỗ Thị Hai', position: 'Thành viên', fromOn: '2025-03-01', version: b.version });
    expect(res.statusCode, res.body).toBe(201);
    const board: Board = res.json();
    expect(board.members.map((m) => [m.name, m.fromOn, m.toOn])).toEqual([
      ['Đỗ Văn Một', '2024-07-01', null],
      ['Đỗ Thị Hai', '2025-03-01', null],
    ]);
    expect(board.version).toBe(b.version + 1);
    const audit = await auditOf('supervision_board_member', board.members[1]!.id);
    expect(audit).toMatchObject([{ action: 'supervision_board_member.create', after: { boardId: b.id, name: 'Đỗ Thị Hai', fromOn: '2025-03-01' } }]);
    await refused(() => call('POST', `/api/supervision/boards/${b.id}/members`, { name: 'Đỗ Văn Ba', position: 'Thành viên', fromOn: '2025-03-01', version: b.version }), 409, { code: 'CONFLICT' });
  });

  it('refuses a member outside the term, ending before beginning, or twice on the board at once', async () => {
    const b = await buildBoard(t.db, { unitId: commune, memberName: 'Đỗ Văn Bốn', termFrom: '2024-07-01', termTo: '2029-06-30' });
    const add = (body: Record<string, unknown>) => () => call('POST', `/api/supervision/boards/${b.id}/members`, { name: 'Đỗ Văn Sáu', position: 'Thành viên', fromOn: '2025-01-01', version: b.version, ...body });
    await refused(add({ fromOn: '2024-06-30' }), 400, { details: [{ path: 'body.fromOn', code: 'outside_term' }] });
    await refused(add({ toOn: '2029-07-01' }), 400, { details: [{ path: 'body.toOn', code: 'outside_term' }] });
    await refused(add({ toOn: '2024-12-31' }), 400, { code: 'INVALID_RANGE', details: [{ path: 'body.toOn' }] });
    // Inspection × inspection is the seeded rule: the same person twice on one such board is refused too.
    await refused(add({ name: ' đỗ văn  bốn ' }), 400, { details: [{ path: 'body.name' }] });
  });

  it('refuses a member the exclusion rule forbids, naming them, and takes the same member on a board of a kind the rule allows', async () => {
    await buildBoard(t.db, { unitId: commune, memberName: 'Đinh Văn Bảy', termFrom: '2024-07-01', termTo: '2029-06-30' });
    const second = await buildBoard(t.db, { unitId: commune, memberName: 'Đinh Văn Tám', termFrom: '2025-01-01', termTo: '2029-12-31' });
    await refused(() => call('POST', `/api/supervision/boards/${second.id}/members`, { name: 'Đinh Văn Bảy', position: 'Thành viên', fromOn: '2025-01-01', version: second.version }), 400, {
      code: 'VALIDATION_FAILED',
      details: [{ path: 'body.name', code: 'excluded_member', name: 'Đinh Văn Bảy', boardKind: 'inspection' }],
    });
    const investment = await buildBoard(t.db, { unitId: commune, kind: 'investment_supervision', memberName: 'Đinh Văn Chín' });
    const ok = await call('POST', `/api/supervision/boards/${investment.id}/members`, { name: 'Đinh Văn Bảy', position: 'Thành viên', fromOn: '2025-01-01', version: investment.version });
    expect(ok.statusCode, ok.body).toBe(201);
  });

  it("ends a member's time with the reason in the audit; the member stays on record", async () => {
    const b = await buildBoard(t.db, { unitId: commune, memberName: 'Lý Văn Mười', termFrom: '2024-07-01', termTo: '2029-06-30' });
    const memberId = (await getBoard(b.id)).members[0]!.id;
    const res = await call('PATCH', `/api/supervision/board-members/${memberId}`, { toOn: '2026-03-31', reason: 'Bãi nhiệm theo đề nghị của Ủy ban MTTQ xã', version: b.version });
    expect(res.statusCode, res.body).toBe(200);
    expect((res.json() as Board).members).toMatchObject([{ id: memberId, name: 'Lý Văn Mười', toOn: '2026-03-31' }]);
    expect(await auditOf('supervision_board_member', memberId)).toEqual([
      {
        action: 'supervision_board_member.update',
        before: { boardId: b.id, name: 'Lý Văn Mười', toOn: null },
        after: { boardId: b.id, name: 'Lý Văn Mười', toOn: '2026-03-31', reason: 'Bãi nhiệm theo đề nghị của Ủy ban MTTQ xã' },
      },
    ]);
    const end = (body: Record<string, unknown>) => () => call('PATCH', `/api/supervision/board-members/${memberId}`, { reason: 'Sửa ngày', version: b.version + 1, ...body });
    await refused(end({ toOn: '2024-06-30' }), 400, { code: 'INVALID_RANGE', details: [{ path: 'body.toOn' }] });
    await refused(end({ toOn: '2029-07-01' }), 400, { details: [{ path: 'body.toOn', code: 'outside_term' }] });
    await refused(end({ toOn: '2026-04-30', version: b.version }), 409, { code: 'CONFLICT' });
  });

  it('checks the exclusion rule when a member sits longer, not when they leave sooner', async () => {
    // Lê Văn Sơn left the first board at the end of 2025 and sits on a second from 2026.
    const first = await buildBoard(t.db, { unitId: commune, memberName: 'Lê Văn Sơn', termFrom: '2024-07-01', termTo: '2029-06-30' });
    const firstMember = (await getBoard(first.id)).members[0]!.id;
    expect((await call('PATCH', `/api/supervision/board-members/${firstMember}`, { toOn: '2025-12-31', reason: 'Xin thôi', version: first.version })).statusCode).toBe(200);
    const second = await buildBoard(t.db, { unitId: commune, memberName: 'Lê Văn Sơn', termFrom: '2026-01-01', termTo: '2030-12-31' });
    await refused(() => call('PATCH', `/api/supervision/board-members/${firstMember}`, { toOn: null, reason: 'Nhập nhầm ngày', version: first.version + 1 }), 400, {
      details: [{ path: 'body.toOn', code: 'excluded_member', name: 'Lê Văn Sơn', boardId: second.id }],
    });
    expect((await call('PATCH', `/api/supervision/board-members/${firstMember}`, { toOn: '2025-06-30', reason: 'Nhập nhầm ngày', version: first.version + 1 })).statusCode).toBe(200);
  });

  it('lets only one of two members of the same name added at once to two inspection boards through (the lock on the commune)', async () => {
    const a = await buildBoard(t.db, { unitId: commune, memberName: 'Phan Văn Một' });
    const b = await buildBoard(t.db, { unitId: commune, memberName: 'Phan Văn Hai' });
    const add = (board: { id: string; version: number }) => call('POST', `/api/supervision/boards/${board.id}/members`, { name: 'Phan Thị Cùng', position: 'Thành viên', fromOn: '2025-01-01', version: board.version });
    const [x, y] = await Promise.all([add(a), add(b)]);
    expect([x.statusCode, y.statusCode].sort()).toEqual([201, 400]);
    expect((x.statusCode === 400 ? x : y).json().error.details[0]).toMatchObject({ code: 'excluded_member', name: 'Phan Thị Cùng' });
  });

  it("checks the exclusion rule for the members without an end when the board's term is extended", async () => {
    const first = await buildBoard(t.db, { unitId: commune, memberName: 'Mai Văn Hùng', termFrom: '2020-01-01', termTo: '2024-12-31' });
    await buildBoard(t.db, { unitId: commune, memberName: 'Mai Văn Hùng', termFrom: '2025-01-01', termTo: '2029-12-31' });
    await refused(() => call('PATCH', `/api/supervision/boards/${first.id}`, { termTo: '2025-06-30', version: first.version }), 400, {
      details: [{ path: 'body.termTo', code: 'excluded_member', name: 'Mai Văn Hùng' }],
    });
  });
});

describe('a program', () => {
  it('replaces its items as a whole, audited; a stale version is a CONFLICT', async () => {
    const created = await call('POST', '/api/supervision/programs', { unitId: commune, year: 2031, items: [{ subject: 'Giám sát thu chi quỹ', form: 'thematic' }] });
    const p: Program = created.json().items[0];
    const res = await call('PATCH', `/api/supervision/programs/${p.id}`, {
      items: [
        { subject: 'Giám sát việc công khai ngân sách xã', form: 'thematic', leadOrganization: 'Ủy ban MTTQ xã' },
        { subject: 'Phản biện dự thảo quy hoạch', form: 'social_criticism' },
      ],
      version: p.version,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ id: p.id, year: 2031, version: p.version + 1, items: [{ subject: 'Giám sát việc công khai ngân sách xã' }, { subject: 'Phản biện dự thảo quy hoạch', form: 'social_criticism', leadOrganization: null }] });
    expect(await auditOf('supervision_program', p.id)).toMatchObject([
      { action: 'supervision_program.create' },
      { action: 'supervision_program.update', before: { items: [{ subject: 'Giám sát thu chi quỹ' }] }, after: { items: [{ subject: 'Giám sát việc công khai ngân sách xã' }, {}] } },
    ]);
    await refused(() => call('PATCH', `/api/supervision/programs/${p.id}`, { items: [{ subject: 'Khác' }], version: p.version }), 409, { code: 'CONFLICT' });
    await refused(() => call('PATCH', `/api/supervision/programs/${p.id}`, { items: [], version: p.version + 1 }), 400, { code: 'VALIDATION_FAILED' });
  });

  it("returns the program just created, not the unit's other programs of the year", async () => {
    const b = await buildBoard(t.db, { unitId: commune, memberName: 'Tô Văn Kế' });
    expect((await call('POST', '/api/supervision/programs', { unitId: commune, year: 2032, items: [{ subject: 'Chương trình của Mặt trận' }] })).statusCode).toBe(201);
    const plan = await call('POST', '/api/supervision/programs', { unitId: commune, boardId: b.id, year: 2032, items: [{ subject: 'Kế hoạch của Ban' }] });
    expect(plan.statusCode, plan.body).toBe(201);
    expect(plan.json().items).toMatchObject([{ boardId: b.id, year: 2032, items: [{ subject: 'Kế hoạch của Ban' }] }]);
  });
});

describe('a supervision held and its recommendations', () => {
  const activityOf = async (id: string): Promise<Activity> => (await call('GET', `/api/supervision/activities?unitId=${commune}`)).json().items.find((a: Activity) => a.id === id);
  const recommendationOf = async (id: string): Promise<Recommendation> => (await call('GET', `/api/supervision/recommendations?unitId=${commune}&limit=200`)).json().items.find((r: Recommendation) => r.id === id);

  it('corrects the day, subject and findings, audited; a day after a recommendation was sent is refused', async () => {
    const a = await buildActivity(t.db, { unitId: commune, heldOn: '2026-03-10', sentOn: '2026-03-15', subject: 'Thu chi quỹ thôn' });
    const res = await call('PATCH', `/api/supervision/activities/${a.id}`, { heldOn: '2026-03-12', findings: 'Đã niêm yết một phần', version: 1 });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ id: a.id, heldOn: '2026-03-12', subject: 'Thu chi quỹ thôn', findings: 'Đã niêm yết một phần', version: 2 });
    expect(await auditOf('supervision_activity', a.id)).toMatchObject([{ action: 'supervision_activity.update', before: { held_on: '2026-03-10' }, after: { held_on: '2026-03-12', findings: 'Đã niêm yết một phần' } }]);
    await refused(() => call('PATCH', `/api/supervision/activities/${a.id}`, { heldOn: '2026-03-16', version: 2 }), 400, {
      code: 'VALIDATION_FAILED',
      details: [{ path: 'body.heldOn', code: 'after_recommendation', sentOn: '2026-03-15' }],
    });
    await refused(() => call('PATCH', `/api/supervision/activities/${a.id}`, { subject: 'Khác', version: 1 }), 409, { code: 'CONFLICT' });
  });

  it('adds a recommendation to a supervision held, audited; one sent before it or due before sent is refused', async () => {
    const a = await buildActivity(t.db, { unitId: commune, heldOn: '2026-04-01', sentOn: '2026-04-02' });
    const body = { content: 'Đề nghị sửa chữa mương nội đồng', addressee: 'Ủy ban nhân dân xã', sentOn: '2026-04-05', dueOn: '2026-05-05' };
    const res = await call('POST', `/api/supervision/activities/${a.id}/recommendations`, body);
    expect(res.statusCode, res.body).toBe(201);
    const r: Recommendation = res.json();
    expect(r).toMatchObject({ activityId: a.id, content: body.content, sentOn: '2026-04-05', answeredOn: null, version: 1 });
    expect(await auditOf('supervision_recommendation', r.id)).toMatchObject([{ action: 'supervision_recommendation.create', after: { activityId: a.id, content: body.content } }]);
    expect((await activityOf(a.id)).recommendationCount).toBe(2);
    const add = (patch: Record<string, unknown>) => () => call('POST', `/api/supervision/activities/${a.id}/recommendations`, { ...body, ...patch });
    await refused(add({ sentOn: '2026-03-31' }), 400, { code: 'VALIDATION_FAILED', details: [{ path: 'body.sentOn', code: 'before_activity' }] });
    await refused(add({ dueOn: '2026-04-04' }), 400, { code: 'INVALID_RANGE', details: [{ path: 'body.dueOn' }] });
    await refused(add({ addresseeUnitId: '999999999' }), 400, { details: [{ path: 'body.addresseeUnitId' }] });
    await refused(() => call('POST', `/api/supervision/activities/${a.id}/recommendations`, body, 'viewer'), 403, { code: 'FORBIDDEN' });
  });

  it('corrects a recommendation not yet answered, audited; refuses bad dates, a stale version, and any edit once answered', async () => {
    const a = await buildActivity(t.db, { unitId: commune, heldOn: '2026-05-01', sentOn: '2026-05-02', dueOn: '2026-06-01' });
    const id = a.recommendationId;
    const res = await call('PATCH', `/api/supervision/recommendations/${id}`, { addressee: 'Công ty cổ phần nước sạch', dueOn: '2026-06-15', version: 1 });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ id, addressee: 'Công ty cổ phần nước sạch', dueOn: '2026-06-15', sentOn: '2026-05-02', version: 2 });
    expect(await auditOf('supervision_recommendation', id)).toMatchObject([{ action: 'supervision_recommendation.update', before: { addressee: 'Ủy ban nhân dân xã', due_on: '2026-06-01' }, after: { due_on: '2026-06-15' } }]);
    const patch = (body: Record<string, unknown>) => () => call('PATCH', `/api/supervision/recommendations/${id}`, { version: 2, ...body });
    await refused(patch({ dueOn: '2026-05-01' }), 400, { code: 'INVALID_RANGE', details: [{ path: 'body.dueOn' }] });
    await refused(patch({ sentOn: '2026-06-20' }), 400, { code: 'INVALID_RANGE', details: [{ path: 'body.sentOn' }] });
    await refused(patch({ sentOn: '2026-04-30' }), 400, { code: 'VALIDATION_FAILED', details: [{ path: 'body.sentOn', code: 'before_activity' }] });
    await refused(patch({ content: 'Khác', version: 1 }), 409, { code: 'CONFLICT' });
    const answered = await call('POST', `/api/supervision/recommendations/${id}/answer`, { answeredOn: '2026-05-20', answerKind: 'answered', answer: 'Đã khắc phục', version: 2 });
    expect(answered.statusCode, answered.body).toBe(200);
    await refused(patch({ content: 'Khác', version: 3 }), 409, { code: 'INVALID_TRANSITION', details: [{ code: 'answered', answeredOn: '2026-05-20' }] });
    expect((await recommendationOf(id)).content).toBe('Đề nghị công khai bảng thu, chi quỹ tại nhà văn hóa thôn');
  });
});
