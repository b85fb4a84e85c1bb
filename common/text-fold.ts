/**
 * Text folded for searching as people type it: without diacritics, case or extra spaces, so
 * "ninh binh" finds "Ninh Bình" and "DAK LAK" finds "Đắk Lắk". The same folding as the database's
 * `danvan_fold` (unaccent + lower, server/db/migrations/20261121100000_foundation.ts) behind the
 * staff unit pickers, for lists a page filters itself (the public page's places).
 */
export function foldText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** True when every word of `query` occurs in `text`, both folded ("binh ninh" finds "Ninh Bình" too). */
export function foldedMatch(text: string, query: string): boolean {
  const words = foldText(query).split(' ').filter(Boolean);
  if (!words.length) return true;
  const folded = foldText(text);
  return words.every((w) => folded.includes(w));
}
