import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import type { PolicyDocumentDetail, PolicyDocumentKind, PolicyDocumentPage } from '../../../common/policy-documents.js';
import { multipartFile, SAMPLE_FILES } from '../entries/entries.factories.js';
import { buildUser, rootUnit, unitByCode } from '../../test/factories.js';
import { createTestApp, type TestApp } from '../../test/test-app.js';
import { buildPolicyDocument, forgedDocx, sampleDocx, samplePdf } from './policy-documents.factories.js';
import { searchWords } from './policy-documents.service.js';

let t: TestApp;
const cookies: Record<string, string> = {};
let ids: { root: string; hanoi: string; ninhBinh: string; baDinh: string };
const docs: Record<string, PolicyDocumentDetail> = {};

const RESOLUTION_25_TITLE = 'Về tăng cường và đổi mới sự lãnh đạo của Đảng đối với công tác dân vận trong tình hình mới';

beforeAll(async () => {
  t = await createTestApp();
  const root = await rootUnit(t.db);
  const hanoi = await unitByCode(t.db, 'province', '01');
  const ninhBinh = await unitByCode(t.db, 'province', '37');
  const baDinh = await unitByCode(t.db, 'commune', '00004');
  ids = { root: root.id, hanoi: hanoi.id, ninhBinh: ninhBinh.id, baDinh: baDinh.id };
  const users: [string, string, 'system_admin' | 'editor' | 'approver' | 'viewer'][] = [
    ['pd.admin', root.id, 'system_admin'],
    ['pd.hanoi.editor', hanoi.id, 'editor'],
    ['pd.hanoi.approver', hanoi.id, 'approver'],
    ['pd.hanoi.viewer', hanoi.id, 'viewer'],
    ['pd.badinh.viewer', baDinh.id, 'viewer'],
    ['pd.badinh.editor', baDinh.id, 'editor'],
    ['pd.ninhbinh.viewer', ninhBinh.id, 'viewer'],
  ];
  for (const [username, unitId, role] of users) {
    await buildUser(t.db, { username, grants: [{ unitId, role }] });
    cookies[username.slice(3)] = await t.login(username);
  }

  // The central documents, entered once on the root unit by a system administrator.
  docs.nq25 = await enterIssued({ kind: 'resolution', issuingBody: 'Ban Chấp hành Trung ương', number: '25', symbol: 'NQ/TW', issuedOn: '2013-06-03', title: RESOLUTION_25_TITLE });
  docs.kl43 = await enterIssued({
    kind: 'conclusion',
    issuingBody: 'Ban Bí thư',
    number: '43',
    symbol: 'KL/TW',
    issuedOn: '2019-01-07',
    title: 'Về tiếp tục đẩy mạnh thực hiện Nghị quyết số 25-NQ/TW của Ban Chấp hành Trung ương khóa XI',
  });
  docs.qd290 = await enterIssued({ kind: 'regulation', issuingBody: 'Bộ Chính trị', number: '290', symbol: 'QĐ/TW', issuedOn: '2010-02-25', title: 'Ban hành Quy chế công tác dân vận của hệ thống chính trị' });
  docs.qd23 = await enterIssued({ kind: 'regulation', issuingBody: 'Bộ Chính trị', number: '23', symbol: 'QĐ/TW', issuedOn: '2021-07-30', title: 'Ban hành Quy chế công tác dân vận của hệ thống chính trị' });
}, 120_000);

async function enterIssued(body: Record<string, unknown>): Promise<PolicyDocumentDetail> {
  const created = await t.call('POST', '/api/policy-documents', { cookie: cookies.admin, body: { issuingUnitId: ids.root, ...body } });
  if (created.statusCode !== 201) throw new Error(created.body);
  const issued = await t.call('POST', `/api/policy-documents/${created.json().id}/issue`, { cookie: cookies.admin, body: { version: 1 } });
  if (issued.statusCode !== 200) throw new Error(issued.body);
  return issued.json();
}

async function counts() {
  const { rows } = await sql<{ documents: number; links: number; attachments: number; kinds: number; audit: number; versions: number }>`
    select (select count(*)::int from policy_documents) as documents,
           (select count(*)::int from policy_document_links) as links,
           (select count(*)::int from policy_document_attachments where hidden_at is null) as attachments,
           (select count(*)::int from policy_document_kinds) as kinds,
           (select coalesce(sum(version), 0)::int from policy_documents) as versions,
           (select count(*)::int from audit_log) as audit`.execute(t.db);
  return rows[0]!;
}

