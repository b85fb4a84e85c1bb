/** Test factories of the periodic reviews: rows written straight with SQL, with sensible defaults. */
import type { Db } from '../../db/database.js';

/** A draft review of `unitId` for a whole year (or, given `from` and `to`, a custom period), without figures. */
export async function buildReview(db: Db, input: { unitId: string; year?: number; from?: string; to?: string; title?: string; status?: 'draft' | 'final' }) {
  const year = input.year ?? 2025;
  const custom = input.from !== undefined && input.to !== undefined;
  return db
    .insertInto('reviews')
    .values({
      unit_id: input.unitId,
      period: custom ? 'custom' : 'year',
      year: custom ? null : year,
      period_from: input.from ?? `${year}-01-01`,
      period_to: input.to ?? `${year}-12-31`,
      title: input.title ?? `Tổng kết năm ${year}`,
      status: input.status ?? 'draft',
    })
    .returning(['id', 'period_from', 'period_to'])
    .executeTakeFirstOrThrow();
}

/** An open key task of a review, owned by `ownerUnitId`. */
export async function buildTask(db: Db, input: { reviewId: string; ownerUnitId: string; content?: string; deadline?: string }) {
  return db
    .insertInto('review_tasks')
    .values({ review_id: input.reviewId, owner_unit_id: input.ownerUnitId, content: input.content ?? 'Nhân rộng mô hình', deadline: input.deadline ?? '2026-06-30' })
    .returning(['id'])
    .executeTakeFirstOrThrow();
}

export async function buildEvent(db: Db, input: { reviewId: string; title?: string; happenedOn?: string }) {
  return db
    .insertInto('review_events')
    .values({ review_id: input.reviewId, title: input.title ?? 'Hội nghị chuyên đề', happened_on: input.happenedOn ?? '2025-05-10' })
    .returning(['id'])
    .executeTakeFirstOrThrow();
}
