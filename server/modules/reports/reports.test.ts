import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { ENTRY_FORMS, ENTRY_KINDS, ENTRY_LEVELS, ENTRY_STATUSES } from '../../../common/entries.js';
import { PETITION_KINDS, PETITION_STATUSES } from '../../../common/petitions.js';
import { COUNTED_STATUSES, countCells, HEADLINE_KEYS, crossTab, emptyPetitions, PETITION_COUNT_KEYS, type PetitionCounts, Report, type ReportFigures, type ReportQuery, ReportView } from '../../../common/reports.js';
import { SYSTEM_ACTOR } from '../../http/access.js';
import { buildUnit, buildUser, rootUnit } from '../../test/factories.js';
import { createTestApp, type TestApp } from '../../test/test-app.js';
import { buildPetition } from '../petitions/petitions.factories.js';
import { buildReportCommendations, buildReportEntries, type ReportEntry } from './reports.factories.js';
import { buildReport, reportFor } from './reports.service.js';

let t: TestApp;
type U = { id: string; path: string; name: string; kind: string; code: string | null; valid_to: string | null; current_id: string; current_path: string; attribution: string };

const unitQuery = (where: ReturnType<typeof sql>) =>
  sql<U>`select id, path::text as path, name, kind, code, valid_to, current_id, current_path::text as current_path, attribution from units where ${where}`;
async function one(where: ReturnType<typeof sql>): Promise<U> {
  const { rows } = await unitQuery(where).execute(t.db);
  if (!rows[0]) throw new Error('no such unit in the official data');
  return rows[0];
}
const byCode = (kind: string, code: string, current: boolean) => one(sql`kind = ${kind} and code = ${code} and (valid_to is null) = ${current}`);
const build = (q: ReportQuery) => buildReport(t.ctx, q);

/** Tuyên Quang (08) since 2025 took in Hà Giang (02): a merged province with retired districts and communes. */
let province: U;
let oldHaGiang: U;
let wholeCommune: U;
let partialCommune: U;
let oldDistrict: U;
let currentCommune: U;

beforeAll(async () => {
  t = await createTestApp();
  province = await byCode('province', '08', true);
  oldHaGiang = await byCode('province', '02', false);
  wholeCommune = await one(sql`kind = 'commune' and attribution = 'whole' and path <@ ${oldHaGiang.path}::ltree order by code limit 1`);
  partialCommune = await one(sql`kind = 'commune' and attribution = 'partial' and current_path <@ ${province.path}::ltree order by code limit 1`);
  oldDistrict = await one(sql`kind = 'district' and path <@ ${oldHaGiang.path}::ltree order by code limit 1`);
  currentCommune = await one(sql`id = ${wholeCommune.current_id}`);
});

