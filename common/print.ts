/**
 * Printing a list. A printout is for reading and signing, not for data work: past a couple of
 * hundred rows (about ten A4 pages) the Excel export is the right tool, so the web app refuses a
 * longer printout with a message instead of freezing the browser on it. 200 is also the most rows
 * the list APIs return in one request (`limit` in common/entries.ts and the petitions schema),
 * so a printout is one request.
 */
export const PRINT_LIMITS = { rows: 200 } as const;
