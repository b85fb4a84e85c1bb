/**
 * A conference's reviewed period is the officer's choice, never a default: the API needs it, and
 * a day held before half of the chosen period has passed (a 2021–2025 review saved as Quarter
 * 1/2026) is refused with its own code, on creation and on an edit of the day or the period.
 */
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { earliestReviewDay } from '../../../common/review-period.js';
import { buildUser, unitByCode } from '../../test/factories.js';
import { createTestApp, type TestApp } from '../../test/test-app.js';
import type { ReviewConference } from './conferences.schema.js';

let t: TestApp;
let editor: string;
let hanoi: string;

beforeAll(async () => {
  t = await createTestApp();
  hanoi = (await unitByCode(t.db, 'province', '01')).id;
  await buildUser(t.db, { username: 'cp.editor', grants: [{ unitId: hanoi, role: 'editor' }] });
  editor = await t.login('cp.editor');
});

const conferences = async () => (await sql<{ n: number }>`select count(*)::int as n from review_conferences`.execute(t.db)).rows[0]!.n;
const create = (body: Record<string, unknown>) => t.call('POST', '/api/review-conferences', { cookie: editor, body: { unitId: hanoi, title: 'Hội nghị tổng kết phong trào thi đua', ...body } });

describe('the middle of a period', () => {
  it('is the first day a conference reviewing it may be held', () => {
    expect(earliestReviewDay({ start: '2026-01-01', end: '2026-03-31' })).toBe('2026-02-14');
    expect(earliestReviewDay({ start: '2026-01-01', end: '2026-12-31' })).toBe('2026-07-02');
    expect(earliestReviewDay({ start: '2021-01-01', end: '2025-12-31' })).toBe('2023-07-02');
    expect(earliestReviewDay({ start: '2026-05-05', end: '2026-05-05' })).toBe('2026-05-05');
  });
});

describe('the period of a conference', () => {
  it('is required: a conference without one is refused and nothing is written', async () => {
    const before = await conferences();
    const res = await create({ heldOn: '2026-01-15' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(JSON.stringify(res.json().error.details)).toMatch(/period/);
    expect(await conferences()).toBe(before);
  });

  it('refuses a conference held before half of the chosen period has passed, naming the first possible day', async () => {
    const before = await conferences();
    // The 2021–2025 review of 15/01/2026, with the quarter a form once chose by itself.
    const res = await create({ heldOn: '2026-01-15', period: { periodKind: 'quarter', year: 2026, quarter: 1 } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'CONFERENCE_TOO_EARLY', details: [{ path: 'body.heldOn', earliest: '2026-02-14' }] });
    const thisYear = await create({ heldOn: '2026-03-01', period: { periodKind: 'year', year: 2026 } });
    expect(thisYear.json().error).toMatchObject({ code: 'CONFERENCE_TOO_EARLY', details: [{ earliest: '2026-07-02' }] });
    expect(await conferences()).toBe(before);

    const ep = await t.db.selectFrom('emulation_periods').select('id').where('start_year', '=', 2021).executeTakeFirstOrThrow();
    const right = await create({ heldOn: '2026-01-15', period: { periodKind: 'emulation_period', emulationPeriodId: ep.id } });
    expect(right.statusCode, right.body).toBe(201);
    expect(right.json<ReviewConference>()).toMatchObject({ periodKind: 'emulation_period', periodStart: '2021-01-01', periodEnd: '2025-12-31' });
    // A quarter's review from the middle of the quarter on.
    expect((await create({ heldOn: '2026-02-14', period: { periodKind: 'quarter', year: 2026, quarter: 1 } })).statusCode).toBe(201);
  });

  it('checks an edit of the day or the period, and lets an older record keep its dates through other edits', async () => {
    const created = await create({ heldOn: '2026-04-05', period: { periodKind: 'quarter', year: 2026, quarter: 1 } });
    const c = created.json<ReviewConference>();
    const toNextQuarter = await t.call('PATCH', `/api/review-conferences/${c.id}`, { cookie: editor, body: { period: { periodKind: 'quarter', year: 2026, quarter: 2 }, version: 1 } });
    expect(toNextQuarter.statusCode).toBe(400);
    expect(toNextQuarter.json().error.code).toBe('CONFERENCE_TOO_EARLY');
    const earlier = await t.call('PATCH', `/api/review-conferences/${c.id}`, { cookie: editor, body: { heldOn: '2026-01-20', version: 1 } });
    expect(earlier.json().error.code).toBe('CONFERENCE_TOO_EARLY');
    expect((await t.call('GET', `/api/review-conferences/${c.id}`, { cookie: editor })).json<ReviewConference>()).toMatchObject({ heldOn: '2026-04-05', quarter: 1, version: 1 });
    // A record written before the rule, held early: its title can still be corrected.
    await sql`update review_conferences set held_on = '2026-01-10' where id = ${c.id}`.execute(t.db);
    const title = await t.call('PATCH', `/api/review-conferences/${c.id}`, { cookie: editor, body: { title: 'Hội nghị sơ kết quý I', version: 1 } });
    expect(title.statusCode, title.body).toBe(200);
  });
});
