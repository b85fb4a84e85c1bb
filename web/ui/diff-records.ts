/** One changed field of a record: its value before and after (undefined: absent on that side). */
export type FieldChange = { field: string; before: unknown; after: unknown };

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Equal by content; null and absent are the same (a creation's empty fields are no change). */
function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/**
 * The fields that differ between two snapshots of a record, in a stable order. Non-object
 * snapshots (a bare value) are compared as one field named "".
 */
export function diffRecords(before: unknown, after: unknown): FieldChange[] {
  const b = before ?? undefined;
  const a = after ?? undefined;
  if ((b !== undefined && !isPlainObject(b)) || (a !== undefined && !isPlainObject(a))) {
    return same(b, a) ? [] : [{ field: '', before: b, after: a }];
  }
  const left = b ?? {};
  const right = a ?? {};
  const fields = [...new Set([...Object.keys(left), ...Object.keys(right)])].sort();
  return fields.filter((f) => !same(left[f], right[f])).map((field) => ({ field, before: left[field] ?? undefined, after: right[field] ?? undefined }));
}

/** A value as a short readable text: strings as they are, the rest as compact JSON. */
export function displayValue(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}
