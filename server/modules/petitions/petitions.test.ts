import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DigestRow, PetitionDetail, PetitionSummary, Receipt } from '../../../common/petitions.js';
import { workingCalendar } from '../../../common/working-days.js';
import { SYSTEM_ACTOR } from '../../http/access.js';
import { buildUser, rootUnit, unitByCode } from '../../test/factories.js';
import { createTestApp, type TestApp } from '../../test/test-app.js';
import { todayInVietnam } from '../commendations/commendations.service.js';
import { SAMPLE_FILES } from '../entries/entries.factories.js';
import { computeDigest } from './petitions-digest.service.js';
import { eraseExpiredIdentities } from './petitions-retention.service.js';
import { attachment, buildPetition } from './petitions.factories.js';

let t: TestApp;
const cookies: Record<string, string> = {};
let ids: { hanoi: string; baDinh: string; ngocHa: string; ninhBinh: string };

beforeAll(async () => {
  t = await createTestApp();
  const root = await rootUnit(t.db);
  const hanoi = await unitByCode(t.db, 'province', '01');
  const baDinh = await unitByCode(t.db, 'commune', '00004');
  const ngocHa = await unitByCode(t.db, 'commune', '00008');
  const ninhBinh = await unitByCode(t.db, 'province', '37');
  ids = { hanoi: hanoi.id, baDinh: baDinh.id, ngocHa: ngocHa.id, ninhBinh: ninhBinh.id };
  const users: [string, string, 'system_admin' | 'editor' | 'approver' | 'viewer' | 'unit_admin'][] = [
    ['admin', root.id, 'system_admin'],
    ['hanoiEditor', hanoi.id, 'editor'],
    ['hanoiApprover', hanoi.id, 'approver'],
    ['baDinhEditor', baDinh.id, 'editor'],
    ['baDinhApprover', baDinh.id, 'approver'],
    ['baDinhViewer', baDinh.id, 'viewer'],
    ['hanoiUnitAdmin', hanoi.id, 'unit_admin'],
    ['ninhBinhApprover', ninhBinh.id, 'approver'],
  ];
  for (const [name, unitId, role] of users) {
    await buildUser(t.db, { username: `pt.${name.toLowerCase()}`, grants: [{ unitId, role }] });
    cookies[name] = await t.login(`pt.${name.toLowerCase()}`);
  }
});

const counts = async () => {
  const { rows } = await sql<{ petitions: number; attachments: number; audit: number; transitions: number }>`
    select (select count(*)::int from petitions) as petitions, (select count(*)::int from petition_attachments) as attachments,
           (select count(*)::int from audit_log) as audit, (select count(*)::int from petition_transitions) as transitions`.execute(t.db);
  return rows[0]!;
};

const intakeBody = (over: Record<string, unknown> = {}) => ({
  unitId: ids.baDinh,
  kind: 'complaint',
  channel: 'in_person',
  submitter: { name: 'Trần Thị Bích', contact: '0987654321', idNumber: '001190001234', address: 'Số 3 phố Đội Cấn' },
  categoryCode: 'compensation',
  title: 'Khiếu nại mức bồi thường',
  content: 'Gia đình tôi không đồng ý với mức bồi thường khi thu hồi đất.',
  receivedOn: '2026-02-10',
  ...over,
});

const intake = (cookie: string, body: Record<string, unknown>) => t.call('POST', '/api/petitions', { cookie, body });
const detail = async (id: string, cookie = cookies.baDinhEditor!) => (await t.call('GET', `/api/petitions/${id}`, { cookie })).json<PetitionDetail>();
const act = (id: string, action: string, body: Record<string, unknown>, cookie: string) => t.call('POST', `/api/petitions/${id}/actions/${action}`, { cookie, body });

