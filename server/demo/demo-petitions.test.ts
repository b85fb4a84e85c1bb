import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../test/test-db.js';
import { loadDemoPetitions } from './demo-petitions.js';

let t: TestDb;

beforeAll(async () => {
  t = await createTestDb();
});

describe('demo petitions', () => {
  it('loads petitions at every status across provinces, with a dialogue, and adds nothing the second time', async () => {
    const first = await loadDemoPetitions(t.db, t.ctx);
    expect(first.petitions).toBeGreaterThanOrEqual(10);
    const { rows } = await sql<{ status: string }>`select distinct status from petitions order by status`.execute(t.db);
    expect(rows.map((r) => r.status)).toEqual(['assigned', 'classified', 'in_progress', 'received', 'rejected', 'resolved', 'transferred_out']);
    const provinces = await sql<{ n: number }>`select count(distinct subpath(unit_path, 1, 1))::int as n from petitions`.execute(t.db);
    expect(provinces.rows[0]!.n).toBe(5);
    expect((await sql<{ n: number }>`select count(*)::int as n from reception_commitments`.execute(t.db)).rows[0]!.n).toBe(2);
    expect((await loadDemoPetitions(t.db, t.ctx)).petitions).toBe(0);
  });
});
