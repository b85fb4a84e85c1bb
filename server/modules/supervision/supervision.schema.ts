/**
 * Request and response shapes of the supervision API. They are shared with the web app, so they
 * live in common/supervision.ts; this file names them for the module.
 */
export {
  Activity,
  ActivityList,
  AddBoardMemberBody,
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
  Program,
  ProgramList,
  ProgramQuery,
  Recommendation,
  RecommendationInput,
  RecommendationPage,
  RecommendationQuery,
  UnitQuery,
  UpdateActivityBody,
  UpdateBoardBody,
  UpdateBoardMemberBody,
  UpdateProgramBody,
  UpdateRecommendationBody,
} from '../../../common/supervision.js';
