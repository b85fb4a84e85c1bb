/**
 * One danvan process for server/multi-process.test.ts: the app and the scheduler on an existing
 * database (DATABASE_URL, PORT, DANVAN_TRUST_PROXY from the environment), as `danvan serve` runs
 * them, with the scheduler ticking every `--tick-ms` instead of every minute. Prints
 * `listening <url>` when ready and each job's log line; stops cleanly on SIGTERM.
 *   node --import tsx server/multi-process.fixture.ts --tick-ms 200
 */
import { parseArgs } from 'node:util';
import { buildApp } from './app.js';
import { loadConfig } from './config.js';
import { createDb } from './db/database.js';
import { startJobs } from './jobs/scheduler.js';

const { values } = parseArgs({ options: { 'tick-ms': { type: 'string', default: '60000' } } });
const config = loadConfig();
if (!config.databaseUrl) throw new Error('DATABASE_URL is required');
const db = createDb(config.databaseUrl, { max: 5 });
const ctx = { db, config };
const app = await buildApp({ config, db, logger: false });
const jobs = startJobs(ctx, { log: (m) => console.log(m), tickMs: Number(values['tick-ms']) });
const url = await app.listen({ port: config.port, host: '127.0.0.1' });
console.log(`listening ${url}`);

process.once('SIGTERM', () => {
  void (async () => {
    await jobs.stop();
    await app.close();
    await db.destroy();
    process.exit(0);
  })();
});
