import type { Config } from '../config.js';
import { createDb, type Db, ensureDatabase } from './database.js';
import { startEmbeddedEngine } from './embedded-engine.js';

export type OpenDatabase = {
  db: Db;
  url: string;
  engine: 'embedded' | 'external';
  /** Closes the pool and, for the embedded engine, stops PostgreSQL. */
  close(): Promise<void>;
};

/** Connects to DATABASE_URL, or starts the embedded engine and its `danvan` database. */
export async function openDatabase(config: Config, log: (m: string) => void = () => {}): Promise<OpenDatabase> {
  if (config.databaseUrl) {
    const db = createDb(config.databaseUrl);
    return { db, url: config.databaseUrl, engine: 'external', close: () => db.destroy() };
  }
  const engine = await startEmbeddedEngine({ dataDir: config.dataDir, log });
  try {
    await ensureDatabase(engine.urlFor('postgres'), 'danvan');
  } catch (err) {
    await engine.stop();
    throw err;
  }
  const url = engine.urlFor('danvan');
  const db = createDb(url);
  return {
    db,
    url,
    engine: 'embedded',
    close: async () => {
      await db.destroy();
      await engine.stop();
    },
  };
}
