/**
 * Document reviews (docs/leadership-loop.md §6 "Document reviews"): a unit's sơ kết / tổng kết of
 * how it carried out a policy document over a period. Who: the unit's editors draft it; readers of
 * the unit read it, and only while they read the document too (a restricted document's review
 * answers "not found" to the others, as the document does). The ordinal ("N năm thực hiện") is
 * computed from the year of issue to the period's last year and stored editable; the figures are a
 * snapshot of the document's roll-up, refreshable while the review is a draft. Every check runs
 * before the first write; every write carries its audit record in its transaction.
 */
import { todayInVietnam } from '../../../common/units.js';
import { AppError } from '../../errors.js';
import { type Actor, assertCan, pathCovers } from '../../http/access.js';
import type { Ctx } from '../../http/context.js';
import { recordAudit } from '../audit/audit.repository.js';
import { lowerFirst } from '../reports/report-wording.js';
import { canReadDocument } from '../policy-documents/policy-documents.service.js';
import { getRollup } from '../tasks/rollup.service.js';
import type { TotalsRecord } from '../tasks/tasks.repository.js';
import { getReadableUnit } from '../units/units.service.js';
import * as docRepo from './document-reviews.repository.js';
import { type CreateDocumentReviewBody, type DocumentFigures, type DocumentReviewKind, type PutCommendedUnitsBody, SNAPSHOT_OVERDUE_MAX } from './document-reviews.schema.js';
import * as repo from './reviews.repository.js';
import { REVIEW_LIMITS } from './reviews.schema.js';

const fieldError = (path: string, message: string) => new AppError('VALIDATION_FAILED', `${path.replace(/^body\./, '')}: ${message}`, [{ path, message }]);
const documentNotFound = (id: string) => new AppError('NOT_FOUND', `Policy document ${id} not found`, { what: 'policy_document', id });
const versionConflict = (current: number) => new AppError('CONFLICT', 'The review was changed by someone else; reload it and try again', { currentVersion: current });
const finalReview = () => new AppError('INVALID_TRANSITION', 'The review is final; set it back to draft to change it', { status: 'final' });

/**
 * "N năm thực hiện": calendar years from the year of issue to the period's last year (section 1:
 * 2023 − 2013 = 10 for Resolution 25). Stored and editable: a province may count otherwise.
 */
export function ordinalYearsOf(issuedOn: string, periodTo: string): number {
  return Math.max(0, Number(periodTo.slice(0, 4)) - Number(issuedOn.slice(0, 4)));
}

/** A date as Party documents cite it: "03/6/2013" (the day on two digits, the month on two only for January and February). */
export function citedDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return `${String(d).padStart(2, '0')}/${m <= 2 ? String(m).padStart(2, '0') : m}/${y}`;
}

/** "Nghị quyết số 25-NQ/TW ngày 03/6/2013 của Ban Chấp hành Trung ương Đảng (khóa XI)", from what is stored. */
export function documentCitation(doc: Pick<docRepo.ReviewedDocumentRecord, 'kind_names' | 'number' | 'symbol' | 'issued_on' | 'issuing_body'>): string {
  const kindName = doc.kind_names.vi ?? '';
  const number = doc.number ? `số ${doc.number}-${doc.symbol}` : doc.symbol;
  const date = doc.issued_on ? ` ngày ${citedDate(doc.issued_on)}` : '';
  return `${kindName} ${number}${date} của ${doc.issuing_body}`.trim();
}

/**
 * A Party document's summary (trích yếu, "Về tăng cường …") follows its citation as is; a title that
 * is a name ("Chương trình phối hợp giữa …", "Nâng cao chất lượng …") is quoted, as officers cite a
 * project: thực hiện Đề án số 05-ĐA/TU … “Nâng cao chất lượng …”.
 */
export function subjectOf(title: string): string {
  const t = title.trim();
  return /^về\s/iu.test(t) ? lowerFirst(t) : `“${t}”`;
}

/** "Tổng kết 10 năm thực hiện Nghị quyết số 25-NQ/TW ngày 03/6/2013 của … về …", cut to the title's limit. */
export function defaultDocumentReviewTitle(kind: DocumentReviewKind, ordinalYears: number | null, joint: boolean, doc: docRepo.ReviewedDocumentRecord): string {
  const word = `${kind === 'tong_ket' ? 'Tổng kết' : 'Sơ kết'}${joint ? ' liên tịch' : ''}`;
  const years = ordinalYears ? `${ordinalYears} năm ` : '';
  const full = `${word} ${years}thực hiện ${documentCitation(doc)} ${subjectOf(doc.title)}`;
  return full.length <= REVIEW_LIMITS.title ? full : `${full.slice(0, REVIEW_LIMITS.title - 1).trimEnd()}…`;
}

const counts = (t: TotalsRecord) => ({ leaves: t.leaves, done: t.done, open: t.open, overdue: t.overdue, unitsTasked: t.units_tasked, unitsReported: t.units_reported });

