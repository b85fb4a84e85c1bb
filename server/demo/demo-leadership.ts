/**
 * The leadership loop in the demo (docs/leadership-loop.md §7 item 8): Ninh Bình's provincial
 * commission carries out Kết luận 43-KL/TW with a plan whose tasks go to every commune of the
 * province; most communes have reported, many have finished, some are overdue, and one commune has
 * given its task on to its Front and Women's Union; and the province's last quarterly reporting
 * round, with two communes late and three silent. Dates are counted from today so that the demo
 * shows "overdue" and "due soon" whenever it is loaded. Through the same services as the API
 * (the `today` they accept stands in for the day each step happened); idempotent.
 */
import { addDaysIso, todayInVietnam } from '../../common/units.js';
import type { Db } from '../db/database.js';
import { SYSTEM_ACTOR } from '../http/access.js';
import type { Ctx } from '../http/context.js';
import { findIssuedDuplicate } from '../modules/policy-documents/policy-documents.repository.js';
import { createDocumentReview } from '../modules/reviews/document-reviews.service.js';
import { setCommendedUnits } from '../modules/reviews/reviews.service.js';
import { createTemplate } from '../modules/reporting-rounds/report-templates.service.js';
import { createRound } from '../modules/reporting-rounds/reporting-rounds.service.js';
import { createSubmission, submitSubmission, updateSubmission } from '../modules/reporting-rounds/round-submissions.service.js';
import { createPlan } from '../modules/tasks/plans.service.js';
import { markDone } from '../modules/tasks/task-lifecycle.service.js';
import { addReport } from '../modules/tasks/task-reports.service.js';
import { splitTask } from '../modules/tasks/task-split.service.js';
import { createTasks } from '../modules/tasks/tasks.service.js';
import { findPlanId } from '../modules/tasks/tasks.repository.js';
import { currentProvince } from './demo-units.js';

const NINH_BINH = '37';

const ROMAN = ['I', 'II', 'III', 'IV'];

/**
 * The latest calendar quarter whose report, due 10 days after it ends, was due at least a week ago:
 * so the demo always has a round with late and missing reports, whatever day it is loaded.
 */
export function lastClosedQuarter(today: string): { q: number; year: number; from: string; to: string; dueOn: string } {
  let year = Number(today.slice(0, 4));
  let q = Math.floor((Number(today.slice(5, 7)) - 1) / 3);
  for (;;) {
    q -= 1;
    if (q < 0) {
      q = 3;
      year -= 1;
    }
    const from = `${year}-${String(q * 3 + 1).padStart(2, '0')}-01`;
    const to = addDaysIso(q === 3 ? `${year + 1}-01-01` : `${year}-${String(q * 3 + 4).padStart(2, '0')}-01`, -1);
    const dueOn = addDaysIso(to, 10);
    if (dueOn <= addDaysIso(today, -7)) return { q: q + 1, year, from, to, dueOn };
  }
}

/**
 * Ninh Bình's quarterly reporting round for its communes: every commune has reported on time but
 * five — two sent late, three have not sent. Through the services, each report sent on its own day.
 */
