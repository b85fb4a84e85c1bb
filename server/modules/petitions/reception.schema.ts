/** Request and response shapes of citizen reception sessions and dialogue conferences. */
import { z } from 'zod';
import { Id, IsoDate, Version } from '../../../common/units.js';
import { DUE_FILTERS, DUE_SOON_DAYS } from '../../../common/work-queue.js';
import { DialogueFlags, DialogueRule, MissingDialogues, RESULTS_FORMS } from '../../../common/dialogue.js';

const text = (max: number) => z.string().trim().min(1).max(max);

export const SESSION_KINDS = ['reception', 'dialogue'] as const;

export const CreateSessionBody = z.object({
  kind: z.enum(SESSION_KINDS).describe('reception: a citizen reception session; dialogue: a dialogue conference'),
  unitId: Id,
  heldOn: IsoDate,
  title: text(300),
  presiding: text(200).describe('The presiding leader'),
  attendees: z.string().trim().max(5000).optional(),
  notes: z.string().trim().max(20000).optional(),
  noticeOn: IsoDate.optional().describe('Dialogue only: the day the time, place and content were announced (on or before heldOn)'),
  resultsPublishedOn: IsoDate.optional().describe('Dialogue only: the day the results were made public (on or after heldOn)'),
  resultsForm: z.enum(RESULTS_FORMS).optional().describe('Dialogue only: how the results were made public'),
  issues: z.array(z.object({ summary: text(2000), petitionId: Id.optional() })).max(200).default([]),
  commitments: z
    .array(z.object({ description: text(2000), owner: text(200), ownerUnitId: Id.optional(), deadline: IsoDate, issueIndex: z.number().int().min(0).optional().describe('The issue (by its index in `issues`) it answers') }))
    .max(200)
    .default([]),
});
export type CreateSessionBody = z.infer<typeof CreateSessionBody>;

export const SessionListQuery = z.object({
  unitId: Id.optional(),
  kind: z.enum(SESSION_KINDS).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export type SessionListQuery = z.infer<typeof SessionListQuery>;

/** The commitments of the sessions in the caller's scope (or under a unit), nearest deadline first. */
export const CommitmentListQuery = z.object({
  unitId: Id.optional().describe('Only commitments of the sessions of this unit and the units under it'),
  due: z.enum(DUE_FILTERS).optional().describe(`Open commitments past their deadline (overdue), or due today or within ${DUE_SOON_DAYS} days (due_soon), Vietnam time`),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export type CommitmentListQuery = z.infer<typeof CommitmentListQuery>;

export const SessionIdParams = z.object({ id: Id });
export const CommitmentParams = z.object({ id: Id, commitmentId: Id });
export const CommitmentDoneBody = z.object({ doneOn: IsoDate.optional(), note: z.string().trim().max(2000).optional() });

const Commitment = z.object({
  id: Id,
  issueId: Id.nullable(),
  description: z.string(),
  owner: z.string(),
  ownerUnitId: Id.nullable(),
  deadline: IsoDate,
  doneOn: IsoDate.nullable(),
  doneNote: z.string().nullable(),
  state: z.enum(['open', 'overdue', 'done']),
});

export const CommitmentListItem = Commitment.extend({
  session: z.object({ id: Id, kind: z.enum(SESSION_KINDS), title: z.string(), heldOn: IsoDate, unit: z.object({ id: Id, name: z.string() }) }),
});
export const CommitmentPage = z.object({ items: z.array(CommitmentListItem), total: z.number().int() });

export const SessionSummary = z.object({
  id: Id,
  kind: z.enum(SESSION_KINDS),
  unit: z.object({ id: Id, name: z.string() }),
  heldOn: IsoDate,
  title: z.string(),
  presiding: z.string(),
  commitments: z.object({ total: z.number().int(), done: z.number().int(), overdue: z.number().int() }),
  /** Dialogue conferences: the notice and results and the flags of the rule in force on the day; null for a reception session. */
  dialogue: z
    .object({ noticeOn: IsoDate.nullable(), resultsPublishedOn: IsoDate.nullable(), resultsForm: z.enum(RESULTS_FORMS).nullable(), flags: DialogueFlags, rule: DialogueRule.nullable() })
    .nullable(),
});
export const SessionPage = z.object({ items: z.array(SessionSummary), total: z.number().int() });

export const SessionDetail = SessionSummary.extend({
  attendees: z.string().nullable(),
  notes: z.string().nullable(),
  version: z.number().int(),
  /** An issue's petition shows only when the reader may read it. */
  issues: z.array(z.object({ id: Id, summary: z.string(), petition: z.object({ id: Id, number: z.string(), title: z.string() }).nullable() })),
  commitmentList: z.array(Commitment),
});

/** Record or correct a dialogue's notice and results; null clears a field, absent leaves it. */
export const DialogueBody = z.object({
  noticeOn: IsoDate.nullable().optional(),
  resultsPublishedOn: IsoDate.nullable().optional(),
  resultsForm: z.enum(RESULTS_FORMS).nullable().optional(),
  version: Version.describe('The version read; another change since → CONFLICT'),
});

export const MissingQuery = z.object({
  unitId: Id,
  year: z.coerce.number().int().min(2000).max(2100),
});
export { MissingDialogues };
