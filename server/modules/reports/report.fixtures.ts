/**
 * Report objects built by hand, for the documents' tests and the DOCX benchmark: the narrative,
 * the DOCX, the workbook and the CSV are checked against figures worked out here, independently
 * of the report engine. `children` always add up to `figures`, as the engine guarantees.
 */
import type { PetitionChannel, PetitionKind } from '../../../common/petitions.js';
import {
  emptyPetitions,
  emptyTasks,
  PETITION_COUNT_KEYS,
  TASK_COUNT_KEYS,
  type EntryCell,
  type PetitionCounts,
  type Report,
  type ReportChild,
  type ReportFigures,
  type ReportPetitions,
  type ReportTasks,
} from '../../../common/reports.js';

type Cell = Omit<EntryCell, 'year'> & { year?: number };
type Extras = { registeringUnits?: number; replicated?: number; replicas?: number; collectives?: number; individuals?: number; byForm?: ReportFigures['commendations']['byForm']; petitions?: ReportPetitions; tasks?: ReportTasks };

const COUNTED = (c: Cell) => c.status !== 'draft' && c.status !== 'withdrawn';

export function figures(cells: Cell[], extras: Extras = {}, year = 2024): ReportFigures {
  return {
    entries: {
      total: cells.filter(COUNTED).reduce((s, c) => s + c.n, 0),
      cells: cells.map((c) => ({ ...c, year: c.year ?? year })),
      registeringUnits: extras.registeringUnits ?? 0,
      replicated: extras.replicated ?? 0,
      replicas: extras.replicas ?? 0,
    },
    commendations: { collectives: extras.collectives ?? 0, individuals: extras.individuals ?? 0, byForm: extras.byForm ?? [] },
    petitions: extras.petitions ?? emptyPetitions(),
    tasks: extras.tasks ?? emptyTasks(),
  };
}

type Counts = [received: number, resolved: number, onTime: number, late: number, overdue: number];
const counts = ([received, resolved, resolvedOnTime, resolvedLate, overdue]: Counts): PetitionCounts => ({ received, resolved, resolvedOnTime, resolvedLate, overdue });

/**
 * Petition figures from counts by kind (the totals are their sum; all of a kind's petitions under
 * one category and one channel, enough for the documents' tests).
 */
export function petitionFigures(byKind: Partial<Record<PetitionKind, Counts>>, category = 'land', channel: PetitionChannel = 'in_person'): ReportPetitions {
  const kinds = (Object.entries(byKind) as [PetitionKind, Counts][]).map(([kind, c]) => ({ kind, ...counts(c) }));
  const total = counts([0, 0, 0, 0, 0].map((_, i) => kinds.reduce((s, k) => s + k[PETITION_COUNT_KEYS[i]!], 0)) as Counts);
  return kinds.length ? { ...total, byKind: kinds, byCategory: [{ categoryCode: category, ...total }], byChannel: [{ channel, ...total }] } : emptyPetitions();
}

function sumPetitions(list: ReportPetitions[]): ReportPetitions {
  const out = emptyPetitions();
  const add = (to: PetitionCounts, from: PetitionCounts) => PETITION_COUNT_KEYS.forEach((k) => (to[k] += from[k]));
  /** Adds `item` to the entry of `list` it matches, or appends a copy. */
  const into = <T extends PetitionCounts>(list: T[], same: (x: T) => boolean, item: T) => {
    const have = list.find(same);
    if (have) add(have, item);
    else list.push({ ...item });
  };
  for (const p of list) {
    add(out, p);
    for (const k of p.byKind) into(out.byKind, (x) => x.kind === k.kind, k);
    for (const c of p.byCategory) into(out.byCategory, (x) => x.categoryCode === c.categoryCode, c);
    for (const c of p.byChannel) into(out.byChannel, (x) => x.channel === c.channel, c);
  }
  return out;
}

/** One cell per combination of the dimensions, as the engine sends them. */
function mergeCells(cells: EntryCell[]): EntryCell[] {
  const out = new Map<string, EntryCell>();
  for (const c of cells) {
    const key = [c.year, c.fieldCode, c.kind, c.form, c.level, c.status, c.typical].join('|');
    const seen = out.get(key);
    out.set(key, seen ? { ...seen, n: seen.n + c.n } : { ...c });
  }
  return [...out.values()];
}