async function loadDemoRound(db: Db, ctx: Ctx, province: { id: string }, communes: { id: string; name: string }[], today: string): Promise<number> {
  const quarter = lastClosedQuarter(today);
  const title = `Báo cáo công tác dân vận quý ${ROMAN[quarter.q - 1]}/${quarter.year}`;
  const exists = await db.selectFrom('reporting_rounds').select('id').where('opening_unit_id', '=', province.id).where('title', '=', title).executeTakeFirst();
  if (exists) return 0;
  const template = await createTemplate(ctx, SYSTEM_ACTOR, {
    unitId: province.id,
    name: 'Báo cáo định kỳ công tác dân vận',
    sections: [
      { key: 'figures', kind: 'figures', title: { vi: 'Số liệu phong trào và đơn thư', en: 'Figures of the movement and petitions' } },
      { key: 'results', kind: 'text', title: { vi: 'Kết quả thực hiện', en: 'Results' } },
      { key: 'difficulties', kind: 'text', title: { vi: 'Khó khăn, vướng mắc', en: 'Difficulties' } },
      { key: 'proposals', kind: 'text', title: { vi: 'Kiến nghị, đề xuất', en: 'Proposals' } },
    ],
  });
  const roundId = await createRound(ctx, SYSTEM_ACTOR, {
    openingUnitId: province.id,
    templateId: template.id,
    title,
    periodFrom: quarter.from,
    periodTo: quarter.to,
    dueOn: quarter.dueOn,
    targetKinds: ['commune'],
  });
  const silent = new Set(communes.slice(-3).map((c) => c.id));
  const late = new Set(communes.slice(-5, -3).map((c) => c.id));
  for (const [i, c] of communes.entries()) {
    if (silent.has(c.id)) continue;
    const id = await createSubmission(ctx, SYSTEM_ACTOR, roundId, c.id);
    await updateSubmission(ctx, SYSTEM_ACTOR, id, {
      narrative: `${c.name} đã quán triệt, triển khai các văn bản chỉ đạo của cấp trên về công tác dân vận; duy trì phong trào thi đua "Dân vận khéo", nắm tình hình nhân dân ổn định.`,
      sections: {
        results: 'Tổ chức hội nghị quán triệt; xây dựng và công nhận mô hình "Dân vận khéo"; tiếp công dân định kỳ theo quy định.',
        difficulties: 'Một số thôn, tổ dân phố sau sắp xếp còn lúng túng trong tổ chức thực hiện.',
        proposals: 'Đề nghị Ban Tuyên giáo và Dân vận Tỉnh ủy tiếp tục tập huấn nghiệp vụ cho cán bộ làm công tác dân vận cơ sở.',
      },
      version: 1,
    });
    // On time a few days before the due day, spread out; the two late ones a week after it.
    const sentOn = late.has(c.id) ? addDaysIso(quarter.dueOn, 7) : addDaysIso(quarter.dueOn, -(i % 6));
    await submitSubmission(ctx, SYSTEM_ACTOR, id, 2, sentOn);
  }
  return 1;
}

/** Adds the plan and its tasks when the province has none for 43-KL/TW; answers how many tasks it added. */
export async function loadDemoLeadership(db: Db, ctx: Ctx, today = todayInVietnam()): Promise<{ tasks: number; reportingRounds: number }> {
  const kl43 = await findIssuedDuplicate(db, { symbol: 'KL/TW', number: '43', issuedOn: '2019-01-07' });
  const province = await currentProvince(db, NINH_BINH);
  if (!kl43 || !province) return { tasks: 0, reportingRounds: 0 };
  const communes = await db
    .selectFrom('units')
    .select(['id', 'name'])
    .where('parent_id', '=', province.id)
    .where('kind', '=', 'commune')
    .where('valid_to', 'is', null)
    .orderBy('code')
    .execute();
  if (!communes.length) return { tasks: 0, reportingRounds: 0 };
  const reportingRounds = await loadDemoRound(db, ctx, province, communes, today);
  if (await findPlanId(db, kl43, province.id)) return { tasks: 0, reportingRounds };
  const tasks = await loadDemoPlan(db, ctx, kl43, province, communes, today);
  await loadDemoDocumentReview(db, ctx, kl43, province, communes);
  return { tasks, reportingRounds };
}

/**
 * Ninh Bình's sơ kết of 43-KL/TW (7/01/2019) to the end of 2023, with its figures from the plan
 * above and two communes commended. The ordinal is typed as 5, as Sơn La wrote it in November
 * 2023 (docs/leadership-loop.md §1), where the computed one is 2023 − 2019 = 4.
 */
async function loadDemoDocumentReview(db: Db, ctx: Ctx, kl43: string, province: { id: string }, communes: { id: string; name: string }[]): Promise<void> {
  const review = await createDocumentReview(ctx, SYSTEM_ACTOR, { unitId: province.id, policyDocumentId: kl43, kind: 'so_ket', from: '2019-01-07', to: '2023-12-31', joint: false, ordinalYears: 5 });
  const commended = communes.slice(0, 2);
  await setCommendedUnits(ctx, SYSTEM_ACTOR, review.id, {
    version: review.version,
    items: commended.map((c, i) => ({ unitId: c.id, form: i === 0 ? 'Bằng khen của Ban Thường vụ Tỉnh ủy' : 'Giấy khen của Ban Tuyên giáo và Dân vận Tỉnh ủy' })),
  });
}

/** The province's plan of 43-KL/TW and its tasks; answers how many tasks it added. */
async function loadDemoPlan(db: Db, ctx: Ctx, kl43: string, province: { id: string }, communes: { id: string; name: string }[], today: string): Promise<number> {

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
  return models.length + dialogue.length + organizations.length;
}
