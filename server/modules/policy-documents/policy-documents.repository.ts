/** All SQL of policy documents: kinds, documents, links and attachments. */
import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { PolicyDocumentLinkKind, PolicyDocumentStatus } from '../../../common/policy-documents.js';
import type { Database } from '../../db/schema.js';

type Q = Kysely<Database>;

// ---------------------------------------------------------------- who reads what

/**
 * The documents a reader may see, as the service works it out from the grants: everything (a
 * system admin), or per role the unit paths it holds units.read on. A grant reads the documents
 * issued in its subtree and those issued above it; a restricted document only through a grant
 * whose role it lists (docs/leadership-loop.md §4).
 */
export type ReadScope = { all: true } | { all: false; paths: string[]; byRole: { role: string; paths: string[] }[] };

/** The SQL condition of `scope` on the document aliased `d`. */
export function readableBy(scope: ReadScope, d = 'd'): RawBuilder<boolean> {
  if (scope.all) return sql<boolean>`true`;
  if (!scope.paths.length) return sql<boolean>`false`;
  const path = sql.ref(`${d}.issuing_path`);
  const roles = sql.ref(`${d}.restricted_roles`);
  // `ltree[] @> ltree`: some path is the document's unit or above it; `ltree[] <@ ltree`: some path lies below it.
  const near = (paths: string[]) => sql`(${paths}::ltree[] @> ${path} or ${paths}::ltree[] <@ ${path})`;
  const restricted = scope.byRole.map((r) => sql`(${r.role} = any(${roles}) and ${near(r.paths)})`);
  return sql<boolean>`((${roles} is null and ${near(scope.paths)})${restricted.length ? sql` or ${sql.join(restricted, sql` or `)}` : sql``})`;
}

// ---------------------------------------------------------------- kinds

export type KindRecord = { code: string; symbol: string; names: Record<string, string>; implementable: boolean; sort_order: number };

export async function findKinds(db: Q): Promise<KindRecord[]> {
  return db.selectFrom('policy_document_kinds').select(['code', 'symbol', 'names', 'implementable', 'sort_order']).orderBy('sort_order').orderBy('code').execute();
}

export async function findKind(db: Q, code: string): Promise<KindRecord | undefined> {
  return db.selectFrom('policy_document_kinds').select(['code', 'symbol', 'names', 'implementable', 'sort_order']).where('code', '=', code).executeTakeFirst();
}

export async function lockKind(trx: Q, code: string): Promise<KindRecord | undefined> {
  return trx.selectFrom('policy_document_kinds').select(['code', 'symbol', 'names', 'implementable', 'sort_order']).where('code', '=', code).forUpdate().executeTakeFirst();
}

export async function insertKind(trx: Q, k: KindRecord): Promise<void> {
  await trx
    .insertInto('policy_document_kinds')
    .values({ code: k.code, symbol: k.symbol, names: JSON.stringify(k.names), implementable: k.implementable, sort_order: k.sort_order })
    .execute();
}

export async function updateKind(trx: Q, code: string, changes: Partial<Omit<KindRecord, 'code'>>): Promise<void> {
  const { names, ...rest } = changes;
  await trx
    .updateTable('policy_document_kinds')
    .set({ ...rest, ...(names ? { names: JSON.stringify(names) } : {}), updated_at: sql`now()` })
    .where('code', '=', code)
    .execute();
}

// ---------------------------------------------------------------- documents

export type DocumentRecord = {
  id: string;
  kind: string;
  issuing_unit_id: string;
  issuing_path: string;
  issuing_unit_name: string;
  issuing_unit_kind: string;
  issuing_body: string;
  number: string | null;
  symbol: string;
  issued_on: string | null;
  title: string;
  summary: string | null;
  valid_from: string | null;
  valid_to: string | null;
  status: PolicyDocumentStatus;
  restricted_roles: string[] | null;
  attachment_count: number;
  created_at: Date;
  updated_at: Date;
  version: number;
};

