/**
 * Request and response shapes of the working-sessions API. They are shared with the web app, so
 * they live in common/working-sessions.ts; this file names them for the module.
 */
export {
  CreateWorkingSessionBody,
  CreateWorkingSessionNoticeBody,
  UnitWorkingSessions,
  UpdateWorkingSessionBody,
  WorkingSessionDetail,
  WorkingSessionIdParams,
  WorkingSessionListQuery,
  WorkingSessionPage,
} from '../../../common/working-sessions.js';
