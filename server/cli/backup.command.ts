/**
 * `danvan backup <file>` and `danvan restore <file>`: the portable archive of all data, to move a
 * trial on the embedded engine to a production PostgreSQL (docs/backup.md).
 */
import path from 'node:path';
import cliProgress from 'cli-progress';
import { openDatabase } from '../db/open.js';
import { type BackupProgress, type BackupStep, createBackup, restoreBackup, type TableCount } from '../modules/backup/backup.service.js';
import type { Command } from './commands.js';

const STEP_LABELS: Record<BackupStep, string> = {
  backup: 'Reading the database',
  verify: 'Checking the archive',
  migrate: 'Migrating the target database',
  clear: 'Removing the rows seeded by migrations',
  load: 'Loading',
  finish: 'Done',
};

/** Progress on stderr: a bar on a terminal, one line per step and table otherwise (logs, CI). */
function progressReporter(stream: NodeJS.WriteStream = process.stderr) {
  let step: BackupStep | undefined;
  let bar: cliProgress.SingleBar | undefined;
  const stopBar = () => {
    bar?.stop();
    bar = undefined;
  };
  return {
    onProgress(p: BackupProgress) {
      const newStep = p.step !== step;
      step = p.step;
      if (p.step === 'finish') return stopBar();
      if (stream.isTTY) {
        if (newStep) {
          stopBar();
          if (p.step === 'backup' || p.step === 'verify' || p.step === 'load') {
            bar = new cliProgress.SingleBar(
              { format: `${STEP_LABELS[p.step].padEnd(22)} [{bar}] {percentage}% | {value}/{total} rows | {table}`, stream, hideCursor: true, clearOnComplete: false },
              cliProgress.Presets.shades_classic,
            );
            bar.start(p.total, p.done, { table: p.table ?? '' });
          } else {
            stream.write(`${STEP_LABELS[p.step]}\n`);
          }
        } else {
          bar?.update(p.done, p.table ? { table: p.table } : {});
        }
        return;
      }
      if (newStep) stream.write(`${STEP_LABELS[p.step]}${p.total && p.step !== 'clear' && p.step !== 'migrate' ? ` (${p.total} rows)` : ''}\n`);
      if (p.table) stream.write(`  ${p.table}: ${p.tableRows ?? 0} rows\n`);
    },
    stop: stopBar,
  };
}

function printTables(tables: TableCount[]): void {
  const width = Math.max(...tables.map((t) => t.name.length));
  for (const t of tables) console.log(`  ${t.name.padEnd(width)} ${t.rows.toLocaleString('en').padStart(12)}`);
}

const size = (bytes: number) => (bytes < 1024 * 1024 ? `${Math.ceil(bytes / 1024)} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`);

/** Where the data is, without the password. */
function describeTarget(engine: 'embedded' | 'external', url: string, dataDir: string): string {
  if (engine === 'embedded') return `the embedded PostgreSQL in ${dataDir}`;
  const u = new URL(url);
  return `PostgreSQL at ${u.hostname}${u.port ? `:${u.port}` : ''}${u.pathname}`;
}

function fileArgument(positionals: string[], usage: string): string | undefined {
  if (positionals.length === 1 && positionals[0]) return path.resolve(positionals[0]);
  console.error(`Usage: ${usage}`);
  return undefined;
}

export const backupCommand: Command = {
  name: 'backup',
  summary: 'Write all data to one portable archive: backup <file>',
  async run({ config, positionals }) {
    const file = fileArgument(positionals, 'danvan backup <file>   (for example trial.dvbak)');
    if (!file) return 2;
    const database = await openDatabase(config, (m) => console.error(m));
    const progress = progressReporter();
    try {
      const summary = await createBackup(database.db, file, { onProgress: progress.onProgress });
      progress.stop();
      console.log(
        `Backed up ${describeTarget(database.engine, database.url, config.dataDir)} to ${file}: ` +
          `${summary.tables.length} tables, ${summary.rows.toLocaleString('en')} rows, ${size(summary.bytes)} in ${summary.seconds.toFixed(1)} s`,
      );
      printTables(summary.tables);
      return 0;
    } finally {
      progress.stop();
      await database.close();
    }
  },
};

export const restoreCommand: Command = {
  name: 'restore',
  summary: 'Load an archive into an empty database: restore <file> (docs/backup.md)',
  async run({ config, positionals }) {
    const file = fileArgument(positionals, 'danvan restore <file>');
    if (!file) return 2;
    const database = await openDatabase(config, (m) => console.error(m));
    const progress = progressReporter();
    try {
      console.error(`Restoring ${file} into ${describeTarget(database.engine, database.url, config.dataDir)}`);
      const summary = await restoreBackup(database.db, file, { onProgress: progress.onProgress });
      progress.stop();
      console.log(`Restored ${summary.tables.length} tables, ${summary.rows.toLocaleString('en')} rows in ${summary.seconds.toFixed(1)} s`);
      printTables(summary.tables);
      if (summary.migratedAfter.length) console.log(`Then applied the newer migrations: ${summary.migratedAfter.join(', ')}`);
      return 0;
    } finally {
      progress.stop();
      await database.close();
    }
  },
};
