/**
 * `danvan petitions digest`: the daily digest per unit (open petitions due soon, overdue, and
 * overdue below the unit), for a cron job to print or mail. `danvan petitions erase-identities`:
 * the retention job, erasing the submitter's identity from petitions closed more than --years ago.
 */
import { PETITION_LIMITS } from '../../common/petitions.js';
import { SYSTEM_ACTOR } from '../http/access.js';
import { computeDigest } from '../modules/petitions/petitions-digest.service.js';
import { eraseExpiredIdentities } from '../modules/petitions/petitions-retention.service.js';
import type { Command } from './commands.js';
import { withDatabase } from './with-database.js';

export const petitionsDigestCommand: Command = {
  name: 'petitions digest',
  summary: 'Per unit: open petitions due soon, overdue, and overdue below it (--unit <id> for one subtree, --date YYYY-MM-DD)',
  options: { unit: { type: 'string' }, date: { type: 'string' } },
  async run({ config, values }) {
    const date = typeof values.date === 'string' ? values.date : undefined;
    if (date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new Error('--date must be YYYY-MM-DD');
    const unitId = typeof values.unit === 'string' ? values.unit : undefined;
    if (unitId !== undefined && !/^\d{1,18}$/.test(unitId)) throw new Error('--unit must be a unit id');
    return withDatabase(config, async ({ db }) => {
      const ctx = { db, config };
      const under = unitId ? await db.selectFrom('units').select(['path']).where('id', '=', unitId).executeTakeFirst() : undefined;
      if (unitId && !under) throw new Error(`No unit ${unitId}`);
      const digest = await computeDigest(ctx, { date, underPath: under?.path });
      console.log(`Petitions digest of ${digest.date} (due soon: until ${digest.dueSoonUntil})`);
      if (!digest.items.length) {
        console.log('Nothing due soon or overdue.');
        return 0;
      }
      console.log(`${'unit'.padEnd(48)} ${'due soon'.padStart(9)} ${'overdue'.padStart(8)} ${'below'.padStart(8)}`);
      for (const r of digest.items) {
        console.log(`${`${r.unit.name} (${r.unit.id})`.slice(0, 48).padEnd(48)} ${String(r.dueSoon).padStart(9)} ${String(r.overdue).padStart(8)} ${String(r.escalatedOverdue).padStart(8)}`);
      }
      return 0;
    });
  },
};

export const petitionsEraseCommand: Command = {
  name: 'petitions erase-identities',
  summary: `Erase submitters' identities from petitions closed more than --years ago (default ${PETITION_LIMITS.retentionYears}); each erasure is audited`,
  options: { years: { type: 'string' } },
  async run({ config, values }) {
    const years = values.years === undefined ? PETITION_LIMITS.retentionYears : Number(values.years);
    if (!Number.isInteger(years) || years < 1 || years > 100) throw new Error('--years must be a whole number from 1 to 100');
    return withDatabase(config, async ({ db }) => {
      const n = await eraseExpiredIdentities({ db, config }, SYSTEM_ACTOR, { years });
      console.log(`Identities erased: ${n} (petitions closed more than ${years} years ago).`);
      return 0;
    });
  },
};
