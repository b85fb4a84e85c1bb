/**
 * Policy documents (docs/leadership-loop.md §3–§5): who reads them (units.read on the issuing
 * unit, above it or below it; a restricted document only through a grant whose role it lists,
 * anything else answers "not found" and is left out of lists and counts), who drafts and edits them
 * (data.write on the issuing unit), who issues them (data.approve there: the leader signs), the
 * unique issued number, the links between documents with no `replaces` cycle, the folded search,
 * and the audit record of every write in its transaction.
 */
import { sql } from 'kysely';
import { foldText } from '../../../common/text-fold.js';
import { ROLE_PERMISSIONS, type Role } from '../../../common/access.js';
import {
  POLICY_DOCUMENT_LINK_KINDS,
  type CreatePolicyDocumentBody,
  type CreatePolicyDocumentKindBody,
  type IssuePolicyDocumentBody,
  type PolicyDocumentLinkKind,
  type PolicyDocumentListQuery,
  type PutPolicyDocumentLinksBody,
  type UpdatePolicyDocumentBody,
  type UpdatePolicyDocumentKindBody,
} from '../../../common/policy-documents.js';
import { AppError } from '../../errors.js';
import { type Actor, assertCan, can, isSystemAdmin, pathCovers } from '../../http/access.js';
import type { Ctx } from '../../http/context.js';
import { recordAudit } from '../audit/audit.repository.js';
import { getReadableUnit } from '../units/units.service.js';
import { findUnitById } from '../units/units.repository.js';
import * as repo from './policy-documents.repository.js';

// ---------------------------------------------------------------- reading rule

/** The documents the actor reads, for the repository's queries (see `repo.readableBy`). */
export function readScope(actor: Actor): repo.ReadScope {
  if (isSystemAdmin(actor)) return { all: true };
  const readers = actor.grants.filter((g) => ROLE_PERMISSIONS[g.role].includes('units.read'));
  const byRole = new Map<Role, string[]>();
  for (const g of readers) byRole.set(g.role, [...(byRole.get(g.role) ?? []), g.unitPath]);
  return { all: false, paths: [...new Set(readers.map((g) => g.unitPath))], byRole: [...byRole].map(([role, paths]) => ({ role, paths })) };
}

/** The same rule as `readScope`, for one document in hand. */
export function canReadDocument(actor: Actor, doc: { issuing_path: string; restricted_roles: string[] | null }): boolean {
  if (isSystemAdmin(actor)) return true;
  return actor.grants.some(
    (g) =>
      ROLE_PERMISSIONS[g.role].includes('units.read') &&
      (pathCovers(g.unitPath, doc.issuing_path) || pathCovers(doc.issuing_path, g.unitPath)) &&
      (doc.restricted_roles === null || doc.restricted_roles.includes(g.role)),
  );
}

const notFound = (id: string) => new AppError('NOT_FOUND', `Policy document ${id} not found`, { what: 'policy_document', id });
const fieldError = (path: string, message: string, extra: Record<string, unknown> = {}) =>
  new AppError('VALIDATION_FAILED', `${path.replace(/^body\./, '')}: ${message}`, [{ path, message, ...extra }]);

/** The document, when it exists and the actor reads it; NOT_FOUND otherwise (both alike). */
export async function getReadableDocument(ctx: Ctx, actor: Actor, id: string): Promise<repo.DocumentRecord> {
  const doc = await repo.findDocumentById(ctx.db, id);
  if (!doc || !canReadDocument(actor, doc)) throw notFound(id);
  return doc;
}

/** The document the actor reads and holds data.write on (its issuing unit): NOT_FOUND, then FORBIDDEN. */
export async function getWritableDocument(ctx: Ctx, actor: Actor, id: string): Promise<repo.DocumentRecord> {
  const doc = await getReadableDocument(ctx, actor, id);
  assertCan(actor, 'data.write', doc.issuing_path);
  return doc;
}

// ---------------------------------------------------------------- kinds

export async function listKinds(ctx: Ctx) {
  return repo.findKinds(ctx.db);
}

