/**
 * The errors the entry services throw, worded once so that reading, editing, the lifecycle,
 * progress and replication answer the same situation with the same code and details.
 */
import type { EntryStatus } from '../../../common/entries.js';
import { AppError } from '../../errors.js';

export type FieldProblem = { path: string; message: string; code?: string };

export const entryNotFound = (id: string) => new AppError('NOT_FOUND', `Entry ${id} not found`, { what: 'entry', id });
export const problems = (message: string, list: FieldProblem[]) => new AppError('VALIDATION_FAILED', message, list);
export const staleVersion = (current: number) => new AppError('CONFLICT', 'The entry was changed by someone else; reload it and try again', { currentVersion: current });
export const invalidTransition = (status: EntryStatus, action: string) =>
  new AppError('INVALID_TRANSITION', `The entry is ${status}: "${action}" is not possible now`, { status, action });
