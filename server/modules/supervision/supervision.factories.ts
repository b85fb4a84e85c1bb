/** Test factories of the boards and the Front's supervision: rows written straight with SQL, with sensible defaults. */
import type { Db } from '../../db/database.js';
import { memberNameKey } from '../../../common/supervision.js';

const unitPath = async (db: Db, id: string) => (await db.selectFrom('units').select('path').where('id', '=', id).executeTakeFirstOrThrow()).path;

/** A People's Inspection Board (or an investment supervision board with `projectName`) with one head. */
export async function buildBoard(db: Db, input: { unitId: string; kind?: 'inspection' | 'investment_supervision'; projectName?: string; memberName?: string; termFrom?: string; termTo?: string | null }) {
  const kind = input.kind ?? 'inspection';
  const board = await db
    .insertInto('supervision_boards')
    .values({
      unit_id: input.unitId,
      unit_path: await unitPath(db, input.unitId),
      kind,
      project_name: kind === 'investment_supervision' ? (input.projectName ?? 'Đường giao thông nông thôn thôn Đông') : null,
      investor: kind === 'investment_supervision' ? 'Ủy ban nhân dân xã' : null,
      term_from: input.termFrom ?? '2024-07-01',
      term_to: input.termTo === undefined ? '2029-06-30' : input.termTo,
      elected_on: '2024-06-20',
      elected_by: 'Hội nghị nhân dân các thôn',
      created_by: null,
    })
    .returning(['id', 'version'])
    .executeTakeFirstOrThrow();
  const name = input.memberName ?? 'Nguyễn Văn Thành';
  await db
    .insertInto('supervision_board_members')
    .values({ board_id: board.id, unit_id: input.unitId, name, name_key: memberNameKey(name), position: 'Trưởng ban', from_on: input.termFrom ?? '2024-07-01', to_on: null, sort_order: 0 })
    .execute();
  return board;
}

/** A supervision held (a board's when `boardId`, the Front's otherwise) with one recommendation. */
export async function buildActivity(db: Db, input: { unitId: string; boardId?: string; kind?: 'supervision' | 'social_criticism'; heldOn?: string; subject?: string; sentOn?: string; dueOn?: string; answeredOn?: string | null; answerKind?: 'answered' | 'partly' | null }) {
  const path = await unitPath(db, input.unitId);
  const heldOn = input.heldOn ?? '2026-03-10';
  const activity = await db
    .insertInto('supervision_activities')
    .values({
      unit_id: input.unitId,
      unit_path: path,
      board_id: input.boardId ?? null,
      program_id: null,
      kind: input.kind ?? 'supervision',
      held_on: heldOn,
      subject: input.subject ?? 'Việc thu, chi quỹ đóng góp xây dựng nhà văn hóa thôn',
      findings: 'Chưa công khai đầy đủ khoản thu, chi tại nhà văn hóa thôn',
      created_by: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const rec = await db
    .insertInto('supervision_recommendations')
    .values({
      activity_id: activity.id,
      unit_id: input.unitId,
      unit_path: path,
      content: 'Đề nghị công khai bảng thu, chi quỹ tại nhà văn hóa thôn',
      addressee: 'Ủy ban nhân dân xã',
      addressee_unit_id: null,
      sent_on: input.sentOn ?? heldOn,
      due_on: input.dueOn ?? '2099-12-31',
      answered_on: input.answeredOn ?? null,
      answer_kind: input.answerKind ?? null,
      answer: null,
    })
    .returning(['id', 'version'])
    .executeTakeFirstOrThrow();
  return { id: activity.id, recommendationId: rec.id };
}

/** A unit's Front program of `year` (a board's plan with `boardId`) with one item. */
export async function buildSupervisionProgram(db: Db, input: { unitId: string; year: number; boardId?: string; subject?: string }) {
  const program = await db
    .insertInto('supervision_programs')
    .values({ unit_id: input.unitId, unit_path: await unitPath(db, input.unitId), board_id: input.boardId ?? null, year: input.year, created_by: null })
    .returning(['id', 'version'])
    .executeTakeFirstOrThrow();
  await db
    .insertInto('supervision_program_items')
    .values({ program_id: program.id, subject: input.subject ?? 'Giám sát việc thực hiện dân chủ ở cơ sở', form: 'thematic', lead_organization: 'Ủy ban MTTQ xã', sort_order: 0 })
    .execute();
  return program;
}

/** The first member of a board (its head, as buildBoard writes it). */
export async function firstMemberOf(db: Db, boardId: string) {
  return db.selectFrom('supervision_board_members').select(['id', 'name']).where('board_id', '=', boardId).orderBy('sort_order').executeTakeFirstOrThrow();
}
