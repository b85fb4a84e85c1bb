import { beforeAll, describe, expect, it } from 'vitest';
import type { HotspotDetail, HotspotFigures, HotspotPage, HotspotTree } from '../../../common/hotspots.js';
import type { WorkQueue } from '../../../common/work-queue.js';
import { todayInVietnam } from '../../../common/units.js';
import { buildEntry } from '../entries/entries.factories.js';
import { buildPetition } from '../petitions/petitions.factories.js';
import { buildUnit, buildUser, rootUnit, unitByCode } from '../../test/factories.js';
import { createTestApp, type TestApp } from '../../test/test-app.js';
import { buildHotspot } from './hotspots.factories.js';
import { lockCasesToEscalate } from './hotspots.repository.js';
import { escalateDue } from './hotspots.service.js';
import { loadDemoHotspots } from '../../demo/demo-hotspots.js';

let t: TestApp;
const cookies: Record<string, string> = {};
let ids: { ninhBinh: string; commune: string; sibling: string; hanoi: string; org: string };

beforeAll(async () => {
  t = await createTestApp();
  const ninhBinh = await unitByCode(t.db, 'province', '37');
  const hanoi = await unitByCode(t.db, 'province', '01');
  const communes = await t.db.selectFrom('units').select('id').where('parent_id', '=', ninhBinh.id).where('kind', '=', 'commune').where('valid_to', 'is', null).orderBy('code').limit(2).execute();
  const org = await buildUnit(t.db, { parentId: communes[0]!.id, kind: 'youth_union', name: 'Đoàn Thanh niên xã' });
  ids = { ninhBinh: ninhBinh.id, commune: communes[0]!.id, sibling: communes[1]!.id, hanoi: hanoi.id, org: org.id };
  const users: [string, string, 'editor' | 'viewer' | 'approver' | 'unit_admin'][] = [
    ['hs.ninhbinh.editor', ninhBinh.id, 'editor'],
    ['hs.ninhbinh.approver', ninhBinh.id, 'approver'],
    ['hs.ninhbinh.viewer', ninhBinh.id, 'viewer'],
    ['hs.ninhbinh.admin', ninhBinh.id, 'unit_admin'],
    ['hs.commune.editor', ids.commune, 'editor'],
    ['hs.sibling.editor', ids.sibling, 'editor'],
    ['hs.hanoi.editor', hanoi.id, 'editor'],
  ];
  for (const [username, unitId, role] of users) {
    await buildUser(t.db, { username, grants: [{ unitId, role }] });
    cookies[username.slice(3)] = await t.login(username);
  }
}, 180_000);

