import { beforeAll, describe, expect, it } from 'vitest';
import { paragraphTexts, zipPart } from '../../../documents/docx-test-helpers.js';
import { buildEntry } from '../../entries/entries.factories.js';
import { buildUnit, buildUser, rootUnit } from '../../../test/factories.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import { issuingBodyOn } from './issuing-bodies.service.js';

let t: TestApp;
let province: { id: string };
let commune: { id: string };
let admin: string;
let editor: string;
let foreignAdmin: string;

const PERIOD = { superior: 'Tỉnh ủy Cửa Ban', name: 'Ban Tuyên giáo và Dân vận', symbol: 'btgdvtu', signerAuthority: 'K/T TRƯỞNG BAN', signerPosition: 'PHÓ TRƯỞNG BAN' };

beforeAll(async () => {
  t = await createTestApp();
  const root = await rootUnit(t.db);
  province = await buildUnit(t.db, { parentId: root.id, kind: 'province', code: 'IB1', name: 'Tỉnh Cửa Ban' });
  commune = await buildUnit(t.db, { parentId: province.id, kind: 'commune', code: 'IB101', name: 'Xã Bến Đò' });
  await buildUnit(t.db, { parentId: province.id, kind: 'commune', code: 'IB102', name: 'Xã Vắng' });
  await buildEntry(t.db, { unitId: commune.id, status: 'registered', year: 2025 });
  const other = await buildUnit(t.db, { parentId: root.id, kind: 'province', code: 'IB2', name: 'Tỉnh Khác' });
  admin = await t.login((await buildUser(t.db, { username: 'ib.admin', grants: [{ unitId: province.id, role: 'unit_admin' }] })).username);
  editor = await t.login((await buildUser(t.db, { username: 'ib.editor', grants: [{ unitId: province.id, role: 'editor' }] })).username);
  foreignAdmin = await t.login((await buildUser(t.db, { username: 'ib.other', grants: [{ unitId: other.id, role: 'unit_admin' }] })).username);
});

const audits = async () => t.db.selectFrom('audit_log').select(['action', 'before', 'after']).where('action', '=', 'unit.issuing_bodies').execute();

