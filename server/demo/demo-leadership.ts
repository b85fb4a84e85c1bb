/**
 * The leadership loop in the demo (docs/leadership-loop.md §7 item 8): Ninh Bình's provincial
 * commission carries out Kết luận 43-KL/TW with a plan whose tasks go to every commune of the
 * province; most communes have reported, many have finished, some are overdue, and one commune has
 * given its task on to its Front and Women's Union. Dates are counted from today so that the demo
 * shows "overdue" and "due soon" whenever it is loaded. Through the same services as the API
 * (the `today` they accept stands in for the day each step happened); idempotent.
 */
import { addDaysIso, todayInVietnam } from '../../common/units.js';
import type { Db } from '../db/database.js';
import { SYSTEM_ACTOR } from '../http/access.js';
import type { Ctx } from '../http/context.js';
import { findIssuedDuplicate } from '../modules/policy-documents/policy-documents.repository.js';
import { createPlan } from '../modules/tasks/plans.service.js';
import { markDone } from '../modules/tasks/task-lifecycle.service.js';
import { addReport } from '../modules/tasks/task-reports.service.js';
import { splitTask } from '../modules/tasks/task-split.service.js';
import { createTasks } from '../modules/tasks/tasks.service.js';
import { findPlanId } from '../modules/tasks/tasks.repository.js';
import { currentProvince } from './demo-units.js';

const NINH_BINH = '37';

/** Adds the plan and its tasks when the province has none for 43-KL/TW; answers how many tasks it added. */
export async function loadDemoLeadership(db: Db, ctx: Ctx, today = todayInVietnam()): Promise<{ tasks: number }> {
  const kl43 = await findIssuedDuplicate(db, { symbol: 'KL/TW', number: '43', issuedOn: '2019-01-07' });
  const province = await currentProvince(db, NINH_BINH);
  if (!kl43 || !province) return { tasks: 0 };
  if (await findPlanId(db, kl43, province.id)) return { tasks: 0 };
  const communes = await db
    .selectFrom('units')
    .select(['id', 'name'])
    .where('parent_id', '=', province.id)
    .where('kind', '=', 'commune')
    .where('valid_to', 'is', null)
    .orderBy('code')
    .execute();
  if (!communes.length) return { tasks: 0 };

  const start = addDaysIso(today, -150);
  const planId = await createPlan(ctx, SYSTEM_ACTOR, kl43, { unitId: province.id, startsOn: start, endsOn: addDaysIso(today, 60) }, start);
  const owners = communes.map((c) => c.id);
  // Given on the plan's first day: the deadline passed five days ago for what is still open.
  const models = await createTasks(
    ctx,
    SYSTEM_ACTOR,
    planId,
    {
      content: 'Xây dựng, nhân rộng ít nhất 01 mô hình "Dân vận khéo" gắn với thực hiện Kết luận số 43-KL/TW của Ban Bí thư; báo cáo kết quả về Ban Tuyên giáo và Dân vận Tỉnh ủy.',
      expectedOutput: 'Báo cáo kết quả kèm danh sách mô hình, điển hình "Dân vận khéo" của xã, phường',
      startsOn: start,
      deadline: addDaysIso(today, -5),
      ownerUnitIds: owners,
    },
    start,
  );
  const dialogue = await createTasks(
    ctx,
    SYSTEM_ACTOR,
    planId,
    {
      content: 'Tổ chức hội nghị đối thoại giữa người đứng đầu cấp ủy, chính quyền với Nhân dân về những vấn đề Nhân dân quan tâm.',
      expectedOutput: 'Thông báo kết quả đối thoại và báo cáo việc giải quyết các kiến nghị',
      startsOn: start,
      deadline: addDaysIso(today, 20),
      ownerUnitIds: owners,
    },
    start,
  );

  // Of the model tasks: three in five done, one in five reported but not finished, the rest silent.
  const reportedOn = addDaysIso(today, -12);
  for (const [i, id] of models.entries()) {
    const share = i % 5;
    if (share >= 4) continue;
    await addReport(
      ctx,
      SYSTEM_ACTOR,
      id,
      { reportedOn, text: share === 3 ? 'Đã khảo sát, lựa chọn mô hình; đang hoàn thiện hồ sơ đề nghị công nhận.' : 'Đã xây dựng và công nhận 01 mô hình "Dân vận khéo" cấp xã.', percent: share === 3 ? 60 : 100 },
      today,
    );
    if (share < 3) await markDone(ctx, SYSTEM_ACTOR, id, { version: 1, note: null });
  }

  // The first commune gives its dialogue task on to its Front committee and Women's Union.
  const first = communes[0]!;
  const organizations = await db
    .selectFrom('units')
    .select('id')
    .where('parent_id', '=', first.id)
    .where('kind', 'in', ['fatherland_front', 'womens_union'])
    .where('valid_to', 'is', null)
    .orderBy('kind')
    .execute();
  if (organizations.length && dialogue[0]) {
    await splitTask(ctx, SYSTEM_ACTOR, dialogue[0], { version: 1, children: organizations.map((o) => ({ ownerUnitId: o.id })) }, start);
  }
  return { tasks: models.length + dialogue.length + organizations.length };
}
