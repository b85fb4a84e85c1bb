/**
 * Demo petitions: recommendations, complaints and denunciations received by provinces and
 * communes through every channel in 2025–2026, walked to every status (some still open past their
 * due date, so the overdue lists and the digest have something to show), and a dialogue
 * conference with its commitments. Through the same services as the API; idempotent (a petition
 * of the same unit and title is not added twice).
 */
import type { PetitionAction, PetitionChannel, PetitionKind } from '../../common/petitions.js';
import type { Db } from '../db/database.js';
import { SYSTEM_ACTOR } from '../http/access.js';
import type { Ctx } from '../http/context.js';
import { applyAction } from '../modules/petitions/petition-actions.service.js';
import { findPetitionById } from '../modules/petitions/petitions.repository.js';
import { intake } from '../modules/petitions/petitions.service.js';
import { createSession } from '../modules/petitions/reception.service.js';
import { currentProvince, firstCommunes } from './demo-units.js';

type Step = { action: PetitionAction; body?: Record<string, unknown>; toCommune?: boolean };
type DemoPetition = {
  province: string;
  commune?: number;
  kind: PetitionKind;
  channel: PetitionChannel;
  category: string;
  title: string;
  content: string;
  submitter?: { name: string; contact?: string; address?: string };
  receivedOn: string;
  steps: Step[];
};

const classify: Step = { action: 'classify' };
const assignDown: Step = { action: 'assign', toCommune: true };
const start: Step = { action: 'start' };
const progress = (note: string): Step => ({ action: 'progress', body: { note } });
const resolve = (result: string, publicReply: string): Step => ({ action: 'resolve', body: { result, publicReply } });

