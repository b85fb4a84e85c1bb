/**
 * A small province report as the engine returns it (common/reports.ts), for the web unit tests:
 * two communes (one retired), the province's own records, three fields. Its figures add up the
 * way the engine promises: children + own = total.
 */
import { emptyPetitions, emptyTasks, type EntryCell, type Report, type ReportFigures, type ReportPetitions, type ReportView, reportView } from '../../../common/reports';

type CellInput = Partial<EntryCell> & { n: number };

function cell(c: CellInput): EntryCell {
  return { year: 2024, fieldCode: 'economic', kind: 'model', form: 'collective', level: 'commune', status: 'registered', typical: false, ...c };
}

export function figures(cells: CellInput[], extra: { registeringUnits?: number; replicated?: number; collectives?: number; individuals?: number; petitions?: ReportPetitions } = {}): ReportFigures {
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
    petitions: extra.petitions ?? emptyPetitions(),
    tasks: emptyTasks(),
  };
}

/** Petitions of one kind, category and channel: [received, resolved, on time, late, overdue]. */
function petitions(kind: 'recommendation' | 'complaint', categoryCode: string, [received, resolved, resolvedOnTime, resolvedLate, overdue]: number[]): ReportPetitions {
  const c = { received: received!, resolved: resolved!, resolvedOnTime: resolvedOnTime!, resolvedLate: resolvedLate!, overdue: overdue! };
  return { ...c, byKind: [{ kind, ...c }], byCategory: [{ categoryCode, ...c }], byChannel: [{ channel: 'in_person', ...c }] };
}

const unit = (id: string, name: string, validTo: string | null = null) => ({ id, name, kind: 'commune', code: null, validFrom: null, validTo });

const own = figures([{ level: 'province', fieldCode: 'culture_social', kind: 'typical_example', form: 'individual', status: 'recognised', typical: true, n: 1 }], {
  registeringUnits: 1,
  individuals: 2,
  petitions: petitions('complaint', 'environment', [4, 2, 1, 1, 1]),
});
const hoaLu = figures(
  [
    { fieldCode: 'economic', n: 3 },
    { fieldCode: 'economic', kind: 'typical_example', form: 'individual', status: 'accepted', n: 2 },
    { fieldCode: 'defense_security', status: 'implementing', n: 1 },
    { fieldCode: 'economic', status: 'draft', n: 4 },
  ],
  { registeringUnits: 1, replicated: 1, collectives: 1, petitions: petitions('recommendation', 'land', [10, 8, 7, 1, 2]) },
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
    // No tasks in this fixture.
    tasks: emptyTasks(),
    // Each part's petitions are of one kind, category and channel, all different here: the lists concatenate.
    petitions: {
      ...Object.fromEntries((['received', 'resolved', 'resolvedOnTime', 'resolvedLate', 'overdue'] as const).map((k) => [k, parts.reduce((s, p) => s + p.petitions[k], 0)])),
      byKind: parts.flatMap((p) => p.petitions.byKind),
      byCategory: parts.flatMap((p) => p.petitions.byCategory),
      byChannel: parts.flatMap((p) => p.petitions.byChannel).reduce<ReportPetitions['byChannel']>((acc, c) => {
        const have = acc.find((x) => x.channel === c.channel);
        if (!have) return [...acc, { ...c }];
        for (const k of ['received', 'resolved', 'resolvedOnTime', 'resolvedLate', 'overdue'] as const) have[k] += c[k];
        return acc;
      }, []),
    } as ReportPetitions,
  };
}

/** As the engine builds it (every child's cells)… */
export const FULL_REPORT: Report = {
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
  commendationForms: [{ code: 'certificate_of_merit', names: { vi: 'Giấy khen', en: 'Certificate of merit' } }],
  petitionCategories: [
    { code: 'land', names: { vi: 'Đất đai, giải phóng mặt bằng', en: 'Land and site clearance' } },
    { code: 'environment', names: { vi: 'Môi trường', en: 'Environment' } },
  ],
  generatedAt: '2026-11-21T12:00:00.000Z',
};

/** …and as GET /api/reports answers it (children by their headline figures). */
export const REPORT: ReportView = reportView(FULL_REPORT);