const onlyAdmins = () => new AppError('FORBIDDEN', 'Only a system administrator may change the kinds of documents');
const namesOf = (names: Partial<Record<string, string>>) => Object.fromEntries(Object.entries(names).filter((e): e is [string, string] => typeof e[1] === 'string'));

/** Adds a kind (kinds are data: a new one needs no code change). */
export async function createKind(ctx: Ctx, actor: Actor, input: CreatePolicyDocumentKindBody): Promise<repo.KindRecord> {
  if (!isSystemAdmin(actor)) throw onlyAdmins();
  const kind: repo.KindRecord = { code: input.code, symbol: input.symbol, names: namesOf(input.names), implementable: input.implementable, sort_order: input.sortOrder };
  return ctx.db.transaction().execute(async (trx) => {
    if (await repo.findKind(trx, input.code)) throw new AppError('ALREADY_EXISTS', `The kind "${input.code}" already exists`, { code: input.code });
    await repo.insertKind(trx, kind);
    await recordAudit(trx, actor, { action: 'policy_document_kind.create', recordType: 'policy_document_kind', recordId: kind.code, after: { ...kind } });
    return kind;
  });
}

export async function updateKind(ctx: Ctx, actor: Actor, code: string, input: UpdatePolicyDocumentKindBody): Promise<repo.KindRecord> {
  if (!isSystemAdmin(actor)) throw onlyAdmins();
  return ctx.db.transaction().execute(async (trx) => {
    const current = await repo.lockKind(trx, code);
    if (!current) throw new AppError('NOT_FOUND', `Kind ${code} not found`, { what: 'policy_document_kind', id: code });
    const changes: Partial<Omit<repo.KindRecord, 'code'>> = {};
    if (input.symbol !== undefined && input.symbol !== current.symbol) changes.symbol = input.symbol;
    if (input.names !== undefined) changes.names = namesOf(input.names);
    if (input.implementable !== undefined && input.implementable !== current.implementable) changes.implementable = input.implementable;
    if (input.sortOrder !== undefined && input.sortOrder !== current.sort_order) changes.sort_order = input.sortOrder;
    if (!Object.keys(changes).length) return current;
    await repo.updateKind(trx, code, changes);
    const before = Object.fromEntries(Object.keys(changes).map((k) => [k, current[k as keyof repo.KindRecord]]));
    await recordAudit(trx, actor, { action: 'policy_document_kind.update', recordType: 'policy_document_kind', recordId: code, before, after: changes });
    return { ...current, ...changes };
  });
}

// ---------------------------------------------------------------- search and lists

/** The words of a search as the search text holds them: folded, punctuation made spaces ("25-NQ/TW" → 25, nq, tw). */
export function searchWords(q: string): string[] {
  const words = foldText(q)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .split(' ')
    .filter(Boolean);
  return [...new Set(words)].slice(0, 12);
}

export async function listDocuments(ctx: Ctx, actor: Actor, q: PolicyDocumentListQuery) {
  let underPath: string | undefined;
  if (q.issuingUnitId) {
    // Units above the reader's own issue documents it reads, so the filter takes any unit; what it
    // finds is still only what the reader may read.
    const unit = await findUnitById(ctx.db, q.issuingUnitId);
    if (!unit) throw new AppError('NOT_FOUND', `Unit ${q.issuingUnitId} not found`, { what: 'unit', id: q.issuingUnitId });
    underPath = unit.path;
  }
  if (q.implements) await getReadableDocument(ctx, actor, q.implements);
  let words: { word: string; kinds: string[] }[] | undefined;
  if (q.q?.trim()) {
    const kinds = (await repo.findKinds(ctx.db)).map((k) => ({ code: k.code, text: foldText(`${k.names.vi ?? ''} ${k.symbol}`) }));
    words = searchWords(q.q).map((word) => ({ word, kinds: kinds.filter((k) => k.text.split(' ').some((t) => t.startsWith(word))).map((k) => k.code) }));
  }
  return repo.findDocuments(ctx.db, {
    scope: readScope(actor),
    words,
    kind: q.kind,
    underPath,
    status: q.status,
    validOn: q.validOn,
    implementsId: q.implements,
    limit: q.limit,
    offset: q.offset,
  });
}

