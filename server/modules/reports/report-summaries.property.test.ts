/**
 * The summaries kept by the database (migration 20261205300000_report_summaries) against counting
 * the records: random writes of entries, commendations and petitions (inserts, updates, deletes,
 * moves between units), restructures (an organization retired and back in force, moved to another
 * commune) and succession corrections, with the pending deltas folded at random moments; after
 * each batch, the reports the summaries answer (the country, provinces in force and a retired
 * one; over two random ranges of: years, a quarter, whole months, a range with edge days; all of
 * them at the end, before and after folding) must equal the same reports counted record by record,
 * the full report and the page's view alike. Then: a forged delta shows (the summaries are read);
 * a failed write leaves no summary row and no version behind; a stale `If-None-Match` gets the
 * fresh answer, a matching one 304.
 */
import fc from 'fast-check';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { ENTRY_FORMS, ENTRY_KINDS, ENTRY_LEVELS, ENTRY_STATUSES, type EntryStatus } from '../../../common/entries.js';
import { PETITION_KINDS, type PetitionStatus } from '../../../common/petitions.js';
import { type Report, type ReportQuery, reportView, ReportView } from '../../../common/reports.js';
import { SYSTEM_ACTOR } from '../../http/access.js';
import { buildUnit, buildUser, rootUnit, unitByCode } from '../../test/factories.js';
import { createTestApp, type TestApp } from '../../test/test-app.js';
import { compactSummaries, readDataVersion } from '../data-versions/data-versions.repository.js';
import { buildPetition } from '../petitions/petitions.factories.js';
import { buildPlan, buildReport as buildTaskReport, buildTask } from '../tasks/tasks.factories.js';
import { setSuccessors } from '../units/units-history.service.js';
import { buildWorkingSession } from '../working-sessions/working-sessions.factories.js';
import { buildReportCommendations, buildReportEntries } from './reports.factories.js';
import { buildReport, buildReportFromRecords, buildReportView } from './reports.service.js';

let t: TestApp;
/** Units records are written under: communes in force, retired ones (whole, partial), organizations, provinces. */
let writable: string[];
/** Organizations that restructures move, retire and bring back. */
let orgs: string[];
/** Communes in force an organization may move under. */
let hosts: string[];
/** Reports compared: the country, two provinces in force, a retired province. */
let reported: string[];
let fields: string[];
let forms: string[];
let categories: string[];
/** A retired ward and two successors an administrator may correct it to (another province; its own district). */
let correction: { unit: string; to: string[] };

const SUMMARY_TABLES = ['report_entry_cells', 'report_totals', 'report_commendation_cells', 'report_petition_cells', 'report_petition_open', 'report_unit_entries'];

