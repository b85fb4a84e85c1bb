/**
 * Hotspots in the demo (docs/situation.md §7): three open cases in Ninh Bình's communes — a land
 * dispute over compensation for a road project (being handled, acknowledged, linked to a petition
 * of the province when the demo has one), a gathering of households at a commune's office
 * (emerging, not acknowledged within its hours, so the escalation job sends it to the province) and
 * a strike at an industrial-park factory (stabilised). Through the same services as the API, times
 * counted back from now; idempotent (a case whose title exists in its unit is left alone).
 */
import { sql } from 'kysely';
import type { Db } from '../db/database.js';
import { SYSTEM_ACTOR } from '../http/access.js';
import type { Ctx } from '../http/context.js';
import { CreateHotspotBody } from '../../common/hotspots.js';
import { acknowledge, addUpdate, createHotspot, escalateDue, putLinks } from '../modules/hotspots/hotspots.service.js';
import { currentProvince } from './demo-units.js';

const NINH_BINH = '37';
const hoursAgo = (h: number) => new Date(Date.now() - h * 3_600_000).toISOString();

type DemoCase = {
  communeIndex: number;
  kind: string;
  title: string;
  place: string;
  summary: string;
  peopleCount: number;
  severity: number;
  occurredHoursAgo: number;
  updates: { hoursAgo: number; text: string; status?: 'handling' | 'stabilised'; severity?: number }[];
  acknowledged: boolean;
  linkPetition?: boolean;
};

const CASES: DemoCase[] = [
  {
    communeIndex: 0,
    kind: 'land_dispute',
    title: 'Các hộ dân kiến nghị về giá bồi thường giải phóng mặt bằng dự án đường liên xã',
    place: 'Thôn Đông, khu vực thi công tuyến đường liên xã',
    summary:
      'Khoảng 25 hộ dân có đất bị thu hồi cho rằng đơn giá bồi thường đất nông nghiệp thấp hơn giá thị trường, chưa đồng ý bàn giao mặt bằng; có ý kiến đề nghị đối thoại trực tiếp với Hội đồng bồi thường.',
    peopleCount: 25,
    severity: 2,
    occurredHoursAgo: 24 * 6,
    updates: [
      { hoursAgo: 24 * 5, text: 'Đảng ủy xã chỉ đạo Ủy ban Mặt trận Tổ quốc xã và các đoàn thể nắm tình hình, vận động các hộ giữ trật tự trong khi chờ đối thoại.', status: 'handling' },
      { hoursAgo: 24 * 2, text: 'Tổ chức đối thoại với 25 hộ dân; Hội đồng bồi thường tiếp thu, đề nghị rà soát lại đơn giá và trả lời bằng văn bản trong 15 ngày.' },
    ],
    acknowledged: true,
    linkPetition: true,
  },
  {
    communeIndex: 1,
    kind: 'gathering',
    title: 'Nhiều hộ dân tụ tập trước trụ sở Ủy ban nhân dân xã',
    place: 'Trụ sở Ủy ban nhân dân xã',
    summary: 'Khoảng 40 người dân tụ tập trước trụ sở, đề nghị công khai phương án hỗ trợ tái định cư; chưa có biểu hiện gây rối trật tự.',
    peopleCount: 40,
    severity: 2,
    occurredHoursAgo: 30,
    updates: [
      { hoursAgo: 29, text: 'Lãnh đạo xã ra gặp, giải thích chính sách; một số hộ đã giải tán, khoảng 15 người còn ở lại.' },
      { hoursAgo: 27, text: 'Mặt trận và Hội Nông dân xã cử cán bộ vận động, ghi nhận kiến nghị để báo cáo cấp trên.' },
    ],
    acknowledged: false,
  },
  {
    communeIndex: 2,
    kind: 'strike',
    title: 'Công nhân ngừng việc tập thể tại nhà máy may trong khu công nghiệp',
    place: 'Nhà máy may, khu công nghiệp của xã',
    summary: 'Khoảng 300 công nhân ngừng việc, đề nghị tăng phụ cấp ăn ca và điều chỉnh thời gian tăng ca; công đoàn cơ sở đã có mặt.',
    peopleCount: 300,
    severity: 2,
    occurredHoursAgo: 24 * 10,
    updates: [
      { hoursAgo: 24 * 10 - 3, text: 'Liên đoàn Lao động tỉnh phối hợp với công đoàn cơ sở làm việc với chủ doanh nghiệp.', status: 'handling' },
      { hoursAgo: 24 * 8, text: 'Doanh nghiệp đồng ý tăng phụ cấp ăn ca từ tháng sau; công nhân trở lại làm việc bình thường.', status: 'stabilised', severity: 1 },
    ],
    acknowledged: true,
  },
];

