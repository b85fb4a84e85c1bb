import { type ChildProcess, spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import path from 'node:path';
import { Readable, Writable } from 'node:stream';
import { gunzipSync, gzipSync } from 'node:zlib';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { appliedMigrations, createDb, type Db, ensureDatabase, migrateToLatest } from '../../db/database.js';
import { startEmbeddedEngine } from '../../db/embedded-engine.js';
import { AppError } from '../../errors.js';
import { SYSTEM_ACTOR } from '../../http/access.js';
import { projectRoot } from '../../paths.js';
import { dropDatabase, withDatabase } from '../../test/admin-url.js';
import { buildUnit, buildUser, rootUnit } from '../../test/factories.js';
import { createTestDb, type TestDb } from '../../test/test-db.js';
import { recordAudit } from '../audit/audit.repository.js';
import { ensureOfficialUnits } from '../units/units.import.js';
import { decodeArchive } from './backup.format.js';
import { dependencyOrder, readCatalog, readSequences, serverVersion, setPortableOutput } from './backup.repository.js';
import { type BackupProgress, createBackup, restoreBackup } from './backup.service.js';

const adminUrl = inject('adminUrl');
const cleanups: (() => Promise<void>)[] = [];
let source: TestDb;
let dir: string;
let archive: string;

/** A new database on the test server and its URL: created and migrated (as the brief of a fresh target), or bare. */
async function freshDatabaseAt(migrate = true): Promise<{ db: Db; url: string }> {
  const name = `danvan_r_${randomBytes(5).toString('hex')}`;
  await ensureDatabase(adminUrl, name);
  const url = withDatabase(adminUrl, name);
  const db = createDb(url, { max: 3 });
  cleanups.push(async () => {
    await db.destroy();
    await dropDatabase(adminUrl, name);
  });
  if (migrate) await migrateToLatest(db);
  return { db, url };
}

async function freshDatabase(migrate = true): Promise<Db> {
  return (await freshDatabaseAt(migrate)).db;
}

async function waitForNoSessions(adminUrl: string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    for (let i = 0; i < 100; i++) {
      const { rows } = await client.query<{ n: number }>('select count(*)::int as n from pg_stat_activity where datname = $1', [database]);
      if (rows[0]?.n === 0) return;
      await new Promise((r) => setTimeout(r, 50));
    }
  } finally {
    await client.end();
  }
}

type Fingerprint = Record<string, { rows: number; md5: string }>;

/** Row count and md5 of each table's rows (text form) in primary-key order. */
async function fingerprint(db: Db): Promise<Fingerprint> {
  return db.transaction().execute(async (trx) => {
    await setPortableOutput(trx);
    const { tables } = await readCatalog(trx);
    const out: Fingerprint = {};
    for (const t of tables) {
      // A table without a primary key (the report summaries' insert-only pending deltas) is ordered by its whole row.
      const order = t.primaryKey.length ? sql.join(t.primaryKey.map((k) => sql`x.${sql.id(k)}`)) : sql`x::text`;
      const { rows } = await sql<{ n: number; md5: string }>`
        select count(*)::int as n, md5(coalesce(string_agg(x::text, e'\n' order by ${order}), '')) as md5 from ${sql.id(t.name)} x
      `.execute(trx);
      out[t.name] = { rows: rows[0]!.n, md5: rows[0]!.md5 };
    }
    return out;
  });
}

/** Edits the lines of an archive (header and sections; the trailer apart) and re-signs it unless told not to. */
function rewriteArchive(gz: Buffer, edit: (lines: string[]) => string[], resign = true): Buffer {
  const lines = gunzipSync(gz).toString('utf8').split('\n').slice(0, -1);
  const trailer = JSON.parse(lines.pop()!) as { sha256: string };
  const body = edit(lines);
  const text = body.map((l) => `${l}\n`).join('');
  if (resign) trailer.sha256 = createHash('sha256').update(text, 'utf8').digest('hex');
  return gzipSync(`${text}${JSON.stringify(trailer)}\n`);
}

