import { beforeAll, describe, expect, it } from 'vitest';
import type { CitizenDecision, GrassrootsFigures, ItemYearList, Publication, PublicGrassroots } from '../../../common/grassroots.js';
import { buildUnit, buildUser, unitByCode } from '../../test/factories.js';
import { createTestApp, type TestApp } from '../../test/test-app.js';
import { loadDemoGrassroots } from '../../demo/demo-grassroots.js';

let t: TestApp;
const cookies: Record<string, string> = {};
let ids: { ninhBinh: string; commune: string; other: string; front: string };
const BASE = '/api/grassroots';

beforeAll(async () => {
  t = await createTestApp();
  const ninhBinh = await unitByCode(t.db, 'province', '37');
  const communes = await t.db.selectFrom('units').select('id').where('parent_id', '=', ninhBinh.id).where('kind', '=', 'commune').where('valid_to', 'is', null).orderBy('code').limit(2).execute();
  const front = await buildUnit(t.db, { parentId: communes[0]!.id, kind: 'fatherland_front', name: 'Ủy ban MTTQ xã' });
  const otherFront = await buildUnit(t.db, { parentId: communes[1]!.id, kind: 'fatherland_front', name: 'Ủy ban MTTQ xã bên' });
  ids = { ninhBinh: ninhBinh.id, commune: communes[0]!.id, other: communes[1]!.id, front: front.id };
  const users: [string, string, 'editor' | 'approver' | 'viewer'][] = [
    ['gr.editor', communes[0]!.id, 'editor'],
    ['gr.front', front.id, 'editor'],
    ['gr.otherfront', otherFront.id, 'editor'],
    ['gr.approver', ninhBinh.id, 'approver'],
    ['gr.viewer', ninhBinh.id, 'viewer'],
  ];
  for (const [username, unitId, role] of users) {
    await buildUser(t.db, { username, grants: [{ unitId, role }] });
    cookies[username.slice(3)] = await t.login(username);
  }
}, 180_000);

