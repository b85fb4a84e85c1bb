/**
 * `danvan backup <file>` and `danvan restore <file>`: the portable archive of all data, to move a
 * trial on the embedded engine to a production PostgreSQL (docs/backup.md).
 */
import path from 'node:path';
import cliProgress from 'cli-progress';
import { openDatabase } from '../db/open.js';
import { type BackupProgress, type BackupStep, createBackup, restoreBackup, type TableCount } from '../modules/backup/backup.service.js';
import type { Command } from './command.js';
import { usageProblem } from './help.js';

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

type StopSignal = 'SIGINT' | 'SIGTERM' | 'SIGHUP';
const SIGNAL_EXIT: Record<StopSignal, number> = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 };

/**
 * SIGINT / SIGTERM / SIGHUP during a backup abort it: the service removes the partial file, the
 * database closes, and the command ends with 128 + the signal's number. The CLI's own handlers
 * (server/cli/main.ts) would exit at once and leave the partial behind, so they are replaced for
 * this command. A second signal ends the process without waiting; the next backup then removes
 * what is left (backup-partials.ts).
 */
function abortOnSignals(): { signal: AbortSignal; received(): StopSignal | undefined } {
  const controller = new AbortController();
  let received: StopSignal | undefined;
  for (const name of Object.keys(SIGNAL_EXIT) as StopSignal[]) {
    process.removeAllListeners(name);
    process.on(name, () => {
      if (received) process.exit(SIGNAL_EXIT[received]);
      received = name;
      console.error(`\n${name} received: stopping the backup and removing its partial file`);
      controller.abort(new Error(`${name} received`));
    });
  }
  return { signal: controller.signal, received: () => received };
}

/** The one <file> argument, resolved; undefined (after saying so) when there is not exactly one. */
function fileArgument(command: Command, positionals: string[]): string | undefined {
  if (positionals.length === 1 && positionals[0]) return path.resolve(positionals[0]);
  usageProblem(command, positionals.length ? `one <file>, not ${positionals.length}` : 'which file? (<file> is missing)');
  return undefined;
}

export const backupCommand: Command = {
  name: 'backup',
  summary: 'Write all data to one portable archive (docs/backup.md)',
  usage: '<file>',
  args: [{ name: '<file>', description: 'The archive to write (for example trial.dvbak), readable by its owner only. It is written beside as a partial file and takes this name only when complete (replacing a file of that name).' }],
  options: {},
  notes: [
    'Reads a consistent snapshot while the app keeps running. Progress goes to stderr: a bar on a terminal, one line per table in a log. Ctrl-C stops it and removes the partial file (exit 130).',
  ],
  examples: [{ command: 'danvan backup trial.dvbak', does: 'Write every table of the configured database (embedded, or DATABASE_URL) to trial.dvbak and list the rows of each.' }],
  async run({ config, positionals }) {
    const file = fileArgument(backupCommand, positionals);
    if (!file) return 2;
    const interrupt = abortOnSignals();
    const database = await openDatabase(config, (m) => console.error(m));
    const progress = progressReporter();
    try {
      const summary = await createBackup(database.db, file, { onProgress: progress.onProgress, signal: interrupt.signal });
      progress.stop();
      for (const p of summary.removedPartials) console.error(`Removed ${p}, left by a backup that was killed`);
      console.log(
        `Backed up ${describeTarget(database.engine, database.url, config.dataDir)} to ${file}: ` +
          `${summary.tables.length} tables, ${summary.rows.toLocaleString('en')} rows, ${size(summary.bytes)} in ${summary.seconds.toFixed(1)} s`,
      );
      printTables(summary.tables);
      return 0;
    } catch (err) {
      const signal = interrupt.received();
      if (!signal) throw err;
      progress.stop();
      console.error(`Backup stopped by ${signal}; no archive was written.`);
      return SIGNAL_EXIT[signal];
    } finally {
      progress.stop();
      await database.close();
    }
  },
};

export const restoreCommand: Command = {
  name: 'restore',
  summary: 'Load an archive into an empty database (docs/backup.md)',
  usage: '<file>',
  args: [{ name: '<file>', description: 'An archive written by `danvan backup`.' }],
  options: {},
  notes: [
    'The target (the embedded PostgreSQL in DANVAN_DATA_DIR, or DATABASE_URL) must hold no data of its own; it is migrated first, and the newer migrations run after the load. Progress goes to stderr.',
  ],
  examples: [{ command: 'DATABASE_URL=postgres://danvan@db/danvan danvan restore trial.dvbak', does: 'Move a trial on the embedded engine to a production PostgreSQL.' }],
  async run({ config, positionals }) {
    const file = fileArgument(restoreCommand, positionals);
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
