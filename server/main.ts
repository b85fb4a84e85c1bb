/**
 * Starts danvan: the database (embedded or external), migrations, the official units, the first
 * admin account, optionally the demo data, then the HTTP server. `stop` is the one ordered
 * shutdown (docs/reliability.md): stop accepting and drain the requests, then close the pool,
 * then stop PostgreSQL and release the data folder.
 */
import type { Config } from './config.js';
import { closeDb, migrateToLatest } from './db/database.js';
import { openDatabase } from './db/open.js';
import { openReplica } from './db/replica.js';
import { startJobs } from './jobs/scheduler.js';
import { buildApp } from './app.js';
import { ensureAdmin } from './bootstrap.js';
import type { App } from './http/context.js';
import { ensureOfficialUnits } from './modules/units/units.import.js';
import { loadDemoData } from './demo/demo.js';

export type ServeOptions = { demo: boolean; log?: (m: string) => void };

/** Requests still running this long after the stop began are cut, so that the stop ends. */
const DRAIN_MS = 10_000;
/** The stop's own limit (drain 10 s + PostgreSQL's fast shutdown, 20 s at worst, + margin). */
const FORCE_EXIT_MS = 45_000;

export type Server = {
  url: string;
  /** Idempotent; never rejects; resolves false when a step failed (it was logged). */
  stop: () => Promise<boolean>;
};

/**
 * Stops accepting connections, lets the running requests finish, and cuts those still running
 * after DRAIN_MS; then waits, within the same DRAIN_MS, for handlers whose client went away (their
 * connection ended, their work did not) so that none of them meets a closed pool.
 */
async function closeHttp(app: App): Promise<void> {
  const began = Date.now();
  const cut = setTimeout(() => app.server.closeAllConnections(), DRAIN_MS);
  try {
    await app.close();
  } finally {
    clearTimeout(cut);
  }
  if (!(await app.handlers.idle(Math.max(0, DRAIN_MS - (Date.now() - began))))) {
    app.log.warn(`${app.handlers.running()} request handler(s) still running after ${DRAIN_MS / 1000} s; closing the database under them`);
  }
}

export async function serve(config: Config, options: ServeOptions): Promise<Server> {
  const log = options.log ?? ((m: string) => console.log(m));
  const started = Date.now();
  const database = await openDatabase(config, log);
  const reportDb = openReplica(config, log);
  let app: App | undefined;
  let jobs: ReturnType<typeof startJobs> | undefined;
  // In this order; each step runs even if the one before failed.
  const steps: [string, () => Promise<void>][] = [
    ['stopping the HTTP server', async () => app && (await closeHttp(app))],
    ['stopping the jobs', async () => jobs && (await jobs.stop())],
    ['closing the report replica', async () => reportDb && (await closeDb(reportDb))],
    ['closing the database', () => database.close()],
  ];
  let stopping: Promise<boolean> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      let clean = true;
      for (const [what, step] of steps) {
        try {
          await step();
        } catch (err) {
          clean = false;
          log(`Error while ${what}: ${err instanceof Error ? err.message : String(err)}`);
        }
      }
      return clean;
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
    app = await buildApp({ config, db: database.db, reportDb });
    const address = await app.listen({ port: config.port, host: config.host });
    // Every process runs the scheduler; each job runs once per period across all of them (docs/scaling.md).
    jobs = startJobs({ db: database.db, config }, { log });
    const url = address.replace('127.0.0.1', 'localhost');
    log(`danvan is serving ${url} (${database.engine} PostgreSQL; ready in ${((Date.now() - started) / 1000).toFixed(1)} s)`);
    return { stop, url };
  } catch (err) {
    await stop();
    throw err;
  }
}

/**
 * The first SIGINT, SIGTERM or SIGHUP (Ctrl-C, a service manager, a closed terminal) runs the
 * ordered stop and exits 0 when it was clean. Signals that arrive during the stop (a second Ctrl-C,
 * or npm relaying the terminal's SIGINT that danvan also received) are noted and change nothing.
 * If the stop hangs past FORCE_EXIT_MS the process exits 1; PostgreSQL still gets its signal
 * (the engine's exit hook).
 */
export function stopOnSignals(stop: () => Promise<boolean>, log: (m: string) => void = console.log): void {
  let first: NodeJS.Signals | undefined;
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.removeAllListeners(signal);
    process.on(signal, () => {
      if (first) {
        log(`${signal} received: already shutting down`);
        return;
      }
      first = signal;
      log(`${signal} received: shutting down`);
      setTimeout(() => {
        console.error(`danvan: the shutdown did not finish within ${FORCE_EXIT_MS / 1000} s; exiting anyway`);
        process.exit(1);
      }, FORCE_EXIT_MS).unref();
      void stop().then((clean) => process.exit(clean ? 0 : 1));
    });
  }
}