describe('attribution across the 2025 restructure', () => {
  it('maps a unit in force to itself', async () => {
    expect(currentCommune).toMatchObject({ current_id: currentCommune.id, current_path: currentCommune.path, attribution: 'self' });
    expect(province).toMatchObject({ current_id: province.id, attribution: 'self' });
  });

  it('maps a whole merge to its one successor', async () => {
    const succ = await sql<{ successor_id: string; kind: string }>`select successor_id, kind from unit_successions where predecessor_id = ${wholeCommune.id}`.execute(t.db);
    expect(succ.rows).toHaveLength(1);
    expect(wholeCommune.current_id).toBe(succ.rows[0]!.successor_id);
  });

  it('maps a partial merge to the successor with the same name, else the smallest code', async () => {
    // Hà Nội: Phường Ngọc Hà (00016) went partly to Ba Đình (00004) and Ngọc Hà (00008): same name wins over the smaller code.
    const ngocHa = await byCode('commune', '00016', false);
    expect(ngocHa.attribution).toBe('partial');
    expect((await one(sql`id = ${ngocHa.current_id}`)).code).toBe('00008');
    // Phường Cống Vị (00007) went to Ngọc Hà (00008) and Giảng Võ (00025): no name in common, the smallest code.
    const congVi = await byCode('commune', '00007', false);
    expect((await one(sql`id = ${congVi.current_id}`)).code).toBe('00008');
    const main = await sql<{ n: number }>`select count(*)::int as n from unit_successions where predecessor_id = ${congVi.id} and main`.execute(t.db);
    expect(main.rows[0]!.n).toBe(1);
  });

  it('maps an old district and an old province to the province that now holds them', async () => {
    expect(oldDistrict).toMatchObject({ current_id: province.id, attribution: 'whole' });
    expect(oldHaGiang).toMatchObject({ current_id: province.id, attribution: 'whole' });
  });

  it('lets an organization follow its unit, and recomputes when it is added or retired', async () => {
    const underRetired = await buildUnit(t.db, { parentId: partialCommune.id, name: 'Chi hội Phụ nữ thôn Nà Mèo', kind: 'womens_union' });
    expect(await one(sql`id = ${underRetired.id}`)).toMatchObject({ current_id: partialCommune.current_id, current_path: partialCommune.current_path, attribution: 'partial' });
    const underCurrent = await buildUnit(t.db, { parentId: currentCommune.id, name: 'Đoàn Thanh niên xã', kind: 'youth_union' });
    expect(await one(sql`id = ${underCurrent.id}`)).toMatchObject({ current_id: underCurrent.id, attribution: 'self' });
    await t.db.updateTable('units').set({ valid_to: '2025-01-01' }).where('id', '=', underCurrent.id).execute();
    expect(await one(sql`id = ${underCurrent.id}`)).toMatchObject({ current_id: currentCommune.id, attribution: 'whole' });
  });

  it('moves a retired unit\'s whole subtree with it', async () => {
    const commune = await buildUnit(t.db, { parentId: province.id, kind: 'commune', code: 'T9001', name: 'Xã Thử Nghiệm' });
    const org = await buildUnit(t.db, { parentId: commune.id, kind: 'womens_union', name: 'Hội Phụ nữ xã Thử Nghiệm' });
    expect(await one(sql`id = ${org.id}`)).toMatchObject({ current_id: org.id, attribution: 'self' });
    await t.db.updateTable('units').set({ valid_to: '2025-07-01' }).where('id', '=', commune.id).execute();
    expect(await one(sql`id = ${commune.id}`)).toMatchObject({ current_id: province.id, attribution: 'whole' });
    expect(await one(sql`id = ${org.id}`)).toMatchObject({ current_id: province.id, current_path: province.path, attribution: 'whole' });
  });

  it('recomputes when a succession changes', async () => {
    const scratch = await buildUnit(t.db, { parentId: currentCommune.id, name: 'Hội Nông dân cũ', kind: 'farmers_association', validTo: '2024-01-01' });
    expect((await one(sql`id = ${scratch.id}`)).current_id).toBe(currentCommune.id);
    await t.db.insertInto('unit_successions').values({ predecessor_id: scratch.id, successor_id: province.id, kind: 'partial', effective: '2024-01-01' }).execute();
    expect(await one(sql`id = ${scratch.id}`)).toMatchObject({ current_id: province.id, attribution: 'partial' });
  });
});

describe('registration day', () => {
  it('is set when an entry is registered, never for a draft or a draft withdrawn', async () => {
    const [registered, draft, withdrawn] = await buildReportEntries(t.db, [
      { unitId: currentCommune.id, year: 2026, registeredOn: null },
      { unitId: currentCommune.id, year: 2026, status: 'draft' },
      { unitId: currentCommune.id, year: 2026, status: 'draft' },
    ]);
    await t.db.updateTable('entries').set({ status: 'registered' }).where('id', '=', draft!).execute();
    await t.db.updateTable('entries').set({ status: 'withdrawn' }).where('id', '=', withdrawn!).execute();
    const rows = await t.db.selectFrom('entries').select(['id', 'registered_on', sql<string>`(created_at at time zone 'Asia/Ho_Chi_Minh')::date::text`.as('created')]).where('id', 'in', [registered!, draft!, withdrawn!]).execute();
    const get = (id: string) => rows.find((r) => r.id === id)!;
    expect(get(registered!).registered_on).toBe(get(registered!).created);
    expect(get(draft!).registered_on).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(get(withdrawn!).registered_on).toBeNull();
  });
});

