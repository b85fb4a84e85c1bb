import { beforeAll, describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../common/errors.js';
import { HTTP_STATUS } from '../errors.js';
import { createTestApp, type TestApp } from '../test/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});

describe('the HTTP surface', () => {
  it('reports the database in /api/health', async () => {
    const res = await t.call('GET', '/api/health');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'ok', database: { ok: true, engine: 'external' } });
    expect(res.json().database.latencyMs).toBeGreaterThanOrEqual(0);
  });

  it('serves an OpenAPI 3.1 document listing the routes, with their summaries', async () => {
    const res = await t.call('GET', '/api/openapi.json');
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/auth/login', '/api/users', '/api/audit', '/api/health']));
    expect(doc.paths['/api/users'].post.summary).toBeTruthy();
    expect(doc.paths['/api/auth/login'].post.requestBody).toBeDefined();
  });

  it('serves readable API documentation at /api/docs', async () => {
    const res = await t.call('GET', '/api/docs/');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/html/);
    expect(res.body).toMatch(/swagger/i);
  });

  it('answers unknown API routes with the one error shape', async () => {
    const res = await t.call('GET', '/api/nothing-here');
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({ error: { code: 'NOT_FOUND', message: expect.any(String) } });
  });

  it('rejects invalid JSON and bodies over the limit with clear codes', async () => {
    const bad = await t.call('POST', '/api/auth/login', { body: '{"username": ', headers: { 'content-type': 'application/json' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('VALIDATION_FAILED');
    const big = await t.call('POST', '/api/auth/login', { body: JSON.stringify({ username: 'x', password: 'y'.repeat(t.config.bodyLimit + 10) }), headers: { 'content-type': 'application/json' } });
    expect(big.statusCode).toBe(413);
    expect(big.json().error.code).toBe('BODY_TOO_LARGE');
  });

  it('names the invalid fields in validation errors', async () => {
    const res = await t.call('POST', '/api/auth/login', { body: { username: '' } });
    expect(res.statusCode).toBe(400);
    const paths = res.json().error.details.map((d: { path: string }) => d.path);
    expect(paths).toEqual(expect.arrayContaining(['body.username', 'body.password']));
  });

  it('maps every error code to an HTTP status', () => {
    for (const code of ERROR_CODES) expect(HTTP_STATUS[code], code).toBeGreaterThanOrEqual(400);
  });
});
