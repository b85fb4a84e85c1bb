/** GET /api/reports: the query and the answer are the shared shapes of common/reports.ts. */
export { Report as ReportResponse, ReportQuery as ReportQuerystring } from '../../../common/reports.js';