/** The document's roll-up under the unit today, with its first overdue tasks: what the review keeps. */
export async function documentFiguresOf(ctx: Ctx, actor: Actor, documentId: string, unitId: string, unitPath: string): Promise<DocumentFigures> {
  const today = todayInVietnam();
  const [rollup, overdue] = await Promise.all([getRollup(ctx, actor, documentId, unitId, today), docRepo.findOverdueTasks(ctx.db, documentId, unitPath, SNAPSHOT_OVERDUE_MAX)]);
  return {
    at: today,
    totals: counts(rollup.totals),
    own: counts(rollup.own),
    children: rollup.children.map((c) => ({ ...counts(c), unit: { id: c.unit.id, name: c.unit.name, kind: c.unit.kind } })),
    overdue: overdue.rows.map((t) => ({ taskId: t.id, content: t.content, owner: { id: t.owner_unit_id, name: t.owner_name, kind: t.owner_kind }, deadline: t.deadline })),
    overdueTotal: overdue.total,
  };
}

const percent = (part: number, whole: number) => (whole ? Math.round((part * 100) / whole) : 0);

/** The narrative's first paragraph, written from the figures (people edit it afterwards). */
export function documentNarrative(f: DocumentFigures, citation: string): string {
  const t = f.totals;
  if (!t.leaves) return `Đến ngày ${citedDate(f.at)}, chưa có nhiệm vụ thực hiện ${citation} được giao trong phạm vi đơn vị.`;
  return (
    `Đến ngày ${citedDate(f.at)}, thực hiện ${citation}, ${t.unitsTasked} đơn vị được giao ${t.leaves} nhiệm vụ; ` +
    `đã hoàn thành ${t.done} nhiệm vụ (${percent(t.done, t.leaves)}%), đang thực hiện ${t.open - t.overdue}, quá hạn ${t.overdue}; ` +
    `${t.unitsReported}/${t.unitsTasked} đơn vị đã báo cáo kết quả.`
  );
}

/** The document the actor reads and the unit reviews: issued by it, or carried out by it (a plan or tasks in its subtree). */
async function reviewableDocument(ctx: Ctx, actor: Actor, documentId: string, unit: { id: string; path: string }) {
  const doc = await docRepo.findReviewedDocument(ctx.db, documentId);
  if (!doc || !canReadDocument(actor, doc)) throw documentNotFound(documentId);
  const issuedHere = doc.issuing_path === unit.path;
  if (!issuedHere && !(await docRepo.unitTakesPart(ctx.db, documentId, unit.id, unit.path))) throw documentNotFound(documentId);
  return doc;
}

/** Creates a unit's review of a document for a period, its figures and narrative filled from the roll-up. */
export async function createDocumentReview(ctx: Ctx, actor: Actor, input: CreateDocumentReviewBody): Promise<repo.ReviewRecord> {
  const unit = await getReadableUnit(ctx, actor, input.unitId);
  assertCan(actor, 'data.write', unit.path);
  const doc = await reviewableDocument(ctx, actor, input.policyDocumentId, unit);
  if (!doc.issued_on) throw fieldError('body.policyDocumentId', 'the document is not issued yet');
  if (input.to < input.from) throw new AppError('INVALID_RANGE', 'to: must not be before from', [{ path: 'body.to', message: 'must not be before from' }]);
  if (input.from < doc.issued_on) {
    throw new AppError('INVALID_RANGE', `from: must not be before the document was issued (${doc.issued_on})`, [{ path: 'body.from', message: `before ${doc.issued_on}` }]);
  }
  if (input.joint && doc.kind !== 'coordination_program') throw fieldError('body.joint', 'only the review of a coordination program is joint');
  const existing = await docRepo.findDocumentReview(ctx.db, unit.id, doc.id, input.from, input.to);
  if (existing) throw new AppError('ALREADY_EXISTS', 'This unit already has a review of this document for this period', { reviewId: existing.id });
  const ordinal = input.ordinalYears ?? ordinalYearsOf(doc.issued_on, input.to);
  const figures = await documentFiguresOf(ctx, actor, doc.id, unit.id, unit.path);
  const values: repo.NewReview = {
    unit_id: unit.id,
    period: 'custom',
    year: null,
    quarter: null,
    emulation_period_id: null,
    period_from: input.from,
    period_to: input.to,
    title: input.title ?? defaultDocumentReviewTitle(input.kind, ordinal, input.joint, doc),
    figures: null,
    narrative: documentNarrative(figures, documentCitation(doc)),
    created_by: actor.userId,
    policy_document_id: doc.id,
    kind: input.kind,
    ordinal_years: ordinal,
    joint: input.joint,
    document_figures: figures,
  };
  const id = await ctx.db.transaction().execute(async (trx) => {
    const newId = await repo.createReview(trx, values);
    await recordAudit(trx, actor, {
      action: 'review.create',
      recordType: 'review',
      recordId: newId,
      unitId: unit.id,
      after: { unitId: unit.id, policyDocumentId: doc.id, kind: input.kind, from: input.from, to: input.to, ordinalYears: ordinal, joint: input.joint, title: values.title, tasks: figures.totals.leaves },
    });
    return newId;
  });
  return (await repo.findReviewById(ctx.db, id))!;
}

