/**
 * Vitest global setup: one PostgreSQL for the run — the embedded engine in a temporary folder, or
 * the server of TEST_DATABASE_URL — and a template database, migrated and loaded with the
 * official units, that every test file clones into a fresh database of its own.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { createDb, ensureDatabase, migrateToLatest } from '../db/database.js';
import { startEmbeddedEngine } from '../db/embedded-engine.js';
import { ensureOfficialUnits } from '../modules/units/units.import.js';
import { dropDatabase, withDatabase } from './admin-url.js';

declare module 'vitest' {
  export interface ProvidedContext {
    adminUrl: string;
    templateDb: string;
    engineLabel: string;
  }
}

export default async function setup(project: TestProject) {
  const external = process.env.TEST_DATABASE_URL;
  let dataDir: string | undefined;
  let stopEngine: (() => Promise<void>) | undefined;
  let adminUrl: string;
  if (external) {
    adminUrl = external;
  } else {
    dataDir = await mkdtemp(path.join(tmpdir(), 'danvan-test-'));
    const engine = await startEmbeddedEngine({ dataDir });
    stopEngine = engine.stop;
    adminUrl = engine.urlFor('postgres');
  }
  const templateDb = `danvan_tpl_${process.pid}`;
  await dropDatabase(adminUrl, templateDb);
  await ensureDatabase(adminUrl, templateDb);
  const db = createDb(withDatabase(adminUrl, templateDb));
  try {
    await migrateToLatest(db);
    await ensureOfficialUnits(db);
  } finally {
    await db.destroy();
  }
  project.provide('adminUrl', adminUrl);
  project.provide('templateDb', templateDb);
  project.provide('engineLabel', external ? 'external' : 'embedded');

  return async () => {
    await dropDatabase(adminUrl, templateDb).catch(() => {});
    if (stopEngine) await stopEngine();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  };
}
