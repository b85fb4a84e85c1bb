/**
 * The import of the official administrative units (server/db/seed) into the unit tree: the units
 * of 2019 – 4 January 2025 with their former names, those of 1 July 2025, and the successions
 * between them. One transaction, matched by natural key (kind, official code, first official list
 * showing the unit) and never by id: a re-run changes nothing, a failed run leaves nothing, and a
 * system administrator's correction of a succession is kept. docs/units.md describes the model.
 */
import { RESTRUCTURE_DATE } from '../../../common/units.js';
import type { Db } from '../../db/database.js';
import { type Actor, SYSTEM_ACTOR } from '../../http/access.js';
import { recordAudit } from '../audit/audit.repository.js';
import * as repo from './units-import.repository.js';
import { rootUnitId } from './units.repository.js';
import {
  buildOfficialDataset,
  type HistoryCounts,
  loadOfficialDataset,
  OFFICIAL_KINDS,
  type OfficialDataset,
  type OfficialKind,
  readSeedTexts,
  type SeedUnit,
  seedChecksum,
  unitKey,
} from './units.seed.js';

export type EnsureUnitsResult = { imported: boolean; summary: string };

export type ImportCounts = { inserted: number; updated: number; unchanged: number };

export type UnitsImportReport = {
  checksum: string;
  units: Record<OfficialKind, ImportCounts>;
  successions: ImportCounts & { removed: number };
  /** Former names (unit_names) written, removed and kept. */
  names: { inserted: number; removed: number; unchanged: number };
  /** What the history gives: earlier units, former names, successors inferred and ambiguous. */
  history: HistoryCounts;
  /** Retired units whose successors a system administrator set: the import leaves them as set. */
  overrides: number;
  /** Rows of the 2025-only model that the history showed to be a later unit of their code (upgrade, once). */
  rekeyed: number;
  /** Official units in the database that the files no longer list: kept (never deleted), counted. */
  notInSeed: number;
  /** Anomalies found in the files (see docs/units.md); each was handled the same way every run. */
  anomalies: number;
  /** True when the run wrote anything. */
  changed: boolean;
  durationMs: number;
};

export type ImportOptions = {
  /** Called after each batch; throwing from it aborts the import (and rolls it back). */
  onProgress?: (done: number, total: number, phase: string) => void;
  /** Who is importing (audit); default: the system. */
  actor?: Actor;
  /** The data to import; default: the files in server/db/seed. */
  dataset?: OfficialDataset;
};

export type UnitsImportMeta = {
  checksum: string;
  importedAt: string;
  counts: Record<OfficialKind, number> & { successions: number; names: number };
  history: HistoryCounts;
  anomalies: number;
};

const BATCH = 2000;

type Existing = repo.OfficialUnitRow;

function chunks<T>(items: T[], size = BATCH): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

const naturalKey = (row: Existing) => unitKey(row.kind as OfficialKind, row.code, row.listed_from);

/**
 * A database filled by the 2025-only model (IMPORT_MODEL_VERSION 1) holds each unit of the 4 January
 * 2025 list under the key (kind, code, earliest). When the history shows that code's unit of that
 * list to be a later one (listed under another parent, or new since), the row is that later unit:
 * records and organizations were made on it as it stood in 2025. Maps such rows to their new key
 * (the update then writes listed_from); the earlier unit is inserted as a new row.
 */
function rekeyLegacyRows(dataset: OfficialDataset, existing: Map<string, Existing>): number {
  const seedByKey = new Map(dataset.units.map((u) => [u.key, u]));
  let moved = 0;
  for (const u of dataset.units) {
    if (u.kind === 'province' || u.validTo !== RESTRUCTURE_DATE || u.listedFrom === null || existing.has(u.key)) continue;
    const earliest = unitKey(u.kind, u.code, null);
    const row = existing.get(earliest);
    if (!row || row.valid_from !== null || row.valid_to !== RESTRUCTURE_DATE || seedByKey.get(earliest)?.validTo === RESTRUCTURE_DATE) continue;
    existing.delete(earliest);
    existing.set(u.key, row);
    moved++;
  }
  return moved;
}

