/**
 * The HTTP edge (issue 10): security headers on every answer, cross-site requests refused, only
 * documented content types, text PostgreSQL cannot store refused, ids within bigint, database
 * value errors answered as the caller's, and which proxy hops decide the client address.
 */
import { createHash } from 'node:crypto';
import net from 'node:net';
import Fastify from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Id } from '../../common/units.js';
import { buildApp } from '../app.js';
import { type Config, ConfigError, loadConfig } from '../config.js';
import { buildImportWorkbook, multipartUpload } from '../modules/entries/entries-excel.fixtures.js';
import { buildUser, rootUnit, TEST_PASSWORD } from '../test/factories.js';
import { createTestApp, type TestApp } from '../test/test-app.js';
import { SESSION_COOKIE } from './authenticate.js';
import type { App } from './context.js';
import { installErrorHandler } from './error-handler.js';

let t: TestApp;
let admin: string;
let rootId: string;
let ipSeq = 1;
const nextIp = () => `127.0.10.${ipSeq++}`;

beforeAll(async () => {
  t = await createTestApp();
  rootId = (await rootUnit(t.db)).id;
  await buildUser(t.db, { username: 'edge.admin', grants: [{ unitId: rootId, role: 'system_admin' }] });
  admin = await t.login('edge.admin');
});

/** Another app over the same database, with some configuration changed. */
const apps: App[] = [];
async function appWith(config: Partial<Config>): Promise<App> {
  const app = await buildApp({ config: { ...t.config, ...config }, db: t.db, logger: false });
  await app.ready();
  apps.push(app);
  return app;
}
afterAll(async () => {
  for (const app of apps) await app.close();
});

/** The stored session of a token (sessions keep the token's SHA-256). */
const sessionOf = (token: string) =>
  t.db.selectFrom('sessions').select(['ip', 'user_agent']).where('id', '=', createHash('sha256').update(token).digest('hex')).executeTakeFirstOrThrow();
const isDisabled = async (id: string) => (await t.db.selectFrom('users').select('disabled_at').where('id', '=', id).executeTakeFirstOrThrow()).disabled_at !== null;
const victim = () => buildUser(t.db, { grants: [{ unitId: rootId, role: 'viewer' }] });

describe('security headers', () => {
  const expectHeaders = (headers: Record<string, unknown>) => {
    const csp = String(headers['content-security-policy']);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toMatch(/script-src 'self'(;|$)/);
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(headers['x-frame-options']).toBe('DENY');
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['referrer-policy']).toBe('no-referrer');
  };

  it('are on answers, errors, refusals, the API documentation and undecodable URLs', async () => {
    const answers = await Promise.all([
      t.call('GET', '/api/health'),
      t.call('GET', '/api/nothing-here'),
      t.call('GET', '/api/users'),
      t.call('POST', '/api/auth/logout', { headers: { 'sec-fetch-site': 'cross-site' } }),
      t.call('GET', '/api/docs/'),
      t.call('GET', '/api/units/%E0%A4%A'),
    ]);
    expect(answers.map((a) => a.statusCode)).toEqual([200, 404, 401, 403, 200, 400]);
    for (const answer of answers) expectHeaders(answer.headers);
    // The undecodable URL gets the API's error shape too, not Fastify's own.
    expect(answers[5]!.json().error.code).toBe('VALIDATION_FAILED');
  });

  it('sends Strict-Transport-Security only when DANVAN_HSTS says the app is on HTTPS', async () => {
    expect((await t.call('GET', '/api/health')).headers['strict-transport-security']).toBeUndefined();
    expect(String((await t.call('GET', '/api/health')).headers['content-security-policy'])).not.toContain('upgrade-insecure-requests');
    const https = await appWith({ hsts: true });
    const res = await https.inject({ method: 'GET', url: '/api/health' });
    expect(res.headers['strict-transport-security']).toMatch(/^max-age=31536000/);
    expect(String(res.headers['content-security-policy'])).toContain('upgrade-insecure-requests');
  });
});