describe('figures of a province across the restructure', () => {
  let report: Report;
  beforeAll(async () => {
    const e = (unitId: string, rest: Partial<ReportEntry>): ReportEntry => ({ unitId, year: 2023, ...rest });
    await buildReportEntries(t.db, [
      e(wholeCommune.id, { fieldCode: 'economic', replicationCount: 2 }),
      e(wholeCommune.id, { fieldCode: 'economic', status: 'recognised', typical: true }),
      e(wholeCommune.id, { fieldCode: 'cultural_social', kind: 'typical_example', form: 'individual' }),
      e(partialCommune.id, { fieldCode: 'defense_security', status: 'accepted' }),
      e(oldDistrict.id, { fieldCode: 'economic', level: 'district', status: 'implementing' }),
      e(oldDistrict.id, { fieldCode: 'economic', level: 'district', status: 'draft' }),
      e(oldDistrict.id, { fieldCode: 'economic', level: 'district', status: 'withdrawn' }),
      e(province.id, { fieldCode: 'party_building', level: 'province' }),
      // The previous year, and a year outside both ranges.
      e(wholeCommune.id, { year: 2022 }),
      e(wholeCommune.id, { year: 2021 }),
    ]);
    await buildReportCommendations(t.db, [
      { unitId: wholeCommune.id, decisionDate: '2023-06-01' },
      { unitId: partialCommune.id, decisionDate: '2023-12-31', individual: true, formCode: 'commendation_certificate' },
      { unitId: province.id, decisionDate: '2024-01-01' },
      { unitId: wholeCommune.id, decisionDate: '2022-05-05' },
    ]);
    report = await build({ unitId: province.id, period: 'year', year: 2023 });
  });

  it('counts every registered entry of the retired units that now lie in it', () => {
    expect(report.unit).toMatchObject({ id: province.id, inForce: true });
    expect(report.range).toEqual({ period: 'year', from: '2023-01-01', to: '2023-12-31', basis: 'year', label: 'Năm 2023' });
    expect(report.figures.entries.total).toBe(6);
    expect(countCells(report.figures.entries.cells, { fieldCode: 'economic' })).toBe(3);
    expect(countCells(report.figures.entries.cells, { level: 'district' })).toBe(1);
    expect(countCells(report.figures.entries.cells, { kind: 'typical_example', form: 'individual' })).toBe(1);
    expect(countCells(report.figures.entries.cells, { typical: true })).toBe(1);
    expect(countCells(report.figures.entries.cells, {}, { includeAll: true })).toBe(8); // with the draft and the withdrawn entry
    expect(crossTab(report.figures.entries.cells, ['fieldCode'])).toEqual(
      new Map([
        ['cultural_social', 1],
        ['defense_security', 1],
        ['economic', 3],
        ['party_building', 1],
      ]),
    );
    expect(report.figures.entries.registeringUnits).toBe(4);
    expect(report.figures.entries).toMatchObject({ replicated: 1, replicas: 2 });
  });

  it('says how many records it attributed, and how many by the partial-merge rule', () => {
    expect(report.attribution).toEqual({ retiredEntries: 5, partialEntries: 1, retiredCommendations: 2, partialCommendations: 1 });
  });

  it('counts commendations by decision date, collectives and individuals, by form', () => {
    expect(report.figures.commendations).toEqual({
      collectives: 1,
      individuals: 1,
      byForm: [
        { formCode: 'certificate_of_merit', collectives: 1, individuals: 0 },
        { formCode: 'commendation_certificate', collectives: 0, individuals: 1 },
      ],
    });
  });

  it('compares with the previous year', () => {
    expect(report.previousRange).toMatchObject({ from: '2022-01-01', to: '2022-12-31', label: 'Năm 2022' });
    expect(report.previous.entries.total).toBe(1);
    expect(report.previous.commendations.collectives).toBe(1);
  });

  it('breaks down by the communes in force, with the province\'s own records apart', () => {
    const own = report.children.find((c) => c.unit === null)!;
    expect(own.figures.entries.total).toBe(2); // the province's own entry and the old district's
    const commune = report.children.find((c) => c.unit?.id === currentCommune.id)!;
    expect(commune.figures.entries.total).toBe(3 + (partialCommune.current_id === currentCommune.id ? 1 : 0));
    expect(report.children.every((c) => c.unit === null || c.unit.validTo === null)).toBe(true);
  });

  it('reports a retired unit (old Hà Giang province) over its lifetime, by its historical districts', async () => {
    const r = await build({ unitId: oldHaGiang.id, period: 'emulation_period', periodId: (await t.db.selectFrom('emulation_periods').select('id').where('start_year', '=', 2021).executeTakeFirstOrThrow()).id });
    expect(r.unit.inForce).toBe(false);
    expect(r.range).toMatchObject({ from: '2021-01-01', to: '2025-12-31', basis: 'year', label: 'Giai đoạn 2021–2025' });
    expect(r.previousRange.label).toBe('Giai đoạn 2016–2020');
    // Hà Giang's own subtree: the whole commune's 5 counted entries over the period and the district's one; not the partial commune (it lies elsewhere).
    const inHaGiang = partialCommune.path.startsWith(`${oldHaGiang.path}.`) ? 1 : 0;
    expect(r.figures.entries.total).toBe(5 + 1 + inHaGiang);
    const district = r.children.find((c) => c.unit?.id === oldDistrict.id)!;
    const inDistrict = (u: U) => u.path.startsWith(`${oldDistrict.path}.`);
    expect(district.figures.entries.total).toBe(1 + (inDistrict(wholeCommune) ? 5 : 0) + (inDistrict(partialCommune) ? 1 : 0));
  });
});

