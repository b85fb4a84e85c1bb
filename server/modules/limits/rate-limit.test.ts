/**
 * The rate limits live in the database: every process draws from the same bucket, however many
 * requests arrive at once, and a client cannot pick its own address to escape them.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.js';
import { createDb, type Db } from '../../db/database.js';
import { AppError } from '../../errors.js';
import { unitByCode } from '../../test/factories.js';
import { PUBLIC_CONSENT } from '../petitions/petitions.factories.js';
import { createTestDb, type TestDb } from '../../test/test-db.js';
import { clientKey, rateLimit } from './rate-limit.js';
import { deleteFullBuckets } from './rate-limit.repository.js';

let t: TestDb;
// A second pool on the same database: another process, as far as PostgreSQL can tell.
let other: Db;

beforeAll(async () => {
  t = await createTestDb();
  other = createDb(t.url, { max: 5 });
});
afterAll(() => other.destroy());

const outcome = (p: Promise<void>) => p.then(() => 'granted' as const, (err: unknown) => (err instanceof AppError && err.code === 'TOO_MANY_ATTEMPTS' ? ('refused' as const) : Promise.reject(err)));

describe('token buckets in the database', () => {
  it('grants the capacity, refuses with the wait, and refills with time', async () => {
    const limit = rateLimit({ bucket: 'test.refill', capacity: 2, refillMs: 1000 });
    await limit.take(t.db, '192.0.2.1');
    await limit.take(other, '192.0.2.1');
    const refused = await limit.take(t.db, '192.0.2.1').catch((err: unknown) => err);
    expect(refused).toBeInstanceOf(AppError);
    expect((refused as AppError).code).toBe('TOO_MANY_ATTEMPTS');
    expect((refused as AppError).details).toEqual({ retryAfterSeconds: 1 });
    // Another address has its own bucket.
    expect(await outcome(limit.take(t.db, '192.0.2.2'))).toBe('granted');
    // A second later (moved back in the row rather than waited for) one more token is there, and only one.
    await sql`update rate_limits set at = at - interval '1 second' where bucket = 'test.refill' and key = '192.0.2.1'`.execute(t.db);
    expect(await outcome(limit.take(other, '192.0.2.1'))).toBe('granted');
    expect(await outcome(limit.take(t.db, '192.0.2.1'))).toBe('refused');
  });

  it('never grants more than the capacity to a burst spread over two processes', async () => {
    const limit = rateLimit({ bucket: 'test.burst', capacity: 10, refillMs: 3_600_000 });
    const results = await Promise.all(Array.from({ length: 40 }, (_, i) => outcome(limit.take(i % 2 ? other : t.db, '198.51.100.1'))));
    expect(results.filter((r) => r === 'granted')).toHaveLength(10);
    const row = await t.db.selectFrom('rate_limits').select(['tokens']).where('bucket', '=', 'test.burst').executeTakeFirstOrThrow();
    expect(row.tokens).toBeLessThan(1);
  });

  it('purges the buckets that are full again, and only those', async () => {
    const limit = rateLimit({ bucket: 'test.purge', capacity: 3, refillMs: 60_000 });
    await limit.take(t.db, '192.0.2.10');
    await limit.take(t.db, '192.0.2.11');
    // 192.0.2.10 took its token long ago: its bucket is full again.
    await sql`update rate_limits set at = at - interval '2 minutes', full_at = full_at - interval '2 minutes' where key = '192.0.2.10'`.execute(t.db);
    expect(await deleteFullBuckets(t.db)).toBeGreaterThanOrEqual(1);
    const left = await t.db.selectFrom('rate_limits').select('key').where('bucket', '=', 'test.purge').execute();
    expect(left.map((r) => r.key)).toEqual(['192.0.2.11']);
  });

  it('counts an IPv6 client by its /64 network and a mapped IPv4 address as IPv4', () => {
    expect(clientKey('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
    expect(clientKey('2001:0db8:0001:0002:ffff:ffff:ffff:ffff')).toBe('2001:db8:1:2::/64');
    expect(clientKey('2001:db8::7')).toBe('2001:db8:0:0::/64');
    expect(clientKey('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
    expect(clientKey('::ffff:203.0.113.9')).toBe('203.0.113.9');
    expect(clientKey('203.0.113.9')).toBe('203.0.113.9');
  });
});

describe('the public form behind a proxy', () => {
  it('limits a client that writes its own X-Forwarded-For when one proxy is trusted', async () => {
    const app = await buildApp({ config: { ...t.config, trustProxy: 1 }, db: t.db, logger: false });
    await app.ready();
    try {
      const baDinh = (await unitByCode(t.db, 'commune', '00004')).id;
      const statuses: number[] = [];
      for (let i = 0; i < 12; i++) {
        // What nginx forwards when the client sent "X-Forwarded-For: 10.0.0.<i>": its own hop appended.
        const res = await app.inject({
          method: 'POST',
          url: '/api/public/petitions',
          remoteAddress: '127.0.0.1',
          headers: { 'x-forwarded-for': `10.0.0.${i}, 198.51.100.77` },
          payload: { unitId: baDinh, anonymous: true, categoryCode: 'environment', title: `Kiến nghị ${i}`, content: 'Đề nghị thu gom rác thải ở ngõ 15.', consent: PUBLIC_CONSENT },
        });
        statuses.push(res.statusCode);
      }
      expect(statuses).toEqual([...Array(5).fill(201), ...Array(7).fill(429)]);
    } finally {
      await app.close();
    }
  });
});