async function counts() {
  const n = async (table: 'hotspots' | 'hotspot_updates' | 'hotspot_units' | 'hotspot_links' | 'audit_log') =>
    Number((await t.db.selectFrom(table).select(t.db.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);
  return { hotspots: await n('hotspots'), updates: await n('hotspot_updates'), units: await n('hotspot_units'), links: await n('hotspot_links'), audit: await n('audit_log') };
}

const flash = (body: Record<string, unknown> = {}, cookie = cookies['commune.editor']) =>
  t.call('POST', '/api/hotspots', {
    cookie,
    body: {
      unitId: ids.commune,
      place: 'Thôn Bắc, trụ sở Ủy ban nhân dân xã',
      kind: 'gathering',
      title: 'Các hộ dân tụ tập trước trụ sở xã',
      summary: 'Khoảng 40 người dân tụ tập phản đối việc thu hồi đất làm đường',
      peopleCount: 40,
      severity: 2,
      occurredAt: new Date(Date.now() - 2 * 3_600_000).toISOString(),
      responsibleUnitIds: [ids.ninhBinh],
      ...body,
    },
  });

const get = async (id: string, cookie = cookies['ninhbinh.editor']): Promise<HotspotDetail> => (await t.call('GET', `/api/hotspots/${id}`, { cookie })).json();
const update = (id: string, body: Record<string, unknown>, cookie = cookies['commune.editor']) => t.call('POST', `/api/hotspots/${id}/updates`, { cookie, body });

describe('flash report', () => {
  it('files a case with its flash report, due within the rule\'s hours, audited', async () => {
    const res = await flash();
    expect(res.statusCode, res.body).toBe(201);
    const h: HotspotDetail = res.json();
    expect(h).toMatchObject({ status: 'emerging', severity: 2, acknowledgedAt: null, overdue: false, responsibleUnits: [{ id: ids.ninhBinh }], can: { edit: true, acknowledge: false } });
    expect(h.updates.map((u) => u.kind)).toEqual(['flash_report']);
    const hours = (new Date(h.ackDueAt).getTime() - Date.now()) / 3_600_000;
    expect(hours).toBeGreaterThan(23.9);
    expect(hours).toBeLessThanOrEqual(24);
    const audit = await t.db.selectFrom('audit_log').select('action').where('record_type', '=', 'hotspot').where('record_id', '=', h.id).execute();
    expect(audit.map((a) => a.action)).toEqual(['hotspot.create']);
  });

  it('refuses a report without place or with an unknown kind, naming the field, writing nothing', async () => {
    const before = await counts();
    const noPlace = await flash({ place: undefined });
    expect(noPlace.statusCode).toBe(400);
    expect(noPlace.json().error.code).toBe('VALIDATION_FAILED');
    expect(JSON.stringify(noPlace.json().error.details)).toContain('place');
    const blank = await flash({ place: '   ' });
    expect(blank.statusCode).toBe(400);
    const badKind = await flash({ kind: 'riot' });
    expect(badKind.json().error).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ path: 'body.kind' }] });
    const noKind = await flash({ kind: undefined });
    expect(JSON.stringify(noKind.json().error.details)).toContain('kind');
    const outside = await flash({ responsibleUnitIds: [ids.sibling] });
    expect(outside.json().error.code).toBe('UNIT_OUTSIDE_SUBTREE');
    expect(await counts()).toEqual(before);
  });

  it('takes the hours of the nearest ancestor\'s rule, set by a unit admin', async () => {
    expect((await t.call('PUT', `/api/units/${ids.ninhBinh}/flash-report-rule`, { cookie: cookies['ninhbinh.editor'], body: { hours: 6 } })).statusCode).toBe(403);
    const put = await t.call('PUT', `/api/units/${ids.ninhBinh}/flash-report-rule`, { cookie: cookies['ninhbinh.admin'], body: { hours: 6 } });
    expect(put.statusCode, put.body).toBe(200);
    const rule = await t.call('GET', `/api/units/${ids.commune}/flash-report-rule`, { cookie: cookies['commune.editor'] });
    expect(rule.json()).toEqual({ unitId: ids.commune, hours: 6, fromUnitId: ids.ninhBinh });
    const h: HotspotDetail = (await flash()).json();
    expect((new Date(h.ackDueAt).getTime() - Date.now()) / 3_600_000).toBeLessThanOrEqual(6);
    await t.db.deleteFrom('flash_report_rules').where('unit_id', '=', ids.ninhBinh).execute();
    expect((await t.call('GET', `/api/units/${ids.commune}/flash-report-rule`, { cookie: cookies['commune.editor'] })).json()).toMatchObject({ hours: 24, fromUnitId: null });
  });
});

describe('timeline', () => {
  it('needs a reason for a status going back or leaving closed, and shows it', async () => {
    const h: HotspotDetail = (await flash()).json();
    expect((await update(h.id, { text: 'Đã đối thoại', status: 'stabilised', version: 1 })).statusCode).toBe(201);
    const before = await counts();
    const back = await update(h.id, { text: 'Các hộ lại tụ tập', status: 'handling', version: 2 });
    expect(back.statusCode).toBe(400);
    expect(back.json().error).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ path: 'body.reason' }] });
    expect(await counts()).toEqual(before);
    const withReason = await update(h.id, { text: 'Các hộ lại tụ tập', status: 'handling', severity: 3, reason: 'Chưa thống nhất giá bồi thường', version: 2 });
    expect(withReason.statusCode, withReason.body).toBe(201);
    const d: HotspotDetail = withReason.json();
    expect(d).toMatchObject({ status: 'handling', severity: 3, worsened: true, version: 3 });
    expect(d.updates.at(-1)).toMatchObject({ statusFrom: 'stabilised', statusTo: 'handling', severityFrom: 2, severityTo: 3, reason: 'Chưa thống nhất giá bồi thường' });
    expect((await update(h.id, { text: 'Kết thúc', status: 'closed', version: 3 })).json()).toMatchObject({ status: 'closed' });
    expect((await update(h.id, { text: 'Mở lại', status: 'closed', version: 4 })).statusCode).toBe(201);
    expect((await update(h.id, { text: 'Mở lại', status: 'handling', version: 5 })).json().error.details[0].path).toBe('body.reason');
  });

  it('lets one of two concurrent changes win; the other gets CONFLICT and nothing half-written', async () => {
    const h: HotspotDetail = (await flash()).json();
    const before = await counts();
    const patch = (place: string) => t.call('PATCH', `/api/hotspots/${h.id}`, { cookie: cookies['commune.editor'], body: { place, responsibleUnitIds: [], version: 1 } });
    const [a, b] = await Promise.all([patch('Thôn Đông'), patch('Thôn Tây')]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    expect((a.statusCode === 409 ? a : b).json().error).toMatchObject({ code: 'CONFLICT', details: { currentVersion: 2 } });
    const after = await counts();
    expect(after.audit - before.audit).toBe(1);
    expect(before.units - after.units).toBe(1);
    const [c, d] = await Promise.all([update(h.id, { text: 'A', version: 2 }), update(h.id, { text: 'B', version: 2 })]);
    expect([c.statusCode, d.statusCode].sort()).toEqual([201, 409]);
    expect((await get(h.id)).updates).toHaveLength(2);
  });
});

