import { describe, expect, it } from 'vitest';
import { petitionListFilters, validatePetitionSearch } from './petition-search';

describe('the petition filters in the URL', () => {
  it('keep the known filters, typed, and drop unknown keys', () => {
    expect(
      validatePetitionSearch({ unitId: '42', view: 'queue', status: 'in_progress', kind: 'complaint', channel: 'hotline', categoryCode: 'land', due: 'overdue', page: '3', bogus: 'x' }),
    ).toEqual({ unitId: '42', view: 'queue', status: 'in_progress', kind: 'complaint', channel: 'hotline', categoryCode: 'land', due: 'overdue', page: 3 });
    expect(validatePetitionSearch({ status: 'any' })).toEqual({ status: 'any' });
  });

  it('drop values the API would refuse instead of sending them', () => {
    expect(
      validatePetitionSearch({ unitId: 'abc', status: 'lost', kind: 'praise', channel: 'fax', categoryCode: 'Đất đai', due: 'soon', page: '1' }),
    ).toEqual({});
    expect(validatePetitionSearch({ page: '2.5', status: '', due: '' })).toEqual({});
    expect(validatePetitionSearch({ page: '-2', categoryCode: 'a' })).toEqual({});
  });

  it('keep the text search, trimmed and cut to what the API takes', () => {
    expect(validatePetitionSearch({ q: '  12/2026 ' })).toEqual({ q: '12/2026' });
    expect(validatePetitionSearch({ q: '   ' })).toEqual({});
    expect(validatePetitionSearch({ q: 'x'.repeat(150) }).q).toHaveLength(100);
    expect(petitionListFilters({ q: 'den duong' })).toEqual({ q: 'den duong', open: 'true' });
  });

  it('keep the queue only with a unit (the API needs one for it)', () => {
    expect(validatePetitionSearch({ view: 'queue' })).toEqual({});
    expect(validatePetitionSearch({ unitId: '7', view: 'all' })).toEqual({ unitId: '7' });
  });

  it('read back what the router wrote (numbers arrive as text after a reload)', () => {
    const first = validatePetitionSearch({ unitId: 9, view: 'queue', status: 'any', page: 2 });
    const reloaded = validatePetitionSearch(Object.fromEntries(Object.entries(first).map(([k, v]) => [k, String(v)])));
    expect(reloaded).toEqual(first);
  });

  it('ask the API for the open petitions unless a status is chosen', () => {
    expect(petitionListFilters({})).toEqual({ open: 'true' });
    expect(petitionListFilters({ unitId: '4', due: 'due_soon', page: 2 })).toEqual({ unitId: '4', due: 'due_soon', page: 2, open: 'true' });
    expect(petitionListFilters({ status: 'any', kind: 'denunciation' })).toEqual({ kind: 'denunciation' });
    expect(petitionListFilters({ status: 'resolved' })).toEqual({ status: 'resolved' });
  });
});
