/** SQL of emulation periods (2021–2025, …). */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';

type Q = Kysely<Database>;

export async function findPeriods(db: Q) {
  return db.selectFrom('emulation_periods').selectAll().orderBy('start_year').orderBy('end_year').execute();
}

export async function findPeriodByYears(db: Q, startYear: number, endYear: number) {
  return db.selectFrom('emulation_periods').selectAll().where('start_year', '=', startYear).where('end_year', '=', endYear).executeTakeFirst();
}

export async function insertPeriod(trx: Q, p: { name: string; startYear: number; endYear: number }) {
  return trx.insertInto('emulation_periods').values({ name: p.name, start_year: p.startYear, end_year: p.endYear }).returningAll().executeTakeFirstOrThrow();
}
