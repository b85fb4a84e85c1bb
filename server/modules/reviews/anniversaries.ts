/**
 * Anniversaries of the mass-mobilization calendar falling in a period, with their ordinal.
 * The days themselves are data (table `anniversaries`); only the arithmetic lives here.
 */

export type AnniversaryDefinition = {
  code: string;
  /** Name by language; `vi` is always present. */
  names: Record<string, string>;
  /** The founding day (ISO date); the anniversary falls on its day and month. */
  originDate: string;
  /** Ordinal in year Y = Y − baseYear. */
  baseYear: number;
  /** `anniversary`: "Kỷ niệm N năm …"; `edition`: "… lần thứ N". */
  kind: 'anniversary' | 'edition';
};

/**
 * A round anniversary in the sense of Decree 145/2013/NĐ-CP on anniversaries: 10 when the ordinal
 * ends in 0 ("năm tròn"), 5 when it ends in 5 ("năm chẵn"), null otherwise. Round ones are those
 * usually marked with a ceremony, so the web highlights them and the document names them.
 */
export type Milestone = 10 | 5 | null;

export type AnniversaryEvent = {
  code: string;
  kind: AnniversaryDefinition['kind'];
  names: Record<string, string>;
  originDate: string;
  /** The day it falls on in the period. */
  date: string;
  ordinal: number;
  milestone: Milestone;
  /** "Kỷ niệm 93 năm Ngày truyền thống công tác dân vận của Đảng (15/10/1930 – 15/10/2023)", "Ngày Dân vận toàn quốc lần thứ 24". */
  labelVi: string;
};

const pad = (n: number) => String(n).padStart(2, '0');
const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

/** 2023-10-15 → 15/10/2023, as Vietnamese documents write dates. */
export function viDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

export function milestoneOf(ordinal: number): Milestone {
  if (ordinal % 10 === 0) return 10;
  if (ordinal % 5 === 0) return 5;
  return null;
}

export function labelVi(def: Pick<AnniversaryDefinition, 'kind' | 'names' | 'originDate'>, date: string, ordinal: number): string {
  const name = def.names.vi ?? '';
  return def.kind === 'edition' ? `${name} lần thứ ${ordinal}` : `Kỷ niệm ${ordinal} năm ${name} (${viDate(def.originDate)} – ${viDate(date)})`;
}

/**
 * Every occurrence of the definitions between `from` and `to` (ISO dates, both included), by date
 * then in the order of the definitions. Years before the first anniversary (ordinal < 1) are
 * skipped; a 29 February origin falls on 28 February in common years.
 */
export function anniversariesIn(from: string, to: string, definitions: readonly AnniversaryDefinition[]): AnniversaryEvent[] {
  if (to < from) return [];
  const out: { event: AnniversaryEvent; order: number }[] = [];
  const firstYear = Number(from.slice(0, 4));
  const lastYear = Number(to.slice(0, 4));
  definitions.forEach((def, order) => {
    const month = Number(def.originDate.slice(5, 7));
    const day = Number(def.originDate.slice(8, 10));
    for (let year = firstYear; year <= lastYear; year++) {
      const ordinal = year - def.baseYear;
      if (ordinal < 1) continue;
      const date = `${year}-${pad(month)}-${pad(month === 2 && day === 29 && !isLeap(year) ? 28 : day)}`;
      if (date < from || date > to) continue;
      out.push({
        order,
        event: { code: def.code, kind: def.kind, names: def.names, originDate: def.originDate, date, ordinal, milestone: milestoneOf(ordinal), labelVi: labelVi(def, date, ordinal) },
      });
    }
  });
  return out.sort((a, b) => (a.event.date < b.event.date ? -1 : a.event.date > b.event.date ? 1 : a.order - b.order)).map((o) => o.event);
}
