/** The dialogue-conferences page's choice in the URL (`/dialogue-conferences?unitId=37&year=2026`). */
export type DialogueSearch = { unitId?: string; year?: number };

const ID = /^\d{1,18}$/;

/** A value the API would refuse is dropped rather than sent, so a stale link still shows a page. */
export function validateDialogueSearch(search: Record<string, unknown>): DialogueSearch {
  const out: DialogueSearch = {};
  const unitId = typeof search.unitId === 'string' || typeof search.unitId === 'number' ? String(search.unitId) : '';
  if (ID.test(unitId)) out.unitId = unitId;
  const year = Number(search.year);
  if (Number.isInteger(year) && year >= 2000 && year <= 2100) out.year = year;
  return out;
}
