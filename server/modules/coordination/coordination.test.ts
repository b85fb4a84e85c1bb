import { beforeAll, describe, expect, it } from 'vitest';
import type { CoordinationProgramDetail, CoordinationProgramPage, CoordinationYearlyPlan, ForceList } from '../../../common/coordination.js';
import { LOCALES } from '../../../common/access.js';
import { todayInVietnam } from '../../../common/units.js';
import { buildUser, rootUnit, unitByCode } from '../../test/factories.js';
import { createTestApp, type TestApp } from '../../test/test-app.js';
import { loadDemoCoordination } from '../../demo/demo-coordination.js';
import { buildTask } from '../tasks/tasks.factories.js';
import { buildProgram, buildYearlyPlan } from './coordination.factories.js';

let t: TestApp;
const cookies: Record<string, string> = {};
let ids: { ninhBinh: string; commune: string; hanoi: string };
const TODAY = todayInVietnam();
/** The program runs from three years ago to next year, so this year's items can be reported on and closed. */
const YEAR = Number(TODAY.slice(0, 4));

beforeAll(async () => {
  t = await createTestApp();
  const root = await rootUnit(t.db);
  const ninhBinh = await unitByCode(t.db, 'province', '37');
  const hanoi = await unitByCode(t.db, 'province', '01');
  const commune = await t.db.selectFrom('units').select('id').where('parent_id', '=', ninhBinh.id).where('valid_to', 'is', null).orderBy('id').executeTakeFirstOrThrow();
  ids = { ninhBinh: ninhBinh.id, commune: commune.id, hanoi: hanoi.id };
  const users: [string, string, 'system_admin' | 'editor' | 'viewer'][] = [
    ['cp.admin', root.id, 'system_admin'],
    ['cp.ninhbinh.editor', ninhBinh.id, 'editor'],
    ['cp.commune.viewer', commune.id, 'viewer'],
    ['cp.commune.editor', commune.id, 'editor'],
    ['cp.hanoi.viewer', hanoi.id, 'viewer'],
  ];
  for (const [username, unitId, role] of users) {
    await buildUser(t.db, { username, grants: [{ unitId, role }] });
    cookies[username.slice(3)] = await t.login(username);
  }
}, 180_000);

/** Rows a refused request must leave alone, and the audit trail. */
async function counts() {
  const n = async (table: 'policy_documents' | 'coordination_programs' | 'implementation_plans' | 'forces' | 'audit_log') =>
    Number((await t.db.selectFrom(table).select(t.db.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);
  return {
    documents: await n('policy_documents'),
    programs: await n('coordination_programs'),
    plans: await n('implementation_plans'),
    forces: await n('forces'),
    audit: await n('audit_log'),
  };
}

const programBody = (extra: Record<string, unknown> = {}) => ({
  partyUnitId: ids.ninhBinh,
  forceCode: 'coast_guard',
  forceBody: 'Bộ Tư lệnh Vùng Cảnh sát biển 1',
  periodFrom: `${YEAR - 3}-01-01`,
  periodTo: `${YEAR + 1}-12-31`,
  document: { number: '12', symbol: 'CTrPH/TU', issuedOn: `${YEAR - 3}-03-15`, title: 'Chương trình phối hợp công tác dân vận' },
  ...extra,
});

const detail = async (id: string, cookie = cookies['ninhbinh.editor']): Promise<CoordinationProgramDetail> => {
  const res = await t.call('GET', `/api/coordination-programs/${id}`, { cookie });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};

describe('forces', () => {
  it('lists the four seeded forces with their names in the seven languages', async () => {
    const res = await t.call('GET', '/api/forces', { cookie: cookies['commune.viewer'] });
    expect(res.statusCode).toBe(200);
    const forces = (res.json() as ForceList).items.filter((f) => f.builtin);
    expect(forces.map((f) => f.code)).toEqual(['army', 'police', 'border_guard', 'coast_guard']);
    for (const f of forces) expect(Object.keys(f.names).sort()).toEqual([...LOCALES].sort());
    expect(forces.find((f) => f.code === 'coast_guard')!.names.vi).toBe('Cảnh sát biển Việt Nam');
    expect(forces.find((f) => f.code === 'border_guard')!.names.vi).toBe('Bộ đội Biên phòng Việt Nam');
  });

  it('lets only a system administrator add a force, and a taken code is ALREADY_EXISTS', async () => {
    const body = { code: 'militia', names: { vi: 'Dân quân tự vệ', en: 'Militia and self-defence force' } };
    const before = await counts();
    expect((await t.call('POST', '/api/forces', { cookie: cookies['ninhbinh.editor'], body })).statusCode).toBe(403);
    expect(await counts()).toEqual(before);
    const res = await t.call('POST', '/api/forces', { cookie: cookies.admin, body });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ code: 'militia', builtin: false, sortOrder: 100 });
    const again = await t.call('POST', '/api/forces', { cookie: cookies.admin, body });
    expect(again.json().error).toMatchObject({ code: 'ALREADY_EXISTS' });
    const audit = await t.db.selectFrom('audit_log').select('action').where('record_type', '=', 'force').where('record_id', '=', 'militia').execute();
    expect(audit.map((a) => a.action)).toEqual(['force.create']);
  });
});

