/** Every `danvan` sub-command, in the order `danvan help` lists them. */
import { migrateToLatest } from '../db/database.js';
import { openDatabase } from '../db/open.js';
import { serve, stopOnSignals } from '../main.js';
import { backupCommand, restoreCommand } from './backup.command.js';
import type { Command } from './command.js';
import { usageProblem } from './help.js';
import { petitionsDigestCommand, petitionsEraseCommand } from './petitions.command.js';
import { stderrProgress } from './progress.js';
import { reportCommand } from './report.command.js';
import { unitsImportCommand } from './units-import.command.js';
import { userCreateCommand, userResetPasswordCommand } from './user.command.js';

export type { Command, CommandInput } from './command.js';

export const serveCommand: Command = {
  name: 'serve',
  summary: 'Start the web app and the API (--demo also loads the demo data)',
  usage: '[--demo] [--port N]',
  options: {
    demo: {
      type: 'boolean',
      description:
        'Also load the demo data set (organizations, accounts of every role, entries, reviews, petitions) and print the demo accounts with their password, on every start. For trying danvan, never on real data.',
      default: 'off',
    },
    port: { type: 'string', value: '<N>', description: 'The TCP port to listen on (0: any free port).', default: 'PORT, else 3000' },
  },
  notes: [
    'The database is the embedded PostgreSQL in DANVAN_DATA_DIR (./data), or the server of DATABASE_URL. SIGINT, SIGTERM or SIGHUP stop it in order (docs/reliability.md).',
  ],
  examples: [
    { command: 'danvan serve --demo', does: 'Start on http://localhost:3000 with the demo data; the demo accounts and their password are printed.' },
    { command: 'PORT=8080 DATABASE_URL=postgres://danvan@db/danvan danvan serve', does: 'Start on port 8080 over an external PostgreSQL.' },
  ],
  async run({ config, values }) {
    const port = values.port === undefined ? config.port : Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) return usageProblem(serveCommand, `--port must be a whole number from 0 to 65535, not "${String(values.port)}"`);
    const server = await serve({ ...config, port }, { demo: values.demo === true });
    stopOnSignals(server.stop);
    return -1;
  },
};

export const migrateCommand: Command = {
  name: 'migrate',
  summary: 'Apply pending database migrations',
  usage: '',
  options: {},
  notes: ['`serve` and the other commands migrate on their own; this runs only the migrations, e.g. before starting several processes.'],
  examples: [{ command: 'DATABASE_URL=postgres://danvan@db/danvan danvan migrate', does: 'Bring the external database up to date and print the migrations applied.' }],
  async run({ config, progress = stderrProgress() }) {
    const database = await openDatabase(config, (m) => console.error(m));
    try {
      const { applied } = await progress.step('Applying the migrations', () => migrateToLatest(database.db));
      console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'The database is up to date.');
      return 0;
    } finally {
      await database.close();
    }
  },
};

export const COMMANDS: Command[] = [
  serveCommand,
  migrateCommand,
  backupCommand,
  restoreCommand,
  userCreateCommand,
  userResetPasswordCommand,
  unitsImportCommand,
  reportCommand,
  petitionsDigestCommand,
  petitionsEraseCommand,
];
