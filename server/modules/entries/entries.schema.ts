/** Request schemas of the entry routes (responses are the shapes of common/entries.ts). */
import { z } from 'zod';
import { BULK_LIMITS, EntryInput, ENTRY_LIMITS, EntryListQuery } from '../../../common/entries.js';
import { Id, IsoDate } from '../../../common/units.js';

export { EntryDetail, EntryInput } from '../../../common/entries.js';

export const EntryIdParams = z.object({ id: Id });
export const EvidenceParams = z.object({ id: Id, evidenceId: Id });
export const ReplicateParams = z.object({ id: Id, sourceEntryId: Id });

const Version = z.number().int().min(1).describe('The version the caller last read; a stale one answers 409 CONFLICT');

/** PATCH: any of the registration's fields except the registering unit, plus the version read. */
export const UpdateEntryBody = z
  .object(EntryInput.shape)
  .omit({ registeringUnitId: true, implementers: true })
  .partial()
  .extend({ implementers: EntryInput.shape.implementers.removeDefault().optional(), version: Version });
export type UpdateEntryBody = z.infer<typeof UpdateEntryBody>;

const Reason = z.string().trim().min(1).max(2000);

export const ActionBody = z.object({ version: Version, reason: Reason.optional() });
export const ReasonRequiredBody = z.object({ version: Version, reason: Reason.describe('Why (required)') });
export const EvaluateBody = z.object({
  version: Version,
  reason: Reason.optional(),
  effective: z.boolean().describe('Whether the committee found the entry effective'),
  score: z.number().min(0).max(100).multipleOf(0.01).describe("The committee's criteria score, 0–100"),
});
export type ActionBody = { version: number; reason?: string; effective?: boolean; score?: number };

/**
 * A bulk action's entries: the list's selection (`items`, each with the version read), or every
 * entry matching the list's filters (`filter`, with `expectedCount`: the number the user was shown
 * and confirmed). Exactly one of the two.
 */
const BulkTarget = {
  items: z
    .array(z.object({ id: Id, version: Version }))
    .min(1)
    .max(BULK_LIMITS.items)
    .optional()
    .describe('The selected entries with the versions read; a stale one refuses the whole batch (409 CONFLICT)'),
  filter: EntryListQuery.omit({ sort: true, limit: true, offset: true }).optional().describe("The list's filters: every entry matching them"),
  expectedCount: z
    .number()
    .int()
    .min(1)
    .max(BULK_LIMITS.filter)
    .optional()
    .describe('With `filter`: how many entries the user confirmed; another number now matching refuses the batch (409 CONFLICT)'),
};

function refineTarget(b: { items?: { id: string }[]; filter?: object; expectedCount?: number }, ctx: z.RefinementCtx): void {
  if (!b.items === !b.filter) ctx.addIssue({ code: 'custom', path: ['items'], message: 'give either the selected items or a filter' });
  if (b.filter && b.expectedCount === undefined) ctx.addIssue({ code: 'custom', path: ['expectedCount'], message: 'the number of matching entries the user confirmed is required with a filter' });
  const seen = new Set<string>();
  b.items?.forEach((item, i) => {
    if (seen.has(item.id)) ctx.addIssue({ code: 'custom', path: ['items', i, 'id'], message: 'the same entry is listed twice' });
    seen.add(item.id);
  });
}

/** The body of each bulk action: its target plus what the single action takes (a reason; the evaluation's result and score). */
export const BulkActionBody = z.object({ ...BulkTarget, reason: Reason.optional() }).superRefine(refineTarget);
export const BulkReasonRequiredBody = z.object({ ...BulkTarget, reason: Reason.describe('Why (required)') }).superRefine(refineTarget);
export const BulkEvaluateBody = z
  .object({ ...BulkTarget, reason: Reason.optional(), effective: EvaluateBody.shape.effective, score: EvaluateBody.shape.score })
  .superRefine(refineTarget);
export type BulkActionBody = {
  items?: { id: string; version: number }[];
  filter?: z.infer<typeof BulkActionBody>['filter'];
  expectedCount?: number;
  reason?: string;
  effective?: boolean;
  score?: number;
};
export const BulkActionResult = z.object({ updated: z.number().int() });

export const ProgressBody = z.object({ onDate: IsoDate, note: z.string().trim().min(1).max(5000) });
export type ProgressBody = z.infer<typeof ProgressBody>;

export const ReplicateBody = z.object({ sourceEntryId: Id });

export const EvidenceItem = z.object({ id: Id, fileName: z.string(), contentType: z.string(), sizeBytes: z.number().int(), sha256: z.string(), uploadedAt: z.string() });

export { ENTRY_LIMITS };
