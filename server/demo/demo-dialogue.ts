/**
 * Dialogue conferences in the demo (docs/grassroots-democracy.md §7): the Ninh Bình demo commune's (Xã Phát Diệm, as the publications and boards)
 * conference of this year, announced ten days before and its results posted at the commune's seat
 * five days after; and Huế, where every commune in force has held one this year but the last two by
 * official code, so the page of communes without a conference and the report's block show two.
 * Through the same service as the API, with past days; idempotent (a conference whose title exists
 * in its unit is left alone).
 */
import { addDaysIso as addDays, todayInVietnam } from '../../common/units.js';
import type { Db } from '../db/database.js';
import { SYSTEM_ACTOR } from '../http/access.js';
import type { Ctx } from '../http/context.js';
import { CreateSessionBody } from '../modules/petitions/reception.schema.js';
import { createSession } from '../modules/petitions/reception.service.js';
import { currentProvince, grassrootsDemoCommune } from './demo-units.js';

const NINH_BINH = '37';
const HUE = '46';

async function exists(db: Db, unitId: string, title: string): Promise<boolean> {
  return !!(await db.selectFrom('reception_sessions').select('id').where('unit_id', '=', unitId).where('title', '=', title).executeTakeFirst());
}

/** A day of this year `days` before today, never before 1 January (a demo loaded early in the year still has this year's conferences). */
function thisYear(today: string, days: number): string {
  const day = addDays(today, -days);
  return day.slice(0, 4) === today.slice(0, 4) ? day : `${today.slice(0, 4)}-01-01`;
}

/** Adds the conferences where they are missing; answers how many it added. */
export async function loadDemoDialogue(db: Db, ctx: Ctx): Promise<{ dialogues: number }> {
  const today = todayInVietnam();
  const year = today.slice(0, 4);
  let added = 0;
  const record = async (unitId: string, input: Omit<CreateSessionBody, 'kind' | 'unitId' | 'issues' | 'commitments'> & Partial<Pick<CreateSessionBody, 'issues' | 'commitments'>>) => {
    if (await exists(db, unitId, input.title)) return;
    await createSession(ctx, SYSTEM_ACTOR, CreateSessionBody.parse({ kind: 'dialogue', unitId, ...input }), input.heldOn);
    added += 1;
  };

  const ninhBinh = await currentProvince(db, NINH_BINH);
  const first = ninhBinh ? await grassrootsDemoCommune(db, ninhBinh.id) : undefined;
  if (first) {
    const heldOn = thisYear(today, 40);
    const published = addDays(heldOn, 5);
    await record(first.id, {
      heldOn,
      title: `Hội nghị đối thoại giữa Chủ tịch UBND xã với Nhân dân năm ${year}`,
      presiding: 'Chủ tịch UBND xã, Chủ tịch Ủy ban MTTQ Việt Nam xã, đại diện Thường trực HĐND xã',
      attendees: 'Đại diện Đảng ủy xã, các đoàn thể, trưởng thôn và khoảng 120 người dân',
      noticeOn: addDays(heldOn, -10),
      ...(published <= today ? { resultsPublishedOn: published, resultsForm: 'notice_board' as const } : {}),
      issues: [{ summary: 'Tiến độ bồi thường giải phóng mặt bằng tuyến đường liên xã' }, { summary: 'Hệ thống thoát nước khu dân cư thôn Đông thường xuyên ngập khi mưa lớn' }],
      commitments: [{ description: 'Trả lời bằng văn bản về đơn giá bồi thường sau khi Hội đồng bồi thường rà soát', owner: 'Phó Chủ tịch UBND xã', deadline: addDays(heldOn, 30), issueIndex: 0 }],
    });
  }

  // Huế: all communes but the last two held one, spread over the year; one published its results late.
  const hue = await currentProvince(db, HUE);
  if (hue) {
    const communes = await db.selectFrom('units').select(['id', 'name']).where('parent_id', '=', hue.id).where('kind', '=', 'commune').where('valid_to', 'is', null).orderBy('code').execute();
    for (const [i, c] of communes.slice(0, Math.max(0, communes.length - 2)).entries()) {
      const heldOn = thisYear(today, 30 + ((i * 37) % 300));
      const published = addDays(heldOn, i === 0 ? 14 : 8);
      await record(c.id, {
        heldOn,
        title: `Hội nghị đối thoại với Nhân dân năm ${year}`,
        presiding: 'Chủ tịch UBND xã, phường',
        noticeOn: addDays(heldOn, -7),
        ...(published <= today ? { resultsPublishedOn: published, resultsForm: 'mass_media' as const } : {}),
      });
    }
  }
  return { dialogues: added };
}
