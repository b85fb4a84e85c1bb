/**
 * The real thing: `danvan serve` as a child process on a fresh embedded database — first start,
 * the admin's one-time password, a second process on the same data refused, clean stop on SIGTERM,
 * a fast second start.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { projectRoot } from './paths.js';

const cli = path.join(projectRoot, 'server', 'cli', 'main.ts');
let dataDir = '';
const children: ChildProcess[] = [];

afterAll(async () => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

function start(port: number, extraEnv: Record<string, string> = {}) {
  // `--import tsx` keeps it one process (the tsx CLI would put a signal-relaying parent in between).
  const child = spawn(process.execPath, ['--import', 'tsx', cli, 'serve'], {
    cwd: projectRoot,
    env: { ...process.env, DATABASE_URL: '', TEST_DATABASE_URL: '', DANVAN_DATA_DIR: dataDir, PORT: String(port), LOG_LEVEL: 'warn', DANVAN_ADMIN_PASSWORD: '', ...extraEnv },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let output = '';
  child.stdout?.on('data', (d) => (output += d));
  child.stderr?.on('data', (d) => (output += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

async function waitFor(check: () => Promise<boolean> | boolean, ms: number) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, 250));
  }
  return false;
}

const healthy = async (port: number) => {
  try {
    const res = await fetch(`http://127.0.0.1:${port}/api/health`);
    return res.ok;
  } catch {
    return false;
  }
};

describe('danvan serve', () => {
  it('starts on a fresh data folder, refuses a second process, stops cleanly, starts again fast', async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'danvan-serve-'));
    const port = await freePort();
    const first = start(port);
    expect(await waitFor(() => healthy(port), 110_000), first.output()).toBe(true);
    const password = /password: (\S+)/.exec(first.output())?.[1];
    expect(password, first.output()).toMatch(/^[A-Za-z0-9]{16}$/);
    const login = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password }),
    });
    expect(login.status).toBe(200);
    expect(await login.json()).toMatchObject({ username: 'admin', mustChangePassword: true });

    const second = start(await freePort());
    expect(await second.exited, second.output()).toBe(1);
    expect(second.output()).toMatch(/in use by another danvan process/);
    expect(await healthy(port)).toBe(true);

    first.child.kill('SIGTERM');
    expect(await first.exited, first.output()).toBe(0);
    expect(existsSync(path.join(dataDir, 'pg', 'postmaster.pid'))).toBe(false);
    expect(existsSync(path.join(dataDir, 'danvan.lock'))).toBe(false);

    const port3 = await freePort();
    const third = start(port3);
    expect(await waitFor(() => healthy(port3), 30_000), third.output()).toBe(true);
    expect(third.output()).not.toMatch(/password:/);
    third.child.kill('SIGINT');
    expect(await third.exited, third.output()).toBe(0);
  }, 180_000);
});
