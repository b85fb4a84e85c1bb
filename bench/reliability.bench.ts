/**
 * `npm run bench -- reliability` (or `npx tsx bench/reliability.bench.ts`): danvan under faults and
 * over time, as a real `danvan serve` process driven over HTTP on loopback.
 *
 * 1. kill -9 under write load: concurrent writers record petitions (numbered per unit and year)
 *    and register entries, each write named by a unique title and counted as acknowledged only
 *    when its 201 and body arrived. After a random 1–4 s the server's node process gets SIGKILL,
 *    is started again (an embedded PostgreSQL it left running is taken over by the next start) and
 *    the time until /api/health answers ok is measured; BENCH_CYCLES times (default 30). Then the
 *    database is checked: every acknowledged write present with its id, number and audit record;
 *    no duplicate petition numbers per unit and year; gaps; counters in step with the numbers.
 *    A start that fails is a figure (and is retried), not the end of the benchmark.
 * 2. Soak: BENCH_SOAK_CLIENTS (default 6) clients for BENCH_SOAK_SECONDS (default 180) doing a
 *    realistic mix (entry lists with filters, entry detail, the report, entry create and edit,
 *    petition intake, list and detail, the public lookup, sign-out and sign-in): statuses per kind,
 *    p50/p99 per kind, and the server's RSS (VmRSS of /proc/<pid>/status) every
 *    BENCH_SAMPLE_SECONDS (default 5), printed as a table over time.
 *
 * Server: the sources through tsx (default: measures the tree as it is), or BENCH_SERVER=dist for
 * the built app (built first when stale). Database: a fresh embedded data folder, or
 * BENCH_DATABASE_URL (then only the node process is killed; the database is used as it is).
 * Figures printed and written to bench/results/reliability-<date>.json. Not a test: nothing here
 * asserts; a lost write shows as a figure.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { createDb, type Db } from '../server/db/database.js';
import { startEmbeddedEngine } from '../server/db/embedded-engine.js';
import { SESSION_COOKIE } from '../server/http/authenticate.js';
import { freePort, isAlive, percentile, reportLoad, writeResults } from './support.js';

const root = path.resolve(import.meta.dirname, '..');
const CYCLES = Number(process.env.BENCH_CYCLES ?? 30);
const KILL_MIN_MS = Number(process.env.BENCH_KILL_MIN_MS ?? 1000);
const KILL_MAX_MS = Number(process.env.BENCH_KILL_MAX_MS ?? 4000);
const WRITERS = Number(process.env.BENCH_WRITERS ?? 8);
const SOAK_SECONDS = Number(process.env.BENCH_SOAK_SECONDS ?? 180);
const SOAK_CLIENTS = Number(process.env.BENCH_SOAK_CLIENTS ?? 6);
const SAMPLE_SECONDS = Number(process.env.BENCH_SAMPLE_SECONDS ?? 5);
const SERVER = process.env.BENCH_SERVER === 'dist' ? 'dist' : 'source';
const EXTERNAL = process.env.BENCH_DATABASE_URL;
const PASSWORD = 'bench-Reliability-password-1';
/** The first start creates the database and loads the official units; later ones only check them. */
const FIRST_START_MS = 300_000;
const RESTART_MS = 90_000;
const RESTART_ATTEMPTS = 3;
const REQUEST_MS = 30_000;
const YEAR = Number(new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric' }).format(new Date()));

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const seconds = (since: number) => (performance.now() - since) / 1000;
const round = (x: number, digits = 2) => Math.round(x * 10 ** digits) / 10 ** digits;
const summarize = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return { n: sorted.length, p50: round(percentile(sorted, 50)), p95: round(percentile(sorted, 95)), p99: round(percentile(sorted, 99)), max: round(sorted.at(-1) ?? NaN) };
};

// ---------------------------------------------------------------- the server process

type Server = { child: ChildProcess; pid: number; exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>; output: () => string };
/** Every server started, so that a benchmark that fails half-way stops what it started. */
const servers = new Set<Server>();