/**
 * Imports (or brings up to date) the official units, their former names and their successions,
 * in one transaction. Returns what it did; a second run on the same files reports everything unchanged.
 */
export async function importOfficialUnits(db: Db, options: ImportOptions = {}): Promise<UnitsImportReport> {
  const started = Date.now();
  const dataset = options.dataset ?? loadOfficialDataset();
  const actor = options.actor ?? SYSTEM_ACTOR;
  const nameCount = dataset.units.reduce((n, u) => n + u.formerNames.length, 0);
  const total = dataset.units.length + nameCount + dataset.successions.length;
  let done = 0;
  const progress = (n: number, phase: string) => {
    done += n;
    options.onProgress?.(done, total, phase);
  };

  return db.transaction().execute(async (trx) => {
    await repo.lockImport(trx);
    await repo.deferAttribution(trx);
    const rootId = await rootUnitId(trx);
    const root = (await repo.findPaths(trx, [rootId])).get(rootId);
    if (!root) throw new Error('the root unit is missing');

    const existing = new Map<string, Existing>();
    for (const row of await repo.findOfficialUnits(trx, OFFICIAL_KINDS)) existing.set(naturalKey(row), row);
    const rekeyed = rekeyLegacyRows(dataset, existing);
    const seedKeys = new Set(dataset.units.map((u) => u.key));
    const notInSeed = [...existing.keys()].filter((k) => !seedKeys.has(k)).length;

    /** Final id and path of every seed unit, filled level by level. */
    const placed = new Map<string, { id: string; path: string }>();
    const counts = Object.fromEntries(OFFICIAL_KINDS.map((k) => [k, { inserted: 0, updated: 0, unchanged: 0 }])) as Record<OfficialKind, ImportCounts>;

    // Parents before children: a level's parents are placed before the level is written.
    for (const kind of OFFICIAL_KINDS) {
      const level = dataset.units.filter((u) => u.kind === kind);
      const parentOf = (u: SeedUnit) => {
        const parent = u.parentKey === null ? { id: rootId, path: root } : placed.get(u.parentKey);
        if (!parent) throw new Error(`parent ${u.parentKey} of ${u.key} is not placed`);
        return parent;
      };
      const updates: repo.UnitFieldsUpdate[] = [];
      const moved: string[] = [];
      for (const u of level) {
        const row = existing.get(u.key);
        if (!row) continue;
        const parent = parentOf(u);
        placed.set(u.key, { id: row.id, path: row.path });
        const same =
          row.parent_id === parent.id && row.name === u.name && row.name_en === u.nameEn && row.division_type === u.divisionType &&
          row.valid_from === u.validFrom && row.valid_to === u.validTo && row.listed_from === u.listedFrom;
        if (same) {
          counts[kind].unchanged++;
          continue;
        }
        updates.push({ id: row.id, parentId: parent.id, divisionType: u.divisionType, name: u.name, nameEn: u.nameEn, validFrom: u.validFrom, validTo: u.validTo, listedFrom: u.listedFrom });
        if (row.parent_id !== parent.id) moved.push(row.id);
      }
      const fresh = level.filter((u) => !existing.has(u.key));
      const ids = await repo.allocateUnitIds(trx, fresh.length);
      const inserts: repo.UnitInsert[] = fresh.map((u, i) => {
        const id = ids[i]!;
        const parent = parentOf(u);
        const path = `${parent.path}.${id}`;
        placed.set(u.key, { id, path });
        return { id, parentId: parent.id, path, kind: u.kind, code: u.code, divisionType: u.divisionType, name: u.name, nameEn: u.nameEn, validFrom: u.validFrom, validTo: u.validTo, listedFrom: u.listedFrom };
      });
      counts[kind].inserted = inserts.length;
      counts[kind].updated = updates.length;
      if (counts[kind].unchanged) progress(counts[kind].unchanged, kind);
      // Updates first: a re-keyed row frees its old key before the earlier unit takes it.
      for (const batch of chunks(updates)) {
        await repo.updateUnitFields(trx, batch);
        progress(batch.length, kind);
      }
      for (const batch of chunks(inserts)) {
        await repo.insertUnits(trx, batch);
        progress(batch.length, kind);
      }
      if (moved.length) {
        // Rare (the files changed a unit's parent): move whole subtrees, then re-read the paths.
        for (const id of moved) await repo.moveSubtree(trx, id);
        const keys = [...placed.keys()];
        const paths = await repo.findPaths(trx, keys.map((k) => placed.get(k)!.id));
        for (const k of keys) placed.set(k, { id: placed.get(k)!.id, path: paths.get(placed.get(k)!.id)! });
      }
    }

    const names = await syncNames(trx, dataset, placed, progress);
    const { successions, overrides } = await syncSuccessions(trx, dataset, placed, progress);
    await repo.refreshAttribution(trx);

    const changed =
      OFFICIAL_KINDS.some((k) => counts[k].inserted + counts[k].updated > 0) ||
      successions.inserted + successions.updated + successions.removed > 0 ||
      names.inserted + names.removed > 0;
    const meta = await repo.getMeta<UnitsImportMeta>(trx, repo.UNITS_IMPORT_META_KEY);
    if (changed || meta?.checksum !== dataset.checksum) {
      const count = (k: OfficialKind) => dataset.units.filter((u) => u.kind === k).length;
      const value: UnitsImportMeta = {
        checksum: dataset.checksum,
        importedAt: new Date().toISOString(),
        counts: { province: count('province'), district: count('district'), commune: count('commune'), successions: dataset.successions.length, names: nameCount },
        history: dataset.history,
        anomalies: dataset.anomalies.length,
      };
      await repo.putMeta(trx, repo.UNITS_IMPORT_META_KEY, value);
    }
    if (changed) {
      // One record for the whole run, not one per unit.
      await recordAudit(trx, actor, {
        action: 'units.import',
        recordType: 'unit',
        unitId: rootId,
        after: { checksum: dataset.checksum, units: counts, successions, names, history: dataset.history, overrides, rekeyed, notInSeed },
      });
    }
    progress(0, 'done');
    return {
      checksum: dataset.checksum,
      units: counts,
      successions,
      names,
      history: dataset.history,
      overrides,
      rekeyed,
      notInSeed,
      anomalies: dataset.anomalies.length,
      changed,
      durationMs: Date.now() - started,
    };
  });
}

