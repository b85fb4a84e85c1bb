/**
 * The boards (Ban thanh tra nhân dân, Ban giám sát đầu tư của cộng đồng) and the Front's supervision
 * and social criticism (issue 16; docs/grassroots-democracy.md §6). Request and response shapes
 * shared by the server and the web app.
 */
import { z } from 'zod';
import { longText, oneLineText, optionalLongText } from './text-fields.js';
import { TaskUnit } from './tasks.js';
import { Id, IsoDate, Version } from './units.js';

export const BOARD_KINDS = ['inspection', 'investment_supervision'] as const;
export type BoardKind = (typeof BOARD_KINDS)[number];
/** chuyên đề / qua hoạt động / qua Ban TTND, Ban GSĐTCCĐ / phản biện xã hội. */
export const PROGRAM_FORMS = ['thematic', 'through_activities', 'through_boards', 'social_criticism'] as const;
export const ACTIVITY_KINDS = ['supervision', 'social_criticism'] as const;
export const ANSWER_KINDS = ['answered', 'partly'] as const;
/** A recommendation's state on Viet Nam's day: open (not due yet), overdue, answered, partly answered. */
export const RECOMMENDATION_STATES = ['open', 'overdue', 'answered', 'partly'] as const;
export type RecommendationState = (typeof RECOMMENDATION_STATES)[number];

export const SUPERVISION_LIMITS = {
  name: 200,
  position: 200,
  text: 300,
  longText: 5000,
  members: 50,
  items: 100,
  recommendations: 50,
  page: 200,
} as const;

/** How the rule compares two members' names: case and spacing ignored. */
export function memberNameKey(name: string): string {
  return name.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('vi');
}

/** A recommendation's state on `today` (Viet Nam's day), as the server's queries compute it. */
export function recommendationState(r: { dueOn: string; answeredOn: string | null; answerKind: string | null }, today: string): RecommendationState {
  if (r.answeredOn) return r.answerKind === 'partly' ? 'partly' : 'answered';
  return r.dueOn < today ? 'overdue' : 'open';
}

const year = z.coerce.number().int().min(2000).max(2100);

// ---------------------------------------------------------------- boards

export const BoardMemberInput = z.object({
  name: oneLineText(SUPERVISION_LIMITS.name),
  position: oneLineText(SUPERVISION_LIMITS.position).describe('Trưởng ban, Phó Trưởng ban, Thành viên'),
  fromOn: IsoDate,
  toOn: IsoDate.nullish(),
});
export type BoardMemberInput = z.infer<typeof BoardMemberInput>;

export const CreateBoardBody = z.object({
  unitId: Id.describe('The commune'),
  kind: z.enum(BOARD_KINDS),
  projectName: oneLineText(SUPERVISION_LIMITS.text).nullish().describe('Required for an investment supervision board, refused otherwise'),
  investor: oneLineText(SUPERVISION_LIMITS.text).nullish(),
  termFrom: IsoDate,
  termTo: IsoDate.nullish(),
  electedOn: IsoDate.nullish(),
  electedBy: oneLineText(SUPERVISION_LIMITS.text).nullish().describe('"Hội nghị nhân dân thôn…"; recognized by the commune Front committee'),
  members: z.array(BoardMemberInput).min(1).max(SUPERVISION_LIMITS.members),
});
export type CreateBoardBody = z.infer<typeof CreateBoardBody>;

export const BoardMember = z.object({ id: Id, name: z.string(), position: z.string(), fromOn: IsoDate, toOn: IsoDate.nullable() });
export const Board = z.object({
  id: Id,
  unit: TaskUnit,
  kind: z.enum(BOARD_KINDS),
  projectName: z.string().nullable(),
  investor: z.string().nullable(),
  termFrom: IsoDate,
  termTo: IsoDate.nullable(),
  electedOn: IsoDate.nullable(),
  electedBy: z.string().nullable(),
  /** In office on Viet Nam's day: the term has begun and not ended. */
  inOffice: z.boolean(),
  members: z.array(BoardMember),
  version: z.number().int(),
});
export type Board = z.infer<typeof Board>;

/**
 * A correction of a board: each field given replaces the stored one (null clears an optional one),
 * each field left out stays. The kind is not changed: a board of the other kind is another board.
 */
