import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { RESTRUCTURE_DATE } from '../../../common/units.js';
import type { Db } from '../../db/database.js';
import { buildUnit } from '../../test/factories.js';
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
  // Deleting 15,000 units checks each against units.current_id, which has no index of its own:
  // one here turns minutes of scans into a second (this database is the test's own).
  await sql`create index units_current_id_for_test on units (current_id)`.execute(db);
  await sql`delete from unit_successions`.execute(db);
  await sql`delete from unit_names`.execute(db);
  await sql`delete from units where parent_id is not null`.execute(db);
  await db.deleteFrom('app_meta').where('key', '=', UNITS_IMPORT_META_KEY).execute();
  return db;
}

/** Everything the import decides, by natural keys (ids differ between databases). */
async function fingerprint(db: Db): Promise<string> {
  const { rows } = await sql<{ print: string }>`
    select md5(
      coalesce((select string_agg(concat_ws('|', u.kind, u.code, u.listed_from, u.valid_from, u.valid_to, u.name, u.name_en, u.division_type,
                                             p.kind, p.code, p.listed_from, nlevel(u.path)), E'\n' order by u.kind, u.code, u.listed_from nulls first)
                from units u left join units p on p.id = u.parent_id where u.kind in ('country', 'province', 'district', 'commune')), '')
      || '#' ||
      coalesce((select string_agg(concat_ws('|', a.kind, a.code, a.listed_from, b.kind, b.code, b.listed_from, s.kind, s.effective, s.basis, s.preferred), E'\n'
                                  order by a.kind, a.code, a.listed_from nulls first, b.kind, b.code, b.listed_from nulls first)
                from unit_successions s join units a on a.id = s.predecessor_id join units b on b.id = s.successor_id), '')
      || '#' ||
      coalesce((select string_agg(concat_ws('|', u.kind, u.code, u.listed_from, n.name, n.division_type, n.valid_from, n.valid_to), E'\n'
                                  order by u.kind, u.code, u.listed_from nulls first, n.valid_to)
                from unit_names n join units u on u.id = n.unit_id), '')
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
  const rows = await db.selectFrom('units').select(['id', 'kind', 'code', 'listed_from']).execute();
  return new Map(rows.map((r) => [`${r.kind}:${r.code}:${r.listed_from}`, r.id]));
}

async function nameCount(db: Db): Promise<number> {
  const { rows } = await sql<{ n: number }>`select count(*)::int as n from unit_names`.execute(db);
  return rows[0]!.n;
}

// Each test imports the whole history at least once: seconds, more on a loaded machine.
describe('importing the official units', { timeout: 180_000 }, () => {
  it('fills an empty tree: 34 + 3,321 units in force, the 4 January 2025 list, and the units of 2019–2024 before it', async () => {
    const db = await emptyTree();
    expect(await count(db)).toBe(1);
    const audits = await auditCount(db);
    const started = performance.now();
    const report = await importOfficialUnits(db, { dataset });
    const seconds = (performance.now() - started) / 1000;
    console.info(`units import on an empty tree: ${seconds.toFixed(2)} s (${dataset.units.length} units, ${dataset.successions.length} successions, ${report.names.inserted} former names)`);

    // The history adds the units that were gone before 4 January 2025 (counted from the files in units.seed.test.ts).
    const earlier = dataset.history.earlier;
    expect(report.changed).toBe(true);
    expect(report.units.province).toEqual({ inserted: 86, updated: 0, unchanged: 0 });
    expect(report.units.district).toEqual({ inserted: 696 + earlier.district, updated: 0, unchanged: 0 });
    expect(report.units.commune).toEqual({ inserted: 3321 + 10051 + earlier.commune, updated: 0, unchanged: 0 });
    expect(report.successions).toEqual({ inserted: dataset.successions.length, updated: 0, unchanged: 0, removed: 0 });
    expect(report.names).toEqual({ inserted: dataset.history.formerNames, removed: 0, unchanged: 0 });
    expect(await nameCount(db)).toBe(dataset.history.formerNames);
    expect(report.rekeyed).toBe(0);

    const inForce = sql`valid_to is null`;
    const before = sql`valid_from is null`;
    // In force today: the 34 provinces (11 continuing, 23 new) and 3,321 communes.
    expect(await count(db, sql`kind = 'province' and ${inForce}`)).toBe(34);
    expect(await count(db, sql`kind = 'province' and ${inForce} and valid_from = ${RESTRUCTURE_DATE}`)).toBe(23);
    expect(await count(db, sql`kind = 'commune' and ${inForce} and valid_from = ${RESTRUCTURE_DATE}`)).toBe(3321);
    // Before: 63 provinces = 52 retired + the 11 that continue (one row each, never retired).
    expect(await count(db, sql`kind = 'province' and ${before} and valid_to = ${RESTRUCTURE_DATE}`)).toBe(52);
    expect(await count(db, sql`kind = 'province' and ${before} and ${inForce}`)).toBe(11);
    // The 4 January 2025 list: 696 districts and 10,051 communes (its 10,056 lines less the 5 island districts that have none).
    expect(await count(db, sql`kind = 'district' and valid_to = ${RESTRUCTURE_DATE}`)).toBe(696);
    expect(await count(db, sql`kind = 'commune' and valid_to = ${RESTRUCTURE_DATE}`)).toBe(10051);
    // Gone before it: each with the day it went.
    expect(await count(db, sql`kind = 'district' and valid_to < ${RESTRUCTURE_DATE}`)).toBe(earlier.district);
    expect(await count(db, sql`kind = 'commune' and valid_to < ${RESTRUCTURE_DATE}`)).toBe(earlier.commune);
    expect(await count(db)).toBe(1 + 86 + 696 + earlier.district + 3321 + 10051 + earlier.commune);

    // Every path is its parent's path plus its own id.
    const { rows: badPaths } = await sql<{ n: number }>`
      select count(*)::int as n from units u join units p on p.id = u.parent_id where u.path <> p.path || u.id::text`.execute(db);
    expect(badPaths[0]!.n).toBe(0);
    // Communes before the restructure hang under districts, current communes under provinces.
    const { rows: parents } = await sql<{ current: boolean; parent: string; n: number }>`
      select u.valid_from is not distinct from ${RESTRUCTURE_DATE}::date as current, p.kind as parent, count(*)::int as n
      from units u join units p on p.id = u.parent_id where u.kind = 'commune' group by 1, 2 order by 1, 2`.execute(db);
    expect(parents).toEqual([
      { current: false, parent: 'district', n: 10051 + earlier.commune },
      { current: true, parent: 'province', n: 3321 },
    ]);

    expect(await auditCount(db)).toBe(audits + 1);
    const audit = await db.selectFrom('audit_log').selectAll().orderBy('id', 'desc').limit(1).executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ action: 'units.import', record_type: 'unit', actor_name: 'system' });
    const meta = await db.selectFrom('app_meta').select('value').where('key', '=', UNITS_IMPORT_META_KEY).executeTakeFirstOrThrow();
    expect(meta.value).toMatchObject({
      checksum: dataset.checksum,
      counts: { province: 86, district: 696 + earlier.district, commune: 13372 + earlier.commune, names: dataset.history.formerNames },
      history: { inferred: dataset.history.inferred, ambiguous: dataset.history.ambiguous },
    });

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
    expect(report.units.commune.unchanged).toBe(13372 + dataset.history.earlier.commune);
    expect(report.successions).toEqual({ inserted: 0, updated: 0, unchanged: links, removed: 0 });
    expect(report.names).toEqual({ inserted: 0, removed: 0, unchanged: dataset.history.formerNames });

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
    expect(await nameCount(db)).toBe(0);
    expect(await auditCount(db)).toBe(audits);
    expect(await db.selectFrom('app_meta').select('key').where('key', '=', UNITS_IMPORT_META_KEY).executeTakeFirst()).toBeUndefined();

    await importOfficialUnits(db, { dataset });
    expect(await fingerprint(db)).toBe(referencePrint);
  });

  it('brings a drifted tree back to the files, in place, and records one audit entry', async () => {
    const { db } = await createTestDb();
    const ids = await idsByKey(db);
    const commune = await db.selectFrom('units').selectAll().where('kind', '=', 'commune').where('code', '=', '00004').where('valid_to', 'is', null).executeTakeFirstOrThrow();
    // A former name lost and one the files never gave: both put right.
    const kimBang = ids.get('district:350:null')!;
    await db.deleteFrom('unit_names').where('unit_id', '=', kimBang).execute();
    await db.insertInto('unit_names').values({ unit_id: kimBang, name: 'Huyện Kim Bảng Cũ', division_type: 'Huyện', valid_from: null, valid_to: '2020-01-01' }).execute();
    await db.updateTable('units').set({ name: 'Phường Sửa Tay' }).where('id', '=', commune.id).execute();
    const link = await db.selectFrom('unit_successions').selectAll().where('kind', '=', 'unchanged').limit(1).executeTakeFirstOrThrow();
    await db.deleteFrom('unit_successions').where('predecessor_id', '=', link.predecessor_id).where('successor_id', '=', link.successor_id).execute();
    const haNam = ids.get('province:35:null')!;
    // Hà Nam went whole into the new Ninh Bình; say "partial", and add a link to Hà Nội that the files do not give.
    await db.updateTable('unit_successions').set({ kind: 'partial' }).where('predecessor_id', '=', haNam).where('successor_id', '=', ids.get('province:37:2025-07-01')!).execute();
    await db.insertInto('unit_successions').values({ predecessor_id: haNam, successor_id: ids.get('province:01:null')!, kind: 'partial', effective: RESTRUCTURE_DATE }).execute();
    const drifted = await fingerprint(db);

    // A failed run changes nothing of the drift either.
    await expect(importOfficialUnits(db, { dataset, onProgress: (done) => { if (done > 22000) throw new Error('stop'); } })).rejects.toThrow('stop');
    expect(await fingerprint(db)).toBe(drifted);

    const audits = await auditCount(db);
    const report = await importOfficialUnits(db, { dataset });
    expect(report.units.commune).toMatchObject({ inserted: 0, updated: 1 });
    expect(report.successions).toMatchObject({ inserted: 1, updated: 1, removed: 1 });
    expect(report.names).toMatchObject({ inserted: 1, removed: 1 });
    expect(await fingerprint(db)).toBe(referencePrint);
    expect(await idsByKey(db)).toEqual(ids);
    const after = await db.selectFrom('units').selectAll().where('id', '=', commune.id).executeTakeFirstOrThrow();
    expect(after.name).toBe(commune.name);
    expect(after.version).toBe(commune.version + 1);
    expect(await auditCount(db)).toBe(audits + 1);
  });

  it('upgrades a tree of the 2025-only model in place: the rows of the 4 January 2025 list keep their ids, records and organizations', async () => {
    const { db } = await createTestDb();
    const reference = await idsByKey(db);
    // The model before the history: no earlier units, no former names, every unit of the legacy
    // list keyed (kind, code, earliest) and in force "since before records began".
    await sql`delete from unit_names`.execute(db);
    await sql`delete from unit_successions s using units u where u.id = s.predecessor_id and (s.effective < ${RESTRUCTURE_DATE} or u.valid_to < ${RESTRUCTURE_DATE})`.execute(db);
    await sql`delete from unit_successions s using units u where u.id = s.successor_id and u.valid_to < ${RESTRUCTURE_DATE}`.execute(db);
    await sql`delete from units where kind = 'commune' and valid_to < ${RESTRUCTURE_DATE}`.execute(db);
    await sql`delete from units where kind = 'district' and valid_to < ${RESTRUCTURE_DATE}`.execute(db);
    await sql`update units set listed_from = null, valid_from = null where kind in ('district', 'commune') and valid_to = ${RESTRUCTURE_DATE}`.execute(db);
    await db.updateTable('app_meta').set({ value: JSON.stringify({ checksum: 'the 2025-only model' }) }).where('key', '=', UNITS_IMPORT_META_KEY).execute();
    // Phường Chũ (07525) of Thị xã Chũ, as it stood in the legacy list, with an organization under it.
    const chu = reference.get('commune:07525:2025-01-01')!;
    const org = await buildUnit(db, { parentId: chu, kind: 'womens_union', name: 'Hội Phụ nữ phường Chũ' });

    const report = await importOfficialUnits(db, { dataset });
    const rekeyable = dataset.units.filter((u) => u.kind !== 'province' && u.validTo === RESTRUCTURE_DATE && u.listedFrom !== null);
    expect(report.rekeyed).toBe(rekeyable.length);
    expect(report.units.commune.inserted).toBe(dataset.history.earlier.commune);
    expect(await fingerprint(db)).toBe(referencePrint);
    const after = await idsByKey(db);
    // Rows of the legacy list are the same rows; only the units gone before it are new.
    for (const u of rekeyable) expect(after.get(`${u.kind}:${u.code}:${u.listedFrom}`), u.key).toBe(reference.get(`${u.kind}:${u.code}:${u.listedFrom}`));
    expect(after.get('commune:07525:2025-01-01')).toBe(chu);
    const chuNow = await db.selectFrom('units').select(['name', 'valid_from', 'listed_from']).where('id', '=', chu).executeTakeFirstOrThrow();
    expect(chuNow).toEqual({ name: 'Phường Chũ', valid_from: '2025-01-01', listed_from: '2025-01-01' });
    const orgNow = await db.selectFrom('units').select(['parent_id']).where('id', '=', org.id).executeTakeFirstOrThrow();
    expect(orgNow.parent_id).toBe(chu);
    // And a second run has nothing left to do.
    expect((await importOfficialUnits(db, { dataset })).changed).toBe(false);
  });

  it('keeps a system administrator\'s succession as set: the files do not overwrite it', async () => {
    const { db } = await createTestDb();
    const ids = await idsByKey(db);
    const ambiguous = dataset.ambiguous[0]!;
    const [kind, code, listed] = ambiguous.predecessorKey.split(':') as [string, string, string];
    const predecessor = ids.get(`${kind}:${code}:${listed === '-' ? null : listed}`)!;
    const district = await db.selectFrom('units').select(['parent_id']).where('id', '=', predecessor).executeTakeFirstOrThrow();
    const sibling = await db.selectFrom('units').select('id').where('parent_id', '=', district.parent_id).where('id', '<>', predecessor).where('valid_to', '=', RESTRUCTURE_DATE).limit(1).executeTakeFirstOrThrow();
    await db.deleteFrom('unit_successions').where('predecessor_id', '=', predecessor).execute();
    await db.insertInto('unit_successions').values({ predecessor_id: predecessor, successor_id: sibling.id, kind: 'whole', effective: ambiguous.until, basis: 'manual' }).execute();

    const report = await importOfficialUnits(db, { dataset });
    expect(report.overrides).toBe(1);
    expect(report.changed).toBe(false);
    const links = await db.selectFrom('unit_successions').select(['successor_id', 'basis']).where('predecessor_id', '=', predecessor).execute();
    expect(links).toEqual([{ successor_id: sibling.id, basis: 'manual' }]);
  });
});
