import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { RESTRUCTURE_DATE } from '../../../common/units.js';
import type { Db } from '../../db/database.js';
import { createTestDb } from '../../test/test-db.js';
import { UNITS_IMPORT_META_KEY } from './units-import.repository.js';
import { ensureOfficialUnits, importOfficialUnits } from './units.import.js';
import { loadOfficialDataset, type OfficialDataset } from './units.seed.js';

let dataset: OfficialDataset;
/** A database as the test template has it: the official units imported once. */
let reference: Db;
let referencePrint: string;

beforeAll(async () => {
  dataset = loadOfficialDataset();
  reference = (await createTestDb()).db;
  referencePrint = await fingerprint(reference);
});

/** A fresh database whose tree is back to the root alone, as before any import. */
async function emptyTree(): Promise<Db> {
  const { db } = await createTestDb();
  await sql`delete from unit_successions`.execute(db);
  await sql`delete from units where parent_id is not null`.execute(db);
  await db.deleteFrom('app_meta').where('key', '=', UNITS_IMPORT_META_KEY).execute();
  return db;
}

/** Everything the import decides, by natural keys (ids differ between databases). */
async function fingerprint(db: Db): Promise<string> {
  const { rows } = await sql<{ print: string }>`
    select md5(
      coalesce((select string_agg(concat_ws('|', u.kind, u.code, u.valid_from, u.valid_to, u.name, u.name_en, u.division_type,
                                             p.kind, p.code, p.valid_from, nlevel(u.path)), E'\n' order by u.kind, u.code, u.valid_from nulls first)
                from units u left join units p on p.id = u.parent_id), '')
      || '#' ||
      coalesce((select string_agg(concat_ws('|', a.kind, a.code, a.valid_from, b.kind, b.code, b.valid_from, s.kind, s.effective), E'\n'
                                  order by a.kind, a.code, a.valid_from nulls first, b.kind, b.code, b.valid_from nulls first)
                from unit_successions s join units a on a.id = s.predecessor_id join units b on b.id = s.successor_id), '')
    ) as print`.execute(db);
  return rows[0]!.print;
}

async function count(db: Db, where = sql`true`): Promise<number> {
  const { rows } = await sql<{ n: number }>`select count(*)::int as n from units where ${where}`.execute(db);
  return rows[0]!.n;
}

async function auditCount(db: Db): Promise<number> {
  const { rows } = await sql<{ n: number }>`select count(*)::int as n from audit_log`.execute(db);
  return rows[0]!.n;
}

async function successionCount(db: Db): Promise<number> {
  const { rows } = await sql<{ n: number }>`select count(*)::int as n from unit_successions`.execute(db);
  return rows[0]!.n;
}

async function idsByKey(db: Db): Promise<Map<string, string>> {
  const rows = await db.selectFrom('units').select(['id', 'kind', 'code', 'valid_from']).execute();
  return new Map(rows.map((r) => [`${r.kind}:${r.code}:${r.valid_from}`, r.id]));
}

