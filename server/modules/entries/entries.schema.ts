/** Request schemas of the entry routes (responses are the shapes of common/entries.ts). */
import { z } from 'zod';
import { EntryInput, ENTRY_LIMITS } from '../../../common/entries.js';
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

export const BulkActionBody = z
  .object({
    action: z.enum(['accept', 'return']),
    reason: Reason.optional(),
    items: z.array(z.object({ id: Id, version: Version })).min(1).max(500),
  })
  .superRefine((b, ctx) => {
    if (b.action === 'return' && !b.reason) ctx.addIssue({ code: 'custom', path: ['reason'], message: 'a reason is required to return entries' });
    const seen = new Set<string>();
    b.items.forEach((item, i) => {
      if (seen.has(item.id)) ctx.addIssue({ code: 'custom', path: ['items', i, 'id'], message: 'the same entry is listed twice' });
      seen.add(item.id);
    });
  });
export type BulkActionBody = z.infer<typeof BulkActionBody>;
export const BulkActionResult = z.object({ updated: z.number().int() });

export const ProgressBody = z.object({ onDate: IsoDate, note: z.string().trim().min(1).max(5000) });
export type ProgressBody = z.infer<typeof ProgressBody>;

export const ReplicateBody = z.object({ sourceEntryId: Id });

export const EvidenceItem = z.object({ id: Id, fileName: z.string(), contentType: z.string(), sizeBytes: z.number().int(), sha256: z.string(), uploadedAt: z.string() });

export { ENTRY_LIMITS };
