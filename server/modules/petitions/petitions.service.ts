/**
 * Petitions: intake with a number per receiving unit and year, reading with the submitter's
 * identity masked, the identity itself for holders of petitions.identity (each read audited),
 * filtered lists with due-soon / overdue flags and escalation to the units above.
 *
 * Who reads: units.read on the receiving unit or on the handling unit (a petition transferred up
 * stays visible to the unit that received it). Anything else answers "not found".
 */
import { type IntakeBody, PETITION_ACTIONS, PETITION_ACTION_NAMES, PETITION_LIMITS, type Receipt } from '../../../common/petitions.js';
import { assertExportSize, LIST_EXPORT_MAX_ROWS } from '../../documents/list-workbook.js';
import { AppError } from '../../errors.js';
import { type Actor, assertCan, can, isSystemAdmin, readScopes, scopePaths } from '../../http/access.js';
import type { Ctx } from '../../http/context.js';
import type { Db } from '../../db/database.js';
import { auditRow, recordAudit, recordAudits } from '../audit/audit.repository.js';
import { todayInVietnam } from '../commendations/commendations.service.js';
import { findUnitById, type UnitRecord } from '../units/units.repository.js';
import { getReadableUnit } from '../units/units.service.js';
import { checkAttachments } from './petition-files.js';
import { calendarOf, categoryExists, dueDate, timeLimitOf } from './petitions-calendar.js';
import * as repo from './petitions.repository.js';
import type { PetitionExportQuery, PetitionListQuery } from './petitions.schema.js';
import { hashSecret, newSecret, newTrackingCode, normalise, normaliseCode } from './tracking-code.js';

type Issue = { path: string; message: string; code?: string };

export const petitionNotFound = (id: string) => new AppError('NOT_FOUND', `Petition ${id} not found`, { what: 'petition', id });

export const invalid = (issues: Issue[]) => new AppError('VALIDATION_FAILED', `The petition is not valid; nothing was recorded: ${issues.map((i) => `${i.path.replace(/^body\./, '')} ${i.message}`).join('; ')}`, issues);

/** The fields of a new petition, once the caller's side (officer or public form) has checked who may send it. */
export type NewPetitionInput = Omit<IntakeBody, 'unitId' | 'concernedUnitId' | 'receivedOn' | 'attachments'> & {
  unit: Pick<UnitRecord, 'id' | 'path'>;
  concernedUnitId: string | null;
  receivedOn: string;
  attachments: { fileName: string; dataBase64: string }[];
  maxAttachmentBytes: number;
  /** The version of the data-protection notice the citizen consented to (public intake only). */
  consentNoticeVersion?: string;
};

/** The checks every intake shares: the anonymity rule, the submitter, the category. */
export async function checkCommon(db: Db, input: Pick<NewPetitionInput, 'kind' | 'anonymous' | 'submitter' | 'categoryCode'>, issues: Issue[]) {
  if (input.anonymous && input.kind !== 'recommendation') {
    issues.push({ path: 'body.anonymous', message: 'only a recommendation or reflection may be anonymous (a complaint or denunciation must name its sender)', code: 'anonymous_not_allowed' });
  }
  if (input.anonymous && input.submitter) issues.push({ path: 'body.submitter', message: 'an anonymous petition carries no submitter', code: 'anonymous_with_submitter' });
  if (!input.anonymous && !input.submitter) issues.push({ path: 'body.submitter', message: 'the submitter is required unless the petition is anonymous', code: 'submitter_required' });
  if (!(await categoryExists(db, input.categoryCode))) issues.push({ path: 'body.categoryCode', message: `unknown category "${input.categoryCode}"` });
}

/**
 * Records a petition with its number, due date, tracking code and attachments, atomically with its
 * first history step and audit record. The audit record names what was
 * received, never who sent it (the identity stays in the petition only).
 */
