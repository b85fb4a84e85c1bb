/**
 * GET /api/reports and GET /api/reports/file with the unit as a reference (`unit`): read by
 * resolveUnitRef, with the report's own rule of who may read (a retired district for the reader of
 * the province it now lies in); unknown or unreadable → 404 naming it, several → 409 with the
 * candidates the reader may report on; `unitId` as before.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildUnit, buildUser, rootUnit } from '../../test/factories.js';
import { createTestApp, type TestApp } from '../../test/test-app.js';
import { buildEntry } from '../entries/entries.factories.js';

let t: TestApp;
let district: { id: string; name: string };
let admin: string;
let ninhBinhViewer: string;
let haNoiViewer: string;
let twins: { id: string }[];
let ownOrg: { id: string };

const official = (kind: string, code: string, current: boolean) => {
  const q = t.db.selectFrom('units').select(['id', 'name']).where('kind', '=', kind).where('code', '=', code);
  return (current ? q.where('valid_to', 'is', null) : q.where('valid_to', 'is not', null)).orderBy('valid_to', 'desc').executeTakeFirstOrThrow();
};

beforeAll(async () => {
  t = await createTestApp();
  const root = await rootUnit(t.db);
  // Thành phố Ninh Bình (369), in force until 2025-01-01; today inside Tỉnh Ninh Bình (37).
  district = await official('district', '369', false);
  const ward = await t.db.selectFrom('units').select('id').where('parent_id', '=', district.id).where('code', '=', '14320').executeTakeFirstOrThrow();
  await buildEntry(t.db, { unitId: district.id, level: 'district', status: 'registered', year: 2023 });
  for (let i = 0; i < 2; i++) await buildEntry(t.db, { unitId: ward.id, status: 'accepted', year: 2023 });
  const ninhBinh = await official('province', '37', true);
  const haNoi = await official('province', '01', true);
  // Two organizations sharing a code under Ninh Bình (a bare code names both), and one code shared across provinces.
  twins = [
    await buildUnit(t.db, { parentId: ninhBinh.id, kind: 'womens_union', code: 'ZREF1', name: 'Hội Phụ nữ thử' }),
    await buildUnit(t.db, { parentId: ninhBinh.id, kind: 'youth_union', code: 'ZREF1', name: 'Đoàn Thanh niên thử' }),
  ];
  ownOrg = await buildUnit(t.db, { parentId: ninhBinh.id, kind: 'farmers_association', code: 'ZREF2', name: 'Hội Nông dân thử' });
  await buildUnit(t.db, { parentId: haNoi.id, kind: 'veterans_association', code: 'ZREF2', name: 'Hội Cựu chiến binh thử' });
  admin = await t.login((await buildUser(t.db, { grants: [{ unitId: root.id, role: 'system_admin' }] })).username);
  ninhBinhViewer = await t.login((await buildUser(t.db, { grants: [{ unitId: ninhBinh.id, role: 'viewer' }] })).username);
  haNoiViewer = await t.login((await buildUser(t.db, { grants: [{ unitId: haNoi.id, role: 'viewer' }] })).username);
}, 60_000);

const report = (query: string, cookie: string) => t.call('GET', `/api/reports?${query}&period=year&year=2023`, { cookie });
const refused = async (query: string, cookie: string) => {
  const res = await report(query, cookie);
  const error = res.json().error as { code: string; message: string; details?: { unit?: string; candidates?: { id: string }[] } };
  return { status: res.statusCode, code: error.code, unit: error.details?.unit, candidates: error.details?.candidates?.map((c) => c.id).sort() };
};

describe('a report by unit reference', () => {
  it('names the district of 2023 by code and day, by code alone, by id, or by unitId: the same report', async () => {
    const byId = await report(`unitId=${district.id}`, ninhBinhViewer);
    expect(byId.statusCode, byId.body).toBe(200);
    expect(byId.json().unit.id).toBe(district.id);
    expect(byId.json().figures.entries.total).toBe(3);
    for (const ref of ['district:369@2023-09-08', 'district:369', district.id]) {
      const res = await report(`unit=${encodeURIComponent(ref)}`, ninhBinhViewer);
      expect(res.statusCode, `${ref}: ${res.body}`).toBe(200);
      expect({ ...res.json(), generatedAt: null }).toEqual({ ...byId.json(), generatedAt: null });
    }
  });

  it('answers 404 naming the reference when it is unknown or outside what the reader may report on', async () => {
    expect(await refused('unit=district:999@2023-09-08', ninhBinhViewer)).toMatchObject({ status: 404, code: 'NOT_FOUND', unit: 'district:999@2023-09-08' });
    expect(await refused('unit=district:369@2023-09-08', haNoiViewer)).toEqual({ status: 404, code: 'NOT_FOUND', unit: 'district:369@2023-09-08', candidates: undefined });
    // A day outside the district's years: the units of that code are listed, to the reader who may see them only.
    expect(await refused('unit=district:369@2025-03-01', ninhBinhViewer)).toMatchObject({ status: 404, code: 'NOT_FOUND', candidates: [district.id] });
    expect(await refused('unit=district:369@2025-03-01', haNoiViewer)).toEqual({ status: 404, code: 'NOT_FOUND', unit: 'district:369@2025-03-01', candidates: undefined });
  });

  it('answers 409 AMBIGUOUS_UNIT_REF with the candidates the reader may report on, and takes the only one it may', async () => {
    const ids = twins.map((u) => u.id).sort();
    expect(await refused('unit=ZREF1', admin)).toMatchObject({ status: 409, code: 'AMBIGUOUS_UNIT_REF', candidates: ids });
    expect(await refused('unit=ZREF1', ninhBinhViewer)).toMatchObject({ status: 409, code: 'AMBIGUOUS_UNIT_REF', candidates: ids });
    expect(await refused('unit=ZREF1', haNoiViewer)).toEqual({ status: 404, code: 'NOT_FOUND', unit: 'ZREF1', candidates: undefined });
    expect((await refused('unit=ZREF2', admin)).candidates).toHaveLength(2);
    const own = await report('unit=ZREF2', ninhBinhViewer);
    expect(own.statusCode, own.body).toBe(200);
    expect(own.json().unit.id).toBe(ownOrg.id);
  });

  it('takes exactly one of unitId and unit, and refuses a malformed reference with 400', async () => {
    expect((await refused(`unitId=${district.id}&unit=district:369`, admin)).status).toBe(400);
    expect((await refused('', admin)).status).toBe(400);
    expect(await refused('unit=district:369@2023-02-30', admin)).toMatchObject({ status: 400, code: 'VALIDATION_FAILED' });
  });

  it('serves the file of the district of 2023 by reference, with the same refusals', async () => {
    const file = (query: string, cookie: string) => t.call('GET', `/api/reports/file?${query}&period=year&year=2023&format=csv`, { cookie });
    const res = await file('unit=district:369@2023-09-08', ninhBinhViewer);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-disposition']).toBe('attachment; filename="bao-cao-thanh-pho-ninh-binh-2023.csv"');
    expect((await file(`unitId=${district.id}`, ninhBinhViewer)).body).toBe(res.body);
    expect((await file('unit=district:369@2023-09-08', haNoiViewer)).statusCode).toBe(404);
    expect((await file('unit=ZREF1', admin)).json().error.code).toBe('AMBIGUOUS_UNIT_REF');
    expect((await file(`unitId=${district.id}&unit=ZREF1`, admin)).statusCode).toBe(400);
  });
});