/** A document with its links (to documents the actor reads) and its attachments. */
export async function getDocumentDetail(ctx: Ctx, actor: Actor, id: string) {
  const doc = await getReadableDocument(ctx, actor, id);
  const [links, attachments] = await Promise.all([repo.findLinks(ctx.db, id, readScope(actor)), repo.findAttachments(ctx.db, id)]);
  return {
    doc,
    links,
    attachments,
    can: { edit: can(actor, 'data.write', doc.issuing_path), issue: doc.status === 'draft' && can(actor, 'data.approve', doc.issuing_path) },
  };
}

// ---------------------------------------------------------------- writes

const AUDIT_NAMES: Record<string, string> = {
  kind: 'kind',
  issuing_body: 'issuingBody',
  number: 'number',
  symbol: 'symbol',
  issued_on: 'issuedOn',
  title: 'title',
  summary: 'summary',
  valid_from: 'validFrom',
  valid_to: 'validTo',
  restricted_roles: 'restrictedRoles',
  status: 'status',
};
const auditView = (v: Record<string, unknown>) => Object.fromEntries(Object.entries(v).filter(([k]) => k in AUDIT_NAMES).map(([k, value]) => [AUDIT_NAMES[k], value]));

async function assertKind(ctx: Ctx, code: string): Promise<void> {
  if (!(await repo.findKind(ctx.db, code))) throw fieldError('body.kind', 'unknown kind of document', { code: 'unknown' });
}

/** The author of a restriction must keep reading the document: a list leaving out their own role is refused. */
function assertStillReadable(actor: Actor, issuingPath: string, restrictedRoles: string[] | null): void {
  if (canReadDocument(actor, { issuing_path: issuingPath, restricted_roles: restrictedRoles })) return;
  throw fieldError('body.restrictedRoles', 'must include a role you read the document with', { code: 'locks_you_out' });
}

const duplicate = (documentId: string, d: { number: string | null; symbol: string; issued_on: string | null }) =>
  new AppError('ALREADY_EXISTS', `Document ${d.number}-${d.symbol} of ${d.issued_on?.slice(0, 4)} is already issued`, { documentId });

const isIssuedNumberClash = (err: unknown) => (err as { code?: string; constraint?: string }).code === '23505' && (err as { constraint?: string }).constraint === 'policy_documents_issued_number';

/**
 * Runs a write that may give an issued document a number already taken that year: the check before
 * the write answers with the first one's id, and so does the unique index when two writers race.
 */
async function withIssuedNumberCheck<T>(ctx: Ctx, d: () => { id?: string; number: string | null; symbol: string; issued_on: string | null } | null, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (err) {
    const doc = d();
    if (!isIssuedNumberClash(err) || !doc?.number || !doc.issued_on) throw err;
    const first = await repo.findIssuedDuplicate(ctx.db, { symbol: doc.symbol, number: doc.number, issuedOn: doc.issued_on, exceptId: doc.id });
    throw first ? duplicate(first, doc) : err;
  }
}

/** Drafts a document of a unit (data.write there). It is issued apart, by the unit's leader. */
export async function createDocument(ctx: Ctx, actor: Actor, input: CreatePolicyDocumentBody): Promise<repo.DocumentRecord> {
  const unit = await getReadableUnit(ctx, actor, input.issuingUnitId);
  assertCan(actor, 'data.write', unit.path);
  await assertKind(ctx, input.kind);
  assertStillReadable(actor, unit.path, input.restrictedRoles ?? null);
  const values: repo.DocumentValues = {
    kind: input.kind,
    issuing_body: input.issuingBody,
    number: input.number ?? null,
    symbol: input.symbol,
    issued_on: input.issuedOn ?? null,
    title: input.title,
    summary: input.summary ?? null,
    valid_from: input.validFrom ?? null,
    valid_to: input.validTo ?? null,
    restricted_roles: input.restrictedRoles ?? null,
  };
  const id = await ctx.db.transaction().execute(async (trx) => {
    const newId = await repo.insertDocument(trx, { ...values, issuing_unit_id: unit.id, issuing_path: unit.path, created_by: actor.userId });
    await recordAudit(trx, actor, {
      action: 'policy_document.create',
      recordType: 'policy_document',
      recordId: newId,
      unitId: unit.id,
      after: { issuingUnitId: unit.id, status: 'draft', ...auditView(values) },
    });
    return newId;
  });
  return (await repo.findDocumentById(ctx.db, id))!;
}

