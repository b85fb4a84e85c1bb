/**
 * Which unit an import row names by name, on the official units of 2019–2025 (docs/units.md): a
 * former name counts for the years it was borne, the name of the row's year wins over today's,
 * parents match by their former names too, and a name that still names several units answers
 * AMBIGUOUS_UNIT with the candidates (or OUT_OF_SCOPE when the importer may write to none).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildUnit, buildUser, rootUnit } from '../../test/factories.js';
import { createTestApp, type TestApp } from '../../test/test-app.js';
import { buildImportWorkbook, type ImportRow, multipartUpload } from './entries-excel.fixtures.js';

let t: TestApp;
let admin: string;
let editor: string;
let root: { id: string };

type RowError = { row: number; code: string; cell: string | null; params?: Record<string, string | number>; message: string };
type Answer = { created?: number; error?: { code: string; details: { errors: RowError[] } } };

let seq = 0;
const row = (over: ImportRow): ImportRow => ({ level: 'Cấp huyện', kind: 'Mô hình', form: 'Tập thể', field: 'Kinh tế', title: `Mô hình theo tên cũ ${++seq}`, ...over });

async function upload(cookie: string, rows: ImportRow[]): Promise<{ status: number; body: Answer }> {
  const { payload, headers } = multipartUpload(await buildImportWorkbook(rows));
  const res = await t.call('POST', '/api/entries/import', { cookie, body: payload, headers });
  return { status: res.statusCode, body: res.json() as Answer };
}

/** The official unit of this kind and code whose interval holds `on`, else the latest. */
async function official(kind: string, code: string) {
  return t.db.selectFrom('units').select(['id', 'name']).where('kind', '=', kind).where('code', '=', code).orderBy('valid_to', 'desc').executeTakeFirstOrThrow();
}
const registeredBy = async (title: string) =>
  (await t.db.selectFrom('entries').select('registering_unit_id').where('title', '=', title).executeTakeFirstOrThrow()).registering_unit_id;

beforeAll(async () => {
  t = await createTestApp();
  root = await rootUnit(t.db);
  admin = await t.login((await buildUser(t.db, { grants: [{ unitId: root.id, role: 'system_admin' }] })).username);
}, 60_000);

describe('import: units named by the names of their day', () => {
  it('finds the unit now called Thị xã Kim Bảng by its name of 2023, Huyện Kim Bảng, and not in 2026', async () => {
    const kimBang = await official('district', '350');
    expect(kimBang.name).toBe('Thị xã Kim Bảng');
    const ok = await upload(admin, [row({ unit: 'Huyện Kim Bảng', year: 2023, title: 'Kim Bảng 2023' }), row({ unit: 'huyen kim bang', year: 2024, title: 'Kim Bảng 2024' })]);
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body.created).toBe(2);
    expect(await registeredBy('Kim Bảng 2023')).toBe(kimBang.id);
    expect(await registeredBy('Kim Bảng 2024')).toBe(kimBang.id);

    // In 2026 it is no longer its name: unknown, nothing written.
    const late = await upload(admin, [row({ unit: 'Huyện Kim Bảng', level: 'Cấp xã', year: 2026 })]);
    expect(late.status).toBe(422);
    expect(late.body.error!.details.errors.map((e) => `${e.row}:${e.code}:${e.cell}`)).toEqual(['2:UNKNOWN_UNIT:A2']);
  });

  it('takes the unit that bore the name in the row\'s year over the one that bears it today', async () => {
    // "Thành phố Huế": in 2023 the district (today Quận Thuận Hóa); today the province (in 2023 Tỉnh Thừa Thiên Huế).
    const district = await official('district', '474');
    const province = await official('province', '46');
    expect([district.name, province.name]).toEqual(['Quận Thuận Hóa', 'Thành phố Huế']);
    const res = await upload(admin, [
      row({ unit: 'Thành phố Huế', year: 2023, title: 'Huế 2023' }),
      row({ unit: 'Thành phố Huế', level: 'Cấp tỉnh', year: 2026, title: 'Huế 2026' }),
    ]);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(await registeredBy('Huế 2023')).toBe(district.id);
    expect(await registeredBy('Huế 2026')).toBe(province.id);
  });

  it('matches a parent by its former name, and lists the candidates when a name still names several units', async () => {
    // Phường Ninh Giang (14530) was Xã Ninh Giang of Huyện Hoa Lư until 2025; two communes of 1 July 2025 bear that name.
    const ward = await official('commune', '14530');
    const res = await upload(admin, [
      row({ unit: 'Xã Ninh Giang', level: 'Cấp xã', year: 2023, title: 'Ninh Giang 2023' }),
      row({ unit: 'Phường Ninh Giang, Huyện Hoa Lư', level: 'Cấp xã', year: 2024, title: 'Ninh Giang 2024' }),
    ]);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(await registeredBy('Ninh Giang 2023')).toBe(ward.id);
    expect(await registeredBy('Ninh Giang 2024')).toBe(ward.id);

    const now = await t.db.selectFrom('units').select(['id']).where('name', '=', 'Xã Ninh Giang').where('valid_to', 'is', null).orderBy('id').execute();
    expect(now.length).toBe(2);
    const ambiguous = await upload(admin, [row({ unit: 'Xã Ninh Giang', level: 'Cấp xã', year: 2026 })]);
    expect(ambiguous.status).toBe(422);
    const [problem] = ambiguous.body.error!.details.errors;
    expect(problem).toMatchObject({ row: 2, code: 'AMBIGUOUS_UNIT', cell: 'A2', params: { count: 2 } });
    for (const u of now) expect(problem!.params!.candidates).toContain(`(#${u.id})`);
    expect(problem!.message).toContain(String(problem!.params!.candidates));
  });

  it('answers OUT_OF_SCOPE, naming no unit, when the name names several units and the importer may write to none', async () => {
    const a = await buildUnit(t.db, { parentId: root.id, kind: 'province', code: 'X71', name: 'Tỉnh Trùng Tên A' });
    const b = await buildUnit(t.db, { parentId: root.id, kind: 'province', code: 'X72', name: 'Tỉnh Trùng Tên B' });
    const mine = await buildUnit(t.db, { parentId: root.id, kind: 'province', code: 'X73', name: 'Tỉnh Của Tôi' });
    for (const p of [a, b]) await buildUnit(t.db, { parentId: p.id, kind: 'commune', code: `${p.code}01`, name: 'Xã Hai Nơi' });
    editor = await t.login((await buildUser(t.db, { grants: [{ unitId: mine.id, role: 'editor' }] })).username);
    const res = await upload(editor, [row({ unit: 'Xã Hai Nơi', level: 'Cấp xã', year: 2026 })]);
    expect(res.status).toBe(403);
    const [problem] = res.body.error!.details.errors;
    expect(problem).toMatchObject({ code: 'OUT_OF_SCOPE', cell: 'A2' });
    expect(problem!.params).toBeUndefined();
  });
});
