/**
 * Rules of an entry that do not need the database: shared by the entry services, the Excel
 * import and the demo data, so every way in applies the same rules.
 */
import { type EntryLevel, type EntryStatus, LAST_DISTRICT_YEAR } from '../../../common/entries.js';

/**
 * The key under which a unit registers a title once a year: accents, case and spacing do not make
 * a new entry (so re-importing a file, or typing the title again, finds the existing one).
 */
export function titleKey(title: string): string {
  return title
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

export type ChainUnit = { id: string; kind: string; validFrom: string | null; validTo: string | null };

export type LevelCheck = { ok: true; levelUnitId: string } | { ok: false; code: 'LEVEL_NOT_ON_PATH' | 'DISTRICT_AFTER_2025' | 'UNIT_NOT_IN_FORCE' };

/**
 * Which unit's steering committee an entry belongs to: the registering unit itself or its nearest
 * ancestor of the level's kind. `chain` is the registering unit followed by its ancestors, nearest
 * first. The registering unit must have been in force at some time during `year`.
 */
export function checkLevel(level: EntryLevel, year: number, chain: ChainUnit[]): LevelCheck {
  const unit = chain[0];
  if (!unit) return { ok: false, code: 'LEVEL_NOT_ON_PATH' };
  if ((unit.validFrom && unit.validFrom > `${year}-12-31`) || (unit.validTo && unit.validTo <= `${year}-01-01`)) {
    return { ok: false, code: 'UNIT_NOT_IN_FORCE' };
  }
  if (level === 'district' && year > LAST_DISTRICT_YEAR) return { ok: false, code: 'DISTRICT_AFTER_2025' };
  const levelUnit = chain.find((u) => u.kind === level);
  return levelUnit ? { ok: true, levelUnitId: levelUnit.id } : { ok: false, code: 'LEVEL_NOT_ON_PATH' };
}

/** What may change once an entry is accepted: how it is going, not what it is. */
export const LATE_EDITABLE: ReadonlySet<string> = new Set(['description', 'results', 'startDate', 'endDate', 'participantsCount', 'participants', 'moneyVnd', 'workingDays', 'landM2', 'resourcesOther']);

/** 'all' fields, the 'late' ones only, or 'none'. */
export function editability(status: EntryStatus): 'all' | 'late' | 'none' {
  if (status === 'draft' || status === 'returned') return 'all';
  if (status === 'accepted' || status === 'implementing') return 'late';
  return 'none';
}
