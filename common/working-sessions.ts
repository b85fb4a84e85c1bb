/**
 * Working sessions (buổi làm việc) of a leading unit's delegation with a unit, their conclusion
 * notice (thông báo kết luận) and its requests (docs/leadership-loop.md, slice 4). Request and
 * response shapes shared by the server (routes, presenters) and the web app.
 */
import { z } from 'zod';
import { longText, oneLineText, optionalLongText } from './text-fields.js';
import { POLICY_DOCUMENT_LIMITS, POLICY_DOCUMENT_NUMBER, POLICY_DOCUMENT_STATUSES, POLICY_DOCUMENT_SYMBOL } from './policy-documents.js';
import { TASK_LIMITS, TASK_STATUSES, TaskUnit } from './tasks.js';
import { Id, IsoDate, Version } from './units.js';

export const WORKING_SESSION_LIMITS = {
  place: 300,
  content: 5000,
  memberName: 200,
  memberPosition: 300,
  /** A delegation: from one officer to a large joint team. */
  members: 50,
  /** Requests in one conclusion notice. */
  requests: 100,
  /** Sessions in a unit's history page. */
  historyPage: 200,
} as const;


// ---------------------------------------------------------------- members

export const WorkingSessionMemberInput = z.object({
  name: oneLineText(WORKING_SESSION_LIMITS.memberName).describe('"Đồng chí Nguyễn Văn A"'),
  position: oneLineText(WORKING_SESSION_LIMITS.memberPosition).describe('Chức vụ'),
  unitId: Id.nullish().describe('The member\'s unit, when it is in the unit tree'),
  isHead: z.boolean().default(false).describe('Trưởng đoàn: at most one'),
});
export type WorkingSessionMemberInput = z.input<typeof WorkingSessionMemberInput>;

export const WorkingSessionMember = z.object({
  id: Id,
  name: z.string(),
  position: z.string(),
  unit: TaskUnit.nullable(),
  isHead: z.boolean(),
});
export type WorkingSessionMember = z.infer<typeof WorkingSessionMember>;

const members = z.array(WorkingSessionMemberInput).min(1).max(WORKING_SESSION_LIMITS.members);

// ---------------------------------------------------------------- sessions