export async function createPetition(ctx: Ctx, actor: Actor, input: NewPetitionInput): Promise<Receipt> {
  const files = checkAttachments(input.attachments, input.maxAttachmentBytes);
  const [cal, limit] = await Promise.all([calendarOf(ctx.db), timeLimitOf(ctx.db, input.kind)]);
  const due = dueDate(cal, input.receivedOn, limit);
  const trackingCode = newTrackingCode();
  const secret = newSecret();
  const year = Number(input.receivedOn.slice(0, 4));
  const s = input.submitter;
  const row = {
    unit_id: input.unit.id,
    unit_path: input.unit.path,
    year,
    kind: input.kind,
    channel: input.channel,
    anonymous: input.anonymous,
    submitter_name: s?.name ?? null,
    submitter_contact: s?.contact ?? null,
    submitter_id_number: s?.idNumber ?? null,
    submitter_address: s?.address ?? null,
    concerned_unit_id: input.concernedUnitId,
    category_code: input.categoryCode,
    title: input.title,
    content: input.content,
    handling_unit_id: input.unit.id,
    handling_unit_path: input.unit.path,
    received_on: input.receivedOn,
    due_on: due,
    tracking_code: trackingCode,
    secret_hash: hashSecret(secret),
    created_by: actor.userId,
    ...(input.consentNoticeVersion ? { consent_at: new Date(), consent_notice_version: input.consentNoticeVersion } : {}),
  };
  const who = { id: actor.userId, name: actor.username };
  // What was received, never who sent it; the number is added where it is known.
  const audit = (recordId: string | null, number?: number) => ({
    action: 'petition.create',
    recordType: 'petition',
    recordId,
    unitId: input.unit.id,
    after: {
      ...(number === undefined ? {} : { number: `${number}/${year}` }),
      kind: input.kind,
      channel: input.channel,
      anonymous: input.anonymous,
      categoryCode: input.categoryCode,
      title: input.title,
      receivedOn: input.receivedOn,
      dueOn: due,
      ...(input.consentNoticeVersion ? { consentNoticeVersion: input.consentNoticeVersion } : {}),
      attachments: files.map((f) => ({ fileName: f.fileName, contentType: f.contentType, sizeBytes: f.data.length, sha256: f.sha256 })),
    },
  });
  // Without attachments (most intakes), one statement is the whole write: the unit's counter stays
  // locked only while it runs (insertNumberedPetition). With attachments, one transaction.
  const { id, number } = files.length
    ? await ctx.db.transaction().execute(async (trx) => {
        const created = await repo.insertNumberedPetition(trx, row, who);
        await repo.insertAttachments(trx, created.id, actor.userId, files);
        await recordAudit(trx, actor, audit(created.id, created.number));
        return created;
      })
    : await repo.insertNumberedPetition(ctx.db, row, who, auditRow(actor, audit(null)));
  return { id, number: `${number}/${year}`, trackingCode, secret, receivedOn: input.receivedOn, dueOn: due };
}

/** An officer records a petition received by a unit where they hold data.write. */
export async function intake(ctx: Ctx, actor: Actor, input: IntakeBody): Promise<Receipt> {
  const unit = await repo.findUnitBrief(ctx.db, input.unitId);
  // Unknown and unreadable alike, so nothing leaks.
  if (!unit || !can(actor, 'units.read', unit.path)) throw new AppError('NOT_FOUND', `Unit ${input.unitId} not found`, { what: 'unit', id: input.unitId });
  assertCan(actor, 'data.write', unit.path);
  const issues: Issue[] = [];
  await checkCommon(ctx.db, input, issues);
  const today = todayInVietnam();
  const receivedOn = input.receivedOn ?? today;
  if (receivedOn > today) issues.push({ path: 'body.receivedOn', message: `must not be in the future (today is ${today})` });
  if (unit.retired) issues.push({ path: 'body.unitId', message: 'the unit is no longer in force' });
  // A unit receives petitions only from its first day (an organization added today did not receive last year's).
  else if (unit.valid_from && receivedOn < unit.valid_from) issues.push({ path: 'body.receivedOn', message: `the unit came into force on ${unit.valid_from}` });
  if (input.concernedUnitId) {
    const concerned = await findUnitById(ctx.db, input.concernedUnitId);
    // Unknown and unreadable alike, so nothing leaks.
    if (!concerned || !can(actor, 'units.read', concerned.path)) issues.push({ path: 'body.concernedUnitId', message: 'unknown unit' });
  }
  if (issues.length) throw invalid(issues);
  return createPetition(ctx, actor, {
    ...input,
    unit,
    concernedUnitId: input.concernedUnitId ?? null,
    receivedOn,
    maxAttachmentBytes: PETITION_LIMITS.attachmentBytes,
  });
}

// ---- reading ----

