import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll } from 'vitest';
import { buildApp } from '../app.js';
import type { App } from '../http/context.js';
import { SESSION_COOKIE } from '../http/authenticate.js';
import { TEST_PASSWORD } from './factories.js';
import { createTestDb, type TestDb } from './test-db.js';

export type TestApp = TestDb & {
  app: App;
  /** Signs in and returns the cookie header value to send with later requests. */
  login(username: string, password?: string): Promise<string>;
  call(method: InjectOptions['method'], url: string, options?: { cookie?: string; body?: unknown; headers?: Record<string, string> }): Promise<LightMyRequestResponse>;
};

export async function createTestApp(): Promise<TestApp> {
  const t = await createTestDb();
  // Logs at error level only: an unexpected error behind a 500 then prints its stack in the test
  // output (no test expects one), instead of leaving a bare "INTERNAL" to guess from.
  const app = await buildApp({ config: { ...t.config, logLevel: 'error' }, db: t.db, logger: true });
  await app.ready();
  afterAll(() => app.close());
  const call: TestApp['call'] = (method, url, options = {}) =>
    app.inject({
      method,
      url,
      headers: { ...(options.cookie ? { cookie: options.cookie } : {}), ...options.headers },
      ...(options.body === undefined ? {} : { payload: options.body as InjectOptions['payload'] }),
    });
  const login = async (username: string, password = TEST_PASSWORD) => {
    const res = await call('POST', '/api/auth/login', { body: { username, password } });
    if (res.statusCode !== 200) throw new Error(`login of ${username} failed: ${res.statusCode} ${res.body}`);
    const cookie = res.cookies.find((c) => c.name === SESSION_COOKIE);
    if (!cookie) throw new Error('no session cookie');
    return `${SESSION_COOKIE}=${cookie.value}`;
  };
  return { ...t, app, login, call };
}
