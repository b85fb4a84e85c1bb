/**
 * The scheduler every danvan process runs: each tick (a minute), each job whose current period
 * this process has not yet seen finished is claimed in `job_runs`, and run by the one process
 * whose claim wins (docs/scaling.md). So N processes behind a load balancer run each job once per
 * period, and any one of them is enough.
 *
 * - A job that throws is logged and recorded; the next tick (of any process) runs it again.
 * - A run whose process died is taken over once its heartbeat is older than the lease. Jobs must
 *   therefore be safe to run again for the same period (all of ours are: deletes of what expired,
 *   a digest replaced as a whole, erasures of what is still to erase).
 * - `stop()` lets a running job finish and starts no other.
 * The claim is a plain row, not a session advisory lock, so it works through PgBouncer in
 * transaction mode and survives a dropped connection.
 */
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { Ctx } from '../http/context.js';
import * as repo from './job-runs.repository.js';
import { JOBS } from './jobs.js';
import { checkSchedule, periodOf, type Schedule } from './schedule.js';

export type Job = {
  name: string;
  schedule: Schedule;
  /** The work of one period; answers a line for the log, or nothing when there is nothing to say. */
  run(ctx: Ctx, period: string): Promise<string | void>;
};

export type SchedulerOptions = {
  log: (message: string) => void;
  /** The clock (tests move it). */
  now?: () => Date;
  /** A run whose heartbeat is older than this is taken over by another process. */
  leaseSeconds?: number;
};

export type Scheduler = {
  /** Starts every job that is due and not yet run; resolves when those runs have ended. */
  tick(): Promise<void>;
  /** Starts no more runs and waits for the running ones. */
  stop(): Promise<void>;
};

export function createScheduler(ctx: Ctx, jobs: readonly Job[], options: SchedulerOptions): Scheduler {
  for (const job of jobs) checkSchedule(job.name, job.schedule);
  const now = options.now ?? (() => new Date());
  const leaseSeconds = options.leaseSeconds ?? 120;
  // Who holds a run in `job_runs.runner`: the host and process, and which scheduler in it.
  const runner = `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
  const running = new Map<string, Promise<void>>();
  // The last period of each job seen finished (by any process): no query until the next period.
  const finished = new Map<string, string>();
  let stopped = false;

  async function runOnce(job: Job, period: string): Promise<void> {
    const claim = await repo.claimRun(ctx.db, job.name, period, runner, leaseSeconds);
    if (!claim.claimed) {
      if (claim.finished) finished.set(job.name, period);
      return;
    }
    const heartbeat = setInterval(() => {
      repo.beat(ctx.db, job.name, period, runner).catch((err: unknown) => options.log(`job ${job.name} (${period}): heartbeat failed: ${messageOf(err)}`));
    }, (leaseSeconds * 1000) / 4);
    heartbeat.unref();
    try {
      const summary = await job.run(ctx, period);
      await repo.finishRun(ctx.db, job.name, period, runner, summary || null);
      finished.set(job.name, period);
      if (summary) options.log(`job ${job.name} (${period}): ${summary}`);
    } catch (err) {
      options.log(`job ${job.name} (${period}) failed, attempt ${claim.attempt}; retried at the next tick: ${messageOf(err)}`);
      await repo.failRun(ctx.db, job.name, period, runner, messageOf(err));
    } finally {
      clearInterval(heartbeat);
    }
  }

  return {
    async tick() {
      const started: Promise<void>[] = [];
      for (const job of jobs) {
        if (stopped || running.has(job.name)) continue;
        const period = periodOf(job.schedule, now());
        if (finished.get(job.name) === period) continue;
        const run = runOnce(job, period)
          // The database may be down: say so and try again at the next tick; the process stays up.
          .catch((err: unknown) => options.log(`job ${job.name} (${period}): ${messageOf(err)}`))
          .finally(() => running.delete(job.name));
        running.set(job.name, run);
        started.push(run);
      }
      await Promise.all(started);
    },
    async stop() {
      stopped = true;
      await Promise.all(running.values());
    },
  };
}

const messageOf = (err: unknown) => (err instanceof Error ? err.message : String(err));

export type StartJobsOptions = {
  log: (message: string) => void;
  /** Time between ticks; a minute by default. */
  tickMs?: number;
  /** The jobs to run (every job of `jobs.ts` by default). */
  jobs?: readonly Job[];
};

/**
 * Starts the scheduler of this process: a first tick a few seconds after start (the server is
 * serving by then), then one per `tickMs`. `stop()` ends the ticks and waits for a running job;
 * call it before closing the database.
 */
export function startJobs(ctx: Ctx, options: StartJobsOptions): { stop(): Promise<void> } {
  const tickMs = options.tickMs ?? 60_000;
  const scheduler = createScheduler(ctx, options.jobs ?? JOBS, { log: options.log });
  // A tick registers its runs before it first waits, so overlapping ticks never start a job twice.
  const tick = () => void scheduler.tick();
  const first = setTimeout(tick, Math.min(tickMs, 5_000));
  const timer = setInterval(tick, tickMs);
  first.unref();
  timer.unref();
  return {
    async stop() {
      clearTimeout(first);
      clearInterval(timer);
      await scheduler.stop();
    },
  };
}
