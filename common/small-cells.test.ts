import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type CellIn, suppressSmallCells } from './small-cells.js';

const cells = fc.uniqueArray(fc.record({ key: fc.stringMatching(/^[a-z]{1,6}$/), n: fc.nat({ max: 40 }), amount: fc.nat({ max: 10_000_000 }) }), { selector: (c) => c.key, maxLength: 12 });

const shown = (t: ReturnType<typeof suppressSmallCells>) => t.cells.filter((c) => c.n !== null);

describe('small-cell suppression', () => {
  it('leaves no shown cell of 1–2 persons, "khác" included', () => {
    fc.assert(
      fc.property(cells, (input) => {
        const t = suppressSmallCells(input, 'persons');
        for (const c of shown(t)) expect(c.n! < 1 || c.n! > 2).toBe(true);
        if (t.other.n !== null) expect(t.other.n < 1 || t.other.n > 2).toBe(true);
      }),
      { seed: 15, numRuns: 2000 },
    );
  });

  it('keeps the totals: shown cells plus "khác" add up to the input, counts and amounts alike', () => {
    fc.assert(
      fc.property(cells, (input) => {
        const t = suppressSmallCells(input, 'persons');
        const sum = input.reduce((s, c) => s + c.n, 0);
        const amount = input.reduce((s, c) => s + c.amount, 0);
        expect(t.total).toEqual({ n: sum, amount });
        if (t.other.n !== null) {
          expect(shown(t).reduce((s, c) => s + c.n!, 0) + t.other.n).toBe(sum);
          expect(shown(t).reduce((s, c) => s + c.amount!, 0) + t.other.amount!).toBe(amount);
        } else {
          // "Khác" is hidden only when nothing is left to fold into it: the table holds fewer than 3 persons.
          expect(sum).toBeLessThanOrEqual(2);
          expect(shown(t).every((c) => c.n === 0)).toBe(true);
        }
      }),
      { seed: 16, numRuns: 2000 },
    );
  });

  it('shows every cell it does not have to hide with its own count, in its order', () => {
    fc.assert(
      fc.property(cells, (input) => {
        const t = suppressSmallCells(input, 'persons');
        expect(t.cells.map((c) => c.key)).toEqual(input.filter((c) => c.key !== 'other').map((c) => c.key));
        for (const c of t.cells) {
          const original = input.find((i) => i.key === c.key)!;
          if (c.n !== null) expect(c.n).toBe(original.n);
          if (c.suppressed === 'small') expect(original.n === 1 || original.n === 2).toBe(true);
          if (c.suppressed === null) expect(original.n === 1 || original.n === 2).toBe(false);
        }
      }),
      { seed: 17, numRuns: 2000 },
    );
  });

  it('does not suppress counts of organizations', () => {
    fc.assert(
      fc.property(cells, (input) => {
        const t = suppressSmallCells(input, 'organizations');
        expect(t.cells.map((c) => c.n)).toEqual(input.map((c) => c.n));
        expect(t.suppressedAny).toBe(false);
      }),
      { seed: 18, numRuns: 500 },
    );
  });

  it('suppresses the next smallest cell when "khác" would be 1–2 (secondary suppression)', () => {
    const input: CellIn[] = [
      { key: 'buddhism', n: 40 },
      { key: 'catholicism', n: 5 },
      { key: 'protestantism', n: 1 },
      { key: 'cao_dai', n: 7 },
    ];
    const t = suppressSmallCells(input, 'persons');
    expect(t.cells).toEqual([
      { key: 'buddhism', n: 40, amount: null, suppressed: null },
      { key: 'catholicism', n: null, amount: null, suppressed: 'secondary' },
      { key: 'protestantism', n: null, amount: null, suppressed: 'small' },
      { key: 'cao_dai', n: 7, amount: null, suppressed: null },
    ]);
    expect(t.other.n).toBe(6);
  });
});
