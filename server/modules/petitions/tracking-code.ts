/**
 * Tracking codes and secrets for the public lookup: 12 characters of Crockford's base32 each
 * (60 random bits), shown in groups of four. Crockford's alphabet has no I, L, O or U, and reading
 * folds them to 1 and 0, so a code copied by hand from a paper receipt still matches. Only the
 * SHA-256 of the secret is stored; 60 bits behind a per-address rate limit need no slow hash.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

function randomGroup(chars: number): string {
  const bytes = randomBytes(chars);
  return [...bytes].map((b) => ALPHABET[b & 31]).join('');
}

const grouped = (s: string) => s.match(/.{1,4}/g)!.join('-');

export function newTrackingCode(): string {
  return grouped(randomGroup(12));
}

export function newSecret(): string {
  return grouped(randomGroup(12));
}

/** Upper case, without separators, with the look-alike letters folded as Crockford prescribes. */
export function normalise(input: string): string {
  return input.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
}

/** The stored form of a code: normalised, then grouped again. */
export function normaliseCode(input: string): string {
  const n = normalise(input);
  return n ? grouped(n) : n;
}

export function hashSecret(secret: string): string {
  return createHash('sha256').update(normalise(secret)).digest('hex');
}

/** Constant-time comparison of a secret with a stored hash (a dummy hash when the code is unknown). */
export function secretMatches(secret: string, storedHash: string): boolean {
  const a = Buffer.from(hashSecret(secret), 'hex');
  const b = Buffer.from(storedHash, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}
