/**
 * How a unit is named in tables and pickers: its name with a short context of where it lies, the
 * way an officer writes it ("Phường 5, Quận 3, TP Hồ Chí Minh"), and, where two units of a list
 * would read the same (the Tỉnh Ninh Bình of before and after 1 July 2025), the time each was in
 * force: "Tỉnh Ninh Bình (đến 30/06/2025)", "Tỉnh Ninh Bình (từ 01/07/2025)". Pure: the words and
 * the date format come from the caller (useUnitLabels binds the interface language).
 */

export type LabelledUnit = {
  id: string;
  /** The name to show (already "Huyện Kim Bảng (nay là Thị xã Kim Bảng)" for a hit on a former name). */
  name: string;
  /** Names of the ancestors below the root, top-down ("Thành phố Hồ Chí Minh", "Quận 3"). */
  parents?: readonly string[];
  validFrom: string | null;
  /** First day no longer in force (exclusive), as the API carries it. */
  validTo: string | null;
};

export type UnitLabel = {
  name: string;
  /** ", Quận 3, TP Hồ Chí Minh" without the leading comma: '' for a unit with no parent below the root. */
  context: string;
  /** "đến 30/06/2025", "từ 01/07/2025", or '' when nothing needs telling apart. */
  validity: string;
  /** Everything on one line: "Phường 5, Quận 3, TP Hồ Chí Minh (đến 30/06/2025)". */
  text: string;
};

export type ValidityWords = {
  until: (date: string) => string;
  since: (date: string) => string;
  between: (from: string, to: string) => string;
  date: (iso: string) => string;
};

/** At most this many ancestors name the context: the nearest ones and the province. */
const CONTEXT_PARTS = 3;

/** Official type words written short in a context, as officers write them. */
const SHORT_TYPES: readonly [RegExp, string][] = [[/^Thành phố /u, 'TP ']];

export function shortName(name: string): string {
  return SHORT_TYPES.reduce((n, [long, short]) => n.replace(long, short), name);
}

/**
 * The ancestors that tell where a unit lies, nearest first: all of them up to three, otherwise the
 * two nearest and the province (a unit's own ward or commune and its province say more than a
 * district in between).
 */
export function contextOf(parents: readonly string[] = []): string[] {
  const nearestFirst = [...parents].reverse().map(shortName);
  if (nearestFirst.length <= CONTEXT_PARTS) return nearestFirst;
  return [...nearestFirst.slice(0, CONTEXT_PARTS - 1), nearestFirst[nearestFirst.length - 1]!];
}

/** The day before an ISO date (the last day in force of a unit whose validTo is `iso`). */
function dayBefore(iso: string): string {
  const d = new Date(`${iso.slice(0, 10)}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

function validityOf(u: LabelledUnit, words: ValidityWords): string {
  const last = u.validTo ? words.date(dayBefore(u.validTo)) : null;
  const first = u.validFrom ? words.date(u.validFrom) : null;
  if (first && last) return words.between(first, last);
  if (last) return words.until(last);
  if (first) return words.since(first);
  return '';
}

const join = (name: string, context: string) => (context ? `${name}, ${context}` : name);

/**
 * The labels of the units of one list (a page of a table, the options of a picker), by id. Two
 * different units whose name and context are the same get the time each was in force; a unit
 * repeated in several rows is one unit and reads the same in each.
 */
export function unitLabels(units: readonly LabelledUnit[], words: ValidityWords): Map<string, UnitLabel> {
  const base = new Map<string, { name: string; context: string; unit: LabelledUnit }>();
  for (const u of units) if (!base.has(u.id)) base.set(u.id, { name: u.name, context: contextOf(u.parents).join(', '), unit: u });
  const idsByText = new Map<string, Set<string>>();
  for (const [id, b] of base) {
    const text = join(b.name, b.context);
    idsByText.set(text, (idsByText.get(text) ?? new Set()).add(id));
  }
  const labels = new Map<string, UnitLabel>();
  for (const [id, b] of base) {
    const plain = join(b.name, b.context);
    const validity = (idsByText.get(plain)?.size ?? 0) > 1 ? validityOf(b.unit, words) : '';
    labels.set(id, { name: b.name, context: b.context, validity, text: validity ? `${plain} (${validity})` : plain });
  }
  return labels;
}
