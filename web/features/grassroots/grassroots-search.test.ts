import { describe, expect, it } from 'vitest';
import { validateGrassrootsSearch } from './grassroots-search';

describe('the grassroots page\'s URL state', () => {
  it('keeps a valid unit, tab and year and drops the rest', () => {
    expect(validateGrassrootsSearch({ unitId: '42', tab: 'decisions', year: '2025' })).toEqual({ unitId: '42', tab: 'decisions', year: 2025 });
    expect(validateGrassrootsSearch({ unitId: '0x1', tab: 'boards', year: '1999' })).toEqual({});
  });
});
