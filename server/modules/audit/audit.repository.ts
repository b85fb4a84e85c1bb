import { type Kysely, sql } from 'kysely';
import type { AuditRefKind } from '../../../common/audit-fields.js';
import type { Database } from '../../db/schema.js';
import type { Actor } from '../../http/access.js';

export type AuditInput = {
  action: string;
  recordType: string;
  recordId?: string | null;
  unitId?: string | null;
  before?: unknown;
  after?: unknown;
};

/**
 * Appends one audit record. Call it with the transaction of the write it describes, so the
 * record exists exactly when the write does.
 */
export async function recordAudit(trx: Kysely<Database>, actor: Actor, input: AuditInput): Promise<void> {
  await trx.insertInto('audit_log').values(auditRow(actor, input)).execute();
}

/** Appends many audit records (a bulk action's, one per record) in statements of 1,000 rows. */
export async function recordAudits(trx: Kysely<Database>, actor: Actor, inputs: AuditInput[]): Promise<void> {
  for (let i = 0; i < inputs.length; i += 1_000) {
    await trx.insertInto('audit_log').values(inputs.slice(i, i + 1_000).map((input) => auditRow(actor, input))).execute();
  }
}

/**
 * The audit_log row of an audit input: for a write that must append its audit record inside a
 * single statement of its own (see petitions.repository insertNumberedPetition).
 */
export function auditRow(actor: Actor, input: AuditInput) {
  return {
    actor_id: actor.userId,
    actor_name: actor.username,
    unit_id: input.unitId ?? null,
    action: input.action,
    record_type: input.recordType,
    record_id: input.recordId ?? null,
    before: input.before === undefined ? null : JSON.stringify(input.before),
    after: input.after === undefined ? null : JSON.stringify(input.after),
    ip: actor.ip,
    request_id: actor.requestId,
  };
}

export type AuditQuery = {
  /** Unit subtrees to search in; undefined: everywhere (system admins). */
  scopePaths?: string[];
  actorId?: string;
  unitId?: string;
  /** Include records of the unit's whole subtree (default) or only of the unit itself. */
  subtree?: boolean;
  recordType?: string;
  recordId?: string;
  action?: string;
  from?: Date;
  to?: Date;
  /** Keyset cursor: records with id below this one. */
  beforeId?: string;
  limit: number;
};

export async function findAudit(db: Kysely<Database>, q: AuditQuery) {
  let query = db
    .selectFrom('audit_log as a')
    .leftJoin('units as u', 'u.id', 'a.unit_id')
    .leftJoin('users as actor', 'actor.id', 'a.actor_id')
    .select([
      'a.id',
      'a.at',
      'a.actor_id',
      'a.actor_name',
      'actor.display_name as actor_display_name',
      'a.unit_id',
      'u.name as unit_name',
      'a.action',
      'a.record_type',
      'a.record_id',
      'a.before',
      'a.after',
      'a.ip',
    ]);
  if (q.scopePaths) {
    const scopes = q.scopePaths;
    if (scopes.length === 0) return [];
    query = query.where(sql<boolean>`u.path <@ ${sql`array[${sql.join(scopes.map((p) => sql`${p}::ltree`))}]`}`);
  }
  if (q.unitId) {
    const unitId = q.unitId;
    query =
      q.subtree === false
        ? query.where('a.unit_id', '=', unitId)
        : query.where(sql<boolean>`u.path <@ (select path from units where id = ${unitId})`);
  }
  if (q.actorId) query = query.where('a.actor_id', '=', q.actorId);
  if (q.recordType) query = query.where('a.record_type', '=', q.recordType);
  if (q.recordId) query = query.where('a.record_id', '=', q.recordId);
  if (q.action) query = query.where('a.action', '=', q.action);
  if (q.from) query = query.where('a.at', '>=', q.from);
  if (q.to) query = query.where('a.at', '<', q.to);
  if (q.beforeId) query = query.where('a.id', '<', q.beforeId);
  return query.orderBy('a.id', 'desc').limit(q.limit).execute();
}

/** Ids and codes to name, by what they name (common/audit-fields.ts). */
export type AuditRefIds = Partial<Record<AuditRefKind, string[]>>;

/** A name found for an audit page, with the paths that decide who may read it (null: anyone who reads the record). */
export type AuditNameRow = { kind: AuditRefKind; id: string; name: string | Record<string, string>; path: string | null; alt_path: string | null };

const ID = /^\d{1,18}$/;

/**
 * Names of everything an audit page refers to, in one statement: people by their display name,
 * units, entries, conferences, reviews and commendations by their titles, petitions by their number,
 * and catalogue codes by their names in every language. Each row carries the paths `canReadRecord`
 * needs, so the presenter shows a name only to a reader of the named record.
 */
export async function findAuditNames(db: Kysely<Database>, refs: AuditRefIds): Promise<AuditNameRow[]> {
  const ids = (kind: AuditRefKind) => [...new Set((refs[kind] ?? []).filter((id) => ID.test(id)))];
  const codes = (kind: AuditRefKind) => [...new Set(refs[kind] ?? [])];
  const parts = [
    sql`select 'unit' as kind, u.id::text as id, to_jsonb(u.name) as name, u.path::text as path, u.current_path::text as alt_path from units u where u.id = any(${ids('unit')}::bigint[])`,
    sql`select 'user', u.id::text, to_jsonb(u.display_name), null, null from users u where u.id = any(${ids('user')}::bigint[])`,
    sql`select 'entry', e.id::text, to_jsonb(e.title), e.unit_path::text, u.current_path::text from entries e join units u on u.id = e.registering_unit_id where e.id = any(${ids('entry')}::bigint[])`,
    sql`select 'petition', p.id::text, to_jsonb(p.number || '/' || p.year), p.unit_path::text, p.handling_unit_path::text from petitions p where p.id = any(${ids('petition')}::bigint[])`,
    sql`select 'conference', c.id::text, to_jsonb(c.title), u.path::text, u.current_path::text from review_conferences c join units u on u.id = c.unit_id where c.id = any(${ids('conference')}::bigint[])`,
    sql`select 'review', r.id::text, to_jsonb(r.title), u.path::text, u.current_path::text from reviews r join units u on u.id = r.unit_id where r.id = any(${ids('review')}::bigint[])`,
    sql`select 'period', p.id::text, to_jsonb(p.name), null, null from emulation_periods p where p.id = any(${ids('period')}::bigint[])`,
    sql`select 'commendation', c.id::text, to_jsonb(c.decision_number), c.unit_path::text, u.current_path::text from commendations c join units u on u.id = c.unit_id where c.id = any(${ids('commendation')}::bigint[])`,
    sql`select 'form', f.code, f.names, null, null from commendation_forms f where f.code = any(${codes('form')}::text[])`,
    sql`select 'category', c.code, c.names, null, null from petition_categories c where c.code = any(${codes('category')}::text[])`,
    sql`select 'entryField', f.code, f.names, null, null from entry_fields f where f.code = any(${codes('entryField')}::text[])`,
    sql`select 'unitKind', k.code, k.names, null, null from unit_kinds k where k.code = any(${codes('unitKind')}::text[])`,
  ];
  if (!Object.values(refs).some((list) => list?.length)) return [];
  const { rows } = await sql<AuditNameRow>`${sql.join(parts, sql` union all `)}`.execute(db);
  return rows;
}
