/**
 * Hotspots and incidents (điểm nóng, vụ việc phức tạp; docs/situation.md §3, §7): request and
 * response shapes shared by the server and the web app, and the rules both sides show.
 */
import { z } from 'zod';
import { ROLES } from './access.js';
import { longText, oneLineText } from './text-fields.js';
import { Id, IsoDate, Version } from './units.js';

export const HOTSPOT_STATUSES = ['emerging', 'handling', 'stabilised', 'closed'] as const;
export type HotspotStatus = (typeof HOTSPOT_STATUSES)[number];
export const HOTSPOT_SEVERITIES = [1, 2, 3] as const;

/** No legal number of hours was found (docs/situation.md §1): the default when no unit above sets one. */
export const DEFAULT_FLASH_REPORT_HOURS = 24;

export const HOTSPOT_LIMITS = { place: 300, title: 300, summary: 5000, text: 5000, reason: 2000, people: 1_000_000, responsible: 20, links: 50, hours: 720 } as const;

/**
 * A status going back (stabilised → handling) or leaving `closed` needs a reason: the timeline must
 * say why a case thought settled is open again. Forward moves and staying put need none.
 */
export function statusChangeNeedsReason(from: HotspotStatus, to: HotspotStatus): boolean {
  if (from === to) return false;
  return from === 'closed' || HOTSPOT_STATUSES.indexOf(to) < HOTSPOT_STATUSES.indexOf(from);
}

const Severity = z.number().int().min(1).max(3);
const Status = z.enum(HOTSPOT_STATUSES);
const HotspotUnit = z.object({ id: Id, name: z.string(), kind: z.string() });
/** The roles of a confidential case's readers: any role but the system admin's, who reads all anyway. */
const ReaderRoles = z.array(z.enum(ROLES)).min(1).max(ROLES.length);
/** An instant, as the web form sends it (ISO 8601 with an offset). */
const Instant = z.iso.datetime({ offset: true });

export const HotspotKind = z.object({ code: z.string(), names: z.record(z.string(), z.string()) });
export type HotspotKind = z.infer<typeof HotspotKind>;

export const Hotspot = z.object({
  id: Id,
  unit: HotspotUnit,
  place: z.string(),
  kind: z.string(),
  title: z.string(),
  summary: z.string(),
  peopleCount: z.number().int().nullable(),
  severity: z.number().int(),
  status: Status,
  occurredAt: z.string(),
  closedAt: z.string().nullable(),
  confidential: z.boolean(),
  readerRoles: z.array(z.string()).nullable(),
  /** The flash report must be acknowledged by the level above by then. */
  ackDueAt: z.string(),
  acknowledgedAt: z.string().nullable(),
  /** Unacknowledged past its due time. */
  overdue: z.boolean(),
  /** The severity is above the one the level above last saw. */
  worsened: z.boolean(),
  escalatedTo: HotspotUnit.nullable(),
  escalatedAt: z.string().nullable(),
  version: z.number().int(),
});
export type Hotspot = z.infer<typeof Hotspot>;

export const HotspotUpdate = z.object({
  id: Id,
  kind: z.enum(['flash_report', 'update', 'acknowledgement', 'escalation']),
  at: z.string(),
  by: z.string().nullable(),
  text: z.string(),
  statusFrom: Status.nullable(),
  statusTo: Status.nullable(),
  severityFrom: z.number().int().nullable(),
  severityTo: z.number().int().nullable(),
  reason: z.string().nullable(),
  escalatedTo: HotspotUnit.nullable(),
});
export type HotspotUpdate = z.infer<typeof HotspotUpdate>;

export const HotspotLink = z.object({ kind: z.enum(['petition', 'entry']), id: Id, label: z.string() });
export type HotspotLink = z.infer<typeof HotspotLink>;

export const HotspotDetail = Hotspot.extend({
  responsibleUnits: z.array(HotspotUnit),
  updates: z.array(HotspotUpdate),
  links: z.array(HotspotLink),
  can: z.object({ edit: z.boolean(), acknowledge: z.boolean(), escalate: z.boolean() }),
});
export type HotspotDetail = z.infer<typeof HotspotDetail>;

export const HotspotPage = z.object({ items: z.array(Hotspot), total: z.number().int() });
export type HotspotPage = z.infer<typeof HotspotPage>;

export const HOTSPOT_STATUS_FILTERS = ['open', 'closed', 'all'] as const;