const search = async (cookie: string, query: string) => (await t.call('GET', `/api/policy-documents?${query}`, { cookie })).json<PolicyDocumentPage>();
const hanoiDraft = (body: Record<string, unknown> = {}) =>
  t.call('POST', '/api/policy-documents', {
    cookie: cookies['hanoi.editor'],
    body: { kind: 'plan', issuingUnitId: ids.hanoi, issuingBody: 'Tỉnh ủy Hà Nội', symbol: 'KH/TU', title: 'Kế hoạch thực hiện Kết luận 43-KL/TW', ...body },
  });

describe('kinds', () => {
  it('lists the nine seeded kinds with their symbols and names in the seven languages', async () => {
    const res = await t.call('GET', '/api/policy-document-kinds', { cookie: cookies['badinh.viewer'] });
    expect(res.statusCode).toBe(200);
    const items = res.json<{ items: PolicyDocumentKind[] }>().items;
    expect(items.map((k) => `${k.code}:${k.symbol}`)).toEqual([
      'resolution:NQ',
      'conclusion:KL',
      'directive:CT',
      'regulation:QĐ',
      'program:CTr',
      'project:ĐA',
      'plan:KH',
      'coordination_program:CTrPH',
      'conclusion_notice:TB',
    ]);
    for (const k of items) expect(Object.keys(k.names).sort()).toEqual(['ar', 'en', 'id', 'pl', 'ru', 'sv', 'vi']);
    expect(items[0]!.names.vi).toBe('Nghị quyết');
  });

  it('lets a system administrator add and change a kind, audited; a duplicate or a stranger writes nothing', async () => {
    const before = await counts();
    const created = await t.call('POST', '/api/policy-document-kinds', { cookie: cookies.admin, body: { code: 'guidance', symbol: 'HD', names: { vi: 'Hướng dẫn', en: 'Guidance' } } });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ code: 'guidance', symbol: 'HD', implementable: true, sortOrder: 100 });
    const changed = await t.call('PATCH', '/api/policy-document-kinds/guidance', { cookie: cookies.admin, body: { names: { vi: 'Hướng dẫn', en: 'Guidance', sv: 'Vägledning' }, sortOrder: 20 } });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json().names.sv).toBe('Vägledning');
    const after = await counts();
    expect(after.kinds).toBe(before.kinds + 1);
    expect(after.audit).toBe(before.audit + 2);

    const refusals = [
      await t.call('POST', '/api/policy-document-kinds', { cookie: cookies.admin, body: { code: 'guidance', symbol: 'HD', names: { vi: 'Lần hai' } } }),
      await t.call('POST', '/api/policy-document-kinds', { cookie: cookies['hanoi.editor'], body: { code: 'other', symbol: 'X', names: { vi: 'Khác' } } }),
      await t.call('POST', '/api/policy-document-kinds', { cookie: cookies.admin, body: { code: 'Bad Code', symbol: 'X', names: { vi: 'Khác' } } }),
      await t.call('POST', '/api/policy-document-kinds', { cookie: cookies.admin, body: { code: 'no_vi', symbol: 'X', names: { en: 'Other' } } }),
      await t.call('PATCH', '/api/policy-document-kinds/nothing_here', { cookie: cookies.admin, body: { sortOrder: 1 } }),
      await t.call('PATCH', '/api/policy-document-kinds/guidance', { cookie: cookies.admin, body: {} }),
    ];
    expect(refusals.map((r) => [r.statusCode, r.json().error.code])).toEqual([
      [409, 'ALREADY_EXISTS'],
      [403, 'FORBIDDEN'],
      [400, 'VALIDATION_FAILED'],
      [400, 'VALIDATION_FAILED'],
      [404, 'NOT_FOUND'],
      [400, 'VALIDATION_FAILED'],
    ]);
    expect(await counts()).toEqual(after);
  });
});