function spawnServer(port: number, dataDir: string): Server {
  const entry = SERVER === 'dist' ? [path.join(root, 'dist/server/cli/main.js')] : ['--import', 'tsx', path.join(root, 'server/cli/main.ts')];
  // `--import tsx` keeps danvan one process, so SIGKILL reaches danvan itself and nothing in between.
  const child = spawn(process.execPath, [...entry, 'serve'], {
    cwd: root,
    env: {
      ...process.env,
      DATABASE_URL: EXTERNAL ?? '',
      TEST_DATABASE_URL: '',
      DANVAN_DATA_DIR: dataDir,
      PORT: String(port),
      HOST: '127.0.0.1',
      DANVAN_ADMIN_PASSWORD: PASSWORD,
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  const keep = (d: Buffer) => {
    lines.push(...d.toString('utf8').split('\n').filter(Boolean));
    if (lines.length > 200) lines.splice(0, lines.length - 200);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  const server = { child, pid: child.pid!, exited, output: () => lines.join('\n') };
  servers.add(server);
  void exited.then(() => servers.delete(server));
  return server;
}

async function healthy(base: string): Promise<boolean> {
  try {
    const res = await fetch(`${base}/api/health`, { signal: AbortSignal.timeout(2000) });
    return res.ok && ((await res.json()) as { status?: string }).status === 'ok';
  } catch {
    return false;
  }
}

/** Starts the server and waits for /api/health; `error` says why it did not come up in time. */
async function startServer(port: number, dataDir: string, timeoutMs: number): Promise<{ server: Server; seconds: number; error?: string }> {
  const t0 = performance.now();
  const server = spawnServer(port, dataDir);
  const base = `http://127.0.0.1:${port}`;
  let exited = false;
  void server.exited.then(() => (exited = true));
  while (performance.now() - t0 < timeoutMs) {
    if (exited) return { server, seconds: seconds(t0), error: `exited (${JSON.stringify(await server.exited)}): ${server.output().split('\n').slice(-5).join(' | ')}` };
    if (await healthy(base)) return { server, seconds: seconds(t0) };
    await sleep(50);
  }
  return { server, seconds: seconds(t0), error: `not healthy within ${timeoutMs / 1000} s` };
}

async function killHard(server: Server): Promise<void> {
  if (server.child.exitCode !== null || server.child.signalCode !== null) return;
  process.kill(server.pid, 'SIGKILL');
  await server.exited;
}

/** SIGTERM and the time the ordered shutdown takes (SIGKILL after 60 s). */
async function stopGracefully(server: Server): Promise<{ seconds: number; code: number | null; signal: NodeJS.Signals | null }> {
  const t0 = performance.now();
  if (server.child.exitCode !== null || server.child.signalCode !== null) return { seconds: 0, ...(await server.exited) };
  server.child.kill('SIGTERM');
  const timer = setTimeout(() => server.child.kill('SIGKILL'), 60_000);
  const result = await server.exited;
  clearTimeout(timer);
  return { seconds: round(seconds(t0)), ...result };
}

// ---------------------------------------------------------------- HTTP client

type Answer = { status: number; body: unknown; ms: number };

class Client {
  cookie = '';
  constructor(readonly base: string) {}

  async call(method: string, url: string, body?: unknown): Promise<Answer> {
    const t0 = performance.now();
    const headers: Record<string, string> = {};
    if (this.cookie) headers.cookie = this.cookie;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(`${this.base}${url}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), signal: AbortSignal.timeout(REQUEST_MS) });
    const text = await res.text();
    let parsed: unknown = null;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      parsed = text;
    }
    return { status: res.status, body: parsed, ms: performance.now() - t0 };
  }

  async login(username: string, password: string): Promise<Answer> {
    const t0 = performance.now();
    const res = await fetch(`${this.base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password }),
      signal: AbortSignal.timeout(REQUEST_MS),
    });
    await res.arrayBuffer();
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith(`${SESSION_COOKIE}=`));
    if (res.ok && cookie) this.cookie = cookie.split(';')[0]!;
    return { status: res.status, body: null, ms: performance.now() - t0 };
  }
}

type Unit = { id: string; code: string | null; kind: string; name: string };

/** Hà Nội (code 01) and two of its communes in force, found through the API like the web app does. */
async function findUnits(client: Client): Promise<{ province: Unit; communes: [Unit, Unit] }> {
  const roots = await client.call('GET', '/api/units/roots');
  const country = (roots.body as { items: Unit[] }).items[0]!;
  const provinces = await client.call('GET', `/api/units/${country.id}/children?limit=500`);
  const province = (provinces.body as { items: Unit[] }).items.find((u) => u.code === '01');
  if (!province) throw new Error(`Hà Nội not found: ${JSON.stringify(provinces.body).slice(0, 300)}`);
  const children = await client.call('GET', `/api/units/${province.id}/children?limit=500`);
  const communes = (children.body as { items: Unit[] }).items.filter((u) => u.kind === 'commune');
  if (communes.length < 2) throw new Error('Hà Nội has fewer than two communes');
  return { province, communes: [communes[0]!, communes[1]!] };
}

const petitionBody = (unitId: string, title: string) => ({
  unitId,
  kind: 'recommendation',
  channel: 'hotline',
  submitter: { name: 'Nguyễn Thị Hoa', contact: '0912000111' },
  categoryCode: 'environment',
  title,
  content: 'Công trình xây dựng thi công sau 22 giờ gây ồn, đề nghị kiểm tra.',
});

const entryBody = (unitId: string, title: string) => ({
  registeringUnitId: unitId,
  level: 'commune',
  kind: 'model',
  form: 'collective',
  fieldCode: 'economic',
  year: YEAR,
  title,
  description: 'Mô hình dân vận khéo trong phát triển kinh tế hộ gia đình.',
});

// ---------------------------------------------------------------- 1. kill -9 under write load

type Attempt = { kind: 'petition' | 'entry'; title: string; unitId: string; cycle: number; acked: boolean; id?: string; number?: number; year?: number; status?: number; error?: string };

/** Open while the server answers; writers wait at it while it is down. */
class Gate {
  private open = false;
  private waiters: (() => void)[] = [];
  wait(): Promise<void> {
    return this.open ? Promise.resolve() : new Promise((r) => this.waiters.push(r));
  }
  up(): void {
    this.open = true;
    for (const w of this.waiters.splice(0)) w();
  }
  down(): void {
    this.open = false;
  }
}

type Cycle = {
  cycle: number;
  loadSeconds: number;
  acked: number;
  inFlightAtKill: number;
  /** From the kill to /api/health ok. */
  downSeconds?: number;
  /** From spawning the new process to /api/health ok. */
  restartSeconds?: number;
  /** What serve reports: opening the database (and taking it over) to listening. */
  serveReadySeconds?: number;
  attempts: number;
  tookOver: boolean;
  error?: string;
};

async function killCycles(port: number, dataDir: string, results: Record<string, unknown>): Promise<void> {
  const base = `http://127.0.0.1:${port}`;
  console.log(`\n--- 1. kill -9 under write load: ${CYCLES} cycles, ${WRITERS} writers (${SERVER} server, ${EXTERNAL ? 'external' : 'embedded'} PostgreSQL) ---`);
  const first = await startServer(port, dataDir, FIRST_START_MS);
  if (first.error) throw new Error(`first start: ${first.error}\n${first.server.output()}`);
  console.log(`first start (database created, official units loaded): ${first.seconds.toFixed(1)} s`);
  results.firstStartSeconds = round(first.seconds);
  let server: Server | undefined = first.server;

  const admin = new Client(base);
  const login = await admin.login('admin', PASSWORD);
  if (login.status !== 200) throw new Error(`sign-in: ${login.status}`);
  const { communes } = await findUnits(admin);

  const gate = new Gate();
  gate.up();
  const attempts: Attempt[] = [];
  const statuses: Record<string, number> = {};
  let cycle = 0;
  let inFlight = 0;
  let stopped = false;
  const ackLatencies: number[] = [];

  async function writer(i: number) {
    const kind = i % 2 === 0 ? 'petition' : 'entry';
    const unit = communes[Math.floor(i / 2) % 2]!;
    let n = 0;
    while (!stopped) {
      await gate.wait();
      if (stopped) return;
      const title = `RB ${kind} w${i} c${cycle} #${++n} ${Date.now().toString(36)}`;
      const attempt: Attempt = { kind, title, unitId: unit.id, cycle, acked: false };
      attempts.push(attempt);
      inFlight++;
      try {
        const res = kind === 'petition' ? await admin.call('POST', '/api/petitions', petitionBody(unit.id, title)) : await admin.call('POST', '/api/entries', entryBody(unit.id, title));
        attempt.status = res.status;
        statuses[res.status] = (statuses[res.status] ?? 0) + 1;
        if (res.status === 201) {
          const body = res.body as { id: string; number?: string };
          attempt.acked = true;
          attempt.id = body.id;
          if (body.number) [attempt.number, attempt.year] = body.number.split('/').map(Number) as [number, number];
          ackLatencies.push(res.ms);
        }
      } catch (err) {
        attempt.error = (err as Error & { cause?: { code?: string } }).cause?.code ?? (err as Error).name;
        statuses.network = (statuses.network ?? 0) + 1;
        await sleep(50);
      } finally {
        inFlight--;
      }
    }
  }

  const writers = Array.from({ length: WRITERS }, (_, i) => writer(i));
  const cycles: Cycle[] = [];
  let restartFailures = 0;
  results.loadAverageBefore = reportLoad('before');
  const t0 = performance.now();
  for (cycle = 1; cycle <= CYCLES && server; cycle++) {
    const loadMs = KILL_MIN_MS + Math.random() * (KILL_MAX_MS - KILL_MIN_MS);
    const ackedBefore = attempts.filter((a) => a.acked).length;
    await sleep(loadMs);
    const c: Cycle = { cycle, loadSeconds: round(loadMs / 1000), acked: attempts.filter((a) => a.acked).length - ackedBefore, inFlightAtKill: inFlight, attempts: 0, tookOver: false };
    gate.down();
    const killedAt = performance.now();
    await killHard(server);
    server = undefined;
    for (let attempt = 1; attempt <= RESTART_ATTEMPTS && !server; attempt++) {
      c.attempts = attempt;
      const started = await startServer(port, dataDir, RESTART_MS);
      if (started.error) {
        restartFailures++;
        c.error = started.error;
        console.log(`  cycle ${cycle}: start ${attempt} failed: ${started.error}`);
        await killHard(started.server);
        continue;
      }
      server = started.server;
      c.restartSeconds = round(started.seconds);
      c.downSeconds = round(seconds(killedAt));
      c.tookOver = /Stopping PostgreSQL \(pid \d+\) left running/.test(server.output());
      // serve's own figure: from opening the database to listening (without loading Node and the code).
      const ready = /ready in ([\d.]+) s/.exec(server.output())?.[1];
      if (ready) c.serveReadySeconds = Number(ready);
    }
    cycles.push(c);
    console.log(
      `cycle ${String(cycle).padStart(2)}: ${c.loadSeconds.toFixed(1)} s of load, ${String(c.acked).padStart(4)} acknowledged, ${c.inFlightAtKill} in flight at the kill; ` +
        (server
          ? `up again in ${c.restartSeconds!.toFixed(2)} s (serve ready in ${c.serveReadySeconds ?? '?'} s; down ${c.downSeconds!.toFixed(2)} s${c.tookOver ? '; took over the orphaned PostgreSQL' : ''})`
          : 'NOT RESTARTED'),
    );
    if (server) gate.up();
  }
  stopped = true;
  gate.up();
  await Promise.all(writers);
  const loadSeconds = seconds(t0);
  results.loadAverageAfter = reportLoad('after');

  // Stop the last server cleanly, then look at the data directly.
  const stop = server ? await stopGracefully(server) : undefined;
  const verification = await verify(dataDir, attempts);
  const restarts = cycles.filter((c) => c.restartSeconds !== undefined);
  const acked = attempts.filter((a) => a.acked);
  const summary = {
    cycles: cycles.length,
    writers: WRITERS,
    seconds: round(loadSeconds, 1),
    attempts: attempts.length,
    acknowledged: { petitions: acked.filter((a) => a.kind === 'petition').length, entries: acked.filter((a) => a.kind === 'entry').length },
    /** Over the time the server was up (the sum of the cycles' load phases), not the restarts. */
    acknowledgedPerSecondUp: round(acked.length / cycles.reduce((t, c) => t + c.loadSeconds, 0), 1),
    ackLatencyMs: summarize(ackLatencies),
    statuses,
    restartSeconds: summarize(restarts.map((c) => c.restartSeconds!)),
    serveReadySeconds: summarize(restarts.filter((c) => c.serveReadySeconds !== undefined).map((c) => c.serveReadySeconds!)),
    downSeconds: summarize(restarts.map((c) => c.downSeconds!)),
    restartFailures,
    tookOverOrphanedPostgres: cycles.filter((c) => c.tookOver).length,
    notRestarted: cycles.filter((c) => c.restartSeconds === undefined).length,
    finalStop: stop,
    ...verification,
  };
  results.killCycles = { ...summary, perCycle: cycles };
  console.log(
    `\n${summary.attempts} writes sent in ${summary.seconds} s, ${acked.length} acknowledged (${summary.acknowledged.petitions} petitions, ${summary.acknowledged.entries} entries; ${summary.acknowledgedPerSecondUp}/s while up); statuses ${JSON.stringify(statuses)}`,
  );
  console.log(
    `restart until /api/health ok: p50 ${summary.restartSeconds.p50} s, p95 ${summary.restartSeconds.p95} s, max ${summary.restartSeconds.max} s ` +
      `(of which serve's own start: p50 ${summary.serveReadySeconds.p50} s, max ${summary.serveReadySeconds.max} s); kill → healthy: p50 ${summary.downSeconds.p50} s, max ${summary.downSeconds.max} s`,
  );
  console.log(`failed starts ${restartFailures}, cycles never restarted ${summary.notRestarted}, orphaned PostgreSQL taken over ${summary.tookOverOrphanedPostgres}; final SIGTERM stop ${stop ? `${stop.seconds} s (exit ${stop.code ?? stop.signal})` : '-'}`);
  console.log(
    `acknowledged writes lost: ${verification.lost}; wrong id or number: ${verification.mismatched}; without audit record: ${verification.withoutAudit}; duplicate petition numbers: ${verification.duplicateNumbers}; gaps: ${verification.gaps.length ? JSON.stringify(verification.gaps) : 'none'}; counters out of step: ${verification.countersOutOfStep}`,
  );
  console.log(`unacknowledged writes that were committed anyway (answer lost in the kill): ${verification.committedUnacknowledged}; rows with no matching request: ${verification.unexpectedRows}`);
}

/** Connects to the data the server used (the embedded engine started on its folder, or the external URL). */
async function openData(dataDir: string): Promise<{ db: Db; close: () => Promise<void> }> {
  if (EXTERNAL) {
    const db = createDb(EXTERNAL, { max: 2 });
    return { db, close: () => db.destroy() };
  }
  const engine = await startEmbeddedEngine({ dataDir });
  const db = createDb(engine.urlFor('danvan'), { max: 2 });
  return {
    db,
    close: async () => {
      await db.destroy();
      await sleep(200);
      await engine.stop();
    },
  };
}

async function verify(dataDir: string, attempts: Attempt[]) {
  const data = await openData(dataDir);
  try {
    const { db } = data;
    const petitions = (await sql<{ id: string; title: string; unit_id: string; year: number; number: number }>`
      select id::text, title, unit_id::text, year, number from petitions where title like 'RB petition %'`.execute(db)).rows;
    const entries = (await sql<{ id: string; title: string }>`select id::text, title from entries where title like 'RB entry %'`.execute(db)).rows;
    const audited = new Set(
      (await sql<{ key: string }>`
        select record_type || ':' || record_id as key from audit_log
        where (record_type = 'petition' and action = 'petition.create') or (record_type = 'entry' and action = 'entry.create')`.execute(db)).rows.map((r) => r.key),
    );
    const byTitle = new Map<string, { id: string; number?: number; year?: number }[]>();
    for (const p of petitions) byTitle.set(p.title, [...(byTitle.get(p.title) ?? []), { id: p.id, number: p.number, year: p.year }]);
    for (const e of entries) byTitle.set(e.title, [...(byTitle.get(e.title) ?? []), { id: e.id }]);

    let lost = 0;
    let mismatched = 0;
    let withoutAudit = 0;
    let committedUnacknowledged = 0;
    let storedTwice = 0;
    const titles = new Set(attempts.map((a) => a.title));
    for (const a of attempts) {
      const rows = byTitle.get(a.title) ?? [];
      if (rows.length > 1) storedTwice++;
      if (!a.acked) {
        if (rows.length) committedUnacknowledged++;
        continue;
      }
      const row = rows.find((r) => r.id === a.id);
      if (!rows.length) lost++;
      else if (!row || (a.kind === 'petition' && (row.number !== a.number || row.year !== a.year))) mismatched++;
      if (row && !audited.has(`${a.kind}:${row.id}`)) withoutAudit++;
    }
    const unexpectedRows = [...byTitle.keys()].filter((t) => !titles.has(t)).length;

    // Numbers per (unit, year) over every petition of the units the writers used, not only this run's.
    const units = [...new Set(attempts.filter((a) => a.kind === 'petition').map((a) => a.unitId))];
    const numbering = units.length
      ? (await sql<{ unit_id: string; year: number; n: number; distinct_numbers: number; max: number; counter: number | null }>`
          select p.unit_id::text, p.year, count(*)::int as n, count(distinct p.number)::int as distinct_numbers, max(p.number)::int as max,
            (select c.last_number from petition_counters c where c.unit_id = p.unit_id and c.year = p.year)::int as counter
          from petitions p where p.unit_id in (${sql.join(units.map((u) => sql`${u}::bigint`))})
          group by p.unit_id, p.year`.execute(db)).rows
      : [];
    const gaps: { unitId: string; year: number; missing: number[] }[] = [];
    for (const u of numbering) {
      if (u.max === u.distinct_numbers) continue;
      const { rows } = await sql<{ g: number }>`
        select g::int from generate_series(1, ${u.max}) g
        where not exists (select 1 from petitions p where p.unit_id = ${u.unit_id}::bigint and p.year = ${u.year} and p.number = g)
        order by g limit 20`.execute(db);
      gaps.push({ unitId: u.unit_id, year: u.year, missing: rows.map((r) => r.g) });
    }
    return {
      lost,
      mismatched,
      withoutAudit,
      storedTwice,
      committedUnacknowledged,
      unexpectedRows,
      duplicateNumbers: numbering.reduce((s, u) => s + u.n - u.distinct_numbers, 0),
      gaps,
      countersOutOfStep: numbering.filter((u) => u.counter !== u.max).length,
      numbering: numbering.map((u) => ({ unitId: u.unit_id, year: u.year, petitions: u.n, maxNumber: u.max, counter: u.counter })),
    };
  } finally {
    await data.close();
  }
}

// ---------------------------------------------------------------- 2. soak

const KINDS = ['entries.list', 'entries.detail', 'report', 'entries.create', 'entries.edit', 'petitions.intake', 'petitions.list', 'petitions.detail', 'petitions.publicLookup', 'login'] as const;
type Kind = (typeof KINDS)[number];
/** How often each kind comes up, roughly an office's day: mostly reading, some writing. */
const WEIGHTS: Record<Kind, number> = {
  'entries.list': 25,
  'entries.detail': 15,
  report: 6,
  'entries.create': 8,
  'entries.edit': 10,
  'petitions.intake': 8,
  'petitions.list': 10,
  'petitions.detail': 10,
  'petitions.publicLookup': 2,
  login: 3,
};

type Outcome = { kind: Kind; at: number; ms: number; status: number | 'network' };

function vmRssMb(pid: number): number | undefined {
  try {
    const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb ? round(Number(kb) / 1024, 1) : undefined;
  } catch {
    return undefined;
  }
}

/** Least-squares slope of RSS over time, in MB per minute. */
function slopePerMinute(points: { t: number; rss: number }[]): number {
  const n = points.length;
  if (n < 2) return NaN;
  const mt = points.reduce((s, p) => s + p.t, 0) / n;
  const mr = points.reduce((s, p) => s + p.rss, 0) / n;
  const num = points.reduce((s, p) => s + (p.t - mt) * (p.rss - mr), 0);
  const den = points.reduce((s, p) => s + (p.t - mt) ** 2, 0);
  return round((num / den) * 60, 2);
}

async function soak(port: number, dataDir: string, results: Record<string, unknown>): Promise<void> {
  const base = `http://127.0.0.1:${port}`;
  console.log(`\n--- 2. soak: ${SOAK_CLIENTS} clients for ${SOAK_SECONDS} s, RSS every ${SAMPLE_SECONDS} s ---`);
  const started = await startServer(port, dataDir, RESTART_MS);
  if (started.error) throw new Error(`soak start: ${started.error}`);
  const server = started.server;
  console.log(`started in ${started.seconds.toFixed(1)} s (after a clean stop)`);
  const setup = new Client(base);
  await setup.login('admin', PASSWORD);
  const { province, communes } = await findUnits(setup);
  const knownEntries = ((await setup.call('GET', `/api/entries?unitId=${province.id}&limit=200`)).body as { items: { id: string }[] }).items.map((e) => e.id);
  const knownPetitions: { id: string; code: string; secret: string }[] = [];
  const petitionIds = ((await setup.call('GET', `/api/petitions?unitId=${province.id}`)).body as { items: { id: string }[] }).items.map((p) => p.id);

  const outcomes: Outcome[] = [];
  const t0 = performance.now();
  const until = t0 + SOAK_SECONDS * 1000;
  const pick = <T>(list: readonly T[]): T => list[Math.floor(Math.random() * list.length)]!;
  const totalWeight = KINDS.reduce((s, k) => s + WEIGHTS[k], 0);
  const pickKind = (): Kind => {
    let r = Math.random() * totalWeight;
    for (const k of KINDS) if ((r -= WEIGHTS[k]) < 0) return k;
    return 'entries.list';
  };

  async function client(i: number) {
    const c = new Client(base);
    await c.login('admin', PASSWORD);
    const own: { id: string; version: number }[] = [];
    let n = 0;
    while (performance.now() < until) {
      const kind = pickKind();
      const unit = pick([province, ...communes]);
      const at = performance.now();
      try {
        let res: Answer;
        switch (kind) {
          case 'entries.list': {
            const filters = pick(['', `&year=${YEAR}`, '&status=draft', `&year=${YEAR}&kind=model`, '&q=dan van', '&sort=title', '&offset=50']);
            res = await c.call('GET', `/api/entries?unitId=${unit.id}${filters}`);
            break;
          }
          case 'entries.detail':
            res = knownEntries.length ? await c.call('GET', `/api/entries/${pick(knownEntries)}`) : await c.call('GET', `/api/entries?unitId=${unit.id}&limit=1`);
            break;
          case 'report':
            res = await c.call('GET', `/api/reports?unitId=${pick([province, ...communes]).id}&${pick([`period=year&year=${YEAR}`, `period=quarter&year=${YEAR}&quarter=4`])}`);
            break;
          case 'entries.create': {
            res = await c.call('POST', '/api/entries', entryBody(pick(communes).id, `Soak c${i} #${++n} ${Date.now().toString(36)}`));
            if (res.status === 201) {
              const e = res.body as { id: string; version: number };
              own.push({ id: e.id, version: e.version });
              knownEntries.push(e.id);
            }
            break;
          }
          case 'entries.edit': {
            const e = own.length ? pick(own) : undefined;
            if (!e) {
              res = await c.call('GET', `/api/entries?unitId=${unit.id}&limit=10`);
              break;
            }
            res = await c.call('PATCH', `/api/entries/${e.id}`, { version: e.version, description: `Cập nhật lúc ${new Date().toISOString()}` });
            if (res.status === 200) e.version = (res.body as { version: number }).version;
            break;
          }
          case 'petitions.intake': {
            res = await c.call('POST', '/api/petitions', petitionBody(pick(communes).id, `Soak c${i} #${++n}`));
            if (res.status === 201) {
              const p = res.body as { id: string; trackingCode: string; secret: string };
              knownPetitions.push({ id: p.id, code: p.trackingCode, secret: p.secret });
              petitionIds.push(p.id);
            }
            break;
          }
          case 'petitions.list':
            res = await c.call('GET', `/api/petitions?unitId=${unit.id}${pick(['', '&due=overdue', '&view=queue'])}`);
            break;
          case 'petitions.detail':
            res = petitionIds.length ? await c.call('GET', `/api/petitions/${pick(petitionIds)}`) : await c.call('GET', `/api/petitions?unitId=${unit.id}`);
            break;
          case 'petitions.publicLookup': {
            const p = knownPetitions.length ? pick(knownPetitions) : { code: 'NONE-0000', secret: 'nothing' };
            res = await c.call('POST', '/api/public/petitions/lookup', { code: p.code, secret: p.secret });
            break;
          }
          case 'login':
            await c.call('POST', '/api/auth/logout', {});
            res = await c.login('admin', PASSWORD);
            break;
        }
        outcomes.push({ kind, at: at - t0, ms: res.ms, status: res.status });
      } catch {
        outcomes.push({ kind, at: at - t0, ms: performance.now() - at, status: 'network' });
        await sleep(100);
      }
    }
  }

  const samples: { t: number; rss: number; requests: number; errors: number; p99: number }[] = [];
  let last = 0;
  const sample = () => {
    const t = Math.round(seconds(t0));
    const window = outcomes.slice(last);
    last = outcomes.length;
    const rss = vmRssMb(server.pid) ?? NaN;
    const errors = window.filter((o) => o.status === 'network' || (typeof o.status === 'number' && o.status >= 500)).length;
    const p99 = round(percentile(window.map((o) => o.ms).sort((a, b) => a - b), 99), 1);
    samples.push({ t, rss, requests: window.length, errors, p99 });
    console.log(`${String(t).padStart(5)} s  RSS ${rss.toFixed(1).padStart(7)} MB  ${String(window.length).padStart(5)} requests  ${String(errors).padStart(3)} errors  p99 ${p99.toFixed(1).padStart(7)} ms`);
  };
  console.log('    t  RSS (node)       requests in the last interval');
  samples.push({ t: 0, rss: vmRssMb(server.pid) ?? NaN, requests: 0, errors: 0, p99: NaN });
  console.log(`    0 s  RSS ${samples[0]!.rss.toFixed(1).padStart(7)} MB  (before the load)`);
  const timer = setInterval(sample, SAMPLE_SECONDS * 1000);
  results.loadAverageSoakBefore = reportLoad('before');
  await Promise.all(Array.from({ length: SOAK_CLIENTS }, (_, i) => client(i)));
  clearInterval(timer);
  sample();
  results.loadAverageSoakAfter = reportLoad('after');

  const perKind = Object.fromEntries(
    KINDS.map((k) => {
      const list = outcomes.filter((o) => o.kind === k);
      const statuses: Record<string, number> = {};
      for (const o of list) statuses[String(o.status)] = (statuses[String(o.status)] ?? 0) + 1;
      return [k, { ...summarize(list.map((o) => o.ms)), statuses }];
    }),
  );
  console.log(`\n${'kind'.padEnd(24)} ${'n'.padStart(6)} ${'p50 ms'.padStart(8)} ${'p99 ms'.padStart(8)} ${'max ms'.padStart(8)}  statuses`);
  for (const [k, v] of Object.entries(perKind)) {
    console.log(`${k.padEnd(24)} ${String(v.n).padStart(6)} ${v.p50.toFixed(1).padStart(8)} ${v.p99.toFixed(1).padStart(8)} ${v.max.toFixed(1).padStart(8)}  ${JSON.stringify(v.statuses)}`);
  }
  const loaded = samples.filter((s) => s.t > 0 && Number.isFinite(s.rss));
  const serverErrors = outcomes.filter((o) => o.status === 'network' || (typeof o.status === 'number' && o.status >= 500)).length;
  const throttled = outcomes.filter((o) => o.status === 429).length;
  const otherClientErrors = outcomes.filter((o) => typeof o.status === 'number' && o.status >= 400 && o.status < 500 && o.status !== 429).length;
  const all = summarize(outcomes.map((o) => o.ms));
  const rss = {
    beforeLoad: samples[0]!.rss,
    firstSample: loaded[0]?.rss,
    last: loaded.at(-1)?.rss,
    max: Math.max(...loaded.map((s) => s.rss)),
    slopeMbPerMinute: slopePerMinute(loaded.filter((s) => s.t >= 30)),
  };
  const stop = await stopGracefully(server);
  console.log(
    `\n${outcomes.length} requests in ${SOAK_SECONDS} s (${round(outcomes.length / SOAK_SECONDS, 1)}/s): p50 ${all.p50} ms, p99 ${all.p99} ms; ` +
      `errors (5xx or no answer) ${serverErrors}, throttled (429, by design on the public lookup) ${throttled}, other 4xx ${otherClientErrors}`,
  );
  console.log(`RSS: ${rss.beforeLoad} MB before the load, ${rss.firstSample} MB at the first sample, ${rss.last} MB at the end, max ${rss.max} MB; trend after the first 30 s ${rss.slopeMbPerMinute} MB/min`);
  console.log(`clean stop on SIGTERM: ${stop.seconds} s (exit ${stop.code ?? stop.signal})`);
  results.soak = { clients: SOAK_CLIENTS, seconds: SOAK_SECONDS, startSeconds: round(started.seconds), requests: outcomes.length, perSecond: round(outcomes.length / SOAK_SECONDS, 1), latencyMs: all, serverErrors, throttled, otherClientErrors, perKind, rss, samples, stop };
}

// ---------------------------------------------------------------- main

async function main() {
  if (SERVER === 'dist') {
    const build = spawnSync(process.execPath, [path.join(root, 'scripts/build.mjs'), '--if-stale'], { cwd: root, stdio: 'inherit' });
    if (build.status !== 0) throw new Error('build failed');
  }
  const dataDir = await mkdtemp(path.join(tmpdir(), 'danvan-reliability-'));
  const port = await freePort();
  const results: Record<string, unknown> = {
    at: new Date().toISOString(),
    node: process.version,
    cpus: cpus().length,
    server: SERVER,
    database: EXTERNAL ? 'external' : 'embedded',
    settings: { cycles: CYCLES, killAfterMs: [KILL_MIN_MS, KILL_MAX_MS], writers: WRITERS, soakSeconds: SOAK_SECONDS, soakClients: SOAK_CLIENTS, sampleSeconds: SAMPLE_SECONDS },
  };
  try {
    await killCycles(port, dataDir, results);
    await soak(port, dataDir, results);
  } finally {
    for (const server of servers) await stopGracefully(server);
    // A PostgreSQL left running by a server this benchmark started (if a start failed mid-way).
    const postmaster = path.join(dataDir, 'pg', 'postmaster.pid');
    const pid = Number((() => {
      try {
        return readFileSync(postmaster, 'utf8').split('\n')[0];
      } catch {
        return '';
      }
    })());
    if (pid && isAlive(pid)) {
      process.kill(pid, 'SIGINT');
      for (let i = 0; i < 100 && isAlive(pid); i++) await sleep(100);
    }
    await rm(dataDir, { recursive: true, force: true });
  }
  writeResults(`reliability-${new Date().toISOString().slice(0, 10)}`, results);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
