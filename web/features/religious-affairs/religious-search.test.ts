import { describe, expect, it } from 'vitest';
import { validateReligiousSearch } from './religious-search';

describe('the religious affairs page URL', () => {
  it('keeps what is valid and drops the rest', () => {
    expect(validateReligiousSearch({ unitId: '42', tab: 'persons', year: '2026', q: ' Mường ', page: '3' })).toEqual({ unitId: '42', tab: 'persons', year: 2026, q: ' Mường ', page: 3 });
    expect(validateReligiousSearch({ unitId: '0x1', tab: 'secrets', year: '1800', page: '1' })).toEqual({});
  });
});