describe('ranges', () => {
  it('counts a quarter by the day of registration, against the quarter before', async () => {
    await buildReportEntries(t.db, [
      { unitId: currentCommune.id, year: 2026, registeredOn: '2026-08-10' },
      { unitId: currentCommune.id, year: 2026, registeredOn: '2026-09-30' },
      { unitId: currentCommune.id, year: 2026, registeredOn: '2026-06-30' },
      { unitId: currentCommune.id, year: 2026, registeredOn: '2026-10-01' },
    ]);
    const r = await build({ unitId: currentCommune.id, period: 'quarter', year: 2026, quarter: 3 });
    expect(r.range).toEqual({ period: 'quarter', from: '2026-07-01', to: '2026-09-30', basis: 'registration_date', label: 'Quý III/2026' });
    expect(r.previousRange).toMatchObject({ from: '2026-04-01', to: '2026-06-30', label: 'Quý II/2026' });
    expect(r.figures.entries.total).toBe(2);
    expect(r.previous.entries.total).toBe(1);
    const q1 = await build({ unitId: currentCommune.id, period: 'quarter', year: 2026, quarter: 1 });
    expect(q1.previousRange).toMatchObject({ from: '2025-10-01', to: '2025-12-31', label: 'Quý IV/2025' });
  });

  it('takes a custom range of days, with as many days before it', async () => {
    const r = await build({ unitId: currentCommune.id, period: 'custom', from: '2026-08-01', to: '2026-09-30' });
    expect(r.range).toEqual({ period: 'custom', from: '2026-08-01', to: '2026-09-30', basis: 'registration_date', label: '01/08/2026 – 30/09/2026' });
    expect(r.previousRange).toMatchObject({ from: '2026-06-01', to: '2026-07-31' });
    expect(r.figures.entries.total).toBe(2);
    expect(r.previous.entries.total).toBe(1);
    const years = await build({ unitId: currentCommune.id, period: 'custom', from: '2022-01-01', to: '2023-12-31' });
    expect(years.range.basis).toBe('year');
    expect(years.previousRange).toMatchObject({ from: '2020-01-01', to: '2021-12-31' });
  });

  it('answers a period without data with a report of zeros', async () => {
    const r = await build({ unitId: province.id, period: 'year', year: 2040 });
    expect(r.figures.entries).toEqual({ total: 0, cells: [], registeringUnits: 0, replicated: 0, replicas: 0 });
    expect(r.figures.commendations).toEqual({ collectives: 0, individuals: 0, byForm: [] });
    expect(r.figures.petitions).toEqual(emptyPetitions());
    expect(r.previous.petitions).toEqual(emptyPetitions());
    expect(r.children.length).toBeGreaterThan(100); // every commune in force, with zeros
    expect(r.children.every((c) => c.figures.petitions.received === 0)).toBe(true);
    expect(r.fields.map((f) => f.code)).toEqual(expect.arrayContaining(['economic', 'cultural_social', 'defense_security', 'party_building']));
  });
});

