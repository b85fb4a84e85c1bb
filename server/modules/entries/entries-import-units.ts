/**
 * Which unit a row of the import names, by "#id", by official code or by name (with parents).
 * Units are looked up a batch of rows at a time (one query per way of naming) and cached for the
 * whole file, since a file names the same few units over and over.
 */
import type { ImportErrorCode } from '../../../common/entries.js';
import type { Db } from '../../db/database.js';
import { fold } from '../../documents/entries-columns.js';
import type { CellValue } from '../../documents/entries-workbook.js';
import { type Actor, can } from '../../http/access.js';
import { parseUnitRef, splitImplementers } from './entries-import-cells.js';
import * as repo from './entries-import.repository.js';

export type UnitPick = { unit: repo.UnitCandidate } | { problem: ImportErrorCode; params?: Record<string, string | number> };

export class UnitLookup {
  private readonly unitCache = new Map<string, repo.UnitCandidate[]>();
  private readonly knownUnitIds = new Set<string>();
  private readonly missingUnitIds = new Set<string>();

  constructor(
    private readonly db: Db,
    private readonly actor: Actor,
  ) {}

  /** Looks up the units named in these cells of the unit column that are not cached yet. */
  async resolveUnits(cells: CellValue[]): Promise<void> {
    const ids = new Set<string>();
    const codes = new Map<string, { kind: string; code: string }>();
    const names = new Set<string>();
    for (const cell of cells) {
      const ref = parseUnitRef(cell);
      if (!ref || this.unitCache.has(ref.key)) continue;
      if (ref.kind === 'id') ids.add(ref.id);
      else if (ref.kind === 'code') codes.set(ref.key, { kind: ref.unitKind, code: ref.code });
      else names.add(ref.name);
    }
    const [byId, byCode, byName] = await Promise.all([
      repo.findUnitsByIds(this.db, [...ids]),
      repo.findUnitsByCodes(this.db, [...codes.values()]),
      repo.findUnitsByNames(this.db, [...names]),
    ]);
    for (const id of ids) this.unitCache.set(`#${id}`, []);
    for (const key of codes.keys()) this.unitCache.set(key, []);
    for (const name of names) this.unitCache.set(`name:${name}`, []);
    for (const c of byId) this.unitCache.get(`#${c.input}`)!.push(c);
    for (const c of byCode) this.unitCache.get(`code:${c.input}`)?.push(c);
    for (const c of byName) this.unitCache.get(`name:${c.input}`)?.push(c);
  }

  /** Checks which "#id" items of these implementer cells are units (not cached yet). */
  async resolveImplementerUnits(cells: CellValue[]): Promise<void> {
    const ids = new Set<string>();
    for (const cell of cells) {
      for (const item of splitImplementers(cell)) {
        const m = /^#(\d{1,18})$/.exec(item);
        if (m && !this.knownUnitIds.has(m[1]!) && !this.missingUnitIds.has(m[1]!)) ids.add(m[1]!);
      }
    }
    const found = await repo.findExistingUnitIds(this.db, [...ids]);
    for (const id of ids) (found.has(id) ? this.knownUnitIds : this.missingUnitIds).add(id);
  }

  /** Whether `id` (looked up by resolveImplementerUnits) is a unit. */
  isUnit(id: string): boolean {
    return this.knownUnitIds.has(id);
  }

  /**
   * The one unit a cell names (looked up by resolveUnits). A name matches a unit's current name, or a
   * former name it bore in the row's `year` (a 2023 row's "Huyện Kim Bảng" is today's Thị xã Kim
   * Bảng). Among several, preferring one the actor may write to, then one in force in `year`, then
   * one that bore that name in `year`, then one still in force, then the exact spelling; otherwise
   * the problem to report — several left: AMBIGUOUS_UNIT with the candidates (every one writable,
   * so the importer may see them); none the actor may write to: OUT_OF_SCOPE, whichever was meant.
   */
  pick(cell: CellValue, year: number | null): UnitPick {
    const ref = parseUnitRef(cell);
    if (!ref) return { problem: 'REQUIRED' };
    let cands = this.unitCache.get(ref.key) ?? [];
    const inYear = (from: string | null, to: string | null) => year === null || ((!from || from <= `${year}-12-31`) && (!to || to > `${year}-01-01`));
    if (ref.kind === 'name') {
      // A former name counts only for the years it was borne.
      cands = cands.filter((c) => c.matched?.some((n) => n.current || inYear(n.from, n.to)));
      if (ref.parents.length) cands = cands.filter((c) => ref.parents.every((p) => c.chain.slice(1).some((a) => [a.name, ...a.formerNames].some((n) => fold(n) === fold(p)))));
    }
    const prefer = (pick: (c: repo.UnitCandidate) => boolean) => {
      if (cands.length > 1) {
        const kept = cands.filter(pick);
        if (kept.length) cands = kept;
      }
    };
    prefer((c) => can(this.actor, 'data.write', c.path));
    if (year !== null) {
      prefer((c) => inYear(c.validFrom, c.validTo));
      if (ref.kind === 'name') prefer((c) => !!c.matched?.some((n) => inYear(n.from, n.to)));
    }
    prefer((c) => !c.validTo);
    if (ref.kind === 'name') prefer((c) => !!c.matched?.some((n) => n.name.normalize('NFC').toLowerCase() === ref.name.toLowerCase()));
    if (!cands.length) return { problem: 'UNKNOWN_UNIT' };
    if (!cands.some((c) => can(this.actor, 'data.write', c.path))) return { problem: 'OUT_OF_SCOPE' };
    if (cands.length > 1) return { problem: 'AMBIGUOUS_UNIT', params: { count: cands.length, candidates: candidateList(cands) } };
    return { unit: cands[0]! };
  }
}

const LISTED_CANDIDATES = 5;

/** "Xã An Hòa, Tỉnh Ninh Bình (#123); …": each candidate with its parent and the id that names it alone. */
function candidateList(cands: repo.UnitCandidate[]): string {
  const shown = cands.slice(0, LISTED_CANDIDATES).map((c) => `${[c.name, c.chain[1]?.name].filter(Boolean).join(', ')} (#${c.id})`);
  return `${shown.join('; ')}${cands.length > LISTED_CANDIDATES ? '; …' : ''}`;
}