/** Adds children's figures: what the engine's `figures` must equal. */
export function sumFigures(list: ReportFigures[]): ReportFigures {
  const byForm = new Map<string, { collectives: number; individuals: number }>();
  for (const f of list) {
    for (const b of f.commendations.byForm) {
      const acc = byForm.get(b.formCode) ?? { collectives: 0, individuals: 0 };
      byForm.set(b.formCode, { collectives: acc.collectives + b.collectives, individuals: acc.individuals + b.individuals });
    }
  }
  const sum = (pick: (f: ReportFigures) => number) => list.reduce((s, f) => s + pick(f), 0);
  return {
    entries: {
      total: sum((f) => f.entries.total),
      cells: mergeCells(list.flatMap((f) => f.entries.cells)),
      registeringUnits: sum((f) => f.entries.registeringUnits),
      replicated: sum((f) => f.entries.replicated),
      replicas: sum((f) => f.entries.replicas),
    },
    commendations: { collectives: sum((f) => f.commendations.collectives), individuals: sum((f) => f.commendations.individuals), byForm: [...byForm].map(([formCode, v]) => ({ formCode, ...v })) },
    petitions: sumPetitions(list.map((f) => f.petitions)),
    // Distinct documents are not a sum: the largest child's is a lower bound; fixtures that quote it set it.
    tasks: Object.fromEntries(TASK_COUNT_KEYS.map((k) => [k, k === 'documents' ? Math.max(0, ...list.map((f) => f.tasks.documents)) : sum((f) => f.tasks[k])])) as ReportTasks,
  };
}

const unit = (id: string, name: string, kind: string, code: string | null, validTo: string | null = null) => ({ id, name, kind, code, validFrom: null, validTo });

export const FIXTURE_FIELDS: Report['fields'] = [
  { code: 'economic', names: { vi: 'Kinh tế', en: 'Economic' } },
  { code: 'cultural_social', names: { vi: 'Văn hóa – xã hội', en: 'Cultural–social' } },
  { code: 'defense_security', names: { vi: 'Quốc phòng – an ninh', en: 'National defense & security' } },
  { code: 'party_building', names: { vi: 'Xây dựng Đảng và hệ thống chính trị', en: 'Building the Party and the political system' } },
];

export const FIXTURE_COMMENDATION_FORMS: Report['commendationForms'] = [
  { code: 'certificate_of_merit', names: { vi: 'Giấy khen', en: 'Certificate of merit' } },
  { code: 'commendation_certificate', names: { vi: 'Bằng khen', en: 'Certificate of commendation' } },
];

export const FIXTURE_PETITION_CATEGORIES: Report['petitionCategories'] = [
  { code: 'land', names: { vi: 'Đất đai, giải phóng mặt bằng', en: 'Land and site clearance' } },
  { code: 'environment', names: { vi: 'Môi trường', en: 'Environment' } },
];