const PETITIONS: DemoPetition[] = [
  {
    province: '01', commune: 0, kind: 'recommendation', channel: 'online', category: 'environment', receivedOn: '2026-10-05',
    title: 'Rác thải tồn đọng tại điểm tập kết đầu ngõ 12', content: 'Điểm tập kết rác đầu ngõ 12 nhiều ngày không được thu gom, gây mùi hôi, đề nghị phường chỉ đạo xử lý.',
    submitter: { name: 'Nguyễn Thị Thu', contact: '0912 345 678' },
    steps: [classify, { action: 'assign', body: {} }, start, progress('Đã làm việc với công ty môi trường đô thị, tăng tần suất thu gom.'), resolve('Đã thu gom dứt điểm, bố trí thu gom 2 lần/ngày.', 'Phường đã chỉ đạo thu gom dứt điểm và tăng tần suất thu gom. Cảm ơn ông/bà đã phản ánh.')],
  },
  {
    province: '01', kind: 'complaint', channel: 'in_person', category: 'compensation', receivedOn: '2026-09-08',
    title: 'Khiếu nại mức bồi thường khi thu hồi đất mở rộng đường', content: 'Gia đình tôi không đồng ý với đơn giá bồi thường đất nông nghiệp khi thu hồi để mở rộng đường, đề nghị xem xét lại.',
    submitter: { name: 'Trần Văn Hùng', contact: '0983 111 222', address: 'Thôn Đông, xã Thanh Trì' },
    steps: [classify, assignDown, start, progress('Đã tổ chức đối thoại với hộ gia đình, đang xác minh lại diện tích.')],
  },
  {
    province: '01', commune: 1, kind: 'recommendation', channel: 'hotline', category: 'public_order', receivedOn: '2026-11-10',
    title: 'Đề nghị lắp đèn chiếu sáng khu vực bờ hồ', content: 'Khu vực bờ hồ buổi tối thiếu ánh sáng, tiềm ẩn nguy cơ mất an ninh trật tự.',
    submitter: { name: 'Lê Minh Tuấn', contact: '0904 555 666' },
    steps: [],
  },
  {
    province: '01', commune: 0, kind: 'denunciation', channel: 'mail', category: 'land', receivedOn: '2026-07-01',
    title: 'Tố cáo việc xây dựng trái phép trên đất nông nghiệp', content: 'Một hộ dân tự ý xây dựng nhà kho trên đất nông nghiệp, chính quyền chưa xử lý.',
    submitter: { name: 'Phạm Văn Dũng', address: 'Tổ dân phố 5' },
    steps: [classify, { action: 'assign', body: {} }, start, { action: 'extend', body: { days: 30, reason: 'Vụ việc phức tạp, cần đo đạc hiện trạng.' } }],
  },
  {
    province: '37', kind: 'complaint', channel: 'forwarded', category: 'social_policy', receivedOn: '2026-05-12',
    title: 'Khiếu nại việc không được xét hưởng trợ cấp xã hội', content: 'Mẹ tôi 82 tuổi, sống một mình nhưng chưa được xét trợ cấp xã hội hằng tháng.',
    submitter: { name: 'Đinh Thị Lan', contact: '0229 3888 999' },
    steps: [classify, assignDown, start, resolve('Đã xét duyệt, chi trả trợ cấp từ tháng 7/2026.', 'Trường hợp của bà đã được xét duyệt hưởng trợ cấp xã hội hằng tháng từ tháng 7/2026.')],
  },
  {
    province: '37', commune: 0, kind: 'recommendation', channel: 'dialogue', category: 'administrative_procedures', receivedOn: '2026-06-20',
    title: 'Kiến nghị rút ngắn thời gian cấp giấy chứng nhận quyền sử dụng đất', content: 'Tại hội nghị đối thoại, nhiều hộ phản ánh thời gian cấp giấy chứng nhận kéo dài.',
    steps: [classify, { action: 'transfer', body: { reason: 'Vượt thẩm quyền cấp xã, chuyển Sở Nông nghiệp và Môi trường qua tỉnh.' }, toCommune: false }],
  },
  {
    province: '37', commune: 1, kind: 'recommendation', channel: 'online', category: 'other', receivedOn: '2026-08-03',
    title: 'Đề nghị hỗ trợ sửa chữa nhà văn hóa thôn', content: 'Nhà văn hóa thôn xuống cấp, mái dột, đề nghị hỗ trợ kinh phí sửa chữa.',
    steps: [classify, { action: 'reject', body: { reason: 'Nội dung đã được giải quyết theo kế hoạch đầu tư công năm 2026.', publicReply: 'Nhà văn hóa thôn đã có trong kế hoạch sửa chữa năm 2026.' } }],
  },
  {
    province: '46', kind: 'denunciation', channel: 'in_person', category: 'public_order', receivedOn: '2026-03-16',
    title: 'Tố cáo cán bộ có dấu hiệu nhũng nhiễu khi giải quyết thủ tục', content: 'Công dân tố cáo cán bộ một cửa yêu cầu bổ sung giấy tờ không đúng quy định.',
    submitter: { name: 'Hồ Văn Phước', contact: '0234 3777 888' },
    steps: [classify, { action: 'transfer_out', body: { reason: 'Chuyển Thanh tra tỉnh giải quyết theo thẩm quyền.' } }],
  },
  {
    province: '46', commune: 0, kind: 'recommendation', channel: 'hotline', category: 'environment', receivedOn: '2026-10-26',
    title: 'Phản ánh sạt lở bờ sông sau mưa lũ', content: 'Bờ sông đoạn qua tổ dân phố 2 bị sạt lở, đe dọa nhà dân.',
    submitter: { name: 'Tôn Nữ Minh Châu' },
    steps: [classify, { action: 'assign', body: {} }],
  },
  {
    province: '68', commune: 0, kind: 'recommendation', channel: 'in_person', category: 'land', receivedOn: '2025-11-17',
    title: 'Kiến nghị giải quyết tranh chấp ranh giới đất rẫy', content: 'Hai hộ đồng bào có tranh chấp ranh giới đất rẫy, đề nghị xã hòa giải.',
    submitter: { name: 'K’Brơi', address: 'Buôn Ja, xã Lạc Dương' },
    steps: [classify, { action: 'assign', body: {} }, start, resolve('Hòa giải thành, hai hộ thống nhất mốc ranh giới.', 'Xã đã tổ chức hòa giải thành, hai hộ thống nhất ranh giới.')],
  },
  {
    province: '68', kind: 'complaint', channel: 'mail', category: 'land', receivedOn: '2026-04-06',
    title: 'Khiếu nại quyết định thu hồi đất làm hồ chứa nước', content: 'Đề nghị xem xét lại quyết định thu hồi đất vì chưa được bố trí tái định cư.',
    submitter: { name: 'Nguyễn Đình Sơn', contact: '0263 3555 444' },
    steps: [classify, assignDown, start],
  },
  {
    province: '96', commune: 1, kind: 'recommendation', channel: 'online', category: 'social_policy', receivedOn: '2025-12-01',
    title: 'Đề nghị hỗ trợ ngư dân bị thiệt hại do bão', content: 'Nhiều tàu cá bị hư hỏng sau bão, đề nghị hỗ trợ sửa chữa.',
    steps: [classify, { action: 'assign', body: {} }, start, resolve('Đã lập danh sách 37 hộ, hỗ trợ theo Nghị định 02/2017.', 'Xã đã lập danh sách và chi hỗ trợ cho các hộ bị thiệt hại.')],
  },
  {
    province: '96', kind: 'recommendation', channel: 'dialogue', category: 'environment', receivedOn: '2026-09-21',
    title: 'Kiến nghị nạo vét kênh thủy lợi nội đồng', content: 'Kênh nội đồng bị bồi lắng, không đủ nước phục vụ sản xuất vụ đông xuân.',
    steps: [classify],
  },
];