describe('cross-site requests', () => {
  it('refuses a state change announced as cross-site or same-site by Sec-Fetch-Site, and changes nothing', async () => {
    const user = await victim();
    for (const site of ['cross-site', 'same-site']) {
      const res = await t.call('POST', `/api/users/${user.id}/disable`, { cookie: admin, headers: { 'sec-fetch-site': site } });
      expect(res.statusCode).toBe(403);
      expect(res.json().error.code).toBe('CROSS_SITE_REQUEST');
    }
    expect(await isDisabled(user.id)).toBe(false);
    const own = await t.call('POST', `/api/users/${user.id}/disable`, { cookie: admin, headers: { 'sec-fetch-site': 'same-origin' } });
    expect(own.statusCode).toBe(200);
    expect(await isDisabled(user.id)).toBe(true);
  });

  it('compares Origin with the app\'s own when the browser sends no Sec-Fetch-Site (plain HTTP)', async () => {
    const user = await victim();
    const host = { host: '127.0.0.1:3000' };
    // Another port on the same host: same site, different origin.
    const foreign = await t.call('POST', `/api/users/${user.id}/disable`, { cookie: admin, headers: { ...host, origin: 'http://127.0.0.1:3001' } });
    expect(foreign.statusCode).toBe(403);
    expect(foreign.json().error.code).toBe('CROSS_SITE_REQUEST');
    const opaque = await t.call('POST', `/api/users/${user.id}/disable`, { cookie: admin, headers: { ...host, origin: 'null' } });
    expect(opaque.statusCode).toBe(403);
    expect(await isDisabled(user.id)).toBe(false);
    const own = await t.call('POST', `/api/users/${user.id}/disable`, { cookie: admin, headers: { ...host, origin: 'http://127.0.0.1:3000' } });
    expect(own.statusCode).toBe(200);
  });

  it('lets through requests without either header (curl, the CLI, other servers) and safe methods', async () => {
    const user = await victim();
    expect((await t.call('POST', `/api/users/${user.id}/disable`, { cookie: admin })).statusCode).toBe(200);
    expect((await t.call('GET', '/api/health', { headers: { 'sec-fetch-site': 'cross-site' } })).statusCode).toBe(200);
  });

  it('protects sign-out, sign-in and the public petition form too', async () => {
    const logout = await t.call('POST', '/api/auth/logout', { cookie: admin, headers: { 'sec-fetch-site': 'same-site' } });
    expect(logout.statusCode).toBe(403);
    expect((await t.call('GET', '/api/auth/me', { cookie: admin })).statusCode).toBe(200);
    const login = await t.call('POST', '/api/auth/login', { body: { username: 'edge.admin', password: TEST_PASSWORD }, headers: { origin: 'http://evil.example' } });
    expect(login.statusCode).toBe(403);
    const lookup = await t.app.inject({ method: 'POST', url: '/api/public/petitions/lookup', payload: { code: 'AAAA-BBBB-CCCC', secret: 'x' }, headers: { 'sec-fetch-site': 'cross-site' }, remoteAddress: nextIp() });
    expect(lookup.json().error.code).toBe('CROSS_SITE_REQUEST');
  });

  it('takes DANVAN_PUBLIC_URL as the own origin, and X-Forwarded-* only from a trusted proxy', async () => {
    const pinned = await appWith({ publicOrigin: 'https://danvan.tinh.gov.vn' });
    const login = (app: App, headers: Record<string, string>) => app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'nobody', password: 'x' }, headers, remoteAddress: nextIp() });
    expect((await login(pinned, { origin: 'https://danvan.tinh.gov.vn', host: 'internal:3000' })).statusCode).toBe(401);
    expect((await login(pinned, { origin: 'http://internal:3000', host: 'internal:3000' })).statusCode).toBe(403);
    const forwarded = { origin: 'https://danvan.tinh.gov.vn', host: 'internal:3000', 'x-forwarded-proto': 'https', 'x-forwarded-host': 'danvan.tinh.gov.vn' };
    const behindProxy = await appWith({ trustProxy: 1 });
    expect((await login(behindProxy, forwarded)).statusCode).toBe(401);
    // Without trust, a client could name any host in X-Forwarded-Host: it counts for nothing.
    expect((await login(t.app, forwarded)).statusCode).toBe(403);
  });
});