/** The categories and the statutory time limits, as the intake form and the detail page show them. */
export async function getSettings(ctx: Ctx) {
  const [categories, limits] = await Promise.all([repo.findCategories(ctx.db), repo.findTimeLimits(ctx.db)]);
  return {
    categories: categories.map((c) => ({ code: c.code, names: c.names, sortOrder: c.sort_order })),
    timeLimits: limits.map((l) => ({ kind: l.kind, days: l.days, basis: l.basis, maxExtensionDays: l.max_extension_days, source: l.source })),
  };
}

export const canRead = (actor: Actor, p: { unit_path: string; handling_unit_path: string }) => can(actor, 'units.read', p.unit_path) || can(actor, 'units.read', p.handling_unit_path);
export const canReadIdentity = (actor: Actor, p: { unit_path: string; handling_unit_path: string }) =>
  can(actor, 'petitions.identity', p.unit_path) || can(actor, 'petitions.identity', p.handling_unit_path);

/** The petition, when it exists and the actor may read it; NOT_FOUND otherwise (both alike). */
export async function getReadablePetition(db: Db, actor: Actor, id: string): Promise<repo.PetitionRecord> {
  const p = await repo.findPetitionById(db, id);
  if (!p || !canRead(actor, p)) throw petitionNotFound(id);
  return p;
}

/** Today and the last day that still counts as "due soon", in Viet Nam's working days. */
export async function dueWindow(db: Db, today = todayInVietnam()) {
  const cal = await calendarOf(db);
  return { today, soonLimit: cal.addWorkingDays(today, PETITION_LIMITS.dueSoonWorkingDays) };
}

export async function getPetitionDetail(ctx: Ctx, actor: Actor, id: string) {
  const petition = await getReadablePetition(ctx.db, actor, id);
  const [transitions, attachments, limit, window] = await Promise.all([
    repo.findTransitions(ctx.db, id),
    repo.findAttachments(ctx.db, id),
    timeLimitOf(ctx.db, petition.kind),
    dueWindow(ctx.db),
  ]);
  const actions = PETITION_ACTION_NAMES.filter((a) => (PETITION_ACTIONS[a].from as readonly string[]).includes(petition.status) && can(actor, PETITION_ACTIONS[a].permission, petition.handling_unit_path));
  return { petition, transitions, attachments, limit, window, actions, canReadIdentity: canReadIdentity(actor, petition) };
}

/** The submitter's identity, for holders of petitions.identity; the read itself is audited. */
export async function readIdentity(ctx: Ctx, actor: Actor, id: string) {
  const p = await getReadablePetition(ctx.db, actor, id);
  if (!canReadIdentity(actor, p)) throw new AppError('FORBIDDEN', 'Permission petitions.identity is required to read who sent a petition', { permission: 'petitions.identity' });
  await recordAudit(ctx.db, actor, {
    action: 'petition.identity.read',
    recordType: 'petition',
    recordId: id,
    unitId: p.unit_id,
    after: { fields: ['name', 'contact', 'idNumber', 'address'].filter((_, i) => [p.submitter_name, p.submitter_contact, p.submitter_id_number, p.submitter_address][i] !== null) },
  });
  return p;
}

export async function getAttachment(ctx: Ctx, actor: Actor, id: string, attachmentId: string) {
  await getReadablePetition(ctx.db, actor, id);
  const file = await repo.findAttachment(ctx.db, id, attachmentId);
  if (!file) throw new AppError('NOT_FOUND', `Attachment ${attachmentId} not found`, { what: 'attachment', id: attachmentId });
  return file;
}


const NUMBER_QUERY = /^(\d{1,9})(?:\s*\/\s*(\d{4}))?$/;
const TRACKING_CODE = /^[0-9A-HJKMNP-TV-Z]{12}$/;

/**
 * The list's `q` as a search: "12" or "12/2026" is a petition number (of any receiving unit in the
 * list: the unit column tells them apart); other text is looked for in titles, as a tracking code
 * when it reads as one (with or without dashes, in any case), and in submitters' names inside
 * `nameScopes` — the subtrees where the caller holds petitions.identity.
 */
export function petitionTextSearch(q: string, nameScopes: string[] | 'everywhere'): repo.PetitionTextSearch {
  const text = q.trim();
  const number = NUMBER_QUERY.exec(text);
  if (number) return { kind: 'number', number: Number(number[1]), ...(number[2] ? { year: Number(number[2]) } : {}) };
  const code = normalise(text);
  return { kind: 'text', text, nameScopes, ...(TRACKING_CODE.test(code) ? { trackingCode: normaliseCode(code) } : {}) };
}