describe('acknowledgement, escalation and the work queue', () => {
  const queueOf = async (who: string, unitId: string) => {
    const q: WorkQueue = (await t.call('GET', '/api/work-queue', { cookie: cookies[who] })).json();
    const count = q.units.find((u) => u.unit.id === unitId)!.hotspots;
    const list: HotspotPage = (await t.call('GET', `/api/hotspots?unitId=${unitId}&queue=action&limit=200`, { cookie: cookies[who] })).json();
    return { count, total: list.total, ids: list.items.map((i) => i.id) };
  };

  it('shows an unacknowledged case in the province\'s queue until the province acknowledges it', async () => {
    const h: HotspotDetail = (await flash()).json();
    const before = await queueOf('ninhbinh.editor', ids.ninhBinh);
    expect(before.count).toBe(before.total);
    expect(before.ids).toContain(h.id);
    expect((await t.call('POST', `/api/hotspots/${h.id}/acknowledge`, { cookie: cookies['commune.editor'], body: { version: 1 } })).statusCode).toBe(403);
    expect((await t.call('POST', `/api/hotspots/${h.id}/acknowledge`, { cookie: cookies['ninhbinh.viewer'], body: { version: 1 } })).statusCode).toBe(403);
    const ack = await t.call('POST', `/api/hotspots/${h.id}/acknowledge`, { cookie: cookies['ninhbinh.approver'], body: { text: 'Đã nắm tình hình', version: 1 } });
    expect(ack.statusCode, ack.body).toBe(200);
    expect(ack.json()).toMatchObject({ can: { acknowledge: false } });
    const after = await queueOf('ninhbinh.editor', ids.ninhBinh);
    expect(after.count).toBe(after.total);
    expect(after.ids).not.toContain(h.id);
    expect(after.count).toBe(before.count - 1);
  });

  it('escalates overdue and worsened cases one level up, once (idempotent), in the timeline and the audit', async () => {
    const overdue = await buildHotspot(t.db, { unitId: ids.org, dueInHours: -1, title: 'Quá hạn' });
    const acknowledged = await buildHotspot(t.db, { unitId: ids.org, dueInHours: -1, acknowledged: true });
    await escalateDue(t.ctx);
    expect(await escalateDue(t.ctx)).toBe(0);
    const d = await get(overdue.id);
    expect(d.escalatedTo?.id).toBe(ids.commune);
    expect(d.updates.filter((u) => u.kind === 'escalation')).toHaveLength(1);
    expect((await get(acknowledged.id)).escalatedTo).toBeNull();
    const q = await queueOf('commune.editor', ids.commune);
    expect(q.ids).toContain(overdue.id);
    expect(q.count).toBe(q.total);
    // The commune (the level above the organization) acknowledges: it leaves the commune's queue.
    expect((await t.call('POST', `/api/hotspots/${overdue.id}/acknowledge`, { cookie: cookies['commune.editor'], body: { version: d.version } })).statusCode).toBe(200);
    const cleared = await queueOf('commune.editor', ids.commune);
    expect(cleared.ids).not.toContain(overdue.id);
    expect(cleared.count).toBe(cleared.total);
    d.version += 1;
    // It worsens: one more level up, to the province.
    await update(overdue.id, { text: 'Số người tăng lên', severity: 3, version: d.version });
    expect(await escalateDue(t.ctx)).toBeGreaterThanOrEqual(1);
    expect(await escalateDue(t.ctx)).toBe(0);
    const worse = await get(overdue.id);
    expect(worse.escalatedTo?.id).toBe(ids.ninhBinh);
    expect(worse.worsened).toBe(false);
    // Escalated after its acknowledgement: the province must acknowledge it anew.
    expect((await get(overdue.id, cookies['ninhbinh.approver'])).can.acknowledge).toBe(true);
    expect((await queueOf('ninhbinh.editor', ids.ninhBinh)).ids).toContain(overdue.id);
    const audit = await t.db.selectFrom('audit_log').select('action').where('record_type', '=', 'hotspot').where('record_id', '=', overdue.id).where('action', '=', 'hotspot.escalate').execute();
    expect(audit).toHaveLength(2);
  });

  it('never picks a case standing at the top unit, which has no level above, however overdue or worsened', async () => {
    const root = await rootUnit(t.db);
    const top = await buildHotspot(t.db, { unitId: root.id, dueInHours: -1, title: 'Ở cấp cao nhất' });
    await t.db.updateTable('hotspots').set({ severity: 3, seen_severity: 1 }).where('id', '=', top.id).execute();
    const picked = await t.db.transaction().execute((trx) => lockCasesToEscalate(trx, 10_000));
    expect(picked.map((r) => r.id)).not.toContain(top.id);
    expect(await escalateDue(t.ctx)).toBe(0);
    await t.db.deleteFrom('hotspots').where('id', '=', top.id).execute();
  });

  it('escalates by hand only to an ancestor', async () => {
    const h: HotspotDetail = (await flash()).json();
    const before = await counts();
    const sideways = await t.call('POST', `/api/hotspots/${h.id}/escalate`, { cookie: cookies['commune.editor'], body: { unitId: ids.sibling, text: 'Báo cáo', version: 1 } });
    expect(sideways.json().error.code).toBe('UNIT_OUTSIDE_SUBTREE');
    const self = await t.call('POST', `/api/hotspots/${h.id}/escalate`, { cookie: cookies['commune.editor'], body: { unitId: ids.commune, text: 'Báo cáo', version: 1 } });
    expect(self.json().error.code).toBe('UNIT_OUTSIDE_SUBTREE');
    expect(await counts()).toEqual(before);
    const up = await t.call('POST', `/api/hotspots/${h.id}/escalate`, { cookie: cookies['commune.editor'], body: { unitId: ids.ninhBinh, text: 'Đề nghị tỉnh chỉ đạo', version: 1 } });
    expect(up.statusCode, up.body).toBe(200);
    expect(up.json()).toMatchObject({ escalatedTo: { id: ids.ninhBinh } });
  });
});

