/** Test factories of working sessions: rows written straight with SQL, with sensible defaults. */
import type { Db } from '../../db/database.js';
import { buildPolicyDocument } from '../policy-documents/policy-documents.factories.js';
import { buildPlan, buildTask } from '../tasks/tasks.factories.js';

const unitPath = async (db: Db, id: string) => (await db.selectFrom('units').select('path').where('id', '=', id).executeTakeFirstOrThrow()).path;

/** A session of `leadingUnitId`'s delegation with `unitId` (the leading unit itself when none is given), headed by one member. */
export async function buildWorkingSession(db: Db, input: { leadingUnitId: string; unitId?: string; heldOn?: string; content?: string }) {
  const unitId = input.unitId ?? input.leadingUnitId;
  const row = await db
    .insertInto('working_sessions')
    .values({
      unit_id: unitId,
      unit_path: await unitPath(db, unitId),
      leading_unit_id: input.leadingUnitId,
      leading_path: await unitPath(db, input.leadingUnitId),
      held_on: input.heldOn ?? '2025-05-20',
      place: 'Hội trường Ủy ban nhân dân xã',
      content: input.content ?? 'Làm việc về công tác dân vận và thực hiện quy chế dân chủ ở cơ sở',
    })
    .returning(['id', 'version'])
    .executeTakeFirstOrThrow();
  await db
    .insertInto('working_session_members')
    .values({ session_id: row.id, name: 'Đồng chí Nguyễn Văn Hùng', position: 'Phó Trưởng Ban Thường trực Ban Dân vận', is_head: true, sort_order: 0 })
    .execute();
  return row;
}

/** The session's conclusion notice (issued), its plan on the leading unit and one request per owner. */
export async function buildNotice(db: Db, sessionId: string, requests: { ownerUnitId: string; deadline?: string; status?: 'open' | 'done' }[]) {
  const s = await db.selectFrom('working_sessions').select(['leading_unit_id']).where('id', '=', sessionId).executeTakeFirstOrThrow();
  const doc = await buildPolicyDocument(db, { unitId: s.leading_unit_id, kind: 'conclusion_notice', symbol: 'TB/BDV', status: 'issued', title: 'Thông báo kết luận buổi làm việc' });
  await db.updateTable('policy_documents').set({ working_session_id: sessionId }).where('id', '=', doc.id).execute();
  const plan = await buildPlan(db, { unitId: s.leading_unit_id, documentId: doc.id });
  const tasks = [];
  for (const r of requests) tasks.push(await buildTask(db, { planId: plan.id, ownerUnitId: r.ownerUnitId, deadline: r.deadline, status: r.status, content: 'Rà soát, kiện toàn tổ dân vận' }));
  return { documentId: doc.id, planId: plan.id, tasks };
}