describe('content types', () => {
  it('refuses a text/plain body (a <form enctype="text/plain">) on a JSON route, before anything changes', async () => {
    const user = await victim();
    const res = await t.call('POST', `/api/users/${user.id}/disable`, { cookie: admin, body: '{"x":"=1"}', headers: { 'content-type': 'text/plain' } });
    expect(res.statusCode).toBe(415);
    expect(res.json().error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    expect(await isDisabled(user.id)).toBe(false);
    const login = await t.call('POST', '/api/auth/login', { body: JSON.stringify({ username: 'edge.admin', password: TEST_PASSWORD }), headers: { 'content-type': 'text/plain' } });
    expect(login.statusCode).toBe(415);
  });

  it('accepts multipart only on the upload routes, and only multipart there', async () => {
    const upload = multipartUpload(Buffer.from('not a workbook'));
    const onJson = await t.call('POST', '/api/units', { cookie: admin, body: upload.payload, headers: upload.headers });
    expect(onJson.statusCode).toBe(415);
    expect(onJson.json().error).toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE', details: { accepted: ['application/json'] } });
    const jsonOnUpload = await t.call('POST', '/api/entries/import', { cookie: admin, body: { file: 'x' } });
    expect(jsonOnUpload.statusCode).toBe(415);
    expect(jsonOnUpload.json().error.details.accepted).toEqual(['multipart/form-data']);
    const urlencoded = await t.call('POST', '/api/units', { cookie: admin, body: 'name=x', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(urlencoded.statusCode).toBe(415);
  });

  it('documents the upload routes\' multipart body in the OpenAPI document', async () => {
    const doc = (await t.call('GET', '/api/openapi.json')).json();
    for (const path of ['/api/entries/import', '/api/entries/import/annotate', '/api/entries/{id}/evidence']) {
      expect(Object.keys(doc.paths[path].post.requestBody.content), path).toEqual(['multipart/form-data']);
    }
  });
});

describe('text PostgreSQL cannot store', () => {
  const lookup = (payload: string) =>
    t.app.inject({ method: 'POST', url: '/api/public/petitions/lookup', payload, headers: { 'content-type': 'application/json' }, remoteAddress: nextIp() });

  it('refuses U+0000 in a body on a public route with VALIDATION_FAILED naming the field', async () => {
    const res = await lookup('{"code":"A\\u0000","secret":"B"}');
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ path: 'body.code', reason: 'invalid_character' }] });
  });

  it('refuses unpaired surrogates (they broke the audit record\'s jsonb) and keeps real pairs', async () => {
    const before = (await sql<{ n: number }>`select count(*)::int as n from audit_log`.execute(t.db)).rows[0]!.n;
    const lone = await t.call('POST', '/api/units', { cookie: admin, body: `{"parentId":"${rootId}","kind":"womens_union","name":"Hội \\ud800"}`, headers: { 'content-type': 'application/json' } });
    expect(lone.statusCode).toBe(400);
    expect(lone.json().error.details).toEqual([expect.objectContaining({ path: 'body.name', reason: 'invalid_character' })]);
    const trailing = await t.call('POST', '/api/units', { cookie: admin, body: { parentId: rootId, kind: 'womens_union', name: 'Hội \udc00x' } });
    expect(trailing.statusCode).toBe(400);
    expect((await sql<{ n: number }>`select count(*)::int as n from audit_log`.execute(t.db)).rows[0]!.n).toBe(before);
    const pair = await t.call('POST', '/api/units', { cookie: admin, body: { parentId: rootId, kind: 'womens_union', name: 'Hội 🌾 Phụ nữ' } });
    expect(pair.statusCode).toBe(201);
  });

  it('refuses it in query strings, path parameters and object keys', async () => {
    const query = await t.call('GET', '/api/units/search?q=ab%00c', { cookie: admin });
    expect(query.json().error.details).toEqual([expect.objectContaining({ path: 'querystring.q', reason: 'invalid_character' })]);
    const param = await t.call('DELETE', '/api/holidays/%00', { cookie: admin });
    expect(param.json().error.details).toEqual([expect.objectContaining({ path: 'params.date', reason: 'invalid_character' })]);
    const key = await t.call('PUT', '/api/auth/me/locale', { cookie: admin, body: '{"locale":"vi","n\\u0000":1}', headers: { 'content-type': 'application/json' } });
    expect(key.json().error.details).toEqual([expect.objectContaining({ path: 'body', reason: 'invalid_character' })]);
  });

  it('refuses it in an uploaded file\'s name (it would go into the import\'s audit record)', async () => {
    const title = 'Mô hình tên tệp lạ';
    const workbook = await buildImportWorkbook([{ unit: 'Phường Hoa Lư, Tỉnh Ninh Bình', level: 'Cấp xã', kind: 'Mô hình', form: 'Tập thể', field: 'Kinh tế', year: 2026, title }]);
    const upload = multipartUpload(workbook);
    // RFC 5987 encoding: the multipart parser decodes %00 into U+0000.
    const named = Buffer.from(upload.payload.toString('latin1').replace('filename="dang-ky.xlsx"', "filename*=UTF-8''dang-ky%00.xlsx"), 'latin1');
    const refused = await t.call('POST', '/api/entries/import', { cookie: admin, body: named, headers: upload.headers });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.details).toEqual([expect.objectContaining({ path: 'body.file', reason: 'invalid_character' })]);
    const count = async () => (await t.db.selectFrom('entries').select('id').where('title', '=', title).execute()).length;
    expect(await count()).toBe(0);
    // The same workbook under a plain name imports: only the name was refused.
    expect((await t.call('POST', '/api/entries/import', { cookie: admin, body: upload.payload, headers: upload.headers })).statusCode).toBe(200);
    expect(await count()).toBe(1);
  });

  it('survives a body nested far deeper than any recursive walk', async () => {
    const deep = `${'['.repeat(50_000)}"\\u0000"${']'.repeat(50_000)}`;
    const res = await t.call('PUT', '/api/auth/me/locale', { cookie: admin, body: deep, headers: { 'content-type': 'application/json' } });
    expect(res.statusCode).toBe(400);
  });

  it('leaves header bytes harmless: Node refuses control characters, and Latin-1 bytes are stored as text', async () => {
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = t.app.server.address() as net.AddressInfo;
    const raw = (ua: Buffer) =>
      new Promise<string>((resolve) => {
        const body = JSON.stringify({ username: 'edge.admin', password: TEST_PASSWORD });
        const socket = net.connect(port, '127.0.0.1', () => {
          // write, not end: a half-closed socket may lose the answer of a slow request.
          socket.write(Buffer.concat([Buffer.from('POST /api/auth/login HTTP/1.1\r\nHost: x\r\nUser-Agent: '), ua, Buffer.from(`\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n${body}`)]));
        });
        let answer = '';
        socket.on('data', (d) => (answer += d.toString('latin1')));
        socket.on('close', () => resolve(answer));
      });
    expect((await raw(Buffer.from('a\u0000b'))).split('\r\n')[0]).toBe('HTTP/1.1 400 Bad Request');
    const signedIn = await raw(Buffer.from([0x61, 0xed, 0xa0, 0x80, 0xff]));
    expect(signedIn.split('\r\n')[0]).toBe('HTTP/1.1 200 OK');
    const token = new RegExp(`${SESSION_COOKIE}=([^;]+)`).exec(signedIn)![1]!;
    expect(await sessionOf(token)).toMatchObject({ user_agent: 'a\u00ed\u00a0\u0080\u00ff' });
  });
});