export const UpdateBoardBody = z.object({
  projectName: oneLineText(SUPERVISION_LIMITS.text).nullish().describe('Required for an investment supervision board, refused otherwise'),
  investor: oneLineText(SUPERVISION_LIMITS.text).nullish(),
  termFrom: IsoDate.optional(),
  termTo: IsoDate.nullish(),
  electedOn: IsoDate.nullish(),
  electedBy: oneLineText(SUPERVISION_LIMITS.text).nullish(),
  version: Version.describe("The board's version as read"),
});
export type UpdateBoardBody = z.infer<typeof UpdateBoardBody>;

/** A member added to a board in office (elected later, or replacing one who left). */
export const AddBoardMemberBody = BoardMemberInput.extend({ version: Version.describe("The board's version as read: a board and its members change together") });
export type AddBoardMemberBody = z.infer<typeof AddBoardMemberBody>;

/**
 * The end of a member's time on the board (term ended, resigned, dismissed — "bãi nhiệm"): the
 * member leaves, the record stays. `toOn` null reopens it (a correction), under the exclusion rule.
 */
export const UpdateBoardMemberBody = z.object({
  toOn: IsoDate.nullable().describe('The last day on the board; not before fromOn nor after the term'),
  reason: oneLineText(SUPERVISION_LIMITS.text).describe('Why (kept in the audit): "bãi nhiệm theo đề nghị của Ủy ban MTTQ xã", "chuyển nơi cư trú"…'),
  version: Version.describe("The board's version as read"),
});
export type UpdateBoardMemberBody = z.infer<typeof UpdateBoardMemberBody>;

export const UnitQuery = z.object({ unitId: Id.describe('Records of this unit and its subtree') });
export const BoardList = z.object({ items: z.array(Board), total: z.number().int() });
export type BoardList = z.infer<typeof BoardList>;

// ---------------------------------------------------------------- programs

export const ProgramItemInput = z.object({
  subject: oneLineText(SUPERVISION_LIMITS.text),
  form: z.enum(PROGRAM_FORMS).nullish().describe("The Front's form; a board's plan may leave it empty"),
  leadOrganization: oneLineText(SUPERVISION_LIMITS.text).nullish(),
});
export const CreateProgramBody = z.object({
  unitId: Id.describe("The Front committee's (or organization's) unit, or the board's commune"),
  boardId: Id.nullish().describe("A board's yearly plan; empty: the unit's Front program"),
  year,
  items: z.array(ProgramItemInput).min(1).max(SUPERVISION_LIMITS.items),
});
export type CreateProgramBody = z.infer<typeof CreateProgramBody>;

export const Program = z.object({
  id: Id,
  unit: TaskUnit,
  boardId: Id.nullable(),
  year: z.number().int(),
  items: z.array(z.object({ subject: z.string(), form: z.enum(PROGRAM_FORMS).nullable(), leadOrganization: z.string().nullable() })),
  version: z.number().int(),
});
export type Program = z.infer<typeof Program>;
/** The program's items replaced as a whole; its unit, board and year stay (one a year each). */
export const UpdateProgramBody = z.object({
  items: z.array(ProgramItemInput).min(1).max(SUPERVISION_LIMITS.items),
  version: Version,
});
export type UpdateProgramBody = z.infer<typeof UpdateProgramBody>;
export const ProgramQuery = UnitQuery.extend({ year });
export const ProgramList = z.object({ items: z.array(Program) });
export type ProgramList = z.infer<typeof ProgramList>;

// ---------------------------------------------------------------- activities and recommendations

export const RecommendationInput = z.object({
  content: longText(SUPERVISION_LIMITS.longText),
  addressee: oneLineText(SUPERVISION_LIMITS.text).describe('The agency addressed, often outside the tree: "UBND xã", "Công ty…"'),
  addresseeUnitId: Id.nullish(),
  sentOn: IsoDate,
  dueOn: IsoDate.describe('Not before sentOn'),
});
export type RecommendationInput = z.infer<typeof RecommendationInput>;

export const CreateActivityBody = z.object({
  unitId: Id,
  boardId: Id.nullish().describe("A board's supervision; empty: the Front's"),
  programId: Id.nullish(),
  kind: z.enum(ACTIVITY_KINDS),
  heldOn: IsoDate,
  subject: oneLineText(SUPERVISION_LIMITS.text),
  findings: longText(SUPERVISION_LIMITS.longText),
  recommendations: z.array(RecommendationInput).max(SUPERVISION_LIMITS.recommendations).default([]),
});
export type CreateActivityBody = z.infer<typeof CreateActivityBody>;

