/**
 * Rate limits where there is no account to count against (the public petition form): a token
 * bucket per client address, kept in the database so that every danvan process behind a load
 * balancer draws from the same bucket (docs/scaling.md). `capacity` requests at once, then one
 * more every `refillMs`. Rows of buckets that are full again are deleted by the purge job.
 */
import { isIPv6 } from 'node:net';
import type { Db } from '../../db/database.js';
import { AppError } from '../../errors.js';
import { type Bucket, takeToken } from './rate-limit.repository.js';

export type RateLimit = {
  /** Takes a token for `ip`, or throws TOO_MANY_ATTEMPTS with `retryAfterSeconds`. */
  take(db: Db, ip: string): Promise<void>;
};

/** A named bucket; the name keys its rows, so two limits never share tokens. */
export function rateLimit(bucket: Bucket): RateLimit {
  return {
    async take(db, ip) {
      const { granted, tokens } = await takeToken(db, bucket, clientKey(ip));
      if (granted) return;
      throw new AppError('TOO_MANY_ATTEMPTS', 'Too many requests from this address; try again later', {
        retryAfterSeconds: Math.max(1, Math.ceil(((1 - tokens) * bucket.refillMs) / 1000)),
      });
    },
  };
}

/**
 * What a limit counts against: the IPv4 address, or the /64 network of an IPv6 address (a
 * subscriber is given a whole /64 and picks any address in it at will).
 */
export function clientKey(ip: string): string {
  const address = ip.split('%')[0]!;
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(address);
  if (mapped) return mapped[1]!;
  if (!isIPv6(address)) return address;
  const [head = '', tail] = address.split('::');
  const groups = (part: string) => (part ? part.split(':').flatMap((g) => (g.includes('.') ? ['0', '0'] : [g])) : []);
  const first = groups(head);
  const expanded = tail === undefined ? first : [...first, ...Array<string>(8 - first.length - groups(tail).length).fill('0'), ...groups(tail)];
  return `${expanded.slice(0, 4).map((g) => parseInt(g, 16).toString(16)).join(':')}::/64`;
}
