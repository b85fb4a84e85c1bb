/**
 * The unit history's cost at first start (issue 11: "loading the unit history on first start adds
 * ≤ 30 s"), printed and written to bench/results/units-history.json (run alone: npx tsx
 * bench/units-history.bench.ts; BENCH_DATABASE_URL to use a server instead of an embedded engine).
 * - reading and modelling the files: with the history, and the 2025-only part of the same model;
 * - the import into an empty tree, phase by phase: with the history (today's first start) and
 *   without it (the units of 4 January 2025 and after only: the first start before the history);
 * - a second run (nothing to write) and the start-up check when up to date.
 * Not a test: nothing here asserts a time.
 */
import { sql } from 'kysely';
import { RESTRUCTURE_DATE } from '../common/units.js';
import { createDb, type Db, migrateToLatest } from '../server/db/database.js';
import { ensureOfficialUnits, importOfficialUnits } from '../server/modules/units/units.import.js';
import { UNITS_IMPORT_META_KEY } from '../server/modules/units/units-import.repository.js';
import { buildOfficialDataset, type OfficialDataset, readSeedTexts } from '../server/modules/units/units.seed.js';
import { openBenchDatabase, reportLoad, writeResults } from './support.js';

const seconds = (ms: number) => Math.round(ms) / 1000;

async function emptyTree(db: Db): Promise<void> {
  await sql`delete from unit_successions`.execute(db);
  await sql`delete from unit_names`.execute(db);
  await sql`delete from units where parent_id is not null`.execute(db);
  await db.deleteFrom('app_meta').where('key', '=', UNITS_IMPORT_META_KEY).execute();
}

/** The same model without what the history adds: units gone before 4 January 2025, former names, their links. */
function withoutHistory(d: OfficialDataset): OfficialDataset {
  const units = d.units.filter((u) => u.validTo === null || u.validTo >= RESTRUCTURE_DATE).map((u) => ({ ...u, formerNames: [] }));
  const keys = new Set(units.map((u) => u.key));
  return { ...d, units, successions: d.successions.filter((s) => keys.has(s.predecessorKey) && keys.has(s.successorKey) && s.effective === RESTRUCTURE_DATE) };
}

async function timedImport(db: Db, dataset: OfficialDataset) {
  const phases: Record<string, number> = {};
  let phase = 'start';
  let at = performance.now();
  const started = at;
  const report = await importOfficialUnits(db, {
    dataset,
    onProgress: (_done, _total, p) => {
      if (p === phase) return;
      const now = performance.now();
      phases[phase] = seconds(now - at);
      [phase, at] = [p, now];
    },
  });
  phases.attribution_and_meta = phases[phase] ?? 0;
  return { total: seconds(performance.now() - started), phases, report };
}

async function main() {
  const load = [reportLoad('before')];
  let t = performance.now();
  const texts = readSeedTexts();
  const readMs = performance.now() - t;
  t = performance.now();
  const dataset = buildOfficialDataset(texts);
  const modelMs = performance.now() - t;
  const before = withoutHistory(dataset);
  console.log(`read the files: ${seconds(readMs)} s; model: ${seconds(modelMs)} s (${dataset.units.length} units, ${dataset.successions.length} successions, ${dataset.history.formerNames} former names)`);

  const { url, close } = await openBenchDatabase('danvan_bench_units');
  const db = createDb(url);
  try {
    await migrateToLatest(db);
    // Two rounds, alternating, the second one reported: the first pays for cold caches.
    let without = await (async () => (await emptyTree(db), timedImport(db, before)))();
    let full = await (async () => (await emptyTree(db), timedImport(db, dataset)))();
    without = await (async () => (await emptyTree(db), timedImport(db, before)))();
    full = await (async () => (await emptyTree(db), timedImport(db, dataset)))();
    console.log(`import without the history (${before.units.length} units): ${without.total} s`, without.phases);
    console.log(`import with the history (${dataset.units.length} units): ${full.total} s`, full.phases);
    const again = await timedImport(db, dataset);
    console.log(`second run (nothing to write): ${again.total} s, changed: ${again.report.changed}`);
    t = performance.now();
    const ensured = await ensureOfficialUnits(db);
    const ensureMs = performance.now() - t;
    console.log(`start-up check when up to date: ${seconds(ensureMs)} s (${ensured.summary})`);
    load.push(reportLoad('after'));
    const added = seconds(modelMs + full.total * 1000 - without.total * 1000);
    console.log(`the history adds at first start: ${added} s (model ${seconds(modelMs)} s in all, import ${full.total} s vs ${without.total} s)`);
    writeResults('units-history', {
      load,
      readSeconds: seconds(readMs),
      modelSeconds: seconds(modelMs),
      importWithout: without,
      importWith: { total: full.total, phases: full.phases },
      secondRun: again.total,
      ensureUpToDate: seconds(ensureMs),
      historyAddsSeconds: added,
      counts: { units: dataset.units.length, successions: dataset.successions.length, history: dataset.history },
    });
  } finally {
    await db.destroy();
    await close();
  }
}

await main();
