/**
 * The report engine's religiousAffairs block: the registers of the report unit's area in the year
 * the range ends in, persons always suppressed (a cell or a total of 1–2 reads "< 3"), renewed
 * behind the report's ETag when a register is written, and written into the narrative, the DOCX and
 * the XLSX.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../../common/reports.js';
import { paragraphTexts, zipPart } from '../../documents/docx-test-helpers.js';
import { buildUser, unitByCode } from '../../test/factories.js';
import { createTestApp, type TestApp } from '../../test/test-app.js';
import { reportNarrative } from '../reports/report-document.js';
import { buildDignitary, buildOrganization, buildPerson, buildPlace } from './religious-affairs.factories.js';
import { religiousSheet } from './religious-report.js';

let t: TestApp;
let cookie: string;
let province: { id: string };
let commune: { id: string };
const url = () => `/api/reports?unitId=${province.id}&period=year&year=2025`;

beforeAll(async () => {
  t = await createTestApp();
  province = await unitByCode(t.db, 'province', '37');
  commune = (await t.db.selectFrom('units').select('id').where('parent_id', '=', province.id).where('kind', '=', 'commune').where('valid_to', 'is', null).orderBy('code').executeTakeFirstOrThrow());
  await buildUser(t.db, { username: 'rr.viewer', grants: [{ unitId: province.id, role: 'viewer' }] });
  cookie = await t.login('rr.viewer');
}, 180_000);

describe("the report's ethnic and religious affairs block", () => {
  it('counts the registers of the area, suppresses small counts of persons, and is renewed behind the ETag', async () => {
    const first = await t.call('GET', url(), { cookie });
    expect(first.statusCode).toBe(200);
    expect(first.json<Report>().religiousAffairs).toMatchObject({ year: 2025, organizations: 0, places: 0, events: 0 });
    expect(reportNarrative(first.json<Report>()).some((x) => x.startsWith('Công tác dân tộc, tôn giáo'))).toBe(false);

    await buildOrganization(t.db, { unitId: commune.id });
    await buildPlace(t.db, { unitId: commune.id });
    for (let i = 0; i < 4; i++) await buildPerson(t.db, { unitId: commune.id, ethnicCode: '06', support: [{ year: 2025, kind: 'tet_visit', amount: 500_000 }] });
    await buildPerson(t.db, { unitId: commune.id, ethnicCode: '01' });
    await buildDignitary(t.db, { unitId: commune.id, religionCode: 'catholicism' });
    const after = await t.call('GET', url(), { cookie, headers: { 'if-none-match': String(first.headers.etag) } });
    expect(after.statusCode).toBe(200);
    const r = after.json<Report>().religiousAffairs!;
    expect(r).toMatchObject({ organizations: 1, places: 1, supportAmount: 2_000_000, events: 0 });
    expect(r.personsByEthnicity.total.n).toBe(5);
    // 4 Mường and 1 Kinh: no cell of 1–2 survives, and the total is unchanged.
    expect(r.personsByEthnicity.cells.every((c) => c.n === null || c.n > 2)).toBe(true);
    expect(r.personsByEthnicity.suppressedAny).toBe(true);

    const sentence = reportNarrative(after.json<Report>()).find((x) => x.startsWith('Công tác dân tộc, tôn giáo'));
    expect(sentence).toBe('Công tác dân tộc, tôn giáo (năm 2025): 1 tổ chức tôn giáo, 1 cơ sở thờ tự; < 3 chức sắc, chức việc, nhà tu hành; 5 người có uy tín, được hỗ trợ 2.000.000 đồng; 0 sự kiện, lễ hội tôn giáo.');
    const rows = religiousSheet(after.json<Report>())!.rows;
    expect(rows).toContainEqual(['Chức sắc, chức việc, nhà tu hành', '< 3']);
    expect(rows.some((row) => row[0] === 'Người có uy tín, dân tộc: Kinh (Việt)' && row[1] !== '< 3')).toBe(false);
  });

  it('puts its table in the DOCX', async () => {
    const file = await t.call('GET', `/api/reports/file?unitId=${province.id}&period=year&year=2025&format=docx`, { cookie });
    expect(file.statusCode).toBe(200);
    const text = paragraphTexts(await zipPart(file.rawPayload, 'word/document.xml'));
    expect(text).toContain('Công tác dân tộc, tôn giáo (năm 2025)');
    expect(text.join('\n')).toContain('Kinh phí hỗ trợ người có uy tín (đồng)');
  });
});
