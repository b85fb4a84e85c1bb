import { describe, expect, it } from 'vitest';
import { ApiError } from '../../app/api-client';
import { fieldPathsOf } from './catalogues.api';

describe('server validation errors on the catalogue forms', () => {
  it('name the form field of each body path, nested ones included', () => {
    const error = new ApiError(400, 'VALIDATION_FAILED', [
      { path: 'body.code', code: 'invalid_format', message: 'must be a code' },
      { path: 'body.names.vi', code: 'custom', message: 'the Vietnamese name (vi) is required' },
      { path: 'body.endYear', message: 'the end year is before the start year' },
    ]);
    expect(fieldPathsOf(error)).toEqual([
      { name: ['code'], code: 'invalid_format' },
      { name: ['names', 'vi'], code: 'custom' },
      { name: ['endYear'], code: 'invalid' },
    ]);
  });

  it('name nothing for other errors or paths outside the body', () => {
    expect(fieldPathsOf(new ApiError(400, 'VALIDATION_FAILED', [{ path: 'query.unitId' }, { path: 'body' }]))).toEqual([]);
    expect(fieldPathsOf(new ApiError(400, 'VALIDATION_FAILED', 'Body is not valid JSON'))).toEqual([]);
    expect(fieldPathsOf(new ApiError(409, 'ALREADY_EXISTS', { code: 'x' }))).toEqual([]);
    expect(fieldPathsOf(new Error('boom'))).toEqual([]);
  });
});
