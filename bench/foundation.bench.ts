/**
 * `npm run bench`: the foundation's figures, printed and written to bench/results/foundation.json (run alone: npx tsx bench/foundation.bench.ts).
 * - first start of the built app on a fresh embedded database (initdb, migrations, the official
 *   units, the admin account) until /api/health answers; a second start on the same data;
 * - latency of the unit tree over HTTP on loopback: search without diacritics, children of a
 *   province, a unit's detail, the roots (p50/p95/max over many requests).
 * Not a test: nothing here asserts a time.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startServe, stopServe, writeResults } from './support.js';

const root = path.resolve(import.meta.dirname, '..');
const PASSWORD = 'bench-Quantri-password-1';

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

async function measure(label: string, n: number, request: () => Promise<Response>) {
  for (let i = 0; i < 10; i++) await (await request()).arrayBuffer(); // warm-up
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    const res = await request();
    await res.arrayBuffer();
    if (!res.ok) throw new Error(`${label}: HTTP ${res.status}`);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const r = { label, n, p50: percentile(times, 50), p95: percentile(times, 95), max: times.at(-1) ?? NaN };
  console.log(`${label.padEnd(44)} p50 ${r.p50.toFixed(1)} ms  p95 ${r.p95.toFixed(1)} ms  max ${r.max.toFixed(1)} ms  (n=${n})`);
  return r;
}

async function main() {
  const build = spawnSync(process.execPath, [path.join(root, 'scripts/build.mjs'), '--if-stale'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) throw new Error('build failed');
  const dataDir = mkdtempSync(path.join(tmpdir(), 'danvan-bench-'));
  const results: Record<string, unknown> = { at: new Date().toISOString(), node: process.version, cpus: (await import('node:os')).cpus().length };
  try {
    const serve = { from: 'build' as const, env: { DATABASE_URL: '', DANVAN_DATA_DIR: dataDir, DANVAN_ADMIN_PASSWORD: PASSWORD } };
    const first = await startServe(serve);
    console.log(`first start (fresh database, units import): ${first.seconds.toFixed(1)} s`);
    await stopServe(first.child);
    const second = await startServe({ ...serve, port: first.port });
    console.log(`later start: ${second.seconds.toFixed(2)} s`);
    results.firstStartSeconds = first.seconds;
    results.laterStartSeconds = second.seconds;

    const { base } = second;
    const login = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: PASSWORD }) });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const get = (url: string) => () => fetch(`${base}${url}`, { headers: { cookie } });
    type Page = { items: { id: string; name: string }[] };
    const roots = (await (await get('/api/units/roots')()).json()) as Page;
    const country = roots.items[0]?.id;
    const provinces = (await (await get(`/api/units/${country}/children?limit=500`)()).json()) as Page;
    const hanoi = provinces.items.find((u) => u.name === 'Thành phố Hà Nội')?.id ?? provinces.items[0]?.id;
    results.latency = [
      await measure('search "kim bang" (no diacritics)', 300, get('/api/units/search?q=kim%20bang')),
      await measure('search "hoa lu" incl. retired', 300, get('/api/units/search?q=hoa%20lu&includeRetired=true')),
      await measure('search "xa" (broad, 20 hits)', 300, get('/api/units/search?q=xa')),
      await measure('children of the country (incl. retired)', 300, get(`/api/units/${country}/children?includeRetired=true&limit=500`)),
      await measure('children of Hà Nội (126 communes)', 300, get(`/api/units/${hanoi}/children?limit=500`)),
      await measure('unit detail (Hà Nội)', 300, get(`/api/units/${hanoi}`)),
      await measure('roots', 300, get('/api/units/roots')),
    ];
    await stopServe(second.child);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
  writeResults('foundation', results);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