describe('intake', () => {
  it('numbers the petition in its unit and year, computes the due date across Tết, and keeps the identity out of the audit', async () => {
    const res = await intake(cookies.baDinhEditor!, intakeBody({ attachments: [attachment('don.pdf', SAMPLE_FILES.pdf)] }));
    expect(res.statusCode, res.body).toBe(201);
    const r = res.json<Receipt>();
    expect(r.number).toBe('1/2026');
    // 30 working days from Tuesday 10 Feb 2026, with Tết 16–20 Feb off: 11–13 Feb (3), five weeks from 23 Feb (25), 30–31 Mar (2).
    expect(r.dueOn).toBe('2026-03-31');
    expect(r.trackingCode).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    expect(r.secret).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    const second = (await intake(cookies.baDinhEditor!, intakeBody())).json<Receipt>();
    expect(second.number).toBe('2/2026');
    const audit = await t.db.selectFrom('audit_log').select(['after']).where('action', '=', 'petition.create').where('record_id', '=', r.id).executeTakeFirstOrThrow();
    expect(JSON.stringify(audit.after)).not.toContain('Bích');
    expect(JSON.stringify(audit.after)).toContain('don.pdf');
    // Without attachments the intake is one statement, its audit record written by it too.
    const plain = await t.db.selectFrom('audit_log').select(['after', 'actor_name']).where('action', '=', 'petition.create').where('record_id', '=', second.id).executeTakeFirstOrThrow();
    expect(plain.after).toMatchObject({ number: '2/2026', attachments: [] });
    expect(plain.actor_name).toBe('pt.badinheditor');
    expect(JSON.stringify(plain.after)).not.toContain('Bích');
    const d = await detail(r.id);
    expect(d.attachments).toHaveLength(1);
    expect(d.transitions.map((x) => x.action)).toEqual(['receive']);
  });

  it('gives 50 concurrent intakes 50 distinct consecutive numbers', async () => {
    const body = intakeBody({ unitId: ids.ngocHa, kind: 'recommendation', receivedOn: '2025-07-02' });
    const results = await Promise.all(Array.from({ length: 50 }, () => intake(cookies.hanoiEditor!, body)));
    expect(results.map((r) => r.statusCode)).toEqual(Array(50).fill(201));
    const numbers = results.map((r) => Number(r.json<Receipt>().number.split('/')[0])).sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    const counter = await t.db.selectFrom('petition_counters').select('last_number').where('unit_id', '=', ids.ngocHa).where('year', '=', 2025).executeTakeFirstOrThrow();
    expect(counter.last_number).toBe(50);
  });

  it('refuses bad input with a clear error and stores nothing', async () => {
    const before = await counts();
    const anonymousComplaint = await intake(cookies.baDinhEditor!, intakeBody({ anonymous: true, submitter: undefined }));
    expect(anonymousComplaint.statusCode).toBe(400);
    expect(anonymousComplaint.json().error.details.map((d: { code?: string }) => d.code)).toContain('anonymous_not_allowed');
    const noSubmitter = await intake(cookies.baDinhEditor!, intakeBody({ submitter: undefined }));
    expect(noSubmitter.json().error.details.map((d: { code?: string }) => d.code)).toContain('submitter_required');
    const renamed = await intake(cookies.baDinhEditor!, intakeBody({ attachments: [attachment('anh.jpg', SAMPLE_FILES.pdf)] }));
    expect(renamed.statusCode).toBe(415);
    expect(renamed.json().error.code).toBe('UNSUPPORTED_FILE');
    const program = await intake(cookies.baDinhEditor!, intakeBody({ attachments: [attachment('don.pdf', SAMPLE_FILES.exe)] }));
    expect(program.statusCode).toBe(415);
    const big = await intake(cookies.baDinhEditor!, intakeBody({ attachments: [attachment('big.pdf', Buffer.concat([SAMPLE_FILES.pdf, Buffer.alloc(2 * 1024 * 1024)]))] }));
    expect(big.statusCode).toBe(413);
    expect(big.json().error.code).toBe('FILE_TOO_LARGE');
    const future = await intake(cookies.baDinhEditor!, intakeBody({ receivedOn: '2099-01-01' }));
    expect(future.statusCode).toBe(400);
    const unknownCategory = await intake(cookies.baDinhEditor!, intakeBody({ categoryCode: 'nope' }));
    expect(unknownCategory.statusCode).toBe(400);
    const tooLong = await intake(cookies.baDinhEditor!, intakeBody({ title: 'x'.repeat(301) }));
    expect(tooLong.statusCode).toBe(400);
    expect(await counts()).toEqual(before);
  });

  it('lets a recommendation be anonymous', async () => {
    const res = await intake(cookies.baDinhEditor!, intakeBody({ kind: 'recommendation', anonymous: true, submitter: undefined, receivedOn: '2026-11-02' }));
    expect(res.statusCode, res.body).toBe(201);
    const d = await detail(res.json<Receipt>().id);
    expect(d.submitter).toEqual({ anonymous: true, name: null, contact: null, erased: false });
  });

  it('checks the permission and the scope of the receiving unit', async () => {
    const before = await counts();
    expect((await intake(cookies.baDinhViewer!, intakeBody())).statusCode).toBe(403);
    expect((await intake(cookies.baDinhApprover!, intakeBody())).statusCode).toBe(403);
    expect((await intake(cookies.baDinhEditor!, intakeBody({ unitId: ids.ngocHa }))).statusCode).toBe(404);
    expect(await counts()).toEqual(before);
  });
});

