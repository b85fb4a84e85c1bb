/**
 * `danvan units import`: (re-)imports the official administrative units from server/db/seed into
 * the configured database, with a progress bar on a terminal (phase lines otherwise), and prints
 * what changed. The same import runs at start-up when the files changed.
 */
import cliProgress from 'cli-progress';
import { importOfficialUnits, summarizeImport, type UnitsImportReport } from '../modules/units/units.import.js';
import { loadOfficialDataset } from '../modules/units/units.seed.js';
import type { Command } from './commands.js';
import { withDatabase } from './with-database.js';

function printReport(report: UnitsImportReport, anomalies: { type: string; detail: string }[], verbose: boolean): void {
  const rows: { kind: string; inserted: number; updated: number; unchanged: number }[] = [
    ...(['province', 'district', 'commune'] as const).map((k) => ({ kind: k, ...report.units[k] })),
    { kind: 'succession', ...report.successions },
  ];
  console.log(report.changed ? 'The official units were imported.' : 'The official units were already up to date: nothing changed.');
  console.log(`${'kind'.padEnd(12)} ${'inserted'.padStart(9)} ${'updated'.padStart(9)} ${'unchanged'.padStart(10)}`);
  for (const r of rows) console.log(`${r.kind.padEnd(12)} ${String(r.inserted).padStart(9)} ${String(r.updated).padStart(9)} ${String(r.unchanged).padStart(10)}`);
  if (report.successions.removed) console.log(`successions removed (no longer in the files): ${report.successions.removed}`);
  if (report.notInSeed) console.log(`official units in the database that the files no longer list (kept): ${report.notInSeed}`);
  console.log(`data anomalies handled: ${report.anomalies}${verbose ? '' : ' (--verbose lists them; docs/units.md explains them)'}`);
  if (verbose) for (const a of anomalies) console.log(`  [${a.type}] ${a.detail}`);
  console.log(`time: ${(report.durationMs / 1000).toFixed(1)} s`);
}

export const unitsImportCommand: Command = {
  name: 'units import',
  summary: 'Import the official administrative units (idempotent; --verbose lists data anomalies)',
  options: { verbose: { type: 'boolean', default: false } },
  async run({ config, values }) {
    const dataset = loadOfficialDataset();
    const report = await withDatabase(config, async ({ db }) => {
      const tty = process.stderr.isTTY === true;
      const bar = tty
        ? new cliProgress.SingleBar({ stream: process.stderr, format: ' {bar} {percentage}% | {value}/{total} | {phase}', hideCursor: true }, cliProgress.Presets.shades_classic)
        : undefined;
      let lastPhase = '';
      try {
        return await importOfficialUnits(db, {
          dataset,
          onProgress: (done, total, phase) => {
            if (bar) {
              if (!lastPhase) bar.start(total, 0, { phase });
              bar.update(done, { phase });
            } else if (phase !== lastPhase) {
              process.stderr.write(`units import: ${phase} (${done}/${total})\n`);
            }
            lastPhase = phase;
          },
        });
      } finally {
        bar?.stop();
      }
    });
    console.error(summarizeImport(report));
    printReport(report, dataset.anomalies, values.verbose === true);
    return 0;
  },
};
