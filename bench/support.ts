/**
 * What the benchmarks share: the database they run on, percentiles, and the load average they
 * report with their figures (a shared 2-core machine makes it part of the result).
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { ensureDatabase } from '../server/db/database.js';
import { startEmbeddedEngine } from '../server/db/embedded-engine.js';

export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

/**
 * The database of a benchmark: BENCH_DATABASE_URL (created when missing, otherwise used as is),
 * else database `name` in an embedded engine in BENCH_DATA_DIR (kept, reused) or in a temporary
 * folder (removed on close). `settings` are the embedded engine's server settings.
 */
export async function openBenchDatabase(name: string, settings?: Record<string, string>): Promise<{ url: string; close: () => Promise<void> }> {
  const external = process.env.BENCH_DATABASE_URL;
  if (external) {
    const admin = new URL(external);
    admin.pathname = '/postgres';
    await ensureDatabase(admin.toString(), new URL(external).pathname.slice(1));
    return { url: external, close: async () => {} };
  }
  const keep = process.env.BENCH_DATA_DIR;
  const dataDir = keep ? path.resolve(keep) : mkdtempSync(path.join(tmpdir(), `${name}-`));
  mkdirSync(dataDir, { recursive: true });
  const engine = await startEmbeddedEngine({ dataDir, log: (m) => console.log(m), settings });
  await ensureDatabase(engine.urlFor('postgres'), name);
  return {
    url: engine.urlFor(name),
    close: async () => {
      await engine.stop();
      if (!keep) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Prints the load average ("before"/"after" the timings) and returns it for the results file. */
export function reportLoad(when: 'before' | 'after'): number[] {
  const load = loadavg();
  console.log(`load average ${when}: ${load.map((x) => x.toFixed(1)).join(' ')}${when === 'before' ? ` on ${cpus().length} cores` : ''}`);
  return load;
}