describe('creating a program', () => {
  it('refuses an unknown force on body.forceCode and writes nothing', async () => {
    const before = await counts();
    const res = await t.call('POST', '/api/coordination-programs', { cookie: cookies['ninhbinh.editor'], body: programBody({ forceCode: 'navy' }) });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ path: 'body.forceCode' }] });
    expect(await counts()).toEqual(before);
  });

  it('refuses a period that ends before it starts, and a commune editor on the province (a unit it does not read: 404)', async () => {
    const before = await counts();
    const inverted = await t.call('POST', '/api/coordination-programs', { cookie: cookies['ninhbinh.editor'], body: programBody({ periodTo: `${YEAR - 4}-12-31` }) });
    expect(inverted.json().error).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ path: 'body.periodTo' }] });
    const below = await t.call('POST', '/api/coordination-programs', { cookie: cookies['commune.editor'], body: programBody() });
    expect(below.json().error).toMatchObject({ code: 'NOT_FOUND', details: { what: 'unit' } });
    expect(await counts()).toEqual(before);
  });

  it('writes the document (a draft of kind coordination_program issued by the party unit) and the program in one go, with one audit entry', async () => {
    const before = await counts();
    const res = await t.call('POST', '/api/coordination-programs', { cookie: cookies['ninhbinh.editor'], body: programBody() });
    expect(res.statusCode, res.body).toBe(201);
    const program: CoordinationProgramDetail = res.json();
    expect(program).toMatchObject({
      partyUnit: { id: ids.ninhBinh },
      force: { code: 'coast_guard' },
      forceBody: 'Bộ Tư lệnh Vùng Cảnh sát biển 1',
      document: { numberAndSymbol: '12-CTrPH/TU', status: 'draft' },
      yearlyPlans: [],
      can: { edit: true, addYear: false },
    });
    const doc = await t.db.selectFrom('policy_documents').select(['kind', 'issuing_unit_id', 'status']).where('id', '=', program.id).executeTakeFirstOrThrow();
    expect(doc).toEqual({ kind: 'coordination_program', issuing_unit_id: ids.ninhBinh, status: 'draft' });
    const after = await counts();
    expect(after).toEqual({ ...before, documents: before.documents + 1, programs: before.programs + 1, audit: before.audit + 1 });
  });
});