export const HotspotListQuery = z.object({
  unitId: Id.describe('Cases of this unit\'s subtree'),
  status: z.enum(HOTSPOT_STATUS_FILTERS).default('open'),
  kind: z.string().max(41).optional(),
  severity: z.coerce.number().int().min(1).max(3).optional(),
  escalated: z.enum(['true', 'false']).optional().describe('Only the cases escalated (or never escalated)'),
  queue: z.enum(['action']).optional().describe('The work queue\'s list: the cases needing the action of the unit (see docs/situation.md §7)'),
  q: z.string().trim().max(200).optional().describe('Words of the title, the place or the summary'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export type HotspotListQuery = z.infer<typeof HotspotListQuery>;

export const HotspotTreeQuery = z.object({ unitId: Id });
const SeverityCounts = z.object({ total: z.number().int(), s1: z.number().int(), s2: z.number().int(), s3: z.number().int() });
export const HotspotTree = z.object({
  unit: HotspotUnit,
  /** Open cases filed at the unit itself. */
  own: SeverityCounts,
  /** Per child unit in force, open cases of its subtree (children without any are left out). */
  children: z.array(SeverityCounts.extend({ unit: HotspotUnit, hasChildren: z.boolean() })),
  total: SeverityCounts,
});
export type HotspotTree = z.infer<typeof HotspotTree>;

export const HotspotFiguresQuery = z.object({ unitId: Id, from: IsoDate, to: IsoDate });
export const HotspotFigures = z.object({
  unit: HotspotUnit,
  from: IsoDate,
  to: IsoDate,
  newInRange: z.number().int(),
  closedInRange: z.number().int(),
  escalatedInRange: z.number().int(),
  /** Open at the end of the last day, by kind and by severity (current severity). */
  openOnLastDay: z.number().int(),
  openByKind: z.array(z.object({ kind: z.string(), n: z.number().int() })),
  openBySeverity: z.array(z.object({ severity: z.number().int(), n: z.number().int() })),
});
export type HotspotFigures = z.infer<typeof HotspotFigures>;

export const CreateHotspotBody = z.object({
  unitId: Id.describe('Where it happens'),
  place: oneLineText(HOTSPOT_LIMITS.place).describe('Village, street or address'),
  kind: z.string().min(1).max(41),
  title: oneLineText(HOTSPOT_LIMITS.title),
  summary: longText(HOTSPOT_LIMITS.summary),
  peopleCount: z.number().int().min(0).max(HOTSPOT_LIMITS.people).nullish().describe('How many people are involved (no names)'),
  severity: Severity,
  occurredAt: Instant,
  responsibleUnitIds: z.array(Id).max(HOTSPOT_LIMITS.responsible).default([]).describe('In the tree: the unit, its ancestors or its descendants'),
  confidential: z.boolean().default(false),
  readerRoles: ReaderRoles.nullish().describe('Required when confidential'),
});
export type CreateHotspotBody = z.input<typeof CreateHotspotBody>;

export const UpdateHotspotBody = z
  .object({
    place: oneLineText(HOTSPOT_LIMITS.place).optional(),
    kind: z.string().min(1).max(41).optional(),
    title: oneLineText(HOTSPOT_LIMITS.title).optional(),
    summary: longText(HOTSPOT_LIMITS.summary).optional(),
    peopleCount: z.number().int().min(0).max(HOTSPOT_LIMITS.people).nullable().optional(),
    responsibleUnitIds: z.array(Id).max(HOTSPOT_LIMITS.responsible).optional(),
    confidential: z.boolean().optional(),
    readerRoles: ReaderRoles.nullable().optional(),
    version: Version,
  })
  .refine((b) => Object.keys(b).some((k) => k !== 'version'), { message: 'nothing to change' });
export type UpdateHotspotBody = z.input<typeof UpdateHotspotBody>;

export const AddHotspotUpdateBody = z.object({
  text: longText(HOTSPOT_LIMITS.text),
  at: Instant.optional().describe('When it happened (default now)'),
  status: Status.optional(),
  severity: Severity.optional(),
  reason: oneLineText(HOTSPOT_LIMITS.reason).optional().describe('Required for a status going back or leaving closed'),
  version: Version,
});
export type AddHotspotUpdateBody = z.input<typeof AddHotspotUpdateBody>;

export const AcknowledgeHotspotBody = z.object({ text: z.string().trim().max(HOTSPOT_LIMITS.text).optional(), version: Version });
export const EscalateHotspotBody = z.object({ unitId: Id.describe('An ancestor of the case\'s unit'), text: longText(HOTSPOT_LIMITS.text), version: Version });

export const PutHotspotLinksBody = z.object({
  petitionIds: z.array(Id).max(HOTSPOT_LIMITS.links),
  entryIds: z.array(Id).max(HOTSPOT_LIMITS.links),
});

export const FlashReportRule = z.object({
  unitId: Id,
  hours: z.number().int(),
  /** The unit whose rule applies (itself or the nearest ancestor with one); null: the default. */
  fromUnitId: Id.nullable(),
});
export type FlashReportRule = z.infer<typeof FlashReportRule>;
export const PutFlashReportRuleBody = z.object({ hours: z.number().int().min(1).max(HOTSPOT_LIMITS.hours) });

export const HotspotIdParams = z.object({ id: Id });

/**
 * The report engine's `hotspots` block (docs/situation.md §7): cases of the area in the report's
 * range — filed, closed, escalated in it, open at its end by kind and severity. Confidential cases
 * are never counted here: one answer serves every reader of the report (and its cache), and the
 * report's documents go to wide audiences; their readers count them on the hotspots page.
 */
export const ReportHotspots = z.object({
  newInRange: z.number().int(),
  closedInRange: z.number().int(),
  escalatedInRange: z.number().int(),
  openOnLastDay: z.number().int(),
  openByKind: z.array(z.object({ kind: z.string(), names: z.record(z.string(), z.string()), n: z.number().int() })),
  openBySeverity: z.array(z.object({ severity: z.number().int(), n: z.number().int() })),
});
export type ReportHotspots = z.infer<typeof ReportHotspots>;
