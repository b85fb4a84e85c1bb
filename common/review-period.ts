/**
 * When a review conference may be held: once at least half of the period it reviews has passed
 * (server/modules/conferences/conferences.service.ts refuses an earlier day; the web form says so
 * before saving). Pure, on ISO dates.
 */

const DAY_MS = 86_400_000;

/** The middle day of a period (the earlier of two): the first day a conference reviewing it may be held. */
export function earliestReviewDay(period: { start: string; end: string }): string {
  const start = Date.parse(`${period.start}T00:00:00Z`);
  const days = Math.round((Date.parse(`${period.end}T00:00:00Z`) - start) / DAY_MS);
  return new Date(start + Math.floor(days / 2) * DAY_MS).toISOString().slice(0, 10);
}
