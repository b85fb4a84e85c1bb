import { describe, expect, it } from 'vitest';
import { ApiError } from '../app/api-client';
import vi from '../locales/vi.json';
import { errorMessageKey } from './use-error-message';

describe('the message of an API error', () => {
  it('names a character the server cannot store, not just "not valid"', () => {
    const error = new ApiError(400, 'VALIDATION_FAILED', [{ path: 'body.title', reason: 'invalid_character', code: 'invalid_character' }]);
    expect(errorMessageKey(error)).toEqual({ key: 'errors.invalidCharacter' });
    expect(vi.errors.invalidCharacter).toMatch(/ký tự/);
  });

  it('keeps the code\'s message for other validation errors, and the wait for a lock-out', () => {
    expect(errorMessageKey(new ApiError(400, 'VALIDATION_FAILED', [{ path: 'body.title', code: 'too_small' }]))).toEqual({ key: 'errors.VALIDATION_FAILED' });
    expect(errorMessageKey(new ApiError(429, 'TOO_MANY_ATTEMPTS', { retryAfterSeconds: 90 }))).toEqual({ key: 'errors.TOO_MANY_ATTEMPTS', values: { minutes: 2 } });
    expect(errorMessageKey(new Error('x'))).toEqual({ key: 'errors.INTERNAL' });
  });

  it('says how many units a reporting round still waits for', () => {
    expect(errorMessageKey(new ApiError(409, 'ROUND_HAS_PENDING', { pending: 2, sample: [11, 12] }))).toEqual({ key: 'errors.ROUND_HAS_PENDING', values: { pending: 2 } });
    expect(errorMessageKey(new ApiError(409, 'ROUND_HAS_PENDING', null))).toEqual({ key: 'errors.ROUND_HAS_PENDING', values: { pending: 0 } });
    expect(vi.errors.ROUND_HAS_PENDING).toContain('{{pending}}');
  });
});
