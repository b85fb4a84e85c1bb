/** Test factories of situation reports: rows written straight with SQL, with sensible defaults. */
import type { Mood } from '../../../common/situation.js';
import type { Db } from '../../db/database.js';

const pathOf = async (db: Db, unitId: string) => (await db.selectFrom('units').select('path').where('id', '=', unitId).executeTakeFirstOrThrow()).path;

export type BuildItem = { topic: string; mood: Mood; groups?: string[]; summary?: string; proposals?: string | null };

/**
 * An ad hoc report of `unitId` on `reportedOn` with its items; `submitted` (the default) goes
 * through the status change, so the counts trigger sees it as the application's submit does.
 */
export async function buildSituationReport(db: Db, input: { unitId: string; reportedOn?: string; items?: BuildItem[]; status?: 'draft' | 'submitted'; summary?: string }) {
  const day = input.reportedOn ?? '2026-05-20';
  const row = await db
    .insertInto('situation_reports')
    .values({ unit_id: input.unitId, unit_path: await pathOf(db, input.unitId), kind: 'ad_hoc', round_id: null, submission_id: null, period_from: day, period_to: day, overall_mood: 'stable', created_by: null })
    .returning(['id'])
    .executeTakeFirstOrThrow();
  const items = input.items ?? [{ topic: 'prices', mood: 'stable' }];
  if (items.length) {
    await db
      .insertInto('situation_items')
      .values(
        items.map((i, position) => ({
          report_id: row.id,
          position,
          topic_code: i.topic,
          group_codes: i.groups ?? ['farmers'],
          mood: i.mood,
          summary: i.summary ?? input.summary ?? 'Nhân dân cơ bản đồng tình với chủ trương của địa phương',
          proposals: i.proposals ?? null,
          sources: 'Qua sinh hoạt chi hội',
        })),
      )
      .execute();
  }
  if ((input.status ?? 'submitted') === 'submitted') {
    await db.updateTable('situation_reports').set({ status: 'submitted', submitted_on: day }).where('id', '=', row.id).execute();
  }
  const { version } = await db.selectFrom('situation_reports').select('version').where('id', '=', row.id).executeTakeFirstOrThrow();
  return { id: row.id, version };
}
