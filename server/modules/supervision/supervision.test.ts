import { grassrootsDemoCommune } from '../../demo/demo-units.js';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Board, Figures, RecommendationPage } from '../../../common/supervision.js';
import { addDaysIso, todayInVietnam } from '../../../common/units.js';
import type { WorkQueue } from '../../../common/work-queue.js';
import { loadDemoSupervision } from '../../demo/demo-supervision.js';
import { buildUser, unitByCode } from '../../test/factories.js';
import { createTestApp, type TestApp } from '../../test/test-app.js';
import { buildActivity, buildBoard } from './supervision.factories.js';

let t: TestApp;
const cookies: Record<string, string> = {};
let ids: { ninhBinh: string; commune: string; sibling: string; hanoi: string };
const TODAY = todayInVietnam();
const YEAR = Number(TODAY.slice(0, 4));

beforeAll(async () => {
  t = await createTestApp();
  const ninhBinh = await unitByCode(t.db, 'province', '37');
  const hanoi = await unitByCode(t.db, 'province', '01');
  const communes = await t.db.selectFrom('units').select('id').where('parent_id', '=', ninhBinh.id).where('kind', '=', 'commune').where('valid_to', 'is', null).orderBy('code').limit(2).execute();
  ids = { ninhBinh: ninhBinh.id, commune: communes[0]!.id, sibling: communes[1]!.id, hanoi: hanoi.id };
  const users: [string, string, 'editor' | 'viewer'][] = [
    ['sv.commune.editor', ids.commune, 'editor'],
    ['sv.ninhbinh.viewer', ninhBinh.id, 'viewer'],
    ['sv.hanoi.editor', hanoi.id, 'editor'],
  ];
  for (const [username, unitId, role] of users) {
    await buildUser(t.db, { username, grants: [{ unitId, role }] });
    cookies[username.slice(3)] = await t.login(username);
  }
}, 180_000);