describe('drafting and issuing', () => {
  it('drafts a document of a unit, audited, and the unit\'s approver issues it', async () => {
    const before = await counts();
    const res = await hanoiDraft({ number: '120', issuedOn: '2019-03-01', summary: 'Triển khai đến các xã, phường.' });
    expect(res.statusCode, res.body).toBe(201);
    const draft = res.json<PolicyDocumentDetail>();
    expect(draft).toMatchObject({ status: 'draft', numberAndSymbol: '120-KH/TU', issuingUnit: { id: ids.hanoi }, version: 1, restricted: false, can: { edit: true, issue: false } });
    const byEditor = await t.call('POST', `/api/policy-documents/${draft.id}/issue`, { cookie: cookies['hanoi.editor'], body: { version: 1 } });
    expect(byEditor.statusCode).toBe(403);
    const issued = await t.call('POST', `/api/policy-documents/${draft.id}/issue`, { cookie: cookies['hanoi.approver'], body: { version: 1 } });
    expect(issued.statusCode, issued.body).toBe(200);
    expect(issued.json()).toMatchObject({ status: 'issued', version: 2 });
    expect((await counts()).audit).toBe(before.audit + 2);
    const audit = await t.db.selectFrom('audit_log').select(['action', 'unit_id']).where('record_type', '=', 'policy_document').where('record_id', '=', draft.id).orderBy('id').execute();
    expect(audit).toEqual([
      { action: 'policy_document.create', unit_id: ids.hanoi },
      { action: 'policy_document.issue', unit_id: ids.hanoi },
    ]);
    const again = await t.call('POST', `/api/policy-documents/${draft.id}/issue`, { cookie: cookies['hanoi.approver'], body: { version: 2 } });
    expect(again.json().error.code).toBe('INVALID_TRANSITION');
  });

  it('refuses to issue without a number or a date, and a second issued number and symbol in one year (ALREADY_EXISTS with the first)', async () => {
    const noNumber = (await hanoiDraft()).json<PolicyDocumentDetail>();
    const dup = (await t.call('POST', '/api/policy-documents', {
      cookie: cookies.admin,
      body: { kind: 'resolution', issuingUnitId: ids.root, issuingBody: 'Ban Chấp hành Trung ương', number: '25', symbol: 'NQ/TW', issuedOn: '2013-12-01', title: 'Bản nhập trùng' },
    })).json<PolicyDocumentDetail>();
    const otherYear = (await t.call('POST', '/api/policy-documents', {
      cookie: cookies.admin,
      body: { kind: 'resolution', issuingUnitId: ids.root, issuingBody: 'Ban Chấp hành Trung ương', number: '25', symbol: 'NQ/TW', issuedOn: '2014-01-02', title: 'Số 25 năm khác' },
    })).json<PolicyDocumentDetail>();
    const before = await counts();
    const missing = await t.call('POST', `/api/policy-documents/${noNumber.id}/issue`, { cookie: cookies['hanoi.approver'], body: { version: 1 } });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.details.map((d: { path: string }) => d.path)).toEqual(['document.number', 'document.issuedOn']);
    const clash = await t.call('POST', `/api/policy-documents/${dup.id}/issue`, { cookie: cookies.admin, body: { version: 1 } });
    expect(clash.statusCode).toBe(409);
    expect(clash.json().error).toMatchObject({ code: 'ALREADY_EXISTS', details: { documentId: docs.nq25!.id } });
    // Renumbering an issued document onto a taken number is refused the same way.
    const renumber = await t.call('PATCH', `/api/policy-documents/${docs.kl43!.id}`, { cookie: cookies.admin, body: { number: '25', symbol: 'NQ/TW', issuedOn: '2013-07-01', version: docs.kl43!.version } });
    expect(renumber.json().error).toMatchObject({ code: 'ALREADY_EXISTS', details: { documentId: docs.nq25!.id } });
    expect(await counts()).toEqual(before);
    const fine = await t.call('POST', `/api/policy-documents/${otherYear.id}/issue`, { cookie: cookies.admin, body: { version: 1 } });
    expect(fine.statusCode, fine.body).toBe(200);
  });

  it('issues one of two drafts with the same number racing each other; the other gets ALREADY_EXISTS with the winner', async () => {
    const body = { number: '77', issuedOn: '2024-05-05' };
    const a = (await hanoiDraft(body)).json<PolicyDocumentDetail>();
    const b = (await hanoiDraft(body)).json<PolicyDocumentDetail>();
    const before = await counts();
    const answers = await Promise.all([a, b].map((d) => t.call('POST', `/api/policy-documents/${d.id}/issue`, { cookie: cookies['hanoi.approver'], body: { version: 1 } })));
    expect(answers.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const winner = answers.find((r) => r.statusCode === 200)!.json<PolicyDocumentDetail>();
    expect(answers.find((r) => r.statusCode === 409)!.json().error).toMatchObject({ code: 'ALREADY_EXISTS', details: { documentId: winner.id } });
    expect((await counts()).audit).toBe(before.audit + 1);
  });

  it('writes nothing for bad input: unknown kind or unit, validity ending before it starts, an issued document losing its number, foreign units', async () => {
    const before = await counts();
    const attempts = [
      await hanoiDraft({ kind: 'memo' }),
      await hanoiDraft({ issuingUnitId: '999999999' }),
      await hanoiDraft({ validFrom: '2025-01-01', validTo: '2024-12-31' }),
      await hanoiDraft({ restrictedRoles: ['janitor'] }),
      await hanoiDraft({ restrictedRoles: [] }),
      await hanoiDraft({ number: '12 3' }),
      await hanoiDraft({ title: '   ' }),
      await hanoiDraft({ title: 'x'.repeat(1001) }),
      await hanoiDraft({ issuingUnitId: ids.ninhBinh }),
      // The author would no longer read it.
      await hanoiDraft({ restrictedRoles: ['approver'] }),
      await hanoiDraft({ issuedOn: '0000-01-01' }),
      await hanoiDraft({ validFrom: '1800-01-01' }),
      await t.call('PATCH', `/api/policy-documents/${docs.nq25!.id}`, { cookie: cookies.admin, body: { number: null, version: docs.nq25!.version } }),
      await t.call('PATCH', `/api/policy-documents/${docs.nq25!.id}`, { cookie: cookies.admin, body: { validFrom: '2014-01-01', validTo: '2013-01-01', version: docs.nq25!.version } }),
      await t.call('PATCH', `/api/policy-documents/${docs.nq25!.id}`, { cookie: cookies.admin, body: { validTo: '2013-01-01', version: docs.nq25!.version, validFrom: '2013-06-03' } }),
      await t.call('PATCH', `/api/policy-documents/${docs.nq25!.id}`, { cookie: cookies.admin, body: { version: docs.nq25!.version } }),
      await t.call('PATCH', `/api/policy-documents/${docs.nq25!.id}`, { cookie: cookies['hanoi.editor'], body: { title: 'Sửa văn bản Trung ương', version: docs.nq25!.version } }),
    ];
    expect(attempts.map((r) => `${r.statusCode} ${r.json().error?.code}`)).toEqual([
      '400 VALIDATION_FAILED',
      '404 NOT_FOUND',
      '400 VALIDATION_FAILED',
      '400 VALIDATION_FAILED',
      '400 VALIDATION_FAILED',
      '400 VALIDATION_FAILED',
      '400 VALIDATION_FAILED',
      '400 VALIDATION_FAILED',
      '404 NOT_FOUND',
      '400 VALIDATION_FAILED',
      '400 VALIDATION_FAILED',
      '400 VALIDATION_FAILED',
      '400 VALIDATION_FAILED',
      '400 VALIDATION_FAILED',
      '400 VALIDATION_FAILED',
      '400 VALIDATION_FAILED',
      '403 FORBIDDEN',
    ]);
    expect(await counts()).toEqual(before);
  });

  it('lets one of two concurrent edits with the same version win; the other gets CONFLICT with the current version', async () => {
    const draft = (await hanoiDraft()).json<PolicyDocumentDetail>();
    const before = await counts();
    const [a, b] = await Promise.all([
      t.call('PATCH', `/api/policy-documents/${draft.id}`, { cookie: cookies['hanoi.editor'], body: { title: 'Kế hoạch A', version: 1 } }),
      t.call('PATCH', `/api/policy-documents/${draft.id}`, { cookie: cookies['hanoi.editor'], body: { title: 'Kế hoạch B', version: 1 } }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const loser = a.statusCode === 409 ? a : b;
    expect(loser.json().error).toMatchObject({ code: 'CONFLICT', details: { currentVersion: 2 } });
    const after = await counts();
    expect(after.audit).toBe(before.audit + 1);
    expect(after.versions).toBe(before.versions + 1);
  });
});

describe('search', () => {
  it('folds diacritics, case and punctuation: "nghi quyet 25", "25-NQ/TW", "nq 25" and "ket luan 43" find the documents', () => {
    expect(searchWords('25-NQ/TW')).toEqual(['25', 'nq', 'tw']);
    expect(searchWords('  Nghị   QUYẾT, 25 ')).toEqual(['nghi', 'quyet', '25']);
  });

  it('finds the documents by the words people type', async () => {
    const viewer = cookies['badinh.viewer']!;
    const first = async (q: string) => (await search(viewer, `q=${encodeURIComponent(q)}`)).items;
    expect((await first('nghi quyet 25'))[0]?.numberAndSymbol).toBe('25-NQ/TW');
    expect((await first('25-NQ/TW')).map((d) => d.id)).toContain(docs.nq25!.id);
    expect((await first('nq 25')).map((d) => d.id)).toContain(docs.nq25!.id);
    const conclusion = await first('ket luan 43');
    expect(conclusion[0]?.numberAndSymbol).toBe('43-KL/TW');
    expect(conclusion.map((d) => d.id)).not.toContain(docs.qd23!.id);
    expect((await first('quy che dan van 23'))[0]?.id).toBe(docs.qd23!.id);
    expect(await first('khong co van ban nay')).toEqual([]);
  });

  it('filters by kind, status, issuing unit and validity', async () => {
    const admin = cookies.admin!;
    expect((await search(admin, 'kind=conclusion')).items.map((d) => d.id)).toContain(docs.kl43!.id);
    expect((await search(admin, 'kind=conclusion')).items.every((d) => d.kind === 'conclusion')).toBe(true);
    expect((await search(admin, 'status=draft')).items.every((d) => d.status === 'draft')).toBe(true);
    expect((await search(admin, `issuingUnitId=${ids.hanoi}`)).items.every((d) => d.issuingUnit.id === ids.hanoi)).toBe(true);
    await t.call('PATCH', `/api/policy-documents/${docs.qd290!.id}`, { cookie: admin, body: { validFrom: '2010-02-25', validTo: '2021-07-30', version: docs.qd290!.version } });
    const in2015 = (await search(admin, 'validOn=2015-01-01&kind=regulation')).items.map((d) => d.id);
    expect(in2015).toContain(docs.qd290!.id);
    expect((await search(admin, 'validOn=2022-01-01&kind=regulation')).items.map((d) => d.id)).not.toContain(docs.qd290!.id);
  });
});

describe('who reads what', () => {
  it('reads documents issued above (units below read what was issued to them) and below, never beside', async () => {
    const hanoiDoc = (await hanoiDraft({ title: 'Kế hoạch của Thành ủy Hà Nội' })).json<PolicyDocumentDetail>();
    const baDinhDoc = await buildPolicyDocument(t.db, { unitId: ids.baDinh, title: 'Kế hoạch của phường Ba Đình' });
    expect((await t.call('GET', `/api/policy-documents/${docs.nq25!.id}`, { cookie: cookies['badinh.viewer'] })).statusCode).toBe(200);
    const fromBelow = await t.call('GET', `/api/policy-documents/${hanoiDoc.id}`, { cookie: cookies['badinh.viewer'] });
    expect(fromBelow.statusCode).toBe(200);
    expect(fromBelow.json().can).toEqual({ edit: false, issue: false });
    expect((await t.call('GET', `/api/policy-documents/${baDinhDoc.id}`, { cookie: cookies['hanoi.viewer'] })).statusCode).toBe(200);
    expect((await t.call('GET', `/api/policy-documents/${hanoiDoc.id}`, { cookie: cookies['ninhbinh.viewer'] })).statusCode).toBe(404);
    expect((await t.call('GET', `/api/policy-documents/${baDinhDoc.id}`, { cookie: cookies['ninhbinh.viewer'] })).statusCode).toBe(404);
    const ninhBinhList = await search(cookies['ninhbinh.viewer']!, 'limit=200');
    expect(ninhBinhList.items.map((d) => d.id)).not.toContain(hanoiDoc.id);
    expect(ninhBinhList.items.map((d) => d.id)).toContain(docs.nq25!.id);
    // Editing stays with the issuing unit: a commune's editor reads the province's plan but cannot change it.
    const edit = await t.call('PATCH', `/api/policy-documents/${hanoiDoc.id}`, { cookie: cookies['badinh.editor'], body: { title: 'Sửa từ dưới', version: 1 } });
    expect(edit.statusCode).toBe(403);
  });

  it('leaves a restricted document out of lists, counts and search for other roles, and answers 404 to them', async () => {
    const secret = await hanoiDraft({ title: 'Kế hoạch ZZHANCHE về công tác nội bộ', restrictedRoles: ['editor', 'approver'] });
    expect(secret.statusCode, secret.body).toBe(201);
    const id = secret.json<PolicyDocumentDetail>().id;
    const viewerQ = await search(cookies['hanoi.viewer']!, 'q=zzhanche');
    expect(viewerQ).toEqual({ items: [], total: 0 });
    const all = await search(cookies['hanoi.viewer']!, `issuingUnitId=${ids.hanoi}&limit=200`);
    const allForApprover = await search(cookies['hanoi.approver']!, `issuingUnitId=${ids.hanoi}&limit=200`);
    expect(all.items.map((d) => d.id)).not.toContain(id);
    expect(allForApprover.items.map((d) => d.id)).toContain(id);
    expect(allForApprover.total).toBe(all.total + 1);
    expect((await t.call('GET', `/api/policy-documents/${id}`, { cookie: cookies['hanoi.viewer'] })).statusCode).toBe(404);
    expect((await t.call('GET', `/api/policy-documents/${id}`, { cookie: cookies['badinh.viewer'] })).statusCode).toBe(404);
    const forApprover = await t.call('GET', `/api/policy-documents/${id}`, { cookie: cookies['hanoi.approver'] });
    expect(forApprover.json()).toMatchObject({ restricted: true, restrictedRoles: ['editor', 'approver'] });
    expect((await search(cookies['hanoi.approver']!, 'q=zzhanche')).total).toBe(1);
    // Its link to a public document does not show it to those who may not read it.
    await t.call('PUT', `/api/policy-documents/${id}/links`, { cookie: cookies['hanoi.editor'], body: { implements: [docs.kl43!.id], version: 1 } });
    const kl43ForViewer = (await t.call('GET', `/api/policy-documents/${docs.kl43!.id}`, { cookie: cookies['hanoi.viewer'] })).json<PolicyDocumentDetail>();
    expect(kl43ForViewer.links.map((l) => l.document.id)).not.toContain(id);
    expect((await search(cookies['hanoi.viewer']!, `implements=${docs.kl43!.id}`)).items.map((d) => d.id)).not.toContain(id);
    expect((await search(cookies['hanoi.editor']!, `implements=${docs.kl43!.id}`)).items.map((d) => d.id)).toContain(id);
  });
});

describe('links', () => {
  it('records that 43-KL/TW implements 25-NQ/TW and 23-QĐ/TW replaces 290-QĐ/TW, seen from both sides', async () => {
    const before = await counts();
    const kl = await t.call('PUT', `/api/policy-documents/${docs.kl43!.id}/links`, { cookie: cookies.admin, body: { implements: [docs.nq25!.id], version: (await current(docs.kl43!.id)).version } });
    expect(kl.statusCode, kl.body).toBe(200);
    expect(kl.json<PolicyDocumentDetail>().links.filter((l) => l.direction === 'outgoing')).toEqual([expect.objectContaining({ kind: 'implements', direction: 'outgoing', document: expect.objectContaining({ id: docs.nq25!.id, numberAndSymbol: '25-NQ/TW' }) })]);
    const qd = await t.call('PUT', `/api/policy-documents/${docs.qd23!.id}/links`, { cookie: cookies.admin, body: { replaces: [docs.qd290!.id], version: (await current(docs.qd23!.id)).version } });
    expect(qd.statusCode, qd.body).toBe(200);
    const nq = await current(docs.nq25!.id);
    expect(nq.links).toEqual([expect.objectContaining({ kind: 'implements', direction: 'incoming', document: expect.objectContaining({ id: docs.kl43!.id }) })]);
    expect((await search(cookies['badinh.viewer']!, `implements=${docs.nq25!.id}`)).items.map((d) => d.id)).toEqual([docs.kl43!.id]);
    const after = await counts();
    expect(after.links).toBe(before.links + 2);
    expect(after.audit).toBe(before.audit + 2);
  });

  it('refuses a replaces cycle (SUCCESSION_CYCLE), a link to itself or to an unknown document, writing nothing', async () => {
    const v290 = (await current(docs.qd290!.id)).version;
    const before = await counts();
    const cycle = await t.call('PUT', `/api/policy-documents/${docs.qd290!.id}/links`, { cookie: cookies.admin, body: { replaces: [docs.qd23!.id], version: v290 } });
    expect(cycle.statusCode).toBe(409);
    expect(cycle.json().error.code).toBe('SUCCESSION_CYCLE');
    // A longer chain: 290 ← 23 ← X, then 290 replacing X closes it.
    const x = (await t.call('POST', '/api/policy-documents', { cookie: cookies.admin, body: { kind: 'regulation', issuingUnitId: ids.root, issuingBody: 'Bộ Chính trị', symbol: 'QĐ/TW', title: 'Dự thảo quy chế mới' } })).json<PolicyDocumentDetail>();
    await t.call('PUT', `/api/policy-documents/${x.id}/links`, { cookie: cookies.admin, body: { replaces: [docs.qd23!.id], version: 1 } });
    const mid = await counts();
    const longCycle = await t.call('PUT', `/api/policy-documents/${docs.qd290!.id}/links`, { cookie: cookies.admin, body: { replaces: [x.id], version: v290 } });
    expect(longCycle.json().error.code).toBe('SUCCESSION_CYCLE');
    const self = await t.call('PUT', `/api/policy-documents/${docs.qd290!.id}/links`, { cookie: cookies.admin, body: { replaces: [docs.qd290!.id], version: v290 } });
    expect(self.json().error.code).toBe('SUCCESSION_CYCLE');
    const selfImpl = await t.call('PUT', `/api/policy-documents/${docs.qd290!.id}/links`, { cookie: cookies.admin, body: { implements: [docs.qd290!.id], version: v290 } });
    expect(selfImpl.json().error.code).toBe('VALIDATION_FAILED');
    const unknown = await t.call('PUT', `/api/policy-documents/${docs.qd290!.id}/links`, { cookie: cookies.admin, body: { amends: ['999999999'], version: v290 } });
    expect(unknown.json().error).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ path: 'body.amends.0' }] });
    const stale = await t.call('PUT', `/api/policy-documents/${docs.qd290!.id}/links`, { cookie: cookies.admin, body: { amends: [docs.nq25!.id], version: v290 + 5 } });
    expect(stale.json().error).toMatchObject({ code: 'CONFLICT', details: { currentVersion: v290 } });
    expect(await counts()).toEqual(mid);
    expect(mid.links).toBe(before.links + 1);
  });
});

