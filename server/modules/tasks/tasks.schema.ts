/**
 * Request and response shapes of the plans, tasks and roll-up API. They are shared with the web
 * app, so they live in common/tasks.ts; this file names them for the module.
 */
export {
  CreateImplementationPlanBody,
  CreateProgressReportBody,
  CreateTasksBody,
  CreateTasksResult,
  DeleteTaskQuery,
  ImplementationPlan,
  ImplementationPlanDetail,
  ImplementationPlanList,
  MarkTaskDoneBody,
  ReopenTaskBody,
  Rollup,
  RollupQuery,
  SplitTaskBody,
  TaskDetail,
  TaskEvidence,
  TaskIdParams,
  TaskListQuery,
  TaskPage,
  TaskProgressReport,
  UpdateTaskBody,
} from '../../../common/tasks.js';