const versionConflict = (current: number) => new AppError('CONFLICT', 'The document was changed by someone else; reload it and try again', { currentVersion: current });

/** Changes a document with optimistic concurrency on `version`. An issued one keeps its number and date. */
export async function updateDocument(ctx: Ctx, actor: Actor, id: string, input: UpdatePolicyDocumentBody): Promise<repo.DocumentRecord> {
  const doc = await getWritableDocument(ctx, actor, id);
  if (input.restrictedRoles !== undefined) assertStillReadable(actor, doc.issuing_path, input.restrictedRoles);
  if (input.kind !== undefined) await assertKind(ctx, input.kind);
  let after: (repo.DocumentValues & { id: string }) | null = null;
  await withIssuedNumberCheck(
    ctx,
    () => after,
    () =>
      ctx.db.transaction().execute(async (trx) => {
        const row = await repo.lockDocument(trx, id);
        if (!row) throw notFound(id);
        if (row.version !== input.version) throw versionConflict(row.version);
        const wanted: Partial<repo.DocumentValues> = {
          kind: input.kind,
          issuing_body: input.issuingBody,
          number: input.number,
          symbol: input.symbol,
          issued_on: input.issuedOn,
          title: input.title,
          summary: input.summary,
          valid_from: input.validFrom,
          valid_to: input.validTo,
          restricted_roles: input.restrictedRoles,
        };
        const changes: Record<string, unknown> = {};
        const before: Record<string, unknown> = {};
        for (const [k, v] of Object.entries(wanted) as [keyof repo.DocumentValues, unknown][]) {
          if (v === undefined || JSON.stringify(v) === JSON.stringify(row[k])) continue;
          changes[k] = v;
          before[k] = row[k];
        }
        const next = { ...row, ...changes } as repo.DocumentValues & { id: string; status: string };
        if (next.valid_from && next.valid_to && next.valid_to <= next.valid_from) throw fieldError('body.validTo', 'must be after the start of validity');
        if (row.status === 'issued' && !next.number) throw fieldError('body.number', 'an issued document keeps its number');
        if (row.status === 'issued' && !next.issued_on) throw fieldError('body.issuedOn', 'an issued document keeps its date of issue');
        if (!Object.keys(changes).length) return;
        if (row.status === 'issued' && ('number' in changes || 'symbol' in changes || 'issued_on' in changes)) {
          const first = await repo.findIssuedDuplicate(trx, { symbol: next.symbol, number: next.number!, issuedOn: next.issued_on!, exceptId: id });
          if (first) throw duplicate(first, next);
          after = next;
        }
        if (!(await repo.updateDocument(trx, id, input.version, changes))) throw versionConflict(row.version);
        await recordAudit(trx, actor, {
          action: 'policy_document.update',
          recordType: 'policy_document',
          recordId: id,
          unitId: row.issuing_unit_id,
          before: auditView(before),
          after: auditView(changes),
        });
      }),
  );
  return (await repo.findDocumentById(ctx.db, id))!;
}

