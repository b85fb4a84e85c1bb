import { describe, expect, it } from 'vitest';
import { ApiError } from '../../app/api-client';
import { exportUrl, fieldErrorsOf, listQuery } from './entries.api';
import { validateEntrySearch } from './entry-search';

describe('the list filters in the URL', () => {
  it('keep the known filters as text and drop the rest', () => {
    expect(validateEntrySearch({ year: 2026, status: 'draft,registered', typical: true, page: '3', bogus: 'x', q: '' })).toEqual({ year: '2026', status: 'draft,registered', typical: 'true', page: 3 });
  });

  it('turn the page into limit and offset, and leave out a search shorter than 2 characters', () => {
    expect(listQuery({ year: '2025,2026', page: 2, q: ' a ' })).toEqual({ year: '2025,2026', q: undefined, limit: 20, offset: 20 });
    expect(listQuery({ q: ' dân vận ' })).toMatchObject({ q: 'dân vận', offset: 0 });
  });

  it('give the exports the same filters, without paging', () => {
    expect(exportUrl('csv', { status: 'accepted', page: 4, sort: 'title' })).toBe('/api/entries/export.csv?status=accepted&sort=title');
  });
});

describe('server field errors', () => {
  it('name the form fields of details[].path', () => {
    const error = new ApiError(400, 'VALIDATION_FAILED', [
      { path: 'body.title', code: 'too_big', message: 'too long' },
      { path: 'body.implementers.0.personName', code: 'too_small', message: 'empty' },
      { path: 'body', message: 'nothing to change' },
    ]);
    expect(fieldErrorsOf(error)).toEqual([
      { name: 'title', code: 'too_big' },
      { name: 'implementers', code: 'too_small' },
    ]);
    expect(fieldErrorsOf(new ApiError(409, 'CONFLICT', null))).toEqual([]);
  });
});