describe('identity', () => {
  it('masks the submitter for everyone in lists and details', async () => {
    const p = await buildPetition(t.db, { unitId: ids.baDinh, title: 'Mask test' });
    for (const who of ['baDinhEditor', 'baDinhApprover', 'hanoiUnitAdmin', 'admin']) {
      const d = await detail(p.id, cookies[who]);
      expect(d.submitter).toEqual({ anonymous: false, name: 'N*** V*** A***', contact: '********78', erased: false });
      expect(JSON.stringify(d)).not.toContain('Nguyễn');
      const list = await t.call('GET', `/api/petitions?unitId=${ids.baDinh}&limit=200`, { cookie: cookies[who] });
      expect(list.body).not.toContain('Nguyễn');
      expect(list.body).not.toContain('001085012345');
    }
    expect((await detail(p.id, cookies.baDinhApprover)).canReadIdentity).toBe(true);
    expect((await detail(p.id, cookies.baDinhEditor)).canReadIdentity).toBe(false);
  });

  it('shows the identity to approvers only, and writes every read to the audit trail', async () => {
    const p = await buildPetition(t.db, { unitId: ids.baDinh });
    const audits = () => t.db.selectFrom('audit_log').select(['actor_name', 'unit_id']).where('action', '=', 'petition.identity.read').where('record_id', '=', p.id).execute();
    for (const who of ['baDinhEditor', 'baDinhViewer', 'hanoiUnitAdmin']) {
      expect((await t.call('GET', `/api/petitions/${p.id}/identity`, { cookie: cookies[who] })).statusCode, who).toBe(403);
    }
    expect((await t.call('GET', `/api/petitions/${p.id}/identity`, { cookie: cookies.ninhBinhApprover })).statusCode).toBe(404);
    expect(await audits()).toEqual([]);
    const res = await t.call('GET', `/api/petitions/${p.id}/identity`, { cookie: cookies.hanoiApprover });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ anonymous: false, erased: false, name: 'Nguyễn Văn An', contact: '0912345678', idNumber: '001085012345', address: 'Số 5, ngõ 12' });
    expect(await audits()).toEqual([{ actor_name: 'pt.hanoiapprover', unit_id: ids.baDinh }]);
  });

  it('leaves the identity out of exports unless the role allows it, and audits an export with it', async () => {
    await buildPetition(t.db, { unitId: ids.baDinh, title: 'Export test' });
    const plain = await t.call('GET', `/api/petitions/export.csv?unitId=${ids.baDinh}`, { cookie: cookies.baDinhEditor });
    expect(plain.statusCode).toBe(200);
    expect(plain.body).toContain('Export test');
    expect(plain.body).not.toContain('Nguyễn Văn An');
    expect(plain.body.split('\r\n')[0]).not.toContain('Họ tên');
    expect((await t.call('GET', `/api/petitions/export.csv?unitId=${ids.baDinh}&includeIdentity=true`, { cookie: cookies.baDinhEditor })).statusCode).toBe(403);
    const full = await t.call('GET', `/api/petitions/export.csv?unitId=${ids.baDinh}&includeIdentity=true`, { cookie: cookies.baDinhApprover });
    expect(full.body).toContain('Nguyễn Văn An');
    const audit = await t.db.selectFrom('audit_log').select(['record_id']).where('action', '=', 'petition.identity.export').execute();
    expect(audit).toEqual([{ record_id: ids.baDinh }]);
  });

  it('erases identities of petitions closed longer ago than the retention period, with an audit record each', async () => {
    const old = await buildPetition(t.db, { unitId: ids.ngocHa, status: 'resolved', closedAt: new Date('2020-03-01T00:00:00Z') });
    const recent = await buildPetition(t.db, { unitId: ids.ngocHa, status: 'resolved', closedAt: new Date('2024-03-01T00:00:00Z') });
    const open = await buildPetition(t.db, { unitId: ids.ngocHa, receivedOn: '2019-01-07', dueOn: '2019-01-21' });
    const erased = await eraseExpiredIdentities(t.ctx, SYSTEM_ACTOR, { years: 5, now: new Date('2026-11-21T00:00:00Z') });
    expect(erased).toBe(1);
    const rows = await t.db.selectFrom('petitions').select(['id', 'submitter_name', 'submitter_id_number', 'identity_erased_at']).where('id', 'in', [old.id, recent.id, open.id]).orderBy('id').execute();
    expect(rows.map((r) => [r.submitter_name, r.submitter_id_number, r.identity_erased_at !== null])).toEqual([
      [null, null, true],
      ['Nguyễn Văn An', '001085012345', false],
      ['Nguyễn Văn An', '001085012345', false],
    ]);
    const audit = await t.db.selectFrom('audit_log').select(['record_id', 'after']).where('action', '=', 'petition.identity.erase').execute();
    expect(audit.map((a) => a.record_id)).toEqual([old.id]);
    expect((await detail(old.id, cookies.hanoiApprover)).submitter).toMatchObject({ name: null, erased: true });
    // A second run finds nothing left to erase.
    expect(await eraseExpiredIdentities(t.ctx, SYSTEM_ACTOR, { years: 5, now: new Date('2026-11-21T00:00:00Z') })).toBe(0);
  });
});

