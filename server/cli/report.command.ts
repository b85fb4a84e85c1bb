/**
 * `danvan report`: a unit's report from the command line, as JSON, XLSX, DOCX or CSV: the same
 * engine and the same files as GET /api/reports and /api/reports/file, run as the system actor.
 * Progress (the engine's query, the file) goes to stderr; JSON without --out to stdout.
 */
import { writeFile } from 'node:fs/promises';
import { REPORT_FORMATS, REPORT_PERIODS } from '../../common/reports.js';
import { AppError } from '../errors.js';
import { SYSTEM_ACTOR } from '../http/access.js';
import { documentOptions, reportFile } from '../modules/reports/report-files.js';
import { ReportFileQuery } from '../modules/reports/report-files.schema.js';
import { reportFor } from '../modules/reports/reports.service.js';
import { resolveUnitRef } from '../modules/units/units-history.service.js';
import type { Command } from './command.js';
import { usageProblem } from './help.js';
import { stderrProgress } from './progress.js';
import { withDatabase } from './with-database.js';

const text = (v: string | boolean | undefined) => (typeof v === 'string' ? v : undefined);

export const reportCommand: Command = {
  name: 'report',
  summary: "A unit's report as JSON, XLSX, DOCX (the Party's document format) or CSV",
  usage: '--unit <id | kind:code[@YYYY-MM-DD]> --period <period> [period options] [--format json|xlsx|docx|csv] [--out FILE] [DOCX options]',
  options: {
    unit: { type: 'string', value: '<id | kind:code[@YYYY-MM-DD]>', description: 'The unit whose subtree is reported: an id or an official reference such as province:37 or district:369@2023-09-08.', required: true },
    'as-of': { type: 'string', value: 'YYYY-MM-DD', description: 'The day a reference without @date is read at (which unit held the code then).', default: 'today' },
    period: { type: 'string', value: REPORT_PERIODS.join('|'), description: 'The kind of range: a calendar year, a quarter, an emulation period or a custom range.', required: true },
    year: { type: 'string', value: '<YYYY>', description: 'The year, with --period year or quarter.' },
    quarter: { type: 'string', value: '<1-4>', description: 'The quarter, with --period quarter.' },
    'period-id': { type: 'string', value: '<id>', description: 'The emulation period, with --period emulation_period.' },
    from: { type: 'string', value: 'YYYY-MM-DD', description: 'First day, with --period custom.' },
    to: { type: 'string', value: 'YYYY-MM-DD', description: 'Last day (included), with --period custom.' },
    format: { type: 'string', value: REPORT_FORMATS.join('|'), description: 'What to write.', default: 'json' },
    out: { type: 'string', value: '<file>', description: 'Where to write.', default: 'JSON to standard output; a file format to ./bao-cao-<unit>-<range>.<format>' },
    number: { type: 'string', value: '<N>', description: 'DOCX: the document number before the symbol ("25" → "Số 25-BC/BTGDVTU").', default: 'room to write it by hand' },
    date: { type: 'string', value: 'YYYY-MM-DD', description: 'DOCX: the date of issue; it also decides which issuing body heads the document (Ban Dân vận before 2025, Ban Tuyên giáo và Dân vận after).', default: '"ngày … tháng … năm …" to fill by hand, headed as of today' },
    place: { type: 'string', value: '<text>', description: 'DOCX: the place of issue.', default: 'the unit\'s name without its type ("Ninh Bình")' },
    'signer-authority': { type: 'string', value: '<text>', description: 'DOCX: the line above the signer\'s title ("T/M BAN THƯỜNG VỤ", "K/T TRƯỞNG BAN").', default: 'the issuing body\'s (docs/documents.md)' },
    'signer-position': { type: 'string', value: '<text>', description: 'DOCX: the signer\'s title ("TRƯỞNG BAN", "BÍ THƯ").', default: 'the issuing body\'s' },
    'signer-name': { type: 'string', value: '<text>', description: 'DOCX: the signer\'s name.', default: 'blank' },
    'include-empty-units': { type: 'boolean', description: 'DOCX: also list the child units with no figures in the range in the table by unit.', default: 'left out, with a sentence saying how many' },
  },
  notes: [
    'The issuing body, its abbreviation and the signer\'s title come from the unit\'s data (set on the unit\'s page) or the default of its level for the document\'s date (docs/documents.md). Exit code 1 when the query is refused (the reason is printed), 2 when --unit or --period is missing.',
  ],
  examples: [
    { command: 'danvan report --unit province:37 --period year --year 2024 --format docx --number 25 --date 2024-12-20', does: "Tỉnh Ninh Bình's report of 2024 as a Party document, written to ./bao-cao-tinh-ninh-binh-2024.docx." },
    { command: 'danvan report --unit province:01 --period quarter --year 2025 --quarter 3 > q3.json', does: "Hà Nội's figures of Q3/2025 as JSON." },
  ],
  async run({ config, values, progress = stderrProgress() }) {
    const unitRef = text(values.unit);
    const period = text(values.period);
    const format = text(values.format) ?? 'json';
    if (!unitRef || !period) return usageProblem(reportCommand, `missing ${[!unitRef && '--unit', !period && '--period'].filter(Boolean).join(' and ')}`);
    if (!(REPORT_FORMATS as readonly string[]).includes(format)) {
      throw new AppError('VALIDATION_FAILED', `Unknown format "${format}"; one of ${REPORT_FORMATS.join(', ')}`, { format });
    }
    return withDatabase(config, async ({ db }) => {
      const ctx = { db, config };
      // One validation for the query and the document lines: the route's schema.
      const parsed = ReportFileQuery.safeParse({
        unitId: (await resolveUnitRef(db, unitRef, { asOf: text(values['as-of']) })).unit.id,
        period,
        year: text(values.year),
        quarter: text(values.quarter),
        periodId: text(values['period-id']),
        from: text(values.from),
        to: text(values.to),
        // JSON is not a file format of the route; the rest of the query is checked the same way.
        format: format === 'json' ? 'csv' : format,
        number: text(values.number),
        date: text(values.date),
        place: text(values.place),
        signerAuthority: text(values['signer-authority']),
        signerPosition: text(values['signer-position']),
        signerName: text(values['signer-name']),
        includeEmptyUnits: values['include-empty-units'] === true ? 'true' : undefined,
      });
      if (!parsed.success) {
        const issues = parsed.error.issues.map((i) => `--${String(i.path[0] ?? 'input').replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}: ${i.message}`);
        throw new AppError('VALIDATION_FAILED', `Invalid report query: ${issues.join('; ')}`, { issues });
      }
      const { format: fileFormat, number, date, place, signerAuthority, signerPosition, signerName, includeEmptyUnits, ...query } = parsed.data;
      const report = await progress.step('Computing the report', () => reportFor(ctx, SYSTEM_ACTOR, query));
      const out = text(values.out);
      if (format === 'json') {
        const json = `${JSON.stringify(report, null, 2)}\n`;
        if (!out) {
          process.stdout.write(json);
          return 0;
        }
        await writeFile(out, json);
        console.error(`Wrote ${out}.`);
        return 0;
      }
      const file = await progress.step(`Writing the ${fileFormat.toUpperCase()}`, async () =>
        reportFile(report, fileFormat, fileFormat === 'docx' ? await documentOptions(ctx, report, { number, date, place, signerAuthority, signerPosition, signerName, includeEmptyUnits }) : {}),
      );
      const target = out ?? file.fileName;
      await writeFile(target, file.body);
      console.error(`Wrote ${target} (${file.body.length} bytes): ${report.unit.name}, ${report.range.label}, ${report.figures.entries.total} entries.`);
      return 0;
    });
  },
};
