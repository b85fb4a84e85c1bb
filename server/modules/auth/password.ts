/**
 * Password hashing with Node's scrypt (memory-hard, no native add-on to build). Stored as
 * `scrypt$N$r$p$salt$hash` so the cost can be raised later without breaking old hashes.
 */
import { randomBytes, randomInt, scrypt, timingSafeEqual } from 'node:crypto';
import { AppError } from '../../errors.js';

const N = 2 ** 15;
const R = 8;
const P = 1;
const KEY_LENGTH = 32;
const MAX_MEM = 64 * 1024 * 1024;

function derive(password: string, salt: Buffer, n: number, r: number, p: number): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFC'), salt, KEY_LENGTH, { N: n, r, p, maxmem: MAX_MEM }, (err, key) => (err ? reject(err) : resolve(key))),
  );
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, N, R, P);
  return `scrypt$${N}$${R}$${P}$${salt.toString('base64')}$${key.toString('base64')}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !n || !r || !p || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64');
  const key = await derive(password, Buffer.from(salt, 'base64'), Number(n), Number(r), Number(p));
  return key.length === expected.length && timingSafeEqual(key, expected);
}

/** A hash of nothing, verified when the account does not exist so both cases take the same time. */
let dummyHash: Promise<string> | undefined;
export async function burnPasswordCheck(password: string): Promise<void> {
  dummyHash ??= hashPassword(randomBytes(12).toString('hex'));
  await verifyPassword(password, await dummyHash);
}

export const PASSWORD_MIN_LENGTH = 10;

/** Why a password is refused: stable codes the web app translates. */
export type PasswordWeakness = 'too_short' | 'too_long' | 'too_plain' | 'contains_username';

/** Rejects passwords too short or too plain to resist guessing (WEAK_PASSWORD, details.reasons = codes). */
export function assertStrongPassword(password: string, username?: string): void {
  const reasons: PasswordWeakness[] = [];
  if (password.length < PASSWORD_MIN_LENGTH) reasons.push('too_short');
  if (password.length > 200) reasons.push('too_long');
  if (new Set(password).size < 4) reasons.push('too_plain');
  if (username && password.toLowerCase().includes(username.toLowerCase())) reasons.push('contains_username');
  if (reasons.length) {
    const phrases: Record<PasswordWeakness, string> = {
      too_short: `needs at least ${PASSWORD_MIN_LENGTH} characters`,
      too_long: 'may have at most 200 characters',
      too_plain: 'needs more varied characters',
      contains_username: 'must not contain the username',
    };
    throw new AppError('WEAK_PASSWORD', `The password ${reasons.map((r) => phrases[r]).join(' and ')}`, { reasons, min: PASSWORD_MIN_LENGTH });
  }
}

/** A random password that is easy to read out over the phone: no 0/O, 1/l/I. */
export function generatePassword(length = 16): string {
  const alphabet = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  let out = '';
  for (let i = 0; i < length; i++) out += alphabet[randomInt(alphabet.length)];
  return out;
}
