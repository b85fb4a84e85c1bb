/** The rows of a review's figure tables, folded from the report snapshot's cells (pure, unit-tested). */
import { countCells, crossTab, type Report } from '../../../common/reports';

export type FieldRow = { code: string; name: string; models: number; typical: number; total: number };
export type ChildRow = { key: string; name: string; models: number; typical: number; total: number; collectives: number; individuals: number };

/** Counted entries by field and kind, fields in the report's order plus any code the cells use that `fields` lacks; empty fields left out. */
export function fieldRows(report: Report, language: string): FieldRow[] {
  const byFieldKind = crossTab(report.figures.entries.cells, ['fieldCode', 'kind']);
  const codes = new Set([...report.fields.map((f) => f.code), ...report.figures.entries.cells.map((c) => c.fieldCode)]);
  return [...codes]
    .map((code) => {
      const names = report.fields.find((f) => f.code === code)?.names ?? {};
      const models = byFieldKind.get(`${code}|model`) ?? 0;
      const typical = byFieldKind.get(`${code}|typical_example`) ?? 0;
      return { code, name: names[language] ?? names.vi ?? code, models, typical, total: models + typical };
    })
    .filter((r) => r.total > 0);
}

/**
 * Child units with something to show, largest first, and how many were left out: a city has over a
 * hundred wards, most with nothing in a quarter. `ownName` names the unit's own records.
 */
export function childRows(report: Report, ownName: string): { rows: ChildRow[]; hidden: number } {
  const all = report.children.map((c, i) => ({
    key: c.unit?.id ?? `own-${i}`,
    name: c.unit?.name ?? ownName,
    models: countCells(c.figures.entries.cells, { kind: 'model' }),
    typical: countCells(c.figures.entries.cells, { kind: 'typical_example' }),
    total: c.figures.entries.total,
    collectives: c.figures.commendations.collectives,
    individuals: c.figures.commendations.individuals,
  }));
  const rows = all.filter((c) => c.total + c.collectives + c.individuals > 0).sort((a, b) => b.total - a.total || a.name.localeCompare(b.name));
  return { rows, hidden: all.length - rows.length };
}
