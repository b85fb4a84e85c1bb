/**
 * A small province report as the engine returns it (common/reports.ts), for the web unit tests:
 * two communes (one retired), the province's own records, three fields. Its figures add up the
 * way the engine promises: children + own = total.
 */
import type { EntryCell, Report, ReportFigures } from '../../../common/reports';

type CellInput = Partial<EntryCell> & { n: number };

function cell(c: CellInput): EntryCell {
  return { year: 2024, fieldCode: 'economic', kind: 'model', form: 'collective', level: 'commune', status: 'registered', typical: false, ...c };
}

export function figures(cells: CellInput[], extra: { registeringUnits?: number; replicated?: number; collectives?: number; individuals?: number } = {}): ReportFigures {
  const all = cells.map(cell);
  return {
    entries: {
      total: all.filter((c) => c.status !== 'draft' && c.status !== 'withdrawn').reduce((s, c) => s + c.n, 0),
      cells: all,
      registeringUnits: extra.registeringUnits ?? 0,
      replicated: extra.replicated ?? 0,
      replicas: extra.replicated ?? 0,
    },
    commendations: { collectives: extra.collectives ?? 0, individuals: extra.individuals ?? 0, byForm: [] },
  };
}

const unit = (id: string, name: string, validTo: string | null = null) => ({ id, name, kind: 'commune', code: null, validFrom: null, validTo });

const own = figures([{ level: 'province', fieldCode: 'culture_social', kind: 'typical_example', form: 'individual', status: 'recognised', typical: true, n: 1 }], { registeringUnits: 1, individuals: 2 });
const hoaLu = figures(
  [
    { fieldCode: 'economic', n: 3 },
    { fieldCode: 'economic', kind: 'typical_example', form: 'individual', status: 'accepted', n: 2 },
    { fieldCode: 'defense_security', status: 'implementing', n: 1 },
    { fieldCode: 'economic', status: 'draft', n: 4 },
  ],
  { registeringUnits: 1, replicated: 1, collectives: 1 },
);
const retired = figures([{ fieldCode: 'culture_social', level: 'district', status: 'evaluated', year: 2023, n: 2 }], { registeringUnits: 1 });

function sum(parts: ReportFigures[]): ReportFigures {
  return {
    entries: {
      total: parts.reduce((s, p) => s + p.entries.total, 0),
      cells: parts.flatMap((p) => p.entries.cells),
      registeringUnits: parts.reduce((s, p) => s + p.entries.registeringUnits, 0),
      replicated: parts.reduce((s, p) => s + p.entries.replicated, 0),
      replicas: parts.reduce((s, p) => s + p.entries.replicas, 0),
    },
    commendations: {
      collectives: parts.reduce((s, p) => s + p.commendations.collectives, 0),
      individuals: parts.reduce((s, p) => s + p.commendations.individuals, 0),
      byForm: [],
    },
  };
}

export const REPORT: Report = {
  unit: { id: '10', name: 'Tỉnh Ninh Bình', kind: 'province', code: '37', validFrom: '2025-07-01', validTo: null, inForce: true },
  range: { period: 'custom', from: '2023-01-01', to: '2024-12-31', basis: 'year', label: '2023–2024' },
  previousRange: { period: 'custom', from: '2021-01-01', to: '2022-12-31', basis: 'year', label: '2021–2022' },
  figures: sum([own, hoaLu, retired]),
  previous: figures([{ fieldCode: 'economic', n: 4, year: 2022 }], { registeringUnits: 2, collectives: 3 }),
  children: [
    { unit: unit('21', 'Phường Hoa Lư'), figures: hoaLu },
    { unit: null, figures: own },
    { unit: unit('22', 'Huyện Hoa Lư cũ', '2025-06-30'), figures: retired },
    { unit: unit('23', 'Xã Trống'), figures: figures([]) },
  ],
  attribution: { retiredEntries: 2, partialEntries: 1, retiredCommendations: 0, partialCommendations: 0 },
  fields: [
    { code: 'economic', names: { vi: 'Kinh tế', en: 'Economic', ar: 'اقتصادي' } },
    { code: 'culture_social', names: { vi: 'Văn hóa – xã hội', en: 'Cultural and social' } },
    { code: 'defense_security', names: { vi: 'Quốc phòng, an ninh' } },
  ],
  generatedAt: '2026-11-21T12:00:00.000Z',
};
