/**
 * Request and response shapes of the supervision API. They are shared with the web app, so they
 * live in common/supervision.ts; this file names them for the module.
 */
export {
  ActivityList,
  ActivityQuery,
  AnswerBody,
  Board,
  BoardList,
  CreateActivityBody,
  CreateBoardBody,
  CreateProgramBody,
  Figures,
  FiguresQuery,
  IdParams,
  ProgramList,
  ProgramQuery,
  Recommendation,
  RecommendationPage,
  RecommendationQuery,
  UnitQuery,
} from '../../../common/supervision.js';
