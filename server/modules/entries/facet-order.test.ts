/**
 * The status filter lists statuses in the workflow's order, not in the alphabetical order of the
 * English codes ("accepted, draft, evaluated, …"); levels go province → commune, not
 * "commune, district, province".
 */
import { describe, expect, it } from 'vitest';
import { ENTRY_ACTIONS, ENTRY_LEVELS, ENTRY_STATUSES, type Facet, STATUS_ORDER } from '../../../common/entries.js';
import { sumFacets } from './entries-list.service.js';

const cell = (facet: Facet, value: string) => ({ facet, value, missed: null, n: 1 });

describe('the order of facet values', () => {
  it('follows the workflow for statuses and the hierarchy for levels, years by number', () => {
    const alphabetical = [...ENTRY_STATUSES].sort();
    const cells = [...alphabetical.map((s) => cell('status', s)), ...[...ENTRY_LEVELS].sort().map((l) => cell('level', l)), cell('year', '2026'), cell('year', '2025')];
    const { facets } = sumFacets(cells);
    expect(facets.status.map((v) => v.value)).toEqual([...STATUS_ORDER]);
    expect(facets.level.map((v) => v.value)).toEqual(['province', 'district', 'commune']);
    expect(facets.year.map((v) => v.value)).toEqual(['2025', '2026']);
  });

  it('STATUS_ORDER holds every status once, draft first and withdrawn last, each reached from one before it', () => {
    expect([...STATUS_ORDER].sort()).toEqual([...ENTRY_STATUSES].sort());
    expect(STATUS_ORDER[0]).toBe('draft');
    expect(STATUS_ORDER.at(-1)).toBe('withdrawn');
    for (const status of STATUS_ORDER.slice(1)) {
      const from = Object.values(ENTRY_ACTIONS).filter((a) => a.to === status).flatMap((a) => a.from as readonly string[]);
      expect(from.some((f) => STATUS_ORDER.indexOf(f as never) < STATUS_ORDER.indexOf(status)), status).toBe(true);
    }
  });
});
