import type { AuditRefName } from '../../../common/audit-fields.js';
import { collect, refsOf, visible } from '../audit/audit.presenter.js';
import type { AuditRefIds } from '../audit/audit.repository.js';
import { type FormerName, formerNameLabel, type SuccessionLink, type Unit, type UnitKind, type UnitRef, type UnitSearchHit } from '../../../common/units.js';
import type { FormerNameRecord, ReviewRecord } from './units-history.repository.js';
import type { LinkRecord, SearchRecord, UnitRecord, UnitRefRecord } from './units.repository.js';

export function presentUnit(r: UnitRecord): Unit {
  return {
    id: r.id,
    parentId: r.parent_id,
    kind: r.kind,
    code: r.code,
    divisionType: r.division_type,
    name: r.name,
    nameEn: r.name_en,
    validFrom: r.valid_from,
    validTo: r.valid_to,
    retired: r.retired,
    childCount: r.child_count,
    retiredChildCount: r.retired_child_count,
    version: r.version,
  };
}

export function presentRef(r: UnitRefRecord): UnitRef {
  return { id: r.id, name: r.name, kind: r.kind, code: r.code, validFrom: r.valid_from, validTo: r.valid_to };
}

export function presentLink(r: LinkRecord): SuccessionLink {
  return { unit: presentRef(r), kind: r.link_kind, effective: r.effective, basis: r.basis, main: r.main };
}

export function presentFormerName(r: FormerNameRecord): FormerName {
  return { name: r.name, divisionType: r.division_type, validFrom: r.valid_from, validTo: r.valid_to };
}

/** A hit found by a former name is labelled with both: "Huyện Kim Bảng (nay là Thị xã Kim Bảng)". */
export function presentSearchHit(r: SearchRecord, successors: LinkRecord[]): UnitSearchHit {
  return {
    ...presentUnit(r),
    pathNames: r.path_names,
    parentNames: r.parent_names,
    successors: successors.map(presentLink),
    matchedName: r.matched_name,
    label: r.matched_name ? formerNameLabel(r.matched_name, r.name) : r.name,
  };
}

export function presentReviewItem(r: ReviewRecord, successors: LinkRecord[]) {
  return {
    unit: { id: r.id, name: r.name, kind: r.kind, code: r.code, validFrom: r.valid_from, validTo: r.valid_to },
    pathNames: r.path_names,
    successors: successors.map(presentLink),
  };
}

export function presentKind(r: { code: string; category: 'administrative' | 'organization'; names: Record<string, string>; sort_order: number; builtin: boolean }): UnitKind {
  return { code: r.code, category: r.category, names: r.names, sortOrder: r.sort_order, builtin: r.builtin };
}

export type UnitEventRecord = { id: string; at: Date | string; action: string; actor_id: string | null; actor_name: string | null; before: unknown; after: unknown };

/** A recorded change of a unit, with the names of what its fields point to (as the audit log shows them, audit.presenter.ts). */
export function presentEvent(r: UnitEventRecord, names: Record<string, AuditRefName>) {
  const before = visible(r.before ?? null);
  const after = visible(r.after ?? null);
  const needed: AuditRefIds = {};
  collect('unit', before, needed);
  collect('unit', after, needed);
  // The system (actor_id null) has no name of its own: the web app says "Hệ thống", as the audit log.
  return { id: r.id, at: new Date(r.at).toISOString(), action: r.action, actorName: r.actor_id === null ? null : r.actor_name, before, after, refs: refsOf(needed, names) };
}
