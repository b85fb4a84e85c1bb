/**
 * The boards and the Front's supervision in the demo (docs/grassroots-democracy.md §6): in Ninh
 * Bình's demo commune (Xã Phát Diệm, `grassrootsDemoCommune`), the People's Inspection Board (five members, invented names) with its
 * year's plan and a supervision whose findings led to two recommendations, one answered and one
 * unanswered past its due day (so it shows in the commune's work queue), and an investment
 * supervision board for a village road; the province Front committee's program of the year and two
 * of its items held (a supervision and a social criticism). Through the same services as the API;
 * idempotent (nothing is added when the commune already has a board).
 */
import { addDaysIso, todayInVietnam } from '../../common/units.js';
import type { Db } from '../db/database.js';
import { SYSTEM_ACTOR } from '../http/access.js';
import type { Ctx } from '../http/context.js';
import { answerRecommendation, createActivity, createBoard, createProgram, listRecommendations } from '../modules/supervision/supervision.service.js';
import { currentProvince, grassrootsDemoCommune } from './demo-units.js';

const NINH_BINH = '37';

export async function loadDemoSupervision(db: Db, ctx: Ctx, today = todayInVietnam()): Promise<{ supervisionRecords: number }> {
  const province = await currentProvince(db, NINH_BINH);
  if (!province) return { supervisionRecords: 0 };
  const commune = await grassrootsDemoCommune(db, province.id);
  if (!commune) return { supervisionRecords: 0 };
  if (await db.selectFrom('supervision_boards').select('id').where('unit_id', '=', commune.id).executeTakeFirst()) return { supervisionRecords: 0 };
  const front = (await db.selectFrom('units').select('id').where('parent_id', '=', province.id).where('kind', '=', 'fatherland_front').where('valid_to', 'is', null).orderBy('id').executeTakeFirst())?.id ?? province.id;
  const year = Number(today.slice(0, 4));
  const a = SYSTEM_ACTOR;
  let n = 0;

  const member = (name: string, position: string) => ({ name, position, fromOn: '2024-07-01' });
  const inspection = await createBoard(ctx, a, {
    unitId: commune.id,
    kind: 'inspection',
    termFrom: '2024-07-01',
    termTo: '2029-06-30',
    electedOn: '2024-06-20',
    electedBy: 'Hội nghị nhân dân các thôn; Ủy ban MTTQ xã ra nghị quyết công nhận',
    members: [member('Phạm Văn Thuận', 'Trưởng ban'), member('Đinh Thị Mai', 'Phó Trưởng ban'), member('Bùi Văn Khải', 'Thành viên'), member('Lã Thị Hương', 'Thành viên'), member('Trương Văn Đức', 'Thành viên')],
  });
  await createBoard(ctx, a, {
    unitId: commune.id,
    kind: 'investment_supervision',
    projectName: 'Cứng hóa đường trục thôn Đông, dài 1,2 km',
    investor: 'Ủy ban nhân dân xã',
    termFrom: `${year}-03-01`,
    termTo: null,
    electedOn: `${year}-02-25`,
    electedBy: 'Hội nghị cộng đồng dân cư thôn Đông',
    members: [{ name: 'Vũ Văn Tiến', position: 'Trưởng ban', fromOn: `${year}-03-01` }, { name: 'Hoàng Thị Nga', position: 'Thành viên', fromOn: `${year}-03-01` }],
  });
  n += 2;
  await createProgram(ctx, a, {
    unitId: commune.id,
    boardId: inspection,
    year,
    items: [{ subject: 'Việc thu, chi các quỹ do nhân dân đóng góp' }, { subject: 'Việc giải quyết kiến nghị của cử tri về cấp giấy chứng nhận quyền sử dụng đất' }],
  });
  n++;
  const heldOn = addDaysIso(today, -60);
  await createActivity(ctx, a, {
    unitId: commune.id,
    boardId: inspection,
    kind: 'supervision',
    heldOn,
    subject: 'Việc thu, chi quỹ xây dựng nhà văn hóa các thôn',
    findings: 'Thôn Đông và thôn Trung chưa niêm yết công khai các khoản chi; một số chứng từ chi chưa có chữ ký người nhận.',
    recommendations: [
      { content: 'Niêm yết công khai các khoản thu, chi quỹ tại nhà văn hóa thôn', addressee: 'Ủy ban nhân dân xã', sentOn: addDaysIso(heldOn, 3), dueOn: addDaysIso(heldOn, 33) },
      { content: 'Bổ sung chứng từ chi còn thiếu, báo cáo kết quả với Ban Thanh tra nhân dân', addressee: 'Ban phát triển thôn Đông', sentOn: addDaysIso(heldOn, 3), dueOn: addDaysIso(heldOn, 33) },
    ],
  });
  n++;
  const sent = (await listRecommendations(ctx, a, { unitId: commune.id, limit: 10, offset: 0 }, today)).rows;
  const first = sent.find((r) => r.addressee === 'Ủy ban nhân dân xã');
  if (first) await answerRecommendation(ctx, a, first.id, { answeredOn: addDaysIso(heldOn, 20), answerKind: 'answered', answer: 'Đã niêm yết tại 5 nhà văn hóa thôn', version: first.version });

  await createProgram(ctx, a, {
    unitId: front,
    year,
    items: [
      { subject: 'Việc thực hiện chính sách hỗ trợ nhà ở cho hộ nghèo', form: 'thematic', leadOrganization: 'Ủy ban MTTQ tỉnh' },
      { subject: 'Việc giải quyết đơn thư của nhân dân tại các xã', form: 'through_activities', leadOrganization: 'Hội Nông dân tỉnh' },
      { subject: 'Dự thảo quy hoạch sử dụng đất của tỉnh', form: 'social_criticism', leadOrganization: 'Ủy ban MTTQ tỉnh' },
    ],
  });
  n++;
  const frontHeld = addDaysIso(today, -90);
  await createActivity(ctx, a, {
    unitId: front,
    kind: 'supervision',
    heldOn: frontHeld,
    subject: 'Việc thực hiện chính sách hỗ trợ nhà ở cho hộ nghèo',
    findings: 'Còn 12 hộ được phê duyệt chưa nhận đủ kinh phí hỗ trợ.',
    recommendations: [{ content: 'Chi trả dứt điểm kinh phí hỗ trợ cho 12 hộ còn lại', addressee: 'Sở Xây dựng', sentOn: addDaysIso(frontHeld, 5), dueOn: addDaysIso(frontHeld, 45) }],
  });
  await createActivity(ctx, a, {
    unitId: front,
    kind: 'social_criticism',
    heldOn: addDaysIso(today, -30),
    subject: 'Dự thảo quy hoạch sử dụng đất của tỉnh',
    findings: 'Đề nghị làm rõ phương án tái định cư ở hai xã ven sông.',
    recommendations: [],
  });
  n += 2;
  const frontRec = (await listRecommendations(ctx, a, { unitId: front, limit: 10, offset: 0 }, today)).rows[0];
  if (frontRec) await answerRecommendation(ctx, a, frontRec.id, { answeredOn: addDaysIso(frontHeld, 30), answerKind: 'partly', answer: 'Đã chi trả cho 8 hộ; 4 hộ chờ bố trí vốn', version: frontRec.version });
  return { supervisionRecords: n };
}
