/**
 * A coordination program in the demo (docs/leadership-loop.md §7 item 6): Ninh Bình's Party
 * committee and the coast guard's Region 1 command, whose waters run from the Bắc Luân river
 * mouth (Quảng Ninh) to Cồn Cỏ island (Quảng Trị) and so take in Ninh Bình's coast (Nghị định
 * 61/2019/NĐ-CP). Period 2023–2027; the yearly plan of 2026 has four items, two done with
 * their results, one reported on, one not yet. Through the same services as the API (the `today`
 * they accept stands in for the day each step happened); idempotent.
 */
import type { Db } from '../db/database.js';
import { SYSTEM_ACTOR } from '../http/access.js';
import type { Ctx } from '../http/context.js';
import { findPrograms } from '../modules/coordination/coordination.repository.js';
import { createProgram } from '../modules/coordination/coordination.service.js';
import { createYearlyPlan } from '../modules/coordination/yearly-plans.service.js';
import { issueDocument } from '../modules/policy-documents/policy-documents.service.js';
import { createDocumentReview } from '../modules/reviews/document-reviews.service.js';
import { markDone } from '../modules/tasks/task-lifecycle.service.js';
import { addReport } from '../modules/tasks/task-reports.service.js';
import { createTasks } from '../modules/tasks/tasks.service.js';
import { currentProvince } from './demo-units.js';

const NINH_BINH = '37';
const NUMBER = '05';
const SYMBOL = 'CTrPH/TU';

type Item = { content: string; expectedOutput: string; deadline: string; result?: { reportedOn: string; text: string; percent: number; done: boolean } };

const ITEMS: Item[] = [
  {
    content: 'Phối hợp tuyên truyền, phổ biến Luật Cảnh sát biển Việt Nam và pháp luật về biển, đảo cho ngư dân các xã ven biển.',
    expectedOutput: 'Báo cáo kết quả tuyên truyền: số buổi, số lượt ngư dân tham gia',
    deadline: '2026-06-30',
    result: { reportedOn: '2026-06-20', text: 'Đã phối hợp tổ chức 14 buổi tuyên truyền tại 6 xã ven biển, hơn 1.200 lượt ngư dân tham gia; cấp phát 3.000 tờ gấp.', percent: 100, done: true },
  },
  {
    content: 'Phối hợp thực hiện chương trình "Cảnh sát biển đồng hành với ngư dân": thăm, tặng quà gia đình ngư dân có hoàn cảnh khó khăn, gia đình chính sách.',
    expectedOutput: 'Danh sách gia đình được hỗ trợ và báo cáo kết quả',
    deadline: '2026-09-30',
    result: { reportedOn: '2026-09-15', text: 'Đã trao 120 suất quà cho gia đình ngư dân khó khăn và 2 nhà tình nghĩa tại xã ven biển.', percent: 100, done: true },
  },
  {
    content: 'Phối hợp vận động ngư dân chấp hành quy định chống khai thác hải sản bất hợp pháp, không báo cáo và không theo quy định (IUU); lắp đặt, duy trì thiết bị giám sát hành trình tàu cá.',
    expectedOutput: 'Báo cáo tình hình tàu cá vi phạm và kết quả vận động',
    deadline: '2026-12-31',
    result: { reportedOn: '2026-10-31', text: 'Đã vận động 95% chủ tàu cá có chiều dài từ 15 m trở lên duy trì thiết bị giám sát hành trình; còn 7 tàu chưa khắc phục.', percent: 60, done: false },
  },
  {
    content: 'Sơ kết 3 năm thực hiện Chương trình phối hợp; đề xuất khen thưởng tập thể, cá nhân có thành tích tiêu biểu.',
    expectedOutput: 'Báo cáo sơ kết và tờ trình khen thưởng',
    deadline: '2026-12-31',
  },
];

/** Adds the program when Ninh Bình does not have it yet (05-CTrPH/TU with the coast guard); answers how many programs it added. */
export async function loadDemoCoordination(db: Db, ctx: Ctx): Promise<{ coordinationPrograms: number }> {
  const province = await currentProvince(db, NINH_BINH);
  if (!province) return { coordinationPrograms: 0 };
  const unit = await db.selectFrom('units').select('path').where('id', '=', province.id).executeTakeFirstOrThrow();
  const existing = await findPrograms(db, { scope: { all: true }, nearPath: unit.path, force: 'coast_guard', limit: 200, offset: 0 });
  if (existing.rows.some((p) => p.party_unit_id === province.id && p.number === NUMBER && p.symbol === SYMBOL)) return { coordinationPrograms: 0 };

  const signedOn = '2023-03-10';
  const programId = await createProgram(
    ctx,
    SYSTEM_ACTOR,
    {
      partyUnitId: province.id,
      forceCode: 'coast_guard',
      forceBody: 'Bộ Tư lệnh Vùng Cảnh sát biển 1',
      periodFrom: '2023-01-01',
      periodTo: '2027-12-31',
      document: {
        issuingBody: 'Ban Thường vụ Tỉnh ủy',
        number: NUMBER,
        symbol: SYMBOL,
        issuedOn: signedOn,
        title: 'Chương trình phối hợp giữa Ban Thường vụ Tỉnh ủy và Bộ Tư lệnh Vùng Cảnh sát biển 1 về công tác dân vận, bảo vệ chủ quyền, an ninh trật tự vùng biển giai đoạn 2023–2027',
        summary: null,
      },
    },
    signedOn,
  );
  await issueDocument(ctx, SYSTEM_ACTOR, programId, { version: 1 });
  const planId = await createYearlyPlan(ctx, SYSTEM_ACTOR, programId, 2026);
  const givenOn = '2026-01-15';
  for (const item of ITEMS) {
    const [taskId] = await createTasks(
      ctx,
      SYSTEM_ACTOR,
      planId,
      { content: item.content, expectedOutput: item.expectedOutput, startsOn: givenOn, deadline: item.deadline, ownerUnitIds: [province.id] },
      givenOn,
    );
    if (!item.result || !taskId) continue;
    const { done, ...report } = item.result;
    await addReport(ctx, SYSTEM_ACTOR, taskId, report, report.reportedOn);
    if (done) await markDone(ctx, SYSTEM_ACTOR, taskId, { version: 1, note: null });
  }
  // The joint sơ kết of the program's first three years (2023, 2024, 2025), with the coast guard
  // (sơ kết liên tịch): a program is reviewed after 3 years and closed after 5 (Quảng Ninh, see
  // docs/leadership-loop.md). Counted by years run, not by the difference computed by default (2).
  await createDocumentReview(ctx, SYSTEM_ACTOR, { unitId: province.id, policyDocumentId: programId, kind: 'so_ket', from: signedOn, to: '2025-12-31', joint: true, ordinalYears: 3 });
  return { coordinationPrograms: 1 };
}
