import type { Config } from '../config.js';
import { closeDb, createDb, type Db, ensureDatabase } from './database.js';
import { type EmbeddedEngine, type EngineStatus, startEmbeddedEngine } from './embedded-engine.js';

export type OpenDatabase = {
  db: Db;
  url: string;
  engine: 'embedded' | 'external';
  /**
   * Closes the pool, waits until its connections are closed, then (embedded) stops PostgreSQL and
   * releases the data folder. In that order, so that no session is terminated under a client.
   * Idempotent; never rejects (a step that fails is logged and the next one still runs).
   */
  close(): Promise<void>;
};

/** The embedded engine's state for each Db opened on it, read by the health route. */
const engines = new WeakMap<Db, EmbeddedEngine>();

/** The embedded engine's state behind `db`; undefined for an external server. */
export function engineStatus(db: Db): EngineStatus | undefined {
  return engines.get(db)?.status();
}

/** Connects to DATABASE_URL, or starts the embedded engine and its `danvan` database. */
export async function openDatabase(config: Config, log: (m: string) => void = () => {}): Promise<OpenDatabase> {
  if (config.databaseUrl) {
    const db = createDb(config.databaseUrl, { log });
    return { db, url: config.databaseUrl, engine: 'external', close: once(() => quietly(log, 'closing the database connections', () => closeDb(db))) };
  }
  const engine = await startEmbeddedEngine({ dataDir: config.dataDir, log });
  try {
    await ensureDatabase(engine.urlFor('postgres'), 'danvan');
  } catch (err) {
    await engine.stop();
    throw err;
  }
  const url = engine.urlFor('danvan');
  const db = createDb(url, { log });
  engines.set(db, engine);
  return {
    db,
    url,
    engine: 'embedded',
    close: once(async () => {
      await quietly(log, 'closing the database connections', () => closeDb(db));
      await engine.stop();
    }),
  };
}

function once(fn: () => Promise<void>): () => Promise<void> {
  let running: Promise<void> | undefined;
  return () => (running ??= fn());
}

async function quietly(log: (m: string) => void, what: string, step: () => Promise<void>): Promise<void> {
  try {
    await step();
  } catch (err) {
    log(`Error while ${what}: ${err instanceof Error ? err.message : String(err)}`);
  }
}
