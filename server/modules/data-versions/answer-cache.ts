/**
 * Answers not recomputed when nothing changed (docs/scaling.md, "Answers cached across processes").
 * An answer is named by what was asked (`key`), the data version of what it reads (read from the
 * database before computing it) and the caller's scope:
 * - its `ETag` is a hash of the three, the same in every process, so a client's `If-None-Match`
 *   that still matches gets `304` without anything being computed, and a stale one (the version
 *   moved) gets the fresh answer;
 * - its serialized body is kept in this process, keyed by `key` and the version, in an LRU bounded
 *   by bytes: several processes each keep their own, all correct because the version lives in the
 *   database and every write moves it; a stale entry is never served, only pushed out;
 * - concurrent misses of the same answer share one computation (at the end of a quarter, every
 *   office opens the same report at once).
 * The body does not depend on who asks (a caller who may not read it is refused before), so callers
 * of different scopes share the cached body; the scope is in the ETag only.
 */
import { createHash } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import type { Actor } from '../../http/access.js';
import { ifNoneMatchHas } from '../../http/etag.js';
import { APP_VERSION } from '../health/health.routes.js';

export type CachedAnswer = { status: 200; etag: string; body: Buffer } | { status: 304; etag: string };

export type AnswerStats = { hits: number; misses: number; notModified: number; entries: number; bytes: number; maxBytes: number };

export type AnswerCache = {
  /**
   * The answer named by `key` at `version` for a caller of `scope`: 304 when `ifNoneMatch` holds
   * its ETag, else the body from the cache or from `compute()` (serialized once, kept).
   */
  answer(request: { key: string; version: bigint; scope: string; ifNoneMatch?: string | string[]; compute: () => Promise<unknown> }): Promise<CachedAnswer>;
  stats(): AnswerStats;
};

/** What an answer depends on besides the data: what the caller may read (the ETag names it). */
export const scopeOf = (actor: Pick<Actor, 'grants'>) =>
  actor.grants
    .map((g) => `${g.role}@${g.unitPath}`)
    .sort()
    .join(',');

/** The ETag of an answer: weak (the body is equivalent, not byte-compared), the version visible for debugging. */
export function answerEtag(key: string, version: bigint, scope: string): string {
  const hash = createHash('sha256').update(`${APP_VERSION}\n${key}\n${version}\n${scope}`).digest('base64url').slice(0, 22);
  return `W/"${version.toString(36)}-${hash}"`;
}

/** A cache of at most `maxBytes` of bodies (0: nothing kept, every answer computed; ETags still answer 304). */
export function createAnswerCache(maxBytes: number): AnswerCache {
  const lru = maxBytes > 0 ? new LRUCache<string, Buffer>({ maxSize: maxBytes, sizeCalculation: (b, k) => b.length + k.length * 2 }) : undefined;
  const computing = new Map<string, Promise<Buffer>>();
  const counts = { hits: 0, misses: 0, notModified: 0 };
  return {
    async answer({ key, version, scope, ifNoneMatch, compute }) {
      const etag = answerEtag(key, version, scope);
      if (ifNoneMatchHas(ifNoneMatch, etag)) {
        counts.notModified++;
        return { status: 304, etag };
      }
      const name = `${version}\n${key}`;
      const kept = lru?.get(name);
      if (kept) {
        counts.hits++;
        return { status: 200, etag, body: kept };
      }
      counts.misses++;
      if (!lru) return { status: 200, etag, body: Buffer.from(JSON.stringify(await compute())) };
      let pending = computing.get(name);
      if (!pending) {
        pending = compute()
          .then((value) => {
            const body = Buffer.from(JSON.stringify(value));
            lru.set(name, body);
            return body;
          })
          .finally(() => computing.delete(name));
        computing.set(name, pending);
      }
      return { status: 200, etag, body: await pending };
    },
    stats: () => ({ ...counts, entries: lru?.size ?? 0, bytes: lru?.calculatedSize ?? 0, maxBytes }),
  };
}

const perApp = new WeakMap<object, AnswerCache>();

/**
 * The answer cache of one app (its context): reports and lists share its bytes. One per app, not
 * per process, because its answers are named by that app's database versions.
 */
export function answerCacheOf(ctx: { config: { answerCacheBytes: number } }): AnswerCache {
  let cache = perApp.get(ctx);
  if (!cache) {
    cache = createAnswerCache(ctx.config.answerCacheBytes);
    perApp.set(ctx, cache);
  }
  return cache;
}
