import { describe, expect, it } from 'vitest';
import { contextOf, shortName, type ValidityWords, unitLabels } from './unit-label';

const words: ValidityWords = {
  until: (date) => `đến ${date}`,
  since: (date) => `từ ${date}`,
  between: (from, to) => `${from} – ${to}`,
  date: (iso) => iso.split('-').reverse().join('/'),
};

describe('the unit label of tables and pickers', () => {
  it('names a ward with its district and city, nearest first, the city written short', () => {
    const labels = unitLabels([{ id: '1', name: 'Phường 5', parents: ['Thành phố Hồ Chí Minh', 'Quận 3'], validFrom: null, validTo: '2025-07-01' }], words);
    expect(labels.get('1')).toEqual({ name: 'Phường 5', context: 'Quận 3, TP Hồ Chí Minh', validity: '', text: 'Phường 5, Quận 3, TP Hồ Chí Minh' });
  });

  it('keeps the two nearest ancestors and the province of a deep organization', () => {
    expect(contextOf(['Tỉnh Ninh Bình', 'Huyện Kim Sơn', 'Xã Kim Hải', 'Hội Nông dân xã Kim Hải'])).toEqual(['Hội Nông dân xã Kim Hải', 'Xã Kim Hải', 'Tỉnh Ninh Bình']);
    expect(contextOf([])).toEqual([]);
    expect(contextOf(undefined)).toEqual([]);
    expect(shortName('Thành phố Hà Nội')).toBe('TP Hà Nội');
    // Only the type word at the start is shortened.
    expect(shortName('Phường Thành phố Mới')).toBe('Phường Thành phố Mới');
  });

  it('tells apart the Tỉnh Ninh Bình of before and after 1 July 2025 by the time each was in force', () => {
    const labels = unitLabels(
      [
        { id: 'old', name: 'Tỉnh Ninh Bình', parents: [], validFrom: null, validTo: '2025-07-01' },
        { id: 'new', name: 'Tỉnh Ninh Bình', parents: [], validFrom: '2025-07-01', validTo: null },
        { id: 'hn', name: 'Thành phố Hà Nội', parents: [], validFrom: null, validTo: null },
      ],
      words,
    );
    expect(labels.get('old')?.text).toBe('Tỉnh Ninh Bình (đến 30/06/2025)');
    expect(labels.get('new')?.text).toBe('Tỉnh Ninh Bình (từ 01/07/2025)');
    expect(labels.get('old')?.text).not.toBe(labels.get('new')?.text);
    // A unit no other one is mistaken for needs no dates.
    expect(labels.get('hn')?.text).toBe('Thành phố Hà Nội');
  });

  it('gives both ends to two retired units of one name, and no dates to one unit repeated in many rows', () => {
    const twice = unitLabels(
      [
        { id: 'a', name: 'Xã Yên Bình', parents: ['Tỉnh X'], validFrom: '2019-01-01', validTo: '2020-01-01' },
        { id: 'b', name: 'Xã Yên Bình', parents: ['Tỉnh X'], validFrom: '2020-01-01', validTo: '2025-07-01' },
      ],
      words,
    );
    expect(twice.get('a')?.validity).toBe('01/01/2019 – 31/12/2019');
    expect(twice.get('b')?.validity).toBe('01/01/2020 – 30/06/2025');
    const same = unitLabels(
      [
        { id: 'a', name: 'Xã Yên Bình', parents: ['Tỉnh X'], validFrom: null, validTo: null },
        { id: 'a', name: 'Xã Yên Bình', parents: ['Tỉnh X'], validFrom: null, validTo: null },
      ],
      words,
    );
    expect(same.get('a')?.text).toBe('Xã Yên Bình, Tỉnh X');
    // The same name in two provinces reads differently already: no dates.
    const apart = unitLabels(
      [
        { id: 'a', name: 'Xã Tân Lập', parents: ['Tỉnh A'], validFrom: '2025-07-01', validTo: null },
        { id: 'b', name: 'Xã Tân Lập', parents: ['Tỉnh B'], validFrom: '2025-07-01', validTo: null },
      ],
      words,
    );
    expect([apart.get('a')?.text, apart.get('b')?.text]).toEqual(['Xã Tân Lập, Tỉnh A', 'Xã Tân Lập, Tỉnh B']);
  });
});
