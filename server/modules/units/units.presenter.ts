import type { SuccessionLink, Unit, UnitKind, UnitRef, UnitSearchHit } from '../../../common/units.js';
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
  return { unit: presentRef(r), kind: r.link_kind, effective: r.effective };
}

export function presentSearchHit(r: SearchRecord, successors: LinkRecord[]): UnitSearchHit {
  return { ...presentUnit(r), pathNames: r.path_names, successors: successors.map(presentLink) };
}

export function presentKind(r: { code: string; category: 'administrative' | 'organization'; names: Record<string, string>; sort_order: number; builtin: boolean }): UnitKind {
  return { code: r.code, category: r.category, names: r.names, sortOrder: r.sort_order, builtin: r.builtin };
}

export type UnitEventRecord = { id: string; at: Date | string; action: string; actor_name: string | null; before: unknown; after: unknown };

export function presentEvent(r: UnitEventRecord) {
  return { id: r.id, at: new Date(r.at).toISOString(), action: r.action, actorName: r.actor_name, before: r.before ?? null, after: r.after ?? null };
}