const COLUMNS = sql`
  d.id::text, d.kind, d.issuing_unit_id::text, d.issuing_path::text, u.name as issuing_unit_name, u.kind as issuing_unit_kind,
  d.issuing_body, d.number, d.symbol, d.issued_on, d.title, d.summary, d.valid_from, d.valid_to, d.status, d.restricted_roles,
  (select count(*)::int from policy_document_attachments a where a.document_id = d.id and a.hidden_at is null) as attachment_count,
  d.created_at, d.updated_at, d.version`;

const FROM = sql`policy_documents d join units u on u.id = d.issuing_unit_id`;

export async function findDocumentById(db: Q, id: string): Promise<DocumentRecord | undefined> {
  const { rows } = await sql<DocumentRecord>`select ${COLUMNS} from ${FROM} where d.id = ${id}`.execute(db);
  return rows[0];
}

export type DocumentFilter = {
  scope: ReadScope;
  /**
   * The folded words of the query; each must occur in the document's search text, or name its
   * kind (`kinds[i]`: the kinds whose name or symbol holds word i).
   */
  words?: { word: string; kinds: string[] }[];
  kind?: string;
  underPath?: string;
  status?: PolicyDocumentStatus;
  validOn?: string;
  implementsId?: string;
  limit: number;
  offset: number;
};

/** Documents newest first (drafts, without a date, at the top), with the total of the filtered set. */
export async function findDocuments(db: Q, f: DocumentFilter): Promise<{ rows: DocumentRecord[]; total: number }> {
  const where: RawBuilder<unknown>[] = [readableBy(f.scope)];
  for (const w of f.words ?? []) {
    const like = sql`d.search_text like ${`%${w.word}%`}`;
    where.push(w.kinds.length ? sql`(${like} or d.kind = any(${w.kinds}::text[]))` : like);
  }
  if (f.kind) where.push(sql`d.kind = ${f.kind}`);
  if (f.underPath) where.push(sql`d.issuing_path <@ ${f.underPath}::ltree`);
  if (f.status) where.push(sql`d.status = ${f.status}`);
  if (f.validOn) where.push(sql`(d.valid_from is null or d.valid_from <= ${f.validOn}::date) and (d.valid_to is null or d.valid_to > ${f.validOn}::date)`);
  if (f.implementsId) {
    where.push(sql`exists (select 1 from policy_document_links l where l.from_id = d.id and l.to_id = ${f.implementsId} and l.kind = 'implements')`);
  }
  const cond = sql.join(where, sql` and `);
  // A document whose number is one of the words ("nghi quyet 25") comes first.
  const words = (f.words ?? []).map((w) => w.word);
  const rank = words.length ? sql`(d.number is not null and lower(d.number) = any(${words}::text[])) desc,` : sql``;
  const { rows } = await sql<DocumentRecord & { total: number }>`
    select ${COLUMNS}, count(*) over ()::int as total from ${FROM}
    where ${cond}
    order by ${rank} d.issued_on desc nulls first, d.id desc
    limit ${f.limit} offset ${f.offset}`.execute(db);
  if (rows.length || f.offset === 0) return { rows, total: rows[0]?.total ?? 0 };
  // Past the last page: count without rows.
  const { rows: c } = await sql<{ n: number }>`select count(*)::int as n from ${FROM} where ${cond}`.execute(db);
  return { rows, total: c[0]?.n ?? 0 };
}

export type DocumentValues = {
  kind: string;
  issuing_body: string;
  number: string | null;
  symbol: string;
  issued_on: string | null;
  title: string;
  summary: string | null;
  valid_from: string | null;
  valid_to: string | null;
  restricted_roles: string[] | null;
};

