import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/test-app.js';
import { buildReport } from '../modules/reports/reports.service.js';
import { DEMO_PASSWORD, loadDemoData } from './demo.js';
import { currentProvince } from './demo-units.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});

describe('demo data', () => {
  it('adds organizations and accounts once, through the audited services', async () => {
    const first = await loadDemoData(t.db, t.ctx);
    expect(first.units).toBeGreaterThanOrEqual(40);
    expect(first.accounts).toBe(6);
    const again = await loadDemoData(t.db, t.ctx);
    expect(first.entries).toBeGreaterThanOrEqual(20);
    expect(again).toMatchObject({ units: 0, accounts: 0, entries: 0, summary: 'already loaded' });
    const audited = await t.db.selectFrom('audit_log').select('id').where('action', '=', 'unit.create').execute();
    expect(audited.length).toBe(first.units);
    expect(first.reviews).toBe(3);
    expect(again.reviews).toBe(0);
    // The whole demo set, twice, on a shared two-core machine: close to the suite's 30 s default.
  }, 120_000);

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
    const reviews = await t.db.selectFrom('reviews').select(['id', 'status', 'figures']).execute();
    expect(reviews).toHaveLength(3);
    expect(reviews.filter((r) => r.status === 'final')).toHaveLength(1);
    expect(reviews.every((r) => r.figures !== null)).toBe(true);
    const tasks = await t.db.selectFrom('review_tasks').select(['status', 'deadline']).execute();
    expect(tasks.length).toBeGreaterThanOrEqual(6);
    expect(tasks.some((x) => x.status === 'done')).toBe(true);
    expect(tasks.some((x) => x.status === 'open' && x.deadline < '2026-01-01')).toBe(true);
    expect((await t.db.selectFrom('review_events').select('id').execute()).length).toBe(3);
  });

  it('shows the records of the units retired in 2025 in the reports of the current provinces', async () => {
    const ninhBinh = await currentProvince(t.db, '37');
    const r = await buildReport(t.ctx, { unitId: ninhBinh!.id, period: 'custom', from: '2021-01-01', to: '2024-12-31' });
    expect(r.attribution.retiredEntries).toBeGreaterThanOrEqual(5);
    expect(r.attribution.partialEntries).toBeGreaterThanOrEqual(1);
    expect(r.attribution.retiredCommendations).toBeGreaterThanOrEqual(2);
  });

  it('gives each demo account its scope: the Hà Nội viewer reads Hà Nội and not Huế', async () => {
    const cookie = await t.login('demo.hanoi.viewer', DEMO_PASSWORD);
    const roots = (await t.call('GET', '/api/units/roots', { cookie })).json();
    expect(roots.items.map((u: { name: string }) => u.name)).toEqual(['Thành phố Hà Nội']);
    const hue = await t.db.selectFrom('units').select('id').where('name', '=', 'Thành phố Huế').where('valid_to', 'is', null).executeTakeFirstOrThrow();
    expect((await t.call('GET', `/api/units/${hue.id}`, { cookie })).statusCode).toBe(404);
    const orgs = (await t.call('GET', `/api/units/${roots.items[0].id}/children?kind=fatherland_front`, { cookie })).json();
    expect(orgs.items.map((u: { name: string }) => u.name)).toEqual(['Ủy ban Mặt trận Tổ quốc Việt Nam thành phố Hà Nội']);
  });
});
