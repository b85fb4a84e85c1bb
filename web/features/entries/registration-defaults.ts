/**
 * What a new registration starts with for an account that can only mean one thing: the unit, when
 * it may write for exactly one, and the level of the nearest committee on that unit's path (an
 * editor of a commune registers at commune level). The officer sees both and may change them.
 */
import { ROLE_PERMISSIONS } from '../../../common/access';
import { ENTRY_LEVELS, type EntryLevel, LAST_DISTRICT_YEAR } from '../../../common/entries';
import type { UnitDetail } from '../../../common/units';
import type { MeGrant } from '../auth/auth.api';

/** The one unit the account's grants let it register for, or null when there are none or several. */
export function singleWritableUnit(grants: readonly MeGrant[] | undefined): { unitId: string; unitName: string } | null {
  const writable = new Map((grants ?? []).filter((g) => ROLE_PERMISSIONS[g.role].includes('data.write')).map((g) => [g.unitId, g.unitName]));
  const [only, ...more] = [...writable];
  return only && !more.length ? { unitId: only[0], unitName: only[1] } : null;
}

const isLevel = (kind: string): kind is EntryLevel => (ENTRY_LEVELS as readonly string[]).includes(kind);

/**
 * The unit and level a new registration starts with for the account's one unit: the level of the
 * nearest committee on its path (its own kind, else its nearest ancestor's; a district only up to
 * 2025). None for a unit no entry can be registered for (the country, a retired unit).
 */
export function registrationDefaults(own: Pick<UnitDetail, 'unit' | 'ancestors'>, year: number | undefined): { registeringUnitId: string; level: EntryLevel } | null {
  if (own.unit.retired) return null;
  const nearestFirst = [own.unit.kind, ...own.ancestors.map((a) => a.kind).reverse()];
  const level = nearestFirst.filter(isLevel).find((l) => l !== 'district' || (year !== undefined && year <= LAST_DISTRICT_YEAR));
  return level ? { registeringUnitId: own.unit.id, level } : null;
}
