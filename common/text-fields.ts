/**
 * The text inputs of the leadership loop's forms, as zod schemas shared by the server and the web
 * app: one line (blanks collapsed, required), a long text (line breaks kept, required), an optional
 * long text (blank means none). The limits are each form's own.
 */
import { z } from 'zod';

/** One line: runs of blanks and line breaks become one space; empty is refused. */
export const oneLineText = (max: number) =>
  z
    .string()
    .transform((s) => s.replace(/\s+/g, ' ').trim())
    .pipe(z.string().min(1, 'must not be empty').max(max));

/** Long text: line breaks kept, surrounding blanks trimmed; empty is refused. */
export const longText = (max: number) =>
  z
    .string()
    .transform((s) => s.trim())
    .pipe(z.string().min(1, 'must not be empty').max(max));

/** Optional long text: line breaks kept, blank → null. */
export const optionalLongText = (max: number) =>
  z
    .string()
    .transform((s) => s.trim() || null)
    .pipe(z.string().max(max).nullable());