describe('processing', () => {
  it('walks a complaint from the province down to a commune and to its answer', async () => {
    const r = (await intake(cookies.hanoiEditor!, intakeBody({ unitId: ids.hanoi, receivedOn: '2026-11-02' }))).json<Receipt>();
    let d = await detail(r.id, cookies.hanoiEditor);
    expect(d.actions).toEqual(['classify']);
    const classified = await act(r.id, 'classify', { version: d.version, kind: 'denunciation', categoryCode: 'land' }, cookies.hanoiEditor!);
    expect(classified.statusCode, classified.body).toBe(200);
    d = classified.json<PetitionDetail>();
    expect(d).toMatchObject({ status: 'classified', kind: 'denunciation', categoryCode: 'land' });
    // An editor does not assign: a leader's decision.
    expect((await act(r.id, 'assign', { version: d.version, handlingUnitId: ids.baDinh }, cookies.hanoiEditor!)).statusCode).toBe(403);
    // Not outside the handling unit's subtree.
    const outside = await act(r.id, 'assign', { version: d.version, handlingUnitId: ids.ninhBinh }, cookies.hanoiApprover!);
    expect(outside.statusCode).toBe(400);
    d = (await act(r.id, 'assign', { version: d.version, handlingUnitId: ids.baDinh }, cookies.hanoiApprover!)).json<PetitionDetail>();
    expect(d).toMatchObject({ status: 'assigned', handlingUnit: { id: ids.baDinh } });
    // The commune now handles it: its editor starts and reports progress.
    d = (await act(r.id, 'start', { version: d.version }, cookies.baDinhEditor!)).json<PetitionDetail>();
    d = (await act(r.id, 'progress', { version: d.version, note: 'Đã làm việc với hộ gia đình' }, cookies.baDinhEditor!)).json<PetitionDetail>();
    // A stale version is refused.
    const stale = await act(r.id, 'progress', { version: d.version - 1, note: 'Lần nữa' }, cookies.baDinhEditor!);
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('CONFLICT');
    const dueBefore = d.dueOn;
    expect((await act(r.id, 'extend', { version: d.version, days: 61, reason: 'Vụ việc phức tạp' }, cookies.baDinhApprover!)).statusCode).toBe(400);
    d = (await act(r.id, 'extend', { version: d.version, days: 30, reason: 'Vụ việc phức tạp' }, cookies.baDinhApprover!)).json<PetitionDetail>();
    expect(d.extendedDays).toBe(30);
    expect(d.dueOn).toBe(workingCalendar().addWorkingDays(dueBefore, 30));
    // Transfer up to the province with a reason, then back down.
    expect((await act(r.id, 'transfer', { version: d.version, handlingUnitId: ids.hanoi }, cookies.baDinhApprover!)).statusCode).toBe(400);
    const up = await act(r.id, 'transfer', { version: d.version, handlingUnitId: ids.hanoi, reason: 'Vượt thẩm quyền cấp xã' }, cookies.baDinhApprover!);
    // Received by the province and now handled there: the commune no longer sees it.
    expect(up.statusCode, up.body).toBe(204);
    expect((await act(r.id, 'start', { version: d.version + 1 }, cookies.baDinhEditor!)).statusCode).toBe(404);
    d = await detail(r.id, cookies.hanoiEditor);
    expect(d).toMatchObject({ status: 'assigned', handlingUnit: { id: ids.hanoi } });
    d = (await act(r.id, 'start', { version: d.version }, cookies.hanoiEditor!)).json<PetitionDetail>();
    expect((await act(r.id, 'classify', { version: d.version }, cookies.hanoiEditor!)).statusCode).toBe(409);
    const resolved = await act(r.id, 'resolve', { version: d.version, result: 'Kết luận nội dung tố cáo', publicReply: 'Đã giải quyết, kết quả gửi qua đường bưu điện.' }, cookies.hanoiApprover!);
    expect(resolved.statusCode, resolved.body).toBe(200);
    d = resolved.json<PetitionDetail>();
    expect(d).toMatchObject({ status: 'resolved', closedOn: todayInVietnam(), actions: [] });
    expect(d.transitions.map((x) => x.action)).toEqual(['receive', 'classify', 'assign', 'start', 'progress', 'extend', 'transfer', 'start', 'resolve']);
    expect(d.transitions.find((x) => x.action === 'transfer')).toMatchObject({ fromUnit: { id: ids.baDinh }, toUnit: { id: ids.hanoi }, reason: 'Vượt thẩm quyền cấp xã' });
    const audited = await t.db.selectFrom('audit_log').select('action').where('record_type', '=', 'petition').where('record_id', '=', r.id).orderBy('id').execute();
    expect(audited.map((a) => a.action)).toEqual(['petition.create', 'petition.classify', 'petition.assign', 'petition.start', 'petition.progress', 'petition.extend', 'petition.transfer', 'petition.start', 'petition.resolve']);
  });

  it('refuses a kind change that would make an anonymous petition a complaint', async () => {
    const p = await buildPetition(t.db, { unitId: ids.baDinh, submitterName: null });
    const res = await act(p.id, 'classify', { version: p.version, kind: 'complaint' }, cookies.baDinhEditor!);
    expect(res.statusCode).toBe(400);
    expect((await detail(p.id)).status).toBe('received');
  });
});