describe('petitions in a report', () => {
  // 2019: outside the years the other tests write, so the counts are exact.
  let report: Report;
  let secret: string;
  beforeAll(async () => {
    const closed = (day: string) => new Date(`${day}T03:00:00Z`);
    secret = `Bí mật ${Date.now()}`;
    // The retired commune: one resolved on time, one open and past due at the end of 2019 (attributed to the commune that took it over).
    await buildPetition(t.db, { unitId: wholeCommune.id, status: 'resolved', receivedOn: '2019-03-01', dueOn: '2019-03-15', closedAt: closed('2019-03-10'), title: secret, submitterName: 'Trần Thị Bí Mật' });
    await buildPetition(t.db, { unitId: wholeCommune.id, kind: 'complaint', status: 'in_progress', receivedOn: '2019-10-01', dueOn: '2019-11-01' });
    // A partly merged commune: a complaint resolved late.
    await buildPetition(t.db, { unitId: partialCommune.id, kind: 'complaint', status: 'resolved', receivedOn: '2019-05-01', dueOn: '2019-05-31', closedAt: closed('2019-06-20') });
    // The commune in force: open, due after the range ends (not overdue on 31 December), then closed late in 2020.
    await buildPetition(t.db, { unitId: currentCommune.id, status: 'resolved', receivedOn: '2019-12-20', dueOn: '2020-01-10', closedAt: closed('2020-02-01') });
    // The province's own: a denunciation by hotline, rejected after its due day (open and overdue on 31 December).
    const own = await buildPetition(t.db, { unitId: province.id, kind: 'denunciation', status: 'rejected', receivedOn: '2019-06-01', dueOn: '2019-07-01', closedAt: closed('2020-01-05') });
    await sql`update petitions set channel = 'hotline', category_code = 'environment' where id = ${own.id}`.execute(t.db);
    // Elsewhere (never counted) and the year before.
    await buildPetition(t.db, { unitId: (await byCode('province', '01', true)).id, receivedOn: '2019-04-01', dueOn: '2019-04-15' });
    await buildPetition(t.db, { unitId: wholeCommune.id, status: 'resolved', receivedOn: '2018-04-01', dueOn: '2018-04-15', closedAt: closed('2018-04-10') });
    report = await build({ unitId: province.id, period: 'year', year: 2019 });
  });

  const counts = (p: PetitionCounts) => Object.fromEntries(PETITION_COUNT_KEYS.map((k) => [k, p[k]]));

  it('counts the petitions received in the range, of the units now in the province', () => {
    expect(counts(report.figures.petitions)).toEqual({ received: 5, resolved: 3, resolvedOnTime: 1, resolvedLate: 2, overdue: 2 });
    expect(report.figures.petitions.byKind).toEqual([
      { kind: 'complaint', received: 2, resolved: 1, resolvedOnTime: 0, resolvedLate: 1, overdue: 1 },
      { kind: 'denunciation', received: 1, resolved: 0, resolvedOnTime: 0, resolvedLate: 0, overdue: 1 },
      { kind: 'recommendation', received: 2, resolved: 2, resolvedOnTime: 1, resolvedLate: 1, overdue: 0 },
    ]);
    expect(report.figures.petitions.byCategory.map((c) => [c.categoryCode, c.received])).toEqual([['environment', 1], ['land', 4]]);
    expect(report.figures.petitions.byChannel.map((c) => [c.channel, c.received])).toEqual([['hotline', 1], ['in_person', 4]]);
    expect(counts(report.previous.petitions)).toEqual({ received: 1, resolved: 1, resolvedOnTime: 1, resolvedLate: 0, overdue: 0 });
    expect(report.petitionCategories.map((c) => c.code)).toEqual(expect.arrayContaining(['land', 'environment']));
    expect(report.commendationForms.find((f) => f.code === 'commendation_certificate')?.names.vi).toBe('Bằng khen');
  });

  it('puts a retired commune\'s petitions under the commune that took it over, and the children add up', () => {
    const child = (id: string | null) => report.children.find((c) => (c.unit?.id ?? null) === id)!.figures.petitions;
    // Its own and the retired commune's two (and the partly merged one's, should it have gone there too).
    expect(child(currentCommune.id).received).toBe(3 + (partialCommune.current_id === currentCommune.id ? 1 : 0));
    expect(child(null)).toMatchObject({ received: 1, overdue: 1 });
    for (const k of PETITION_COUNT_KEYS) expect(report.children.reduce((s, c) => s + c.figures.petitions[k], 0), k).toBe(report.figures.petitions[k]);
  });

  it('reports the retired commune\'s own petitions over its own subtree', async () => {
    const r = await build({ unitId: wholeCommune.id, period: 'year', year: 2019 });
    expect(counts(r.figures.petitions)).toEqual({ received: 2, resolved: 1, resolvedOnTime: 1, resolvedLate: 0, overdue: 1 });
  });

  it('carries counts only: no title, sender or content', () => {
    const json = JSON.stringify(report);
    expect(json).not.toContain(secret);
    expect(json).not.toContain('Trần Thị Bí Mật');
    expect(() => Report.parse(report)).not.toThrow();
  });
});

/** Deterministic pseudo-random numbers (mulberry32), so a failure can be replayed. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let x = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

const DIMS = ['year', 'fieldCode', 'kind', 'form', 'level', 'status', 'typical'] as const;
/** Cells as sorted [key, n] pairs over every status. */
const cellPairs = (f: ReportFigures) => [...crossTab(f.entries.cells, DIMS, { includeAll: true })].sort(([a], [b]) => a.localeCompare(b));