export async function loadDemoPetitions(db: Db, ctx: Ctx): Promise<{ petitions: number }> {
  const actor = SYSTEM_ACTOR;
  let created = 0;
  for (const p of PETITIONS) {
    const province = await currentProvince(db, p.province);
    if (!province) continue;
    const communes = await firstCommunes(db, province.id, 2);
    const unit = p.commune === undefined ? province : communes[p.commune];
    if (!unit) continue;
    if (await db.selectFrom('petitions').select('id').where('unit_id', '=', unit.id).where('title', '=', p.title).executeTakeFirst()) continue;
    const receipt = await intake(ctx, actor, {
      unitId: unit.id,
      kind: p.kind,
      channel: p.channel,
      anonymous: !p.submitter,
      submitter: p.submitter,
      categoryCode: p.category,
      title: p.title,
      content: p.content,
      receivedOn: p.receivedOn,
      attachments: [],
    });
    for (const step of p.steps) {
      const current = (await findPetitionById(db, receipt.id))!;
      const body: Record<string, unknown> = { version: current.version, ...step.body };
      if (step.action === 'assign') body.handlingUnitId = step.toCommune && communes[0] ? communes[0].id : current.handling_unit_id;
      if (step.action === 'transfer') body.handlingUnitId = current.handling_parent_id;
      await applyAction(ctx, actor, receipt.id, step.action, body as never);
    }
    created++;
  }
  const hanoi = await currentProvince(db, '01');
  const commune = hanoi && (await firstCommunes(db, hanoi.id, 1))[0];
  const title = 'Hội nghị đối thoại giữa người đứng đầu cấp ủy, chính quyền với nhân dân năm 2026';
  if (commune && !(await db.selectFrom('reception_sessions').select('id').where('unit_id', '=', commune.id).where('title', '=', title).executeTakeFirst())) {
    const linked = await db.selectFrom('petitions').select('id').where('unit_id', '=', commune.id).where('title', '=', 'Rác thải tồn đọng tại điểm tập kết đầu ngõ 12').executeTakeFirst();
    // Recorded as of the day it was held (a commitment may not be due before the day it is written).
    const heldOn = '2026-10-20';
    await createSession(ctx, actor, {
      kind: 'dialogue',
      unitId: commune.id,
      heldOn,
      title,
      presiding: 'Bí thư Đảng ủy, Chủ tịch UBND phường',
      attendees: 'Đại diện Ủy ban MTTQ, các đoàn thể, 120 người dân các tổ dân phố',
      issues: [
        { summary: 'Thu gom rác thải chưa kịp thời ở một số ngõ', petitionId: linked?.id },
        { summary: 'Vỉa hè bị lấn chiếm làm nơi kinh doanh' },
      ],
      commitments: [
        { description: 'Tăng tần suất thu gom rác lên 2 lần/ngày', owner: 'Phó Chủ tịch UBND phường', deadline: '2026-11-15', issueIndex: 0 },
        { description: 'Ra quân lập lại trật tự vỉa hè các tuyến phố chính', owner: 'Trưởng Công an phường', deadline: '2026-12-31', issueIndex: 1 },
      ],
    }, heldOn);
  }
  return { petitions: created };
}
