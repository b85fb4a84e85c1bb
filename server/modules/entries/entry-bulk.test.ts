/**
 * Bulk lifecycle actions (POST /api/entries/bulk-actions/<action>): every step on the list's
 * selection or on all entries matching its filters, all or nothing, with the single action's checks.
 */
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { BULK_LIMITS, type BulkFailure } from '../../../common/entries.js';
import { todayInVietnam } from '../../../common/units.js';
import { buildUser, unitByCode } from '../../test/factories.js';
import { createTestApp, type TestApp } from '../../test/test-app.js';
import { buildEntry } from './entries.factories.js';

let t: TestApp;
const ids = {} as { hanoi: string; baDinh: string; ngocHa: string };
const c = {} as { editor: string; approver: string; ngocHaApprover: string; hanoiApprover: string };

beforeAll(async () => {
  t = await createTestApp();
  const hanoi = await unitByCode(t.db, 'province', '01');
  const baDinh = await unitByCode(t.db, 'commune', '00004');
  const ngocHa = await unitByCode(t.db, 'commune', '00008');
  Object.assign(ids, { hanoi: hanoi.id, baDinh: baDinh.id, ngocHa: ngocHa.id });
  const users: [keyof typeof c, string, 'editor' | 'approver'][] = [
    ['editor', baDinh.id, 'editor'],
    ['approver', baDinh.id, 'approver'],
    ['ngocHaApprover', ngocHa.id, 'approver'],
    ['hanoiApprover', hanoi.id, 'approver'],
  ];
  for (const [key, unitId, role] of users) {
    await buildUser(t.db, { username: `b.${key.toLowerCase()}`, grants: [{ unitId, role }] });
    c[key] = await t.login(`b.${key.toLowerCase()}`);
  }
}, 120_000);

type Failures = { failures: BulkFailure[]; total: number };
type Answer = { updated: number; error: { code: string; details?: unknown } };
async function bulk(cookie: string, action: string, body: Record<string, unknown>) {
  const res = await t.call('POST', `/api/entries/bulk-actions/${action}`, { cookie, body });
  return { status: res.statusCode, body: res.json() as Answer };
}
const itemsOf = (...es: { id: string; version: number }[]) => es.map((e) => ({ id: e.id, version: e.version }));

/** Everything a refused batch must leave as it was: statuses, versions, transitions, audit records. */
async function snapshot(entryIds: string[]) {
  const rows = await t.db.selectFrom('entries').select(['id', 'status', 'version', 'registered_on']).where('id', 'in', entryIds).orderBy('id').execute();
  const { rows: n } = await sql<{ transitions: number; audit: number }>`
    select (select count(*)::int from entry_transitions) as transitions, (select count(*)::int from audit_log) as audit`.execute(t.db);
  return { rows, ...n[0]! };
}

