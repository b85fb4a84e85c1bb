/** The SQL of issuing bodies: a unit's periods, the one in force on a day, and the unit's place in the tree. */
import { type Kysely, sql } from 'kysely';
import type { IssuingBodyPeriod } from '../../../../common/issuing-bodies.js';
import type { Database } from '../../../db/schema.js';

type Q = Kysely<Database>;

const COLUMNS = ['valid_from', 'valid_to', 'superior_body', 'name', 'symbol', 'signer_authority', 'signer_position'] as const;

const toPeriod = (r: { valid_from: string | null; valid_to: string | null; superior_body: string; name: string; symbol: string; signer_authority: string; signer_position: string }): IssuingBodyPeriod => ({
  validFrom: r.valid_from,
  validTo: r.valid_to,
  superior: r.superior_body,
  name: r.name,
  symbol: r.symbol,
  signerAuthority: r.signer_authority,
  signerPosition: r.signer_position,
});

/** The unit's periods, the earliest first (one open at the start comes first). */
export async function findPeriods(db: Q, unitId: string): Promise<IssuingBodyPeriod[]> {
  const rows = await db.selectFrom('unit_issuing_bodies').select(COLUMNS).where('unit_id', '=', unitId).orderBy(sql`valid_from nulls first`).orderBy('id').execute();
  return rows.map(toPeriod);
}

/** The unit's own period covering `date`, if it has one. */
export async function findPeriodOn(db: Q, unitId: string, date: string): Promise<IssuingBodyPeriod | undefined> {
  const row = await db
    .selectFrom('unit_issuing_bodies')
    .select(COLUMNS)
    .where('unit_id', '=', unitId)
    .where((eb) => eb.or([eb('valid_from', 'is', null), eb('valid_from', '<=', date)]))
    .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>', date)]))
    .executeTakeFirst();
  return row && toPeriod(row);
}

/** Replaces the unit's periods (the caller holds the unit's lock and checked the list). */
export async function replacePeriods(trx: Q, unitId: string, items: readonly IssuingBodyPeriod[]): Promise<void> {
  await trx.deleteFrom('unit_issuing_bodies').where('unit_id', '=', unitId).execute();
  if (!items.length) return;
  const rows = items.map((p) => ({
    unit_id: unitId,
    valid_from: p.validFrom,
    valid_to: p.validTo,
    superior_body: p.superior,
    name: p.name,
    symbol: p.symbol,
    signer_authority: p.signerAuthority,
    signer_position: p.signerPosition,
  }));
  await trx.insertInto('unit_issuing_bodies').values(rows).execute();
}

/** What the defaults need: the unit's kind, name and end, and its parent's kind and name. */
export async function findIssuingUnit(db: Q, unitId: string) {
  return db
    .selectFrom('units as u')
    .leftJoin('units as p', 'p.id', 'u.parent_id')
    .select(['u.kind', 'u.name', 'u.valid_to as validTo', 'p.kind as parentKind', 'p.name as parentName'])
    .where('u.id', '=', unitId)
    .executeTakeFirst();
}