describe('ids', () => {
  it('are PostgreSQL bigint\'s positive range, written plainly', () => {
    for (const ok of ['1', '42', '9223372036854775807']) expect(Id.safeParse(ok).success, ok).toBe(true);
    for (const bad of ['0', '007', '-1', '+1', '1.0', '9223372036854775808', '99999999999999999999', 'y'.repeat(30), '']) expect(Id.safeParse(bad).success, bad).toBe(false);
  });

  it('in a query or a path never reach PostgreSQL out of range', async () => {
    const audit = await t.call('GET', '/api/audit?unitId=99999999999999999999', { cookie: admin });
    expect(audit.statusCode).toBe(400);
    expect(audit.json().error.details[0].path).toBe('querystring.unitId');
    expect((await t.call('GET', '/api/units/9223372036854775808', { cookie: admin })).statusCode).toBe(400);
    expect((await t.call('GET', '/api/units/9223372036854775807', { cookie: admin })).statusCode).toBe(404);
    expect((await t.call('DELETE', '/api/review-tasks/1?version=2147483648', { cookie: admin })).statusCode).toBe(400);
  });
});

describe('errors of the database about a value', () => {
  it('answer 400 VALIDATION_FAILED, not 500, should a value ever get past the edge', async () => {
    const app = Fastify({ logger: false });
    installErrorHandler(app);
    for (const code of ['22021', '22P05', '22003', '22P02']) {
      app.get(`/${code}`, async () => {
        throw Object.assign(new Error('from PostgreSQL'), { code });
      });
    }
    app.get('/other', async () => {
      throw Object.assign(new Error('division by zero'), { code: '22012' });
    });
    for (const code of ['22021', '22P05', '22003', '22P02']) {
      const res = await app.inject({ method: 'GET', url: `/${code}` });
      expect(res.statusCode, code).toBe(400);
      expect(res.json().error).toMatchObject({ code: 'VALIDATION_FAILED', details: { sqlState: code } });
    }
    expect((await app.inject({ method: 'GET', url: '/other' })).statusCode).toBe(500);
    await app.close();
  });
});

