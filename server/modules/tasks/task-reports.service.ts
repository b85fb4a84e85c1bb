/**
 * Progress reports (báo cáo tiến độ) and their evidence: written by the task's owner (data.write
 * there), read by whoever reads the task. Reports are append-only, a correction is a new report;
 * evidence is checked by content (PDF and DOCX as a policy document's files, JPEG and PNG by their
 * magic bytes) and its removal only hides it.
 */
import { createHash } from 'node:crypto';
import { TASK_EVIDENCE_TYPES, TASK_LIMITS, type CreateProgressReportBody, type TaskEvidenceType } from '../../../common/tasks.js';
import { todayInVietnam } from '../../../common/units.js';
import { AppError } from '../../errors.js';
import type { Actor } from '../../http/access.js';
import type { Ctx } from '../../http/context.js';
import { recordAudit } from '../audit/audit.repository.js';
import { cleanFileName, sniffType, type Upload } from '../entries/evidence.service.js';
import { attachmentType } from '../policy-documents/policy-document-files.js';
import * as repo from './tasks.repository.js';
import { fieldError, getReadableTask, getWritableTask, taskNotFound } from './tasks.service.js';

/** Appends a progress report to an open task; the task's version is left alone (an open editor stays valid). */
export async function addReport(ctx: Ctx, actor: Actor, taskId: string, input: CreateProgressReportBody, today = todayInVietnam()): Promise<string> {
  const task = await getWritableTask(ctx, actor, taskId, 'owner');
  if (task.status !== 'open') throw new AppError('INVALID_TRANSITION', 'A done task takes no more reports; reopen it first', { status: task.status, action: 'report' });
  if (input.reportedOn > today) throw fieldError('body.reportedOn', `must not be in the future (today is ${today})`, { max: today });
  if (input.reportedOn < task.starts_on) throw fieldError('body.reportedOn', `must not be before the task starts (${task.starts_on})`, { min: task.starts_on });
  return ctx.db.transaction().execute(async (trx) => {
    // Locked first: a split dropping this task, or its closing, waits or is seen here.
    const row = await repo.lockTask(trx, taskId);
    if (!row) throw taskNotFound(taskId);
    if (row.status !== 'open') throw new AppError('INVALID_TRANSITION', 'A done task takes no more reports; reopen it first', { status: row.status, action: 'report' });
    const id = await repo.insertReport(trx, { taskId, reportedOn: input.reportedOn, text: input.text, percent: input.percent ?? null, userId: actor.userId });
    await recordAudit(trx, actor, {
      action: 'task.report',
      recordType: 'task',
      recordId: taskId,
      unitId: task.owner_unit_id,
      after: { reportId: id, reportedOn: input.reportedOn, text: input.text, percent: input.percent ?? null },
    });
    return id;
  });
}

/** A report just written, for the answer. */
export async function getReport(ctx: Ctx, id: string): Promise<repo.ReportRecord> {
  return (await repo.findReport(ctx.db, id))!;
}

const reportNotFound = (id: string) => new AppError('NOT_FOUND', `Progress report ${id} not found`, { what: 'task_progress_report', id });
const evidenceNotFound = (id: string) => new AppError('NOT_FOUND', `Evidence ${id} not found`, { what: 'task_evidence', id });

/** The type of an evidence file by its content, or null. */
async function evidenceType(data: Buffer): Promise<TaskEvidenceType | null> {
  const sniffed = sniffType(data);
  if (sniffed === 'image/jpeg' || sniffed === 'image/png') return sniffed;
  return attachmentType(data);
}