const HOA_LU = figures(
  [
    { fieldCode: 'economic', kind: 'model', form: 'collective', level: 'commune', status: 'implementing', typical: false, n: 20 },
    { fieldCode: 'economic', kind: 'model', form: 'individual', level: 'commune', status: 'recognised', typical: true, n: 5 },
    { fieldCode: 'economic', kind: 'typical_example', form: 'individual', level: 'commune', status: 'recognised', typical: true, n: 8 },
    { fieldCode: 'party_building', kind: 'typical_example', form: 'individual', level: 'commune', status: 'evaluated', typical: false, n: 13 },
    { fieldCode: 'economic', kind: 'model', form: 'collective', level: 'commune', status: 'draft', typical: false, n: 7 },
  ],
  { registeringUnits: 10, replicated: 4, replicas: 10, collectives: 6, individuals: 3, byForm: [{ formCode: 'certificate_of_merit', collectives: 4, individuals: 3 }, { formCode: 'commendation_certificate', collectives: 2, individuals: 0 }] },
);
const GIA_VIEN = figures(
  [
    { fieldCode: 'cultural_social', kind: 'model', form: 'collective', level: 'district', status: 'accepted', typical: false, n: 10 },
    { fieldCode: 'cultural_social', kind: 'model', form: 'individual', level: 'commune', status: 'registered', typical: false, n: 3 },
    { fieldCode: 'cultural_social', kind: 'typical_example', form: 'collective', level: 'district', status: 'implementing', typical: false, n: 30 },
    { fieldCode: 'defense_security', kind: 'model', form: 'collective', level: 'commune', status: 'recognised', typical: true, n: 3 },
    { fieldCode: 'cultural_social', kind: 'typical_example', form: 'individual', level: 'commune', status: 'withdrawn', typical: false, n: 2 },
  ],
  { registeringUnits: 11, replicated: 2, replicas: 5, collectives: 3, individuals: 2, byForm: [{ formCode: 'certificate_of_merit', collectives: 2, individuals: 1 }, { formCode: 'commendation_certificate', collectives: 1, individuals: 1 }] },
);
const OWN = figures(
  [
    { fieldCode: 'economic', kind: 'model', form: 'collective', level: 'province', status: 'evaluated', typical: false, n: 4 },
    { fieldCode: 'defense_security', kind: 'typical_example', form: 'collective', level: 'province', status: 'recognised', typical: true, n: 26 },
  ],
  { registeringUnits: 1, collectives: 1, byForm: [{ formCode: 'commendation_certificate', collectives: 1, individuals: 0 }] },
);

/**
 * Ninh Bình, 2024: 22 registering units, 122 counted entries (93 collective, 29 individual;
 * 45 models, 77 typical examples), plus 7 drafts and 2 withdrawn that do not count; 10
 * collectives and 5 individuals commended; 2023 had 100 entries and 17 commendations.
 */
export function reportFixture(overrides: Partial<Report> = {}): Report {
  const children: ReportChild[] = [
    { unit: unit('501', 'Phường Hoa Lư', 'commune', '14386'), figures: HOA_LU },
    { unit: unit('502', 'Xã Gia Viễn', 'commune', '14404'), figures: GIA_VIEN },
    { unit: null, figures: OWN },
  ];
  return {
    unit: { ...unit('500', 'Tỉnh Ninh Bình', 'province', '37'), inForce: true },
    range: { period: 'year', from: '2024-01-01', to: '2024-12-31', basis: 'year', label: '2024' },
    previousRange: { period: 'year', from: '2023-01-01', to: '2023-12-31', basis: 'year', label: '2023' },
    figures: sumFigures(children.map((c) => c.figures)),
    previous: figures(
      [
        { fieldCode: 'economic', kind: 'model', form: 'collective', level: 'commune', status: 'implementing', typical: false, n: 60 },
        { fieldCode: 'cultural_social', kind: 'typical_example', form: 'individual', level: 'commune', status: 'recognised', typical: true, n: 40 },
      ],
      { registeringUnits: 18, replicated: 3, replicas: 4, collectives: 12, individuals: 5 },
      2023,
    ),
    children,
    attribution: { retiredEntries: 35, partialEntries: 5, retiredCommendations: 4, partialCommendations: 1 },
    fields: FIXTURE_FIELDS,
    commendationForms: FIXTURE_COMMENDATION_FORMS,
    petitionCategories: FIXTURE_PETITION_CATEGORIES,
    generatedAt: '2024-12-15T08:30:00.000Z',
    ...overrides,
  };
}

/** A report with no records at all, in the current and the previous year. */
export function emptyReportFixture(overrides: Partial<Report> = {}): Report {
  const none = figures([]);
  return reportFixture({
    figures: none,
    previous: figures([], {}, 2023),
    children: [{ unit: unit('501', 'Phường Hoa Lư', 'commune', '14386'), figures: none }],
    attribution: { retiredEntries: 0, partialEntries: 0, retiredCommendations: 0, partialCommendations: 0 },
    ...overrides,
  });
}

/**
 * The Ninh Bình report with petitions: Hoa Lư 70 received (60 resolved, 57 on time, 2 overdue),
 * Gia Viễn 40 (33 resolved, 32 on time, 1 overdue), the province's own 10 (7 resolved, 6 on
 * time): 120 received, 100 resolved (95 on time), 3 overdue; 2023 had 90.
 */
