import { describe, expect, it } from 'vitest';
import { REPORT, figures } from './report-fixture';
import { childRows, entriesByYear, fieldKindFormRows, fieldLabel, funnel, headline, isEmptyReport, levelStatusRows, petitionKindRows } from './report-figures';

describe('the headline figures', () => {
  it('fold the counted cells (drafts left out) and take the engine’s own counts', () => {
    expect(headline(REPORT.figures)).toEqual({
      entries: 9,
      models: 6,
      typicalExamples: 3,
      collective: 6,
      individual: 3,
      registeringUnits: 3,
      recognisedTypical: 1,
      replicated: 1,
      commendedCollectives: 1,
      commendedIndividuals: 2,
      petitionsReceived: 14,
    });
  });

  it('give petitions by every kind, zeros included, adding up to the totals', () => {
    const rows = petitionKindRows(REPORT.figures);
    expect(rows.map((r) => [r.kind, r.received, r.resolved, r.resolvedOnTime, r.overdue])).toEqual([
      ['recommendation', 10, 8, 7, 2],
      ['complaint', 4, 2, 1, 1],
      ['denunciation', 0, 0, 0, 0],
    ]);
    for (const k of ['received', 'resolved', 'resolvedOnTime', 'resolvedLate', 'overdue'] as const) expect(rows.reduce((s, r) => s + r[k], 0)).toBe(REPORT.figures.petitions[k]);
  });

  it('call a range with nothing in it empty, and one with only a draft not', () => {
    expect(isEmptyReport(figures([]))).toBe(true);
    expect(isEmptyReport(figures([], { individuals: 1 }))).toBe(false);
    expect(isEmptyReport(figures([{ status: 'draft', n: 1 }]))).toBe(false);
    expect(isEmptyReport({ ...figures([]), petitions: { ...figures([]).petitions, received: 1 } })).toBe(false);
  });
});

describe('the cross-tabs', () => {
  it('give field × kind × form in the catalogue’s order, with names in the language or in Vietnamese', () => {
    const rows = fieldKindFormRows(REPORT, 'en');
    expect(rows.map((r) => [r.fieldCode, r.name, r.total])).toEqual([
      ['economic', 'Economic', 5],
      ['culture_social', 'Cultural and social', 3],
      ['defense_security', 'Quốc phòng, an ninh', 1],
    ]);
    expect(rows[0]?.counts).toEqual({ 'model|collective': 3, 'model|individual': 0, 'typical_example|collective': 0, 'typical_example|individual': 2 });
    // The rows add up to the headline total.
    expect(rows.reduce((s, r) => s + r.total, 0)).toBe(REPORT.figures.entries.total);
  });

  it('fall back to the code for a field the report does not name', () => {
    expect(fieldLabel(REPORT, 'unknown_field', 'vi')).toBe('unknown_field');
    expect(fieldLabel(REPORT, 'economic', 'ar')).toBe('اقتصادي');
    expect(fieldLabel(REPORT, 'culture_social', 'ar')).toBe('Văn hóa – xã hội');
  });

  it('give level × status over the counted statuses, levels without entries left out', () => {
    const rows = levelStatusRows(REPORT.figures);
    expect(rows.map((r) => [r.level, r.total])).toEqual([
      ['province', 1],
      ['district', 2],
      ['commune', 6],
    ]);
    expect(rows[2]?.counts).toMatchObject({ registered: 3, accepted: 2, implementing: 1, recognised: 0 });
    expect(Object.keys(rows[0]?.counts ?? {})).not.toContain('draft');
  });
});

describe('the breakdown by child unit', () => {
  it('puts the own records first, keeps the children in order, marks retired ones, and adds up to the total', () => {
    const rows = childRows(REPORT);
    expect(rows.map((r) => [r.key, r.name, r.retired, r.figures.entries])).toEqual([
      ['own', null, false, 1],
      ['21', 'Phường Hoa Lư', false, 6],
      ['22', 'Huyện Hoa Lư cũ', true, 2],
      ['23', 'Xã Trống', false, 0],
    ]);
    expect(rows.reduce((s, r) => s + r.figures.entries, 0)).toBe(headline(REPORT.figures).entries);
  });
});

describe('the status funnel and the years', () => {
  it('counts how many entries reached at least each step', () => {
    expect(funnel(REPORT.figures)).toEqual([
      { stage: 'registered', n: 9 },
      { stage: 'accepted', n: 6 },
      { stage: 'implementing', n: 4 },
      { stage: 'evaluated', n: 3 },
      { stage: 'recognised', n: 1 },
    ]);
  });

  it('lists every year of the range, with zeros', () => {
    expect(entriesByYear(REPORT.figures, 2022, 2024)).toEqual([
      { year: 2022, byKind: { model: 0, typical_example: 0 } },
      { year: 2023, byKind: { model: 2, typical_example: 0 } },
      { year: 2024, byKind: { model: 4, typical_example: 3 } },
    ]);
  });
});
