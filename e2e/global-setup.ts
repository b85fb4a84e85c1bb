/**
 * Browser tests' global setup: builds the app when stale, starts `danvan serve` on a free port
 * with a fresh data folder (first start creates the database and loads the official units), and
 * hands the tests its URL and the admin password. Teardown stops the server and removes the folder.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    adminPassword: string;
  }
}

const root = path.resolve(import.meta.dirname, '..');
const ADMIN_PASSWORD = 'E2e-Quan-tri-2025!';
const START_TIMEOUT_MS = 120_000;
const STOP_TIMEOUT_MS = 30_000;

function run(command: string, args: string[]): boolean {
  // Vitest runs with NODE_ENV=test; the app under test is a production build.
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
  return result.status === 0;
}

/** Builds what is stale; returns the command that starts the server. */
function buildAndChooseServer(): string[] {
  const buildScript = path.join(root, 'scripts', 'build.mjs');
  const builtServer = path.join(root, 'dist', 'server', 'cli', 'main.js');
  if (existsSync(buildScript) && run(process.execPath, [buildScript, '--if-stale']) && existsSync(builtServer)) {
    return [process.execPath, builtServer, 'serve'];
  }
  // No full build (or it failed on work in progress): build the web app alone, run the server from source.
  if (!run(process.execPath, [path.join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'])) {
    throw new Error('e2e: the web app does not build');
  }
  return [process.execPath, path.join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), path.join(root, 'server', 'cli', 'main.ts'), 'serve'];
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function waitForHealth(url: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`e2e: the server exited (${child.exitCode ?? child.signalCode}) before it was ready:\n${output()}`);
    }
    try {
      const response = await fetch(`${url}/api/health`);
      if (response.status === 200) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`e2e: the server was not healthy within ${START_TIMEOUT_MS / 1000} s:\n${output()}`);
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
  await exited;
  clearTimeout(timer);
}

export default async function setup(project: TestProject) {
  const [command, ...args] = buildAndChooseServer();
  const dataDir = await mkdtemp(path.join(tmpdir(), 'danvan-e2e-'));
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  let log = '';
  const child = spawn(command as string, args, {
    cwd: root,
    env: { ...process.env, NODE_ENV: 'production', DANVAN_DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', DANVAN_ADMIN_PASSWORD: ADMIN_PASSWORD, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const keep = (chunk: Buffer) => {
    log = (log + chunk.toString()).slice(-20_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  let stopping = false;
  child.once('exit', (code, signal) => {
    // A server that dies under the tests explains every failure after it: say why, loudly.
    if (!stopping) console.error(`e2e: the server exited during the tests (${code ?? signal}):\n${log}`);
  });

  try {
    await waitForHealth(baseUrl, child, () => log);
  } catch (error) {
    stopping = true;
    await stop(child);
    await rm(dataDir, { recursive: true, force: true });
    throw error;
  }
  project.provide('baseUrl', baseUrl);
  project.provide('adminPassword', ADMIN_PASSWORD);

  return async () => {
    stopping = true;
    await stop(child);
    await rm(dataDir, { recursive: true, force: true });
  };
}