export async function insertDocument(
  trx: Q,
  v: DocumentValues & { issuing_unit_id: string; issuing_path: string; created_by: string | null; status?: PolicyDocumentStatus; issued_by?: string | null },
): Promise<string> {
  const issued = v.status === 'issued' ? { issued_at: sql<Date>`now()` } : {};
  const row = await trx.insertInto('policy_documents').values({ ...v, ...issued }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

/** The stored row, locked for the rest of the transaction. */
export async function lockDocument(trx: Q, id: string) {
  return trx
    .selectFrom('policy_documents')
    .select(['id', 'kind', 'issuing_unit_id', 'issuing_body', 'number', 'symbol', 'issued_on', 'title', 'summary', 'valid_from', 'valid_to', 'status', 'restricted_roles', 'version'])
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

/** Applies the changes when the row is still at `version`; false otherwise. */
export async function updateDocument(
  trx: Q,
  id: string,
  version: number,
  changes: Partial<DocumentValues> & { status?: PolicyDocumentStatus; issued_by?: string | null; issued_at?: RawBuilder<Date> },
): Promise<boolean> {
  const res = await trx
    .updateTable('policy_documents')
    .set({ ...changes, updated_at: sql`now()`, version: sql`version + 1` })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return res.numUpdatedRows === 1n;
}

/** The issued document with this number and symbol in this year, other than `exceptId`. */
export async function findIssuedDuplicate(db: Q, d: { symbol: string; number: string; issuedOn: string; exceptId?: string }): Promise<string | undefined> {
  const { rows } = await sql<{ id: string }>`
    select id::text from policy_documents
    where status = 'issued' and symbol = ${d.symbol} and number = ${d.number}
      and extract(year from issued_on) = extract(year from ${d.issuedOn}::date)
      ${d.exceptId ? sql`and id <> ${d.exceptId}` : sql``}
    order by id limit 1`.execute(db);
  return rows[0]?.id;
}

// ---------------------------------------------------------------- links

export type LinkRecord = {
  kind: PolicyDocumentLinkKind;
  direction: 'outgoing' | 'incoming';
  id: string;
  doc_kind: string;
  number: string | null;
  symbol: string;
  issued_on: string | null;
  title: string;
  status: PolicyDocumentStatus;
};

/** The document's links both ways, to documents `scope` reads. */
export async function findLinks(db: Q, id: string, scope: ReadScope): Promise<LinkRecord[]> {
  const { rows } = await sql<LinkRecord>`
    select l.kind, l.direction, d.id::text, d.kind as doc_kind, d.number, d.symbol, d.issued_on, d.title, d.status
    from (
      select kind, 'outgoing' as direction, to_id as other from policy_document_links where from_id = ${id}
      union all
      select kind, 'incoming', from_id from policy_document_links where to_id = ${id}
    ) l
    join policy_documents d on d.id = l.other
    where ${readableBy(scope)}
    order by l.direction desc, l.kind, d.issued_on desc nulls first, d.id`.execute(db);
  return rows;
}

export async function findOutgoingLinks(db: Q, id: string) {
  return db.selectFrom('policy_document_links').select(['to_id', 'kind']).where('from_id', '=', id).orderBy('kind').orderBy('to_id').execute();
}

/** The ids among `ids` of documents `scope` reads. */
export async function findReadableIds(db: Q, ids: string[], scope: ReadScope): Promise<Set<string>> {
  if (!ids.length) return new Set();
  const { rows } = await sql<{ id: string }>`select d.id::text from policy_documents d where d.id = any(${ids}::bigint[]) and ${readableBy(scope)}`.execute(db);
  return new Set(rows.map((r) => r.id));
}

/**
 * Serializes the writers of `replaces` links, so two documents cannot each be made to replace the
 * other at the same moment (each check would pass alone).
 */
export async function lockSuccession(trx: Q): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtext('policy_document_links.replaces'))`.execute(trx);
}

/** Whether `id` is reached from any of `starts` along `replaces` links (a new link start → … would close a cycle). */
export async function replacesReaches(trx: Q, starts: string[], id: string): Promise<boolean> {
  if (!starts.length) return false;
  const { rows } = await sql<{ found: boolean }>`
    with recursive chain(doc) as (
      select unnest(${starts}::bigint[])
      union
      select l.to_id from policy_document_links l join chain c on l.from_id = c.doc where l.kind = 'replaces'
    )
    select exists (select 1 from chain where doc = ${id}) as found`.execute(trx);
  return rows[0]?.found ?? false;
}

export async function replaceLinks(trx: Q, fromId: string, links: { toId: string; kind: PolicyDocumentLinkKind }[], userId: string | null): Promise<void> {
  await trx.deleteFrom('policy_document_links').where('from_id', '=', fromId).execute();
  if (!links.length) return;
  await trx
    .insertInto('policy_document_links')
    .values(links.map((l) => ({ from_id: fromId, to_id: l.toId, kind: l.kind, created_by: userId })))
    .execute();
}

/** Marks the document changed (a file added or hidden), leaving its version: an open editor stays valid. */
export async function touchDocument(trx: Q, id: string): Promise<void> {
  await trx.updateTable('policy_documents').set({ updated_at: sql`now()` }).where('id', '=', id).execute();
}

// ---------------------------------------------------------------- attachments

export type AttachmentRecord = { id: string; document_id: string; file_name: string; content_type: string; size_bytes: number; sha256: string; uploaded_at: Date };

const ATTACHMENT_COLUMNS = ['id', 'document_id', 'file_name', 'content_type', 'size_bytes', 'sha256', 'uploaded_at'] as const;

export async function findAttachments(db: Q, documentId: string): Promise<AttachmentRecord[]> {
  return db.selectFrom('policy_document_attachments').select(ATTACHMENT_COLUMNS).where('document_id', '=', documentId).where('hidden_at', 'is', null).orderBy('id').execute();
}

export async function countAttachments(db: Q, documentId: string): Promise<number> {
  const row = await db
    .selectFrom('policy_document_attachments')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('document_id', '=', documentId)
    .where('hidden_at', 'is', null)
    .executeTakeFirstOrThrow();
  return row.n;
}

export async function findAttachment(db: Q, id: string): Promise<AttachmentRecord | undefined> {
  return db.selectFrom('policy_document_attachments').select(ATTACHMENT_COLUMNS).where('id', '=', id).where('hidden_at', 'is', null).executeTakeFirst();
}

export async function findAttachmentData(db: Q, id: string): Promise<Buffer | undefined> {
  const row = await db.selectFrom('policy_document_attachments').select('data').where('id', '=', id).where('hidden_at', 'is', null).executeTakeFirst();
  return row?.data;
}

export async function insertAttachment(
  trx: Q,
  a: { documentId: string; fileName: string; contentType: string; data: Buffer; sha256: string; userId: string | null },
): Promise<AttachmentRecord> {
  return trx
    .insertInto('policy_document_attachments')
    .values({ document_id: a.documentId, file_name: a.fileName, content_type: a.contentType, size_bytes: a.data.length, sha256: a.sha256, data: a.data, uploaded_by: a.userId })
    .returning(ATTACHMENT_COLUMNS)
    .executeTakeFirstOrThrow();
}

/** Hides an attachment (kept, no longer listed or served); false when it was not there. */
export async function hideAttachment(trx: Q, id: string, userId: string | null): Promise<boolean> {
  const res = await trx
    .updateTable('policy_document_attachments')
    .set({ hidden_at: sql`now()`, hidden_by: userId })
    .where('id', '=', id)
    .where('hidden_at', 'is', null)
    .executeTakeFirst();
  return res.numUpdatedRows === 1n;
}

/** Locks the document row (two uploads at once cannot both pass the count). */
export async function lockDocumentRow(trx: Q, id: string): Promise<void> {
  await trx.selectFrom('policy_documents').select('id').where('id', '=', id).forUpdate().execute();
}
