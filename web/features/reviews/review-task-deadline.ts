/**
 * The days a key task's deadline may fall on, as the server checks them (reviews.service.ts
 * checkDeadline): from the start of the reviewed period to TASK_DEADLINE_YEARS_AFTER years after its
 * end. The date pickers grey out the other days so a typo in the year is caught before saving.
 */
import type { Dayjs } from 'dayjs';

/** server/modules/reviews/reviews.schema.ts TASK_DEADLINE_YEARS_AFTER. */
const YEARS_AFTER = 5;

export type DeadlineRange = { first: string; last: string };

/** ISO dates compare as text; 29 February of a leap year stays as written, as on the server. */
export function taskDeadlineRange(review: { from: string; to: string }): DeadlineRange {
  return { first: review.from, last: `${Number(review.to.slice(0, 4)) + YEARS_AFTER}${review.to.slice(4)}` };
}

export const outsideDeadlineRange = (range: DeadlineRange) => (day: Dayjs) => {
  const iso = day.format('YYYY-MM-DD');
  return iso < range.first || iso > range.last;
};