/** Issues a draft (data.approve on the issuing unit): it needs its number and date, unique in the year. */
export async function issueDocument(ctx: Ctx, actor: Actor, id: string, input: IssuePolicyDocumentBody): Promise<repo.DocumentRecord> {
  const doc = await getReadableDocument(ctx, actor, id);
  assertCan(actor, 'data.approve', doc.issuing_path);
  let row: Awaited<ReturnType<typeof repo.lockDocument>> = undefined;
  await withIssuedNumberCheck(
    ctx,
    () => (row ? { ...row, id } : null),
    () =>
      ctx.db.transaction().execute(async (trx) => {
        row = await repo.lockDocument(trx, id);
        if (!row) throw notFound(id);
        if (row.version !== input.version) throw versionConflict(row.version);
        if (row.status !== 'draft') throw new AppError('INVALID_TRANSITION', 'The document is already issued', { status: row.status, action: 'issue' });
        const missing = [!row.number && 'number', !row.issued_on && 'issuedOn'].filter((m): m is string => !!m);
        if (missing.length) {
          throw new AppError(
            'VALIDATION_FAILED',
            'A document is issued with its number and date of issue',
            missing.map((m) => ({ path: `document.${m}`, message: 'required to issue the document', code: 'required' })),
          );
        }
        const first = await repo.findIssuedDuplicate(trx, { symbol: row.symbol, number: row.number!, issuedOn: row.issued_on!, exceptId: id });
        if (first) throw duplicate(first, row);
        if (!(await repo.updateDocument(trx, id, input.version, { status: 'issued', issued_by: actor.userId, issued_at: sql<Date>`now()` }))) throw versionConflict(row.version);
        await recordAudit(trx, actor, {
          action: 'policy_document.issue',
          recordType: 'policy_document',
          recordId: id,
          unitId: row.issuing_unit_id,
          before: { status: 'draft' },
          after: { status: 'issued', number: row.number, symbol: row.symbol, issuedOn: row.issued_on },
        });
      }),
  );
  return (await repo.findDocumentById(ctx.db, id))!;
}

/**
 * Sets the document's outgoing links, all of them. Every linked document must be one the actor
 * reads (else it is "unknown", as a missing one); a `replaces` link that would close a chain back
 * to this document is SUCCESSION_CYCLE.
 */
export async function putLinks(ctx: Ctx, actor: Actor, id: string, input: PutPolicyDocumentLinksBody) {
  const doc = await getWritableDocument(ctx, actor, id);
  const wanted: { toId: string; kind: PolicyDocumentLinkKind; path: string }[] = [];
  for (const kind of POLICY_DOCUMENT_LINK_KINDS) {
    const seen = new Set<string>();
    input[kind].forEach((toId, i) => {
      if (seen.has(toId)) return;
      seen.add(toId);
      wanted.push({ toId, kind, path: `body.${kind}.${i}` });
    });
  }
  const self = wanted.find((l) => l.toId === id);
  if (self?.kind === 'replaces') throw new AppError('SUCCESSION_CYCLE', 'A document cannot replace itself', { path: self.path, documentIds: [id] });
  if (self) throw fieldError(self.path, 'a document cannot link to itself');
  const readable = await repo.findReadableIds(ctx.db, [...new Set(wanted.map((l) => l.toId))], readScope(actor));
  const unknown = wanted.filter((l) => !readable.has(l.toId));
  if (unknown.length) {
    throw new AppError(
      'VALIDATION_FAILED',
      'Some linked documents do not exist',
      unknown.map((l) => ({ path: l.path, message: 'unknown document', code: 'unknown' })),
    );
  }
  return ctx.db.transaction().execute(async (trx) => {
    const replaces = wanted.filter((l) => l.kind === 'replaces').map((l) => l.toId);
    if (replaces.length) {
      await repo.lockSuccession(trx);
      if (await repo.replacesReaches(trx, replaces, id)) {
        throw new AppError('SUCCESSION_CYCLE', 'The document would replace, through other documents, a document that replaces it', { documentIds: replaces });
      }
    }
    const row = await repo.lockDocument(trx, id);
    if (!row) throw notFound(id);
    if (row.version !== input.version) throw versionConflict(row.version);
    const before = await repo.findOutgoingLinks(trx, id);
    await repo.replaceLinks(trx, id, wanted, actor.userId);
    if (!(await repo.updateDocument(trx, id, input.version, {}))) throw versionConflict(row.version);
    const view = (links: { toId?: string; to_id?: string; kind: string }[]) =>
      Object.fromEntries(POLICY_DOCUMENT_LINK_KINDS.map((k) => [k, links.filter((l) => l.kind === k).map((l) => l.toId ?? l.to_id)]));
    await recordAudit(trx, actor, {
      action: 'policy_document.links',
      recordType: 'policy_document',
      recordId: id,
      unitId: doc.issuing_unit_id,
      before: view(before),
      after: view(wanted),
    });
  });
}