async function writeArchive(name: string, bytes: Buffer): Promise<string> {
  const file = path.join(dir, name);
  await writeFile(file, bytes);
  return file;
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'danvan-backup-test-'));
  source = await createTestDb();
  const db = source.db;
  const root = await rootUnit(db);
  const province = (await db.selectFrom('units').selectAll().where('kind', '=', 'province').orderBy('id').executeTakeFirst()) ?? root;

  // Organizations, one of them moved under a younger sibling: in id order a child then precedes its parent.
  const front = await buildUnit(db, { parentId: province.id, name: 'Mặt trận "Tổ quốc"\n\tphường' });
  const union = await buildUnit(db, { parentId: province.id, kind: 'womens_union', name: 'Hội Phụ nữ' });
  await db
    .updateTable('units')
    .set({ parent_id: union.id, path: sql`${union.path}::ltree || ${front.id}::text` })
    .where('id', '=', front.id)
    .execute();
  await buildUnit(db, { parentId: union.id, name: 'Chi hội đã giải thể', validTo: '2025-07-01' });

  const admin = await buildUser(db, { username: 'backup-admin', displayName: 'Nguyễn Văn \\ "Quản trị" 🇻🇳', grants: [{ unitId: root.id, role: 'system_admin' }] });
  const editor = await buildUser(db, { username: 'backup-editor', grants: [{ unitId: province.id, role: 'editor' }, { unitId: union.id, role: 'approver' }] });
  await buildUser(db, { username: 'backup-disabled', disabled: true, grants: [{ unitId: front.id, role: 'viewer' }] });
  // An id far beyond the sequence (and beyond 32 bits): restore must move the sequence past it.
  await sql`
    insert into users (id, username, display_name, email, password_hash, created_at)
    overriding system value
    values (9000000001, 'backup-far', 'Far', '', 'scrypt$x', '2001-02-03 04:05:06.789012+07')
  `.execute(db);
  await db
    .insertInto('sessions')
    .values({ id: createHash('sha256').update('token').digest('hex'), user_id: editor.id, expires_at: new Date(Date.now() + 3600_000), ip: '10.0.0.1', user_agent: 'Vitest' })
    .execute();
  await db.insertInto('login_failures').values({ key: 'user:backup-editor', failures: 3, window_start: '2026-11-21 08:00:00+00', locked_until: null }).execute();
  await db.insertInto('app_meta').values({ key: 'backup.test', value: JSON.stringify({ nested: { list: [1, 2.5, null, 'ư'] }, on: true }) }).execute();

  const actor = { ...SYSTEM_ACTOR, userId: admin.id, username: admin.username, ip: '127.0.0.1', requestId: 'req-1' };
  await recordAudit(db, actor, { action: 'unit.create', recordType: 'unit', recordId: front.id, unitId: front.id, after: { name: front.name } });
  await recordAudit(db, actor, { action: 'user.update', recordType: 'user', recordId: editor.id, before: { displayName: 'x' }, after: { displayName: 'Biên tập viên' } });
  // jsonb numbers beyond double precision and a timestamp with microseconds, written in SQL.
  await sql`
    insert into audit_log (at, actor_name, action, record_type, after)
    values ('2026-01-02 03:04:05.123456+07', 'system', 'test.precision', 'test', '{"n": 123456789012345678901234567890.000000001, "s": "a\\nb\\"c"}')
  `.execute(db);

  archive = path.join(dir, 'source.dvbak');
  await createBackup(db, archive);
});

afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup().catch(() => {});
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('dependencyOrder', () => {
  const fk = (name: string, table: string, references: string) => ({ name, table, references, deferrable: false });

  it('puts referenced tables first and returns the keys no order satisfies', () => {
    const keys = [fk('b_a', 'b', 'a'), fk('c_b', 'c', 'b'), fk('a_a', 'a', 'a'), fk('x_y', 'x', 'y'), fk('y_x', 'y', 'x')];
    const { order, unorderable } = dependencyOrder(['c', 'y', 'b', 'x', 'a'], keys);
    expect(order).toEqual(['a', 'b', 'c', 'x', 'y']);
    expect(unorderable.map((k) => k.name).sort()).toEqual(['a_a', 'x_y']);
  });
});

