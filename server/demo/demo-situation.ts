/**
 * Situation reports in the demo (docs/situation.md "Situation reports as built"): Ninh Bình's
 * quarterly situation rounds of the last closed quarter and the one before, answered by its
 * communes (all of them, then all but two). Most report the people's situation stable; around the widening of a provincial road,
 * land and site clearance goes from "concerned" in two communes to "concerned" or "tense" in nine,
 * so the summary shows that one topic rising. Plus one quick report (báo cáo nhanh) of a gathering.
 * Through the same services as the API, each report sent on its own day; idempotent.
 */
import type { Mood, SituationItemInput } from '../../common/situation.js';
import { addDaysIso, todayInVietnam } from '../../common/units.js';
import type { Db } from '../db/database.js';
import { SYSTEM_ACTOR } from '../http/access.js';
import type { Ctx } from '../http/context.js';
import { createTemplate } from '../modules/reporting-rounds/report-templates.service.js';
import { createRound } from '../modules/reporting-rounds/reporting-rounds.service.js';
import { createSubmission, submitSubmission } from '../modules/reporting-rounds/round-submissions.service.js';
import { findReportIdBySubmission } from '../modules/situation-reports/situation-reports.repository.js';
import { createAdHocReport, submitReport, updateReport } from '../modules/situation-reports/situation-reports.service.js';
import { currentProvince, firstCommunes } from './demo-units.js';

const NINH_BINH = '37';
const ROMAN = ['I', 'II', 'III', 'IV'];
/** More than Ninh Bình's communes in force (129): every one takes part in a round anyway. */
const COMMUNES = 500;

/** The quarter `back` quarters before the one holding `today`. */
function quarterBefore(today: string, back: number) {
  let year = Number(today.slice(0, 4));
  let q = Math.floor((Number(today.slice(5, 7)) - 1) / 3) - back;
  while (q < 0) {
    q += 4;
    year -= 1;
  }
  const from = `${year}-${String(q * 3 + 1).padStart(2, '0')}-01`;
  const to = addDaysIso(q === 3 ? `${year + 1}-01-01` : `${year}-${String(q * 3 + 4).padStart(2, '0')}-01`, -1);
  return { label: `${ROMAN[q]}/${year}`, from, to };
}

const item = (topic: string, mood: Mood, groups: string[], summary: string, proposals: string | null, sources: string): SituationItemInput => ({ topic, mood, groups, summary, proposals, sources });

const STABLE = [
  item('policies', 'stable', ['farmers', 'workers'], 'Nhân dân phấn khởi, tin tưởng vào sự lãnh đạo của Đảng, chính quyền sau sắp xếp đơn vị hành chính; đồng tình với các chủ trương, chính sách của Đảng, Nhà nước.', null, 'Qua sinh hoạt chi hội, tổ dân vận'),
  item('prices', 'stable', ['farmers', 'elderly'], 'Giá cả hàng hóa thiết yếu cơ bản ổn định; đời sống Nhân dân được bảo đảm.', null, 'Qua nắm tình hình của Mặt trận và các đoàn thể'),
];

/** Land around the road project: concerned early, tense where clearance began. */
function landItem(mood: Mood, commune: string): SituationItemInput {
  return mood === 'tense'
    ? item('land', 'tense', ['farmers', 'elderly'], `Một số hộ dân ở ${commune} bức xúc vì đơn giá bồi thường đất nông nghiệp khi mở rộng đường tỉnh thấp hơn giá thị trường; có ý kiến chưa đồng tình bàn giao mặt bằng.`, 'Đề nghị công khai phương án bồi thường, hỗ trợ, tái định cư và tổ chức đối thoại với các hộ bị ảnh hưởng.', 'Qua tổ dân vận, sinh hoạt chi hội nông dân, mạng xã hội')
    : item('land', 'concerned', ['farmers'], `Nhân dân ở ${commune} có băn khoăn về tiến độ giải phóng mặt bằng dự án mở rộng đường tỉnh và việc xác định nguồn gốc đất.`, 'Đề nghị sớm thông tin quy hoạch, mốc giới dự án.', 'Qua sinh hoạt chi hội, tổ dân vận');
}

