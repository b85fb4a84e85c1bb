/**
 * The report engine's hotspots block: counted from the area's non-confidential cases, renewed
 * behind the report's ETag when a case is filed or closed, and written into the narrative, the
 * DOCX and the XLSX.
 */
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../../common/reports.js';
import { todayInVietnam } from '../../../common/units.js';
import { paragraphTexts, zipPart } from '../../documents/docx-test-helpers.js';
import { buildUser, unitByCode } from '../../test/factories.js';
import { createTestApp, type TestApp } from '../../test/test-app.js';
import { reportNarrative } from '../reports/report-document.js';
import { hotspotSheet } from './hotspot-report.js';
import { buildHotspot } from './hotspots.factories.js';

let t: TestApp;
let cookie: string;
let province: { id: string };
let communes: { id: string }[];
const YEAR = todayInVietnam().slice(0, 4);

beforeAll(async () => {
  t = await createTestApp();
  province = await unitByCode(t.db, 'province', '37');
  communes = await t.db.selectFrom('units').select('id').where('parent_id', '=', province.id).where('kind', '=', 'commune').where('valid_to', 'is', null).orderBy('code').limit(2).execute();
  await buildUser(t.db, { username: 'hr.viewer', grants: [{ unitId: province.id, role: 'viewer' }] });
  cookie = await t.login('hr.viewer');
}, 180_000);

const url = () => `/api/reports?unitId=${province.id}&period=year&year=${YEAR}`;

describe("the report's hotspots block", () => {
  it('counts the cases of the area, leaves confidential ones out, and is renewed behind the ETag', async () => {
    const first = await t.call('GET', url(), { cookie });
    expect(first.statusCode).toBe(200);
    expect(first.json<Report>().hotspots).toMatchObject({ newInRange: 0, openOnLastDay: 0, openByKind: [] });

    await buildHotspot(t.db, { unitId: communes[0]!.id, kind: 'land_dispute', severity: 3 });
    await buildHotspot(t.db, { unitId: communes[1]!.id, kind: 'gathering', confidential: true });
    const after = await t.call('GET', url(), { cookie, headers: { 'if-none-match': String(first.headers.etag) } });
    expect(after.statusCode).toBe(200);
    const h = after.json<Report>().hotspots!;
    expect(h).toMatchObject({ newInRange: 1, closedInRange: 0, openOnLastDay: 1, openBySeverity: [{ severity: 3, n: 1 }] });
    expect(h.openByKind).toEqual([{ kind: 'land_dispute', names: expect.objectContaining({ vi: 'Tranh chấp đất đai' }), n: 1 }]);

    // Closing the case renews the answer too (an update bumps the nodes' versions).
    const unchanged = await t.call('GET', url(), { cookie, headers: { 'if-none-match': String(after.headers.etag) } });
    expect(unchanged.statusCode).toBe(304);
    await sql`update hotspots set status = 'closed', closed_at = now() where not confidential`.execute(t.db);
    const closed = await t.call('GET', url(), { cookie, headers: { 'if-none-match': String(after.headers.etag) } });
    expect(closed.statusCode).toBe(200);
    expect(closed.json<Report>().hotspots).toMatchObject({ newInRange: 1, closedInRange: 1, openOnLastDay: 0 });
  });

  it('writes its sentence, its DOCX table and its XLSX sheet', async () => {
    await buildHotspot(t.db, { unitId: communes[0]!.id, kind: 'strike', severity: 1 });
    const report = (await t.call('GET', url(), { cookie })).json<Report>();
    const sentence = reportNarrative(report).find((x) => x.startsWith('Điểm nóng, vụ việc phức tạp'));
    expect(sentence).toBe('Điểm nóng, vụ việc phức tạp: phát sinh 2 vụ, đã kết thúc 1 vụ, 0 vụ phải báo cáo vượt cấp; đến cuối kỳ còn 1 vụ chưa kết thúc (đình công, ngừng việc tập thể 1).');
    expect(hotspotSheet(report, 'năm')!.rows).toContainEqual(['Chưa kết thúc, mức độ thấp', 1]);
    const file = await t.call('GET', `/api/reports/file?unitId=${province.id}&period=year&year=${YEAR}&format=docx`, { cookie });
    expect(file.statusCode).toBe(200);
    const text = paragraphTexts(await zipPart(file.rawPayload, 'word/document.xml'));
    expect(text).toContain('Điểm nóng, vụ việc phức tạp');
    expect(text.join('\n')).toContain('Chưa kết thúc đến cuối kỳ');
  });
});