const n = async (table: 'publications' | 'citizen_decisions' | 'audit_log') => Number((await t.db.selectFrom(table).select(t.db.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);
const counts = async () => ({ publications: await n('publications'), decisions: await n('citizen_decisions'), audit: await n('audit_log') });

const publication = (extra: Record<string, unknown> = {}) => ({
  unitId: ids.commune,
  itemCode: 'budget',
  documentTitle: 'Nghị quyết số 12/NQ-HĐND về dự toán ngân sách xã năm 2025',
  documentDate: '2025-01-05',
  forms: ['notice_board', 'loudspeaker'],
  publishedOn: '2025-01-10',
  ...extra,
});
const decision = (extra: Record<string, unknown> = {}) => ({
  unitId: ids.commune,
  village: 'Thôn Trung',
  matterCode: 'infrastructure_contribution',
  subject: 'Đóng góp làm đường bê tông nội thôn',
  method: 'meeting',
  decidedOn: '2025-03-02',
  eligibleHouseholds: 200,
  householdsTakingPart: 150,
  inFavour: 120,
  against: 20,
  ...extra,
});
const post = (url: string, body: unknown, cookie = cookies.editor) => t.call('POST', `${BASE}/${url}`, { cookie, body });

describe('publications and the items a commune must publish', () => {
  it('marks a publication late past the item\'s deadline and lists each required item\'s state for the year', async () => {
    const onTime = await post('publications', publication({ itemCode: 'fees_charges', documentTitle: 'Quyết định mức thu phí chợ', documentDate: '2025-02-01', publishedOn: '2025-02-20' }));
    expect(onTime.statusCode, onTime.body).toBe(201);
    expect((onTime.json() as Publication).late).toBe(false);
    // The budget's deadline is 30 days from the document (data, to confirm): 5/1 → 20/3 is late.
    const late = await post('publications', publication({ publishedOn: '2025-03-20' }));
    expect(late.statusCode, late.body).toBe(201);
    expect(late.json() as Publication).toMatchObject({ late: true, publicState: 'private', forms: ['notice_board', 'loudspeaker'] });
    const items = (await t.call('GET', `${BASE}/items?unitId=${ids.commune}&year=2025`, { cookie: cookies.editor })).json() as ItemYearList;
    const state = Object.fromEntries(items.items.map((i) => [i.itemCode, i.state]));
    expect(state).toMatchObject({ fees_charges: 'published', budget: 'overdue', socioeconomic_plan: 'never', officials_procedures: 'never', complaints_results: 'never' });
    // An item not required every year shows only once published.
    expect(state.inspection_results).toBeUndefined();
    expect(items.items.find((i) => i.itemCode === 'budget')).toMatchObject({ publications: 1, lastPublishedOn: '2025-03-20' });
  });

  it('refuses a publication dated before its document, naming the field, and writes nothing', async () => {
    const before = await counts();
    const cases: [Record<string, unknown>, string][] = [
      [{ documentDate: '2025-05-10', publishedOn: '2025-05-01' }, 'body.publishedOn'],
      [{ postedUntil: '2025-01-09' }, 'body.postedUntil'],
      [{ forms: ['notice_board', 'carrier_pigeon'] }, 'body.forms[1]'],
      [{ itemCode: 'horoscope' }, 'body.itemCode'],
    ];
    for (const [extra, path] of cases) {
      const res = await post('publications', publication(extra));
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().error).toMatchObject({ code: 'VALIDATION_FAILED', details: [expect.objectContaining({ path })] });
    }
    expect(await counts()).toEqual(before);
  });

  it('lets the commune\'s Front committee write the commune\'s records, not another commune\'s', async () => {
    const res = await post('publications', publication({ itemCode: 'consultation_results', documentTitle: 'Kết quả lấy ý kiến về quy hoạch chợ' }), cookies.front);
    expect(res.statusCode, res.body).toBe(201);
    const list = await t.call('GET', `${BASE}/publications?unitId=${ids.commune}&year=2025`, { cookie: cookies.front });
    expect(list.json().items.map((p: Publication) => p.documentTitle)).toContain('Kết quả lấy ý kiến về quy hoạch chợ');
    const before = await counts();
    const other = await post('publications', publication({ unitId: ids.commune }), cookies.otherfront);
    expect(other.statusCode).toBe(404);
    const asViewer = await post('publications', publication(), cookies.viewer);
    expect(asViewer.statusCode).toBe(403);
    // An organization is not a commune: its records would count nowhere.
    const onFront = await post('publications', publication({ unitId: ids.front }), cookies.front);
    expect(onFront.json().error).toMatchObject({ code: 'VALIDATION_FAILED', details: [expect.objectContaining({ path: 'body.unitId' })] });
    expect(await counts()).toEqual(before);
  });

  it('refuses a stale version with CONFLICT', async () => {
    const p = (await post('publications', publication({ itemCode: 'other_items', documentTitle: 'Thông báo lịch tiếp công dân' }))).json() as Publication;
    const first = await t.call('PATCH', `${BASE}/publications/${p.id}`, { cookie: cookies.editor, body: { evidence: 'Ảnh chụp bảng tin', version: p.version } });
    expect(first.statusCode, first.body).toBe(200);
    const stale = await t.call('PATCH', `${BASE}/publications/${p.id}`, { cookie: cookies.editor, body: { evidence: 'Biên bản niêm yết', version: p.version } });
    expect(stale.json().error.code).toBe('CONFLICT');
  });
});

describe('citizens\' decisions', () => {
  it('computes passed from the threshold in force: more than half the households taking part and agreeing', async () => {
    const cases: [Record<string, unknown>, boolean][] = [
      [{}, true],
      [{ inFavour: 100, against: 40 }, false], // 100 of 200 households is not more than half
      [{ householdsTakingPart: 100, inFavour: 100, against: 0 }, false], // half the households took part: not more than half
      [{ method: 'household_ballot', householdsTakingPart: 180, inFavour: 101, against: 70 }, true],
    ];
    for (const [extra, passed] of cases) {
      const res = await post('decisions', decision(extra));
      expect(res.statusCode, res.body).toBe(201);
      expect((res.json() as CitizenDecision).passed, JSON.stringify(extra)).toBe(passed);
    }
    // Before the law came into force no threshold applies: not passed, and no threshold named.
    const early = (await post('decisions', decision({ decidedOn: '2023-03-01' }))).json() as CitizenDecision;
    expect(early).toMatchObject({ passed: false, thresholdId: null });
  });

  it('refuses a tally larger than the households, writing nothing', async () => {
    const before = await counts();
    const cases: [Record<string, unknown>, string][] = [
      [{ householdsTakingPart: 201 }, 'body.householdsTakingPart'],
      [{ inFavour: 140, against: 20 }, 'body.inFavour'],
      [{ resultPublishedOn: '2025-03-01' }, 'body.resultPublishedOn'],
      [{ approvedOn: '2025-04-01', approvalNumber: '15/QĐ-UBND' }, 'body.approvedOn'],
      [{ matterCode: 'lottery' }, 'body.matterCode'],
    ];
    for (const [extra, path] of cases) {
      const res = await post('decisions', decision(extra));
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().error).toMatchObject({ code: 'VALIDATION_FAILED', details: [expect.objectContaining({ path })] });
    }
    expect(await counts()).toEqual(before);
  });

  it('records a village covenant decided by household ballot with the commune\'s approval', async () => {
    const res = await post(
      'decisions',
      decision({ matterCode: 'village_covenant', subject: 'Hương ước thôn Trung', method: 'household_ballot', approvedOn: '2025-04-10', approvalNumber: '45/QĐ-UBND', resultPublishedOn: '2025-03-05', resultForm: 'village_meeting' }),
    );
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ passed: true, approvedOn: '2025-04-10', approvalNumber: '45/QĐ-UBND', resultForm: 'village_meeting' });
  });
});

