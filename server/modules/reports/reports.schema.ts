/** GET /api/reports: the query and the answer (the report with children by headline figures) are the shared shapes of common/reports.ts. */
export { ReportView as ReportResponse, ReportQuery as ReportQuerystring } from '../../../common/reports.js';