export const WorkingSession = z.object({
  id: Id,
  /** The unit worked with. */
  unit: TaskUnit,
  /** The delegation's unit: it owns the session (writes need data.write on it). */
  leadingUnit: TaskUnit,
  /** Any day: a session is recorded after it happens, or planned ahead. */
  heldOn: IsoDate,
  place: z.string(),
  content: z.string(),
  /** The head of the delegation, when one is named. */
  head: z.object({ name: z.string(), position: z.string() }).nullable(),
  memberCount: z.number().int(),
  /** The notice's document id, once it exists. */
  noticeId: Id.nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type WorkingSession = z.infer<typeof WorkingSession>;

export const WorkingSessionPage = z.object({ items: z.array(WorkingSession), total: z.number().int() });
export type WorkingSessionPage = z.infer<typeof WorkingSessionPage>;

export const WorkingSessionListQuery = z.object({
  unitId: Id.describe('Sessions whose unit worked with, or whose leading unit, lies in this unit\'s subtree'),
  from: IsoDate.optional().describe('Held on or after'),
  to: IsoDate.optional().describe('Held on or before'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export type WorkingSessionListQuery = z.infer<typeof WorkingSessionListQuery>;

export const CreateWorkingSessionBody = z.object({
  unitId: Id.describe('The unit worked with'),
  leadingUnitId: Id.describe('The delegation\'s unit'),
  heldOn: IsoDate,
  place: oneLineText(WORKING_SESSION_LIMITS.place),
  content: longText(WORKING_SESSION_LIMITS.content),
  members,
});
export type CreateWorkingSessionBody = z.infer<typeof CreateWorkingSessionBody>;

/** The unit worked with and the leading unit do not change: a different one is a different session. */
export const UpdateWorkingSessionBody = z
  .object({
    heldOn: IsoDate.optional(),
    place: oneLineText(WORKING_SESSION_LIMITS.place).optional(),
    content: longText(WORKING_SESSION_LIMITS.content).optional(),
    members: members.optional().describe('The whole list, replacing the old one'),
    version: Version,
  })
  .refine((b) => b.heldOn !== undefined || b.place !== undefined || b.content !== undefined || b.members !== undefined, { message: 'nothing to change' });
export type UpdateWorkingSessionBody = z.infer<typeof UpdateWorkingSessionBody>;

// ---------------------------------------------------------------- notice and requests

/** A request of the notice: an ordinary task of the notice's plan. */
export const WorkingSessionRequest = z.object({
  id: Id,
  content: z.string(),
  expectedOutput: z.string(),
  ownerUnit: TaskUnit,
  deadline: IsoDate,
  status: z.enum(TASK_STATUSES),
  /** Open and the deadline before today in Viet Nam. */
  overdue: z.boolean(),
  /** The day of the latest progress report (null before the first). */
  lastReportOn: IsoDate.nullable(),
  /** Children when the owner split the request (a container, closed once they are done). */
  childCount: z.number().int(),
  version: z.number().int(),
});
export type WorkingSessionRequest = z.infer<typeof WorkingSessionRequest>;

export const WorkingSessionNotice = z.object({
  id: Id,
  number: z.string().nullable(),
  symbol: z.string(),
  issuedOn: IsoDate.nullable(),
  title: z.string(),
  status: z.enum(POLICY_DOCUMENT_STATUSES),
  planId: Id,
});
export type WorkingSessionNotice = z.infer<typeof WorkingSessionNotice>;

export const WorkingSessionDetail = WorkingSession.extend({
  members: z.array(WorkingSessionMember),
  notice: WorkingSessionNotice.nullable(),
  /** The notice's requests, soonest deadline first (empty without a notice). */
  requests: z.array(WorkingSessionRequest),
  can: z.object({ edit: z.boolean(), addNotice: z.boolean() }),
});
export type WorkingSessionDetail = z.infer<typeof WorkingSessionDetail>;

export const NoticeRequestInput = z.object({
  content: longText(TASK_LIMITS.content),
  expectedOutput: oneLineText(TASK_LIMITS.expectedOutput).describe('Sản phẩm'),
  ownerUnitId: Id.describe('The unit worked with or a unit under it'),
  deadline: IsoDate.describe('Not before issuedOn, not in the past'),
});
export type NoticeRequestInput = z.infer<typeof NoticeRequestInput>;

export const CreateWorkingSessionNoticeBody = z.object({
  number: z
    .string()
    .trim()
    .max(POLICY_DOCUMENT_LIMITS.number)
    .regex(POLICY_DOCUMENT_NUMBER)
    .nullish()
    .describe('With a number the notice is recorded as issued; without, as a draft'),
  symbol: z.string().trim().min(1).max(POLICY_DOCUMENT_LIMITS.symbol).regex(POLICY_DOCUMENT_SYMBOL).describe('"TB/TU", "TB/BDVTU"'),
  issuedOn: IsoDate,
  title: oneLineText(POLICY_DOCUMENT_LIMITS.title),
  summary: optionalLongText(POLICY_DOCUMENT_LIMITS.summary).optional(),
  requests: z.array(NoticeRequestInput).min(1).max(WORKING_SESSION_LIMITS.requests),
});
export type CreateWorkingSessionNoticeBody = z.infer<typeof CreateWorkingSessionNoticeBody>;

// ---------------------------------------------------------------- a unit's history

export const UnitWorkingSessions = z.object({
  unit: TaskUnit,
  /** Sessions with the unit or a unit under it, newest first (first WORKING_SESSION_LIMITS.historyPage). */
  sessions: z.array(WorkingSession),
  total: z.number().int(),
  /** Open leaf requests (tasks of conclusion notices) owned in the unit's subtree. */
  openRequests: z.number().int(),
  /** Of them, past their deadline in Viet Nam. */
  overdueRequests: z.number().int(),
  today: IsoDate,
});
export type UnitWorkingSessions = z.infer<typeof UnitWorkingSessions>;

export const WorkingSessionIdParams = z.object({ id: Id });
