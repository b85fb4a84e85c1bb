/**
 * Runs one `danvan` command line: finds the command, answers `--help` / `-h` (before anything
 * else, so the help works without a database or a valid configuration), parses the options
 * strictly (an unknown option is a usage mistake: exit 2 with the usage line), then runs the
 * command. Without side effects of its own, so tests call it in-process; main.ts wires it to the
 * process (signals, exit code, error messages).
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { type Config, loadConfig } from '../config.js';
import type { Command } from './command.js';
import { COMMANDS } from './commands.js';
import { formatCommandHelp, formatOverview, usageProblem } from './help.js';
import { type Progress, stderrProgress } from './progress.js';

const isHelp = (arg: string | undefined) => arg === '--help' || arg === '-h';

/** The command named by the first one or two words, and the arguments after its name. */
function findCommand(commands: readonly Command[], argv: string[]): { command: Command; args: string[] } | undefined {
  const [first, second] = argv;
  const two = commands.find((c) => c.name === `${first} ${second}`);
  if (two) return { command: two, args: argv.slice(2) };
  const one = commands.find((c) => c.name === first);
  return one ? { command: one, args: argv.slice(1) } : undefined;
}

/** Options as `parseArgs` wants them; `--help` / `-h` are answered before parsing. */
function parseOptions(command: Command): ParseArgsConfig['options'] {
  return Object.fromEntries(Object.entries(command.options ?? {}).map(([name, o]) => [name, { type: o.type }]));
}

/** "Unknown option '--bogus'. To specify a positional …" → "unknown option --bogus". */
function parseProblem(err: Error & { code?: string }): string {
  if (err.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    const option = /'([^']+)'/.exec(err.message)?.[1];
    if (option) return `unknown option ${option}`;
  }
  return err.message.split('. ')[0] ?? err.message;
}

export type CliDeps = { commands?: readonly Command[]; loadConfig?: () => Config; progress?: Progress };

/** Returns the exit code (-1: the command keeps running, as `serve` does). */
export async function runCli(argv: string[], deps: CliDeps = {}): Promise<number> {
  const commands = deps.commands ?? COMMANDS;
  const [first, second] = argv;
  if (first === undefined || isHelp(first) || (first === 'help' && (second === undefined || isHelp(second)))) {
    console.log(formatOverview(commands));
    return 0;
  }
  // `danvan help report` is `danvan report --help`.
  const rest = first === 'help' ? argv.slice(1) : argv;
  const found = findCommand(commands, rest);
  if (!found) {
    const groups = new Set(commands.filter((c) => c.name.includes(' ')).map((c) => c.name.split(' ')[0]));
    const group = rest[0] ?? '';
    if (groups.has(group)) {
      // `danvan user --help` and `danvan help user` list the group's commands; `danvan user` alone is a mistake.
      if (first === 'help' ? rest.length === 1 : isHelp(rest[1])) {
        console.log(formatOverview(commands, group));
        return 0;
      }
      console.error(rest.length === 1 ? `danvan ${group}: which one?\n` : `danvan: unknown command "${rest.slice(0, 2).join(' ')}"\n`);
      console.error(formatOverview(commands, group));
      return 2;
    }
    console.error(`danvan: unknown command "${group}"\n`);
    console.error(formatOverview(commands));
    return 2;
  }
  const { command, args } = found;
  const end = args.indexOf('--');
  if (first === 'help' || (end === -1 ? args : args.slice(0, end)).some(isHelp)) {
    console.log(formatCommandHelp(command));
    return 0;
  }
  let parsed: { values: Record<string, string | boolean | undefined>; positionals: string[] };
  try {
    parsed = parseArgs({ args, options: parseOptions(command), allowPositionals: true, strict: true }) as typeof parsed;
  } catch (err) {
    const e = err as Error & { code?: string };
    if (!e.code?.startsWith('ERR_PARSE_ARGS')) throw err;
    return usageProblem(command, parseProblem(e));
  }
  if (!command.args?.length && parsed.positionals.length) {
    return usageProblem(command, `unexpected argument "${parsed.positionals[0]}"`);
  }
  const config = (deps.loadConfig ?? loadConfig)();
  return command.run({ config, values: parsed.values, positionals: parsed.positionals, progress: deps.progress ?? stderrProgress() });
}
