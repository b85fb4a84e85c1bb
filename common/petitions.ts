/**
 * Citizens' petitions (đơn thư): kinds, channels, the processing lifecycle, limits and the API
 * shapes shared by the server and the web app. Rules and legal sources: docs/petitions.md.
 */
import { z } from 'zod';
import { CatalogueCode, Id, IsoDate } from './units.js';
import { PETITION_LIMITS, PRIVACY_NOTICE_VERSION } from './petition-limits.js';

export const PETITION_KINDS = ['recommendation', 'complaint', 'denunciation'] as const;
export const PETITION_CHANNELS = ['in_person', 'hotline', 'mail', 'online', 'dialogue', 'forwarded'] as const;
export const PETITION_STATUSES = ['received', 'classified', 'assigned', 'in_progress', 'resolved', 'rejected', 'transferred_out'] as const;
export const OPEN_PETITION_STATUSES = ['received', 'classified', 'assigned', 'in_progress'] as const;
export type PetitionKind = (typeof PETITION_KINDS)[number];
export type PetitionChannel = (typeof PETITION_CHANNELS)[number];
export type PetitionStatus = (typeof PETITION_STATUSES)[number];

/**
 * The lifecycle. `permission` is needed on the petition's current handling unit: routine steps
 * (classify, start, progress notes) are the officers' work (data.write); decisions that bind the
 * unit — who handles it, more time, the answer, a refusal, sending it to another body — are the
 * leaders' (data.approve). `reason` says what the body must carry.
 */
export const PETITION_ACTIONS = {
  classify: { from: ['received'], permission: 'data.write' },
  assign: { from: ['classified'], permission: 'data.approve' },
  transfer: { from: ['classified', 'assigned', 'in_progress'], permission: 'data.approve' },
  start: { from: ['assigned'], permission: 'data.write' },
  progress: { from: ['in_progress'], permission: 'data.write' },
  extend: { from: OPEN_PETITION_STATUSES, permission: 'data.approve' },
  resolve: { from: ['in_progress'], permission: 'data.approve' },
  reject: { from: OPEN_PETITION_STATUSES, permission: 'data.approve' },
  transfer_out: { from: OPEN_PETITION_STATUSES, permission: 'data.approve' },
} as const satisfies Record<string, { from: readonly PetitionStatus[]; permission: 'data.write' | 'data.approve' }>;
export type PetitionAction = keyof typeof PETITION_ACTIONS;
export const PETITION_ACTION_NAMES = Object.keys(PETITION_ACTIONS) as PetitionAction[];

// The limits live in a file without zod, for the public page's small bundle.
export { PETITION_LIMITS, PRIVACY_NOTICE_VERSION };

const text = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) => z.string().trim().max(max).transform((s) => s || undefined).optional();

export const AttachmentUpload = z.object({
  fileName: z.string().min(1).max(255),
  /** The file's bytes, base64: attachments are few and small, so one JSON request carries all. */
  dataBase64: z.string().min(1),
});

export const Submitter = z.object({
  name: text(PETITION_LIMITS.name),
  contact: optionalText(PETITION_LIMITS.contact),
  idNumber: optionalText(PETITION_LIMITS.idNumber),
  address: optionalText(PETITION_LIMITS.address),
});

export const IntakeBody = z.object({
  unitId: Id.describe('The receiving unit: the petition is numbered in its sequence'),
  kind: z.enum(PETITION_KINDS),
  channel: z.enum(PETITION_CHANNELS),
  anonymous: z.boolean().default(false).describe('Recommendations / reflections only'),
  submitter: Submitter.optional(),
  concernedUnitId: Id.optional(),
  categoryCode: CatalogueCode,
  title: text(PETITION_LIMITS.title),
  content: text(PETITION_LIMITS.content),
  receivedOn: IsoDate.optional().describe('Default: today (Viet Nam time); never in the future'),
  attachments: z.array(AttachmentUpload).max(PETITION_LIMITS.attachments).default([]),
});
export type IntakeBody = z.infer<typeof IntakeBody>;

export const PublicIntakeBody = z.object({
  unitId: Id,
  anonymous: z.boolean().default(false),
  submitter: Submitter.optional(),
  categoryCode: CatalogueCode,
  title: text(PETITION_LIMITS.title),
  content: text(PETITION_LIMITS.publicContent),
  attachments: z.array(AttachmentUpload).max(PETITION_LIMITS.publicAttachments).default([]),
  /**
   * The citizen's consent to the data-protection notice (docs/petitions.md, "The public page"):
   * required, anonymous or not; refused as CONSENT_REQUIRED when missing, not given or given to
   * another version of the notice than the one in force.
   */
  consent: z.object({ accepted: z.boolean(), noticeVersion: z.string().trim().min(1).max(40) }).optional(),
});
export type PublicIntakeBody = z.infer<typeof PublicIntakeBody>;

