/**
 * A duplicate registration said "tên đăng nhập, mã hoặc vai trò đã có" and gave no way to the entry
 * that was already there, although the server sent its id: the message names what exists, and
 * the alert links to it when the reader may open it.
 */
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../app/api-client';
import vi from '../locales/vi.json';
import { alreadyExistsMessage, existingRecord } from './already-exists';
import { errorMessageKey } from './use-error-message';

const t = i18next.createInstance();
void t.init({ lng: 'vi', resources: { vi: { translation: vi } }, interpolation: { escapeValue: false }, initImmediate: false });
const say = (error: ApiError) => {
  const { key, values } = errorMessageKey(error);
  return t.t(key, values);
};

describe('a duplicate', () => {
  it('entry: says the unit registered that title in that year, and links to it', () => {
    const error = new ApiError(409, 'ALREADY_EXISTS', { record: 'entry', year: 2026, existingId: '12' });
    expect(say(error)).toBe('Đơn vị đã đăng ký mô hình trùng tên trong năm 2026.');
    expect(existingRecord(error.code, error.details)).toEqual({ kind: 'entry', id: '12' });
  });

  it('entry the reader may not open: the same words, no link', () => {
    const error = new ApiError(409, 'ALREADY_EXISTS', { record: 'entry', year: 2026 });
    expect(say(error)).toContain('2026');
    expect(existingRecord(error.code, error.details)).toBeNull();
  });

  it('names what else already exists', () => {
    expect(alreadyExistsMessage({ username: 'lan.nguyen' })).toEqual({ key: 'errors.alreadyExists.username', values: { username: 'lan.nguyen' } });
    expect(say(new ApiError(409, 'ALREADY_EXISTS', { code: 'giay_khen' }))).toContain('giay_khen');
    expect(existingRecord('ALREADY_EXISTS', { reviewId: '7' })).toEqual({ kind: 'review', id: '7' });
    expect(existingRecord('CONFLICT', { reviewId: '7' })).toBeNull();
  });

  it('of an unknown kind: no word about usernames or roles', () => {
    for (const details of [undefined, {}, { record: 'something' }]) {
      expect(say(new ApiError(409, 'ALREADY_EXISTS', details)).toLowerCase()).not.toMatch(/tên đăng nhập|vai trò/);
    }
  });
});
