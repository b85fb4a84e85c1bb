/**
 * When a scheduled job is due, as the key of its current period: every process computes the same
 * key for the same moment, and the first to claim (job, key) in `job_runs` runs it.
 */

/** Every `everyMinutes` minutes (periods aligned on the clock), or once a day at `dailyAt` ('HH:MM', Viet Nam time). */
export type Schedule = { everyMinutes: number } | { dailyAt: string };

// Viet Nam keeps UTC+7 all year (no daylight saving time since 1975).
const VIETNAM_OFFSET_MS = 7 * 3600_000;

/**
 * The key of the latest period that has begun by `now`: for a daily job the Viet Nam date whose
 * `dailyAt` has passed (`2026-12-05`; before that time of day, the day before), for a periodic one
 * the UTC start of the slot (`2026-12-05T07:15Z`). A process that starts after a missed run (all
 * were down at the time) still finds the latest period unclaimed and runs it once; older missed
 * periods are not caught up: each job's work is about "now" (purge what expired, today's digest).
 */
export function periodOf(schedule: Schedule, now: Date): string {
  if ('everyMinutes' in schedule) {
    const slot = schedule.everyMinutes * 60_000;
    return `${new Date(Math.floor(now.getTime() / slot) * slot).toISOString().slice(0, 16)}Z`;
  }
  const [h, m] = schedule.dailyAt.split(':').map(Number) as [number, number];
  return new Date(now.getTime() + VIETNAM_OFFSET_MS - (h * 60 + m) * 60_000).toISOString().slice(0, 10);
}

/** Rejects a schedule no clock reaches (so a typo fails at start, not silently never). */
export function checkSchedule(name: string, schedule: Schedule): void {
  const ok =
    'everyMinutes' in schedule
      ? Number.isInteger(schedule.everyMinutes) && schedule.everyMinutes >= 1 && schedule.everyMinutes <= 24 * 60
      : /^([01]\d|2[0-3]):[0-5]\d$/.test(schedule.dailyAt);
  if (!ok) throw new Error(`job ${name}: invalid schedule ${JSON.stringify(schedule)}`);
}