describe('the public page', () => {
  it('shows a record marked public only after a review by data.approve, and again after a change is reviewed', async () => {
    const p = (await post('publications', publication({ itemCode: 'socioeconomic_plan', documentTitle: 'Kế hoạch phát triển kinh tế - xã hội năm 2025', public: true }))).json() as Publication;
    expect(p.publicState).toBe('pending');
    const pending = async () => ((await t.call('GET', `${BASE}/pending?unitId=${ids.ninhBinh}`, { cookie: cookies.approver })).json() as { publications: Publication[] }).publications.map((x) => x.id);
    expect(await pending()).toContain(p.id);
    const view = async () => (await t.call('GET', `/api/public/grassroots?unitId=${ids.commune}`)).json() as PublicGrassroots;
    expect((await view()).publications.map((x) => x.documentTitle)).not.toContain(p.documentTitle);
    const byEditor = await post(`publications/${p.id}/review`, { approve: true, version: p.version });
    expect(byEditor.statusCode).toBe(403);
    const ok = await post(`publications/${p.id}/review`, { approve: true, version: p.version }, cookies.approver);
    expect(ok.statusCode, ok.body).toBe(200);
    expect((await view()).publications.map((x) => x.documentTitle)).toContain(p.documentTitle);
    expect(await pending()).not.toContain(p.id);
    // Saving the form unchanged (it sends every field, and `public`) leaves it on the page, and the audit names no field.
    const same = await t.call('PATCH', `${BASE}/publications/${p.id}`, {
      cookie: cookies.editor,
      body: { itemCode: p.itemCode, documentTitle: p.documentTitle, documentDate: p.documentDate, forms: p.forms, publishedOn: p.publishedOn, postedUntil: p.postedUntil, evidence: p.evidence, public: true, version: ok.json().version },
    });
    expect(same.statusCode, same.body).toBe(200);
    expect(same.json().publicState).toBe('approved');
    const audit = await t.db.selectFrom('audit_log').select(['before', 'after']).where('record_id', '=', p.id).where('action', '=', 'publication.update').orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(Object.keys(audit.after as object)).toEqual(['publicState']);
    // A change to an approved record takes it off the page until it is reviewed again.
    const changed = await t.call('PATCH', `${BASE}/publications/${p.id}`, { cookie: cookies.editor, body: { documentTitle: 'Kế hoạch phát triển kinh tế - xã hội năm 2025 (sửa đổi)', version: same.json().version } });
    expect(changed.json().publicState).toBe('pending');
    expect((await view()).publications).toHaveLength(0);
    const again = await post(`publications/${p.id}/review`, { approve: true, version: changed.json().version }, cookies.approver);
    expect(again.statusCode).toBe(200);
    const twice = await post(`publications/${p.id}/review`, { approve: true, version: again.json().version }, cookies.approver);
    expect(twice.json().error.code).toBe('INVALID_TRANSITION');
  });
});