const PortalTimeLimit = z.object({ kind: z.enum(PETITION_KINDS), days: z.number().int(), basis: z.enum(['working', 'calendar']), maxExtensionDays: z.number().int(), source: z.string() });

/** What the public page says about who runs it, the notice in force and the legal time limits (GET /api/public/portal). */
export const PortalInfo = z.object({
  agency: z.object({ name: z.string().nullable(), address: z.string().nullable(), hotline: z.string().nullable(), email: z.string().nullable() }),
  /** The public page's address for receipts (DANVAN_PUBLIC_URL + /petition), when configured. */
  publicUrl: z.string().nullable(),
  noticeVersion: z.string(),
  retentionYears: z.number().int(),
  timeLimits: z.array(PortalTimeLimit),
});
export type PortalInfo = z.infer<typeof PortalInfo>;

export const LookupBody = z.object({ code: z.string().trim().min(1).max(40), secret: z.string().trim().min(1).max(80) });

export const PublicStatus = z.object({
  code: z.string(),
  status: z.enum(PETITION_STATUSES),
  receivedOn: IsoDate,
  dueOn: IsoDate,
  closedOn: IsoDate.nullable(),
  publicReply: z.string().nullable(),
});
export type PublicStatus = z.infer<typeof PublicStatus>;

export const Receipt = z.object({ id: Id, number: z.string(), trackingCode: z.string(), secret: z.string(), receivedOn: IsoDate, dueOn: IsoDate });
export type Receipt = z.infer<typeof Receipt>;

export const DUE_STATES = ['on_track', 'due_soon', 'overdue', 'closed_on_time', 'closed_late'] as const;
export type DueState = (typeof DUE_STATES)[number];

const UnitBrief = z.object({ id: Id, name: z.string() });

export const MaskedSubmitter = z.object({
  anonymous: z.boolean(),
  /** Initials only ("N*** V*** A***"); the full identity comes from the identity endpoint. */
  name: z.string().nullable(),
  contact: z.string().nullable(),
  erased: z.boolean(),
});

export const PetitionSummary = z.object({
  id: Id,
  number: z.string().describe('"<number>/<year>" in the receiving unit'),
  unit: UnitBrief,
  handlingUnit: UnitBrief,
  kind: z.enum(PETITION_KINDS),
  channel: z.enum(PETITION_CHANNELS),
  categoryCode: z.string(),
  title: z.string(),
  status: z.enum(PETITION_STATUSES),
  receivedOn: IsoDate,
  dueOn: IsoDate,
  closedOn: IsoDate.nullable(),
  dueState: z.enum(DUE_STATES),
  /** Overdue at a unit below the one whose list this is: it has risen to the parent's view. */
  escalated: z.boolean(),
  submitter: MaskedSubmitter,
  version: z.number().int(),
});
export type PetitionSummary = z.infer<typeof PetitionSummary>;

export const PetitionTransition = z.object({
  action: z.string(),
  fromStatus: z.enum(PETITION_STATUSES).nullable(),
  toStatus: z.enum(PETITION_STATUSES),
  fromUnit: UnitBrief.nullable(),
  toUnit: UnitBrief.nullable(),
  reason: z.string().nullable(),
  actorName: z.string().nullable(),
  at: z.string(),
});

export const PetitionAttachment = z.object({ id: Id, fileName: z.string(), contentType: z.string(), sizeBytes: z.number().int(), sha256: z.string(), uploadedAt: z.string() });

export const PetitionDetail = PetitionSummary.extend({
  concernedUnit: UnitBrief.nullable(),
  content: z.string(),
  extendedDays: z.number().int(),
  result: z.string().nullable(),
  publicReply: z.string().nullable(),
  trackingCode: z.string(),
  timeLimit: z.object({ days: z.number().int(), basis: z.enum(['working', 'calendar']), maxExtensionDays: z.number().int(), source: z.string() }),
  transitions: z.array(PetitionTransition),
  attachments: z.array(PetitionAttachment),
  /** Actions the caller may take now. */
  actions: z.array(z.enum(PETITION_ACTION_NAMES as [PetitionAction, ...PetitionAction[]])),
  canReadIdentity: z.boolean(),
});
export type PetitionDetail = z.infer<typeof PetitionDetail>;

export const PetitionIdentity = z.object({
  anonymous: z.boolean(),
  erased: z.boolean(),
  name: z.string().nullable(),
  contact: z.string().nullable(),
  idNumber: z.string().nullable(),
  address: z.string().nullable(),
});

export const PetitionCategory = z.object({ code: z.string(), names: z.record(z.string(), z.string()), sortOrder: z.number().int() });
export type PetitionCategory = z.infer<typeof PetitionCategory>;

export const DigestRow = z.object({ unit: UnitBrief, dueSoon: z.number().int(), overdue: z.number().int(), escalatedOverdue: z.number().int() });
export type DigestRow = z.infer<typeof DigestRow>;
