/**
 * Request and response shapes of the situation-reports API. They are shared with the web app, so
 * they live in common/situation.ts; this file names them for the module.
 */
export {
  CreateSituationReportBody,
  SituationCatalogue,
  SituationReport,
  SituationReportIdParams,
  SituationReportListQuery,
  SituationReportPage,
  SituationSummary,
  SituationSummaryQuery,
  SituationVersionBody,
  UpdateSituationReportBody,
} from '../../../common/situation.js';