describe('attachments', () => {
  const upload = (docId: string, fileName: string, data: Buffer, cookie = cookies['hanoi.editor']!) => {
    const { payload, headers } = multipartFile(fileName, data, 'application/octet-stream');
    return t.app.inject({ method: 'POST', url: `/api/policy-documents/${docId}/attachments`, payload, headers: { ...headers, cookie } });
  };

  it('takes a PDF and a DOCX, serves them to readers, and hides one on removal', async () => {
    const doc = (await hanoiDraft()).json<PolicyDocumentDetail>();
    const pdf = samplePdf();
    const a = await upload(doc.id, 'Kế hoạch 120.pdf', pdf);
    expect(a.statusCode, a.body).toBe(201);
    const b = await upload(doc.id, 'du-thao.docx', sampleDocx());
    expect(b.statusCode, b.body).toBe(201);
    expect(b.json().contentType).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    const file = await t.call('GET', `/api/policy-document-attachments/${a.json().id}`, { cookie: cookies['badinh.viewer'] });
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(file.rawPayload.equals(pdf)).toBe(true);
    expect((await t.call('GET', `/api/policy-document-attachments/${a.json().id}`, { cookie: cookies['ninhbinh.viewer'] })).statusCode).toBe(404);
    const detail = await current(doc.id);
    expect(detail.attachments.map((x) => x.fileName)).toEqual(['Kế hoạch 120.pdf', 'du-thao.docx']);
    expect(detail.attachmentCount).toBe(2);
    expect(detail.version).toBe(1);
    const byViewer = await t.call('DELETE', `/api/policy-document-attachments/${a.json().id}`, { cookie: cookies['hanoi.viewer'] });
    expect(byViewer.statusCode).toBe(403);
    const removed = await t.call('DELETE', `/api/policy-document-attachments/${a.json().id}`, { cookie: cookies['hanoi.editor'] });
    expect(removed.statusCode).toBe(204);
    expect((await t.call('GET', `/api/policy-document-attachments/${a.json().id}`, { cookie: cookies['hanoi.editor'] })).statusCode).toBe(404);
    expect((await current(doc.id)).attachments.map((x) => x.fileName)).toEqual(['du-thao.docx']);
    const kept = await t.db.selectFrom('policy_document_attachments').select(['hidden_at']).where('id', '=', a.json().id).executeTakeFirstOrThrow();
    expect(kept.hidden_at).not.toBeNull();
  });

  it('refuses a forged DOCX (a zip without word/document.xml), a renamed PNG, a wrong extension and a file too large, storing nothing', async () => {
    const doc = (await hanoiDraft()).json<PolicyDocumentDetail>();
    const before = await counts();
    const forged = await upload(doc.id, 'bao-cao.docx', forgedDocx());
    expect([forged.statusCode, forged.json().error.code]).toEqual([415, 'UNSUPPORTED_FILE']);
    const png = await upload(doc.id, 'quyet-dinh.pdf', SAMPLE_FILES.png);
    expect([png.statusCode, png.json().error.code]).toEqual([415, 'UNSUPPORTED_FILE']);
    const pdfAsDocx = await upload(doc.id, 'quyet-dinh.docx', samplePdf());
    expect(pdfAsDocx.json().error.code).toBe('UNSUPPORTED_FILE');
    const xlsxLike = await upload(doc.id, 'so-lieu.docx', Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(40)]));
    expect(xlsxLike.json().error.code).toBe('UNSUPPORTED_FILE');
    const big = await upload(doc.id, 'lon.pdf', Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(20 * 1024 * 1024 + 1)]));
    expect([big.statusCode, big.json().error.code]).toEqual([413, 'FILE_TOO_LARGE']);
    const empty = await upload(doc.id, 'rong.pdf', Buffer.alloc(0));
    expect(empty.json().error.code).toBe('VALIDATION_FAILED');
    const viewer = await upload(doc.id, 'x.pdf', samplePdf(), cookies['hanoi.viewer']);
    expect(viewer.statusCode).toBe(403);
    const below = await upload(doc.id, 'x.pdf', samplePdf(), cookies['badinh.editor']);
    expect(below.statusCode).toBe(403);
    expect(await counts()).toEqual(before);
  });
});

