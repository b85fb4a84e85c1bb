import { describe, expect, it } from 'vitest';
import { emptyPetitions, emptyTasks, type EntryCell, type Report, type ReportFigures } from '../../../common/reports';
import { childRows, fieldRows } from './review-figure-rows';

const cell = (c: Partial<EntryCell> & { n: number }): EntryCell => ({ year: 2023, fieldCode: 'economic', kind: 'model', form: 'collective', level: 'commune', status: 'registered', typical: false, ...c });
const figures = (cells: EntryCell[], commended = 0): ReportFigures => ({
  entries: { total: cells.filter((c) => c.status !== 'draft' && c.status !== 'withdrawn').reduce((s, c) => s + c.n, 0), cells, registeringUnits: 1, replicated: 0, replicas: 0 },
  commendations: { collectives: commended, individuals: 0, byForm: [] },
  petitions: emptyPetitions(),
  tasks: emptyTasks(),
});
const unit = (id: string, name: string) => ({ id, name, kind: 'commune', code: null, validFrom: null, validTo: null });

const baDinh = figures([cell({ n: 3 }), cell({ kind: 'typical_example', n: 1 }), cell({ status: 'draft', n: 5 })]);
const ngocHa = figures([cell({ fieldCode: 'defense_security', n: 4 })]);
const empty = figures([]);
const commendedOnly = figures([], 2);
const all = figures([...baDinh.entries.cells, ...ngocHa.entries.cells], 2);
const report = {
  unit: { ...unit('1', 'Thành phố Hà Nội'), kind: 'province', inForce: true },
  fields: [
    { code: 'culture_social', names: { vi: 'Văn hóa – xã hội', en: 'Culture and society' } },
    { code: 'economic', names: { vi: 'Kinh tế', en: 'Economy' } },
  ],
  figures: all,
  children: [
    { unit: unit('2', 'Phường Ba Đình'), figures: baDinh },
    { unit: unit('3', 'Phường Bạch Mai'), figures: empty },
    { unit: unit('4', 'Phường Ngọc Hà'), figures: ngocHa },
    { unit: null, figures: commendedOnly },
  ],
} as unknown as Report;

describe('review figure rows', () => {
  it('folds counted cells by field and kind, in the report order, naming a field without a name by its code', () => {
    expect(fieldRows(report, 'en')).toEqual([
      { code: 'economic', name: 'Economy', models: 3, typical: 1, total: 4 },
      { code: 'defense_security', name: 'defense_security', models: 4, typical: 0, total: 4 },
    ]);
    expect(fieldRows(report, 'sv')[0]?.name).toBe('Kinh tế');
  });

  it('lists the child units with records, largest first, and counts the ones left out', () => {
    const { rows, hidden } = childRows(report, 'Thành phố Hà Nội (trực tiếp)');
    expect(rows.map((r) => [r.name, r.total, r.models, r.typical, r.collectives])).toEqual([
      ['Phường Ba Đình', 4, 3, 1, 0],
      ['Phường Ngọc Hà', 4, 4, 0, 0],
      ['Thành phố Hà Nội (trực tiếp)', 0, 0, 0, 2],
    ]);
    expect(hidden).toBe(1);
  });
});
