/**
 * `If-None-Match` (RFC 9110 §13.1.2): a list of entity tags, or `*`. Comparison is weak (a `W/`
 * prefix on either side is ignored), as the standard asks for this header.
 */

/** Whether the header's list holds `etag` (weakly), or is `*`. Malformed parts match nothing. */
export function ifNoneMatchHas(header: string | string[] | undefined, etag: string): boolean {
  if (header === undefined) return false;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
  const want = opaque(etag);
  const values = Array.isArray(header) ? header : [header];
  for (const value of values) {
    if (value.trim() === '*') return true;
    // Entity tags are quoted and contain no commas or quotes, so splitting on commas is exact.
    for (const part of value.split(',')) if (opaque(part) === want) return true;
  }
  return false;
}
