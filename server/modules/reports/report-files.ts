/**
 * A report as a file to download or save: DOCX in the Party's format, XLSX with the cross-tabs,
 * or CSV of the cells by child unit. `reportFile` is pure (the CLI and the route share it);
 * `reportFileFor` asks the engine for the report with the reader's scope check (`reportFor`) first.
 */
import type { Report, ReportQuery } from '../../../common/reports.js';
import { renderPartyDocx } from '../../documents/party-docx.js';
import { reportCsv, reportXlsx } from '../../documents/report-workbook.js';
import type { Actor } from '../../http/access.js';
import type { Ctx } from '../../http/context.js';
import { titleKey } from '../entries/entry-rules.js';
import { issuingBodyOn } from '../units/issuing-bodies/issuing-bodies.service.js';
import { documentDay, reportDocument, type ReportDocumentOptions } from './report-document.js';
import type { ReportFileFormat, ReportFileQuery } from './report-files.schema.js';
import { reportFor } from './reports.service.js';

export type ReportFile = { fileName: string; contentType: string; body: Buffer };

export const CONTENT_TYPES: Record<ReportFileFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
};

/** "Tỉnh Ninh Bình" → "tinh-ninh-binh": accents folded, ASCII only, safe in a header. */
export const slug = (text: string) => titleKey(text).replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'don-vi';

/** "2024", "2024-q3", "2021-2025", "2024-03-01-2024-05-15". */
export function rangeSlug(range: Report['range']): string {
  const [fromYear, fromMonth] = range.from.split('-').map(Number) as [number, number];
  switch (range.period) {
    case 'year':
      return String(fromYear);
    case 'quarter':
      return `${fromYear}-q${Math.ceil(fromMonth / 3)}`;
    case 'emulation_period':
      return `${fromYear}-${range.to.slice(0, 4)}`;
    case 'custom':
      return `${range.from}-${range.to}`;
  }
}

export const reportFileName = (report: Report, format: ReportFileFormat) => `bao-cao-${slug(report.unit.name)}-${rangeSlug(report.range)}.${format}`;

export async function reportFile(report: Report, format: ReportFileFormat, opts: ReportDocumentOptions = {}): Promise<ReportFile> {
  const body = format === 'docx' ? await renderPartyDocx(reportDocument(report, opts)) : format === 'xlsx' ? await reportXlsx(report) : reportCsv(report);
  return { fileName: reportFileName(report, format), contentType: CONTENT_TYPES[format], body };
}

/** The document's own lines of a file query (what is not the report's query). */
export type DocumentLines = Omit<ReportFileQuery, keyof ReportQuery | 'format'>;

/**
 * The document lines of the query, with the issuing body of the document's date (its date of
 * issue, else the day it is made): the unit's own data or the default of its level and era. An
 * absent line keeps the unit's default (report-document.ts).
 */
export async function documentOptions(ctx: Ctx, report: Report, q: DocumentLines): Promise<ReportDocumentOptions> {
  const { body: issuer } = await issuingBodyOn(ctx.db, report.unit.id, documentDay(report, q.date));
  return {
    number: q.number,
    date: q.date ?? null,
    place: q.place || undefined,
    issuer,
    signer: { authority: q.signerAuthority, position: q.signerPosition, name: q.signerName },
    includeEmptyUnits: q.includeEmptyUnits,
  };
}

/** The report file of a unit the actor may read; NOT_FOUND for a unit outside the scope, as for the report itself. */
export async function reportFileFor(ctx: Ctx, actor: Actor, query: ReportFileQuery): Promise<ReportFile> {
  const { format, number, date, place, signerAuthority, signerPosition, signerName, includeEmptyUnits, ...reportQuery } = query;
  const report = await reportFor(ctx, actor, reportQuery);
  const lines = { number, date, place, signerAuthority, signerPosition, signerName, includeEmptyUnits };
  return reportFile(report, format, format === 'docx' ? await documentOptions(ctx, report, lines) : {});
}