/** The children's figures summed (what the totals must equal), with the cells as pairs. */
function sumOfChildren(r: Report) {
  const cells = new Map<string, number>();
  const entries = { total: 0, registeringUnits: 0, replicated: 0, replicas: 0 };
  const commendations = { collectives: 0, individuals: 0 };
  const forms = new Map<string, { formCode: string; collectives: number; individuals: number }>();
  const petitions = new Map<string, number>();
  const addPetitions = (prefix: string, p: PetitionCounts) => PETITION_COUNT_KEYS.forEach((k) => petitions.set(`${prefix}${k}`, (petitions.get(`${prefix}${k}`) ?? 0) + p[k]));
  for (const c of r.children) {
    const p = c.figures.petitions;
    addPetitions('', p);
    for (const k of p.byKind) addPetitions(`kind:${k.kind}:`, k);
    for (const k of p.byCategory) addPetitions(`category:${k.categoryCode}:`, k);
    for (const k of p.byChannel) addPetitions(`channel:${k.channel}:`, k);
    for (const [k, n] of cellPairs(c.figures)) cells.set(k, (cells.get(k) ?? 0) + n);
    for (const k of Object.keys(entries) as (keyof typeof entries)[]) entries[k] += c.figures.entries[k];
    commendations.collectives += c.figures.commendations.collectives;
    commendations.individuals += c.figures.commendations.individuals;
    for (const b of c.figures.commendations.byForm) {
      const f = forms.get(b.formCode) ?? { formCode: b.formCode, collectives: 0, individuals: 0 };
      f.collectives += b.collectives;
      f.individuals += b.individuals;
      forms.set(b.formCode, f);
    }
  }
  return {
    cells: [...cells].sort(([a], [b]) => a.localeCompare(b)),
    entries,
    commendations: { ...commendations, byForm: [...forms.values()].sort((a, b) => (a.formCode < b.formCode ? -1 : 1)) },
    petitions: Object.fromEntries([...petitions].filter(([k, n]) => n > 0 || !k.includes(':'))),
  };
}

/** A report's petition figures as the flat map `sumOfChildren` builds. */
function petitionMap(p: Report['figures']['petitions']) {
  const out: Record<string, number> = {};
  const add = (prefix: string, c: PetitionCounts) => PETITION_COUNT_KEYS.forEach((k) => (out[`${prefix}${k}`] = c[k]));
  add('', p);
  for (const k of p.byKind) add(`kind:${k.kind}:`, k);
  for (const k of p.byCategory) add(`category:${k.categoryCode}:`, k);
  for (const k of p.byChannel) add(`channel:${k.channel}:`, k);
  return Object.fromEntries(Object.entries(out).filter(([k, n]) => n > 0 || !k.includes(':')));
}

