import { type Kysely, sql } from 'kysely';

const LAW = 'Luật Thực hiện dân chủ ở cơ sở số 10/2022/QH15';

/**
 * Issue 16: the legal numbers read on 6 December 2026 with the project's search tool
 * (docs/grassroots-democracy.md §8), written as row updates — the catalogues were made data so that
 * a checked source is a row, not a release.
 *
 * - Dialogue conferences: the two sources that disagreed on the article cite two successive laws.
 *   Luật Tổ chức chính quyền địa phương số 65/2025/QH15 (in force 1/3/2025) art. 24, replaced by
 *   Luật số 72/2025/QH15, passed and in force 16/6/2025, art. 43 (Báo Đại biểu Nhân dân's Q&A No. 20
 *   quotes it in full). Same numbers in both; the first row now ends where the second begins.
 * - Village covenants: Nghị định 61/2023/NĐ-CP (16/8/2023, in force the same day) art. 10 — passed
 *   with more than 50 % of all household representatives in favour; at a meeting, representatives
 *   of more than 50 % of the households present.
 * - Forms of publication: art. 13 cl. 3 (the commune loudspeakers, for art. 11 cl. 7–12, at least
 *   3 days in a row) and cl. 4 (through the village or residential-group heads: community
 *   meetings, organisations' meetings, notices to each household, messages) read in the Official
 *   Gazette (Công báo số 905 + 906 ngày 14/12/2022, p. 27).
 * - The boards' shared-member rule: art. 36 cl. 1 (the commune's People's Inspection Board is made
 *   of members elected from its villages and residential groups, as many as there are of them and
 *   at least 5), as the Ministry of Home Affairs quoted it answering that a commune has one such
 *   board. Nothing read forbids a member of it from sitting on an investment supervision board, so
 *   that pair is still not stored; the inspection × inspection row stays to be confirmed.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    update dialogue_rules set valid_to = '2025-06-16', to_confirm = true,
      legal_source = 'Luật Tổ chức chính quyền địa phương số 65/2025/QH15 (hiệu lực từ 01/3/2025, hết hiệu lực 16/6/2025), Điều 24 (theo Báo Lao Động): ít nhất mỗi năm một lần; thông báo chậm nhất 07 ngày trước ngày tổ chức hội nghị; kết quả thông báo chậm nhất 10 ngày kể từ ngày tổ chức hội nghị'
    where unit_kind = 'commune' and valid_from = '2025-03-01' and valid_to is null`.execute(db);
  await sql`
    insert into dialogue_rules (unit_kind, valid_from, min_per_year, notice_days, publish_days, legal_source, to_confirm) values
      ('commune', '2025-06-16', 1, 7, 10,
       'Luật Tổ chức chính quyền địa phương số 72/2025/QH15 (thông qua và có hiệu lực ngày 16/6/2025), Điều 43: ít nhất mỗi năm một lần hoặc khi có ít nhất 10% tổng số cử tri của xã yêu cầu hoặc trong trường hợp cần thiết; thông báo thời gian, địa điểm, nội dung, cách thức tham dự trên phương tiện thông tin đại chúng chậm nhất 07 ngày trước ngày tổ chức hội nghị; kết quả thông báo qua phương tiện thông tin đại chúng, niêm yết tại trụ sở và gửi Trưởng thôn, Tổ trưởng tổ dân phố chậm nhất 10 ngày kể từ ngày tổ chức hội nghị',
       false)
    on conflict (unit_kind, valid_from) do nothing`.execute(db);

  await sql`
    insert into decision_thresholds (matter_code, method, valid_from, attendance_pct, approval_pct, approval_basis, strict, legal_source, to_confirm)
    values ('village_covenant', null, '2023-08-16', 50, 50, 'eligible', true,
      'Nghị định 61/2023/NĐ-CP ngày 16/8/2023 (hiệu lực cùng ngày), Điều 10: hương ước, quy ước được thông qua khi có trên 50% tổng số đại diện hộ gia đình trong cộng đồng dân cư tán thành; họp phải có đại diện của trên 50% tổng số hộ gia đình tham dự; chỉ phát phiếu lấy ý kiến khi cuộc họp không đạt tỷ lệ đó',
      false)`.execute(db);

  await sql`update supervision_exclusions set legal_source = ${`${LAW}, Điều 36 khoản 1: Ban Thanh tra nhân dân ở xã gồm các thành viên được bầu từ các thôn, tổ dân phố, không ít hơn 05 người — mỗi xã một Ban (Bộ Nội vụ trả lời, dẫn điều này); một người không đồng thời ở hai Ban Thanh tra nhân dân của xã. Chưa thấy quy định cấm thành viên Ban Thanh tra nhân dân tham gia Ban Giám sát đầu tư của cộng đồng`} where kind_a = 'inspection' and kind_b = 'inspection'`.execute(db);
  await sql`update publication_forms set legal_source = ${`${LAW}, Điều 13 khoản 3 (hệ thống truyền thanh cấp xã, nếu có; các nội dung tại khoản 7–12 Điều 11, ít nhất 03 ngày liên tục)`}, to_confirm = false where code = 'loudspeaker'`.execute(db);
  await sql`update publication_forms set legal_source = ${`${LAW}, Điều 13 khoản 4 (gửi Trưởng thôn, Tổ trưởng tổ dân phố thông báo đến Nhân dân: tại cuộc họp cộng đồng dân cư, sinh hoạt của các tổ chức, thông báo trực tiếp hoặc bằng văn bản đến từng hộ, tin nhắn, mạng xã hội được cộng đồng lựa chọn)`}, to_confirm = false where code in ('village_head', 'village_meeting')`.execute(db);
  await sql`update publication_forms set legal_source = ${`${LAW}, Điều 13 khoản 5 và khoản 1 Điều 12 (hình thức khác do UBND cấp xã lựa chọn; chưa đối chiếu nguyên văn khoản 1 Điều 12)`} where code in ('portal', 'on_request', 'other')`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`delete from dialogue_rules where unit_kind = 'commune' and valid_from = '2025-06-16'`.execute(db);
  await sql`update dialogue_rules set valid_to = null where unit_kind = 'commune' and valid_from = '2025-03-01'`.execute(db);
  await sql`delete from decision_thresholds where matter_code = 'village_covenant' and valid_from = '2023-08-16'`.execute(db);
}
