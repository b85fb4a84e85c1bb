#!/usr/bin/env node
/**
 * `danvan` — the command line. Each sub-command parses its arguments and calls the same services
 * the HTTP API uses (cli.ts runs one command line; commands.ts lists them). `danvan help` lists
 * the commands, `danvan <command> --help` explains one with an example.
 */
import { ConfigError } from '../config.js';
import { isConnectionError } from '../db/database.js';
import { DataFolderBusyError } from '../db/embedded-engine.js';
import { AppError } from '../errors.js';
import { runCli } from './cli.js';

// A signal ends a command at once with 128 + its number. Exiting (rather than dying of the signal)
// runs the embedded engine's exit hook, which stops PostgreSQL. `serve` and `backup` put their own
// handling in place of this one.
for (const [signal, number] of [['SIGINT', 2], ['SIGTERM', 15], ['SIGHUP', 1]] as const) {
  process.on(signal, () => {
    console.error(`danvan: ${signal} received; stopping`);
    process.exit(128 + number);
  });
}

runCli(process.argv.slice(2)).then(
  (code) => {
    if (code !== -1) process.exitCode = code;
  },
  (err: unknown) => {
    if (err instanceof ConfigError || err instanceof DataFolderBusyError || err instanceof AppError) {
      console.error(`danvan: ${err.message}`);
    } else if (isConnectionError(err)) {
      console.error(`danvan: the database cannot be reached (${(err as Error).message}); check that PostgreSQL runs and DATABASE_URL`);
    } else if ((err as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      const e = err as NodeJS.ErrnoException & { address?: string; port?: number };
      console.error(`danvan: the address ${e.address ?? ''}:${e.port ?? ''} is already in use; stop what listens there or set PORT to another port.`);
    } else {
      console.error(err);
    }
    process.exit(1);
  },
);
