import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../http/access.js';
import { buildUnit, buildUser, rootUnit } from '../../test/factories.js';
import { buildCommendation } from '../commendations/commendations.factories.js';
import { recordAudit } from './audit.repository.js';
import { createTestApp, type TestApp } from '../../test/test-app.js';

let t: TestApp;
let admin: string;
let provinceAdmin: string;
let p1: { id: string };
let p2: { id: string };

beforeAll(async () => {
  t = await createTestApp();
  const root = await rootUnit(t.db);
  p1 = await buildUnit(t.db, { parentId: root.id, kind: 'province', code: 'A01', name: 'Tỉnh Một' });
  p2 = await buildUnit(t.db, { parentId: root.id, kind: 'province', code: 'A02', name: 'Tỉnh Hai' });
  await buildUser(t.db, { username: 'audit.sys', displayName: 'Nguyễn Quản Trị', grants: [{ unitId: root.id, role: 'system_admin' }] });
  await buildUser(t.db, { username: 'audit.p1', grants: [{ unitId: p1.id, role: 'unit_admin' }] });
  admin = await t.login('audit.sys');
  provinceAdmin = await t.login('audit.p1');
});

describe('audit trail', () => {
  it('is append-only: updates, deletes and truncation are refused by the database', async () => {
    const row = await t.db.selectFrom('audit_log').select('id').limit(1).executeTakeFirstOrThrow();
    await expect(t.db.updateTable('audit_log').set({ action: 'forged' }).where('id', '=', row.id).execute()).rejects.toThrow(/append-only/);
    await expect(t.db.deleteFrom('audit_log').where('id', '=', row.id).execute()).rejects.toThrow(/append-only/);
    await expect(sql`truncate audit_log`.execute(t.db)).rejects.toThrow(/append-only/);
    expect(await t.db.selectFrom('audit_log').select('action').where('id', '=', row.id).executeTakeFirstOrThrow()).not.toMatchObject({ action: 'forged' });
  });

  it('records who, when, which unit and before/after of a write, and finds it by user, unit, record and time', async () => {
    const created = await t.call('POST', '/api/users', { cookie: admin, body: { username: 'audited.one', displayName: 'Trần Văn A', unitId: p1.id, role: 'viewer' } });
    const userId = created.json().user.id;
    await t.call('PATCH', `/api/users/${userId}`, { cookie: admin, body: { displayName: 'Trần Văn B', version: 1 } });
    const byRecord = (await t.call('GET', `/api/audit?recordType=user&recordId=${userId}`, { cookie: admin })).json();
    expect(byRecord.items.map((r: { action: string }) => r.action)).toEqual(['user.update', 'user.create']);
    const update = byRecord.items[0];
    expect(update).toMatchObject({ actorName: 'Nguyễn Quản Trị', actorUsername: 'audit.sys', before: { displayName: 'Trần Văn A' }, after: { displayName: 'Trần Văn B' } });
    const byUser = (await t.call('GET', `/api/audit?userId=${update.actorId}&action=user.create`, { cookie: admin })).json();
    expect(byUser.items.some((r: { recordId: string }) => r.recordId === userId)).toBe(true);
    const future = (await t.call('GET', `/api/audit?from=2999-01-01`, { cookie: admin })).json();
    expect(future.items).toEqual([]);
    const byUnit = (await t.call('GET', `/api/audit?unitId=${p1.id}`, { cookie: admin })).json();
    expect(byUnit.items.length).toBeGreaterThan(0);
    expect(byUnit.items.every((r: { unitId: string }) => r.unitId === p1.id)).toBe(true);
  });

  it('shows a unit admin only the records of its subtree', async () => {
    await t.call('POST', '/api/users', { cookie: admin, body: { username: 'elsewhere.one', displayName: 'Ở tỉnh khác', unitId: p2.id, role: 'viewer' } });
    const page = (await t.call('GET', '/api/audit?limit=200', { cookie: provinceAdmin })).json();
    expect(page.items.length).toBeGreaterThan(0);
    expect(page.items.every((r: { unitId: string }) => r.unitId === p1.id)).toBe(true);
    const foreign = await t.call('GET', `/api/audit?unitId=${p2.id}`, { cookie: provinceAdmin });
    expect(foreign.statusCode).toBe(403);
  });

  it('pages with a cursor, newest first, without repeats', async () => {
    const first = (await t.call('GET', '/api/audit?limit=2', { cookie: admin })).json();
    expect(first.items).toHaveLength(2);
    expect(first.nextBefore).toBe(first.items[1].id);
    const second = (await t.call('GET', `/api/audit?limit=2&before=${first.nextBefore}`, { cookie: admin })).json();
    expect(Number(second.items[0].id)).toBeLessThan(Number(first.items[1].id));
  });

  it('rejects an inverted time range and bad filters', async () => {
    const inverted = await t.call('GET', '/api/audit?from=2026-02-01&to=2026-01-01', { cookie: admin });
    expect(inverted.json().error.code).toBe('VALIDATION_FAILED');
    const bad = await t.call('GET', '/api/audit?limit=100000', { cookie: admin });
    expect(bad.statusCode).toBe(400);
  });
});

describe('audit records in the reader\'s words (presenter)', () => {
  it('names the people, units, records and catalogue codes a record refers to, in one page, and hides internal paths', async () => {
    const org = await buildUnit(t.db, { parentId: p1.id, kind: 'youth_union', name: 'Đoàn Thanh niên Tỉnh Một' });
    const c = await buildCommendation(t.db, { unitId: org.id });
    await recordAudit(t.db, SYSTEM_ACTOR, {
      action: 'petition.assign',
      recordType: 'petition',
      recordId: '987654321',
      unitId: p1.id,
      before: { status: 'classified', handling_unit_id: p1.id, handling_unit_path: 'x.y' },
      after: { status: 'assigned', handling_unit_id: org.id, handling_unit_path: 'x.y.z', reason: null },
    });
    await recordAudit(t.db, SYSTEM_ACTOR, { action: 'commendation.update', recordType: 'commendation', recordId: c.id, unitId: org.id, before: { formCode: 'certificate_of_merit' }, after: { formCode: 'commendation_certificate', issuingUnitId: p2.id } });
    const page = (await t.call('GET', `/api/audit?unitId=${p1.id}&limit=2`, { cookie: admin })).json();
    const [commendation, assign] = page.items;
    expect(assign).toMatchObject({ action: 'petition.assign', actorId: null, before: { status: 'classified', handling_unit_id: p1.id }, after: { status: 'assigned', handling_unit_id: org.id } });
    expect(assign.before.handling_unit_path).toBeUndefined();
    expect(assign.refs).toEqual({ [`unit:${p1.id}`]: 'Tỉnh Một', [`unit:${org.id}`]: 'Đoàn Thanh niên Tỉnh Một' });
    // A petition that does not exist has no name; the record still shows.
    expect(assign.recordName).toBeNull();
    expect(commendation.recordName).toMatch(/\/QĐ-UBND$/);
    expect(commendation.refs[`form:certificate_of_merit`]).toMatchObject({ vi: expect.any(String), en: expect.any(String) });
    expect(commendation.refs[`unit:${p2.id}`]).toBe('Tỉnh Hai');
    // A province admin reads the record of its subtree, but not the name of the other province it mentions.
    const mine = (await t.call('GET', `/api/audit?unitId=${org.id}&action=commendation.update`, { cookie: provinceAdmin })).json();
    expect(mine.items[0].refs[`unit:${p2.id}`]).toBeNull();
    expect(JSON.stringify(mine)).not.toContain('Tỉnh Hai');
  });
});
