/**
 * The help of the command line: the list of commands (`danvan help`), one command's help
 * (`danvan <command> --help`: usage, arguments, every option with its meaning and default,
 * examples), and the short answer to a usage mistake (the problem, the usage line, where the help
 * is; exit code 2).
 */
import type { Command } from './command.js';

/** Column where option descriptions start; longer option names put the description on the next line. */
const DESCRIPTION_COLUMN = 34;
const LINE = 100;

/** Words wrapped to `width`, each line after the first indented by `indent`. */
function wrap(text: string, width: number, indent: number): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(line);
  return lines.join(`\n${' '.repeat(indent)}`);
}

/** "  --unit <ref>          The unit …" with the description wrapped under itself. */
function row(left: string, description: string): string {
  const head = `  ${left}`;
  const text = wrap(description, LINE - DESCRIPTION_COLUMN, DESCRIPTION_COLUMN);
  return head.length + 2 <= DESCRIPTION_COLUMN ? `${head.padEnd(DESCRIPTION_COLUMN)}${text}` : `${head}\n${' '.repeat(DESCRIPTION_COLUMN)}${text}`;
}

export const usageLine = (command: Command) => `Usage: danvan ${command.name}${command.usage ? ` ${command.usage}` : ''}`;

export function formatCommandHelp(command: Command): string {
  const out = [`danvan ${command.name}: ${command.summary}`, '', usageLine(command)];
  if (command.args?.length) {
    out.push('', 'Arguments:');
    for (const a of command.args) out.push(row(a.name, a.description));
  }
  out.push('', 'Options:');
  for (const [name, o] of Object.entries(command.options ?? {})) {
    const left = o.type === 'string' ? `--${name} ${o.value ?? '<value>'}` : `--${name}`;
    const extra = [o.required ? '(required)' : '', o.default !== undefined ? `Default: ${o.default}.` : ''].filter(Boolean).join(' ');
    out.push(row(left, extra ? `${o.description} ${extra}` : o.description));
  }
  out.push(row('-h, --help', 'Show this help and exit.'));
  if (command.notes?.length) {
    out.push('');
    for (const n of command.notes) out.push(wrap(n, LINE, 0));
  }
  out.push('', command.examples.length > 1 ? 'Examples:' : 'Example:');
  for (const e of command.examples) out.push(`  ${e.command}`, `      ${wrap(e.does, LINE - 6, 6)}`);
  return out.join('\n');
}

/** `danvan help`: every command (or those of a group such as `user`) with its summary. */
export function formatOverview(commands: readonly Command[], group?: string): string {
  const listed = group ? commands.filter((c) => c.name.startsWith(`${group} `)) : commands;
  const width = Math.max(...listed.map((c) => c.name.length)) + 2;
  return [
    `Usage: danvan ${group ? `${group} ` : ''}<command> [options]`,
    '',
    'Commands:',
    ...listed.map((c) => `  ${c.name.padEnd(width)} ${c.summary}`),
    '',
    'Run "danvan <command> --help" for its options and an example.',
  ].join('\n');
}

/**
 * A mistake in how the command was called: says what is wrong, the usage line and where the help
 * is, on stderr; returns the exit code 2 (the shells' convention for bad usage).
 */
export function usageProblem(command: Command, problem: string): number {
  console.error(`danvan ${command.name}: ${problem}`);
  console.error(usageLine(command));
  console.error(`Run "danvan ${command.name} --help" for the options and an example.`);
  return 2;
}