async function counts() {
  const n = async (table: 'supervision_boards' | 'supervision_board_members' | 'supervision_activities' | 'supervision_recommendations' | 'audit_log') =>
    Number((await t.db.selectFrom(table).select(t.db.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);
  return { boards: await n('supervision_boards'), members: await n('supervision_board_members'), activities: await n('supervision_activities'), recs: await n('supervision_recommendations'), audit: await n('audit_log') };
}

const editor = () => cookies['commune.editor'];
const boardBody = (members: { name: string }[], body: Record<string, unknown> = {}) => ({
  unitId: ids.commune,
  kind: 'inspection',
  termFrom: '2024-07-01',
  termTo: '2029-06-30',
  electedOn: '2024-06-20',
  electedBy: 'Hội nghị nhân dân các thôn',
  // Members begin with the term they are elected for (a member outside the term is refused).
  members: members.map((m, i) => ({ name: m.name, position: i === 0 ? 'Trưởng ban' : 'Thành viên', fromOn: (body.termFrom as string | undefined) ?? '2024-07-01' })),
  ...body,
});

describe('the demo', () => {
  it("gives the demo commune (Xã Phát Diệm) a People's Inspection Board with one recommendation overdue, and the province Front two supervisions; a second load adds nothing", async () => {
    expect((await loadDemoSupervision(t.db, t.app.ctx)).supervisionRecords).toBeGreaterThan(0);
    expect((await loadDemoSupervision(t.db, t.app.ctx)).supervisionRecords).toBe(0);
    const demoCommune = (await grassrootsDemoCommune(t.db, ids.ninhBinh))!;
    expect(demoCommune.name).toBe('Xã Phát Diệm');
    const overdue: RecommendationPage = (await t.call('GET', `/api/supervision/recommendations?unitId=${demoCommune.id}&state=overdue`, { cookie: cookies['ninhbinh.viewer'] })).json();
    expect(overdue.items.map((r) => [r.boardKind, r.state])).toEqual([['inspection', 'overdue']]);
    const f: Figures = (await t.call('GET', `/api/supervision/figures?unitId=${ids.ninhBinh}&year=${YEAR}`, { cookie: cookies['ninhbinh.viewer'] })).json();
    expect(f.total.frontSupervisions + f.total.frontCriticisms).toBeGreaterThanOrEqual(Number(TODAY.slice(5, 7)) > 3 ? 2 : 1);
  });
});

describe('boards', () => {
  it('records a People\'s Inspection Board with its members, read above and audited, not read in another province', async () => {
    const res = await t.call('POST', '/api/supervision/boards', { cookie: editor(), body: boardBody([{ name: 'Đinh Thị Hoa' }, { name: 'Phạm Văn Quân' }]) });
    expect(res.statusCode, res.body).toBe(201);
    const b: Board = res.json();
    expect(b).toMatchObject({ kind: 'inspection', unit: { id: ids.commune }, termFrom: '2024-07-01', inOffice: TODAY >= '2024-07-01' && TODAY <= '2029-06-30' });
    expect(b.members.map((m) => m.name)).toEqual(['Đinh Thị Hoa', 'Phạm Văn Quân']);
    const list = await t.call('GET', `/api/supervision/boards?unitId=${ids.ninhBinh}`, { cookie: cookies['ninhbinh.viewer'] });
    expect(list.json().items.map((x: Board) => x.id)).toContain(b.id);
    expect((await t.call('GET', `/api/supervision/boards?unitId=${ids.commune}`, { cookie: cookies['hanoi.editor'] })).statusCode).toBe(404);
    const audit = await t.db.selectFrom('audit_log').select('action').where('record_type', '=', 'supervision_board').where('record_id', '=', b.id).execute();
    expect(audit.map((a) => a.action)).toEqual(['supervision_board.create']);
  });

  it('refuses a member on a second People\'s Inspection Board at the same time (the rule as data), naming the member, and writes nothing', async () => {
    await buildBoard(t.db, { unitId: ids.commune, memberName: 'Lê Văn Tám', termFrom: '2024-07-01' });
    const before = await counts();
    const res = await t.call('POST', '/api/supervision/boards', { cookie: editor(), body: boardBody([{ name: 'Trần Văn Bình' }, { name: '  lê   văn tám ' }], { termFrom: '2025-01-01' }) });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ path: 'body.members[1].name', code: 'excluded_member', name: 'lê văn tám' }] });
    expect(res.json().error.message).toContain('lê văn tám');
    expect(await counts()).toEqual(before);
  });

  it('lets the same person sit on an investment supervision board, which the seeded rule does not pair with inspection', async () => {
    await buildBoard(t.db, { unitId: ids.commune, memberName: 'Hà Văn Sơn' });
    const res = await t.call('POST', '/api/supervision/boards', {
      cookie: editor(),
      body: boardBody([{ name: 'Hà Văn Sơn' }], { kind: 'investment_supervision', projectName: 'Cứng hóa đường trục thôn Bắc', investor: 'UBND xã' }),
    });
    expect(res.statusCode, res.body).toBe(201);
    // Once the rule pairs the two kinds (a row, not a release), the same board is refused.
    await t.db.insertInto('supervision_exclusions').values({ kind_a: 'inspection', kind_b: 'investment_supervision', legal_source: 'thử', to_confirm: true }).execute();
    const again = await t.call('POST', '/api/supervision/boards', {
      cookie: editor(),
      body: boardBody([{ name: 'Hà Văn Sơn' }], { kind: 'investment_supervision', projectName: 'Kênh mương nội đồng', investor: 'UBND xã' }),
    });
    await t.db.deleteFrom('supervision_exclusions').where('kind_b', '=', 'investment_supervision').where('kind_a', '=', 'inspection').execute();
    expect(again.statusCode).toBe(400);
    expect(again.json().error.details[0]).toMatchObject({ code: 'excluded_member', name: 'Hà Văn Sơn' });
  });

  it('requires a project for an investment supervision board', async () => {
    const res = await t.call('POST', '/api/supervision/boards', { cookie: editor(), body: boardBody([{ name: 'Vũ Thị Lan' }], { kind: 'investment_supervision' }) });
    expect(res.json().error).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ path: 'body.projectName' }] });
  });
});