describe('bulk steps on a selection', () => {
  it('submits drafts with the registering unit\'s data.write: registered today, one transition and one audit record each', async () => {
    const drafts = [await buildEntry(t.db, { unitId: ids.baDinh }), await buildEntry(t.db, { unitId: ids.baDinh }), await buildEntry(t.db, { unitId: ids.baDinh, status: 'returned' })];
    const before = await snapshot(drafts.map((d) => d.id));
    const res = await bulk(c.editor, 'submit', { items: itemsOf(...drafts), reason: 'Gửi đăng ký đợt 1' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toEqual({ updated: 3 });
    const after = await snapshot(drafts.map((d) => d.id));
    expect(after.rows.map((r) => [r.status, r.version, r.registered_on])).toEqual(drafts.map(() => ['registered', 2, todayInVietnam()]));
    expect(after.transitions - before.transitions).toBe(3);
    expect(after.audit - before.audit).toBe(3);
    const audits = await t.db.selectFrom('audit_log').select(['action', 'record_id', 'after']).where('record_type', '=', 'entry').where('record_id', 'in', drafts.map((d) => d.id)).execute();
    expect(audits.map((a) => a.action)).toEqual(['entry.submit', 'entry.submit', 'entry.submit']);
    expect(audits[0]!.after).toMatchObject({ status: 'registered', bulk: true, reason: 'Gửi đăng ký đợt 1' });
    // An approver without data.write may not submit.
    const other = await buildEntry(t.db, { unitId: ids.baDinh });
    expect((await bulk(c.approver, 'submit', { items: itemsOf(other) })).status).toBe(403);
  });

  it('refuses the whole batch when one version is stale: 409 CONFLICT naming that entry, nothing changed', async () => {
    const es = [await buildEntry(t.db, { unitId: ids.baDinh, status: 'registered' }), await buildEntry(t.db, { unitId: ids.baDinh, status: 'registered' }), await buildEntry(t.db, { unitId: ids.baDinh, status: 'registered' })];
    const before = await snapshot(es.map((e) => e.id));
    const items = itemsOf(...es);
    items[1] = { id: es[1]!.id, version: 7 };
    const res = await bulk(c.approver, 'accept', { items });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('CONFLICT');
    expect(res.body.error.details).toEqual({ failures: [{ path: 'body.items.1', id: es[1]!.id, title: es[1]!.title, code: 'CONFLICT', message: expect.any(String) }], total: 1 });
    expect(await snapshot(es.map((e) => e.id))).toEqual(before);
  });

  it('refuses the whole batch when one entry\'s state does not allow the step: INVALID_TRANSITION naming it, nothing changed', async () => {
    const ok = await buildEntry(t.db, { unitId: ids.baDinh, status: 'accepted' });
    const done = await buildEntry(t.db, { unitId: ids.baDinh, status: 'recognised' });
    const before = await snapshot([ok.id, done.id]);
    const res = await bulk(c.editor, 'withdraw', { items: itemsOf(ok, done), reason: 'Đơn vị rút' });
    expect(res.status).toBe(409);
    expect(res.body.error).toMatchObject({ code: 'INVALID_TRANSITION', details: { failures: [{ id: done.id, title: done.title, code: 'INVALID_TRANSITION', status: 'recognised' }], total: 1 } });
    expect(await snapshot([ok.id, done.id])).toEqual(before);
    // Recognition only of entries evaluated as effective, as for one entry.
    const notEffective = await buildEntry(t.db, { unitId: ids.baDinh, status: 'evaluated', evaluationEffective: false });
    const r = await bulk(c.approver, 'recognise', { items: itemsOf(notEffective) });
    expect(r.body.error).toMatchObject({ code: 'INVALID_TRANSITION', details: { failures: [{ id: notEffective.id, code: 'INVALID_TRANSITION' }] } });
  });

  it('lists every failing entry under the first failure\'s code: stale, wrong state, unreadable, another level\'s', async () => {
    const a = await buildEntry(t.db, { unitId: ids.baDinh, status: 'registered' });
    const stale = await buildEntry(t.db, { unitId: ids.baDinh, status: 'registered' });
    const draft = await buildEntry(t.db, { unitId: ids.baDinh });
    const foreign = await buildEntry(t.db, { unitId: ids.ngocHa, status: 'registered' });
    const province = await buildEntry(t.db, { unitId: ids.baDinh, status: 'registered', level: 'province' });
    const res = await bulk(c.approver, 'accept', { items: [...itemsOf(a), { id: stale.id, version: 5 }, ...itemsOf(draft, foreign, province)] });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('CONFLICT');
    const details = res.body.error.details as Failures;
    expect(details.total).toBe(4);
    expect(details.failures.map((f) => [f.path, f.id, f.code])).toEqual([
      ['body.items.1', stale.id, 'CONFLICT'],
      ['body.items.2', draft.id, 'INVALID_TRANSITION'],
      ['body.items.3', foreign.id, 'NOT_FOUND'],
      ['body.items.4', province.id, 'FORBIDDEN'],
    ]);
    // An unreadable entry is not named: no title leaks.
    expect(details.failures[2]).not.toHaveProperty('title');
    expect((await t.db.selectFrom('entries').select('status').where('id', '=', a.id).executeTakeFirstOrThrow()).status).toBe('registered');
  });

  it('evaluates with the result and score, returns and withdraws only with a reason, and keeps other units out', async () => {
    const e = await buildEntry(t.db, { unitId: ids.baDinh, status: 'implementing' });
    expect((await bulk(c.approver, 'evaluate', { items: itemsOf(e) })).status).toBe(400);
    const ev = await bulk(c.approver, 'evaluate', { items: itemsOf(e), effective: true, score: 87.25 });
    expect(ev.body).toEqual({ updated: 1 });
    expect(await t.db.selectFrom('entries').select(['status', 'evaluation_effective', 'evaluation_score']).where('id', '=', e.id).executeTakeFirstOrThrow()).toEqual({ status: 'evaluated', evaluation_effective: true, evaluation_score: '87.25' });
    const rec = await bulk(c.approver, 'recognise', { items: [{ id: e.id, version: 2 }] });
    expect(rec.body).toEqual({ updated: 1 });
    expect((await t.db.selectFrom('entries').select('recognised_typical').where('id', '=', e.id).executeTakeFirstOrThrow()).recognised_typical).toBe(true);

    const r = await buildEntry(t.db, { unitId: ids.baDinh, status: 'registered' });
    expect((await bulk(c.approver, 'return', { items: itemsOf(r) })).status).toBe(400);
    expect((await bulk(c.editor, 'withdraw', { items: itemsOf(r) })).status).toBe(400);
    expect((await bulk(c.editor, 'accept', { items: itemsOf(r) })).status).toBe(403);
    expect((await bulk(c.ngocHaApprover, 'accept', { items: itemsOf(r) })).status).toBe(404);
    expect((await bulk(c.approver, 'accept', { items: [...itemsOf(r), ...itemsOf(r)] })).status).toBe(400);
    expect((await bulk(c.approver, 'return', { items: itemsOf(r), reason: 'Bổ sung hồ sơ' })).body).toEqual({ updated: 1 });
    expect(await t.db.selectFrom('entry_transitions').select(['action', 'reason']).where('entry_id', '=', r.id).execute()).toEqual([{ action: 'return', reason: 'Bổ sung hồ sơ' }]);
  });
});

describe('bulk steps on all entries matching the filters', () => {
  it('moves every match when the confirmed count still holds; a changed count refuses the batch and changes nothing', async () => {
    const year = 2024;
    const es = await Promise.all([1, 2, 3].map(() => buildEntry(t.db, { unitId: ids.ngocHa, year })));
    const filter = { unitId: ids.ngocHa, year: String(year), status: 'draft' };
    expect((await bulk(c.hanoiApprover, 'submit', { filter, expectedCount: 3 })).status).toBe(403); // approvers do not submit
    const editor = await buildUser(t.db, { username: 'b.ngochaeditor', grants: [{ unitId: ids.ngocHa, role: 'editor' }] });
    const cookie = await t.login(editor.username);
    const before = await snapshot(es.map((e) => e.id));
    // The user was shown 2: a third arrived meanwhile.
    const changed = await bulk(cookie, 'submit', { filter, expectedCount: 2 });
    expect(changed.status).toBe(409);
    expect(changed.body.error).toMatchObject({ code: 'CONFLICT', details: { total: 3, expected: 2 } });
    expect(await snapshot(es.map((e) => e.id))).toEqual(before);
    expect((await bulk(cookie, 'submit', { filter })).status).toBe(400); // no confirmed count
    expect((await bulk(cookie, 'submit', { filter, expectedCount: 3, items: itemsOf(es[0]!) })).status).toBe(400); // both at once

    const ok = await bulk(cookie, 'submit', { filter, expectedCount: 3 });
    expect(ok.body).toEqual({ updated: 3 });
    expect((await snapshot(es.map((e) => e.id))).rows.map((r) => r.status)).toEqual(['registered', 'registered', 'registered']);
    // The same filter now matches nothing.
    expect((await bulk(cookie, 'submit', { filter, expectedCount: 3 })).body.error.code).toBe('CONFLICT');
  });

  it('names every entry of the filter whose state does not allow the step, and changes nothing', async () => {
    const year = 2023;
    const registered = await buildEntry(t.db, { unitId: ids.ngocHa, year, status: 'registered' });
    const accepted = await buildEntry(t.db, { unitId: ids.ngocHa, year, status: 'accepted' });
    const before = await snapshot([registered.id, accepted.id]);
    const res = await bulk(c.ngocHaApprover, 'accept', { filter: { unitId: ids.ngocHa, year: String(year) }, expectedCount: 2 });
    expect(res.status).toBe(409);
    expect(res.body.error).toMatchObject({ code: 'INVALID_TRANSITION', details: { failures: [{ path: 'body.filter', id: accepted.id, title: accepted.title, status: 'accepted' }], total: 1 } });
    expect(await snapshot([registered.id, accepted.id])).toEqual(before);
  });
});

describe('bulk at its limits', () => {
  it(`takes ${BULK_LIMITS.items} selected entries in one transaction and refuses more; a filter matching over ${BULK_LIMITS.filter} is refused`, async () => {
    const { rows } = await sql<{ id: string }>`
      insert into entries (registering_unit_id, unit_path, level, kind, form, field_code, year, title, title_key, status)
      select ${ids.ngocHa}, u.path, 'commune', 'model', 'collective', 'economic', 2022, 'Hàng loạt ' || g, 'hang loat ' || g, 'registered'
      from units u, generate_series(1, ${BULK_LIMITS.filter + 1}) g where u.id = ${ids.ngocHa}
      returning id::text`.execute(t.db);
    const items = rows.map((r) => ({ id: r.id, version: 1 }));
    expect((await bulk(c.hanoiApprover, 'accept', { items: items.slice(0, BULK_LIMITS.items + 1) })).status).toBe(400);
    const res = await bulk(c.hanoiApprover, 'accept', { items: items.slice(0, BULK_LIMITS.items) });
    expect(res.body).toEqual({ updated: BULK_LIMITS.items });
    const over = await bulk(c.hanoiApprover, 'accept', { filter: { unitId: ids.ngocHa, year: '2022' }, expectedCount: BULK_LIMITS.filter });
    expect(over.status).toBe(400);
    expect(over.body.error).toMatchObject({ code: 'VALIDATION_FAILED', details: { total: BULK_LIMITS.filter + 1, max: BULK_LIMITS.filter } });
  });
});
