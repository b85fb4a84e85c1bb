/**
 * The rules of a commune's publications and citizens' decisions (docs/grassroots-democracy.md §5).
 * A record belongs to an administrative unit (a commune, as a rule); it is written with data.write
 * there or on the commune's Fatherland Front committee (an organization directly under it: the
 * Front writes its commune's records too), read with units.read where it lies or counts today,
 * and reaches the public page only once someone with data.approve there has reviewed it. Every
 * check runs before the first write; each write goes with its audit record in one transaction.
 */
import type { DecisionBody, DecisionUpdate, PublicationBody, PublicationUpdate, ReviewBody } from '../../../common/grassroots.js';
import { AppError } from '../../errors.js';
import { type Actor, assertCan, can, canReadRecord } from '../../http/access.js';
import type { Ctx } from '../../http/context.js';
import { recordAudit } from '../audit/audit.repository.js';
import * as repo from './grassroots.repository.js';

/**
 * The audit trail's record type of each table. Its actions are written literally where they are
 * recorded (`publication.create`, …), so that the audit vocabulary's test finds them and the log
 * shows them in words (web/ui/audit-vocabulary.ts).
 */
export const RECORD_TYPE: Record<repo.Kind, string> = { publications: 'publication', citizen_decisions: 'citizen_decision' };
const REVIEW_AUDIT = {
  publications: { action: 'publication.review', recordType: 'publication' },
  citizen_decisions: { action: 'citizen_decision.review', recordType: 'citizen_decision' },
} as const;

type Unit = NonNullable<Awaited<ReturnType<typeof repo.findWritableUnit>>>;
type Merged = Record<string, unknown>;

const unitNotFound = (id: string) => new AppError('NOT_FOUND', `Unit ${id} not found`, { what: 'unit', id });
const notFound = (kind: repo.Kind, id: string) => new AppError('NOT_FOUND', `${RECORD_TYPE[kind]} ${id} not found`, { what: RECORD_TYPE[kind], id });
const fieldError = (path: string, message: string, code: string) => new AppError('VALIDATION_FAILED', `${path.replace(/^body\./, '')}: ${message}`, [{ path, message, code }]);
const conflict = (current: number) => new AppError('CONFLICT', 'The record was changed by someone else; reload it and try again', { currentVersion: current });

/** data.write on the unit, or on its Fatherland Front committee. */
const canWrite = (actor: Actor, u: Unit) => can(actor, 'data.write', u.path) || u.fronts.some((f) => can(actor, 'data.write', f));
const canRead = (actor: Actor, u: Unit) => canReadRecord(actor, u.path, u.current_path) || canWrite(actor, u);

/** The unit a list or a write is about: NOT_FOUND when missing or unreadable (never a hint it exists). */
export async function readableUnit(ctx: Ctx, actor: Actor, unitId: string): Promise<Unit> {
  const u = await repo.findWritableUnit(ctx.db, unitId);
  if (!u || !canRead(actor, u)) throw unitNotFound(unitId);
  return u;
}

/** The unit a write is about: data.write there or on its Front committee, an administrative unit (NOT_FOUND when unreadable). */
export async function writableUnit(ctx: Ctx, actor: Actor, unitId: string): Promise<Unit> {
  const u = await readableUnit(ctx, actor, unitId);
  if (!canWrite(actor, u)) throw new AppError('FORBIDDEN', 'Permission data.write is required on this unit or its Fatherland Front committee', { permission: 'data.write' });
  if (u.category !== 'administrative') throw fieldError('body.unitId', 'publications and decisions belong to a commune, not to an organization', 'not_administrative');
  return u;
}

export async function getPublication(ctx: Ctx, actor: Actor, id: string) {
  const r = await repo.findPublication(ctx.db, id);
  if (!r) throw notFound('publications', id);
  await readableUnit(ctx, actor, r.unit_id).catch(() => {
    throw notFound('publications', id);
  });
  return r;
}