/** Adds a file to a report. `readUpload` is called after the permission check: a refused caller's upload is never read. */
export async function addEvidence(ctx: Ctx, actor: Actor, reportId: string, readUpload: () => Promise<Upload>): Promise<repo.EvidenceRecord> {
  const report = await repo.findReport(ctx.db, reportId);
  if (!report) throw reportNotFound(reportId);
  let task;
  try {
    task = await getReadableTask(ctx, actor, report.task_id);
  } catch {
    throw reportNotFound(reportId);
  }
  await getWritableTask(ctx, actor, task.id, 'owner');
  const tooMany = () =>
    new AppError('VALIDATION_FAILED', `A report holds at most ${TASK_LIMITS.evidencePerReport} files`, [{ path: 'body.file', message: `at most ${TASK_LIMITS.evidencePerReport} files per report`, code: 'too_many' }]);
  if ((await repo.countEvidence(ctx.db, reportId)) >= TASK_LIMITS.evidencePerReport) throw tooMany();
  const upload = await readUpload();
  const fileName = cleanFileName(upload.fileName);
  if (!upload.data.length) throw new AppError('VALIDATION_FAILED', 'The file is empty', [{ path: 'body.file', message: 'the file is empty', code: 'empty' }]);
  if (!fileName) throw new AppError('VALIDATION_FAILED', 'The file has no name', [{ path: 'body.file', message: 'the file has no name', code: 'required' }]);
  const type = await evidenceType(upload.data);
  const ext = fileName.includes('.') ? fileName.split('.').pop()!.toLowerCase() : '';
  if (!type || !(TASK_EVIDENCE_TYPES[type] as readonly string[]).includes(ext)) {
    throw new AppError('UNSUPPORTED_FILE', 'Only PDF, Word (.docx), JPEG and PNG files are accepted, with the matching extension', {
      fileName,
      detected: type ?? sniffType(upload.data),
      accepted: Object.keys(TASK_EVIDENCE_TYPES),
    });
  }
  const sha256 = createHash('sha256').update(upload.data).digest('hex');
  return ctx.db.transaction().execute(async (trx) => {
    await repo.lockReport(trx, reportId);
    if ((await repo.countEvidence(trx, reportId)) >= TASK_LIMITS.evidencePerReport) throw tooMany();
    const item = await repo.insertEvidence(trx, { reportId, fileName, contentType: type, data: upload.data, sha256, userId: actor.userId });
    await recordAudit(trx, actor, {
      action: 'task.evidence.add',
      recordType: 'task',
      recordId: task.id,
      unitId: task.owner_unit_id,
      after: { reportId, evidenceId: item.id, fileName, contentType: type, sizeBytes: item.size_bytes, sha256 },
    });
    return item;
  });
}

/** The evidence and the task it belongs to, when the actor reads the task; NOT_FOUND otherwise. */
async function readableEvidence(ctx: Ctx, actor: Actor, id: string) {
  const item = await repo.findEvidence(ctx.db, id);
  const report = item && (await repo.findReport(ctx.db, item.report_id));
  if (!item || !report) throw evidenceNotFound(id);
  try {
    return { item, task: await getReadableTask(ctx, actor, report.task_id) };
  } catch {
    throw evidenceNotFound(id);
  }
}

export async function getEvidenceFile(ctx: Ctx, actor: Actor, id: string): Promise<repo.EvidenceRecord & { data: Buffer }> {
  const { item } = await readableEvidence(ctx, actor, id);
  const data = await repo.findEvidenceData(ctx.db, id);
  if (!data) throw evidenceNotFound(id);
  return { ...item, data };
}

/** Hides a file of a report (data.write on the task's owner): kept, no longer listed or served. */
export async function hideEvidence(ctx: Ctx, actor: Actor, id: string): Promise<void> {
  const { item, task } = await readableEvidence(ctx, actor, id);
  await getWritableTask(ctx, actor, task.id, 'owner');
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await repo.hideEvidence(trx, id, actor.userId))) throw evidenceNotFound(id);
    await recordAudit(trx, actor, {
      action: 'task.evidence.hide',
      recordType: 'task',
      recordId: task.id,
      unitId: task.owner_unit_id,
      before: { reportId: item.report_id, evidenceId: id, fileName: item.file_name },
    });
  });
}
