import { sql } from 'kysely';
import { ROUND_DOCUMENT_MAX_SENT } from '../../../common/round-document.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { paragraphTexts, zipPart } from '../../documents/docx-test-helpers.js';
import { buildUser, rootUnit, unitByCode } from '../../test/factories.js';
import { createTestApp, type TestApp } from '../../test/test-app.js';
import { buildRound, buildSubmission } from './reporting-rounds.factories.js';
import { office, readBackDocx } from '../../test/office-readback.js';


let t: TestApp;
const cookies: Record<string, string> = {};
let communes: { id: string; name: string }[];
let roundId: string;

const documentText = async (res: { rawPayload: Buffer }) => paragraphTexts(await zipPart(res.rawPayload, 'word/document.xml'));

beforeAll(async () => {
  t = await createTestApp();
  const root = await rootUnit(t.db);
  const hanoi = await unitByCode(t.db, 'province', '01');
  const baDinh = await unitByCode(t.db, 'commune', '00004');
  const others = await t.db
    .selectFrom('units')
    .select(['id', 'name'])
    .where('kind', '=', 'commune')
    .where('valid_to', 'is', null)
    .where('id', '!=', baDinh.id)
    .where(sql<boolean>`path <@ ${hanoi.path}::ltree`)
    .orderBy('code')
    .limit(3)
    .execute();
  communes = [{ id: baDinh.id, name: baDinh.name }, ...others];
  for (const [username, unitId, role] of [
    ['rd.admin', root.id, 'system_admin'],
    ['rd.hanoi.viewer', hanoi.id, 'viewer'],
    ['rd.badinh.viewer', baDinh.id, 'viewer'],
  ] as const) {
    await buildUser(t.db, { username, grants: [{ unitId, role }] });
    cookies[username.slice(3)] = await t.login(username);
  }
  // Ba Đình sends on time with its narrative and sections, the second commune late, the other two not at all.
  const round = await buildRound(t.db, { unitId: hanoi.id, title: 'Báo cáo quý III/2026 về công tác dân vận', participantIds: communes.map((c) => c.id), dueOn: '2026-10-10' });
  roundId = round.id;
  const onTime = await buildSubmission(t.db, { roundId, unitId: communes[0]!.id, status: 'submitted', submittedOn: '2026-10-08' });
  await t.db
    .updateTable('round_submissions')
    .set({ narrative: 'Phường đã tổ chức 12 buổi đối thoại với Nhân dân.', sections: JSON.stringify({ results: 'Hoàn thành kế hoạch thực hiện quý III.', difficulties: 'Thiếu kinh phí cho tổ dân vận.' }) })
    .where('id', '=', onTime.id)
    .execute();
  const late = await buildSubmission(t.db, { roundId, unitId: communes[1]!.id, status: 'submitted', submittedOn: '2026-10-15' });
  await t.db.updateTable('round_submissions').set({ narrative: 'Xã đã vận động 300 hộ hiến đất làm đường.' }).where('id', '=', late.id).execute();
}, 120_000);

describe('GET /api/reporting-rounds/:id/document', () => {
  it('gives the opening unit a DOCX with the counts, the sent narratives and sections, "muộn" for the late one and the names of the missing', async () => {
    const res = await t.call('GET', `/api/reporting-rounds/${roundId}/document`, { cookie: cookies['hanoi.viewer'] });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(res.headers['content-disposition']).toBe(`attachment; filename="bao-cao-tong-hop-${roundId}.docx"`);
    const text = await documentText(res);
    const all = text.join('\n');
    expect(text).toContain('quý III/2026 về công tác dân vận (từ ngày 01/7/2026 đến ngày 30/9/2026)');
    expect(text).toContain('I. TÌNH HÌNH GỬI BÁO CÁO');
    expect(all).toContain('Tổng số đơn vị phải báo cáo: 4; đã gửi đúng hạn: 1; gửi muộn: 1; chưa gửi: 2');
    expect(text).toContain('II. KẾT QUẢ');
    expect(text).toContain('III. TỔNG HỢP BÁO CÁO CỦA CÁC ĐƠN VỊ');
    expect(text).toContain('Phường đã tổ chức 12 buổi đối thoại với Nhân dân.');
    expect(text).toContain('Kết quả thực hiện');
    expect(text).toContain('Hoàn thành kế hoạch thực hiện quý III.');
    expect(text).toContain('Khó khăn, vướng mắc');
    expect(text).toContain('Thiếu kinh phí cho tổ dân vận.');
    // The template's sections in order, after the narrative.
    expect(text.indexOf('Kết quả thực hiện')).toBeGreaterThan(text.indexOf('Phường đã tổ chức 12 buổi đối thoại với Nhân dân.'));
    expect(text.indexOf('Khó khăn, vướng mắc')).toBeGreaterThan(text.indexOf('Kết quả thực hiện'));
    expect(text).toContain('Gửi ngày 08/10/2026.');
    expect(text).toContain('Gửi ngày 15/10/2026 (muộn).');
    expect(text).toContain('Xã đã vận động 300 hộ hiến đất làm đường.');
    expect(text).toContain(`Các đơn vị chưa gửi báo cáo: ${[communes[2]!.name, communes[3]!.name].sort((a, b) => a.localeCompare(b, 'vi')).join(', ')}.`);
  });

  it("gives a commune's reader its view without the other communes' narratives, and 404 for the opening unit's view", async () => {
    const baDinh = communes[0]!.id;
    const own = await t.call('GET', `/api/reporting-rounds/${roundId}/document?unitId=${baDinh}`, { cookie: cookies['badinh.viewer'] });
    expect(own.statusCode, own.body).toBe(200);
    const text = (await documentText(own)).join('\n');
    expect(text).toContain('Tổng số đơn vị phải báo cáo: 1');
    expect(text).not.toContain('Xã đã vận động 300 hộ hiến đất làm đường.');
    expect(text).not.toContain('Phường đã tổ chức 12 buổi đối thoại');
    const other = await t.call('GET', `/api/reporting-rounds/${roundId}/document?unitId=${communes[1]!.id}`, { cookie: cookies['badinh.viewer'] });
    expect(other.statusCode).toBe(404);
    const opening = await t.call('GET', `/api/reporting-rounds/${roundId}/document`, { cookie: cookies['badinh.viewer'] });
    expect(opening.statusCode).toBe(404);
  });

  it('refuses a round with more sent reports than one document holds (EXPORT_TOO_LARGE), and gives a smaller view of it', async () => {
    const root = await rootUnit(t.db);
    const round = await buildRound(t.db, { unitId: root.id });
    await sql`
      insert into round_participants (round_id, unit_id, unit_path, due_on, state, submitted_on)
      select ${round.id}, id, path, '2026-10-10', 'submitted', '2026-10-01' from units
      where kind = 'commune' and valid_to is null order by code limit ${ROUND_DOCUMENT_MAX_SENT + 1}`.execute(t.db);
    const res = await t.call('GET', `/api/reporting-rounds/${round.id}/document`, { cookie: cookies.admin });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'EXPORT_TOO_LARGE', details: { total: ROUND_DOCUMENT_MAX_SENT + 1, max: ROUND_DOCUMENT_MAX_SENT } });
  });

  it.skipIf(!office)('opens in LibreOffice: converted to PDF', async () => {
    const res = await t.call('GET', `/api/reporting-rounds/${roundId}/document`, { cookie: cookies['hanoi.viewer'] });
    const { pdf } = await readBackDocx(res.rawPayload);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  }, 180_000);
});
