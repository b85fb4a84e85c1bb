/**
 * ALREADY_EXISTS said "this username, code or role is taken" whatever was duplicated, so an officer
 * registering an entry twice read about usernames. The server's details say what already exists
 * (and, for an entry or a review the reader may open, which one): the message names that, and
 * the error alert links to the record.
 */
type Message = { key: string; values?: Record<string, number | string> };
/** The record a duplicate collided with, when the reader may open it. */
export type ExistingRecord = { kind: 'entry' | 'review'; id: string };

type Details = { record?: unknown; year?: unknown; existingId?: unknown; reviewId?: unknown; username?: unknown; code?: unknown; startYear?: unknown; endYear?: unknown; sourceEntryId?: unknown };

const text = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? v : undefined);

export function alreadyExistsMessage(details: unknown): Message {
  const d = (details ?? {}) as Details;
  const year = text(d.year);
  if (d.record === 'entry' && year !== undefined) return { key: 'errors.alreadyExists.entry', values: { year } };
  if (text(d.reviewId) !== undefined) return { key: 'errors.alreadyExists.review' };
  if (text(d.username) !== undefined) return { key: 'errors.alreadyExists.username', values: { username: text(d.username)! } };
  if (text(d.startYear) !== undefined && text(d.endYear) !== undefined) return { key: 'errors.alreadyExists.period', values: { startYear: text(d.startYear)!, endYear: text(d.endYear)! } };
  if (text(d.code) !== undefined) return { key: 'errors.alreadyExists.code', values: { code: text(d.code)! } };
  if (text(d.sourceEntryId) !== undefined) return { key: 'errors.alreadyExists.replication' };
  return { key: 'errors.ALREADY_EXISTS' };
}

export function existingRecord(code: string, details: unknown): ExistingRecord | null {
  if (code !== 'ALREADY_EXISTS') return null;
  const d = (details ?? {}) as Details;
  if (d.record === 'entry' && typeof d.existingId === 'string') return { kind: 'entry', id: d.existingId };
  if (typeof d.reviewId === 'string') return { kind: 'review', id: d.reviewId };
  return null;
}
