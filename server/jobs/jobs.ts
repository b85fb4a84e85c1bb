/**
 * Every scheduled job of danvan (docs/scaling.md). Each calls the same services as the API and
 * the CLI, and is safe to run again for the same period (see scheduler.ts).
 */
import { SYSTEM_ACTOR } from '../http/access.js';
import { deleteExpiredSessions } from '../modules/auth/auth.repository.js';
import { THROTTLE } from '../modules/auth/auth.service.js';
import { compactSummaries } from '../modules/data-versions/data-versions.repository.js';
import { deleteFullBuckets } from '../modules/limits/rate-limit.repository.js';
import { storeDailyDigest } from '../modules/petitions/petitions-digest.service.js';
import { storeLeadershipDigest } from '../modules/work-queue/leadership-digest.service.js';
import { eraseExpiredIdentities } from '../modules/petitions/petitions-retention.service.js';
import { eraseExpiredPersons } from '../modules/religious-affairs/religious-retention.service.js';
import { escalateDue } from '../modules/hotspots/hotspots.service.js';
import { deleteOldRuns } from './job-runs.repository.js';
import { deleteStaleLoginFailures } from './purge.repository.js';
import type { Job } from './scheduler.js';

/** How long the record of each job run is kept. */
const JOB_RUNS_KEPT_DAYS = 90;

export const JOBS: readonly Job[] = [
  {
    // Rows that mean nothing any more: expired sessions, sign-in failures whose window and lock
    // are over, rate-limit buckets full again, old job records. Nothing reads them; they only grow.
    name: 'purge',
    schedule: { everyMinutes: 15 },
    async run(ctx) {
      await deleteExpiredSessions(ctx.db);
      const failures = await deleteStaleLoginFailures(ctx.db, THROTTLE.windowSeconds);
      const buckets = await deleteFullBuckets(ctx.db);
      const runs = await deleteOldRuns(ctx.db, JOB_RUNS_KEPT_DAYS);
      // Quiet unless there was something besides sessions (every quarter hour would flood the log).
      if (failures || buckets || runs) return `deleted ${failures} sign-in failure records, ${buckets} rate-limit buckets, ${runs} job records`;
    },
  },
  {
    // Just after midnight, so the day's figures are there when offices open.
    name: 'petition-digest',
    schedule: { dailyAt: '00:05' },
    async run(ctx, day) {
      return `digest of ${day} stored for ${await storeDailyDigest(ctx, day)} units`;
    },
  },
  {
    // The leadership loop's digest of the day (tasks and reporting rounds), after the petitions'.
    name: 'leadership-digest',
    schedule: { dailyAt: '00:10' },
    async run(ctx, day) {
      return `leadership digest of ${day} stored for ${await storeLeadershipDigest(ctx, day)} units`;
    },
  },
  {
    // The retention rule of docs/petitions.md, which needed a cron entry before.
    name: 'petition-identity-erasure',
    schedule: { dailyAt: '02:00' },
    async run(ctx) {
      const erased = await eraseExpiredIdentities(ctx, SYSTEM_ACTOR);
      if (erased) return `erased the identity of ${erased} petitions closed beyond the retention period`;
    },
  },
  {
    // The retention of the personal registers of ethnic and religious affairs (docs/situation.md §9).
    name: 'situation-identity-erasure',
    schedule: { dailyAt: '02:10' },
    async run(ctx) {
      const erased = await eraseExpiredPersons(ctx, SYSTEM_ACTOR);
      if (erased) return `erased the names of ${erased} dignitaries and prestigious persons beyond the retention period`;
    },
  },
  {
    // Hotspots unacknowledged past their flash-report hours, or worsened, go one level up
    // (docs/situation.md §7). Hours are counted in hours, so the job runs often.
    name: 'hotspot-escalation',
    schedule: { everyMinutes: 5 },
    async run(ctx) {
      const n = await escalateDue(ctx, SYSTEM_ACTOR);
      if (n) return `escalated ${n} hotspots`;
    },
  },
  {
    // The report summaries' pending deltas and the data versions' bumps, folded (docs/reports.md,
    // "Summaries"): readers sum them meanwhile, so this only keeps what they read short.
    name: 'report-summaries',
    schedule: { everyMinutes: 1 },
    async run(ctx) {
      await compactSummaries(ctx.db);
    },
  },
];