describe('backup and restore', () => {
  it('restores every table identically into an empty, migrated database', async () => {
    const target = await freshDatabase();
    const steps = new Set<BackupProgress['step']>();
    const summary = await restoreBackup(target, archive, { onProgress: (p) => steps.add(p.step) });

    const [expected, actual] = [await fingerprint(source.db), await fingerprint(target)];
    expect(Object.keys(actual)).toEqual(Object.keys(expected));
    expect(actual).toEqual(expected);
    expect(expected.users!.rows).toBe(4);
    expect(summary.tables.find((t) => t.name === 'audit_log')?.rows).toBe(expected.audit_log!.rows);
    expect([...steps]).toEqual(['verify', 'migrate', 'clear', 'load', 'finish']);

    // Sequences continue where the source's did; users' moves past the id inserted by hand.
    const bySeq = (list: Awaited<ReturnType<typeof readSequences>>) => Object.fromEntries(list.map((s) => [s.name, s.lastValue]));
    const [sourceSeqs, targetSeqs] = [bySeq(await readSequences(source.db)), bySeq(await readSequences(target))];
    expect({ ...targetSeqs, users_id_seq: null }).toEqual({ ...sourceSeqs, users_id_seq: null });
    expect(targetSeqs.users_id_seq).toBe('9000000001');
    const next = await buildUser(target, { username: 'after-restore' });
    expect(BigInt(next.id)).toBeGreaterThan(9000000001n);
  });

  it('migrates a database that was never migrated, as `danvan restore` into a new database does', async () => {
    const target = await freshDatabase(false);
    await restoreBackup(target, archive);
    expect(await fingerprint(target)).toEqual(await fingerprint(source.db));
    expect(await appliedMigrations(target)).toEqual(await appliedMigrations(source.db));
  });

  it('refuses a target that already holds data, writing nothing', async () => {
    const target = await freshDatabase();
    await buildUser(target, { username: 'already-here' });
    const before = await fingerprint(target);
    await expect(restoreBackup(target, archive)).rejects.toThrow(/already holds data; restore into an empty database/);
    expect(await fingerprint(target)).toEqual(before);
  });

  it('refuses damaged archives, writing nothing', async () => {
    const target = await freshDatabase();
    const before = await fingerprint(target);
    const bytes = await readFile(archive);

    const cut = await writeArchive('cut.dvbak', bytes.subarray(0, Math.floor(bytes.length * 0.6)));
    await expect(restoreBackup(target, cut)).rejects.toThrow(/damaged or incomplete.*cut short/);

    // Cut at a line boundary and compressed again: gzip is whole, the end marker is missing.
    const withoutTrailer = gunzipSync(bytes).toString('utf8').split('\n').slice(0, -2);
    const noTrailer = gzipSync(withoutTrailer.map((l) => `${l}\n`).join(''));
    await expect(restoreBackup(target, await writeArchive('no-trailer.dvbak', noTrailer))).rejects.toThrow(/end marker is missing/);

    // One value altered, gzip intact: the checksum catches it.
    const altered = rewriteArchive(bytes, (lines) => lines.map((l) => l.replace('"backup-editor"', '"backup-editoR"')), false);
    await expect(restoreBackup(target, await writeArchive('altered.dvbak', altered))).rejects.toThrow(/checksum mismatch/);

    // Re-signed but a row's width is wrong.
    const malformed = rewriteArchive(bytes, (lines) => lines.map((l) => (l.includes('"backup-editor"') ? JSON.stringify(JSON.parse(l).slice(1)) : l)));
    await expect(restoreBackup(target, await writeArchive('malformed.dvbak', malformed))).rejects.toThrow(/malformed row/);

    await expect(restoreBackup(target, await writeArchive('plain.txt', Buffer.from('hello\n')))).rejects.toThrow(/not a danvan backup/);
    await expect(restoreBackup(target, await writeArchive('other.gz', gzipSync('{"hello":1}\n')))).rejects.toThrow(/not a danvan backup/);
    await expect(restoreBackup(target, path.join(dir, 'missing.dvbak'))).rejects.toThrow(/does not exist/);

    expect(await fingerprint(target)).toEqual(before);
  });

  it('refuses archives with flipped bytes or a wrong format version, writing nothing', async () => {
    const target = await freshDatabase();
    const before = await fingerprint(target);
    const bytes = await readFile(archive);
    const refusal = (file: string) => restoreBackup(target, file).then(
      () => undefined,
      (err: unknown) => err,
    );

    // Bytes 4–9 of the gzip header (time, flags of the compressor, OS) are not checked by anyone
    // and change nothing; every other byte is: the magic, the method, the deflate data, the CRC
    // and length at the end.
    // A flip inside the deflate data can also leave the content unchanged: a match's distance
    // moved by one bit may copy the very same bytes from another place of a repetitive JSON
    // stream. Such a file IS the backup, byte for byte once decompressed, and restoring it is
    // right; only flips that change the content (or break the gzip stream) must be refused.
    const content = gunzipSync(bytes);
    const unchangedContent = (file: Buffer) => {
      try {
        return gunzipSync(file).equals(content);
      } catch {
        return false;
      }
    };
    const positions = [0, 1, 2, 10, 11, ...[0.05, 0.2, 0.35, 0.5, 0.65, 0.8, 0.95].map((f) => Math.floor(bytes.length * f)), bytes.length - 8, bytes.length - 1];
    let refused = 0;
    for (const at of positions) {
      for (const mask of [0xff, 0x01]) {
        const flipped = Buffer.from(bytes);
        flipped[at]! ^= mask;
        if (unchangedContent(flipped)) continue;
        refused++;
        const err = await refusal(await writeArchive(`flipped-${at}-${mask}.dvbak`, flipped));
        expect(err, `byte ${at} ^ ${mask}`).toBeInstanceOf(AppError);
        expect(err, `byte ${at} ^ ${mask}`).toMatchObject({ code: 'VALIDATION_FAILED', message: expect.stringMatching(/damaged|not a danvan backup/) });
      }
    }
    // The header, the CRC and the length are always checked: most flips must have been tried.
    expect(refused).toBeGreaterThanOrEqual(positions.length * 2 - 4);

    const withVersion = (version: unknown) =>
      rewriteArchive(bytes, ([header, ...rest]) => [JSON.stringify({ ...(JSON.parse(header!) as object), formatVersion: version }), ...rest]);
    for (const version of [0, -1, 1.5, '1', null]) {
      const err = await refusal(await writeArchive(`version-${String(version)}.dvbak`, withVersion(version)));
      expect(err, `formatVersion ${JSON.stringify(version)}`).toMatchObject({ code: 'VALIDATION_FAILED', message: expect.stringMatching(/damaged or incomplete \(unknown archive format version\)/) });
    }
    const newer = await refusal(await writeArchive('version-2.dvbak', withVersion(2)));
    expect(newer).toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/newer danvan \(archive format 2\)/) });

    expect(await fingerprint(target)).toEqual(before);
  });

  it('refuses a backup from a newer danvan, writing nothing', async () => {
    const target = await freshDatabase();
    const before = await fingerprint(target);
    const future = rewriteArchive(await readFile(archive), ([header, ...rest]) => {
      const h = JSON.parse(header!) as { migrations: string[] };
      h.migrations.push('29991231000000_from_the_future');
      return [JSON.stringify(h), ...rest];
    });
    await expect(restoreBackup(target, await writeArchive('future.dvbak', future))).rejects.toThrow(/comes from a newer danvan/);
    expect(await fingerprint(target)).toEqual(before);
  });

  it('leaves no data when the load fails part-way (one transaction)', async () => {
    const target = await freshDatabase();
    const before = await fingerprint(target);
    // A well-signed archive whose audit record names an account that does not exist.
    const broken = rewriteArchive(await readFile(archive), (lines) =>
      lines.map((l) => {
        if (!l.includes('"test.precision"')) return l;
        const row = JSON.parse(l) as (string | null)[];
        row[2] = '777777';
        return JSON.stringify(row);
      }),
    );
    await expect(restoreBackup(target, await writeArchive('broken.dvbak', broken))).rejects.toThrow(/foreign key/);
    expect(await fingerprint(target)).toEqual(before);
  });

  it('reads one snapshot: rows written while the backup runs are not in it', async () => {
    const before = await fingerprint(source.db);
    let written: Promise<unknown> | undefined;
    const chunks: Buffer[] = [];
    // The first write of the archive waits until another connection has committed new rows; the
    // backup is then still reading units (the users and audit_log sections come after).
    const out = new Writable({
      write(chunk: Buffer, _encoding, done) {
        chunks.push(chunk);
        written ??= buildUser(source.db, { username: 'during-backup' }).then(() =>
          recordAudit(source.db, SYSTEM_ACTOR, { action: 'test.during', recordType: 'test' }),
        );
        written.then(() => done(), done);
      },
    });
    await createBackup(source.db, out);
    expect(written).toBeDefined();
    expect((await fingerprint(source.db)).users!.rows).toBe(before.users!.rows + 1);

    const rows: Record<string, number> = {};
    let usernames: string[] = [];
    for await (const event of decodeArchive(Readable.from([gunzipSync(Buffer.concat(chunks))]))) {
      if (event.kind !== 'rows') continue;
      rows[event.table.name] = (rows[event.table.name] ?? 0) + event.rows.length;
      if (event.table.name === 'users') usernames = usernames.concat(event.rows.map((r) => r[1]!));
    }
    expect(rows).toEqual(Object.fromEntries(Object.entries(before).filter(([, v]) => v.rows > 0).map(([t, v]) => [t, v.rows])));
    expect(usernames).not.toContain('during-backup');
  });

  it('refuses to back up a database that was never migrated', async () => {
    const bare = await freshDatabase(false);
    await expect(createBackup(bare, path.join(dir, 'bare.dvbak'))).rejects.toThrow(/never migrated/);
    expect((await readdir(dir)).filter((f) => f.startsWith('bare.dvbak'))).toEqual([]);
  });

  // The suite's databases live on TEST_DATABASE_URL's server when it is set (CI: the machine's
  // PostgreSQL 15), and this test then starts an embedded engine (PostgreSQL 17) beside it to move
  // a trial across major versions. Without TEST_DATABASE_URL the suite itself runs on the embedded
  // engine, so there is no second server to move to: skipped.
  it.skipIf(!process.env.TEST_DATABASE_URL)(
    'moves a trial from the embedded engine to the external server',
    async () => {
      const dataDir = await mkdtemp(path.join(tmpdir(), 'danvan-trial-'));
      const file = path.join(dir, 'trial.dvbak');
      let expected: Fingerprint;
      let version: string;
      const engine = await startEmbeddedEngine({ dataDir });
      try {
        await ensureDatabase(engine.urlFor('postgres'), 'danvan');
        const trial = createDb(engine.urlFor('danvan'), { max: 3 });
        try {
          await migrateToLatest(trial);
          await ensureOfficialUnits(trial);
          const root = await rootUnit(trial);
          await buildUser(trial, { username: 'trial-admin', grants: [{ unitId: root.id, role: 'system_admin' }] });
          await buildUser(trial, { username: 'trial-viewer', grants: [{ unitId: root.id, role: 'viewer' }] });
          await createBackup(trial, file);
          expected = await fingerprint(trial);
          version = await serverVersion(trial);
        } finally {
          await trial.destroy();
          // pg's pool resolves end() before its sockets close: wait for them, or stopping the
          // engine would kill them mid-goodbye with an uncaught error.
          await waitForNoSessions(engine.urlFor('postgres'), 'danvan');
        }
      } finally {
        await engine.stop();
        await rm(dataDir, { recursive: true, force: true });
      }
      const target = await freshDatabase(false);
      await restoreBackup(target, file);
      const actual = await fingerprint(target);
      const counts = (f: Fingerprint) => Object.fromEntries(Object.entries(f).map(([t, v]) => [t, v.rows]));
      expect(counts(actual)).toEqual(counts(expected));
      expect(actual).toEqual(expected);
      expect(version).not.toBe(await serverVersion(target));
    },
    300_000,
  );
});

