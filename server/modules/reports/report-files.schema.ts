/** The query of GET /api/reports/file: the report's query, the file format and the document's own lines. */
import { z } from 'zod';
import { ReportQuery } from '../../../common/reports.js';
import { IsoDate } from '../../../common/units.js';

export const REPORT_FILE_FORMATS = ['docx', 'xlsx', 'csv'] as const;
export type ReportFileFormat = (typeof REPORT_FILE_FORMATS)[number];

const Line = (max: number) => z.string().trim().max(max);

export const ReportFileQuery = ReportQuery.extend({
  format: z.enum(REPORT_FILE_FORMATS),
  number: Line(20).optional().describe('DOCX: the document number before the symbol ("25" → "Số 25-BC/BDVTU"); empty leaves room to write it'),
  date: IsoDate.optional().describe('DOCX: the date of issue; absent → "ngày … tháng … năm …" to fill by hand'),
  place: Line(100).optional().describe('DOCX: the place of issue; default: the unit\'s name without its type ("Ninh Bình")'),
  signerAuthority: Line(100).optional().describe('DOCX: "T/M BAN THƯỜNG VỤ", "K/T TRƯỞNG BAN"…'),
  signerPosition: Line(100).optional(),
  signerName: Line(100).optional(),
});
export type ReportFileQuery = z.infer<typeof ReportFileQuery>;