describe('confidential cases', () => {
  it('are read only by their reader roles at the unit or above, absent from lists, counts and figures for others', async () => {
    const secret = await buildHotspot(t.db, { unitId: ids.commune, confidential: true, readerRoles: ['approver'], severity: 3, title: 'Vụ việc mật' });
    expect((await t.call('GET', `/api/hotspots/${secret.id}`, { cookie: cookies['ninhbinh.editor'] })).statusCode).toBe(404);
    expect((await t.call('GET', `/api/hotspots/${secret.id}`, { cookie: cookies['commune.editor'] })).statusCode).toBe(404);
    expect((await t.call('GET', `/api/hotspots/${secret.id}`, { cookie: cookies['ninhbinh.approver'] })).statusCode).toBe(200);
    const list = (who: string): Promise<HotspotPage> => t.call('GET', `/api/hotspots?unitId=${ids.ninhBinh}&status=all&limit=200`, { cookie: cookies[who] }).then((r) => r.json());
    const [editor, approver] = [await list('ninhbinh.editor'), await list('ninhbinh.approver')];
    expect(editor.items.map((i) => i.id)).not.toContain(secret.id);
    expect(approver.items.map((i) => i.id)).toContain(secret.id);
    expect(approver.total).toBe(editor.total + 1);
    const tree = (who: string): Promise<HotspotTree> => t.call('GET', `/api/hotspots/tree?unitId=${ids.ninhBinh}`, { cookie: cookies[who] }).then((r) => r.json());
    expect((await tree('ninhbinh.approver')).total.s3 - (await tree('ninhbinh.editor')).total.s3).toBe(1);
    const today = todayInVietnam();
    const figures = (who: string): Promise<HotspotFigures> => t.call('GET', `/api/hotspots/figures?unitId=${ids.ninhBinh}&from=${today}&to=${today}`, { cookie: cookies[who] }).then((r) => r.json());
    expect((await figures('ninhbinh.approver')).openOnLastDay - (await figures('ninhbinh.editor')).openOnLastDay).toBe(1);
    const search = await t.call('GET', `/api/hotspots?unitId=${ids.ninhBinh}&q=mật`, { cookie: cookies['ninhbinh.editor'] });
    expect(search.json().total).toBe(0);
    // The writer must stay among the readers.
    const locked = await flash({ confidential: true, readerRoles: ['approver'] });
    expect(locked.json().error).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ path: 'body.readerRoles' }] });
  });
});

