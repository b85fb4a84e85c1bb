/** Test factories of the registers of ethnic and religious affairs: rows written straight, with sensible defaults. */
import type { Db } from '../../db/database.js';

const unitPath = async (db: Db, id: string) => (await db.selectFrom('units').select('path').where('id', '=', id).executeTakeFirstOrThrow()).path;

export async function buildOrganization(db: Db, input: { unitId: string; name?: string; religionCode?: string }) {
  return db
    .insertInto('religious_organizations')
    .values({ unit_id: input.unitId, unit_path: await unitPath(db, input.unitId), name: input.name ?? 'Ban Trị sự Phật giáo', religion_code: input.religionCode ?? 'buddhism', denomination: null, legal_status: 'recognized', created_by: null })
    .returning(['id', 'version'])
    .executeTakeFirstOrThrow();
}

export async function buildPlace(db: Db, input: { unitId: string; name?: string; organizationId?: string }) {
  return db
    .insertInto('worship_places')
    .values({ unit_id: input.unitId, unit_path: await unitPath(db, input.unitId), name: input.name ?? 'Chùa Làng', organization_id: input.organizationId ?? null, religion_code: 'buddhism', address: 'Thôn Đông', legal_status: 'registered', created_by: null })
    .returning(['id', 'version'])
    .executeTakeFirstOrThrow();
}

export async function buildDignitary(db: Db, input: { unitId: string; name?: string; religionCode?: string; leftOn?: string | null; rank?: string }) {
  return db
    .insertInto('dignitaries')
    .values({
      unit_id: input.unitId,
      unit_path: await unitPath(db, input.unitId),
      name: input.name ?? 'Trần Văn Bình',
      religious_name: 'Thích Minh Tâm',
      religion_code: input.religionCode ?? 'buddhism',
      rank: input.rank ?? 'Đại đức',
      organization_id: null,
      place_id: null,
      birth_year: 1970,
      left_on: input.leftOn ?? null,
      left_reason: null,
      identity_erased_at: null,
      created_by: null,
    })
    .returning(['id', 'version'])
    .executeTakeFirstOrThrow();
}

export async function buildPerson(db: Db, input: { unitId: string; name?: string; ethnicCode?: string; leftOn?: string | null; village?: string; recognizedYear?: number; support?: { year: number; kind: string; amount: number }[] }) {
  const row = await db
    .insertInto('prestigious_persons')
    .values({
      unit_id: input.unitId,
      unit_path: await unitPath(db, input.unitId),
      name: input.name ?? 'Đinh Công Thành',
      ethnic_code: input.ethnicCode ?? '06',
      village: input.village ?? 'Bản Đồi',
      recognized_year: input.recognizedYear ?? 2023,
      decision: 'Quyết định số 15/QĐ-UBND ngày 10/3/2023',
      deciding_unit_id: input.unitId,
      left_on: input.leftOn ?? null,
      left_reason: null,
      identity_erased_at: null,
      created_by: null,
    })
    .returning(['id', 'version'])
    .executeTakeFirstOrThrow();
  if (input.support?.length) {
    await db
      .insertInto('prestigious_support')
      .values(input.support.map((s, i) => ({ person_id: row.id, year: s.year, kind: s.kind, amount: s.amount, note: null, sort_order: i })))
      .execute();
  }
  return row;
}

export async function buildReligiousEvent(db: Db, input: { unitId: string; name?: string; startsOn?: string }) {
  const startsOn = input.startsOn ?? '2026-02-10';
  return db
    .insertInto('religious_events')
    .values({ unit_id: input.unitId, unit_path: await unitPath(db, input.unitId), name: input.name ?? 'Lễ hội chùa', religion_code: 'buddhism', starts_on: startsOn, ends_on: startsOn, place: 'Chùa Làng', expected_attendance: 500, created_by: null })
    .returning(['id', 'version'])
    .executeTakeFirstOrThrow();
}