describe('the client address behind proxies', () => {
  async function signInFrom(app: App, remoteAddress: string, forwardedFor: string): Promise<string | null> {
    const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'edge.admin', password: TEST_PASSWORD }, headers: { 'x-forwarded-for': forwardedFor }, remoteAddress });
    expect(res.statusCode).toBe(200);
    return (await sessionOf(res.cookies.find((c) => c.name === SESSION_COOKIE)!.value)).ip;
  }

  it('is the socket\'s without DANVAN_TRUST_PROXY, whatever X-Forwarded-For says', async () => {
    expect(await signInFrom(t.app, '127.0.20.1', '198.51.100.7')).toBe('127.0.20.1');
  });

  it('is the address the trusted hops name: a hop count or the proxies\' addresses', async () => {
    const oneHop = await appWith({ trustProxy: 1 });
    // The client may prepend anything; only the hop the proxy appended counts.
    expect(await signInFrom(oneHop, '127.0.20.2', '203.0.113.66, 198.51.100.8')).toBe('198.51.100.8');
    const listed = await appWith({ trustProxy: ['127.0.20.3', '127.0.30.0/24'] });
    expect(await signInFrom(listed, '127.0.20.3', '203.0.113.66, 198.51.100.9')).toBe('198.51.100.9');
    expect(await signInFrom(listed, '127.0.20.4', '198.51.100.9')).toBe('127.0.20.4');
  });

  it('refuses DANVAN_TRUST_PROXY=true at start with a message that says what to write instead', () => {
    expect(() => loadConfig({ DANVAN_TRUST_PROXY: 'true' })).toThrow(ConfigError);
    expect(() => loadConfig({ DANVAN_TRUST_PROXY: 'true' })).toThrow(/DANVAN_TRUST_PROXY.*how many proxies/);
    expect(loadConfig({ DANVAN_TRUST_PROXY: '2' }).trustProxy).toBe(2);
    expect(loadConfig({ DANVAN_TRUST_PROXY: '127.0.0.1, 127.0.30.0/24' }).trustProxy).toEqual(['127.0.0.1', '127.0.30.0/24']);
    expect(() => loadConfig({ DANVAN_TRUST_PROXY: 'proxy.local' })).toThrow(ConfigError);
  });
});