describe('importing the official units', () => {
  it('fills an empty tree: 34 + 3,321 units in force, 63 provinces, 696 districts and 10,051 communes before 1 July 2025', async () => {
    const db = await emptyTree();
    expect(await count(db)).toBe(1);
    const audits = await auditCount(db);
    const started = performance.now();
    const report = await importOfficialUnits(db, { dataset });
    const seconds = (performance.now() - started) / 1000;
    console.info(`units import on an empty tree: ${seconds.toFixed(2)} s (${dataset.units.length} units, ${dataset.successions.length} successions)`);
    expect(seconds).toBeLessThan(10);

    expect(report.changed).toBe(true);
    expect(report.units.province).toEqual({ inserted: 86, updated: 0, unchanged: 0 });
    expect(report.units.district).toEqual({ inserted: 696, updated: 0, unchanged: 0 });
    expect(report.units.commune).toEqual({ inserted: 3321 + 10051, updated: 0, unchanged: 0 });
    expect(report.successions).toEqual({ inserted: dataset.successions.length, updated: 0, unchanged: 0, removed: 0 });

    const inForce = sql`valid_to is null`;
    const before = sql`valid_from is null`;
    // In force today: the 34 provinces (11 continuing, 23 new) and 3,321 communes.
    expect(await count(db, sql`kind = 'province' and ${inForce}`)).toBe(34);
    expect(await count(db, sql`kind = 'province' and ${inForce} and valid_from = ${RESTRUCTURE_DATE}`)).toBe(23);
    expect(await count(db, sql`kind = 'commune' and ${inForce} and valid_from = ${RESTRUCTURE_DATE}`)).toBe(3321);
    // Before: 63 provinces = 52 retired + the 11 that continue (one row each, never retired).
    expect(await count(db, sql`kind = 'province' and ${before} and valid_to = ${RESTRUCTURE_DATE}`)).toBe(52);
    expect(await count(db, sql`kind = 'province' and ${before} and ${inForce}`)).toBe(11);
    expect(await count(db, sql`kind = 'district' and valid_to = ${RESTRUCTURE_DATE}`)).toBe(696);
    // The list's 10,056 lines: 10,051 communes and 5 island districts that have none.
    expect(await count(db, sql`kind = 'commune' and ${before} and valid_to = ${RESTRUCTURE_DATE}`)).toBe(10051);
    expect(await count(db)).toBe(1 + 86 + 696 + 3321 + 10051);

    // Every path is its parent's path plus its own id.
    const { rows: badPaths } = await sql<{ n: number }>`
      select count(*)::int as n from units u join units p on p.id = u.parent_id where u.path <> p.path || u.id::text`.execute(db);
    expect(badPaths[0]!.n).toBe(0);
    // Legacy communes hang under districts, current communes under provinces.
    const { rows: parents } = await sql<{ kind: string; from: string | null; parent: string; n: number }>`
      select u.kind, u.valid_from::text as from, p.kind as parent, count(*)::int as n
      from units u join units p on p.id = u.parent_id where u.kind = 'commune' group by 1, 2, 3 order by 1, 2, 3`.execute(db);
    expect(parents).toEqual([
      { kind: 'commune', from: RESTRUCTURE_DATE, parent: 'province', n: 3321 },
      { kind: 'commune', from: null, parent: 'district', n: 10051 },
    ]);

    expect(await auditCount(db)).toBe(audits + 1);
    const audit = await db.selectFrom('audit_log').selectAll().orderBy('id', 'desc').limit(1).executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ action: 'units.import', record_type: 'unit', actor_name: 'system' });
    const meta = await db.selectFrom('app_meta').select('value').where('key', '=', UNITS_IMPORT_META_KEY).executeTakeFirstOrThrow();
    expect(meta.value).toMatchObject({ checksum: dataset.checksum, counts: { province: 86, district: 696, commune: 13372 } });

    expect(await fingerprint(db)).toBe(referencePrint);
  });

  it('changes nothing when run again: same ids, same rows, no audit record', async () => {
    const db = reference;
    const ids = await idsByKey(db);
    const audits = await auditCount(db);
    const links = await successionCount(db);
    const meta = await db.selectFrom('app_meta').selectAll().where('key', '=', UNITS_IMPORT_META_KEY).executeTakeFirstOrThrow();

    const report = await importOfficialUnits(db, { dataset });
    expect(report.changed).toBe(false);
    for (const kind of ['province', 'district', 'commune'] as const) expect(report.units[kind].inserted + report.units[kind].updated).toBe(0);
    expect(report.units.commune.unchanged).toBe(13372);
    expect(report.successions).toEqual({ inserted: 0, updated: 0, unchanged: links, removed: 0 });

    expect(await idsByKey(db)).toEqual(ids);
    expect(await successionCount(db)).toBe(links);
    expect(await auditCount(db)).toBe(audits);
    const metaAfter = await db.selectFrom('app_meta').selectAll().where('key', '=', UNITS_IMPORT_META_KEY).executeTakeFirstOrThrow();
    expect(metaAfter).toEqual(meta);
    expect(await fingerprint(db)).toBe(referencePrint);

    // At start-up the checksum alone says there is nothing to do.
    expect(await ensureOfficialUnits(db)).toMatchObject({ imported: false });
  });

  it('leaves nothing behind when it fails half-way, and a re-run ends as a normal import', async () => {
    const db = await emptyTree();
    const audits = await auditCount(db);
    let calls = 0;
    const failing = importOfficialUnits(db, {
      dataset,
      onProgress: (done, total) => {
        calls++;
        if (done > total / 2) throw new Error('killed half-way');
      },
    });
    await expect(failing).rejects.toThrow('killed half-way');
    expect(calls).toBeGreaterThan(1);
    expect(await count(db)).toBe(1);
    expect(await successionCount(db)).toBe(0);
    expect(await auditCount(db)).toBe(audits);
    expect(await db.selectFrom('app_meta').select('key').where('key', '=', UNITS_IMPORT_META_KEY).executeTakeFirst()).toBeUndefined();

    await importOfficialUnits(db, { dataset });
    expect(await fingerprint(db)).toBe(referencePrint);
  });

  it('brings a drifted tree back to the files, in place, and records one audit entry', async () => {
    const { db } = await createTestDb();
    const ids = await idsByKey(db);
    const commune = await db.selectFrom('units').selectAll().where('kind', '=', 'commune').where('code', '=', '00004').where('valid_to', 'is', null).executeTakeFirstOrThrow();
    await db.updateTable('units').set({ name: 'Phường Sửa Tay' }).where('id', '=', commune.id).execute();
    const link = await db.selectFrom('unit_successions').selectAll().where('kind', '=', 'unchanged').limit(1).executeTakeFirstOrThrow();
    await db.deleteFrom('unit_successions').where('predecessor_id', '=', link.predecessor_id).where('successor_id', '=', link.successor_id).execute();
    const haNam = ids.get('province:35:null')!;
    // Hà Nam went whole into the new Ninh Bình; say "partial", and add a link to Hà Nội that the files do not give.
    await db.updateTable('unit_successions').set({ kind: 'partial' }).where('predecessor_id', '=', haNam).where('successor_id', '=', ids.get('province:37:2025-07-01')!).execute();
    await db.insertInto('unit_successions').values({ predecessor_id: haNam, successor_id: ids.get('province:01:null')!, kind: 'partial', effective: RESTRUCTURE_DATE }).execute();
    const drifted = await fingerprint(db);

    // A failed run changes nothing of the drift either.
    await expect(importOfficialUnits(db, { dataset, onProgress: (done) => { if (done > 20000) throw new Error('stop'); } })).rejects.toThrow('stop');
    expect(await fingerprint(db)).toBe(drifted);

    const audits = await auditCount(db);
    const report = await importOfficialUnits(db, { dataset });
    expect(report.units.commune).toMatchObject({ inserted: 0, updated: 1 });
    expect(report.successions).toMatchObject({ inserted: 1, updated: 1, removed: 1 });
    expect(await fingerprint(db)).toBe(referencePrint);
    expect(await idsByKey(db)).toEqual(ids);
    const after = await db.selectFrom('units').selectAll().where('id', '=', commune.id).executeTakeFirstOrThrow();
    expect(after.name).toBe(commune.name);
    expect(after.version).toBe(commune.version + 1);
    expect(await auditCount(db)).toBe(audits + 1);
  });
});
