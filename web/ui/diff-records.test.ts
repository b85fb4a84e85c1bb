import { describe, expect, it } from 'vitest';
import { diffRecords, displayValue } from './diff-records';

describe('diffRecords', () => {
  it('lists only the fields that changed, sorted', () => {
    expect(diffRecords({ name: 'Xã A', code: '1', version: 1 }, { name: 'Xã B', code: '1', version: 2 })).toEqual([
      { field: 'name', before: 'Xã A', after: 'Xã B' },
      { field: 'version', before: 1, after: 2 },
    ]);
  });

  it('treats a missing side as a creation or a removal', () => {
    expect(diffRecords(null, { role: 'viewer' })).toEqual([{ field: 'role', before: undefined, after: 'viewer' }]);
    expect(diffRecords({ role: 'viewer' }, null)).toEqual([{ field: 'role', before: 'viewer', after: undefined }]);
    // A creation's empty fields are not changes; a value cleared is.
    expect(diffRecords(null, { name: 'Xã A', code: null })).toEqual([{ field: 'name', before: undefined, after: 'Xã A' }]);
    expect(diffRecords({ code: 'X1' }, { code: null })).toEqual([{ field: 'code', before: 'X1', after: undefined }]);
  });

  it('compares nested values by content and bare values as one field', () => {
    expect(diffRecords({ names: { vi: 'A' } }, { names: { vi: 'A' } })).toEqual([]);
    expect(diffRecords('a', 'b')).toEqual([{ field: '', before: 'a', after: 'b' }]);
  });

  it('shows values readably', () => {
    expect(displayValue('Hà Nội')).toBe('Hà Nội');
    expect(displayValue({ a: 1 })).toBe('{"a":1}');
    expect(displayValue(null)).toBe('');
  });
});