describe('lists, tree, figures and links', () => {
  it('counts open cases per child unit, and the list agrees', async () => {
    const tree: HotspotTree = (await t.call('GET', `/api/hotspots/tree?unitId=${ids.ninhBinh}`, { cookie: cookies['ninhbinh.editor'] })).json();
    const row = tree.children.find((c) => c.unit.id === ids.commune)!;
    expect(row.s1 + row.s2 + row.s3).toBe(row.total);
    const list: HotspotPage = (await t.call('GET', `/api/hotspots?unitId=${ids.commune}&status=open&limit=1`, { cookie: cookies['ninhbinh.editor'] })).json();
    expect(list.total).toBe(row.total);
    const hanoi = await t.call('GET', `/api/hotspots/tree?unitId=${ids.ninhBinh}`, { cookie: cookies['hanoi.editor'] });
    expect(hanoi.statusCode).toBe(404);
    const bad = await t.call('GET', `/api/hotspots/figures?unitId=${ids.ninhBinh}&from=2026-02-01&to=2026-01-01`, { cookie: cookies['ninhbinh.editor'] });
    expect(bad.json().error.code).toBe('INVALID_RANGE');
  });

  it('links only petitions and entries the caller reads', async () => {
    const h: HotspotDetail = (await flash()).json();
    const mine = await buildPetition(t.db, { unitId: ids.commune });
    const foreign = await buildPetition(t.db, { unitId: ids.hanoi });
    const entry = await buildEntry(t.db, { unitId: ids.commune });
    const before = await counts();
    const refused = await t.call('PUT', `/api/hotspots/${h.id}/links`, { cookie: cookies['commune.editor'], body: { petitionIds: [mine.id, foreign.id], entryIds: [] } });
    expect(refused.json().error).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ path: 'body.petitionIds[1]' }] });
    expect(await counts()).toEqual(before);
    const ok = await t.call('PUT', `/api/hotspots/${h.id}/links`, { cookie: cookies['commune.editor'], body: { petitionIds: [mine.id], entryIds: [entry.id] } });
    expect(ok.statusCode, ok.body).toBe(200);
    expect((ok.json() as HotspotDetail).links.map((l) => l.kind).sort()).toEqual(['entry', 'petition']);
  });
});

describe('the demo', () => {
  it('adds three open cases in Ninh Bình once, the unacknowledged gathering escalated to the province', async () => {
    expect(await loadDemoHotspots(t.db, t.ctx)).toEqual({ hotspots: 3 });
    expect(await loadDemoHotspots(t.db, t.ctx)).toEqual({ hotspots: 0 });
    const rows = await t.db.selectFrom('hotspots').select(['id', 'kind_code', 'status', 'escalated_unit_id', 'acknowledged_at']).where('title', 'like', '%khu công nghiệp%').execute();
    expect(rows.map((r) => r.status)).toEqual(['stabilised']);
    const gathering = await t.db.selectFrom('hotspots').select(['id', 'escalated_unit_id', 'acknowledged_at']).where('kind_code', '=', 'gathering').where('title', '=', 'Nhiều hộ dân tụ tập trước trụ sở Ủy ban nhân dân xã').executeTakeFirstOrThrow();
    expect(gathering).toMatchObject({ escalated_unit_id: ids.ninhBinh, acknowledged_at: null });
    const d = await get(gathering.id);
    expect(d.updates.map((u) => u.kind)).toEqual(['flash_report', 'update', 'update', 'escalation']);
  });
});
