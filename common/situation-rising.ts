/**
 * "Rising" (docs/situation.md §3): a topic is rising when more units report it as concerned or
 * tense than in the previous period, by at least RISING_MIN_UNITS units and by at least
 * RISING_MIN_RATIO (50 %). From none to two units is rising (a ratio over zero is unbounded); one
 * more unit is never enough, so a single commune's change does not raise the alarm.
 */
export const RISING_MIN_UNITS = 2;
export const RISING_MIN_RATIO = 0.5;

/** `current` and `previous`: the number of units reporting the topic as concerned or tense. */
export function isRising(current: number, previous: number): boolean {
  const growth = current - previous;
  if (growth < RISING_MIN_UNITS) return false;
  // growth >= previous × 50 %, in integers (no floating error at the boundary: 4 → 6 is rising).
  return growth * 2 >= previous;
}