export async function getDecision(ctx: Ctx, actor: Actor, id: string) {
  const r = await repo.findDecision(ctx.db, id);
  if (!r) throw notFound('citizen_decisions', id);
  await readableUnit(ctx, actor, r.unit_id).catch(() => {
    throw notFound('citizen_decisions', id);
  });
  return r;
}

/** Who may review the record, for the web to offer the buttons (the route checks again). */
export const canReview = (actor: Actor, r: { unit_path: string }) => can(actor, 'data.approve', r.unit_path);

// ---------------------------------------------------------------- publications

const daysAfter = (iso: string, days: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** The next public state: asking for the public page waits for a review; a changed approved record is reviewed again. */
function nextPublicState(current: repo.PublicationRecord['public_state'], asked: boolean | undefined, contentChanged: boolean) {
  if (asked === false) return 'private';
  if (asked === true && current === 'private') return 'pending';
  if (current === 'approved' && contentChanged) return 'pending';
  return current;
}

async function preparePublication(ctx: Ctx, merged: Merged, change: Merged): Promise<repo.Values> {
  const item = await repo.findItem(ctx.db, String(merged.itemCode));
  if (!item) throw fieldError('body.itemCode', 'unknown publication item', 'unknown');
  if ('forms' in change) {
    const forms = change.forms as string[];
    const known = await repo.knownForms(ctx.db, forms);
    const bad = forms.findIndex((f) => !known.has(f));
    if (bad >= 0) throw fieldError(`body.forms[${bad}]`, 'unknown form of publication', 'unknown');
  }
  const documentDate = String(merged.documentDate);
  const publishedOn = String(merged.publishedOn);
  if (publishedOn < documentDate) throw fieldError('body.publishedOn', `must not be before the document's date (${documentDate})`, 'before_document');
  if (merged.postedUntil != null && String(merged.postedUntil) < publishedOn) throw fieldError('body.postedUntil', `must not be before publishedOn (${publishedOn})`, 'before_publication');
  const values: repo.Values = {};
  const COLUMNS: Record<string, string> = { itemCode: 'item_code', documentTitle: 'document_title', documentDate: 'document_date', forms: 'forms', publishedOn: 'published_on', postedUntil: 'posted_until', evidence: 'evidence' };
  for (const [k, c] of Object.entries(COLUMNS)) if (k in change) values[c] = (change[k] ?? null) as repo.Values[string];
  values.late = item.deadline_days !== null && publishedOn > daysAfter(documentDate, item.deadline_days);
  return values;
}

export async function createPublication(ctx: Ctx, actor: Actor, body: PublicationBody): Promise<string> {
  const unit = await writableUnit(ctx, actor, body.unitId);
  const { unitId: _u, public: asked, ...change } = body;
  const values = await preparePublication(ctx, change, change);
  return ctx.db.transaction().execute(async (trx) => {
    const id = await repo.insert(trx, 'publications', { ...values, unit_id: unit.id, unit_path: unit.path, public_state: asked ? 'pending' : 'private', created_by: actor.userId });
    await recordAudit(trx, actor, { action: 'publication.create', recordType: 'publication', recordId: id, unitId: unit.id, after: { ...body } });
    return id;
  });
}

/**
 * The fields of an update whose value differs from the stored one. A form sends every field: a save
 * that changes nothing must neither send an approved record back to review nor fill the audit.
 */
function changedFields(sent: Merged, before: Merged): Merged {
  const out: Merged = {};
  for (const [k, v] of Object.entries(sent)) if (v !== undefined && JSON.stringify(v ?? null) !== JSON.stringify(before[k] ?? null)) out[k] = v;
  return out;
}

export async function updatePublication(ctx: Ctx, actor: Actor, id: string, body: PublicationUpdate): Promise<void> {
  const current = await getPublication(ctx, actor, id);
  await writableUnit(ctx, actor, current.unit_id);
  const { version, public: asked, ...sent } = body;
  const before: Merged = {
    itemCode: current.item_code,
    documentTitle: current.document_title,
    documentDate: current.document_date,
    forms: current.forms,
    publishedOn: current.published_on,
    postedUntil: current.posted_until,
    evidence: current.evidence,
  };
  const change = changedFields(sent, before);
  const values = await preparePublication(ctx, { ...before, ...change }, change);
  values.public_state = nextPublicState(current.public_state, asked, Object.keys(change).length > 0);
  await ctx.db.transaction().execute(async (trx) => {
    const stored = await repo.lockVersion(trx, 'publications', id);
    if (stored === undefined) throw notFound('publications', id);
    if (stored !== version || !(await repo.update(trx, 'publications', id, version, values))) throw conflict(stored);
    const was: Merged = {};
    for (const k of Object.keys(change)) was[k] = before[k];
    await recordAudit(trx, actor, { action: 'publication.update', recordType: 'publication', recordId: id, unitId: current.unit_id, before: { ...was, publicState: current.public_state }, after: { ...change, publicState: values.public_state } });
  });
}

// ---------------------------------------------------------------- citizens' decisions

const DECISION_COLUMNS: Record<string, string> = {
  village: 'village',
  matterCode: 'matter_code',
  subject: 'subject',
  method: 'method',
  decidedOn: 'decided_on',
  eligibleHouseholds: 'eligible_households',
  householdsTakingPart: 'households_taking_part',
  inFavour: 'in_favour',
  against: 'against',
  resultPublishedOn: 'result_published_on',
  resultForm: 'result_form',
  approvedOn: 'approved_on',
  approvalNumber: 'approval_number',
};

/** Whether the tally passes the threshold: shares compared in whole numbers (count × 100 against pct × base). */
export function passes(t: repo.ThresholdRecord, d: { eligible: number; takingPart: number; inFavour: number }): boolean {
  const over = (count: number, base: number, pct: number) => (t.strict ? count * 100 > pct * base : count * 100 >= pct * base);
  const base = t.approval_basis === 'eligible' ? d.eligible : d.takingPart;
  return over(d.takingPart, d.eligible, t.attendance_pct) && base > 0 && over(d.inFavour, base, t.approval_pct);
}

async function prepareDecision(ctx: Ctx, m: Merged, change: Merged): Promise<repo.Values> {
  const matter = await repo.findMatter(ctx.db, String(m.matterCode));
  if (!matter) throw fieldError('body.matterCode', 'unknown matter', 'unknown');
  const eligible = Number(m.eligibleHouseholds);
  const takingPart = Number(m.householdsTakingPart);
  const inFavour = Number(m.inFavour);
  const against = Number(m.against);
  if (takingPart > eligible) throw fieldError('body.householdsTakingPart', `must not exceed the eligible households (${eligible})`, 'over_eligible');
  if (inFavour + against > takingPart) throw fieldError('body.inFavour', `in favour + against (${inFavour + against}) must not exceed the households taking part (${takingPart})`, 'over_taking_part');
  const decidedOn = String(m.decidedOn);
  if (m.resultPublishedOn != null && String(m.resultPublishedOn) < decidedOn) throw fieldError('body.resultPublishedOn', `must not be before the decision (${decidedOn})`, 'before_decision');
  if (m.resultForm != null && !(await repo.knownForms(ctx.db, [String(m.resultForm)])).has(String(m.resultForm))) throw fieldError('body.resultForm', 'unknown form of publication', 'unknown');
  if ((m.approvedOn != null || m.approvalNumber != null) && !matter.is_covenant) throw fieldError('body.approvedOn', 'only a village covenant is approved by the commune', 'not_covenant');
  if (m.approvedOn != null && String(m.approvedOn) < decidedOn) throw fieldError('body.approvedOn', `must not be before the decision (${decidedOn})`, 'before_decision');
  const threshold = await repo.findThreshold(ctx.db, matter.code, String(m.method), decidedOn);
  const values: repo.Values = {};
  for (const [k, c] of Object.entries(DECISION_COLUMNS)) if (k in change) values[c] = (change[k] ?? null) as repo.Values[string];
  values.threshold_id = threshold?.id ?? null;
  values.passed = threshold ? passes(threshold, { eligible, takingPart, inFavour }) : false;
  return values;
}

export async function createDecision(ctx: Ctx, actor: Actor, body: DecisionBody): Promise<string> {
  const unit = await writableUnit(ctx, actor, body.unitId);
  const { unitId: _u, public: asked, ...change } = body;
  const values = await prepareDecision(ctx, change, change);
  return ctx.db.transaction().execute(async (trx) => {
    const id = await repo.insert(trx, 'citizen_decisions', { ...values, unit_id: unit.id, unit_path: unit.path, public_state: asked ? 'pending' : 'private', created_by: actor.userId });
    await recordAudit(trx, actor, { action: 'citizen_decision.create', recordType: 'citizen_decision', recordId: id, unitId: unit.id, after: { ...body, passed: values.passed } });
    return id;
  });
}

export async function updateDecision(ctx: Ctx, actor: Actor, id: string, body: DecisionUpdate): Promise<void> {
  const current = await getDecision(ctx, actor, id);
  await writableUnit(ctx, actor, current.unit_id);
  const { version, public: asked, ...sent } = body;
  const before: Merged = {};
  const row = current as unknown as Record<string, unknown>;
  for (const [k, c] of Object.entries(DECISION_COLUMNS)) before[k] = row[c];
  const change = changedFields(sent, before);
  const values = await prepareDecision(ctx, { ...before, ...change }, change);
  values.public_state = nextPublicState(current.public_state, asked, Object.keys(change).length > 0);
  await ctx.db.transaction().execute(async (trx) => {
    const stored = await repo.lockVersion(trx, 'citizen_decisions', id);
    if (stored === undefined) throw notFound('citizen_decisions', id);
    if (stored !== version || !(await repo.update(trx, 'citizen_decisions', id, version, values))) throw conflict(stored);
    const was: Merged = {};
    for (const k of Object.keys(change)) was[k] = before[k];
    await recordAudit(trx, actor, {
      action: 'citizen_decision.update',
      recordType: 'citizen_decision',
      recordId: id,
      unitId: current.unit_id,
      before: { ...was, passed: current.passed, publicState: current.public_state },
      after: { ...change, passed: values.passed, publicState: values.public_state },
    });
  });
}

// ---------------------------------------------------------------- review for the public page

/** Approves a pending record for the public page, or sends it back to private (data.approve on its unit). */
export async function review(ctx: Ctx, actor: Actor, kind: repo.Kind, id: string, body: ReviewBody): Promise<void> {
  const current = kind === 'publications' ? await getPublication(ctx, actor, id) : await getDecision(ctx, actor, id);
  assertCan(actor, 'data.approve', current.unit_path);
  if (body.approve && current.public_state !== 'pending') {
    throw new AppError('INVALID_TRANSITION', 'Only a record waiting for review can be made public', { status: current.public_state, action: 'approve' });
  }
  const next = body.approve ? 'approved' : 'private';
  await ctx.db.transaction().execute(async (trx) => {
    const stored = await repo.lockVersion(trx, kind, id);
    if (stored === undefined) throw notFound(kind, id);
    if (stored !== body.version || !(await repo.update(trx, kind, id, body.version, { public_state: next, reviewed_by: actor.userId, reviewed_at: new Date().toISOString() }))) throw conflict(stored);
    await recordAudit(trx, actor, { ...REVIEW_AUDIT[kind], recordId: id, unitId: current.unit_id, before: { publicState: current.public_state }, after: { publicState: next } });
  });
}