type Placed = Map<string, { id: string; path: string }>;
type Progress = (n: number, phase: string) => void;

/** Former names: inserted when missing, removed when the files no longer give them. */
async function syncNames(trx: Db, dataset: OfficialDataset, placed: Placed, progress: Progress) {
  const key = (r: repo.NameRow) => [r.unit_id, r.name, r.division_type, r.valid_from, r.valid_to].join('|');
  const wanted = new Map<string, repo.NameRow>();
  for (const u of dataset.units) {
    const unitId = placed.get(u.key)!.id;
    for (const n of u.formerNames) {
      const row = { unit_id: unitId, name: n.name, division_type: n.divisionType, valid_from: n.validFrom, valid_to: n.validTo };
      wanted.set(key(row), row);
    }
  }
  const have = await repo.findNames(trx, OFFICIAL_KINDS);
  const haveKeys = new Set(have.map(key));
  const toInsert = [...wanted].filter(([k]) => !haveKeys.has(k)).map(([, r]) => r);
  const toRemove = have.filter((r) => !wanted.has(key(r))).map((r) => r.id);
  const unchanged = wanted.size - toInsert.length;
  if (unchanged) progress(unchanged, 'names');
  for (const batch of chunks(toInsert)) {
    await repo.insertNames(trx, batch);
    progress(batch.length, 'names');
  }
  await repo.deleteNames(trx, toRemove);
  return { inserted: toInsert.length, removed: toRemove.length, unchanged };
}

