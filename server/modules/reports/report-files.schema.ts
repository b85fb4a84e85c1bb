/** The query of GET /api/reports/file: the report's query, the file format and the document's own lines. */
import { z } from 'zod';
import { ReportQuery } from '../../../common/reports.js';
import { IsoDate } from '../../../common/units.js';
import { ReportUnitFields, withOneUnit } from './reports.schema.js';

export const REPORT_FILE_FORMATS = ['docx', 'xlsx', 'csv'] as const;
export type ReportFileFormat = (typeof REPORT_FILE_FORMATS)[number];

const Line = (max: number) => z.string().trim().max(max);

/** The file's query with the unit as an id (what `reportFileFor` and `danvan report` take). */
export const ReportFileQuery = ReportQuery.extend({
  format: z.enum(REPORT_FILE_FORMATS),
  number: Line(20).optional().describe('DOCX: the document number before the symbol ("25" → "Số 25-BC/BTGDVTU"); empty leaves room to write it'),
  date: IsoDate.optional().describe('DOCX: the date of issue; absent → "ngày … tháng … năm …" to fill by hand'),
  place: Line(100).optional().describe('DOCX: the place of issue; default: the unit\'s name without its type ("Ninh Bình")'),
  signerAuthority: Line(100).optional().describe('DOCX: "T/M BAN THƯỜNG VỤ", "K/T TRƯỞNG BAN"…'),
  signerPosition: Line(100).optional(),
  signerName: Line(100).optional(),
  includeEmptyUnits: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true')
    .describe('DOCX: also list the child units with no figures in the range (left out by default, and counted in a sentence under the table)'),
});
export type ReportFileQuery = z.infer<typeof ReportFileQuery>;

/** The route's query: the same, the unit given as `unitId` or as a reference `unit`. */
export const ReportFileQuerystring = withOneUnit(ReportFileQuery.extend(ReportUnitFields));
