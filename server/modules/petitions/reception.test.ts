import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { todayInVietnam } from '../../../common/units.js';
import { buildUser, unitByCode } from '../../test/factories.js';
import { createTestApp, type TestApp } from '../../test/test-app.js';
import { buildPetition } from './petitions.factories.js';

let t: TestApp;
let ids: { hanoi: string; baDinh: string; ninhBinh: string };
const cookies: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp();
  const hanoi = await unitByCode(t.db, 'province', '01');
  const baDinh = await unitByCode(t.db, 'commune', '00004');
  const ninhBinh = await unitByCode(t.db, 'province', '37');
  ids = { hanoi: hanoi.id, baDinh: baDinh.id, ninhBinh: ninhBinh.id };
  for (const [name, unitId, role] of [
    ['editor', baDinh.id, 'editor'],
    ['viewer', hanoi.id, 'viewer'],
    ['other', ninhBinh.id, 'editor'],
  ] as const) {
    await buildUser(t.db, { username: `rc.${name}`, grants: [{ unitId, role }] });
    cookies[name] = await t.login(`rc.${name}`);
  }
});

describe('reception sessions and dialogue conferences', () => {
  it('records a dialogue with issues linked to petitions and commitments tracked to done', async () => {
    const petition = await buildPetition(t.db, { unitId: ids.baDinh, title: 'Ngập úng ngõ 12' });
    const res = await t.call('POST', '/api/reception-sessions', {
      cookie: cookies.editor,
      body: {
        kind: 'dialogue',
        unitId: ids.baDinh,
        heldOn: '2026-06-15',
        title: 'Đối thoại với nhân dân phường Ba Đình',
        presiding: 'Chủ tịch UBND phường',
        attendees: 'Đại diện MTTQ, các tổ dân phố',
        issues: [{ summary: 'Ngập úng ngõ 12 khi mưa lớn', petitionId: petition.id }, { summary: 'Đèn đường hỏng' }],
        commitments: [
          // Due today when written (a deadline in the past is refused); overdue once time has passed, below.
          { description: 'Nạo vét cống ngõ 12', owner: 'Phó Chủ tịch UBND', deadline: todayInVietnam(), issueIndex: 0 },
          { description: 'Thay bóng đèn', owner: 'Tổ dân phố 3', deadline: '2099-01-01', issueIndex: 1 },
        ],
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    await sql`update reception_commitments set deadline = '2026-07-15' where session_id = ${res.json().id} and description = 'Nạo vét cống ngõ 12'`.execute(t.db);
    const d = (await t.call('GET', `/api/reception-sessions/${res.json().id}`, { cookie: cookies.editor })).json();
    expect(d.issues[0].petition).toMatchObject({ id: petition.id, title: 'Ngập úng ngõ 12' });
    expect(d.commitmentList.map((c: { state: string }) => c.state)).toEqual(['overdue', 'open']);
    expect(d.commitments).toEqual({ total: 2, done: 0, overdue: 1 });
    const first = d.commitmentList[0].id;
    // A viewer reads but does not complete.
    expect((await t.call('GET', `/api/reception-sessions/${d.id}`, { cookie: cookies.viewer })).statusCode).toBe(200);
    expect((await t.call('POST', `/api/reception-sessions/${d.id}/commitments/${first}/done`, { cookie: cookies.viewer, body: {} })).statusCode).toBe(403);
    const done = await t.call('POST', `/api/reception-sessions/${d.id}/commitments/${first}/done`, { cookie: cookies.editor, body: { note: 'Đã nạo vét xong' } });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json().commitments).toEqual({ total: 2, done: 1, overdue: 0 });
    expect((await t.call('POST', `/api/reception-sessions/${d.id}/commitments/${first}/done`, { cookie: cookies.editor, body: {} })).statusCode).toBe(409);
    expect((await t.call('GET', `/api/reception-sessions/${d.id}`, { cookie: cookies.other })).statusCode).toBe(404);
    const list = await t.call('GET', `/api/reception-sessions?unitId=${ids.hanoi}`, { cookie: cookies.viewer });
    expect(list.json().items.map((s: { id: string }) => s.id)).toContain(d.id);
  });

  it('refuses a petition the writer cannot read, and writes nothing', async () => {
    const foreign = await buildPetition(t.db, { unitId: ids.ninhBinh });
    const before = await t.db.selectFrom('reception_sessions').select(t.db.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    const res = await t.call('POST', '/api/reception-sessions', {
      cookie: cookies.editor,
      body: { kind: 'reception', unitId: ids.baDinh, heldOn: '2026-06-16', title: 'Tiếp công dân định kỳ', presiding: 'Bí thư', issues: [{ summary: 'x', petitionId: foreign.id }] },
    });
    expect(res.statusCode).toBe(400);
    const after = await t.db.selectFrom('reception_sessions').select(t.db.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
  });
});
