/**
 * Demo periodic reviews: a closed 2024 review of Ninh Bình, a 2025 review of Hà Nội in draft and
 * the 2021–2025 review of Huế, each with its figures from the demo entries, shortcomings, key tasks
 * (some done, one overdue) and an event. Through the same services as the API; idempotent.
 */
import type { Db } from '../db/database.js';
import { SYSTEM_ACTOR } from '../http/access.js';
import type { Ctx } from '../http/context.js';
import { findReviewByUnitAndRange } from '../modules/reviews/reviews.repository.js';
import { createEvent, createReview, createTask, setTaskStatus, updateReview } from '../modules/reviews/reviews.service.js';
import { currentProvince, firstCommunes } from './demo-units.js';

type DemoTask = { content: string; owner: 'province' | 0 | 1; deadline: string; done?: string };
type DemoReview = {
  province: string;
  period: { period: 'year'; year: number } | { period: 'emulation_period'; startYear: number };
  shortcomings: string;
  tasks: DemoTask[];
  event: { happenedOn: string; title: string };
  final?: boolean;
};

const SHORTCOMINGS =
  'Một số mô hình chưa được duy trì thường xuyên sau khi được công nhận; việc nhân rộng mô hình ở một số xã, phường còn chậm.\n\n' +
  'Công tác tuyên truyền, biểu dương điển hình “Dân vận khéo” có lúc chưa kịp thời; việc cập nhật số liệu ở cơ sở sau sắp xếp đơn vị hành chính còn lúng túng.';

const REVIEWS: DemoReview[] = [
  {
    province: '37',
    period: { period: 'year', year: 2024 },
    shortcomings: SHORTCOMINGS,
    final: true,
    event: { happenedOn: '2024-10-14', title: 'Hội nghị biểu dương điển hình “Dân vận khéo” nhân kỷ niệm 94 năm Ngày truyền thống công tác dân vận của Đảng' },
    tasks: [
      { content: 'Tiếp tục nhân rộng các mô hình “Dân vận khéo” trong lĩnh vực phát triển kinh tế, xây dựng nông thôn mới', owner: 0, deadline: '2025-06-30', done: 'Đã nhân rộng ra 6 thôn, tổ dân phố' },
      { content: 'Rà soát, cập nhật dữ liệu mô hình, điển hình sau sắp xếp đơn vị hành chính cấp xã', owner: 1, deadline: '2025-09-30' },
      { content: 'Tổ chức sơ kết 5 năm phong trào thi đua “Dân vận khéo” giai đoạn 2021–2025', owner: 'province', deadline: '2025-12-31', done: 'Đã tổ chức hội nghị ngày 14/10/2025' },
    ],
  },
  {
    province: '01',
    period: { period: 'year', year: 2025 },
    shortcomings: SHORTCOMINGS,
    event: { happenedOn: '2025-10-15', title: 'Lễ kỷ niệm 95 năm Ngày truyền thống công tác dân vận của Đảng và Ngày hội “Dân vận khéo”' },
    tasks: [
      { content: 'Xây dựng mỗi phường, xã ít nhất một mô hình “Dân vận khéo” về chuyển đổi số', owner: 0, deadline: '2026-06-30' },
      { content: 'Biểu dương, khen thưởng kịp thời các điển hình tiêu biểu năm 2025', owner: 'province', deadline: '2026-03-31' },
    ],
  },
  {
    province: '46',
    period: { period: 'emulation_period', startYear: 2021 },
    shortcomings: SHORTCOMINGS,
    event: { happenedOn: '2023-10-13', title: 'Tọa đàm “Dân vận khéo” trong xây dựng đô thị di sản' },
    tasks: [
      { content: 'Ban hành kế hoạch phong trào thi đua “Dân vận khéo” giai đoạn 2026–2030', owner: 'province', deadline: '2026-03-31' },
      { content: 'Duy trì, nâng chất các mô hình đã được công nhận giai đoạn 2021–2025', owner: 1, deadline: '2026-12-31' },
    ],
  },
];

const dayAfter = (iso: string) => new Date(Date.parse(`${iso}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

export async function loadDemoReviews(db: Db, ctx: Ctx): Promise<{ reviews: number }> {
  const actor = SYSTEM_ACTOR;
  let created = 0;
  for (const r of REVIEWS) {
    const province = await currentProvince(db, r.province);
    if (!province) continue;
    const communes = await firstCommunes(db, province.id, 2);
    const ep =
      r.period.period === 'emulation_period'
        ? await db.selectFrom('emulation_periods').select(['id', 'start_year', 'end_year']).where('start_year', '=', r.period.startYear).executeTakeFirst()
        : undefined;
    const [from, to] = r.period.period === 'year' ? [`${r.period.year}-01-01`, `${r.period.year}-12-31`] : ep ? [`${ep.start_year}-01-01`, `${ep.end_year}-12-31`] : [];
    if (!from || !to || (await findReviewByUnitAndRange(db, province.id, from, to))) continue;
    const review = await createReview(
      ctx,
      actor,
      r.period.period === 'year' ? { unitId: province.id, period: 'year', year: r.period.year } : { unitId: province.id, period: 'emulation_period', periodId: ep!.id },
    );
    const { version } = await updateReview(ctx, actor, review.id, { shortcomings: r.shortcomings, version: review.version });
    await createEvent(ctx, actor, review.id, { ...r.event, description: null });
    for (const task of r.tasks) {
      const ownerUnitId = task.owner === 'province' ? province.id : communes[task.owner]?.id;
      if (!ownerUnitId) continue;
      // History, written as of the day after the reviewed period (a new deadline may not lie in the past).
      const t = await createTask(ctx, actor, review.id, { content: task.content, ownerUnitId, deadline: task.deadline, note: null }, dayAfter(to));
      if (task.done) await setTaskStatus(ctx, actor, t.id, 'done', { version: t.version, note: task.done });
    }
    if (r.final) await updateReview(ctx, actor, review.id, { status: 'final', version });
    created++;
  }
  return { reviews: created };
}
