import { describe, expect, it } from 'vitest';
import { ApiError } from '../../app/api-client';
import { implementersOf, refusedUnitRows } from './implementers';

describe('the implementers a registration sends', () => {
  it('send the units first, each once, then the named people', () => {
    expect(implementersOf([{ unitId: '7' }, {}, { unitId: '9' }, { unitId: '7' }], [' Trần Văn Bình ', '  ', 'Lê Thị Hoa'])).toEqual([
      { unitId: '7' },
      { unitId: '9' },
      { personName: 'Trần Văn Bình' },
      { personName: 'Lê Thị Hoa' },
    ]);
    expect(implementersOf(undefined, undefined)).toEqual([]);
  });

  it("mark the picker rows of the units the server refused, by the sent list's index", () => {
    const rows = [{ unitId: '7' }, { unitId: '9' }, { unitId: '7' }];
    const sent = implementersOf(rows, ['Trần Văn Bình']);
    const error = new ApiError(400, 'VALIDATION_FAILED', [
      { path: 'body.implementers.0.unitId', message: 'must be a unit you can read' },
      { path: 'body.implementers.2.personName', message: 'too long' },
      { path: 'body.title', message: 'required' },
    ]);
    expect(refusedUnitRows(error, sent, rows)).toEqual([0, 2]);
    expect(refusedUnitRows(new ApiError(400, 'VALIDATION_FAILED', [{ path: 'body.implementers.1.unitId' }]), sent, rows)).toEqual([1]);
  });

  it('mark nothing for other errors', () => {
    const rows = [{ unitId: '7' }];
    const sent = implementersOf(rows, []);
    expect(refusedUnitRows(new ApiError(409, 'CONFLICT', null), sent, rows)).toEqual([]);
    expect(refusedUnitRows(new ApiError(400, 'VALIDATION_FAILED', [{ path: 'body.implementers.5.unitId' }]), sent, rows)).toEqual([]);
  });
});
