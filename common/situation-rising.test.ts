import { describe, expect, it } from 'vitest';
import { isRising, RISING_MIN_RATIO, RISING_MIN_UNITS } from './situation-rising.js';

describe('isRising', () => {
  // [current, previous, rising, why]
  const table: [number, number, boolean, string][] = [
    [0, 0, false, 'nothing reported'],
    [1, 0, false, 'one unit more is not enough'],
    [2, 0, true, 'from none to two units'],
    [3, 1, true, '+2 units, +200 %'],
    [3, 2, false, '+1 unit only'],
    [6, 4, true, '+2 units, exactly +50 %'],
    [7, 5, false, '+2 units but only +40 %'],
    [15, 10, true, '+5 units, exactly +50 %'],
    [14, 10, false, '+4 units, +40 %'],
    [5, 8, false, 'falling'],
    [8, 8, false, 'unchanged'],
    [30, 20, true, '+10, +50 %'],
    [29, 20, false, '+9, +45 %'],
  ];
  it.each(table)('%i units now against %i before → %s (%s)', (current, previous, rising) => {
    expect(isRising(current, previous)).toBe(rising);
  });

  it('agrees with the rule stated in numbers over a grid', () => {
    for (let previous = 0; previous <= 40; previous++) {
      for (let current = 0; current <= 80; current++) {
        const expected = current - previous >= RISING_MIN_UNITS && current - previous >= previous * RISING_MIN_RATIO;
        expect(isRising(current, previous), `${current} vs ${previous}`).toBe(expected);
      }
    }
  });
});