/**
 * Successions: insert the missing, correct the changed, remove those the files no longer give —
 * except for a predecessor whose successors a system administrator set (basis `manual`): the
 * correction is the override, and the import leaves those links as they are.
 */
async function syncSuccessions(trx: Db, dataset: OfficialDataset, placed: Placed, progress: Progress) {
  const have = new Map((await repo.findSuccessions(trx, OFFICIAL_KINDS)).map((r) => [`${r.predecessor_id}>${r.successor_id}`, r]));
  const overridden = new Set([...have.values()].filter((r) => r.basis === 'manual').map((r) => r.predecessor_id));
  const wanted = new Map<string, repo.SuccessionRow>();
  for (const s of dataset.successions) {
    const predecessor = placed.get(s.predecessorKey)?.id;
    const successor = placed.get(s.successorKey)?.id;
    if (!predecessor || !successor) throw new Error(`succession ${s.predecessorKey} → ${s.successorKey} names a unit that is not imported`);
    if (overridden.has(predecessor)) continue;
    wanted.set(`${predecessor}>${successor}`, { predecessor_id: predecessor, successor_id: successor, kind: s.kind, effective: s.effective, basis: s.basis, preferred: s.preferred });
  }
  const toInsert: repo.SuccessionRow[] = [];
  const toUpdate: repo.SuccessionRow[] = [];
  let unchanged = 0;
  for (const [k, w] of wanted) {
    const h = have.get(k);
    if (!h) toInsert.push(w);
    else if (h.kind !== w.kind || h.effective !== w.effective || h.basis !== w.basis || h.preferred !== w.preferred) toUpdate.push(w);
    else unchanged++;
  }
  const toRemove = [...have].filter(([k, r]) => !wanted.has(k) && !overridden.has(r.predecessor_id)).map(([, r]) => r);
  if (unchanged) progress(unchanged, 'successions');
  for (const batch of chunks(toInsert)) {
    await repo.insertSuccessions(trx, batch);
    progress(batch.length, 'successions');
  }
  for (const batch of chunks(toUpdate)) {
    await repo.updateSuccessions(trx, batch);
    progress(batch.length, 'successions');
  }
  await repo.deleteSuccessions(trx, toRemove);
  return { successions: { inserted: toInsert.length, updated: toUpdate.length, unchanged, removed: toRemove.length }, overrides: overridden.size };
}

/** One line for logs: "14154 units (…), 11315 successions". */
export function summarizeImport(r: UnitsImportReport): string {
  const part = (name: string, c: ImportCounts) => `${name} +${c.inserted} ~${c.updated} =${c.unchanged}`;
  return [
    ...OFFICIAL_KINDS.map((k) => part(`${k}s`, r.units[k])),
    `${part('successions', r.successions)}${r.successions.removed ? ` -${r.successions.removed}` : ''}`,
    `former names +${r.names.inserted} -${r.names.removed} =${r.names.unchanged}`,
    `successors inferred ${r.history.inferred}, ambiguous ${r.history.ambiguous}${r.overrides ? `, set by an administrator ${r.overrides}` : ''}`,
    `${r.anomalies} data anomalies handled`,
    `${(r.durationMs / 1000).toFixed(1)} s`,
  ].join('; ');
}

/**
 * Imports the official lists unless the database already holds exactly these files (same
 * checksum in app_meta). Runs at every start and in the test template; cheap when up to date.
 */
export async function ensureOfficialUnits(db: Db, options: { log?: (m: string) => void } = {}): Promise<EnsureUnitsResult> {
  const texts = readSeedTexts();
  const meta = await repo.getMeta<UnitsImportMeta>(db, repo.UNITS_IMPORT_META_KEY);
  if (meta?.checksum === seedChecksum(texts)) return { imported: false, summary: 'the official units are up to date' };
  options.log?.('Importing the official administrative units…');
  const report = await importOfficialUnits(db, { dataset: buildOfficialDataset(texts) });
  return { imported: report.changed, summary: summarizeImport(report) };
}