beforeAll(async () => {
  t = await createTestApp();
  const code = async (kind: string, c: string, current = true) => (await unitByCode(t.db, kind, c, current)).id;
  const root = (await rootUnit(t.db)).id;
  const hanoi = await code('province', '01');
  const tuyenQuang = await code('province', '08');
  const oldHaGiang = await unitByCode(t.db, 'province', '02', false);
  const baDinh = await code('commune', '00004');
  const ngocHa = await code('commune', '00008');
  const oldNgocHa = await code('commune', '00016', false);
  const one = async (where: ReturnType<typeof sql>) => (await sql<{ id: string }>`select id from units where ${where} order by code limit 1`.execute(t.db)).rows[0]!.id;
  const whole = await one(sql`kind = 'commune' and attribution = 'whole' and path <@ ${oldHaGiang.path}::ltree`);
  const partial = await one(sql`kind = 'commune' and attribution = 'partial' and path <@ ${oldHaGiang.path}::ltree`);
  const tqCommune = await one(sql`kind = 'commune' and attribution = 'self' and path <@ (select path from units where id = ${tuyenQuang})`);
  const orgA = (await buildUnit(t.db, { parentId: baDinh, name: 'Đoàn Thanh niên phường Ba Đình', kind: 'youth_union' })).id;
  const orgB = (await buildUnit(t.db, { parentId: tqCommune, name: 'Hội Phụ nữ xã', kind: 'womens_union' })).id;
  // As units-history.test.ts: the wards of the first listing (in force on the day Bùi Thị Xuân ended).
  const listed = async (c: string) => (await sql<{ id: string }>`select id from units where kind = 'commune' and code = ${c} and listed_from is null`.execute(t.db)).rows[0]!.id;
  const buiThiXuan = await listed('00250');
  correction = { unit: buiThiXuan, to: [await listed('14362'), await listed('00256')] };
  orgs = [orgA, orgB];
  hosts = [baDinh, ngocHa, tqCommune];
  writable = [baDinh, ngocHa, oldNgocHa, whole, partial, tqCommune, orgA, orgB, buiThiXuan, hanoi, tuyenQuang, oldHaGiang.id];
  reported = [root, hanoi, tuyenQuang, oldHaGiang.id];
  const codes = async (table: 'entry_fields' | 'commendation_forms' | 'petition_categories') => (await sql<{ code: string }>`select code from ${sql.table(table)} order by code limit 4`.execute(t.db)).rows.map((r) => r.code);
  [fields, forms, categories] = await Promise.all([codes('entry_fields'), codes('commendation_forms'), codes('petition_categories')]);
});

// ---- random writes ----

const day = fc.integer({ min: 0, max: 729 }).map((n) => new Date(Date.UTC(2024, 0, 1) + n * 86_400_000).toISOString().slice(0, 10));
const pick = <T>(xs: readonly T[]) => fc.constantFrom(...xs);
const index = fc.nat({ max: 1_000 });

const entryArb = fc.record({
  unit: index,
  status: pick(ENTRY_STATUSES),
  kind: pick(ENTRY_KINDS),
  form: pick(ENTRY_FORMS),
  level: pick(ENTRY_LEVELS),
  field: index,
  typical: fc.boolean(),
  replicas: fc.nat({ max: 3 }),
  day,
});

const op = fc.oneof(
  { weight: 4, arbitrary: fc.record({ op: fc.constant('entries' as const), rows: fc.array(entryArb, { minLength: 1, maxLength: 8 }) }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('entry-update' as const), which: index, change: entryArb, moveUnit: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('entry-delete' as const), which: index }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('commendations' as const), rows: fc.array(fc.record({ unit: index, day, individual: fc.boolean(), form: index }), { minLength: 1, maxLength: 4 }) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('commendation-change' as const), which: index, day, remove: fc.boolean() }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('petition' as const), unit: index, kind: pick(PETITION_KINDS), day, open: fc.boolean(), closeAfter: fc.nat({ max: 40 }) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('petition-change' as const), which: index, category: index, closeAfter: fc.option(fc.nat({ max: 40 })) }) },
  // A leaf task (done some days after it starts, or open), perhaps reported on, and a working session with its unit: the report's tasks block.
  {
    weight: 2,
    arbitrary: fc.record({ op: fc.constant('task' as const), unit: index, day, deadlineAfter: fc.nat({ max: 90 }), doneAfter: fc.option(fc.nat({ max: 120 })), reportAfter: fc.option(fc.nat({ max: 60 })), session: fc.boolean() }),
  },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('restructure' as const), org: index, retire: fc.boolean(), host: index }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('succession' as const), to: index }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('compact' as const) }) },
);
type Op = typeof op extends fc.Arbitrary<infer T> ? T : never;