/** Reads the roll-up again into a draft document review; the narrative is rewritten when empty or when asked. */
export async function refreshDocumentFigures(ctx: Ctx, actor: Actor, review: repo.ReviewRecord, input: { version: number; replaceNarrative: boolean }): Promise<void> {
  const doc = (await docRepo.findReviewedDocument(ctx.db, review.policy_document_id!))!;
  const figures = await documentFiguresOf(ctx, actor, doc.id, review.unit_id, review.unit_path);
  await ctx.db.transaction().execute(async (trx) => {
    const row = await repo.lockReview(trx, review.id);
    if (!row || row.version !== input.version) throw versionConflict(row?.version ?? review.version);
    if (row.status === 'final') throw finalReview();
    const replace = input.replaceNarrative || !row.narrative;
    const changes = replace ? { narrative: documentNarrative(figures, documentCitation(doc)) } : {};
    if (!(await docRepo.setDocumentFigures(trx, review.id, input.version, figures, changes))) throw versionConflict(row.version);
    await recordAudit(trx, actor, {
      action: 'review.refresh',
      recordType: 'review',
      recordId: review.id,
      unitId: review.unit_id,
      before: replace ? { narrative: row.narrative } : undefined,
      after: { tasks: figures.totals.leaves, done: figures.totals.done, overdue: figures.totals.overdue, narrativeReplaced: replace },
    });
  });
}

/**
 * Replaces the commended units of a draft document review: units of the review's subtree, each
 * once, a linked commendation given to that unit. Bumps the review's version.
 */
export async function putCommendedUnits(ctx: Ctx, actor: Actor, review: repo.ReviewRecord, input: PutCommendedUnitsBody): Promise<void> {
  if (!review.policy_document_id) throw fieldError('body.items', 'only a document review lists commended units');
  const ids = input.items.map((i) => i.unitId);
  const seen = new Set<string>();
  ids.forEach((id, n) => {
    if (seen.has(id)) throw fieldError(`body.items[${n}].unitId`, 'listed twice');
    seen.add(id);
  });
  const paths = new Map((await docRepo.findUnitPaths(ctx.db, ids)).map((u) => [u.id, u.path]));
  ids.forEach((id, n) => {
    const path = paths.get(id);
    if (!path || !pathCovers(review.unit_path, path)) {
      throw new AppError('UNIT_OUTSIDE_SUBTREE', "A commended unit must be the review's unit or a unit under it", [{ path: `body.items[${n}].unitId`, message: 'outside the subtree' }]);
    }
  });
  const commendations = new Map((await docRepo.findCommendations(ctx.db, input.items.flatMap((i) => (i.commendationId ? [i.commendationId] : [])))).map((c) => [c.id, c]));
  input.items.forEach((i, n) => {
    if (i.commendationId && commendations.get(i.commendationId)?.recipient_unit_id !== i.unitId) {
      throw fieldError(`body.items[${n}].commendationId`, 'not a commendation of this unit');
    }
  });
  const before = (await docRepo.findCommendedUnits(ctx.db, review.id)).map((c) => ({ unitId: c.unit_id, form: c.form, commendationId: c.commendation_id }));
  const items = input.items.map((i) => ({ unitId: i.unitId, form: i.form, commendationId: i.commendationId ?? null }));
  await ctx.db.transaction().execute(async (trx) => {
    const row = await repo.lockReview(trx, review.id);
    if (!row || row.version !== input.version) throw versionConflict(row?.version ?? review.version);
    if (row.status === 'final') throw finalReview();
    if (!(await docRepo.touchReview(trx, review.id, input.version))) throw versionConflict(row.version);
    await docRepo.replaceCommendedUnits(trx, review.id, items);
    await recordAudit(trx, actor, { action: 'review.commended_units', recordType: 'review', recordId: review.id, unitId: review.unit_id, before: { items: before }, after: { items } });
  });
}

/** The document part of a review's detail (null for a periodic review). */
export async function documentPartOf(ctx: Ctx, review: repo.ReviewRecord) {
  if (!review.policy_document_id) return null;
  const [doc, figures, commended, program] = await Promise.all([
    docRepo.findReviewedDocument(ctx.db, review.policy_document_id),
    docRepo.findDocumentFigures(ctx.db, review.id),
    docRepo.findCommendedUnits(ctx.db, review.id),
    review.joint ? docRepo.findProgramForce(ctx.db, review.policy_document_id) : Promise.resolve(undefined),
  ]);
  return { document: doc!, figures: figures as DocumentFigures | null, commended, forceBody: program?.force_body ?? null };
}
export type DocumentPart = NonNullable<Awaited<ReturnType<typeof documentPartOf>>>;
