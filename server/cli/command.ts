/**
 * What a `danvan` sub-command is: its name, the help it prints (`danvan <command> --help`), the
 * options it accepts and the work it does. The help is written next to the options, so a new
 * option cannot be added without saying what it means (the help test checks every one).
 */
import type { Config } from '../config.js';
import type { Progress } from './progress.js';

export type CommandOption = {
  type: 'string' | 'boolean';
  /** The value's placeholder in the help: "<file>", "YYYY-MM-DD", "json|xlsx|docx|csv". */
  value?: string;
  /** What the option means, in one or two sentences. */
  description: string;
  /** What applies when the option is absent, as the help words it ("today", "3000 (or PORT)"). */
  default?: string;
  /** Marked "(required)" in the help; the command itself checks it. */
  required?: boolean;
};

export type CommandInput = {
  config: Config;
  values: Record<string, string | boolean | undefined>;
  positionals: string[];
  /** Where long work reports how far it is (stderr; tests pass their own). */
  progress?: Progress;
};

/** A sub-command; `run` returns the exit code, or -1 when it keeps running (serve). */
export type Command = {
  name: string;
  /** One line for `danvan help`. */
  summary: string;
  /** What follows "danvan <name>" on the usage line: "<file>", "--unit <ref> --period <period> [options]". */
  usage: string;
  /** Positional arguments, for the help. */
  args?: { name: string; description: string }[];
  options?: Record<string, CommandOption>;
  /** At least one: the command line and what it does. */
  examples: { command: string; does: string }[];
  /** Paragraphs after the options: where output goes, exit codes, notes. */
  notes?: string[];
  run(input: CommandInput): Promise<number>;
};
