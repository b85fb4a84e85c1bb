/** The fields of the grassroots forms and the server's field codes that have words of their own (kept apart from the form so tests read them without antd). */
import type { GrassrootsKind } from './grassroots.api';

export type Field = { name: string; kind: 'text' | 'long' | 'date' | 'count' | 'item' | 'forms' | 'matter' | 'method' | 'form' | 'public'; required?: boolean };

export const GRASSROOTS_FORM_FIELDS: Record<GrassrootsKind, Field[]> = {
  publications: [
    { name: 'itemCode', kind: 'item', required: true },
    { name: 'documentTitle', kind: 'text', required: true },
    { name: 'documentDate', kind: 'date', required: true },
    { name: 'forms', kind: 'forms', required: true },
    { name: 'publishedOn', kind: 'date', required: true },
    { name: 'postedUntil', kind: 'date' },
    { name: 'evidence', kind: 'long' },
    { name: 'public', kind: 'public' },
  ],
  decisions: [
    { name: 'matterCode', kind: 'matter', required: true },
    { name: 'village', kind: 'text', required: true },
    { name: 'subject', kind: 'text', required: true },
    { name: 'method', kind: 'method', required: true },
    { name: 'decidedOn', kind: 'date', required: true },
    { name: 'eligibleHouseholds', kind: 'count', required: true },
    { name: 'householdsTakingPart', kind: 'count', required: true },
    { name: 'inFavour', kind: 'count', required: true },
    { name: 'against', kind: 'count', required: true },
    { name: 'resultPublishedOn', kind: 'date' },
    { name: 'resultForm', kind: 'form' },
    { name: 'approvedOn', kind: 'date' },
    { name: 'approvalNumber', kind: 'text' },
    { name: 'public', kind: 'public' },
  ],
};

/** The server's field codes with words of their own (the rest read "invalid"). */
export const ERROR_WORDS = { unknown: 1, before_document: 1, before_publication: 1, over_eligible: 1, over_taking_part: 1, before_decision: 1, not_covenant: 1, not_administrative: 1 };
export const GRASSROOTS_ERROR_KEYS = [...Object.keys(ERROR_WORDS), 'invalid', 'required'];
