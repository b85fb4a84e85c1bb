/**
 * `danvan petitions digest`: the daily digest per unit (open petitions due soon, overdue, and
 * overdue below the unit), for a cron job to print or mail. `danvan petitions erase-identities`:
 * the retention job, erasing the submitter's identity from petitions closed more than --years ago.
 */
import { PETITION_LIMITS } from '../../common/petitions.js';
import { SYSTEM_ACTOR } from '../http/access.js';
import { computeDigest } from '../modules/petitions/petitions-digest.service.js';
import { eraseExpiredIdentities } from '../modules/petitions/petitions-retention.service.js';
import { resolveUnitRef } from '../modules/units/units-history.service.js';
import type { Command } from './command.js';
import { usageProblem } from './help.js';
import { stderrProgress } from './progress.js';
import { withDatabase } from './with-database.js';

export const petitionsDigestCommand: Command = {
  name: 'petitions digest',
  summary: 'Per unit: open petitions due soon, overdue, and overdue below it',
  usage: '[--unit <id | kind:code[@YYYY-MM-DD]>] [--date YYYY-MM-DD]',
  options: {
    unit: { type: 'string', value: '<id | kind:code[@YYYY-MM-DD]>', description: 'Only this unit and the units below it: an id, or an official reference such as province:37.', default: 'every unit' },
    date: { type: 'string', value: 'YYYY-MM-DD', description: 'The day the digest is for ("due soon" counts working days from it).', default: 'today in Viet Nam' },
  },
  notes: ['Prints a table to stdout (unit, due soon, overdue, overdue below it): for a cron job to mail. The scheduler of `serve` also stores the digest daily.'],
  examples: [{ command: 'danvan petitions digest --unit province:01', does: "Today's digest of Thành phố Hà Nội and its communes." }],
  async run({ config, values }) {
    const date = typeof values.date === 'string' ? values.date : undefined;
    if (date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(date)) return usageProblem(petitionsDigestCommand, `--date must be YYYY-MM-DD, not "${date}"`);
    const unitRef = typeof values.unit === 'string' ? values.unit : undefined;
    return withDatabase(config, async ({ db }) => {
      const ctx = { db, config };
      const under = unitRef ? (await resolveUnitRef(db, unitRef)).unit : undefined;
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
  summary: "Erase submitters' identities from petitions closed long ago (retention); each erasure is audited",
  usage: '[--years N]',
  options: {
    years: {
      type: 'string',
      value: '<N>',
      description: 'Erase from petitions closed more than N years ago (a whole number from 1 to 100).',
      default: `${PETITION_LIMITS.retentionYears} (the retention period, docs/petitions.md)`,
    },
  },
  notes: ['Name, contact, ID number and address are erased; the petition, its figures and its history stay. Each petition is its own transaction with its audit record, so an interrupted run can simply be run again. Progress goes to stderr.'],
  examples: [{ command: 'danvan petitions erase-identities --years 5', does: 'Erase the identities of petitions closed more than five years ago and print how many.' }],
  async run({ config, values, progress = stderrProgress() }) {
    const years = values.years === undefined ? PETITION_LIMITS.retentionYears : Number(values.years);
    if (!Number.isInteger(years) || years < 1 || years > 100) return usageProblem(petitionsEraseCommand, `--years must be a whole number from 1 to 100, not "${String(values.years)}"`);
    return withDatabase(config, async ({ db }) => {
      const counter = progress.counter('Erasing identities');
      try {
        const n = await eraseExpiredIdentities({ db, config }, SYSTEM_ACTOR, { years, onProgress: (erased) => counter.update(erased) });
        counter.update(n);
        counter.finish();
        console.log(`Identities erased: ${n} (petitions closed more than ${years} years ago).`);
        return 0;
      } catch (err) {
        counter.finish();
        throw err;
      }
    });
  },
};
