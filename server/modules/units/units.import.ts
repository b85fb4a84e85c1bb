/**
 * The import of the official administrative units (server/db/seed) into the unit tree, with the
 * successions of the 1 July 2025 restructure. One transaction, matched by natural key (kind,
 * official code, first day in force) and never by id: a re-run changes nothing, a failed run
 * leaves nothing. docs/units.md describes the model.
 */
import { RESTRUCTURE_DATE } from '../../../common/units.js';
import type { Db } from '../../db/database.js';
import { type Actor, SYSTEM_ACTOR } from '../../http/access.js';
import { recordAudit } from '../audit/audit.repository.js';
import * as repo from './units-import.repository.js';
import { rootUnitId } from './units.repository.js';
import {
  buildOfficialDataset,
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
  counts: Record<OfficialKind, number> & { successions: number };
  anomalies: number;
};

const BATCH = 2000;

type Existing = repo.OfficialUnitRow;

function chunks<T>(items: T[], size = BATCH): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

const naturalKey = (row: Existing) => unitKey(row.kind as OfficialKind, row.code, row.valid_from);

/**
 * Imports (or brings up to date) the official units and their successions, in one transaction.
 * Returns what it did per kind; a second run on the same files reports everything unchanged.
 */
export async function importOfficialUnits(db: Db, options: ImportOptions = {}): Promise<UnitsImportReport> {
  const started = Date.now();
  const dataset = options.dataset ?? loadOfficialDataset();
  const actor = options.actor ?? SYSTEM_ACTOR;
  const total = dataset.units.length + dataset.successions.length;
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
      const fresh = level.filter((u) => !existing.has(u.key));
      const ids = await repo.allocateUnitIds(trx, fresh.length);
      const inserts: repo.UnitInsert[] = fresh.map((u, i) => {
        const id = ids[i]!;
        const parent = parentOf(u);
        const path = `${parent.path}.${id}`;
        placed.set(u.key, { id, path });
        return { id, parentId: parent.id, path, kind: u.kind, code: u.code, divisionType: u.divisionType, name: u.name, nameEn: u.nameEn, validFrom: u.validFrom, validTo: u.validTo };
      });
      const updates: repo.UnitFieldsUpdate[] = [];
      const moved: string[] = [];
      for (const u of level) {
        const row = existing.get(u.key);
        if (!row) continue;
        const parent = parentOf(u);
        placed.set(u.key, { id: row.id, path: row.path });
        const same =
          row.parent_id === parent.id && row.name === u.name && row.name_en === u.nameEn && row.division_type === u.divisionType && row.valid_to === u.validTo;
        if (same) {
          counts[kind].unchanged++;
          continue;
        }
        updates.push({ id: row.id, parentId: parent.id, divisionType: u.divisionType, name: u.name, nameEn: u.nameEn, validTo: u.validTo });
        if (row.parent_id !== parent.id) moved.push(row.id);
      }
      counts[kind].inserted = inserts.length;
      counts[kind].updated = updates.length;
      if (counts[kind].unchanged) progress(counts[kind].unchanged, kind);
      for (const batch of chunks(inserts)) {
        await repo.insertUnits(trx, batch);
        progress(batch.length, kind);
      }
      for (const batch of chunks(updates)) {
        await repo.updateUnitFields(trx, batch);
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

    // Successions: insert the missing, correct the changed, remove those the files no longer give.
    const wanted = new Map<string, repo.SuccessionRow>();
    for (const s of dataset.successions) {
      const predecessor = placed.get(s.predecessorKey)?.id;
      const successor = placed.get(s.successorKey)?.id;
      if (!predecessor || !successor) throw new Error(`succession ${s.predecessorKey} → ${s.successorKey} names a unit that is not imported`);
      wanted.set(`${predecessor}>${successor}`, { predecessor_id: predecessor, successor_id: successor, kind: s.kind, effective: RESTRUCTURE_DATE });
    }
    const have = new Map((await repo.findSuccessions(trx, OFFICIAL_KINDS)).map((r) => [`${r.predecessor_id}>${r.successor_id}`, r]));
    const toInsert: repo.SuccessionRow[] = [];
    const toUpdate: repo.SuccessionRow[] = [];
    let unchangedLinks = 0;
    for (const [k, w] of wanted) {
      const h = have.get(k);
      if (!h) toInsert.push(w);
      else if (h.kind !== w.kind || h.effective !== w.effective) toUpdate.push(w);
      else unchangedLinks++;
    }
    const toRemove = [...have].filter(([k]) => !wanted.has(k)).map(([, r]) => r);
    if (unchangedLinks) progress(unchangedLinks, 'successions');
    for (const batch of chunks(toInsert)) {
      await repo.insertSuccessions(trx, batch);
      progress(batch.length, 'successions');
    }
    for (const batch of chunks(toUpdate)) {
      await repo.updateSuccessions(trx, batch);
      progress(batch.length, 'successions');
    }
    await repo.deleteSuccessions(trx, toRemove);
    await repo.refreshAttribution(trx);

    const successions = { inserted: toInsert.length, updated: toUpdate.length, unchanged: unchangedLinks, removed: toRemove.length };
    const changed = OFFICIAL_KINDS.some((k) => counts[k].inserted + counts[k].updated > 0) || successions.inserted + successions.updated + successions.removed > 0;
    const meta = await repo.getMeta<UnitsImportMeta>(trx, repo.UNITS_IMPORT_META_KEY);
    if (changed || meta?.checksum !== dataset.checksum) {
      const count = (k: OfficialKind) => dataset.units.filter((u) => u.kind === k).length;
      const value: UnitsImportMeta = {
        checksum: dataset.checksum,
        importedAt: new Date().toISOString(),
        counts: { province: count('province'), district: count('district'), commune: count('commune'), successions: dataset.successions.length },
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
        after: { checksum: dataset.checksum, units: counts, successions, notInSeed },
      });
    }
    progress(0, 'done');
    return { checksum: dataset.checksum, units: counts, successions, notInSeed, anomalies: dataset.anomalies.length, changed, durationMs: Date.now() - started };
  });
}

/** One line for logs: "14154 units (…), 11315 successions". */
export function summarizeImport(r: UnitsImportReport): string {
  const part = (name: string, c: ImportCounts) => `${name} +${c.inserted} ~${c.updated} =${c.unchanged}`;
  return [
    ...OFFICIAL_KINDS.map((k) => part(`${k}s`, r.units[k])),
    `${part('successions', r.successions)}${r.successions.removed ? ` -${r.successions.removed}` : ''}`,
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