export function petitionReportFixture(): Report {
  const base = reportFixture();
  const petitions = [
    petitionFigures({ recommendation: [50, 45, 43, 2, 1], complaint: [20, 15, 14, 1, 1] }),
    petitionFigures({ recommendation: [30, 25, 25, 0, 1], denunciation: [10, 8, 7, 1, 0] }, 'environment', 'hotline'),
    petitionFigures({ recommendation: [10, 7, 6, 1, 0] }),
  ];
  const children = base.children.map((c, i) => ({ ...c, figures: { ...c.figures, petitions: petitions[i]! } }));
  return {
    ...base,
    children,
    figures: sumFigures(children.map((c) => c.figures)),
    previous: { ...base.previous, petitions: petitionFigures({ recommendation: [90, 80, 70, 10, 4] }) },
  };
}

/**
 * A province with `childCount` communes, each with a spread of entries over every field, kind,
 * form, level and status (deterministic), for the DOCX benchmark and the large-table tests.
 */
export function largeReportFixture(childCount = 130): Report {
  const statuses = ['registered', 'accepted', 'implementing', 'evaluated', 'recognised'] as const;
  const children: ReportChild[] = Array.from({ length: childCount }, (_, i) => {
    const cells: Cell[] = [];
    FIXTURE_FIELDS.forEach((f, fi) => {
      for (const kind of ['model', 'typical_example'] as const) {
        for (const form of ['collective', 'individual'] as const) {
          const status = statuses[(i + fi) % statuses.length]!;
          cells.push({ fieldCode: f.code, kind, form, level: i % 3 === 0 ? 'district' : 'commune', status, typical: status === 'recognised', n: 1 + ((i * 7 + fi * 3 + (kind === 'model' ? 1 : 2)) % 9) });
        }
      }
    });
    const n = (k: number) => 1 + ((i * k) % 5);
    return {
      unit: unit(String(10_000 + i), `Xã Thử Nghiệm ${i + 1}`, 'commune', String(20_000 + i).padStart(5, '0')),
      figures: figures(cells, { registeringUnits: n(3), replicated: n(5), replicas: n(7) * 2, collectives: n(2), individuals: n(4), byForm: [{ formCode: 'certificate_of_merit', collectives: n(2), individuals: n(4) }] }),
    };
  });
  const total = sumFigures(children.map((c) => c.figures));
  return reportFixture({ children, figures: total, unit: { ...unit('9000', 'Tỉnh Thử Nghiệm', 'province', '99'), inForce: true } });
}

const tasks = (t: Partial<ReportTasks>): ReportTasks => ({ ...emptyTasks(), ...t });

/**
 * The Ninh Bình report with the implementation of documents: Hoa Lư 30 leaves (12 done, 3
 * overdue), Gia Viễn 20 (8 done, 2 overdue), the province's own 5 (3 done); 2 documents in all;
 * 9 units tasked, 7 reported; 4 working sessions; round submissions 6 on time, 1 late.
 */
export function taskReportFixture(): Report {
  const base = reportFixture();
  const perChild = [
    tasks({ documents: 2, assigned: 30, due: 10, done: 12, open: 18, overdue: 3, unitsTasked: 5, unitsReported: 4, sessions: 2, submittedOnTime: 3, submittedLate: 1 }),
    tasks({ documents: 1, assigned: 20, due: 6, done: 8, open: 12, overdue: 2, unitsTasked: 3, unitsReported: 2, sessions: 1, submittedOnTime: 3 }),
    tasks({ documents: 1, assigned: 5, due: 2, done: 3, open: 2, unitsTasked: 1, unitsReported: 1, sessions: 1 }),
  ];
  const children = base.children.map((c, i) => ({ ...c, figures: { ...c.figures, tasks: perChild[i]! } }));
  const total = sumFigures(children.map((c) => c.figures));
  total.tasks.documents = 2;
  return { ...base, children, figures: total, previous: { ...base.previous, tasks: tasks({ documents: 1, assigned: 40, done: 10, open: 30, overdue: 5, unitsTasked: 8, unitsReported: 5 }) } };
}
