/**
 * Small-cell suppression (docs/situation.md §4, §9): a table of counts of *persons* by religion or
 * ethnicity meant for a wide audience shows no cell of 1–2 persons, since such a cell can point at
 * someone. Each such cell is shown as "< 3" and its count moves into "khác" (other), so the total
 * still adds up. When "khác" itself ends at 1–2, the next smallest shown cell is suppressed too
 * (secondary suppression), until "khác" is 0 or at least 3; if nothing is left to move, "khác" is
 * hidden as well. Counts of organizations or places are not about persons and pass unchanged.
 */

export const SMALL_CELL_MAX = 2;

export type CellIn = {
  key: string;
  /** Persons (or organizations) counted in the cell. */
  n: number;
  /** An additive figure that travels with the count (the support's amount), hidden with it. */
  amount?: number;
};

export type CellOut = {
  key: string;
  /** The count, or null when suppressed (shown "< 3" or, after secondary suppression, folded into other). */
  n: number | null;
  amount: number | null;
  /** Why the count is hidden: a cell of 1–2, or a larger cell hidden so that "khác" is not 1–2. */
  suppressed: null | 'small' | 'secondary';
};

export type SuppressedTable = {
  cells: CellOut[];
  /** "Khác": what was moved out of suppressed cells; null when itself hidden (a table with fewer than 3 persons). */
  other: { n: number | null; amount: number | null };
  /** The total, always shown: the sum of the input. */
  total: { n: number; amount: number };
  suppressedAny: boolean;
};

/** A count of 1–2 persons: shown to a wide audience as "< 3", never as itself. */
export const isSmall = (n: number) => n >= 1 && n <= SMALL_CELL_MAX;

/**
 * Suppresses a table of counts. `kind: 'organizations'` returns the cells as they are (not persons).
 * Input cells are kept in their order; a cell keyed `other` in the input is merged into "khác".
 */
export function suppressSmallCells(input: readonly CellIn[], kind: 'persons' | 'organizations'): SuppressedTable {
  const total = { n: input.reduce((s, c) => s + c.n, 0), amount: input.reduce((s, c) => s + (c.amount ?? 0), 0) };
  if (kind === 'organizations') {
    return { cells: input.map((c) => ({ key: c.key, n: c.n, amount: c.amount ?? null, suppressed: null })), other: { n: 0, amount: 0 }, total, suppressedAny: false };
  }
  const other = { n: 0, amount: 0 };
  const out: CellOut[] = [];
  for (const c of input) {
    if (c.key === 'other') {
      other.n += c.n;
      other.amount += c.amount ?? 0;
      continue;
    }
    if (isSmall(c.n)) {
      other.n += c.n;
      other.amount += c.amount ?? 0;
      out.push({ key: c.key, n: null, amount: null, suppressed: 'small' });
    } else out.push({ key: c.key, n: c.n, amount: c.amount ?? null, suppressed: null });
  }
  // Secondary suppression: "khác" must not itself be a small cell.
  while (isSmall(other.n)) {
    let next: CellOut | undefined;
    for (const c of out) if (c.suppressed === null && c.n !== null && c.n > 0 && (!next || c.n < next.n!)) next = c;
    if (!next) break;
    other.n += next.n!;
    other.amount += next.amount ?? 0;
    next.n = null;
    next.amount = null;
    next.suppressed = 'secondary';
  }
  const hideOther = isSmall(other.n);
  return {
    cells: out,
    other: hideOther ? { n: null, amount: null } : other,
    total,
    suppressedAny: out.some((c) => c.suppressed !== null) || hideOther,
  };
}

/** The table as it stands when no suppression applies (exact figures for holders of situation.identity). */
export function exactCells(input: readonly CellIn[]): SuppressedTable {
  return suppressSmallCells(input, 'organizations');
}