/** Where the actor reads submitters' identities: everywhere (system admin), some subtrees, or nowhere. */
function identityScopes(actor: Actor): string[] | 'everywhere' {
  return isSystemAdmin(actor) ? 'everywhere' : scopePaths(actor, 'petitions.identity');
}

/**
 * A search by name reads personal data, like the identity endpoint: each petition it matched by the
 * submitter's name is written to the audit trail (`petition.identity.search`), without the words
 * searched for (the trail is read by unit admins, who may not read identities).
 */
async function auditNameMatches(ctx: Ctx, actor: Actor, rows: repo.ListRecord[]) {
  const matched = rows.filter((r) => r.matched_by_name);
  if (!matched.length) return;
  await recordAudits(
    ctx.db,
    actor,
    matched.map((r) => ({ action: 'petition.identity.search', recordType: 'petition', recordId: r.id, unitId: r.unit_id, after: { number: `${r.number}/${r.year}`, matchedBy: 'submitterName' } })),
  );
}

async function listFilter(ctx: Ctx, actor: Actor, q: Omit<PetitionListQuery, 'limit' | 'offset'>) {
  const under = q.unitId ? await getReadableUnit(ctx, actor, q.unitId) : undefined;
  if (q.view === 'queue' && !under) throw new AppError('VALIDATION_FAILED', 'The queue view needs a unit', [{ path: 'querystring.unitId', message: 'required with view=queue' }]);
  const window = await dueWindow(ctx.db);
  const filter: Omit<repo.ListFilter, 'limit' | 'offset'> = {
    // Inside a readable unit every petition handled there is readable: no scope filter needed.
    scopePaths: under ? undefined : readScopes(actor),
    underPath: under?.path,
    queueUnitId: q.view === 'queue' ? under?.id : undefined,
    status: q.status,
    open: q.open,
    kind: q.kind,
    channel: q.channel,
    categoryCode: q.categoryCode,
    year: q.year,
    due: q.due,
    search: q.q ? petitionTextSearch(q.q, identityScopes(actor)) : undefined,
    ...window,
  };
  return { filter, window, under };
}

export async function listPetitions(ctx: Ctx, actor: Actor, q: PetitionListQuery) {
  const { filter, window, under } = await listFilter(ctx, actor, q);
  const page = await repo.findPetitions(ctx.db, { ...filter, limit: q.limit, offset: q.offset });
  await auditNameMatches(ctx, actor, page.rows);
  return { ...page, window, viewUnitId: q.view === 'queue' ? under?.id : undefined };
}

/** The most rows one export holds (XLSX or CSV); beyond it EXPORT_TOO_LARGE asks for narrower filters. */
export const EXPORT_MAX_ROWS = LIST_EXPORT_MAX_ROWS;

/**
 * The rows of an export. Identity columns only when asked for and the actor holds
 * petitions.identity on the listed unit; such an export is audited like a read.
 */
export async function exportPetitions(ctx: Ctx, actor: Actor, q: PetitionExportQuery) {
  const { filter, window, under } = await listFilter(ctx, actor, q);
  if (q.includeIdentity && (!under || !can(actor, 'petitions.identity', under.path))) {
    throw new AppError('FORBIDDEN', 'Exporting identities needs petitions.identity on the listed unit (unitId)', { permission: 'petitions.identity' });
  }
  const total = await repo.countPetitions(ctx.db, filter);
  assertExportSize(total, EXPORT_MAX_ROWS);
  const page = await repo.findPetitions(ctx.db, { ...filter, withIdentity: q.includeIdentity, limit: EXPORT_MAX_ROWS, offset: 0 });
  await auditNameMatches(ctx, actor, page.rows);
  if (q.includeIdentity) {
    await recordAudit(ctx.db, actor, { action: 'petition.identity.export', recordType: 'unit', recordId: under!.id, unitId: under!.id, after: { rows: page.rows.length, filters: { ...q, includeIdentity: undefined } } });
  }
  const categories = await repo.findCategories(ctx.db);
  const names = new Map(categories.map((c) => [c.code, (c.names as Record<string, string>).vi ?? c.code]));
  return { rows: page.rows, window, includeIdentity: q.includeIdentity, categoryName: (code: string) => names.get(code) ?? code };
}