describe('due dates, escalation and the digest', () => {
  it('flags overdue and due-soon petitions, and raises overdue ones to the units above', async () => {
    const today = todayInVietnam();
    const cal = workingCalendar();
    const overdue = await buildPetition(t.db, { unitId: ids.ngocHa, status: 'in_progress', receivedOn: '2026-01-05', dueOn: '2026-01-19', title: 'Quá hạn Ngọc Hà' });
    const soon = await buildPetition(t.db, { unitId: ids.ngocHa, status: 'assigned', receivedOn: '2026-01-05', dueOn: cal.addWorkingDays(today, 1), title: 'Sắp đến hạn Ngọc Hà' });
    const own = await buildPetition(t.db, { unitId: ids.hanoi, status: 'in_progress', receivedOn: '2026-11-02', dueOn: cal.addWorkingDays(today, 20), title: 'Tỉnh tự xử lý' });
    const notYet = await buildPetition(t.db, { unitId: ids.ngocHa, status: 'in_progress', receivedOn: '2026-11-02', dueOn: cal.addWorkingDays(today, 20), title: 'Còn hạn Ngọc Hà' });

    const list = (q: string, cookie = cookies.hanoiEditor!) => t.call('GET', `/api/petitions?${q}`, { cookie }).then((r) => r.json<{ items: PetitionSummary[]; total: number }>());
    const overdueList = await list(`unitId=${ids.hanoi}&due=overdue&limit=200`);
    expect(overdueList.items.map((i) => i.id)).toContain(overdue.id);
    expect(overdueList.items.every((i) => i.dueState === 'overdue')).toBe(true);
    expect((await list(`unitId=${ids.hanoi}&due=due_soon&limit=200`)).items.map((i) => i.id)).toContain(soon.id);

    // The province's queue: its own petitions, plus the overdue ones below it, flagged escalated.
    const queue = await list(`unitId=${ids.hanoi}&view=queue&limit=200`);
    const byId = new Map(queue.items.map((i) => [i.id, i]));
    expect(byId.get(overdue.id)).toMatchObject({ escalated: true, dueState: 'overdue' });
    expect(byId.get(own.id)).toMatchObject({ escalated: false, dueState: 'on_track' });
    expect(byId.has(soon.id)).toBe(false);
    expect(byId.has(notYet.id)).toBe(false);
    // The commune's own queue shows it, not escalated.
    const communeQueue = await list(`unitId=${ids.ngocHa}&view=queue&limit=200`, cookies.admin);
    expect(communeQueue.items.find((i) => i.id === overdue.id)).toMatchObject({ escalated: false });

    const digest = await computeDigest(t.ctx);
    const row = (id: string) => digest.items.find((i) => i.unit.id === id);
    expect(row(ids.ngocHa)).toMatchObject({ overdue: expect.any(Number), dueSoon: expect.any(Number) });
    const ngocHaOverdue = (await t.db.selectFrom('petitions').select(sql<number>`count(*)::int`.as('n')).where('handling_unit_id', '=', ids.ngocHa).where('status', 'in', ['received', 'classified', 'assigned', 'in_progress']).where('due_on', '<', today).executeTakeFirstOrThrow()).n;
    expect(row(ids.ngocHa)!.overdue).toBe(ngocHaOverdue);
    expect(row(ids.hanoi)!.escalatedOverdue).toBeGreaterThanOrEqual(ngocHaOverdue);
    const api = await t.call('GET', `/api/petitions/digest?unitId=${ids.hanoi}`, { cookie: cookies.hanoiEditor });
    const items = api.json<{ items: DigestRow[] }>().items;
    expect(items.find((i) => i.unit.id === ids.ngocHa)!.overdue).toBe(ngocHaOverdue);
    expect(items.some((i) => i.unit.id === ids.ninhBinh)).toBe(false);
  });

  it('lists only petitions in the caller\'s scope', async () => {
    const foreign = await buildPetition(t.db, { unitId: ids.ninhBinh, title: 'Ninh Bình riêng' });
    const res = await t.call('GET', '/api/petitions?limit=200', { cookie: cookies.hanoiEditor });
    expect(res.body).not.toContain('Ninh Bình riêng');
    expect((await t.call('GET', `/api/petitions/${foreign.id}`, { cookie: cookies.hanoiEditor })).statusCode).toBe(404);
  });
});