async function exists(db: Db, unitId: string, title: string): Promise<boolean> {
  return !!(await db.selectFrom('hotspots').select('id').where('unit_id', '=', unitId).where('title', '=', title).executeTakeFirst());
}

/** Adds the three cases where they are missing; answers how many it added. */
export async function loadDemoHotspots(db: Db, ctx: Ctx): Promise<{ hotspots: number }> {
  const province = await currentProvince(db, NINH_BINH);
  if (!province) return { hotspots: 0 };
  // Rural communes (xã), as the cases' words say ("trụ sở Ủy ban nhân dân xã"): the first by code are wards.
  const communes = await db
    .selectFrom('units')
    .select(['id', 'name'])
    .where('parent_id', '=', province.id)
    .where('kind', '=', 'commune')
    .where('valid_to', 'is', null)
    .where('name', 'like', 'Xã %')
    .orderBy('code')
    .limit(3)
    .execute();
  let added = 0;
  for (const c of CASES) {
    const commune = communes[c.communeIndex];
    if (!commune || (await exists(db, commune.id, c.title))) continue;
    const body = CreateHotspotBody.parse({
      unitId: commune.id,
      place: c.place,
      kind: c.kind,
      title: c.title,
      summary: c.summary,
      peopleCount: c.peopleCount,
      severity: c.severity,
      occurredAt: hoursAgo(c.occurredHoursAgo),
      responsibleUnitIds: [commune.id, province.id],
    });
    const id = await createHotspot(ctx, SYSTEM_ACTOR, body);
    // The flash report was filed an hour after it began; its due time counts from then.
    await sql`update hotspots set ack_due_at = ack_due_at - make_interval(hours => ${c.occurredHoursAgo - 1}) where id = ${id}`.execute(db);
    await sql`update hotspot_updates set at = ${hoursAgo(c.occurredHoursAgo - 1)} where hotspot_id = ${id} and kind = 'flash_report'`.execute(db);
    let version = 1;
    if (c.acknowledged) await acknowledge(ctx, SYSTEM_ACTOR, id, { text: 'Ban Tuyên giáo và Dân vận Tỉnh ủy đã nắm tình hình, đề nghị tiếp tục theo dõi, báo cáo.', version: version++ });
    for (const u of c.updates) await addUpdate(ctx, SYSTEM_ACTOR, id, { text: u.text, at: hoursAgo(u.hoursAgo), status: u.status, severity: u.severity, version: version++ });
    if (c.linkPetition) {
      const petition = await sql<{ id: string }>`
        select p.id::text from petitions p join units u on u.id = ${province.id} where p.unit_path <@ u.path order by p.id limit 1`.execute(db);
      if (petition.rows[0]) await putLinks(ctx, SYSTEM_ACTOR, id, { petitionIds: [petition.rows[0].id], entryIds: [] });
    }
    added += 1;
  }
  // The gathering was not acknowledged within its hours: the job's own rule sends it one level up.
  if (added) await escalateDue(ctx, SYSTEM_ACTOR);
  return { hotspots: added };
}
