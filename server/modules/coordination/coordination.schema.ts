/**
 * Request and response shapes of the coordination programs API. They are shared with the web app,
 * so they live in common/coordination.ts; this file names them for the module.
 */
export {
  CoordinationProgramDetail,
  CoordinationProgramIdParams,
  CoordinationProgramListQuery,
  CoordinationProgramPage,
  CoordinationYearlyPlan,
  CreateCoordinationProgramBody,
  CreateForceBody,
  CreateYearlyPlanBody,
  Force,
  ForceList,
  ForceParams,
  UpdateCoordinationProgramBody,
  UpdateForceBody,
} from '../../../common/coordination.js';