describe('partial files of backups that did not finish', () => {
  const cli = path.join(projectRoot, 'server', 'cli', 'main.ts');
  const host = hostname().replace(/[^A-Za-z0-9.-]/g, '_');
  const children: ChildProcess[] = [];
  let big: { db: Db; url: string };
  let partialsDir: string;

  beforeAll(async () => {
    partialsDir = path.join(dir, 'partials');
    await mkdir(partialsDir);
    // Enough rows that reading them takes the backup a second or two: time to catch it mid-way.
    big = await freshDatabaseAt();
    await sql`
      insert into audit_log (actor_name, action, record_type, record_id, after)
      select 'system', 'test.fill', 'test', g::text, jsonb_build_object('n', g, 'note', 'Ghi chép số ' || g)
      from generate_series(1, 100000) g`.execute(big.db);
  });

  afterAll(() => {
    for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  });

  /** `danvan backup <file>` as its own process, on the database with many rows. */
  function spawnBackup(file: string) {
    // `--import tsx` keeps it one process, so a signal reaches danvan itself.
    const child = spawn(process.execPath, ['--import', 'tsx', cli, 'backup', file], {
      cwd: projectRoot,
      env: { ...process.env, DATABASE_URL: big.url, TEST_DATABASE_URL: '', LOG_LEVEL: 'silent' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.push(child);
    let output = '';
    child.stdout?.on('data', (d) => (output += d));
    child.stderr?.on('data', (d) => (output += d));
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
    return { child, exited, output: () => output };
  }

  /** Waits until the backup has written bytes to its partial file (so it is mid-way); returns the file's name. */
  async function partialWithBytes(base: string, backup: ReturnType<typeof spawnBackup>): Promise<string> {
    for (;;) {
      if (backup.child.exitCode !== null) throw new Error(`the backup ended before it could be caught mid-way: ${backup.output()}`);
      const name = (await readdir(partialsDir)).find((f) => f.startsWith(`${base}.partial-`));
      if (name && (await stat(path.join(partialsDir, name)).catch(() => undefined))?.size) return name;
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  /** The pid of a process that has ended. */
  async function deadPid(): Promise<number> {
    const child = spawn(process.execPath, ['-e', '']);
    await new Promise((r) => child.on('exit', r));
    return child.pid!;
  }

  it('a backup killed with SIGKILL leaves a partial; the next backup removes it and writes a complete, restorable archive', async () => {
    const file = path.join(partialsDir, 'killed.dvbak');
    const backup = spawnBackup(file);
    const partial = await partialWithBytes('killed.dvbak', backup);
    backup.child.kill('SIGKILL');
    expect((await backup.exited).signal).toBe('SIGKILL');
    expect(partial).toBe(`killed.dvbak.partial-${host}-${backup.child.pid}`);
    expect(await readdir(partialsDir)).toEqual([partial]);

    // Beside it: the partial of a backup still running (the test runner's own process stands for
    // it), one written on another machine sharing the folder, and a file of the user's that only
    // looks like a partial. All three stay. A partial in the old name form (no host) is removed.
    const gzipBytes = (await readFile(archive)).subarray(0, 100);
    const dead = await deadPid();
    const kept = [`running.dvbak.partial-${host}-${process.ppid}`, `remote.dvbak.partial-elsewhere-${dead}`, `notes.txt.partial-${dead}`];
    await writeFile(path.join(partialsDir, kept[0]!), gzipBytes);
    await writeFile(path.join(partialsDir, kept[1]!), gzipBytes);
    await writeFile(path.join(partialsDir, kept[2]!), 'my own notes\n');
    await writeFile(path.join(partialsDir, `old.dvbak.partial-${dead}`), gzipBytes);

    const summary = await createBackup(big.db, file);
    expect(summary.removedPartials.map((p) => path.basename(p)).sort()).toEqual([partial, `old.dvbak.partial-${dead}`].sort());
    expect((await readdir(partialsDir)).sort()).toEqual(['killed.dvbak', ...kept].sort());
    expect(summary.tables.find((t) => t.name === 'audit_log')?.rows).toBe(100000);

    const target = await freshDatabase(false);
    await restoreBackup(target, file);
    expect(await fingerprint(target)).toEqual(await fingerprint(big.db));
    for (const name of kept) await rm(path.join(partialsDir, name));
  }, 120_000);

  it('a backup stopped with SIGTERM removes its partial, writes no archive and exits with 143', async () => {
    const file = path.join(partialsDir, 'stopped.dvbak');
    const backup = spawnBackup(file);
    await partialWithBytes('stopped.dvbak', backup);
    backup.child.kill('SIGTERM');
    expect(await backup.exited, backup.output()).toEqual({ code: 143, signal: null });
    expect(backup.output()).toMatch(/Backup stopped by SIGTERM; no archive was written/);
    expect((await readdir(partialsDir)).filter((f) => f.startsWith('stopped.dvbak'))).toEqual([]);
  }, 120_000);
});