export const Recommendation = z.object({
  id: Id,
  activityId: Id,
  unit: TaskUnit,
  boardKind: z.enum(BOARD_KINDS).nullable(),
  subject: z.string(),
  content: z.string(),
  addressee: z.string(),
  sentOn: IsoDate,
  dueOn: IsoDate,
  answeredOn: IsoDate.nullable(),
  answerKind: z.enum(ANSWER_KINDS).nullable(),
  answer: z.string().nullable(),
  state: z.enum(RECOMMENDATION_STATES),
  version: z.number().int(),
});
export type Recommendation = z.infer<typeof Recommendation>;

export const Activity = z.object({
  id: Id,
  unit: TaskUnit,
  boardId: Id.nullable(),
  boardKind: z.enum(BOARD_KINDS).nullable(),
  programId: Id.nullable(),
  kind: z.enum(ACTIVITY_KINDS),
  heldOn: IsoDate,
  subject: z.string(),
  findings: z.string(),
  recommendationCount: z.number().int(),
  version: z.number().int(),
});
export type Activity = z.infer<typeof Activity>;
export const ActivityList = z.object({ items: z.array(Activity), total: z.number().int() });
export type ActivityList = z.infer<typeof ActivityList>;
export const ActivityQuery = UnitQuery.extend({ year: year.optional() });

/** A correction of a supervision held; who held it and its kind stay. Fields left out stay. */
export const UpdateActivityBody = z.object({
  heldOn: IsoDate.optional().describe('Not after the day any of its recommendations was sent'),
  subject: oneLineText(SUPERVISION_LIMITS.text).optional(),
  findings: longText(SUPERVISION_LIMITS.longText).optional(),
  version: Version,
});
export type UpdateActivityBody = z.infer<typeof UpdateActivityBody>;

/** A correction of a recommendation not yet answered; fields left out stay. */
export const UpdateRecommendationBody = z.object({
  content: longText(SUPERVISION_LIMITS.longText).optional(),
  addressee: oneLineText(SUPERVISION_LIMITS.text).optional(),
  addresseeUnitId: Id.nullish(),
  sentOn: IsoDate.optional().describe('Not before the supervision was held'),
  dueOn: IsoDate.optional().describe('Not before sentOn'),
  version: Version,
});
export type UpdateRecommendationBody = z.infer<typeof UpdateRecommendationBody>;

export const RecommendationQuery = UnitQuery.extend({
  state: z.enum(RECOMMENDATION_STATES).optional(),
  year: year.optional().describe('Sent in this year'),
  limit: z.coerce.number().int().min(1).max(SUPERVISION_LIMITS.page).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export type RecommendationQuery = z.infer<typeof RecommendationQuery>;
export const RecommendationPage = z.object({ items: z.array(Recommendation), total: z.number().int(), today: IsoDate });
export type RecommendationPage = z.infer<typeof RecommendationPage>;

export const AnswerBody = z.object({
  answeredOn: IsoDate.describe('Not before the recommendation was sent'),
  answerKind: z.enum(ANSWER_KINDS),
  answer: optionalLongText(SUPERVISION_LIMITS.longText).optional(),
  version: Version,
});
export type AnswerBody = z.infer<typeof AnswerBody>;

export const IdParams = z.object({ id: Id });

// ---------------------------------------------------------------- figures

export const FigureRow = z.object({
  boardsInOffice: z.number().int(),
  boardFindings: z.number().int().describe("Boards' supervisions held in the year"),
  frontSupervisions: z.number().int(),
  frontCriticisms: z.number().int(),
  recommendations: z.number().int().describe('Sent in the year'),
  answered: z.number().int(),
  partly: z.number().int(),
  overdue: z.number().int(),
});
export type FigureRow = z.infer<typeof FigureRow>;
export const FiguresQuery = UnitQuery.extend({ year });
export const Figures = z.object({
  unit: TaskUnit,
  year: z.number().int(),
  today: IsoDate,
  total: FigureRow,
  /** The unit's own records (a province Front committee's that has no unit of its own in the tree): total = own + the children's. */
  own: FigureRow,
  children: z.array(FigureRow.extend({ unit: TaskUnit })),
});
export type Figures = z.infer<typeof Figures>;