type Round = { label: string; from: string; to: string };

async function loadRound(ctx: Ctx, province: { id: string }, communes: { id: string; name: string }[], templateId: string, q: Round, land: Map<string, Mood>, today: string) {
  const dueOn = addDaysIso(q.to, 10);
  const roundId = await createRound(ctx, SYSTEM_ACTOR, {
    openingUnitId: province.id,
    templateId,
    title: `Báo cáo tình hình nhân dân quý ${q.label}`,
    periodFrom: q.from,
    periodTo: q.to,
    dueOn,
    targetKinds: ['commune'],
  });
  for (const [i, c] of communes.entries()) {
    const id = await createSubmission(ctx, SYSTEM_ACTOR, roundId, c.id);
    const reportId = (await findReportIdBySubmission(ctx.db, id))!;
    const mood = land.get(c.id);
    await updateReport(ctx, SYSTEM_ACTOR, reportId, { overallMood: mood ?? 'stable', items: mood ? [landItem(mood, c.name), ...STABLE] : STABLE, version: 1 }, today);
    const sentOn = addDaysIso(dueOn, -(i % 6));
    await submitSubmission(ctx, SYSTEM_ACTOR, id, 1, sentOn < today ? sentOn : today);
  }
}

/** Adds the rounds when Ninh Bình has not got them; answers how many situation reports it added. */
export async function loadDemoSituation(db: Db, ctx: Ctx, today = todayInVietnam()): Promise<{ situationReports: number }> {
  const province = await currentProvince(db, NINH_BINH);
  if (!province) return { situationReports: 0 };
  const last = quarterBefore(today, 1);
  const before = quarterBefore(today, 2);
  const title = `Báo cáo tình hình nhân dân quý ${last.label}`;
  if (await db.selectFrom('reporting_rounds').select('id').where('opening_unit_id', '=', province.id).where('title', '=', title).executeTakeFirst()) return { situationReports: 0 };
  const communes = await firstCommunes(db, province.id, COMMUNES);
  if (communes.length < 12) return { situationReports: 0 };
  const template = await createTemplate(ctx, SYSTEM_ACTOR, {
    unitId: province.id,
    name: 'Báo cáo tình hình nhân dân định kỳ',
    sections: [{ key: 'situation', kind: 'situation', title: { vi: 'Tình hình nhân dân', en: 'The situation of the people' } }],
  });
  // The road runs through the first communes: two concerned the quarter before, nine the last (four tense).
  const road = communes.slice(0, 9);
  await loadRound(ctx, province, communes, template.id, before, new Map(road.slice(0, 2).map((c) => [c.id, 'concerned' as Mood])), today);
  await loadRound(ctx, province, communes.slice(0, -2), template.id, last, new Map(road.map((c, i) => [c.id, (i < 4 ? 'tense' : 'concerned') as Mood])), today);
  // A quick report the day people gathered at the commune's office, in the last quarter.
  const day = addDaysIso(last.to, -20) < today ? addDaysIso(last.to, -20) : today;
  const quick = await createAdHocReport(
    ctx,
    SYSTEM_ACTOR,
    {
      unitId: road[0]!.id,
      reportedOn: day,
      overallMood: 'tense',
      items: [item('compensation', 'tense', ['farmers'], 'Khoảng 30 hộ dân tập trung tại trụ sở Đảng ủy, Ủy ban nhân dân xã kiến nghị về đơn giá bồi thường; đã được lãnh đạo xã tiếp, giải thích, Nhân dân ra về trong trật tự.', 'Đề nghị tỉnh sớm rà soát đơn giá bồi thường đất nông nghiệp.', 'Tổ dân vận, công an xã')],
    },
    day,
  );
  await submitReport(ctx, SYSTEM_ACTOR, quick, 1, day);
  return { situationReports: communes.length + communes.length - 2 + 1 };
}
