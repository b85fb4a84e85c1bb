/**
 * The SQL of the rate limits (`rate_limits`, one row per bucket and key). Taking a token is one
 * statement: the row lock of `INSERT … ON CONFLICT DO UPDATE` orders concurrent takes on the same
 * key — from any number of processes — and each sees the tokens the previous one left, so a
 * burst spread over several servers gets exactly `capacity` tokens.
 */
import { type Kysely, sql } from 'kysely';
import type { Database } from '../../db/schema.js';

type Q = Kysely<Database>;

export type Bucket = { bucket: string; capacity: number; refillMs: number };
export type Take = { granted: boolean; tokens: number };

/**
 * Takes one token from (bucket, key) if there is one. The bucket refills continuously at one
 * token per `refillMs` up to `capacity`; a refused take changes nothing but the refill's
 * starting point (the same tokens, counted from now). A missing row is a full bucket.
 */
export async function takeToken(db: Q, b: Bucket, key: string): Promise<Take> {
  const capacity = sql`${b.capacity}::float8`;
  const refillMs = sql`${b.refillMs}::float8`;
  // A take that waited for another's row lock may have started before that one's `at`: no negative refill.
  const at = sql`greatest(r.at, now())`;
  const available = sql`least(${capacity}, r.tokens + extract(epoch from ${at} - r.at) * 1000 / ${refillMs})`;
  const left = sql`case when ${available} >= 1 then ${available} - 1 else ${available} end`;
  const { rows } = await sql<Take>`
    insert into rate_limits as r (bucket, key, tokens, at, full_at, granted)
    values (${b.bucket}, ${key}, ${capacity} - 1, now(), now() + make_interval(secs => ${refillMs} / 1000), true)
    on conflict (bucket, key) do update set
      tokens = ${left},
      at = ${at},
      full_at = ${at} + make_interval(secs => (${capacity} - ${left}) * ${refillMs} / 1000),
      granted = ${available} >= 1
    returning granted, tokens`.execute(db);
  return rows[0]!;
}

/** Deletes the buckets that are full again: a missing row means exactly that. Returns how many. */
export async function deleteFullBuckets(db: Q): Promise<number> {
  const r = await db.deleteFrom('rate_limits').where('full_at', '<=', sql<Date>`now()`).executeTakeFirst();
  return Number(r.numDeletedRows);
}