describe('consistency over a generated data set', () => {
  let units: U[];
  let generated: (ReportEntry & { id: string })[];
  const rnd = random(20251121);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;

  beforeAll(async () => {
    units = (await unitQuery(sql`current_path <@ ${province.path}::ltree or path <@ ${oldHaGiang.path}::ltree`).execute(t.db)).rows;
    // Organizations under a retired commune and under a commune in force, and a province elsewhere (must never count).
    units.push(await one(sql`id = ${(await buildUnit(t.db, { parentId: wholeCommune.id, kind: 'veterans_association', name: 'Hội Cựu chiến binh xã cũ' })).id}`));
    units.push(await one(sql`id = ${(await buildUnit(t.db, { parentId: currentCommune.id, kind: 'trade_union', name: 'Công đoàn cơ sở' })).id}`));
    const elsewhere = await byCode('province', '01', true);
    const wanted: ReportEntry[] = [];
    for (let i = 0; i < 600; i++) {
      const year = 2021 + Math.floor(rnd() * 5);
      const u = i % 50 === 0 ? elsewhere : pick(units);
      wanted.push({
        unitId: u.id,
        year,
        fieldCode: pick(['economic', 'cultural_social', 'defense_security', 'party_building']),
        kind: pick(ENTRY_KINDS),
        form: pick(ENTRY_FORMS),
        level: pick(ENTRY_LEVELS),
        status: pick(ENTRY_STATUSES),
        typical: rnd() < 0.2,
        replicationCount: rnd() < 0.1 ? 1 + Math.floor(rnd() * 3) : 0,
        registeredOn: `${year}-${String(1 + Math.floor(rnd() * 12)).padStart(2, '0')}-${String(1 + Math.floor(rnd() * 28)).padStart(2, '0')}`,
      });
    }
    const ids = await buildReportEntries(t.db, wanted);
    generated = wanted.map((w, i) => ({ ...w, id: ids[i]! }));
    await buildReportCommendations(
      t.db,
      Array.from({ length: 150 }, () => ({
        unitId: pick(units).id,
        decisionDate: `${2021 + Math.floor(rnd() * 5)}-${String(1 + Math.floor(rnd() * 12)).padStart(2, '0')}-10`,
        individual: rnd() < 0.4,
        formCode: pick(['certificate_of_merit', 'commendation_certificate', 'emulation_flag']),
      })),
    );
    for (let i = 0; i < 120; i++) {
      const received = `${2021 + Math.floor(rnd() * 5)}-${String(1 + Math.floor(rnd() * 12)).padStart(2, '0')}-${String(1 + Math.floor(rnd() * 28)).padStart(2, '0')}`;
      const due = new Date(Date.parse(received) + Math.floor(rnd() * 60) * 86_400_000);
      const status = pick(PETITION_STATUSES);
      await buildPetition(t.db, {
        unitId: (i % 30 === 0 ? elsewhere : pick(units)).id,
        kind: pick(PETITION_KINDS),
        status,
        receivedOn: received,
        dueOn: due.toISOString().slice(0, 10),
        closedAt: new Date(Date.parse(received) + Math.floor(rnd() * 90) * 86_400_000),
      });
    }
  });

  const under = (path: string, ancestor: string) => path === ancestor || path.startsWith(`${ancestor}.`);

  it('sums the children (and the unit\'s own records) to the total, for every cell, at every level', async () => {
    const retiredCommune = wholeCommune;
    const targets = [province.id, currentCommune.id, oldHaGiang.id, oldDistrict.id, retiredCommune.id, (await rootUnit(t.db)).id];
    const queries: Omit<ReportQuery, 'unitId'>[] = [
      { period: 'year', year: 2023 },
      { period: 'quarter', year: 2024, quarter: 2 },
      { period: 'custom', from: '2021-01-01', to: '2025-12-31' },
    ];
    let checked = 0;
    let petitionsChecked = 0;
    for (const unitId of targets) {
      for (const q of queries) {
        const r = await build({ unitId, ...q } as ReportQuery);
        const sum = sumOfChildren(r);
        expect(sum.cells).toEqual(cellPairs(r.figures));
        const { cells: _cells, ...totals } = r.figures.entries;
        expect(sum.entries).toEqual(totals);
        expect(sum.commendations).toEqual(r.figures.commendations);
        expect(sum.petitions).toEqual(petitionMap(r.figures.petitions));
        petitionsChecked += r.figures.petitions.received;
        checked += r.figures.entries.total;
      }
    }
    expect(checked).toBeGreaterThan(300);
    expect(petitionsChecked).toBeGreaterThan(60);
  });

  it('matches a count done independently, record by record', async () => {
    const unitById = new Map(units.map((u) => [u.id, u]));
    const counted = new Set<string>(COUNTED_STATUSES);
    const expectCount = (r: Report, belongs: (u: U) => boolean, inRange: (e: ReportEntry) => boolean) => {
      const mine = generated.filter((e) => unitById.has(e.unitId) && belongs(unitById.get(e.unitId)!) && inRange(e));
      expect(r.figures.entries.total).toBe(mine.filter((e) => counted.has(e.status!)).length);
      expect(countCells(r.figures.entries.cells, {}, { includeAll: true })).toBe(mine.length);
      expect(r.figures.entries.registeringUnits).toBe(new Set(mine.filter((e) => counted.has(e.status!)).map((e) => e.unitId)).size);
      expect(r.attribution.partialEntries).toBe(r.unit.inForce ? mine.filter((e) => counted.has(e.status!) && unitById.get(e.unitId)!.attribution === 'partial').length : r.attribution.partialEntries);
      return mine.length;
    };
    const year = (y: number) => (e: ReportEntry) => e.year === y;
    const quarter = (from: string, to: string) => (e: ReportEntry) => !!e.registeredOn && e.registeredOn >= from && e.registeredOn <= to;
    // Before the entries of the other tests: count only the generated ones by excluding what earlier tests wrote (they are outside 2021/2024/2025 or in 2022/2023).
    const r2024 = await build({ unitId: province.id, period: 'year', year: 2024 });
    expect(expectCount(r2024, (u) => under(u.current_path, province.path), year(2024))).toBeGreaterThan(50);
    const district = await build({ unitId: oldDistrict.id, period: 'year', year: 2021 });
    const d2021 = generated.filter((e) => e.year === 2021 && under(unitById.get(e.unitId)?.path ?? '', oldDistrict.path));
    // 2021 also holds one entry of the hand-built set when the whole commune lies in this district.
    const handBuilt = under(wholeCommune.path, oldDistrict.path) ? 1 : 0;
    expect(district.figures.entries.total).toBe(d2021.filter((e) => counted.has(e.status!)).length + handBuilt);
    const q = await build({ unitId: province.id, period: 'quarter', year: 2025, quarter: 1 });
    expectCount(q, (u) => under(u.current_path, province.path), quarter('2025-01-01', '2025-03-31'));
  });
});

