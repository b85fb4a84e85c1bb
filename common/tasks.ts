/**
 * Implementation plans, tasks, progress reports and the roll-up of a policy document
 * (docs/leadership-loop.md, slice 2 "Plans, tasks, cascade and roll-up"). Request and response
 * shapes shared by the server (routes, presenters) and the web app.
 */
import { z } from 'zod';
import { longText, oneLineText, optionalLongText } from './text-fields.js';
import { DUE_FILTERS } from './work-queue.js';
import { Id, IsoDate, Version } from './units.js';

export const TASK_STATUSES = ['open', 'done'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

export const TASK_LIMITS = {
  content: 2000,
  expectedOutput: 1000,
  note: 1000,
  reopenReason: 1000,
  reportText: 5000,
  /** Owners of one "giao nhiệm vụ": every commune of the country (3,321) fits. */
  ownersPerRequest: 5000,
  /** Children of one split. */
  childrenPerSplit: 5000,
  evidencePerReport: 20,
  evidenceBytes: 20 * 1024 * 1024,
  /** Root tasks shown on a plan's page at once. */
  planTasksPage: 200,
} as const;

/** Evidence types, decided by the file's content (the name's extension must agree). */
export const TASK_EVIDENCE_TYPES = {
  'application/pdf': ['pdf'],
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': ['docx'],
  'image/jpeg': ['jpg', 'jpeg'],
  'image/png': ['png'],
} as const;
export type TaskEvidenceType = keyof typeof TASK_EVIDENCE_TYPES;


/** A unit as a plan or task names it. */
export const TaskUnit = z.object({ id: Id, name: z.string(), kind: z.string() });
export type TaskUnit = z.infer<typeof TaskUnit>;

/** The document a plan or task implements. */
export const TaskDocumentRef = z.object({ id: Id, numberAndSymbol: z.string(), title: z.string(), kind: z.string() });
export type TaskDocumentRef = z.infer<typeof TaskDocumentRef>;

// ---------------------------------------------------------------- roll-up figures

/** Leaf counts (containers are never counted, so a split never counts a task twice). */
export const TaskTotals = z.object({
  leaves: z.number().int(),
  done: z.number().int(),
  open: z.number().int(),
  /** Open, deadline before today in Viet Nam. */
  overdue: z.number().int(),
  /** Open, deadline today or within DUE_SOON_DAYS days. */
  dueSoon: z.number().int(),
  /** Units owning at least one leaf. */
  unitsTasked: z.number().int(),
  /** Units with at least one leaf that has a progress report or is done. */
  unitsReported: z.number().int(),
});
export type TaskTotals = z.infer<typeof TaskTotals>;

// ---------------------------------------------------------------- plans

export const ImplementationPlan = z.object({
  id: Id,
  document: TaskDocumentRef,
  unit: TaskUnit,
  planDocument: TaskDocumentRef.nullable(),
  startsOn: IsoDate,
  endsOn: IsoDate,
  createdAt: z.string(),
  version: z.number().int(),
});
export type ImplementationPlan = z.infer<typeof ImplementationPlan>;

export const ImplementationPlanList = z.object({ items: z.array(ImplementationPlan) });
export type ImplementationPlanList = z.infer<typeof ImplementationPlanList>;

export const CreateImplementationPlanBody = z
  .object({
    unitId: Id.describe('The implementing unit'),
    startsOn: IsoDate,
    endsOn: IsoDate,
    planDocumentId: Id.nullish().describe('The unit\'s own plan (a policy document of kind "plan"), when it has one'),
  })
  .refine((b) => b.endsOn >= b.startsOn, { message: 'must not be before the start', path: ['endsOn'] });
export type CreateImplementationPlanBody = z.infer<typeof CreateImplementationPlanBody>;

// ---------------------------------------------------------------- tasks

export const TaskSummary = z.object({
  id: Id,
  planId: Id,
  documentId: Id,
  parentId: Id.nullable(),
  assigningUnit: TaskUnit,
  ownerUnit: TaskUnit,
  content: z.string(),
  expectedOutput: z.string(),
  startsOn: IsoDate,
  deadline: IsoDate,
  status: z.enum(TASK_STATUSES),
  /** Open and the deadline before today in Viet Nam: computed when read, never stored. */
  overdue: z.boolean(),
  /** Children (a task with children is a container: it is closed by its owner once they are done). */
  childCount: z.number().int(),
  lastReportOn: IsoDate.nullable(),
  doneAt: z.string().nullable(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type TaskSummary = z.infer<typeof TaskSummary>;

export const TaskPage = z.object({ items: z.array(TaskSummary), total: z.number().int() });
export type TaskPage = z.infer<typeof TaskPage>;

export const ImplementationPlanDetail = ImplementationPlan.extend({
  /** The plan's root tasks, newest deadline last (first TASK_LIMITS.planTasksPage; `tasks.total` counts all). */
  tasks: TaskPage,
  totals: TaskTotals,
  can: z.object({ assign: z.boolean() }),
});
export type ImplementationPlanDetail = z.infer<typeof ImplementationPlanDetail>;

export const TaskListQuery = z.object({
  documentId: Id.optional(),
  planId: Id.optional(),
  ownerUnitId: Id.optional().describe('Tasks owned by this unit or by units under it'),
  assigningUnitId: Id.optional().describe('Tasks given by this unit'),
  status: z.enum(TASK_STATUSES).optional(),
  due: z.enum(DUE_FILTERS).optional().describe('Open tasks past their deadline (overdue), or due today or within DUE_SOON_DAYS days (due_soon), Viet Nam time'),
  leaf: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional()
    .describe('true: tasks without children only (what the roll-up counts)'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export type TaskListQuery = z.infer<typeof TaskListQuery>;

export const TaskEvidence = z.object({
  id: Id,
  fileName: z.string(),
  contentType: z.string(),
  sizeBytes: z.number().int(),
  sha256: z.string(),
  uploadedAt: z.string(),
});
export type TaskEvidence = z.infer<typeof TaskEvidence>;

export const TaskProgressReport = z.object({
  id: Id,
  taskId: Id,
  reportedOn: IsoDate,
  text: z.string(),
  percent: z.number().int().nullable(),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
  evidence: z.array(TaskEvidence),
});
export type TaskProgressReport = z.infer<typeof TaskProgressReport>;

/** An ancestor in the breadcrumb, root first. */
export const TaskAncestor = z.object({ id: Id, content: z.string(), ownerUnit: TaskUnit });
export type TaskAncestor = z.infer<typeof TaskAncestor>;

export const TaskDetail = TaskSummary.extend({
  document: TaskDocumentRef,
  note: z.string().nullable(),
  createdAt: z.string(),
  ancestors: z.array(TaskAncestor),
  /** The parent's deadline: a child's deadline may not pass it (null for a root task). */
  parentDeadline: IsoDate.nullable(),
  children: z.array(TaskSummary),
  /** Newest first. */
  reports: z.array(TaskProgressReport),
  /** What the reader may do (the web hides the rest; the server decides). */
  can: z.object({
    edit: z.boolean(),
    split: z.boolean(),
    report: z.boolean(),
    done: z.boolean(),
    reopen: z.boolean(),
    delete: z.boolean(),
  }),
});
export type TaskDetail = z.infer<typeof TaskDetail>;

export const CreateTasksBody = z
  .object({
    content: longText(TASK_LIMITS.content),
    expectedOutput: oneLineText(TASK_LIMITS.expectedOutput).describe('Sản phẩm: what the owner hands in'),
    startsOn: IsoDate,
    deadline: IsoDate,
    ownerUnitIds: z
      .array(Id)
      .min(1)
      .max(TASK_LIMITS.ownersPerRequest)
      .refine((ids) => new Set(ids).size === ids.length, 'must not repeat a unit')
      .describe('One root task per owner, all or nothing: the plan\'s unit or units under it, in force'),
  });
export type CreateTasksBody = z.infer<typeof CreateTasksBody>;

/** The tasks created: the first TASK_LIMITS.planTasksPage of them, and how many there are. */
export const CreateTasksResult = z.object({ items: z.array(TaskSummary), total: z.number().int() });
export type CreateTasksResult = z.infer<typeof CreateTasksResult>;

export const UpdateTaskBody = z
  .object({
    content: longText(TASK_LIMITS.content).optional(),
    expectedOutput: oneLineText(TASK_LIMITS.expectedOutput).optional(),
    deadline: IsoDate.optional(),
    version: Version,
  })
  .refine((b) => b.content !== undefined || b.expectedOutput !== undefined || b.deadline !== undefined, { message: 'nothing to change' });
export type UpdateTaskBody = z.infer<typeof UpdateTaskBody>;

export const SplitChild = z.object({
  id: Id.optional().describe('An existing child to keep (and update); absent for a new one'),
  ownerUnitId: Id,
  content: longText(TASK_LIMITS.content).optional().describe('Defaults to the parent\'s content'),
  expectedOutput: oneLineText(TASK_LIMITS.expectedOutput).optional().describe('Defaults to the parent\'s'),
  deadline: IsoDate.optional().describe('Defaults to the parent\'s deadline; never after it'),
});
export type SplitChild = z.infer<typeof SplitChild>;

/** The full list of children: those with an id are kept, new ones created, the others dropped. */
export const SplitTaskBody = z.object({
  children: z.array(SplitChild).max(TASK_LIMITS.childrenPerSplit),
  version: Version,
});
export type SplitTaskBody = z.infer<typeof SplitTaskBody>;

export const CreateProgressReportBody = z.object({
  reportedOn: IsoDate.describe('Not in the future, not before the task starts'),
  text: longText(TASK_LIMITS.reportText),
  percent: z.number().int().min(0).max(100).nullish(),
});
export type CreateProgressReportBody = z.infer<typeof CreateProgressReportBody>;

export const MarkTaskDoneBody = z.object({ version: Version, note: optionalLongText(TASK_LIMITS.note).optional() });
export type MarkTaskDoneBody = z.infer<typeof MarkTaskDoneBody>;

export const ReopenTaskBody = z.object({ version: Version, reason: oneLineText(TASK_LIMITS.reopenReason) });
export type ReopenTaskBody = z.infer<typeof ReopenTaskBody>;

// ---------------------------------------------------------------- roll-up

export const RollupQuery = z.object({ unitId: Id.describe('The unit whose subtree is summed; rows are its children in the current tree') });
export type RollupQuery = z.infer<typeof RollupQuery>;

export const RollupRow = TaskTotals.extend({
  unit: TaskUnit,
  /** Units in force below it (0 for a commune): the web offers drill-down only when > 0. */
  childUnitCount: z.number().int(),
});
export type RollupRow = z.infer<typeof RollupRow>;

export const Rollup = z.object({
  documentId: Id,
  unit: TaskUnit,
  /** The units above `unit` that the reader reads, root first, for the breadcrumb back up. */
  ancestors: z.array(TaskUnit),
  today: IsoDate,
  /** The whole subtree of `unit`, the unit itself included. */
  totals: TaskTotals,
  /** Tasks owned by `unit` itself (not by a unit below it). */
  own: TaskTotals,
  /** One row per child unit (current tree) that owns tasks in its subtree. */
  children: z.array(RollupRow),
});
export type Rollup = z.infer<typeof Rollup>;

// ---------------------------------------------------------------- route parameters

export const TaskIdParams = z.object({ id: Id });
export const DeleteTaskQuery = z.object({ version: z.coerce.number().int().min(1).max(2_147_483_647).describe('The version the task was read at') });
export type DeleteTaskQuery = z.infer<typeof DeleteTaskQuery>;

// ---- the dashboard's documents (GET /api/task-figures/documents; issue 14, slice 8) ----

export const TASK_DOCUMENTS_LIMIT = 20;

export const TaskDocumentFiguresQuery = z.object({
  unitId: Id.describe("The unit whose subtree is counted (attributed like a report's: a retired commune's tasks under its successor)"),
  from: IsoDate.describe('First day of the range'),
  to: IsoDate.describe('Last day of the range (open and overdue judged on it, or today while it runs)'),
  limit: z.coerce.number().int().min(1).max(TASK_DOCUMENTS_LIMIT).default(5),
});
export type TaskDocumentFiguresQuery = z.infer<typeof TaskDocumentFiguresQuery>;

export const TaskDocumentFigures = z.object({
  id: Id,
  symbol: z.string(),
  number: z.string().nullable(),
  title: z.string(),
  /** Leaves running in the range, done in it, open and overdue on the reference day (as the report's tasks block). */
  assigned: z.number().int(),
  done: z.number().int(),
  open: z.number().int(),
  overdue: z.number().int(),
});
export type TaskDocumentFigures = z.infer<typeof TaskDocumentFigures>;

export const TaskDocumentFiguresList = z.object({
  asOf: IsoDate,
  /** The documents the reader may read, largest share of overdue leaves first. */
  documents: z.array(TaskDocumentFigures),
});
export type TaskDocumentFiguresList = z.infer<typeof TaskDocumentFiguresList>;