describe('holidays', () => {
  it("applies a Government decision to due dates from then on; only a system admin records one", async () => {
    const body = { kind: 'day_off', note: 'Nghỉ bù theo quyết định của Chính phủ' };
    expect((await t.call('PUT', '/api/holidays/2026-02-23', { cookie: cookies.hanoiApprover, body })).statusCode).toBe(403);
    const first = await intake(cookies.baDinhEditor!, intakeBody({ kind: 'recommendation', receivedOn: '2026-02-10' }));
    expect(first.statusCode, first.body).toBe(201);
    const before = first.json<Receipt>();
    expect(before.dueOn).toBe('2026-03-03');
    expect((await t.call('PUT', '/api/holidays/2026-02-23', { cookie: cookies.admin, body })).statusCode).toBe(204);
    const after = (await intake(cookies.baDinhEditor!, intakeBody({ kind: 'recommendation', receivedOn: '2026-02-10' }))).json<Receipt>();
    expect(after.dueOn).toBe('2026-03-04');
    const year = (await t.call('GET', '/api/holidays?year=2026', { cookie: cookies.baDinhViewer })).json();
    expect(year.daysOff.map((d: { date: string }) => d.date)).toEqual(expect.arrayContaining(['2026-02-16', '2026-02-20', '2026-02-23', '2026-04-26', '2026-04-27', '2026-09-01', '2026-09-02']));
    expect((await t.call('DELETE', '/api/holidays/2026-02-23', { cookie: cookies.admin })).statusCode).toBe(204);
    expect((await t.call('DELETE', '/api/holidays/2026-02-23', { cookie: cookies.admin })).statusCode).toBe(404);
  });
});
