import { z } from 'zod';
import { Id } from '../../../common/units.js';

export const AuditQuery = z.object({
  userId: Id.optional(),
  unitId: Id.optional(),
  subtree: z.enum(['true', 'false']).default('true').transform((v) => v === 'true'),
  recordType: z.string().max(60).optional(),
  recordId: z.string().max(60).optional(),
  action: z.string().max(60).optional(),
  from: z.iso.datetime({ offset: true }).or(z.iso.date()).optional(),
  to: z.iso.datetime({ offset: true }).or(z.iso.date()).optional(),
  before: Id.optional().describe('Cursor: the `nextBefore` of the previous page'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type AuditQuery = z.infer<typeof AuditQuery>;

/** A name resolved for an audit record: text, names by language (catalogue data), or null (unknown, or not the reader's to see). */
const RefName = z.union([z.string(), z.record(z.string(), z.string())]).nullable();

export const AuditRecord = z.object({
  id: z.string(),
  at: z.string(),
  actorId: z.string().nullable(),
  /** The person's name; `actorUsername` the account. */
  actorName: z.string().nullable(),
  actorUsername: z.string().nullable(),
  unitId: z.string().nullable(),
  unitName: z.string().nullable(),
  action: z.string(),
  recordType: z.string(),
  recordId: z.string().nullable(),
  recordName: RefName.describe('What the record is called: an entry\'s title, a petition\'s number, a person\'s or unit\'s name'),
  before: z.unknown(),
  after: z.unknown(),
  refs: z.record(z.string(), RefName).describe('Names of the ids and codes in before/after, keyed "kind:id" (common/audit-fields.ts)'),
  ip: z.string().nullable(),
});

export const AuditPage = z.object({ items: z.array(AuditRecord), nextBefore: z.string().nullable() });