const at = <T>(xs: readonly T[], i: number) => xs[i % xs.length]!;
const addDays = (d: string, n: number) => new Date(Date.parse(`${d}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/** A record of a table picked by a random index (none when the table is empty). */
async function nth(table: 'entries' | 'commendations' | 'petitions', i: number): Promise<string | undefined> {
  const { rows } = await sql<{ id: string }>`select id from ${sql.table(table)} order by id offset (${i}::int % greatest((select count(*) from ${sql.table(table)})::int, 1)) limit 1`.execute(t.db);
  return rows[0]?.id;
}

async function unitPath(id: string): Promise<string> {
  return (await t.db.selectFrom('units').select('path').where('id', '=', id).executeTakeFirstOrThrow()).path;
}

async function apply(o: Op): Promise<void> {
  switch (o.op) {
    case 'entries':
      await buildReportEntries(
        t.db,
        o.rows.map((r) => ({
          unitId: at(writable, r.unit),
          year: Number(r.day.slice(0, 4)),
          status: r.status,
          kind: r.kind,
          form: r.form,
          level: r.level,
          fieldCode: at(fields, r.field),
          typical: r.typical,
          replicationCount: r.replicas,
          registeredOn: r.status === 'draft' ? null : r.day,
        })),
      );
      return;
    case 'entry-update': {
      const id = await nth('entries', o.which);
      if (!id) return;
      const c = o.change;
      const unit = o.moveUnit ? at(writable, c.unit) : undefined;
      await t.db
        .updateTable('entries')
        .set({
          status: c.status as EntryStatus,
          kind: c.kind,
          form: c.form,
          level: c.level,
          field_code: at(fields, c.field),
          recognised_typical: c.typical,
          replication_count: c.replicas,
          year: Number(c.day.slice(0, 4)),
          registered_on: c.status === 'draft' ? null : c.day,
          ...(unit ? { registering_unit_id: unit, unit_path: await unitPath(unit) } : {}),
        })
        .where('id', '=', id)
        .execute();
      return;
    }
    case 'entry-delete': {
      const id = await nth('entries', o.which);
      // Replication links and the like go with it.
      if (id) await sql`delete from entries where id = ${id}`.execute(t.db);
      return;
    }
    case 'commendations':
      await buildReportCommendations(
        t.db,
        o.rows.map((r) => ({ unitId: at(writable, r.unit), decisionDate: r.day, individual: r.individual, formCode: at(forms, r.form) })),
      );
      return;
    case 'commendation-change': {
      const id = await nth('commendations', o.which);
      if (!id) return;
      if (o.remove) await t.db.deleteFrom('commendations').where('id', '=', id).execute();
      else await t.db.updateTable('commendations').set({ decision_date: o.day, year: Number(o.day.slice(0, 4)) }).where('id', '=', id).execute();
      return;
    }
    case 'petition': {
      const status: PetitionStatus = o.open ? 'in_progress' : 'resolved';
      const dueOn = addDays(o.day, 15);
      await buildPetition(t.db, {
        unitId: at(writable, o.unit),
        kind: o.kind,
        status,
        receivedOn: o.day,
        dueOn,
        closedAt: o.open ? undefined : new Date(`${addDays(o.day, o.closeAfter)}T03:00:00Z`),
      });
      return;
    }
    case 'petition-change': {
      const id = await nth('petitions', o.which);
      if (!id) return;
      const p = await t.db.selectFrom('petitions').select(['received_on']).where('id', '=', id).executeTakeFirstOrThrow();
      const received = typeof p.received_on === 'string' ? p.received_on : (p.received_on as Date).toISOString().slice(0, 10);
      const closed = o.closeAfter === null ? null : addDays(received, o.closeAfter);
      await t.db
        .updateTable('petitions')
        .set({
          category_code: at(categories, o.category),
          status: closed ? 'resolved' : 'in_progress',
          closed_on: closed,
          closed_at: closed ? new Date(`${closed}T03:00:00Z`) : null,
        })
        .where('id', '=', id)
        .execute();
      return;
    }
    case 'restructure': {
      const org = at(orgs, o.org);
      if (o.retire) await t.db.updateTable('units').set({ valid_to: '2025-01-01' }).where('id', '=', org).execute();
      else {
        // Back in force, under a commune in force (maybe another one).
        const host = at(hosts, o.host);
        await t.db.updateTable('units').set({ valid_to: null, parent_id: host }).where('id', '=', org).execute();
      }
      return;
    }
    case 'succession':
      await setSuccessors(t.ctx, SYSTEM_ACTOR, correction.unit, { successors: [{ unitId: at(correction.to, o.to), kind: 'whole' }] });
      return;
    case 'compact':
      await compactSummaries(t.db);
      return;
    case 'task': {
      const unitId = at(writable, o.unit);
      taskPlan ??= (await buildPlan(t.db, { unitId: at(writable, 9), title: 'Kết luận 43-KL/TW' })).id;
      const doneAfter = o.doneAfter;
      const task = await buildTask(t.db, {
        planId: taskPlan,
        ownerUnitId: unitId,
        startsOn: o.day,
        deadline: addDays(o.day, o.deadlineAfter),
        status: doneAfter === null ? 'open' : 'done',
        // 18:00 UTC is 01:00 the next day in Viet Nam: the day boundary matters.
        doneAt: doneAfter === null ? undefined : new Date(`${addDays(o.day, doneAfter)}T18:00:00Z`),
      });
      if (o.reportAfter !== null) await buildTaskReport(t.db, task.id, addDays(o.day, o.reportAfter));
      if (o.session) await buildWorkingSession(t.db, { leadingUnitId: unitId, heldOn: o.day });
      return;
    }
  }
}

/** The plan every random task belongs to (the tasks block does not depend on plans). */
let taskPlan: string | undefined;

/** Fixed writes of each kind (entries, a commendation of each recipient kind, an open and a closed petition) in 2024–2025. */
async function applyBaseline(): Promise<void> {
  const entry = { unit: 0, day: '2025-03-14', status: 'accepted', kind: 'model', form: 'collective', level: 'commune', field: 0, typical: false, replicas: 0 } as const;
  await apply({ op: 'entries', rows: [entry, { ...entry, unit: 1, day: '2024-10-02', status: 'recognised' }] });
  await apply({ op: 'commendations', rows: [{ unit: 0, day: '2025-05-20', individual: false, form: 0 }, { unit: 1, day: '2024-12-01', individual: true, form: 1 }] });
  await apply({ op: 'petition', unit: 0, kind: PETITION_KINDS[0], day: '2025-02-10', open: true, closeAfter: 0 });
  await apply({ op: 'petition', unit: 1, kind: PETITION_KINDS[0], day: '2024-08-05', open: false, closeAfter: 9 });
  await apply({ op: 'task', unit: 0, day: '2025-02-10', deadlineAfter: 30, doneAfter: null, reportAfter: 5, session: true });
  await apply({ op: 'task', unit: 2, day: '2024-12-20', deadlineAfter: 20, doneAfter: 40, reportAfter: null, session: false });
}

// ---- the comparison ----

const QUERIES: Omit<ReportQuery, 'unitId'>[] = [
  { period: 'year', year: 2025 },
  { period: 'year', year: 2024 },
  { period: 'quarter', year: 2025, quarter: 2 },
  // Whole months and a quarter: several pieces (distinct registering units over them).
  { period: 'custom', from: '2025-01-01', to: '2025-05-31' },
  // Edge days counted from the records.
  { period: 'custom', from: '2024-11-17', to: '2025-03-09' },
  // Whole years by registration year.
  { period: 'custom', from: '2024-01-01', to: '2025-12-31' },
];

const stable = (r: Report | ReportView) => ({ ...r, generatedAt: '' });

async function compareAll(queries = QUERIES): Promise<void> {
  for (const unitId of reported) {
    for (const q of queries) {
      const query = { unitId, ...q } as ReportQuery;
      const counted = await buildReportFromRecords(t.ctx, query);
      const label = `${unitId} ${JSON.stringify(q)}`;
      expect(stable(await buildReport(t.ctx, query)), `report ${label}`).toEqual(stable(counted));
      expect(stable(await buildReportView(t.ctx, query)), `view ${label}`).toEqual(stable(reportView(counted)));
    }
  }
}

/** Rows of every summary table and pending twin, and the versions: what a write leaves behind. */
async function footprint() {
  const counts: Record<string, number> = {};
  for (const table of [...SUMMARY_TABLES, ...SUMMARY_TABLES.filter((x) => x !== 'report_unit_entries').map((x) => `${x}_pending`), 'data_version_bumps']) {
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(t.db);
    counts[table] = rows[0]!.n;
  }
  const { rows } = await sql<{ s: string }>`select coalesce(sum(n), 0)::text as s from report_unit_entries`.execute(t.db);
  return { counts, unitEntries: rows[0]!.s, version: await readDataVersion(t.db, reported, 'f') };
}

describe('reports from the summaries', () => {
  it('equal the reports counted from the records, after random writes, restructures and corrections', async () => {
    // Records of every kind to start from, so no run compares two empty reports (the random runs
    // may write no commendation at all, or remove the ones they wrote).
    await applyBaseline();
    await fc.assert(
      // Each run compares every reported unit over two of the ranges (all of them at the end).
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 8 }), fc.uniqueArray(fc.nat({ max: QUERIES.length - 1 }), { minLength: 2, maxLength: 2 }), async (ops, queries) => {
        for (const o of ops) await apply(o);
        await compareAll(queries.map((i) => QUERIES[i]!));
      }),
      // The database keeps what earlier runs wrote (more to count, not less): no shrinking over it.
      { numRuns: 10, endOnFailure: true },
    );
    // And the baseline again, after whatever the runs removed: the last comparisons count something of each kind.
    await applyBaseline();
    // Something was counted: the comparison was not between two empty reports.
    const country = await buildReport(t.ctx, { unitId: reported[0]!, period: 'custom', from: '2024-01-01', to: '2025-12-31' });
    expect(country.figures.entries.total).toBeGreaterThan(0);
    expect(country.figures.commendations.collectives + country.figures.commendations.individuals).toBeGreaterThan(0);
    expect(country.figures.petitions.received).toBeGreaterThan(0);
    expect(country.figures.tasks.assigned).toBeGreaterThan(0);
    expect(country.figures.tasks.sessions).toBeGreaterThan(0);
    await compareAll();
    // And after folding everything, still equal.
    await compactSummaries(t.db);
    await compareAll();
  }, 600_000);

  it('reads the summaries: a delta no record stands behind shows in the country and the province, not in the count', async () => {
    const [country, hanoi] = [reported[0]!, reported[1]!];
    const query = (unitId: string): ReportQuery => ({ unitId, period: 'year', year: 2025 });
    await compactSummaries(t.db);
    const forged = sql`insert into report_entry_cells_pending (node_id, grain, period, year, field_code, kind, form, level, status, typical, n, replicated, replicas, retired, partial)
      select id, 'y', 2025, 2025, ${fields[0]!}, 'model', 'collective', 'commune', 'registered', false, 1, 0, 0, 0, 0 from units where id in (${country}, ${hanoi})`;
    await forged.execute(t.db);
    try {
      const counted = (await buildReportFromRecords(t.ctx, query(country))).figures.entries.total;
      expect((await buildReport(t.ctx, query(country))).figures.entries.total).toBe(counted + 1);
      expect((await buildReportView(t.ctx, query(hanoi))).figures.entries.total).toBe((await buildReportFromRecords(t.ctx, query(hanoi))).figures.entries.total + 1);
    } finally {
      // Folded just before: the forged rows are the only pending ones.
      await sql`delete from report_entry_cells_pending`.execute(t.db);
    }
  });

  it('leaves no summary row and no version behind when a write fails', async () => {
    await compactSummaries(t.db);
    const before = await footprint();
    await expect(
      t.db.transaction().execute(async (trx) => {
        await buildReportEntries(trx, [{ unitId: writable[0]!, year: 2025, registeredOn: '2025-04-02' }, { unitId: writable[5]!, year: 2025 }]);
        await buildReportCommendations(trx, [{ unitId: writable[0]!, decisionDate: '2025-04-02' }]);
        await buildPetition(trx, { unitId: writable[1]!, receivedOn: '2025-04-02', dueOn: '2025-04-17' });
        await trx.updateTable('units').set({ valid_to: '2025-01-01' }).where('id', '=', orgs[0]!).execute();
        // A constraint fails at the end: the whole transaction goes.
        await buildReportEntries(trx, [{ unitId: writable[0]!, year: 1900 }]);
      }),
    ).rejects.toThrow();
    expect(await footprint()).toEqual(before);
    // One statement failing alone, outside any transaction: the same.
    await expect(buildReportEntries(t.db, [{ unitId: writable[0]!, year: 2025 }, { unitId: writable[1]!, year: 1900 }])).rejects.toThrow();
    expect(await footprint()).toEqual(before);
  });
});

describe('GET /api/reports and its ETag', () => {
  it('answers 304 to a matching If-None-Match and the fresh report to a stale one', async () => {
    const hanoi = reported[1]!;
    await buildUser(t.db, { username: 'etag.viewer', grants: [{ unitId: hanoi, role: 'viewer' }] });
    await buildUser(t.db, { username: 'etag.country', grants: [{ unitId: reported[0]!, role: 'viewer' }] });
    const cookie = await t.login('etag.viewer');
    const countryCookie = await t.login('etag.country');
    const url = `/api/reports?unitId=${hanoi}&period=year&year=2025`;
    const first = await t.call('GET', url, { cookie });
    expect(first.statusCode, first.body).toBe(200);
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^W\/"[0-9a-z]+-[\w-]+"$/);
    const again = await t.call('GET', url, { cookie, headers: { 'if-none-match': etag } });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    // Another question, the same tag: not a match.
    const quarter = await t.call('GET', `/api/reports?unitId=${hanoi}&period=quarter&year=2025&quarter=2`, { cookie, headers: { 'if-none-match': etag } });
    expect(quarter.statusCode).toBe(200);

    const total = ReportView.parse(first.json()).figures.entries.total;
    await buildReportEntries(t.db, [{ unitId: writable[0]!, year: 2025, registeredOn: '2025-06-01' }]);
    const fresh = await t.call('GET', url, { cookie, headers: { 'if-none-match': etag } });
    expect(fresh.statusCode).toBe(200);
    expect(fresh.headers.etag).not.toBe(etag);
    expect(ReportView.parse(fresh.json()).figures.entries.total).toBe(total + 1);
    // Folding the deltas changes no figure and no version: the new tag still matches.
    await compactSummaries(t.db);
    expect((await t.call('GET', url, { cookie, headers: { 'if-none-match': fresh.headers.etag as string } })).statusCode).toBe(304);
    // A write elsewhere in the country leaves Hà Nội's tag as it was; the country's moves.
    const country = await t.call('GET', `/api/reports?unitId=${reported[0]}&period=year&year=2025`, { cookie: countryCookie });
    expect(country.statusCode, country.body).toBe(200);
    await buildReportEntries(t.db, [{ unitId: writable[5]!, year: 2025, registeredOn: '2025-06-01' }]);
    expect((await t.call('GET', url, { cookie, headers: { 'if-none-match': fresh.headers.etag as string } })).statusCode).toBe(304);
    const countryAgain = await t.call('GET', `/api/reports?unitId=${reported[0]}&period=year&year=2025`, { cookie: countryCookie, headers: { 'if-none-match': country.headers.etag as string } });
    expect(countryAgain.statusCode).toBe(200);
  });
});
