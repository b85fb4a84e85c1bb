/**
 * What leaves the server about the audit trail: each record with the names of what it refers to,
 * so the reader sees "Nguyễn Văn An", "Phường Ba Đình", "Đơn số 12/2026" instead of ids. The ids
 * and codes a record carries (its record, and the fields of `before` / `after` that common/
 * audit-fields.ts says name something) are collected for the whole page and resolved in one query
 * (`findAuditNames`); a name is given only when the reader may read what it names, else null and
 * the web shows the id. Internal fields (ltree paths) are left out; the words stay codes here and
 * are translated by the web app in the reader's language.
 */
import { AUDIT_RECORD_REFS, type AuditRefKind, type AuditRefName, auditField, auditRefKind, refKey } from '../../../common/audit-fields.js';
import { type Actor, can, canReadRecord } from '../../http/access.js';
import type { AuditNameRow, AuditRefIds, findAudit } from './audit.repository.js';

type AuditRow = Awaited<ReturnType<typeof findAudit>>[number];

/** Fields that are the database's plumbing, not something a reader decides on. */
const HIDDEN_FIELDS = new Set(['unitPath', 'handlingUnitPath', 'path', 'currentPath']);

/** `before` / `after` without the hidden fields, at any depth. */
export function visible(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(visible);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).filter(([k]) => !HIDDEN_FIELDS.has(auditField(k))).map(([k, v]) => [k, visible(v)]));
}

/** Adds every id or code `value` carries under a field that names something. */
export function collect(recordType: string, value: unknown, into: AuditRefIds, field?: string): void {
  if (Array.isArray(value)) {
    for (const v of value) collect(recordType, v, into, field);
    return;
  }
  if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) collect(recordType, v, into, k);
    return;
  }
  const kind = field ? auditRefKind(recordType, field) : undefined;
  if (kind && (typeof value === 'string' || typeof value === 'number')) (into[kind] ??= []).push(String(value));
}

/** The ids and codes a page of audit records refers to. */
export function auditRefs(rows: AuditRow[]): AuditRefIds {
  const into: AuditRefIds = {};
  for (const r of rows) {
    const recordKind = AUDIT_RECORD_REFS[r.record_type];
    if (recordKind && r.record_id) (into[recordKind] ??= []).push(r.record_id);
    if (r.unit_id) (into.unit ??= []).push(r.unit_id);
    collect(r.record_type, r.before, into);
    collect(r.record_type, r.after, into);
  }
  return into;
}

/**
 * Whether the reader may see a name: units by units.read on them (or on the unit they count under
 * today), records of a unit likewise, a petition from its receiving or handling unit; people and
 * catalogue data always (an audit reader sees who acted already).
 */
function readable(actor: Actor, row: AuditNameRow): boolean {
  if (row.path === null) return true;
  if (row.kind === 'petition') return can(actor, 'units.read', row.path) || (row.alt_path !== null && can(actor, 'units.read', row.alt_path));
  return canReadRecord(actor, row.path, row.alt_path);
}

/** The names of a page, keyed `kind:id` (common/audit-fields.ts `refKey`). */
export function auditNames(actor: Actor, rows: AuditNameRow[]): Record<string, AuditRefName> {
  return Object.fromEntries(rows.map((r) => [refKey(r.kind, r.id), readable(actor, r) ? r.name : null]));
}

/** The names of `needed` out of a page's `names` (null where none or not readable). */
export function refsOf(needed: AuditRefIds, names: Record<string, AuditRefName>): Record<string, AuditRefName> {
  return Object.fromEntries(
    Object.entries(needed).flatMap(([kind, ids]) => ids.map((id) => [refKey(kind as AuditRefKind, id), names[refKey(kind as AuditRefKind, id)] ?? null])),
  );
}

export function presentAuditRecord(r: AuditRow, names: Record<string, AuditRefName>) {
  const recordKind: AuditRefKind | undefined = AUDIT_RECORD_REFS[r.record_type];
  const own = (kind: AuditRefKind | undefined, id: string | null) => (kind && id ? (names[refKey(kind, id)] ?? null) : null);
  const before = visible(r.before);
  const after = visible(r.after);
  // Only the names of this record's fields travel with it (its own name is recordName).
  const needed: AuditRefIds = {};
  collect(r.record_type, before, needed);
  collect(r.record_type, after, needed);
  const refs = refsOf(needed, names);
  return {
    id: r.id,
    at: new Date(r.at).toISOString(),
    actorId: r.actor_id,
    /** The person's name (the account's display name); the account name when it is gone. */
    actorName: r.actor_display_name ?? r.actor_name,
    actorUsername: r.actor_name,
    unitId: r.unit_id,
    unitName: r.unit_name,
    action: r.action,
    recordType: r.record_type,
    recordId: r.record_id,
    /** What the record is called (an entry's title, a petition's number, a person's name), when the reader may see it. */
    recordName: own(recordKind, r.record_id),
    before,
    after,
    refs,
    ip: r.ip,
  };
}
