import type { ParseArgsConfig } from 'node:util';
import type { Config } from '../config.js';
import { migrateToLatest } from '../db/database.js';
import { openDatabase } from '../db/open.js';
import { serve, stopOnSignals } from '../main.js';
import { backupCommand, restoreCommand } from './backup.command.js';
import { userCreateCommand, userResetPasswordCommand } from './user.command.js';
import { reportCommand } from './report.command.js';
import { unitsImportCommand } from './units-import.command.js';
import { petitionsDigestCommand, petitionsEraseCommand } from './petitions.command.js';

export type CommandInput = { config: Config; values: Record<string, string | boolean | undefined>; positionals: string[] };

/** A sub-command; `run` returns the exit code, or -1 when it keeps running (serve). */
export type Command = {
  name: string;
  summary: string;
  options?: ParseArgsConfig['options'];
  run(input: CommandInput): Promise<number>;
};


export const COMMANDS: Command[] = [
  {
    name: 'serve',
    summary: 'Start the web app and API (--demo also loads the demo data)',
    options: { demo: { type: 'boolean', default: false }, port: { type: 'string' } },
    async run({ config, values }) {
      const port = values.port === undefined ? config.port : Number(values.port);
      const server = await serve({ ...config, port }, { demo: values.demo === true });
      stopOnSignals(server.stop);
      return -1;
    },
  },
  {
    name: 'migrate',
    summary: 'Apply pending database migrations',
    async run({ config }) {
      const database = await openDatabase(config, (m) => console.error(m));
      try {
        const { applied } = await migrateToLatest(database.db);
        console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'The database is up to date.');
        return 0;
      } finally {
        await database.close();
      }
    },
  },
  backupCommand,
  restoreCommand,
  userCreateCommand,
  userResetPasswordCommand,
  unitsImportCommand,
  reportCommand,
  petitionsDigestCommand,
  petitionsEraseCommand,
];
