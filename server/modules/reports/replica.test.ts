/**
 * The report replica (DATABASE_REPLICA_URL): with one configured, the report page, the dashboard
 * (both GET /api/reports) and the report files read it; sign-in, permissions and a review's
 * snapshot stay on the primary; without one, everything reads the primary. The "replica" here is
 * a second database cloned from the same template: each side gets a row the other lacks, so the
 * figures say which one answered.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { ReportView } from '../../../common/reports.js';
import { createDb, type Db } from '../../db/database.js';
import { openReplica } from '../../db/replica.js';
import { cloneDatabase, dropDatabase, withDatabase } from '../../test/admin-url.js';
import { buildUser, unitByCode } from '../../test/factories.js';
import { createTestApp, type TestApp } from '../../test/test-app.js';
import { buildReportEntries } from './reports.factories.js';
import { buildReport } from './reports.service.js';

let t: TestApp;
let replica: Db;
let replicaName: string;
let hanoi: string;
let cookie: string;

beforeAll(async () => {
  t = await createTestApp();
  replicaName = `danvan_r_${randomBytes(5).toString('hex')}`;
  await cloneDatabase(inject('adminUrl'), inject('templateDb'), replicaName);
  replica = openReplica({ databaseReplicaUrl: withDatabase(inject('adminUrl'), replicaName) })!;
  hanoi = (await unitByCode(t.db, 'province', '01')).id;
  const commune = (await unitByCode(t.db, 'commune', '00004')).id;
  // 2 entries on the primary, 5 on the "replica" (written there before it became read-only).
  await buildReportEntries(t.db, [{ unitId: commune, year: 2024 }, { unitId: commune, year: 2024 }]);
  const writable = createDb(withDatabase(inject('adminUrl'), replicaName), { max: 1 });
  await buildReportEntries(writable, Array.from({ length: 5 }, () => ({ unitId: commune, year: 2024 })));
  await writable.destroy();
  await buildUser(t.db, { username: 'replica.viewer', grants: [{ unitId: hanoi, role: 'viewer' }] });
  cookie = await t.login('replica.viewer');
});

afterAll(async () => {
  await replica?.destroy();
  if (replicaName) await dropDatabase(inject('adminUrl'), replicaName);
});

/** The app's context with or without the replica (what main.ts sets from DATABASE_REPLICA_URL). */
const useReplica = (on: boolean) => {
  t.app.ctx.reportDb = on ? replica : undefined;
};

const entriesInReport = async () => {
  const res = await t.call('GET', `/api/reports?unitId=${hanoi}&period=year&year=2024`, { cookie });
  expect(res.statusCode, res.body).toBe(200);
  return ReportView.parse(res.json()).figures.entries.total;
};

describe('the report replica', () => {
  it('answers GET /api/reports from the replica when one is configured, from the primary otherwise', async () => {
    useReplica(true);
    expect(await entriesInReport()).toBe(5);
    useReplica(false);
    expect(await entriesInReport()).toBe(2);
  });

  it('reads the report files from the replica too', async () => {
    useReplica(true);
    try {
      const res = await t.call('GET', `/api/reports/file?unitId=${hanoi}&period=year&year=2024&format=csv`, { cookie });
      expect(res.statusCode, res.body).toBe(200);
      // One line per cell (column 10 "counted", column 12 the number): the replica's 5 entries.
      const rows = res.body.replace(/^\uFEFF/, '').split('\r\n').filter(Boolean).slice(1).map((l) => l.split(','));
      expect(rows.filter((r) => r[9] === 'Có').reduce((sum, r) => sum + Number(r[11]), 0)).toBe(5);
    } finally {
      useReplica(false);
    }
  });

  it('keeps a review’s snapshot (buildReport) on the primary', async () => {
    const report = await buildReport({ ...t.ctx, reportDb: replica }, { unitId: hanoi, period: 'year', year: 2024 });
    expect(report.figures.entries.total).toBe(2);
  });

  it('opens the replica read-only: a write sent there by mistake fails', async () => {
    const err = await replica.insertInto('app_meta').values({ key: 'x', value: JSON.stringify(1) }).execute().catch((e: unknown) => e);
    expect((err as { code?: string }).code).toBe('25006'); // read_only_sql_transaction
    expect(openReplica({ databaseReplicaUrl: undefined })).toBeUndefined();
  });
});
