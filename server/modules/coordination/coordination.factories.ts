/** Test factories of coordination programs: rows written straight with SQL, with sensible defaults. */
import type { Db } from '../../db/database.js';
import { buildPolicyDocument } from '../policy-documents/policy-documents.factories.js';

export type BuildProgram = {
  unitId: string;
  forceCode?: string;
  forceBody?: string;
  periodFrom?: string;
  periodTo?: string;
  status?: 'draft' | 'issued';
  title?: string;
};

/** A program of the party unit `unitId` with the coast guard, 2023–2027, issued unless told. */
export async function buildProgram(db: Db, input: BuildProgram) {
  const doc = await buildPolicyDocument(db, {
    unitId: input.unitId,
    kind: 'coordination_program',
    symbol: 'CTrPH/TU',
    status: input.status ?? 'issued',
    issuedOn: '2023-03-15',
    title: input.title ?? 'Chương trình phối hợp công tác dân vận giai đoạn 2023–2027',
  });
  const unit = await db.selectFrom('units').select('path').where('id', '=', input.unitId).executeTakeFirstOrThrow();
  await db
    .insertInto('coordination_programs')
    .values({
      document_id: doc.id,
      party_unit_id: input.unitId,
      party_path: unit.path,
      force_code: input.forceCode ?? 'coast_guard',
      force_body: input.forceBody ?? 'Bộ Tư lệnh Vùng Cảnh sát biển 1',
      period_from: input.periodFrom ?? '2023-01-01',
      period_to: input.periodTo ?? '2027-12-31',
    })
    .execute();
  return { id: doc.id, unitId: input.unitId };
}

/** The program's yearly plan of `year` (1 January – 31 December). */
export async function buildYearlyPlan(db: Db, programId: string, year: number) {
  const program = await db.selectFrom('coordination_programs').select(['party_unit_id', 'party_path']).where('document_id', '=', programId).executeTakeFirstOrThrow();
  return db
    .insertInto('implementation_plans')
    .values({ document_id: programId, unit_id: program.party_unit_id, unit_path: program.party_path, year, starts_on: `${year}-01-01`, ends_on: `${year}-12-31` })
    .returning(['id'])
    .executeTakeFirstOrThrow();
}