describe('figures', () => {
  it('lets the commune\'s Front committee read the commune\'s figures, as it reads its lists', async () => {
    const items = await t.call('GET', `${BASE}/items?unitId=${ids.commune}&year=2025`, { cookie: cookies.front });
    expect(items.statusCode, items.body).toBe(200);
    const f = await t.call('GET', `${BASE}/figures?unitId=${ids.commune}&year=2025`, { cookie: cookies.front });
    expect(f.statusCode, f.body).toBe(200);
    expect((await t.call('GET', `${BASE}/figures?unitId=${ids.other}&year=2025`, { cookie: cookies.front })).statusCode).toBe(404);
  });

  it('rolls a province\'s year up by commune, agreeing with each commune\'s list of items', async () => {
    const f = (await t.call('GET', `${BASE}/figures?unitId=${ids.ninhBinh}&year=2025`, { cookie: cookies.viewer })).json() as GrassrootsFigures;
    const items = (await t.call('GET', `${BASE}/items?unitId=${ids.commune}&year=2025`, { cookie: cookies.viewer })).json() as ItemYearList;
    const decisions = (await t.call('GET', `${BASE}/decisions?unitId=${ids.commune}&year=2025`, { cookie: cookies.viewer })).json() as { items: CitizenDecision[]; total: number };
    const row = f.children.find((c) => c.unit?.id === ids.commune)!;
    const countOf = (s: string) => items.items.filter((i) => i.state === s).length;
    expect(row).toMatchObject({ communes: 1, itemsPublished: countOf('published'), itemsOverdue: countOf('overdue'), itemsNever: countOf('never'), decisions: decisions.total });
    expect(row.decisionsPassed).toBe(decisions.items.filter((d) => d.passed).length);
    expect(row.covenants).toBe(1);
    const communes = Number((await t.db.selectFrom('units').select(t.db.fn.countAll<string>().as('n')).where('kind', '=', 'commune').where('valid_to', 'is', null).where('path', '<@' as never, (await t.db.selectFrom('units').select('path').where('id', '=', ids.ninhBinh).executeTakeFirstOrThrow()).path).executeTakeFirstOrThrow()).n);
    expect(f.total.communes).toBe(communes);
    expect(f.total.itemsNever).toBe(f.children.reduce((a, c) => a + c.itemsNever, 0));
    // A commune with nothing published misses every required item.
    const required = items.items.filter((i) => i.requiredYearly).length;
    expect(f.children.find((c) => c.unit?.id === ids.other)?.itemsNever).toBe(required);
  });
});

describe('the demo', () => {
  it('loads one Ninh Bình commune\'s year once: one item overdue, a covenant by household ballot, public after review', async () => {
    const first = await loadDemoGrassroots(t.db, t.ctx, 2026);
    expect(first.grassrootsRecords).toBe(7);
    expect((await loadDemoGrassroots(t.db, t.ctx, 2026)).grassrootsRecords).toBe(0);
    const pub = await t.db.selectFrom('publications').select('unit_id').where('document_title', '=', 'Nghị quyết về dự toán ngân sách xã năm 2026').executeTakeFirstOrThrow();
    const items = (await t.call('GET', `${BASE}/items?unitId=${pub.unit_id}&year=2026`, { cookie: cookies.viewer })).json() as ItemYearList;
    expect(items.items.filter((i) => i.state === 'overdue').map((i) => i.itemCode)).toEqual(['socioeconomic_plan']);
    const decisions = (await t.call('GET', `${BASE}/decisions?unitId=${pub.unit_id}&year=2026`, { cookie: cookies.viewer })).json() as { items: CitizenDecision[] };
    expect(decisions.items.find((d) => d.matterCode === 'village_covenant')).toMatchObject({ method: 'household_ballot', passed: true, publicState: 'approved' });
    const shown = (await t.call('GET', `/api/public/grassroots?unitId=${pub.unit_id}`)).json() as PublicGrassroots;
    expect(shown.decisions.map((d) => d.subject)).toEqual(['Hương ước thôn Trì Chính (sửa đổi, bổ sung)']);
    expect(shown.publications).toHaveLength(1);
    // The budget's posting minutes are its evidence file: a real .docx, on the staff's list, never on the public page.
    const budget = (await t.call('GET', `${BASE}/publications?unitId=${pub.unit_id}&year=2026`, { cookie: cookies.viewer })).json() as { items: Publication[] };
    const files = budget.items.find((p) => p.itemCode === 'budget')!.files;
    expect(files.map((f) => f.fileName)).toEqual(['bien-ban-niem-yet-du-toan-ngan-sach.docx']);
    expect(JSON.stringify(shown)).not.toContain('bien-ban-niem-yet');
  });
});
