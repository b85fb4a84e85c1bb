import type { Db } from '../../db/database.js';

export type EnsureUnitsResult = { imported: boolean; summary: string };

/** TODO(units helper): imports the official lists when not yet imported. */
export async function ensureOfficialUnits(_db: Db, _options: { log?: (m: string) => void } = {}): Promise<EnsureUnitsResult> {
  return { imported: false, summary: '' };
}
