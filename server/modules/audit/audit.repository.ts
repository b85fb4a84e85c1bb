import { type Kysely, sql } from 'kysely';
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
    .select([
      'a.id',
      'a.at',
      'a.actor_id',
      'a.actor_name',
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
