/**
 * `danvan units import`: (re-)imports the official administrative units from server/db/seed into
 * the configured database, with a progress bar on a terminal (phase lines otherwise), and prints
 * what changed. The same import runs at start-up when the files changed.
 */
import cliProgress from 'cli-progress';
import { importOfficialUnits, summarizeImport, type UnitsImportReport } from '../modules/units/units.import.js';
import { loadOfficialDataset, type OfficialDataset } from '../modules/units/units.seed.js';
import type { Command } from './command.js';
import { withDatabase } from './with-database.js';

function printReport(report: UnitsImportReport, dataset: OfficialDataset, verbose: boolean): void {
  const anomalies = dataset.anomalies;
  const rows: { kind: string; inserted: number; updated: number; unchanged: number }[] = [
    ...(['province', 'district', 'commune'] as const).map((k) => ({ kind: k, ...report.units[k] })),
    { kind: 'succession', ...report.successions },
  ];
  console.log(report.changed ? 'The official units were imported.' : 'The official units were already up to date: nothing changed.');
  console.log(`${'kind'.padEnd(12)} ${'inserted'.padStart(9)} ${'updated'.padStart(9)} ${'unchanged'.padStart(10)}`);
  for (const r of rows) console.log(`${r.kind.padEnd(12)} ${String(r.inserted).padStart(9)} ${String(r.updated).padStart(9)} ${String(r.unchanged).padStart(10)}`);
  if (report.successions.removed) console.log(`successions removed (no longer in the files): ${report.successions.removed}`);
  console.log(`former names: +${report.names.inserted} -${report.names.removed} =${report.names.unchanged}`);
  const h = report.history;
  console.log(`units of 2019 – 4 January 2025 gone before the restructure: ${h.earlier.district} districts, ${h.earlier.commune} communes (${h.moved} of them listed under another district afterwards)`);
  console.log(`successors of units that went away: ${h.inferred} inferred, ${h.ambiguous} ambiguous (given their district; ${verbose ? 'listed below' : '--verbose lists them'}; a system administrator corrects them: docs/units.md)`);
  if (report.overrides) console.log(`successions set by a system administrator, kept as set: ${report.overrides}`);
  if (report.rekeyed) console.log(`units of the 4 January 2025 list recognised as later units of their code (upgrade from the 2025-only model): ${report.rekeyed}`);
  if (report.notInSeed) console.log(`official units in the database that the files no longer list (kept): ${report.notInSeed}`);
  console.log(`data anomalies handled: ${report.anomalies}${verbose ? '' : ' (--verbose lists them; docs/units.md explains them)'}`);
  if (verbose) for (const a of anomalies) console.log(`  [${a.type}] ${a.detail}`);
  if (verbose) {
    console.log('ambiguous successions (the fallback given):');
    for (const a of dataset.ambiguous) console.log(`  ${a.predecessorKey} ${a.name}, until ${a.until} → ${a.successorKey} (${a.candidates === 'several' ? 'several candidates' : 'no candidate'})`);
  }
  console.log(`time: ${(report.durationMs / 1000).toFixed(1)} s`);
}

export const unitsImportCommand: Command = {
  name: 'units import',
  summary: 'Import the official administrative units (idempotent)',
  usage: '[--verbose]',
  options: {
    verbose: { type: 'boolean', description: 'Also list the data anomalies handled and the ambiguous successions with the fallback given (docs/units.md).', default: 'off' },
  },
  notes: [
    'Loads the official lists of 2019–2025 and the 2025 restructure from server/db/seed into the configured database; `serve` does the same at start-up when the files changed. Progress goes to stderr (a bar on a terminal); the summary of what changed to stdout.',
  ],
  examples: [{ command: 'danvan units import --verbose', does: 'Re-import the official units and list every anomaly the import handled.' }],
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
    printReport(report, dataset, values.verbose === true);
    return 0;
  },
};
