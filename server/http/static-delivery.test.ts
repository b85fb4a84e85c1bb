/**
 * Delivery of the built web app (docs/delivery.md): precompressed files with the right
 * Content-Encoding and Vary, a year's immutable caching for hashed assets and revalidation for
 * the HTML documents (index.html, and petition.html at /petition), the Vite manifest kept private.
 * A small built app is written to a temporary folder, as the build writes it.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.js';
import { createTestDb } from '../test/test-db.js';
import type { App } from './context.js';

const IMMUTABLE = 'public, max-age=31536000, immutable';
const SCRIPT = `console.log(${JSON.stringify('Gửi kiến nghị, phản ánh '.repeat(200))});\n`;
const INDEX = '<!doctype html><html lang="vi"><head><title>Dân vận</title></head><body><div id="root"></div><script type="module" src="/assets/main-Ab12Cd34.js"></script></body></html>';
const PETITION = '<!doctype html><html lang="vi"><head><title>Gửi kiến nghị, phản ánh</title></head><body><div id="root"></div><script type="module" src="/assets/petition-Xy98Zw76.js"></script></body></html>';

let dir: string;
let app: App;

/** A file as the build writes it: the file, and its .br and .gz beside it. */
function write(rel: string, text: string, compressed = true) {
  const file = path.join(dir, rel);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
  if (compressed) {
    writeFileSync(`${file}.br`, brotliCompressSync(Buffer.from(text)));
    writeFileSync(`${file}.gz`, gzipSync(Buffer.from(text)));
  }
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'danvan-web-'));
  write('index.html', INDEX);
  write('petition.html', PETITION);
  write('assets/main-Ab12Cd34.js', SCRIPT);
  write('assets/petition-Xy98Zw76.js', SCRIPT);
  write('assets/tiny-Qq11Rr22.css', 'a{}', false);
  write('.vite/manifest.json', '{"secret":"manifest"}', false);
  const t = await createTestDb();
  app = await buildApp({ config: { ...t.config, webDir: dir }, db: t.db, logger: false });
  await app.ready();
});
afterAll(async () => {
  await app?.close();
  rmSync(dir, { recursive: true, force: true });
});

const get = (url: string, headers: Record<string, string> = {}) => app.inject({ method: 'GET', url, headers });

describe('precompressed static files', () => {
  it('sends Brotli to a browser that accepts it, gzip to one that accepts only gzip, and the file itself otherwise', async () => {
    const br = await get('/assets/main-Ab12Cd34.js', { 'accept-encoding': 'gzip, deflate, br, zstd' });
    expect(br.statusCode).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['content-type']).toMatch(/javascript/);
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe(SCRIPT);
    expect(br.rawPayload.length).toBeLessThan(Buffer.byteLength(SCRIPT) / 4);

    const gz = await get('/assets/main-Ab12Cd34.js', { 'accept-encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.rawPayload).toString()).toBe(SCRIPT);

    const plain = await get('/assets/main-Ab12Cd34.js');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(SCRIPT);

    // Caches keep the variants apart.
    for (const res of [br, gz, plain]) expect(res.headers.vary).toMatch(/accept-encoding/i);
  });

  it('serves a file the build left uncompressed (too small to gain) as it is', async () => {
    const res = await get('/assets/tiny-Qq11Rr22.css', { 'accept-encoding': 'br, gzip' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.body).toBe('a{}');
  });
});

describe('caching', () => {
  it('keeps hashed assets a year, immutable', async () => {
    for (const url of ['/assets/main-Ab12Cd34.js', '/assets/petition-Xy98Zw76.js', '/assets/tiny-Qq11Rr22.css']) {
      expect((await get(url, { 'accept-encoding': 'br' })).headers['cache-control'], url).toBe(IMMUTABLE);
    }
  });

  it('makes the browser revalidate every HTML document, so an upgrade is seen on the next load', async () => {
    for (const url of ['/', '/dashboard', '/petitions/12', '/index.html']) {
      const res = await get(url, { 'accept-encoding': 'br' });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['cache-control'], url).toBe('no-cache');
      expect(res.headers['content-encoding'], url).toBe('br');
      expect(brotliDecompressSync(res.rawPayload).toString(), url).toBe(INDEX);
    }
    const first = await get('/');
    expect(first.headers.etag).toBeTruthy();
    expect((await get('/', { 'if-none-match': String(first.headers.etag) })).statusCode).toBe(304);
    // An upgrade writes a new index.html naming new assets: the same request now gets it.
    write('index.html', INDEX.replace('main-Ab12Cd34', 'main-Ef56Gh78-v2'));
    const after = await get('/', { 'if-none-match': String(first.headers.etag) });
    expect(after.statusCode).toBe(200);
    expect(after.body).toContain('main-Ef56Gh78');
    write('index.html', INDEX);
  });

  it('answers /petition with the public page’s own document, not the staff app’s', async () => {
    const res = await get('/petition', { 'accept-encoding': 'gzip' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/html/);
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(res.rawPayload).toString()).toBe(PETITION);
    // It carries the security headers of every answer.
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
  });
});

it('keeps the Vite manifest private', async () => {
  const res = await get('/.vite/manifest.json');
  expect(res.body).not.toContain('manifest');
});
