/**
 * The report's grassroots block with its publications and supervision parts: counted from the
 * communes' publications and the boards' and the Front's recommendations of the year the range
 * ends in, renewed behind the report's ETag when either is written, and written into the narrative
 * and the workbook's rows.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../../common/reports.js';
import { buildUser, unitByCode } from '../../test/factories.js';
import { createTestApp, type TestApp } from '../../test/test-app.js';
import { buildPublication } from '../grassroots/grassroots.factories.js';
import { countRequiredItems } from '../grassroots/grassroots-figures.repository.js';
import { buildActivity } from '../supervision/supervision.factories.js';
import { reportNarrative } from './report-document.js';
import { grassrootsSheet } from './report-grassroots.js';

let t: TestApp;
let cookie: string;
let province: { id: string };
let communes: { id: string }[];
const url = () => `/api/reports?unitId=${province.id}&period=year&year=2026`;

beforeAll(async () => {
  t = await createTestApp();
  province = await unitByCode(t.db, 'province', '37');
  communes = await t.db.selectFrom('units').select('id').where('parent_id', '=', province.id).where('kind', '=', 'commune').where('valid_to', 'is', null).orderBy('code').limit(2).execute();
  await buildUser(t.db, { username: 'rg.viewer', grants: [{ unitId: province.id, role: 'viewer' }] });
  cookie = await t.login('rg.viewer');
}, 180_000);

describe("the report's grassroots block", () => {
  it('counts publications and recommendations of the year and is renewed behind the ETag', async () => {
    const first = await t.call('GET', url(), { cookie });
    expect(first.statusCode).toBe(200);
    const g0 = first.json<Report>().grassroots!;
    const required = (await countRequiredItems(t.db)) * g0.dialogue.communes;
    expect(required).toBeGreaterThan(0);
    expect(g0.publications).toEqual({ required, published: 0, overdue: 0 });
    expect(g0.supervision).toEqual({ recommendations: 0, answered: 0, overdue: 0 });

    await buildPublication(t.db, { unitId: communes[0]!.id, itemCode: 'budget', publishedOn: '2026-03-10' });
    await buildPublication(t.db, { unitId: communes[1]!.id, itemCode: 'budget', publishedOn: '2026-04-20', documentDate: '2026-01-05', late: true });
    // Another year's publication is not this year's.
    await buildPublication(t.db, { unitId: communes[1]!.id, itemCode: 'budget', publishedOn: '2025-03-10' });
    const afterPublications = await t.call('GET', url(), { cookie, headers: { 'if-none-match': String(first.headers.etag) } });
    expect(afterPublications.statusCode).toBe(200);
    expect(afterPublications.json<Report>().grassroots!.publications).toEqual({ required, published: 2, overdue: 1 });

    await buildActivity(t.db, { unitId: communes[0]!.id, heldOn: '2026-03-01', sentOn: '2026-03-02', dueOn: '2026-04-01', answeredOn: '2026-03-20', answerKind: 'partly' });
    await buildActivity(t.db, { unitId: communes[0]!.id, heldOn: '2026-05-01', sentOn: '2026-05-02', dueOn: '2026-06-01' });
    const after = await t.call('GET', url(), { cookie, headers: { 'if-none-match': String(afterPublications.headers.etag) } });
    expect(after.statusCode).toBe(200);
    const report = after.json<Report>();
    expect(report.grassroots!.supervision).toEqual({ recommendations: 2, answered: 1, overdue: 1 });

    const sentence = reportNarrative(report).find((x) => x.startsWith('Thực hiện dân chủ ở cơ sở'))!;
    expect(sentence).toContain('công khai 2 nội dung, 1 nội dung quá hạn công khai');
    expect(sentence).toContain('2 kiến nghị qua giám sát, 1 kiến nghị đã được trả lời');
    expect(grassrootsSheet(report, 'năm 2026')!.rows).toContainEqual(['Kiến nghị quá hạn trả lời', 1]);
  });
});
