import { randomBytes } from 'node:crypto';
import { afterAll } from 'vitest';
import { inject } from 'vitest';
import { loadConfig, type Config } from '../config.js';
import { createDb, type Db } from '../db/database.js';
import type { Ctx } from '../http/context.js';
import { cloneDatabase, dropDatabase, withDatabase } from './admin-url.js';

export type TestDb = { db: Db; url: string; ctx: Ctx; config: Config; name: string };

/**
 * A fresh database for this test file, cloned from the migrated template (with the official
 * units loaded). Dropped after the file's tests.
 */
export async function createTestDb(): Promise<TestDb> {
  const adminUrl = inject('adminUrl');
  const name = `danvan_t_${randomBytes(5).toString('hex')}`;
  await cloneDatabase(adminUrl, inject('templateDb'), name);
  const url = withDatabase(adminUrl, name);
  const db = createDb(url, { max: 5 });
  const config = loadConfig({ DATABASE_URL: url, LOG_LEVEL: 'silent' });
  afterAll(async () => {
    await db.destroy();
    await dropDatabase(adminUrl, name);
  });
  return { db, url, ctx: { db, config }, config, name };
}
