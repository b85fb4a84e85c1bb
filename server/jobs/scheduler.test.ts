/**
 * The scheduler of each process: a job runs once per period however many processes tick, a
 * failure is recorded and retried, a run whose process died is taken over, `stop()` waits.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb, type Db } from '../db/database.js';
import type { Ctx } from '../http/context.js';
import { computeDigest } from '../modules/petitions/petitions-digest.service.js';
import { buildPetition } from '../modules/petitions/petitions.factories.js';
import { buildUser, unitByCode } from '../test/factories.js';
import { createTestDb, type TestDb } from '../test/test-db.js';
import { JOBS } from './jobs.js';
import { periodOf } from './schedule.js';
import { createScheduler, type Job } from './scheduler.js';

let t: TestDb;
// Two "processes": each its own pool on the one database.
let otherDb: Db;
let ctxA: Ctx;
let ctxB: Ctx;
const logs: string[] = [];
const log = (m: string) => logs.push(m);

beforeAll(async () => {
  t = await createTestDb();
  otherDb = createDb(t.url, { max: 5 });
  ctxA = t.ctx;
  ctxB = { db: otherDb, config: t.config };
});
afterAll(() => otherDb.destroy());

const runsOf = (job: string) => t.db.selectFrom('job_runs').selectAll().where('job', '=', job).orderBy('period').execute();
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('periods', () => {
  it('keys a daily job by the Viet Nam date whose hour has passed, a periodic one by its slot', () => {
    const daily = { dailyAt: '00:05' };
    expect(periodOf(daily, new Date('2026-12-04T17:04:59Z'))).toBe('2026-12-04'); // 00:04 on 5 December in Viet Nam
    expect(periodOf(daily, new Date('2026-12-04T17:05:00Z'))).toBe('2026-12-05');
    expect(periodOf({ dailyAt: '23:30' }, new Date('2026-12-05T16:29:00Z'))).toBe('2026-12-04');
    expect(periodOf({ everyMinutes: 15 }, new Date('2026-12-05T07:29:59Z'))).toBe('2026-12-05T07:15Z');
    expect(periodOf({ everyMinutes: 15 }, new Date('2026-12-05T07:30:00Z'))).toBe('2026-12-05T07:30Z');
  });

  it('refuses a schedule no clock reaches', () => {
    expect(() => createScheduler(ctxA, [{ name: 'x', schedule: { dailyAt: '24:00' }, run: async () => {} }], { log })).toThrow(/invalid schedule/);
    expect(() => createScheduler(ctxA, [{ name: 'x', schedule: { everyMinutes: 0 }, run: async () => {} }], { log })).toThrow(/invalid schedule/);
  });
});

describe('two processes', () => {
  it('run a job once per period when they tick at the same moment', async () => {
    let clock = new Date('2026-12-05T01:00:00Z');
    const ran: string[] = [];
    const job: Job = {
      name: 'test.once',
      schedule: { everyMinutes: 10 },
      async run(_ctx, period) {
        ran.push(period);
        await pause(50); // long enough for the other process's claim to arrive while this one runs
      },
    };
    const a = createScheduler(ctxA, [job], { log, now: () => clock });
    const b = createScheduler(ctxB, [job], { log, now: () => clock });
    for (let round = 0; round < 5; round++) {
      await Promise.all([a.tick(), b.tick(), a.tick(), b.tick()]);
      clock = new Date(clock.getTime() + 10 * 60_000);
    }
    expect(ran).toEqual(['2026-12-05T01:00Z', '2026-12-05T01:10Z', '2026-12-05T01:20Z', '2026-12-05T01:30Z', '2026-12-05T01:40Z']);
    const runs = await runsOf('test.once');
    expect(runs.map((r) => [r.attempts, r.finished_at !== null, r.error])).toEqual(Array(5).fill([1, true, null]));
  });

  it('run the real jobs once: one purge, one stored digest', async () => {
    const hanoi = (await unitByCode(t.db, 'province', '01')).id;
    const baDinh = (await unitByCode(t.db, 'commune', '00004')).id;
    await buildPetition(t.db, { unitId: baDinh, receivedOn: '2026-11-02', dueOn: '2026-11-16' });
    await buildPetition(t.db, { unitId: hanoi, receivedOn: '2026-11-20', dueOn: '2026-12-04' });
    const user = await buildUser(t.db, { username: 'jobs.session' });
    await t.db.insertInto('sessions').values({ id: 'expired-session', user_id: user.id, expires_at: new Date(Date.now() - 60_000) }).execute();
    await t.db.insertInto('sessions').values({ id: 'live-session', user_id: user.id, expires_at: new Date(Date.now() + 3_600_000) }).execute();
    await sql`insert into login_failures (key, failures, window_start, locked_until) values
      ('account:stale', 3, now() - interval '1 day', null),
      ('account:was-locked', 5, now() - interval '1 day', now() - interval '1 hour'),
      ('account:locked', 5, now() - interval '1 day', now() + interval '1 hour'),
      ('account:recent', 2, now() - interval '1 minute', null)`.execute(t.db);

    const now = () => new Date('2026-12-05T03:00:00Z'); // 10:00 in Viet Nam
    const a = createScheduler(ctxA, JOBS, { log, now });
    const b = createScheduler(ctxB, JOBS, { log, now });
    await Promise.all([a.tick(), b.tick()]);

    const runs = await t.db.selectFrom('job_runs').select(['job', 'period', 'attempts', 'error']).where('job', 'not like', 'test.%').orderBy('job').execute();
    expect(runs).toEqual([
      { job: 'hotspot-escalation', period: '2026-12-05T03:00Z', attempts: 1, error: null },
      { job: 'leadership-digest', period: '2026-12-05', attempts: 1, error: null },
      { job: 'petition-digest', period: '2026-12-05', attempts: 1, error: null },
      { job: 'petition-identity-erasure', period: '2026-12-05', attempts: 1, error: null },
      { job: 'purge', period: '2026-12-05T03:00Z', attempts: 1, error: null },
      { job: 'report-summaries', period: '2026-12-05T03:00Z', attempts: 1, error: null },
      { job: 'situation-identity-erasure', period: '2026-12-05', attempts: 1, error: null },
    ]);
    expect(logs.filter((l) => l.startsWith('job petition-digest (2026-12-05): digest'))).toHaveLength(1);
    const sessions = await t.db.selectFrom('sessions').select('id').where('user_id', '=', user.id).execute();
    expect(sessions.map((s) => s.id)).toEqual(['live-session']);
    const failures = await t.db.selectFrom('login_failures').select('key').where('key', 'like', 'account:%').orderBy('key').execute();
    expect(failures.map((f) => f.key)).toEqual(['account:locked', 'account:recent']);

    const stored = await t.db.selectFrom('petition_digests').select(['unit_id', 'due_soon', 'overdue', 'escalated_overdue', 'due_soon_until']).where('day', '=', '2026-12-05').orderBy('unit_id').execute();
    const expected = await computeDigest(ctxA, { date: '2026-12-05' });
    expect(stored).toEqual(
      expected.items
        .map((i) => ({ unit_id: i.unit.id, due_soon: i.dueSoon, overdue: i.overdue, escalated_overdue: i.escalatedOverdue, due_soon_until: expected.dueSoonUntil }))
        .sort((x, y) => Number(x.unit_id) - Number(y.unit_id)),
    );
    expect(stored.find((r) => r.unit_id === baDinh)).toMatchObject({ overdue: 1 });
    expect(stored.find((r) => r.unit_id === hanoi)).toMatchObject({ overdue: 1, escalated_overdue: 1 });
  });
});

describe('failures and stops', () => {
  it('records a failed run, keeps going, and runs it again at the next tick', async () => {
    let calls = 0;
    const job: Job = {
      name: 'test.flaky',
      schedule: { dailyAt: '01:00' },
      async run() {
        calls++;
        if (calls === 1) throw new Error('the mail server is down');
        return 'sent';
      },
    };
    const now = () => new Date('2026-12-05T03:00:00Z');
    const a = createScheduler(ctxA, [job], { log, now });
    await a.tick();
    expect((await runsOf('test.flaky'))[0]).toMatchObject({ attempts: 1, finished_at: null, error: 'the mail server is down' });
    expect(logs.some((l) => l.includes('test.flaky') && l.includes('failed') && l.includes('the mail server is down'))).toBe(true);
    // The other process's next tick takes it up.
    await createScheduler(ctxB, [job], { log, now }).tick();
    expect((await runsOf('test.flaky'))[0]).toMatchObject({ attempts: 2, error: null, summary: 'sent' });
    expect((await runsOf('test.flaky'))[0]!.finished_at).not.toBeNull();
    await a.tick();
    expect(calls).toBe(2);
  });

  it('takes over a run whose process died, not one whose process is alive', async () => {
    const ran: string[] = [];
    const job: Job = { name: 'test.takeover', schedule: { dailyAt: '01:00' }, run: async (_ctx, period) => void ran.push(period) };
    await sql`insert into job_runs (job, period, runner, started_at, heartbeat_at) values
      ('test.takeover', '2026-12-05', 'dead-host:1', now() - interval '10 minutes', now() - interval '10 minutes'),
      ('test.takeover', '2026-12-06', 'live-host:2', now(), now())`.execute(t.db);
    await createScheduler(ctxA, [job], { log, now: () => new Date('2026-12-05T03:00:00Z') }).tick();
    await createScheduler(ctxA, [job], { log, now: () => new Date('2026-12-06T03:00:00Z') }).tick();
    expect(ran).toEqual(['2026-12-05']);
    const runs = await runsOf('test.takeover');
    expect(runs.map((r) => [r.period, r.attempts, r.finished_at !== null])).toEqual([
      ['2026-12-05', 2, true],
      ['2026-12-06', 1, false],
    ]);
  });

  it('stays up when the database is unreachable, and says so', async () => {
    const gone = createDb('postgres://nobody@127.0.0.1:1/none', { max: 1 });
    const before = logs.length;
    try {
      await createScheduler({ db: gone, config: t.config }, [{ name: 'test.nodb', schedule: { everyMinutes: 5 }, run: async () => {} }], { log }).tick();
    } finally {
      await gone.destroy();
    }
    expect(logs.slice(before).some((l) => l.startsWith('job test.nodb'))).toBe(true);
  });

  it('waits for a running job on stop, and starts none after', async () => {
    let release!: () => void;
    let finished = false;
    let started = 0;
    const job: Job = {
      name: 'test.stop',
      schedule: { everyMinutes: 1 },
      async run() {
        started++;
        await new Promise<void>((r) => (release = r));
        finished = true;
      },
    };
    let clock = new Date('2026-12-05T04:00:00Z');
    const s = createScheduler(ctxA, [job], { log, now: () => clock });
    const tick = s.tick();
    while (!started) await pause(10);
    let stopped = false;
    const stopping = s.stop().then(() => (stopped = true));
    await pause(50);
    expect(stopped).toBe(false);
    release();
    await stopping;
    await tick;
    expect(finished).toBe(true);
    clock = new Date('2026-12-05T04:05:00Z');
    await s.tick();
    expect(started).toBe(1);
  });
});