describe('issuing bodies of a unit', () => {
  it("shows the default of the unit's level for the day asked, then the unit's own periods once set", async () => {
    const before = await t.call('GET', `/api/units/${province.id}/issuing-bodies?date=2024-12-20`, { cookie: editor });
    expect(before.statusCode).toBe(200);
    expect(before.json()).toEqual({
      items: [],
      at: { date: '2024-12-20', source: 'default', body: { superior: 'TỈNH ỦY CỬA BAN', name: 'BAN DÂN VẬN', symbol: 'BDVTU', signerAuthority: '', signerPosition: 'TRƯỞNG BAN' } },
    });
    const commune2025 = await t.call('GET', `/api/units/${commune.id}/issuing-bodies?date=2025-12-20`, { cookie: editor });
    expect(commune2025.json().at.body).toEqual({ superior: 'ĐẢNG BỘ TỈNH CỬA BAN', name: 'ĐẢNG ỦY XÃ BẾN ĐÒ', symbol: 'ĐU', signerAuthority: 'T/M ĐẢNG ỦY', signerPosition: 'BÍ THƯ' });

    // The province merged its commissions on 10 February 2025, before the default day.
    const items = [
      { validFrom: null, validTo: '2025-02-10', ...PERIOD, name: 'Ban Dân vận', symbol: 'BDVTU', signerAuthority: '', signerPosition: 'TRƯỞNG BAN' },
      { validFrom: '2025-02-10', validTo: null, ...PERIOD },
    ];
    const put = await t.call('PUT', `/api/units/${province.id}/issuing-bodies`, { cookie: admin, body: { items } });
    expect(put.statusCode, put.body).toBe(200);
    // Trimmed, the symbol in capitals; the heading of today is the unit's own.
    expect(put.json().items[1]).toEqual({ validFrom: '2025-02-10', validTo: null, superior: 'Tỉnh ủy Cửa Ban', name: 'Ban Tuyên giáo và Dân vận', symbol: 'BTGDVTU', signerAuthority: 'K/T TRƯỞNG BAN', signerPosition: 'PHÓ TRƯỞNG BAN' });
    expect(put.json().at.source).toBe('unit');
    expect((await issuingBodyOn(t.db, province.id, '2025-02-20')).body.symbol).toBe('BTGDVTU');
    expect((await issuingBodyOn(t.db, province.id, '2025-02-09')).body).toMatchObject({ name: 'Ban Dân vận', symbol: 'BDVTU' });
    const [audit] = await audits();
    expect(audit).toMatchObject({ action: 'unit.issuing_bodies', before: { items: [] }, after: { items: [expect.objectContaining({ symbol: 'BDVTU' }), expect.objectContaining({ symbol: 'BTGDVTU' })] } });
  });

  it("heads the report DOCX with the unit's own body of the document's date, and leaves out the units with no figures unless asked", async () => {
    const url = `/api/reports/file?unitId=${province.id}&period=year&year=2025&format=docx&number=9&date=2025-02-20`;
    const res = await t.call('GET', url, { cookie: editor });
    expect(res.statusCode, res.body).toBe(200);
    const text = paragraphTexts(await zipPart(res.rawPayload, 'word/document.xml'));
    expect(text).toEqual(expect.arrayContaining(['TỈNH ỦY CỬA BAN', 'BAN TUYÊN GIÁO VÀ DÂN VẬN', 'Số 9-BC/BTGDVTU', 'K/T TRƯỞNG BAN', 'PHÓ TRƯỞNG BAN']));
    expect(text).toContain('Bảng chỉ liệt kê các đơn vị có số liệu trong kỳ (1 đơn vị không có số liệu không liệt kê).');
    expect(text).not.toContain('Xã Vắng');
    const all = await t.call('GET', `${url}&includeEmptyUnits=true`, { cookie: editor });
    expect(paragraphTexts(await zipPart(all.rawPayload, 'word/document.xml'))).toContain('Xã Vắng');
  });

  it('refuses overlapping or inverted periods, an editor and an administrator of another province, changing nothing', async () => {
    const stored = (await t.call('GET', `/api/units/${province.id}/issuing-bodies`, { cookie: editor })).json().items;
    const count = (await audits()).length;
    const overlap = await t.call('PUT', `/api/units/${province.id}/issuing-bodies`, {
      cookie: admin,
      body: { items: [{ validFrom: '2025-01-01', validTo: null, ...PERIOD }, { validFrom: '2025-06-01', validTo: '2026-01-01', ...PERIOD }] },
    });
    expect(overlap.statusCode).toBe(400);
    expect(overlap.json().error.code).toBe('VALIDATION_FAILED');
    expect(JSON.stringify(overlap.json().error.details)).toContain('overlaps another period');
    const inverted = await t.call('PUT', `/api/units/${province.id}/issuing-bodies`, { cookie: admin, body: { items: [{ validFrom: '2025-06-01', validTo: '2025-06-01', ...PERIOD }] } });
    expect(inverted.statusCode).toBe(400);
    const badSymbol = await t.call('PUT', `/api/units/${province.id}/issuing-bodies`, { cookie: admin, body: { items: [{ validFrom: null, validTo: null, ...PERIOD, symbol: 'BTG DV' }] } });
    expect(badSymbol.statusCode).toBe(400);
    const body = { items: [{ validFrom: null, validTo: null, ...PERIOD }] };
    expect((await t.call('PUT', `/api/units/${province.id}/issuing-bodies`, { cookie: editor, body })).statusCode).toBe(403);
    expect((await t.call('PUT', `/api/units/${province.id}/issuing-bodies`, { cookie: foreignAdmin, body })).statusCode).toBe(404);
    expect((await t.call('GET', `/api/units/${province.id}/issuing-bodies`, { cookie: editor })).json().items).toEqual(stored);
    expect(await audits()).toHaveLength(count);
  });

  it('an empty list goes back to the defaults', async () => {
    const res = await t.call('PUT', `/api/units/${province.id}/issuing-bodies`, { cookie: admin, body: { items: [] } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ items: [], at: { source: 'default', body: { name: 'BAN TUYÊN GIÁO VÀ DÂN VẬN', symbol: 'BTGDVTU' } } });
  });
});
