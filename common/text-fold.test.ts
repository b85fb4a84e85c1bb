import { describe, expect, it } from 'vitest';
import { foldedMatch, foldText } from './text-fold.js';

describe('foldText', () => {
  it('drops diacritics, case and extra spaces as danvan_fold does', () => {
    expect(foldText('Tỉnh  Ninh Bình')).toBe('tinh ninh binh');
    expect(foldText('Đắk Lắk')).toBe('dak lak');
    expect(foldText('Xã Hoà Bình')).toBe('xa hoa binh');
    // Precomposed and decomposed forms of the same letters fold alike.
    expect(foldText('Bi\u0300nh')).toBe(foldText('Bình'));
  });

  it('finds a place typed without diacritics, in any case, word by word', () => {
    expect(foldedMatch('Tỉnh Ninh Bình', 'ninh binh')).toBe(true);
    expect(foldedMatch('Tỉnh Ninh Bình', 'NINH BÌNH')).toBe(true);
    expect(foldedMatch('Tỉnh Ninh Bình', 'binh ninh')).toBe(true);
    expect(foldedMatch('Tỉnh Đắk Lắk', 'dak')).toBe(true);
    expect(foldedMatch('Tỉnh Ninh Bình', 'ninh thuan')).toBe(false);
    expect(foldedMatch('Tỉnh Ninh Bình', '  ')).toBe(true);
  });
});
