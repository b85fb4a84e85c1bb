/**
 * One form of address in Vietnamese (docs/conventions.md): the staff screens say "đồng chí", as a
 * Party committee's office writes to its cadres; the public petition page says "Ông/Bà", as a
 * state agency writes to a citizen. "bạn" (a consumer app's word) appeared beside "đồng chí" in
 * some messages; this test finds either form in the wrong place.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import vi from './vi.json';

type Catalog = { [key: string]: string | Catalog };

function flatten(catalog: Catalog, prefix = '', out = new Map<string, string>()): Map<string, string> {
  for (const [key, value] of Object.entries(catalog)) {
    const full = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(full, value);
    else flatten(value, full, out);
  }
  return out;
}

const word = (w: string) => new RegExp(`(?<![\\p{L}])${w}(?![\\p{L}])`, 'iu');
const BAN = word('bạn');
const DONG_CHI = word('đồng chí');
const ONG_BA = word('ông/bà');

/** The public page's own texts, read by citizens. */
const isPublic = (key: string) => key.startsWith('portal.') || key.startsWith('petitions.public.');

/**
 * Errors both the staff screens and the public page show (the edge's refusals and the public
 * routes' own): they address no one, "Vui lòng …" serving both readers.
 */
const SHARED_ERRORS = ['VALIDATION_FAILED', 'invalidCharacter', 'CONSENT_REQUIRED', 'NOT_FOUND', 'TOO_MANY_ATTEMPTS', 'tooManyAttemptsLater', 'PAYLOAD_TOO_LARGE', 'CROSS_SITE_REQUEST', 'UNSUPPORTED_MEDIA_TYPE', 'INTERNAL'].map((code) => `errors.${code}`);

/** Vietnamese problems: "bạn" anywhere, "đồng chí" to a citizen, "Ông/Bà" to an officer, either in a shared error. */
export function addressProblems(texts: Map<string, string>): string[] {
  return [...texts].flatMap(([key, text]) => {
    if (BAN.test(text)) return [`${key}: "bạn"`];
    if (SHARED_ERRORS.includes(key) && (DONG_CHI.test(text) || ONG_BA.test(text))) return [`${key}: addresses one reader in an error both see`];
    if (isPublic(key) && DONG_CHI.test(text)) return [`${key}: "đồng chí" on the public page`];
    if (!isPublic(key) && ONG_BA.test(text)) return [`${key}: "Ông/Bà" on a staff screen`];
    return [];
  });
}

function serverSources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sourceDirOk(name) ? serverSources(full) : [];
    return name.endsWith('.ts') && !name.endsWith('.test.ts') ? [full] : [];
  });
}
const sourceDirOk = (name: string) => name !== 'node_modules' && name !== 'demo';

describe('the form of address', () => {
  it('the check finds each slip', () => {
    const texts = new Map([
      ['errors.a', 'Bạn không có quyền.'],
      ['portal.b', 'Đồng chí cần đồng ý.'],
      ['errors.c', 'Ông/Bà chọn lại.'],
      ['errors.d', 'Đồng chí chọn lại.'],
      ['portal.e', 'Ông/Bà cần đánh dấu đồng ý.'],
      ['errors.f', 'Danh bạ bạn bè'],
      ['errors.invalidCharacter', 'Đồng chí xóa ký tự đó.'],
    ]);
    expect(addressProblems(texts)).toEqual([
      'errors.a: "bạn"',
      'portal.b: "đồng chí" on the public page',
      'errors.c: "Ông/Bà" on a staff screen',
      'errors.f: "bạn"',
      'errors.invalidCharacter: addresses one reader in an error both see',
    ]);
  });

  it('is "đồng chí" to officers and "Ông/Bà" to citizens in the Vietnamese catalog', () => {
    const texts = flatten(vi as Catalog);
    expect([...texts.values()].filter((t) => DONG_CHI.test(t)).length).toBeGreaterThan(10);
    expect(addressProblems(texts)).toEqual([]);
  });

  it('never says "bạn" in the server\'s Vietnamese messages', () => {
    const serverDir = path.join(path.dirname(path.dirname(import.meta.dirname)), 'server');
    const files = serverSources(serverDir);
    expect(files.length).toBeGreaterThan(50);
    expect(files.filter((file) => BAN.test(readFileSync(file, 'utf8'))).map((file) => path.relative(serverDir, file))).toEqual([]);
  });
});
