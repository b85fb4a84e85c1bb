/** Test factories of this module: rows written straight with SQL, with sensible defaults. */
import { randomBytes } from 'node:crypto';
import type { Db } from '../../db/database.js';
import { titleKey } from '../entries/entry-rules.js';

/** An entry of the registry, registered by `unitId` (entries belong to another module; only what linking needs). */
export async function buildEntry(db: Db, input: { unitId: string; title?: string; year?: number; level?: 'province' | 'commune'; status?: 'draft' | 'recognised' }) {
  const unit = await db.selectFrom('units').select(['path', 'kind']).where('id', '=', input.unitId).executeTakeFirstOrThrow();
  const title = input.title ?? `Mô hình ${randomBytes(3).toString('hex')}`;
  return db
    .insertInto('entries')
    .values({
      registering_unit_id: input.unitId,
      unit_path: unit.path,
      level: input.level ?? (unit.kind === 'province' ? 'province' : 'commune'),
      kind: 'model',
      form: 'collective',
      field_code: 'economic',
      year: input.year ?? 2025,
      title,
      title_key: titleKey(title),
      status: input.status ?? 'recognised',
    })
    .returning(['id', 'title'])
    .executeTakeFirstOrThrow();
}

/** A review conference of `unitId` for a whole year. */
export async function buildConference(db: Db, input: { unitId: string; title?: string; year?: number }) {
  const year = input.year ?? 2025;
  return db
    .insertInto('review_conferences')
    .values({
      unit_id: input.unitId,
      title: input.title ?? `Hội nghị tổng kết năm ${year}`,
      held_on: `${year}-12-20`,
      period_kind: 'year',
      period_start: `${year}-01-01`,
      period_end: `${year}-12-31`,
    })
    .returning(['id'])
    .executeTakeFirstOrThrow();
}

/** A commendation of the collective `unitId`, issued by `issuingUnitId` (default: the unit itself). */
export async function buildCommendation(db: Db, input: { unitId: string; issuingUnitId?: string; name?: string; reason?: string; conferenceId?: string }) {
  const unit = await db.selectFrom('units').select(['path']).where('id', '=', input.unitId).executeTakeFirstOrThrow();
  return db
    .insertInto('commendations')
    .values({
      recipient_kind: input.name ? 'individual' : 'collective',
      recipient_unit_id: input.unitId,
      recipient_name: input.name ?? null,
      form_code: 'certificate_of_merit',
      issuing_unit_id: input.issuingUnitId ?? input.unitId,
      unit_id: input.unitId,
      unit_path: unit.path,
      decision_number: `${randomBytes(2).toString('hex')}/QĐ-UBND`,
      decision_date: '2025-12-20',
      year: 2025,
      conference_id: input.conferenceId ?? null,
      reason: input.reason ?? null,
    })
    .returning(['id'])
    .executeTakeFirstOrThrow();
}