describe('who may read a report', () => {
  it('serves GET /api/reports in scope, 404 outside or unknown, 401 anonymous, 400 for bad input', async () => {
    await buildUser(t.db, { username: 'xem_tq', grants: [{ unitId: province.id, role: 'viewer' }] });
    await buildUser(t.db, { username: 'xem_xa', grants: [{ unitId: currentCommune.id, role: 'viewer' }] });
    await buildUser(t.db, { username: 'xem_hn', grants: [{ unitId: (await byCode('province', '01', true)).id, role: 'viewer' }] });
    const tq = await t.login('xem_tq');
    const xa = await t.login('xem_xa');
    const hn = await t.login('xem_hn');
    const get = (qs: string, cookie?: string) => t.call('GET', `/api/reports?${qs}`, { cookie });

    const ok = await get(`unitId=${province.id}&period=year&year=2023`, tq);
    expect(ok.statusCode).toBe(200);
    expect(ok.headers['content-type']).toMatch(/^application\/json/);
    const answer = ReportView.parse(ok.json());
    const full = await build({ unitId: province.id, period: 'year', year: 2023 });
    expect(answer.figures).toEqual(full.figures);
    // Each child travels as its headline figures, folded from the cells the engine counted.
    expect(answer.children.map((c) => c.unit?.id ?? null)).toEqual(full.children.map((c) => c.unit?.id ?? null));
    const commune = answer.children.find((c) => c.unit?.id === currentCommune.id)!.figures;
    const cells = full.children.find((c) => c.unit?.id === currentCommune.id)!.figures.entries.cells;
    expect(commune.entries).toBeGreaterThan(0);
    expect(commune.models).toBe(countCells(cells, { kind: 'model' }));
    expect(commune.individual).toBe(countCells(cells, { form: 'individual' }));
    expect(commune.models + commune.typicalExamples).toBe(commune.entries);
    expect(Object.keys(answer.children[0]!.figures).sort()).toEqual([...HEADLINE_KEYS].sort());
    expect((await get(`unitId=${province.id}&period=year&year=2023`)).statusCode).toBe(401);
    expect((await get(`unitId=${province.id}&period=year&year=2023`, hn)).json().error.code).toBe('NOT_FOUND');
    // A retired commune is readable by whoever reads the commune in force it now counts under; its old district is not.
    expect((await get(`unitId=${wholeCommune.id}&period=year&year=2023`, xa)).statusCode).toBe(200);
    expect((await get(`unitId=${oldDistrict.id}&period=year&year=2023`, xa)).statusCode).toBe(404);
    expect((await get(`unitId=${oldDistrict.id}&period=year&year=2023`, tq)).statusCode).toBe(200);

    const bad = async (qs: string, status: number, code: string) => {
      const res = await get(qs, tq);
      expect({ status: res.statusCode, code: res.json().error.code }).toEqual({ status, code });
    };
    await bad('unitId=999999999&period=year&year=2023', 404, 'NOT_FOUND');
    await bad(`unitId=${province.id}&period=emulation_period&periodId=999999`, 404, 'NOT_FOUND');
    await bad(`unitId=${province.id}&period=year`, 400, 'VALIDATION_FAILED');
    await bad(`unitId=${province.id}&period=quarter&year=2024`, 400, 'VALIDATION_FAILED');
    await bad(`unitId=${province.id}&period=custom&from=2024-01-01`, 400, 'VALIDATION_FAILED');
    await bad(`unitId=${province.id}&period=week&year=2024`, 400, 'VALIDATION_FAILED');
    await bad(`unitId=${province.id}&period=custom&from=2024-05-01&to=2024-04-30`, 400, 'INVALID_RANGE');
    await bad(`unitId=${province.id}&period=custom&from=2014-01-01&to=2024-01-01`, 400, 'INVALID_RANGE');
    expect((await get(`unitId=${province.id}&period=custom&from=2014-01-02&to=2024-01-01`, tq)).statusCode).toBe(200);
  });

  it('reportFor checks the scope as the route does', async () => {
    const outsider = { ...SYSTEM_ACTOR, grants: [{ id: '1', unitId: currentCommune.id, unitPath: currentCommune.path, role: 'viewer' as const }] };
    await expect(reportFor(t.ctx, outsider, { unitId: province.id, period: 'year', year: 2023 })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(reportFor(t.ctx, outsider, { unitId: currentCommune.id, period: 'year', year: 2023 })).resolves.toMatchObject({ unit: { id: currentCommune.id } });
  });
});
