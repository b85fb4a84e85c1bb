import type { Config } from '../config.js';
import { migrateToLatest } from '../db/database.js';
import { type OpenDatabase, openDatabase } from '../db/open.js';

/**
 * Runs `work` against the configured database (embedded or DATABASE_URL), migrated, closing it
 * afterwards. In a file of its own so commands can import it without a cycle through commands.ts.
 */
export async function withDatabase<T>(config: Config, work: (database: OpenDatabase) => Promise<T>): Promise<T> {
  const database = await openDatabase(config, (m) => console.error(m));
  try {
    await migrateToLatest(database.db);
    return await work(database);
  } finally {
    await database.close();
  }
}
