/**
 * Grassroots democracy in the demo (docs/grassroots-democracy.md §5): one Ninh Bình commune's
 * year — the items it published (the socio-economic plan late, so "overdue"; the others left
 * "never"), a village covenant decided by household ballot and approved by the commune, a
 * contribution to a village road decided at a meeting, and two records approved for the public
 * page. Through the same services as the API; idempotent.
 */
import type { DecisionBody, PublicationBody } from '../../common/grassroots.js';
import type { Db } from '../db/database.js';
import { SYSTEM_ACTOR } from '../http/access.js';
import type { Ctx } from '../http/context.js';
import { Document, Packer, Paragraph, TextRun } from 'docx';
import { createDecision, createPublication, review } from '../modules/grassroots/grassroots.service.js';
import { addPublicationFile } from '../modules/grassroots/publication-files.service.js';
import { currentProvince, grassrootsDemoCommune } from './demo-units.js';

const NINH_BINH = '37';

export async function loadDemoGrassroots(db: Db, ctx: Ctx, year = new Date().getFullYear()): Promise<{ grassrootsRecords: number }> {
  const province = await currentProvince(db, NINH_BINH);
  if (!province) return { grassrootsRecords: 0 };
  const commune = (await grassrootsDemoCommune(db, province.id))?.id;
  if (!commune) return { grassrootsRecords: 0 };
  const title = `Nghị quyết về dự toán ngân sách xã năm ${year}`;
  if (await db.selectFrom('publications').select('id').where('unit_id', '=', commune).where('document_title', '=', title).executeTakeFirst()) return { grassrootsRecords: 0 };
  const d = (md: string) => `${year}-${md}`;
  let n = 0;
  const publish = async (body: Omit<PublicationBody, 'unitId'>) => {
    n++;
    return createPublication(ctx, SYSTEM_ACTOR, { unitId: commune, ...body });
  };
  const decide = async (body: Omit<DecisionBody, 'unitId'>) => {
    n++;
    return createDecision(ctx, SYSTEM_ACTOR, { unitId: commune, ...body });
  };

  const budget = await publish({ itemCode: 'budget', documentTitle: title, documentDate: d('01-05'), forms: ['notice_board', 'portal'], publishedOn: d('01-09'), postedUntil: d('02-08'), evidence: 'Niêm yết tại bảng tin trụ sở UBND xã; đăng trên trang thông tin điện tử của xã.' });
  // Its evidence file: the minutes of the posting, as a commune office types it (a real .docx, through the same check as an upload).
  await addPublicationFile(ctx, SYSTEM_ACTOR, budget, async () => ({ fileName: 'bien-ban-niem-yet-du-toan-ngan-sach.docx', data: await postingMinutes(title, d('01-09'), d('02-08')) }));
  // Published seven weeks after the plan was adopted: past the 30 days the catalogue sets (to confirm), so "overdue".
  await publish({ itemCode: 'socioeconomic_plan', documentTitle: `Kế hoạch phát triển kinh tế - xã hội năm ${year}`, documentDate: d('01-06'), forms: ['notice_board', 'loudspeaker'], publishedOn: d('02-26') });
  await publish({ itemCode: 'fees_charges', documentTitle: 'Quyết định mức thu phí chợ xã', documentDate: d('02-02'), forms: ['notice_board', 'village_head'], publishedOn: d('02-05') });
  await publish({ itemCode: 'officials_procedures', documentTitle: 'Danh mục thủ tục hành chính tại Bộ phận một cửa', documentDate: d('01-15'), forms: ['notice_board', 'portal'], publishedOn: d('01-16') });
  const complaints = await publish({
    itemCode: 'complaints_results',
    documentTitle: `Báo cáo kết quả giải quyết đơn thư 6 tháng đầu năm ${year}`,
    documentDate: d('07-03'),
    forms: ['notice_board', 'village_meeting'],
    publishedOn: d('07-08'),
    public: true,
  });
  const covenant = await decide({
    village: 'Thôn Trì Chính',
    matterCode: 'village_covenant',
    subject: 'Hương ước thôn Trì Chính (sửa đổi, bổ sung)',
    method: 'household_ballot',
    decidedOn: d('03-28'),
    eligibleHouseholds: 312,
    householdsTakingPart: 268,
    inFavour: 241,
    against: 19,
    resultPublishedOn: d('04-02'),
    resultForm: 'village_meeting',
    approvedOn: d('04-20'),
    approvalNumber: `52/QĐ-UBND ngày 20/4/${year}`,
    public: true,
  });
  await decide({
    village: 'Xóm Đông',
    matterCode: 'infrastructure_contribution',
    subject: 'Mức đóng góp làm đường bê tông liên xóm (300.000 đồng/hộ)',
    method: 'meeting',
    decidedOn: d('05-10'),
    eligibleHouseholds: 146,
    householdsTakingPart: 121,
    inFavour: 104,
    against: 12,
    resultPublishedOn: d('05-12'),
    resultForm: 'loudspeaker',
  });
  await review(ctx, SYSTEM_ACTOR, 'publications', complaints, { approve: true, version: 1 });
  await review(ctx, SYSTEM_ACTOR, 'citizen_decisions', covenant, { approve: true, version: 1 });
  return { grassrootsRecords: n };
}

/** "Biên bản niêm yết": the minutes the commune office signs when it posts a document, as a one-page .docx. */
async function postingMinutes(title: string, from: string, to: string): Promise<Buffer> {
  const day = (iso: string) => iso.split('-').reverse().join('/');
  const p = (text: string, bold = false) => new Paragraph({ children: [new TextRun({ text, bold, font: 'Times New Roman', size: 26 })] });
  const doc = new Document({
    sections: [
      {
        children: [
          p('ỦY BAN NHÂN DÂN XÃ PHÁT DIỆM', true),
          p('BIÊN BẢN NIÊM YẾT CÔNG KHAI', true),
          p(`Hôm nay, ngày ${day(from)}, tại trụ sở Ủy ban nhân dân xã, Văn phòng HĐND và UBND xã tiến hành niêm yết công khai: ${title}.`),
          p(`Thời gian niêm yết: từ ngày ${day(from)} đến ngày ${day(to)}.`),
          p('Địa điểm: bảng tin trụ sở Ủy ban nhân dân xã; đồng thời đăng trên trang thông tin điện tử của xã.'),
          p('Biên bản được lập thành 02 bản, có giá trị như nhau.'),
        ],
      },
    ],
  });
  return Buffer.from(await Packer.toBuffer(doc));
}
