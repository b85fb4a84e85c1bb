import { z } from 'zod';

export const AuditQuery = z.object({
  userId: z.string().regex(/^\d+$/).optional(),
  unitId: z.string().regex(/^\d+$/).optional(),
  subtree: z.enum(['true', 'false']).default('true').transform((v) => v === 'true'),
  recordType: z.string().max(60).optional(),
  recordId: z.string().max(60).optional(),
  action: z.string().max(60).optional(),
  from: z.iso.datetime({ offset: true }).or(z.iso.date()).optional(),
  to: z.iso.datetime({ offset: true }).or(z.iso.date()).optional(),
  before: z.string().regex(/^\d+$/).optional().describe('Cursor: the `nextBefore` of the previous page'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type AuditQuery = z.infer<typeof AuditQuery>;

export const AuditRecord = z.object({
  id: z.string(),
  at: z.string(),
  actorId: z.string().nullable(),
  actorName: z.string().nullable(),
  unitId: z.string().nullable(),
  unitName: z.string().nullable(),
  action: z.string(),
  recordType: z.string(),
  recordId: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
  ip: z.string().nullable(),
});

export const AuditPage = z.object({ items: z.array(AuditRecord), nextBefore: z.string().nullable() });
