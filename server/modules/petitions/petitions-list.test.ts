/**
 * The officers' petitions list (issue 12): one text search over number, title, tracking code and —
 * only where the caller reads identities — the submitter's name (each match by name audited); the
 * XLSX / CSV export with the receiving unit and the screen's words, refused past its limit; and the
 * "Giao xử lý" rule: only the handling unit's subtree, told with a specific error naming it.
 */
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import type { PetitionSummary } from '../../../common/petitions.js';
import vi from '../../../web/locales/vi.json' with { type: 'json' };
import { buildUnit, buildUser, unitByCode } from '../../test/factories.js';
import { createTestApp, type TestApp } from '../../test/test-app.js';
import { PETITION_HEADERS, PETITION_WORDS } from './petitions-export.js';
import { buildPetition } from './petitions.factories.js';
import { EXPORT_MAX_ROWS, petitionTextSearch } from './petitions.service.js';

let t: TestApp;
const cookies: Record<string, string> = {};
let units: { hanoi: { id: string; name: string }; baDinh: { id: string; name: string }; ngocHa: { id: string; name: string } };
let p1: Awaited<ReturnType<typeof buildPetition>>;
let p2: Awaited<ReturnType<typeof buildPetition>>;

beforeAll(async () => {
  t = await createTestApp();
  const [hanoi, baDinh, ngocHa] = await Promise.all([unitByCode(t.db, 'province', '01'), unitByCode(t.db, 'commune', '00004'), unitByCode(t.db, 'commune', '00008')]);
  units = { hanoi, baDinh, ngocHa };
  const users: [string, { unitId: string; role: 'approver' | 'editor' | 'viewer' }[]][] = [
    ['approver', [{ unitId: hanoi.id, role: 'approver' }]],
    ['editor', [{ unitId: hanoi.id, role: 'editor' }]],
    // Reads all of Hà Nội, but identities only in Ba Đình.
    ['mixed', [{ unitId: hanoi.id, role: 'viewer' }, { unitId: baDinh.id, role: 'approver' }]],
    ['badinh', [{ unitId: baDinh.id, role: 'approver' }]],
  ];
  for (const [name, grants] of users) {
    await buildUser(t.db, { username: `pl.${name}`, grants });
    cookies[name] = await t.login(`pl.${name}`);
  }
  p1 = await buildPetition(t.db, { unitId: baDinh.id, title: 'Đèn đường ngõ 7 bị hỏng', submitterName: 'Lê Thị Hoa' });
  p2 = await buildPetition(t.db, { unitId: ngocHa.id, title: 'Tiếng ồn quán karaoke', submitterName: 'Lê Thị Hoa' });
});

type Page = { items: PetitionSummary[]; total: number };
const list = async (cookie: string, query: string) => {
  const res = await t.call('GET', `/api/petitions?status=received&unitId=${units.hanoi.id}&${query}`, { cookie });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<Page>();
};
const found = (page: Page) => page.items.map((i) => i.id).sort();
const nameAudits = () => t.db.selectFrom('audit_log').select(['actor_name', 'record_id', 'unit_id']).where('action', '=', 'petition.identity.search').orderBy('id').execute();