describe('yearly plans', () => {
  let programId: string;

  beforeAll(async () => {
    programId = (await t.call('POST', '/api/coordination-programs', { cookie: cookies['ninhbinh.editor'], body: programBody({ document: { number: '13', symbol: 'CTrPH/TU', issuedOn: `${YEAR - 3}-04-01`, title: 'Chương trình phối hợp với Cảnh sát biển' } }) })).json().id;
  });

  it('are refused while the program is a draft', async () => {
    const before = await counts();
    const res = await t.call('POST', `/api/coordination-programs/${programId}/years`, { cookie: cookies['ninhbinh.editor'], body: { year: YEAR } });
    expect(res.json().error).toMatchObject({ code: 'INVALID_TRANSITION' });
    expect(await counts()).toEqual(before);
  });

  it('refuses a year outside the period with INVALID_RANGE on body.year and writes nothing', async () => {
    const issued = await t.call('POST', `/api/policy-documents/${programId}/issue`, { cookie: cookies.admin, body: { version: 1 } });
    expect(issued.statusCode, issued.body).toBe(200);
    for (const year of [YEAR - 4, YEAR + 2]) {
      const before = await counts();
      const res = await t.call('POST', `/api/coordination-programs/${programId}/years`, { cookie: cookies['ninhbinh.editor'], body: { year } });
      expect(res.statusCode).toBe(400);
      expect(res.json().error).toMatchObject({ code: 'INVALID_RANGE', details: [{ path: 'body.year', min: YEAR - 3, max: YEAR + 1 }] });
      expect(await counts()).toEqual(before);
    }
  });

  it('makes one plan per year, 1 January to 31 December; the second is ALREADY_EXISTS with the first id', async () => {
    const before = await counts();
    const res = await t.call('POST', `/api/coordination-programs/${programId}/years`, { cookie: cookies['ninhbinh.editor'], body: { year: YEAR } });
    expect(res.statusCode, res.body).toBe(201);
    const plan: CoordinationYearlyPlan = res.json();
    expect(plan).toMatchObject({ year: YEAR, startsOn: `${YEAR}-01-01`, endsOn: `${YEAR}-12-31`, items: [], totals: { leaves: 0, done: 0, open: 0, overdue: 0 } });
    expect(await counts()).toEqual({ ...before, plans: before.plans + 1, audit: before.audit + 1 });
    const mid = await counts();
    const again = await t.call('POST', `/api/coordination-programs/${programId}/years`, { cookie: cookies['ninhbinh.editor'], body: { year: YEAR } });
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toMatchObject({ code: 'ALREADY_EXISTS', details: { planId: plan.id } });
    expect(await counts()).toEqual(mid);
    expect((await detail(programId)).years).toEqual([YEAR]);
  });

  it('clips the year to the period', async () => {
    const p = await buildProgram(t.db, { unitId: ids.ninhBinh, periodFrom: `${YEAR - 1}-06-01`, periodTo: `${YEAR + 2}-05-31` });
    const first = await t.call('POST', `/api/coordination-programs/${p.id}/years`, { cookie: cookies['ninhbinh.editor'], body: { year: YEAR - 1 } });
    expect(first.json()).toMatchObject({ startsOn: `${YEAR - 1}-06-01`, endsOn: `${YEAR - 1}-12-31` });
    const last = await t.call('POST', `/api/coordination-programs/${p.id}/years`, { cookie: cookies['ninhbinh.editor'], body: { year: YEAR + 2 } });
    expect(last.json()).toMatchObject({ startsOn: `${YEAR + 2}-01-01`, endsOn: `${YEAR + 2}-05-31` });
  });

  it("counts the plan's items and shows each item's latest result", async () => {
    const p = await buildProgram(t.db, { unitId: ids.ninhBinh, periodFrom: `${YEAR - 3}-01-01`, periodTo: `${YEAR + 1}-12-31` });
    const plan: CoordinationYearlyPlan = (await t.call('POST', `/api/coordination-programs/${p.id}/years`, { cookie: cookies['ninhbinh.editor'], body: { year: YEAR } })).json();
    const give = await t.call('POST', `/api/implementation-plans/${plan.id}/tasks`, {
      cookie: cookies['ninhbinh.editor'],
      body: { content: 'Phối hợp tuyên truyền pháp luật về biển cho ngư dân', expectedOutput: 'Báo cáo kết quả tuyên truyền', startsOn: `${YEAR}-01-01`, deadline: `${YEAR}-12-31`, ownerUnitIds: [ids.ninhBinh, ids.commune] },
    });
    expect(give.statusCode, give.body).toBe(201);
    const [own, communes] = give.json().items as { id: string }[];
    const report = await t.call('POST', `/api/tasks/${own!.id}/reports`, { cookie: cookies['ninhbinh.editor'], body: { reportedOn: TODAY, text: 'Đã tổ chức 12 buổi tuyên truyền cho hơn 800 ngư dân', percent: 100 } });
    expect(report.statusCode, report.body).toBe(201);
    const done = await t.call('POST', `/api/tasks/${own!.id}/done`, { cookie: cookies['ninhbinh.editor'], body: { version: 1 } });
    expect(done.statusCode, done.body).toBe(200);
    // An item already past its deadline (written directly: the API refuses a deadline in the past).
    await buildTask(t.db, { planId: plan.id, ownerUnitId: ids.commune, content: 'Phối hợp giúp dân khắc phục hậu quả bão', startsOn: `${YEAR}-01-01`, deadline: `${YEAR}-01-01` });
    const overdue = TODAY > `${YEAR}-01-01` ? 1 : 0;
    const shown = (await detail(p.id)).yearlyPlans[0]!;
    expect(shown.totals).toEqual({ leaves: 3, done: 1, open: 2, overdue });
    const item = shown.items.find((i) => i.id === own!.id)!;
    expect(item).toMatchObject({ status: 'done', latestResult: { reportedOn: TODAY, text: 'Đã tổ chức 12 buổi tuyên truyền cho hơn 800 ngư dân', percent: 100 } });
    expect(shown.items.find((i) => i.id === communes!.id)!.latestResult).toBeNull();
  });
});

