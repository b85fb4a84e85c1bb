/**
 * The most sent reports one composed report of a round holds (GET /api/reporting-rounds/:id/document):
 * a whole country's round (3,321 participants) is read a province at a time. Shared so the round
 * page offers the download only where the server will answer it.
 */
export const ROUND_DOCUMENT_MAX_SENT = 400;
