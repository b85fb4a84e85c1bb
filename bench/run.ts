/**
 * `npm run bench`: runs every benchmark (bench/*.bench.ts) one after the other, each in its own
 * process, so their memory figures do not mix. Each prints its figures and writes
 * bench/results/<name>.json. `npm run bench -- entries-list` runs only the named ones.
 * `reliability` (kill -9 cycles and a soak of a real server) takes 10–20 minutes on its own (18 on a busy 2-core machine).
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';

const here = import.meta.dirname;
const only = process.argv.slice(2);
const benches = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => only.length === 0 || only.includes(f.replace(/\.bench\.ts$/, '')))
  .sort();
let failed = 0;
for (const file of benches) {
  console.log(`\n=== ${file} ===`);
  const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(here, file)], { stdio: 'inherit' });
  if (r.status !== 0) {
    failed++;
    console.error(`${file} failed (exit ${r.status})`);
  }
}
process.exit(failed ? 1 : 0);