describe('changing a program', () => {
  it('lets one of two concurrent changes win; the other gets CONFLICT with the current version', async () => {
    const p = await buildProgram(t.db, { unitId: ids.ninhBinh });
    const [a, b] = await Promise.all([
      t.call('PATCH', `/api/coordination-programs/${p.id}`, { cookie: cookies['ninhbinh.editor'], body: { forceBody: 'Hải đoàn 11, Vùng Cảnh sát biển 1', version: 1 } }),
      t.call('PATCH', `/api/coordination-programs/${p.id}`, { cookie: cookies['ninhbinh.editor'], body: { periodTo: '2028-12-31', version: 1 } }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const loser = a.statusCode === 409 ? a : b;
    expect(loser.json().error).toMatchObject({ code: 'CONFLICT', details: { currentVersion: 2 } });
    expect((await detail(p.id)).version).toBe(2);
    const audit = await t.db.selectFrom('audit_log').select('action').where('record_type', '=', 'coordination_program').where('record_id', '=', p.id).execute();
    expect(audit.map((r) => r.action)).toEqual(['coordination_program.update']);
  });

  it('refuses a period that would leave a yearly plan outside it, and writes nothing', async () => {
    const p = await buildProgram(t.db, { unitId: ids.ninhBinh, periodFrom: '2023-01-01', periodTo: '2027-12-31' });
    await buildYearlyPlan(t.db, p.id, 2026);
    const before = await counts();
    const res = await t.call('PATCH', `/api/coordination-programs/${p.id}`, { cookie: cookies['ninhbinh.editor'], body: { periodTo: '2025-12-31', version: 1 } });
    expect(res.json().error).toMatchObject({ code: 'INVALID_RANGE', details: [{ path: 'body.periodTo', years: [2026] }] });
    expect(await counts()).toEqual(before);
    expect((await detail(p.id))).toMatchObject({ periodTo: '2027-12-31', version: 1 });
  });
});

describe('reading', () => {
  it("lets a commune read its province's program, in the list and alone; another province reads neither", async () => {
    const p = await buildProgram(t.db, { unitId: ids.ninhBinh, title: 'Chương trình phối hợp đọc từ xã' });
    const one = await t.call('GET', `/api/coordination-programs/${p.id}`, { cookie: cookies['commune.viewer'] });
    expect(one.statusCode, one.body).toBe(200);
    expect(one.json()).toMatchObject({ id: p.id, can: { edit: false, addYear: false } });
    const list = await t.call('GET', `/api/coordination-programs?unitId=${ids.commune}&force=coast_guard&limit=200`, { cookie: cookies['commune.viewer'] });
    expect((list.json() as CoordinationProgramPage).items.map((i) => i.id)).toContain(p.id);
    expect((await t.call('GET', `/api/coordination-programs/${p.id}`, { cookie: cookies['hanoi.viewer'] })).statusCode).toBe(404);
    const foreign = await t.call('GET', '/api/coordination-programs?limit=200', { cookie: cookies['hanoi.viewer'] });
    expect((foreign.json() as CoordinationProgramPage).items.map((i) => i.id)).not.toContain(p.id);
    const byForce = await t.call('GET', `/api/coordination-programs?unitId=${ids.commune}&force=army&limit=200`, { cookie: cookies['commune.viewer'] });
    expect((byForce.json() as CoordinationProgramPage).items.map((i) => i.id)).not.toContain(p.id);
  });

  it('a commune editor may not change the province program', async () => {
    const p = await buildProgram(t.db, { unitId: ids.ninhBinh });
    const before = await counts();
    const res = await t.call('PATCH', `/api/coordination-programs/${p.id}`, { cookie: cookies['commune.editor'], body: { forceBody: 'Hải đoàn 11', version: 1 } });
    expect(res.statusCode).toBe(403);
    expect(await counts()).toEqual(before);
  });
});

describe('the demo', () => {
  it("adds Ninh Bình's program with the coast guard once, with the 2026 plan's four items, two of them done", async () => {
    expect(await loadDemoCoordination(t.db, t.app.ctx)).toEqual({ coordinationPrograms: 1 });
    expect(await loadDemoCoordination(t.db, t.app.ctx)).toEqual({ coordinationPrograms: 0 });
    const list: CoordinationProgramPage = (await t.call('GET', `/api/coordination-programs?unitId=${ids.commune}&force=coast_guard&limit=200`, { cookie: cookies['commune.viewer'] })).json();
    const demo = list.items.find((p) => p.document.numberAndSymbol === '05-CTrPH/TU')!;
    expect(demo).toMatchObject({ forceBody: 'Bộ Tư lệnh Vùng Cảnh sát biển 1', periodFrom: '2023-01-01', periodTo: '2027-12-31', years: [2026], document: { status: 'issued' } });
    const plan = (await detail(demo.id, cookies['commune.viewer'])).yearlyPlans[0]!;
    expect(plan.totals).toMatchObject({ leaves: 4, done: 2, open: 2 });
    expect(plan.items.filter((i) => i.latestResult).length).toBe(3);
  });
});