describe('recommendations', () => {
  const activity = (recommendations: Record<string, unknown>[], body: Record<string, unknown> = {}) =>
    t.call('POST', '/api/supervision/activities', {
      cookie: editor(),
      body: { unitId: ids.commune, kind: 'supervision', heldOn: addDaysIso(TODAY, -40), subject: 'Thu, chi quỹ xây dựng nông thôn mới', findings: 'Chưa công khai chi tiết khoản chi', recommendations, ...body },
    });
  const rec = (sentOn: string, dueOn: string) => ({ content: 'Công khai chi tiết các khoản chi', addressee: 'Ủy ban nhân dân xã', sentOn, dueOn });

  it('computes each state on Viet Nam\'s day and lists the overdue ones, whose count is the work queue\'s', async () => {
    const res = await activity([rec(addDaysIso(TODAY, -30), addDaysIso(TODAY, -1)), rec(addDaysIso(TODAY, -30), addDaysIso(TODAY, 10))]);
    expect(res.statusCode, res.body).toBe(201);
    const page: RecommendationPage = (await t.call('GET', `/api/supervision/recommendations?unitId=${ids.commune}&state=overdue&limit=200`, { cookie: editor() })).json();
    expect(page.items.length).toBeGreaterThan(0);
    expect(page.items.every((r) => r.state === 'overdue' && r.dueOn < TODAY)).toBe(true);
    const queue: WorkQueue = (await t.call('GET', '/api/work-queue', { cookie: editor() })).json();
    expect(queue.units.find((u) => u.unit.id === ids.commune)?.supervisionOverdue).toBe(page.total);
  });

  it('refuses an answer dated before the recommendation was sent, and takes a later one once (CONFLICT on a stale version)', async () => {
    const sent = addDaysIso(TODAY, -20);
    await activity([rec(sent, addDaysIso(TODAY, 5))]);
    const page: RecommendationPage = (await t.call('GET', `/api/supervision/recommendations?unitId=${ids.commune}&state=open&limit=200`, { cookie: editor() })).json();
    const r = page.items.find((x) => x.sentOn === sent)!;
    const before = await counts();
    const early = await t.call('POST', `/api/supervision/recommendations/${r.id}/answer`, { cookie: editor(), body: { answeredOn: addDaysIso(sent, -1), answerKind: 'answered', version: r.version } });
    expect(early.statusCode).toBe(400);
    expect(early.json().error).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ path: 'body.answeredOn', code: 'before_sent' }] });
    expect(await counts()).toEqual(before);
    const answer = (answerKind: string) => t.call('POST', `/api/supervision/recommendations/${r.id}/answer`, { cookie: editor(), body: { answeredOn: sent, answerKind, answer: 'Đã niêm yết', version: r.version } });
    const [a, b] = await Promise.all([answer('partly'), answer('answered')]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const won = a.statusCode === 200 ? a : b;
    expect(won.json().state).toBe(won === a ? 'partly' : 'answered');
    expect((await t.call('POST', `/api/supervision/recommendations/${r.id}/answer`, { cookie: cookies['ninhbinh.viewer'], body: { answeredOn: sent, answerKind: 'answered', version: 2 } })).statusCode).toBe(403);
  });

  it('answers the supervision just created (the one returned), and a new answer audits the one it replaces', async () => {
    const sent = addDaysIso(TODAY, -25);
    const created = await activity([rec(sent, addDaysIso(TODAY, 5))], { subject: 'Công khai dự toán ngân sách xã' });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ items: [{ subject: 'Công khai dự toán ngân sách xã', recommendationCount: 1 }], total: 1 });
    const activityId: string = created.json().items[0].id;
    const page: RecommendationPage = (await t.call('GET', `/api/supervision/recommendations?unitId=${ids.commune}&limit=200`, { cookie: editor() })).json();
    const r = page.items.find((x) => x.activityId === activityId)!;
    const answer = (answerKind: string, text: string, version: number) =>
      t.call('POST', `/api/supervision/recommendations/${r.id}/answer`, { cookie: editor(), body: { answeredOn: sent, answerKind, answer: text, version } });
    const first = await answer('partly', 'Mới niêm yết một phần', r.version);
    expect(first.statusCode, first.body).toBe(200);
    const second = await answer('answered', 'Đã niêm yết đầy đủ', first.json().version);
    expect(second.json()).toMatchObject({ answerKind: 'answered', answer: 'Đã niêm yết đầy đủ', state: 'answered' });
    const audit = await t.db.selectFrom('audit_log').select(['before', 'after']).where('record_type', '=', 'supervision_recommendation').where('record_id', '=', r.id).orderBy('id').execute();
    expect(audit).toEqual([
      { before: { answeredOn: null, answerKind: null, answer: null }, after: { answeredOn: sent, answerKind: 'partly', answer: 'Mới niêm yết một phần' } },
      { before: { answeredOn: sent, answerKind: 'partly', answer: 'Mới niêm yết một phần' }, after: { answeredOn: sent, answerKind: 'answered', answer: 'Đã niêm yết đầy đủ' } },
    ]);
  });

  it('refuses a recommendation sent before the supervision, writing neither the supervision nor any recommendation', async () => {
    const before = await counts();
    const res = await activity([rec(addDaysIso(TODAY, -30), addDaysIso(TODAY, 5)), rec(addDaysIso(TODAY, -50), addDaysIso(TODAY, 5))]);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].path).toBe('body.recommendations[1].sentOn');
    expect(await counts()).toEqual(before);
  });
});