describe('the text search (q)', () => {
  it('reads a number with or without its year, and anything else as text', () => {
    expect(petitionTextSearch('12', [])).toEqual({ kind: 'number', number: 12 });
    expect(petitionTextSearch(' 12 / 2026 ', [])).toEqual({ kind: 'number', number: 12, year: 2026 });
    expect(petitionTextSearch('ngõ 12', [])).toEqual({ kind: 'text', text: 'ngõ 12', nameScopes: [] });
    // A tracking code typed by hand: lower case, no dashes, O for 0 and I for 1 (Crockford).
    expect(petitionTextSearch('abcd efgh jkmn', 'everywhere')).toEqual({ kind: 'text', text: 'abcd efgh jkmn', nameScopes: 'everywhere', trackingCode: 'ABCD-EFGH-JKMN' });
  });

  it('finds a number in every receiving unit that gave it, each with its unit', async () => {
    const { rows } = await sql<{ id: string; number: number }>`select id::text, number from petitions where id in (${p1.id}, ${p2.id})`.execute(t.db);
    const n = rows[0]!.number;
    expect(rows.every((r) => r.number === n)).toBe(true);
    const byNumber = await list(cookies.editor!, `q=${encodeURIComponent(`${n}/2026`)}`);
    expect(found(byNumber)).toEqual([p1.id, p2.id].sort());
    expect(byNumber.items.map((i) => i.unit.name).sort()).toEqual([units.baDinh.name, units.ngocHa.name].sort());
    expect(found(await list(cookies.editor!, `q=${n}`))).toEqual([p1.id, p2.id].sort());
    expect(found(await list(cookies.editor!, `q=${n}/2025`))).toEqual([]);
  });

  it('finds titles with accents and case folded, and a tracking code however it is typed', async () => {
    expect(found(await list(cookies.editor!, 'q=DEN%20DUONG%20ngo'))).toEqual([p1.id]);
    const typed = p2.tracking_code.replace(/-/g, '').toLowerCase();
    expect(found(await list(cookies.editor!, `q=${typed}`))).toEqual([p2.id]);
  });

  it('never matches names for a caller without petitions.identity, and writes nothing', async () => {
    expect(found(await list(cookies.editor!, 'q=le%20thi%20hoa'))).toEqual([]);
    expect(await nameAudits()).toEqual([]);
  });

  it('matches names only where the caller reads identities, and audits each petition matched by name', async () => {
    expect(found(await list(cookies.mixed!, 'q=le%20thi%20hoa'))).toEqual([p1.id]);
    expect(await nameAudits()).toEqual([{ actor_name: 'pl.mixed', record_id: p1.id, unit_id: units.baDinh.id }]);
    expect(found(await list(cookies.approver!, 'q=L%C3%8A%20TH%E1%BB%8A'))).toEqual([p1.id, p2.id].sort());
    expect((await nameAudits()).filter((a) => a.actor_name === 'pl.approver').map((a) => a.record_id).sort()).toEqual([p1.id, p2.id].sort());
    // The words searched for are not in the trail (unit admins read it and may not read identities).
    const after = await t.db.selectFrom('audit_log').select('after').where('action', '=', 'petition.identity.search').execute();
    expect(JSON.stringify(after)).not.toMatch(/hoa|HOA|Hoa/);
  });

  it('refuses a search longer than the limit', async () => {
    const res = await t.call('GET', `/api/petitions?q=${'a'.repeat(101)}`, { cookie: cookies.editor });
    expect(res.json().error.code).toBe('VALIDATION_FAILED');
  });
});

describe('the export', () => {
  it('says what the screen says (web/locales/vi.json)', () => {
    const p = vi.petitions;
    expect(PETITION_WORDS.status).toEqual(p.status);
    expect(PETITION_WORDS.kind).toEqual(p.kind);
    expect(PETITION_WORDS.channel).toEqual(p.channel);
    expect(PETITION_WORDS.due).toEqual(p.due);
    expect(PETITION_WORDS.anonymous).toBe(p.anonymous);
    expect(PETITION_WORDS.erased).toBe(p.erased);
    for (const [key, header] of Object.entries(PETITION_HEADERS)) expect(header, key).toBe((p.fields as Record<string, string>)[key]);
  });

  it('writes the filtered list as XLSX with the receiving unit, real dates and the screen\'s words; identities only when asked and allowed', async () => {
    const res = await t.call('GET', `/api/petitions/export.xlsx?unitId=${units.hanoi.id}&q=den%20duong`, { cookie: cookies.editor });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    const header = (ws.getRow(1).values as unknown[]).slice(1);
    expect(header).toContain('Đơn vị tiếp nhận');
    expect(header).not.toContain('Họ và tên');
    expect(ws.rowCount).toBe(2);
    const row = Object.fromEntries(header.map((h, i) => [h, ws.getRow(2).getCell(i + 1).value]));
    expect(row).toMatchObject({ 'Tiêu đề': 'Đèn đường ngõ 7 bị hỏng', 'Đơn vị tiếp nhận': units.baDinh.name, 'Trạng thái': 'Đã tiếp nhận', 'Loại đơn': 'Kiến nghị, phản ánh' });
    expect(row['Ngày nhận']).toEqual(new Date('2026-11-02T00:00:00Z'));
    expect(ws.getRow(2).getCell(header.indexOf('Ngày nhận') + 1).numFmt).toBe('dd/mm/yyyy');

    const withNames = await t.call('GET', `/api/petitions/export.csv?unitId=${units.hanoi.id}&q=den%20duong&includeIdentity=true`, { cookie: cookies.approver });
    expect(withNames.statusCode).toBe(200);
    expect(withNames.body.split('\r\n')[0]).toContain('Họ và tên');
    expect(withNames.body).toContain('Lê Thị Hoa');
    expect(withNames.body).toContain('02/11/2026');
  });

  it('refuses more rows than one export holds, with how many matched', async () => {
    const org = await buildUnit(t.db, { parentId: units.ngocHa.id, kind: 'youth_union', name: 'Đoàn Thanh niên phường Ngọc Hà' });
    const path = (await t.db.selectFrom('units').select(sql<string>`path::text`.as('path')).where('id', '=', org.id).executeTakeFirstOrThrow()).path;
    await sql`
      insert into petitions (unit_id, unit_path, year, number, kind, channel, anonymous, category_code, title, content, status,
        handling_unit_id, handling_unit_path, received_on, due_on, tracking_code, secret_hash)
      select ${org.id}, ${path}::ltree, 2026, n, 'recommendation', 'mail', true, 'land', 'Kiến nghị số ' || n, 'Nội dung', 'received',
        ${org.id}, ${path}::ltree, '2026-11-02', '2026-11-16', 'T' || lpad(n::text, 11, '0'), 'x'
      from generate_series(1, ${EXPORT_MAX_ROWS + 1}) n`.execute(t.db);
    for (const format of ['xlsx', 'csv']) {
      const res = await t.call('GET', `/api/petitions/export.${format}?unitId=${org.id}`, { cookie: cookies.editor });
      expect(res.statusCode).toBe(400);
      expect(res.json().error).toMatchObject({ code: 'EXPORT_TOO_LARGE', details: { total: EXPORT_MAX_ROWS + 1, max: EXPORT_MAX_ROWS } });
    }
  });
});

