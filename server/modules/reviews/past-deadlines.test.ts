/**
 * A deadline being set lies today or later (Viet Nam time): a review's key task and a reception
 * commitment with a past deadline are refused with DEADLINE_IN_PAST and nothing is written. A task
 * already overdue keeps its deadline through other edits; the demo writes its history as of the
 * day it happened.
 */
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { todayInVietnam } from '../../../common/units.js';
import { SYSTEM_ACTOR } from '../../http/access.js';
import { buildUser, unitByCode } from '../../test/factories.js';
import { createTestApp, type TestApp } from '../../test/test-app.js';
import { createSession } from '../petitions/reception.service.js';
import type { ReviewDetail, ReviewTask } from './reviews.schema.js';
import { createTask } from './reviews.service.js';

let t: TestApp;
let editor: string;
let ids: { hanoi: string; baDinh: string };
let review: ReviewDetail;

const TODAY = todayInVietnam();
const addDays = (iso: string, n: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const YESTERDAY = addDays(TODAY, -1);

beforeAll(async () => {
  t = await createTestApp();
  const hanoi = await unitByCode(t.db, 'province', '01');
  const baDinh = await unitByCode(t.db, 'commune', '00004');
  ids = { hanoi: hanoi.id, baDinh: baDinh.id };
  await buildUser(t.db, { username: 'pd.editor', grants: [{ unitId: hanoi.id, role: 'editor' }] });
  editor = await t.login('pd.editor');
  // Last year's review: its key tasks are the work of this year and the next.
  const year = Number(TODAY.slice(0, 4)) - 1;
  const res = await t.call('POST', '/api/reviews', { cookie: editor, body: { unitId: hanoi.id, period: 'year', year } });
  expect(res.statusCode, res.body).toBe(201);
  review = res.json<ReviewDetail>();
});

const counts = async () =>
  (await sql<{ tasks: number; commitments: number; sessions: number }>`
    select (select count(*)::int from review_tasks) as tasks, (select count(*)::int from reception_commitments) as commitments,
      (select count(*)::int from reception_sessions) as sessions`.execute(t.db)).rows[0]!;

describe("a review's key task", () => {
  it('is refused with a deadline before today, and accepted from today on', async () => {
    const before = await counts();
    const past = await t.call('POST', `/api/reviews/${review.id}/tasks`, { cookie: editor, body: { content: 'Nhân rộng mô hình', ownerUnitId: ids.hanoi, deadline: YESTERDAY } });
    expect(past.statusCode).toBe(400);
    expect(past.json().error).toMatchObject({ code: 'DEADLINE_IN_PAST', details: [{ path: 'body.deadline', today: TODAY }] });
    expect(await counts()).toEqual(before);
    const today = await t.call('POST', `/api/reviews/${review.id}/tasks`, { cookie: editor, body: { content: 'Nhân rộng mô hình', ownerUnitId: ids.hanoi, deadline: TODAY } });
    expect(today.statusCode, today.body).toBe(201);
    expect(today.json<ReviewTask>().overdue).toBe(false);
  });

  it('may not be moved into the past, but an overdue one keeps its deadline through other edits', async () => {
    const created = await t.call('POST', `/api/reviews/${review.id}/tasks`, { cookie: editor, body: { content: 'Rà soát dữ liệu', ownerUnitId: ids.baDinh, deadline: addDays(TODAY, 30) } });
    const task = created.json<ReviewTask>();
    const moved = await t.call('PATCH', `/api/review-tasks/${task.id}`, { cookie: editor, body: { deadline: YESTERDAY, version: task.version } });
    expect(moved.statusCode).toBe(400);
    expect(moved.json().error.code).toBe('DEADLINE_IN_PAST');
    // Time passes: the task is overdue now.
    await sql`update review_tasks set deadline = ${YESTERDAY} where id = ${task.id}`.execute(t.db);
    const renamed = await t.call('PATCH', `/api/review-tasks/${task.id}`, { cookie: editor, body: { content: 'Rà soát, cập nhật dữ liệu', deadline: YESTERDAY, version: task.version } });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(renamed.json<ReviewTask>()).toMatchObject({ content: 'Rà soát, cập nhật dữ liệu', deadline: YESTERDAY, overdue: true });
    const twoDaysAgo = await t.call('PATCH', `/api/review-tasks/${task.id}`, { cookie: editor, body: { deadline: addDays(TODAY, -2), version: task.version + 1 } });
    expect(twoDaysAgo.json().error.code).toBe('DEADLINE_IN_PAST');
  });

  it('is written as of another day by the demo, which records history', async () => {
    const task = await createTask(t.app.ctx, SYSTEM_ACTOR, review.id, { content: 'Việc của năm trước', ownerUnitId: ids.hanoi, deadline: review.to, note: null }, review.to);
    expect(task.deadline).toBe(review.to);
  });
});

describe('a reception commitment', () => {
  const session = (deadlines: string[]) => ({
    kind: 'dialogue',
    unitId: ids.baDinh,
    heldOn: TODAY,
    title: 'Đối thoại với nhân dân',
    presiding: 'Chủ tịch UBND phường',
    issues: [{ summary: 'Đường ngập' }],
    commitments: deadlines.map((deadline, i) => ({ description: `Cam kết ${i + 1}`, owner: 'Phó Chủ tịch', deadline })),
  });

  it('is refused with a deadline before today: the whole session waits, nothing is written', async () => {
    const before = await counts();
    const res = await t.call('POST', '/api/reception-sessions', { cookie: editor, body: session([TODAY, YESTERDAY]) });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'DEADLINE_IN_PAST', details: [{ path: 'body.commitments.1.deadline' }] });
    expect(await counts()).toEqual(before);
    const ok = await t.call('POST', '/api/reception-sessions', { cookie: editor, body: session([TODAY, addDays(TODAY, 10)]) });
    expect(ok.statusCode, ok.body).toBe(201);
  });

  it('of a session recorded as of its day (the demo) may be due before today', async () => {
    const id = await createSession(t.app.ctx, SYSTEM_ACTOR, { ...session([YESTERDAY]), kind: 'dialogue', heldOn: addDays(TODAY, -3), attendees: undefined, notes: undefined }, addDays(TODAY, -3));
    expect(id).toBeTruthy();
  });
});