describe('figures', () => {
  it('rolls the year up by child unit: the province total is the sum of its communes', async () => {
    const board = await buildBoard(t.db, { unitId: ids.sibling, memberName: 'Ngô Văn Lực', termFrom: `${YEAR - 1}-01-01` });
    await buildActivity(t.db, { unitId: ids.sibling, boardId: board.id, heldOn: `${YEAR}-01-15`, dueOn: `${YEAR}-01-20`, answeredOn: `${YEAR}-01-18`, answerKind: 'answered' });
    await buildActivity(t.db, { unitId: ids.sibling, kind: 'social_criticism', heldOn: `${YEAR}-01-16`, dueOn: `${YEAR}-01-20` });
    await buildActivity(t.db, { unitId: ids.sibling, heldOn: `${YEAR - 1}-05-01` });
    const f: Figures = (await t.call('GET', `/api/supervision/figures?unitId=${ids.ninhBinh}&year=${YEAR}`, { cookie: cookies['ninhbinh.viewer'] })).json();
    const sibling = f.children.find((c) => c.unit.id === ids.sibling)!;
    expect(sibling).toMatchObject({ boardsInOffice: 1, boardFindings: 1, frontSupervisions: 0, frontCriticisms: 1, recommendations: 2, answered: 1, partly: 0 });
    expect(sibling.overdue).toBe(`${YEAR}-01-20` < TODAY ? 1 : 0);
    for (const k of ['boardsInOffice', 'recommendations', 'answered', 'partly', 'overdue', 'frontCriticisms'] as const) {
      expect(f.total[k], k).toBe(f.own[k] + f.children.reduce((n, c) => n + c[k], 0));
    }
    // What the list of overdue recommendations of the province counts for the year, the figures say too.
    const overdue: RecommendationPage = (await t.call('GET', `/api/supervision/recommendations?unitId=${ids.ninhBinh}&state=overdue&year=${YEAR}&limit=1`, { cookie: cookies['ninhbinh.viewer'] })).json();
    expect(f.total.overdue).toBe(overdue.total);
  });
});
