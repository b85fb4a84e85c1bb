/** Test factories of plans and tasks: rows written straight with SQL, with sensible defaults. */
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from '../../db/database.js';
import { buildPolicyDocument, samplePdf } from '../policy-documents/policy-documents.factories.js';

const unitPath = async (db: Db, id: string) => (await db.selectFrom('units').select('path').where('id', '=', id).executeTakeFirstOrThrow()).path;

/** A plan of `unitId` for `documentId` (an issued resolution of the unit when none is given). */
export async function buildPlan(db: Db, input: { unitId: string; documentId?: string; startsOn?: string; endsOn?: string; title?: string }) {
  const documentId = input.documentId ?? (await buildPolicyDocument(db, { unitId: input.unitId, status: 'issued', title: input.title })).id;
  return db
    .insertInto('implementation_plans')
    .values({ document_id: documentId, unit_id: input.unitId, unit_path: await unitPath(db, input.unitId), starts_on: input.startsOn ?? '2025-01-01', ends_on: input.endsOn ?? '2099-12-31' })
    .returning(['id', 'document_id', 'unit_id', 'version'])
    .executeTakeFirstOrThrow();
}

export type BuildTask = {
  planId: string;
  ownerUnitId: string;
  parentId?: string;
  content?: string;
  deadline?: string;
  startsOn?: string;
  status?: 'open' | 'done';
  /** When a done task was done (default: now). */
  doneAt?: Date;
};

/** A task of a plan (a root task, or a child of `parentId`, whose count of children it raises). */
export async function buildTask(db: Db, input: BuildTask) {
  const plan = await db.selectFrom('implementation_plans').select(['document_id', 'unit_id', 'unit_path']).where('id', '=', input.planId).executeTakeFirstOrThrow();
  const parent = input.parentId
    ? await db.selectFrom('tasks').select(['path', 'owner_unit_id', 'owner_path']).where('id', '=', input.parentId).executeTakeFirstOrThrow()
    : undefined;
  const id = (await sql<{ id: string }>`select nextval(pg_get_serial_sequence('tasks', 'id'))::text as id`.execute(db)).rows[0]!.id;
  const done = input.status === 'done';
  const row = await db
    .insertInto('tasks')
    .values({
      id,
      plan_id: input.planId,
      document_id: plan.document_id,
      parent_id: input.parentId ?? null,
      path: parent ? `${parent.path}.${id}` : id,
      assigning_unit_id: parent?.owner_unit_id ?? plan.unit_id,
      assigning_path: parent?.owner_path ?? plan.unit_path,
      owner_unit_id: input.ownerUnitId,
      owner_path: await unitPath(db, input.ownerUnitId),
      content: input.content ?? 'Tổ chức quán triệt, học tập nghị quyết',
      expected_output: 'Báo cáo kết quả',
      starts_on: input.startsOn ?? '2025-01-01',
      deadline: input.deadline ?? '2099-06-30',
      status: input.status ?? 'open',
      done_at: done ? (input.doneAt ?? new Date()) : null,
    })
    .returning(['id', 'version', 'path'])
    .executeTakeFirstOrThrow();
  if (input.parentId) await db.updateTable('tasks').set({ child_count: sql`child_count + 1` }).where('id', '=', input.parentId).execute();
  return row;
}

/** A progress report of a task (and the task's last report day, as the service keeps it). */
export async function buildReport(db: Db, taskId: string, reportedOn = '2025-06-01') {
  const row = await db.insertInto('task_progress_reports').values({ task_id: taskId, reported_on: reportedOn, text: 'Đã tổ chức hội nghị quán triệt' }).returning('id').executeTakeFirstOrThrow();
  await db.updateTable('tasks').set({ last_report_on: sql`greatest(last_report_on, ${reportedOn}::date)` }).where('id', '=', taskId).execute();
  return row;
}

/** A PDF attached to a progress report. */
export async function buildTaskEvidence(db: Db, reportId: string, fileName = 'bien-ban.pdf') {
  const data = samplePdf();
  return db
    .insertInto('task_evidence')
    .values({ report_id: reportId, file_name: fileName, content_type: 'application/pdf', size_bytes: data.length, sha256: createHash('sha256').update(data).digest('hex'), data })
    .returning(['id'])
    .executeTakeFirstOrThrow();
}