describe('assigning ("Giao xử lý")', () => {
  it('offers the handling unit and the units in force below it, and the unit above only for a transfer', async () => {
    const org = await buildUnit(t.db, { parentId: units.baDinh.id, kind: 'youth_union', name: 'Đoàn Thanh niên phường Ba Đình' });
    const p = await buildPetition(t.db, { unitId: units.baDinh.id, status: 'classified' });
    const assign = await t.call('GET', `/api/petitions/${p.id}/handling-units?action=assign`, { cookie: cookies.badinh });
    expect(assign.statusCode, assign.body).toBe(200);
    expect(assign.json()).toMatchObject({ root: { id: units.baDinh.id, name: units.baDinh.name }, parent: null });
    expect(assign.json().items.map((i: { id: string }) => i.id)).toContain(org.id);
    const searched = (await t.call('GET', `/api/petitions/${p.id}/handling-units?action=assign&q=thanh%20nien`, { cookie: cookies.badinh })).json();
    expect(searched.items.map((i: { id: string }) => i.id)).toEqual([org.id]);
    // Ngọc Hà is a unit the province approver reads, but not below Ba Đình.
    const elsewhere = (await t.call('GET', `/api/petitions/${p.id}/handling-units?action=assign&q=ngoc%20ha`, { cookie: cookies.approver })).json();
    expect(elsewhere.items).toEqual([]);
    const transfer = (await t.call('GET', `/api/petitions/${p.id}/handling-units?action=transfer`, { cookie: cookies.badinh })).json();
    expect(transfer.parent).toEqual({ id: units.hanoi.id, name: units.hanoi.name });
    expect((await t.call('GET', `/api/petitions/${p.id}/handling-units`, { cookie: cookies.editor })).statusCode).toBe(403);
  });

  it('refuses a unit outside the subtree with UNIT_OUTSIDE_SUBTREE naming the allowed root, and records nothing', async () => {
    const p = await buildPetition(t.db, { unitId: units.baDinh.id, status: 'classified' });
    const before = await t.db.selectFrom('petition_transitions').select(t.db.fn.countAll<string>().as('n')).where('petition_id', '=', p.id).executeTakeFirstOrThrow();
    const res = await t.call('POST', `/api/petitions/${p.id}/actions/assign`, { cookie: cookies.approver, body: { version: p.version, handlingUnitId: units.ngocHa.id } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'UNIT_OUTSIDE_SUBTREE', details: { path: 'body.handlingUnitId', allowed: 'subtree', root: { id: units.baDinh.id, name: units.baDinh.name } } });
    // A unit that does not exist is told alike.
    const unknown = await t.call('POST', `/api/petitions/${p.id}/actions/assign`, { cookie: cookies.approver, body: { version: p.version, handlingUnitId: '999999999' } });
    expect(unknown.json().error.code).toBe('UNIT_OUTSIDE_SUBTREE');
    const transfer = await t.call('POST', `/api/petitions/${p.id}/actions/transfer`, { cookie: cookies.approver, body: { version: p.version, handlingUnitId: units.ngocHa.id, reason: 'Sai địa bàn' } });
    expect(transfer.json().error).toMatchObject({ code: 'UNIT_OUTSIDE_SUBTREE', details: { allowed: 'parent_or_below' } });
    const after = await t.db.selectFrom('petition_transitions').select(t.db.fn.countAll<string>().as('n')).where('petition_id', '=', p.id).executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
    const row = await t.db.selectFrom('petitions').select(['status', 'version', 'handling_unit_id']).where('id', '=', p.id).executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'classified', version: p.version, handling_unit_id: units.baDinh.id });
    const ok = await t.call('POST', `/api/petitions/${p.id}/actions/assign`, { cookie: cookies.approver, body: { version: p.version, handlingUnitId: units.baDinh.id } });
    expect(ok.statusCode, ok.body).toBe(200);
  });
});
