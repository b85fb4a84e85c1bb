/**
 * A token bucket per client address, in memory: `capacity` requests at once, then one more every
 * `refillMs`. For the public petition form, where there is no account to count against. Kept per
 * process (a restart forgives); the map is bounded, dropping the oldest addresses first.
 */
import { AppError } from '../../errors.js';

export type RateLimiter = { take(key: string, now?: number): void };

export function tokenBucket(opts: { capacity: number; refillMs: number; maxKeys?: number }): RateLimiter {
  const buckets = new Map<string, { tokens: number; at: number }>();
  const maxKeys = opts.maxKeys ?? 50_000;
  return {
    take(key, now = Date.now()) {
      const b = buckets.get(key) ?? { tokens: opts.capacity, at: now };
      const refilled = Math.min(opts.capacity, b.tokens + (now - b.at) / opts.refillMs);
      if (refilled < 1) {
        throw new AppError('TOO_MANY_ATTEMPTS', 'Too many requests from this address; try again later', { retryAfterSeconds: Math.ceil(((1 - refilled) * opts.refillMs) / 1000) });
      }
      buckets.delete(key);
      buckets.set(key, { tokens: refilled - 1, at: now });
      if (buckets.size > maxKeys) buckets.delete(buckets.keys().next().value!);
    },
  };
}
