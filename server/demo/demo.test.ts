import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../http/access.js';
import type { Ctx } from '../http/context.js';
import { resetPassword } from '../modules/users/users.service.js';
import { createTestApp, type TestApp } from '../test/test-app.js';
import { buildReport } from '../modules/reports/reports.service.js';
import { resolveUnitRef } from '../modules/units/units-history.service.js';
import { demoAccountLines, demoAccountStatus, loadDemoData } from './demo.js';
import { DEMO_DISTRICT_REF, DEMO_HISTORY_FILE, DEMO_QUARTER } from './demo-history.js';
import { HISTORY_LINES } from './demo-history.data.js';
import { currentProvince } from './demo-units.js';
import { getRollup } from '../modules/tasks/rollup.service.js';
import { lastClosedQuarter } from './demo-leadership.js';

let t: TestApp;
let dataDir: string;
/** The app's context with a data folder of this test's own (the demo password is kept there). */
let ctx: Ctx;
let password: string;
beforeAll(async () => {
  t = await createTestApp();
  dataDir = await mkdtemp(path.join(tmpdir(), 'danvan-demo-'));
  ctx = { ...t.ctx, config: { ...t.config, dataDir } };
});
afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

describe('demo data', () => {
  it('adds organizations and accounts once, through the audited services', async () => {
    const first = await loadDemoData(t.db, ctx);
    expect(first.units).toBeGreaterThanOrEqual(40);
    expect(first.accounts).toBe(8);
    // The password is the data folder's, made on the first start, kept for the owner only, and printed.
    const file = path.join(dataDir, 'demo-password');
    password = (await readFile(file, 'utf8')).trim();
    expect(password).toMatch(/^\S{14}$/);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(first.summary).toContain(`Demo accounts (password ${password}, kept in ${file}):`);
    const again = await loadDemoData(t.db, ctx);
    expect(first.entries).toBeGreaterThanOrEqual(20);
    expect(again).toMatchObject({ units: 0, accounts: 0, entries: 0 });
    // A second start says what is there and how to sign in, not only "already loaded".
    const lines = again.summary.split('\n');
    expect(lines[0]).toBe('already loaded.');
    expect(lines[1]).toBe(`Demo accounts (password ${password}, kept in ${file}):`);
    expect(lines.slice(2).map((l) => l.trim().split(/\s+/)[0])).toEqual(['demo.hanoi.viewer', 'demo.ninhbinh.admin', 'demo.ninhbinh.editor', 'demo.hue.approver', 'demo.ninhbinh.approver', 'demo.lamdong.editor', 'demo.camau.viewer', 'demo.phatdiem.editor']);
    expect(again.demoAccounts.every((a) => a.usesDemoPassword)).toBe(true);
    const audited = await t.db.selectFrom('audit_log').select('id').where('action', '=', 'unit.create').execute();
    expect(audited.length).toBe(first.units);
    // Three reviews of the provinces and the district's review of Q3/2023.
    expect(first.reviews).toBe(4);
    expect(again.reviews).toBe(0);
    // The whole demo set, twice, on a shared two-core machine: close to the suite's 30 s default.
  }, 120_000);

  it('enters the central policy documents once, on the root unit, with 43-KL/TW implementing 25-NQ/TW and 23-QĐ/TW replacing 290-QĐ/TW', async () => {
    const docs = await t.db
      .selectFrom('policy_documents as d')
      .innerJoin('units as u', 'u.id', 'd.issuing_unit_id')
      .select(['d.id', 'd.number', 'd.symbol', 'd.issued_on', 'd.status', 'u.kind'])
      // The central ones; a province's own (its coordination program) is another test's.
      .where('u.kind', '=', 'country')
      .orderBy('d.issued_on')
      .execute();
    expect(docs.map((d) => `${d.number}-${d.symbol} ${d.issued_on} ${d.status} ${d.kind}`)).toEqual([
      '290-QĐ/TW 2010-02-25 issued country',
      '25-NQ/TW 2013-06-03 issued country',
      '43-KL/TW 2019-01-07 issued country',
      '23-QĐ/TW 2021-07-30 issued country',
    ]);
    const id = (n: string) => docs.find((d) => d.number === n)!.id;
    const links = await t.db.selectFrom('policy_document_links').select(['from_id', 'to_id', 'kind']).orderBy('kind').execute();
    expect(links).toEqual([
      { from_id: id('43'), to_id: id('25'), kind: 'implements' },
      { from_id: id('23'), to_id: id('290'), kind: 'replaces' },
    ]);
  });

  it('gives 43-KL/TW\'s tasks to every commune of Ninh Bình: some done, some overdue, one split to the commune\'s organizations', async () => {
    const province = (await currentProvince(t.db, '37'))!;
    const kl43 = await t.db.selectFrom('policy_documents').select('id').where('number', '=', '43').where('symbol', '=', 'KL/TW').executeTakeFirstOrThrow();
    const communes = await t.db.selectFrom('units').select('id').where('parent_id', '=', province.id).where('kind', '=', 'commune').where('valid_to', 'is', null).execute();
    const rollup = await getRollup(ctx, SYSTEM_ACTOR, kl43.id, province.id);
    // Two tasks a commune; the split one counts its two organizations' leaves instead of itself.
    expect(rollup.totals.leaves).toBe(communes.length * 2 + 1);
    expect(rollup.totals.units_tasked).toBe(communes.length + 2);
    // Three communes in five finished their model task; the dialogue tasks are all still open.
    const n = communes.length;
    expect(rollup.totals.done).toBe(3 * Math.floor(n / 5) + Math.min(n % 5, 3));
    expect(rollup.totals.overdue).toBeGreaterThan(0);
    expect(rollup.totals.done + rollup.totals.open).toBe(rollup.totals.leaves);
    // The roll-up agrees with a direct count of the leaves.
    const leaves = await t.db.selectFrom('tasks').select((eb) => eb.fn.countAll<string>().as('n')).where('document_id', '=', kl43.id).where('child_count', '=', 0).where('status', '=', 'done').executeTakeFirstOrThrow();
    expect(rollup.totals.done).toBe(Number(leaves.n));
    const split = await t.db.selectFrom('tasks').select(['id', 'child_count']).where('document_id', '=', kl43.id).where('child_count', '>', 0).execute();
    expect(split.map((s) => s.child_count)).toEqual([2]);
  });

  it('opens Ninh Bình\'s last quarterly reporting round for its communes, two of them late and three not sent', async () => {
    const province = (await currentProvince(t.db, '37'))!;
    const rounds = await t.db.selectFrom('reporting_rounds').selectAll().where('opening_unit_id', '=', province.id)
      // The situation rounds (demo-situation.ts) are the province's too.
      .where('title', 'like', 'Báo cáo công tác dân vận%')
      .execute();
    expect(rounds).toHaveLength(1);
    const round = rounds[0]!;
    expect(round.title).toMatch(/^Báo cáo công tác dân vận quý (I|II|III|IV)\/\d{4}$/);
    const states = await t.db
      .selectFrom('round_participants')
      .select(['state', 'submitted_on', 'due_on'])
      .where('round_id', '=', round.id)
      .execute();
    const sent = states.filter((s) => s.state === 'submitted');
    expect(states.length - sent.length).toBe(3);
    expect(sent.filter((s) => s.submitted_on! > s.due_on)).toHaveLength(2);
    expect(round.expected).toBe(states.length);
    expect(round.submitted).toBe(sent.length);
    expect(round.late).toBeGreaterThanOrEqual(2);
  });

  it('chooses a quarter whose reports were due at least a week ago', () => {
    expect(lastClosedQuarter('2026-12-05')).toEqual({ q: 3, year: 2026, from: '2026-07-01', to: '2026-09-30', dueOn: '2026-10-10' });
    expect(lastClosedQuarter('2027-01-05')).toEqual({ q: 3, year: 2026, from: '2026-07-01', to: '2026-09-30', dueOn: '2026-10-10' });
    expect(lastClosedQuarter('2027-01-17')).toEqual({ q: 4, year: 2026, from: '2026-10-01', to: '2026-12-31', dueOn: '2027-01-10' });
    expect(lastClosedQuarter('2026-04-16')).toEqual({ q: 4, year: 2025, from: '2025-10-01', to: '2025-12-31', dueOn: '2026-01-10' });
  });

  it('walks demo entries through the lifecycle across provinces and years', async () => {
    const byStatus = await t.db.selectFrom('entries').select(['status', t.db.fn.countAll<string>().as('n')]).groupBy('status').execute();
    const counts = Object.fromEntries(byStatus.map((r) => [r.status, Number(r.n)]));
    expect(counts.recognised).toBeGreaterThanOrEqual(5);
    expect(counts.withdrawn).toBe(1);
    const years = await t.db.selectFrom('entries').select('year').distinct().execute();
    expect(years.length).toBeGreaterThanOrEqual(4);
    const provinces = await t.db.selectFrom('entries').select(sql<string>`subpath(unit_path, 0, 2)::text`.as('p')).distinct().execute();
    expect(provinces.length).toBeGreaterThanOrEqual(5);
    const transitions = await t.db.selectFrom('entry_transitions').select('id').execute();
    expect(transitions.length).toBeGreaterThan(60);
    const replicated = await t.db.selectFrom('entries').select('id').where('replication_count', '>', 0).execute();
    expect(replicated.length).toBeGreaterThanOrEqual(1);
  });

  it('adds periodic reviews with figures, tasks (one done, one overdue) and events in three provinces', async () => {
    const reviews = await t.db.selectFrom('reviews').select(['id', 'status', 'figures']).where('policy_document_id', 'is', null).execute();
    expect(reviews).toHaveLength(4);
    expect(reviews.filter((r) => r.status === 'final')).toHaveLength(2);
    expect(reviews.every((r) => r.figures !== null)).toBe(true);
    const tasks = await t.db.selectFrom('review_tasks').select(['status', 'deadline']).execute();
    expect(tasks.length).toBeGreaterThanOrEqual(6);
    expect(tasks.some((x) => x.status === 'done')).toBe(true);
    expect(tasks.some((x) => x.status === 'open' && x.deadline < '2026-01-01')).toBe(true);
    expect((await t.db.selectFrom('review_events').select('id').execute()).length).toBe(3);
  });

  it('adds the sơ kết of 43-KL/TW by Ninh Bình with two commended communes, and the joint review of the coast-guard program', async () => {
    const reviews = await t.db
      .selectFrom('reviews')
      .select(['id', 'title', 'kind', 'ordinal_years', 'joint', 'document_figures'])
      .where('policy_document_id', 'is not', null)
      .orderBy('period_from')
      .execute();
    expect(reviews.map((r) => [r.kind, r.ordinal_years, r.joint])).toEqual([
      ['so_ket', 5, false],
      ['so_ket', 3, true],
    ]);
    expect(reviews[0]!.title).toMatch(/^Sơ kết 5 năm thực hiện Kết luận số 43-KL\/TW ngày 07\/01\/2019 của Ban Bí thư/);
    expect((reviews[0]!.document_figures as { totals: { leaves: number } }).totals.leaves).toBeGreaterThan(0);
    expect(reviews[1]!.title).toMatch(/^Sơ kết liên tịch 3 năm thực hiện Chương trình phối hợp số 05-CTrPH\/TU ngày 10\/3\/2023 của Ban Thường vụ Tỉnh ủy “Chương trình phối hợp/);
    const commended = await t.db.selectFrom('review_commended_units').select('unit_id').where('review_id', '=', reviews[0]!.id).execute();
    expect(commended).toHaveLength(2);
  });

  it('shows the records of the units retired in 2025 in the reports of the current provinces', async () => {
    const ninhBinh = await currentProvince(t.db, '37');
    const r = await buildReport(t.ctx, { unitId: ninhBinh!.id, period: 'custom', from: '2021-01-01', to: '2024-12-31' });
    expect(r.attribution.retiredEntries).toBeGreaterThanOrEqual(5);
    expect(r.attribution.partialEntries).toBeGreaterThanOrEqual(1);
    expect(r.attribution.retiredCommendations).toBeGreaterThanOrEqual(2);
  });

  it('gives each demo account its scope: the Hà Nội viewer reads Hà Nội and not Huế', async () => {
    const cookie = await t.login('demo.hanoi.viewer', password);
    const roots = (await t.call('GET', '/api/units/roots', { cookie })).json();
    expect(roots.items.map((u: { name: string }) => u.name)).toEqual(['Thành phố Hà Nội']);
    const hue = await t.db.selectFrom('units').select('id').where('name', '=', 'Thành phố Huế').where('valid_to', 'is', null).executeTakeFirstOrThrow();
    expect((await t.call('GET', `/api/units/${hue.id}`, { cookie })).statusCode).toBe(404);
    const orgs = (await t.call('GET', `/api/units/${roots.items[0].id}/children?kind=fatherland_front`, { cookie })).json();
    expect(orgs.items.map((u: { name: string }) => u.name)).toEqual(['Ủy ban Mặt trận Tổ quốc Việt Nam thành phố Hà Nội']);
  });

  it('shows a district of 2019–2024 with its organizations, its records imported with states and dates, its Q3/2023 report, and today\'s province counting them', async () => {
    const district = (await resolveUnitRef(t.db, DEMO_DISTRICT_REF)).unit;
    expect(district).toMatchObject({ name: 'Thành phố Ninh Bình', valid_to: '2025-01-01' });
    // Organizations added for the district's years: retired with it.
    const orgs = await t.db.selectFrom('units').select(['name', 'valid_to']).where('parent_id', '=', district.id).where('kind', 'not in', ['commune']).execute();
    expect(orgs.length).toBeGreaterThanOrEqual(6);
    expect(orgs.every((o) => o.valid_to === '2025-01-01')).toBe(true);

    // Imported through the import service: one audit record for the file, each step a transition from the file, dated.
    const imported = await sql<{ id: string; status: string; registered_on: string | null; year: number; steps: number }>`
      select e.id::text, e.status, e.registered_on::text, e.year,
        (select count(*)::int from entry_transitions x where x.entry_id = e.id and x.imported_from = ${DEMO_HISTORY_FILE}) as steps
      from entries e where e.unit_path <@ (select path from units where id = ${district.id})`.execute(t.db);
    expect(imported.rows).toHaveLength(HISTORY_LINES.length);
    expect(imported.rows.every((e) => e.steps >= 1)).toBe(true);
    expect(new Set(imported.rows.map((e) => e.status))).toEqual(new Set(['draft', 'registered', 'accepted', 'evaluated', 'recognised']));
    expect(new Set(imported.rows.map((e) => e.year))).toEqual(new Set([2021, 2022, 2023, 2024]));
    const audit = await t.db.selectFrom('audit_log').select('after').where('action', '=', 'entries.import').execute();
    expect(audit.map((a) => (a.after as { fileName: string }).fileName)).toEqual([DEMO_HISTORY_FILE]);

    // Registered in July–September 2023 and counted (not a draft).
    const inQuarter = imported.rows.filter((e) => e.registered_on && e.registered_on >= DEMO_QUARTER.from && e.registered_on <= DEMO_QUARTER.to && e.status !== 'draft');
    expect(inQuarter.length).toBeGreaterThanOrEqual(3);
    const quarter = { period: 'quarter' as const, year: DEMO_QUARTER.year, quarter: DEMO_QUARTER.quarter };
    const own = await buildReport(t.ctx, { unitId: district.id, ...quarter });
    expect(own.figures.entries.total).toBe(inQuarter.length);
    expect(own.children.reduce((n, c) => n + c.figures.entries.total, 0)).toBe(inQuarter.length);
    // The review of that quarter carries the same figures and says so.
    const review = await t.db.selectFrom('reviews').select(['figures', 'narrative', 'status']).where('unit_id', '=', district.id).where('quarter', '=', DEMO_QUARTER.quarter).executeTakeFirstOrThrow();
    expect(review.status).toBe('final');
    expect((review.figures as { figures: { entries: { total: number } } }).figures.entries.total).toBe(inQuarter.length);
    expect(review.narrative).toContain(`đăng ký ${inQuarter.length} mô hình`);

    // Today's Tỉnh Ninh Bình counts them with the rest of its area: its total less what lies outside the district is theirs.
    const ninhBinh = await currentProvince(t.db, '37');
    const province = await buildReport(t.ctx, { unitId: ninhBinh!.id, ...quarter });
    const { rows } = await sql<{ n: number }>`
      select count(*)::int as n from entries e join units u on u.id = e.registering_unit_id
      where u.current_path <@ (select path from units where id = ${ninhBinh!.id})
        and not e.unit_path <@ (select path from units where id = ${district.id})
        and e.registered_on between ${DEMO_QUARTER.from} and ${DEMO_QUARTER.to} and e.status not in ('draft', 'withdrawn')`.execute(t.db);
    expect(province.figures.entries.total).toBe(rows[0]!.n + inQuarter.length);
  });

  it('never prints a password an account chose: a changed demo account is listed without it', async () => {
    const user = await t.db.selectFrom('users').select('id').where('username', '=', 'demo.hue.approver').executeTakeFirstOrThrow();
    const chosen = 'Chosen-by-Huy-4417';
    await resetPassword(t.ctx, SYSTEM_ACTOR, user.id, chosen);
    // What a start prints after the demo data is there (loadDemoData's last step).
    const accounts = await demoAccountStatus(t.db, password);
    const summary = demoAccountLines(accounts, password, 'data/demo-password').join('\n');
    expect(summary).not.toContain(chosen);
    const line = summary.split('\n').find((l) => l.includes('demo.hue.approver'))!;
    expect(line).toContain('uses another password, not shown');
    expect(line).not.toContain(password);
    expect(accounts.find((a) => a.username === 'demo.hue.approver')?.usesDemoPassword).toBe(false);
    expect(accounts.filter((a) => a.usesDemoPassword)).toHaveLength(7);
    // With no demo password known here (another data folder), nothing is offered as usable.
    const elsewhere = await demoAccountStatus(t.db, 'another-folders-password');
    expect(demoAccountLines(elsewhere, 'another-folders-password', undefined)[0]).toBe('Demo accounts:');
  });
});
