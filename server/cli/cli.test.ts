import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Config } from '../config.js';
import { projectRoot } from '../paths.js';
import { runCli } from './cli.js';
import { COMMANDS } from './commands.js';

afterEach(() => {
  vi.restoreAllMocks();
});

/** Runs a command line in-process with a configuration that must not be needed (help and usage mistakes touch no database). */
async function cli(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => void out.push(args.join(' ')));
  vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => void err.push(args.join(' ')));
  const loadConfig = (): Config => {
    throw new Error(`the command line ${argv.join(' ')} loaded the configuration`);
  };
  try {
    const code = await runCli(argv, { loadConfig });
    return { code, out: out.join('\n'), err: err.join('\n') };
  } finally {
    vi.restoreAllMocks();
  }
}

describe('danvan <command> --help', () => {
  it.each(COMMANDS.map((c) => [c.name, c] as const))('%s explains its usage, every option with its meaning, and gives an example', async (name, command) => {
    for (const flag of ['--help', '-h']) {
      const r = await cli([...name.split(' '), flag]);
      expect(r.code, `${name} ${flag}`).toBe(0);
      expect(r.err).toBe('');
      expect(r.out).toContain(`Usage: danvan ${name}`);
      for (const [option, o] of Object.entries(command.options ?? {})) {
        // The option, then (on its line or the next) its description's first words.
        const at = r.out.indexOf(`--${option}${o.type === 'string' ? ' ' : ''}`);
        expect(at, `${name}: --${option}`).toBeGreaterThan(-1);
        expect(r.out.slice(at).replace(/\s+/g, ' '), `${name}: --${option}'s meaning`).toContain(o.description.split(' ').slice(0, 3).join(' '));
        if (o.default) expect(r.out.replace(/\s+/g, ' ')).toContain(`Default: ${o.default}.`);
      }
      expect(r.out).toMatch(/^Examples?:$/m);
      for (const e of command.examples) expect(r.out).toContain(`  ${e.command}`);
    }
    // `danvan help <command>` is the same help.
    expect((await cli(['help', ...name.split(' ')])).out).toBe((await cli([...name.split(' '), '--help'])).out);
  });

  it('answers --help wherever it stands among the options, and not after "--"', async () => {
    const r = await cli(['report', '--unit', 'province:37', '--help']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('Usage: danvan report');
    // After "--" it is an argument like any other: report takes none.
    const after = await cli(['report', '--', '--help']);
    expect(after.code).toBe(2);
  });
});

describe('usage mistakes: exit 2 with the problem, the usage line and where the help is', () => {
  it.each(COMMANDS.map((c) => [c.name] as const))('%s refuses an unknown option', async (name) => {
    const r = await cli([...name.split(' '), '--no-such-option']);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toBe(`danvan ${name}: unknown option --no-such-option\n${r.err.split('\n')[1]}\nRun "danvan ${name} --help" for the options and an example.`);
    expect(r.err.split('\n')[1]).toMatch(new RegExp(`^Usage: danvan ${name}`));
  });

  it('refuses an option without its value, a value given to a flag, and an argument a command does not take', async () => {
    expect(await cli(['report', '--unit'])).toMatchObject({ code: 2, err: expect.stringMatching(/^danvan report: Option '--unit <value>' argument missing\nUsage: danvan report/) });
    expect(await cli(['units', 'import', '--verbose=yes'])).toMatchObject({ code: 2, err: expect.stringMatching(/^danvan units import: Option '--verbose' does not take an argument/) });
    expect(await cli(['migrate', 'now'])).toMatchObject({ code: 2, err: expect.stringMatching(/^danvan migrate: unexpected argument "now"/) });
  });

  it('lists the commands for `danvan`, `danvan help`, `--help`; a group for `danvan user --help`; unknown commands exit 2', async () => {
    for (const argv of [[], ['help'], ['--help'], ['-h']]) {
      const r = await cli(argv);
      expect(r.code, argv.join(' ')).toBe(0);
      for (const c of COMMANDS) expect(r.out).toContain(`  ${c.name} `);
      expect(r.out).toContain('Run "danvan <command> --help" for its options and an example.');
    }
    const group = await cli(['user', '--help']);
    expect(group.code).toBe(0);
    expect(group.out).toMatch(/user create .*\n.*user reset-password/);
    expect(group.out).not.toContain('petitions digest');
    expect(await cli(['help', 'petitions'])).toMatchObject({ code: 0, out: expect.stringContaining('petitions erase-identities') });
    expect(await cli(['user'])).toMatchObject({ code: 2, err: expect.stringContaining('danvan user: which one?') });
    expect(await cli(['user', 'delete'])).toMatchObject({ code: 2, err: expect.stringContaining('danvan: unknown command "user delete"') });
    expect(await cli(['frobnicate'])).toMatchObject({ code: 2, err: expect.stringContaining('danvan: unknown command "frobnicate"') });
  });
});

describe('the danvan executable', () => {
  const exec = promisify(execFile);
  const danvan = (args: string[]) =>
    exec(process.execPath, ['--import', 'tsx', 'server/cli/main.ts', ...args], { cwd: projectRoot, env: { ...process.env, LOG_LEVEL: 'silent' } }).then(
      (r) => ({ code: 0, stdout: r.stdout, stderr: r.stderr }),
      (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
    );

  it('exits 0 for `report --help` (the issue: "Unknown option \'--help\'") and 2 for an unknown option', async () => {
    // Both at once: each loads the whole server through tsx, slow on a busy machine.
    const [help, bad] = await Promise.all([danvan(['report', '--help']), danvan(['report', '--bogus'])]);
    expect(help).toMatchObject({ code: 0, stderr: '' });
    expect(help.stdout).toContain('--include-empty-units');
    expect(bad.code).toBe(2);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toMatch(/^danvan report: unknown option --bogus\nUsage: danvan report /);
    // Generous: two processes compiling the server from source on a loaded two-core machine.
  }, 240_000);
});