describe('OpenAPI', () => {
  it('lists the routes of policy documents', async () => {
    const doc = (await t.call('GET', '/api/openapi.json')).json<{ paths: Record<string, Record<string, unknown>> }>();
    const routes = Object.entries(doc.paths)
      .filter(([p]) => p.startsWith('/api/policy-document'))
      .flatMap(([p, methods]) => Object.keys(methods).map((m) => `${m.toUpperCase()} ${p}`))
      .sort();
    expect(routes).toEqual(
      [
        'GET /api/policy-document-kinds',
        'POST /api/policy-document-kinds',
        'PATCH /api/policy-document-kinds/{code}',
        'GET /api/policy-documents',
        'POST /api/policy-documents',
        'GET /api/policy-documents/{id}',
        'PATCH /api/policy-documents/{id}',
        'POST /api/policy-documents/{id}/issue',
        'PUT /api/policy-documents/{id}/links',
        'POST /api/policy-documents/{id}/attachments',
        'GET /api/policy-document-attachments/{id}',
        'DELETE /api/policy-document-attachments/{id}',
        // A document's plans and roll-up (the tasks module, slice 2).
        'GET /api/policy-documents/{id}/plans',
        'POST /api/policy-documents/{id}/plans',
        'GET /api/policy-documents/{id}/rollup',
      ].sort(),
    );
    const upload = doc.paths['/api/policy-documents/{id}/attachments']!.post as { requestBody: { content: Record<string, unknown> } };
    expect(Object.keys(upload.requestBody.content)).toEqual(['multipart/form-data']);
  });
});

async function current(id: string): Promise<PolicyDocumentDetail> {
  return (await t.call('GET', `/api/policy-documents/${id}`, { cookie: cookies.admin })).json();
}
