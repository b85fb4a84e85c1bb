#!/usr/bin/env node
/**
 * `danvan` — the command line. Each sub-command parses its arguments and calls the same services
 * the HTTP API uses. `danvan help` lists them.
 */
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../config.js';
import { DataFolderBusyError } from '../db/embedded-engine.js';
import { AppError } from '../errors.js';
import { COMMANDS } from './commands.js';

async function main(argv: string[]): Promise<number> {
  const [first, second, ...rest] = argv;
  const name = [first, second].filter(Boolean).join(' ');
  const command = COMMANDS.find((c) => c.name === name) ?? COMMANDS.find((c) => c.name === first);
  if (!first || first === 'help' || first === '--help' || !command) {
    if (first && first !== 'help' && first !== '--help') console.error(`Unknown command: ${name}\n`);
    console.log('Usage: danvan <command> [options]\n');
    for (const c of COMMANDS) console.log(`  ${c.name.padEnd(26)} ${c.summary}`);
    return first && first !== 'help' && first !== '--help' ? 2 : 0;
  }
  const args = command.name.includes(' ') ? rest : [second, ...rest].filter((a): a is string => a !== undefined);
  const parsed = parseArgs({ args, options: command.options ?? {}, allowPositionals: true, strict: true });
  const config = loadConfig();
  return command.run({ config, values: parsed.values as Record<string, string | boolean | undefined>, positionals: parsed.positionals });
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code !== undefined && code !== -1) process.exitCode = code;
  },
  (err: unknown) => {
    if (err instanceof ConfigError || err instanceof DataFolderBusyError || err instanceof AppError) {
      console.error(`danvan: ${err.message}`);
    } else if ((err as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      const e = err as NodeJS.ErrnoException & { address?: string; port?: number };
      console.error(`danvan: the address ${e.address ?? ''}:${e.port ?? ''} is already in use; stop what listens there or set PORT to another port.`);
    } else if (err instanceof TypeError && (err as NodeJS.ErrnoException).code?.startsWith('ERR_PARSE_ARGS')) {
      console.error(`danvan: ${err.message}`);
    } else {
      console.error(err);
    }
    process.exit(1);
  },
);
