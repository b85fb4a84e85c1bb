/**
 * `danvan report`: a unit's report from the command line, as JSON, XLSX, DOCX or CSV: the same
 * engine and the same files as GET /api/reports and /api/reports/file, run as the system actor.
 */
import { writeFile } from 'node:fs/promises';
import { REPORT_FORMATS } from '../../common/reports.js';
import { AppError } from '../errors.js';
import { SYSTEM_ACTOR } from '../http/access.js';
import { documentOptions, reportFile } from '../modules/reports/report-files.js';
import { ReportFileQuery } from '../modules/reports/report-files.schema.js';
import { reportFor } from '../modules/reports/reports.service.js';
import type { Command } from './commands.js';
import { resolveUnit } from './user.command.js';
import { withDatabase } from './with-database.js';

const text = (v: string | boolean | undefined) => (typeof v === 'string' ? v : undefined);

const USAGE = [
  'Usage: danvan report --unit <id | kind:code> --period year|quarter|emulation_period|custom',
  '         [--year 2024] [--quarter 1-4] [--period-id ID] [--from YYYY-MM-DD --to YYYY-MM-DD]',
  '         --format json|xlsx|docx|csv [--out FILE]',
  '         DOCX: [--number 25] [--date YYYY-MM-DD] [--place …] [--signer-authority …] [--signer-position …] [--signer-name …]',
  'JSON goes to standard output unless --out; a file format is written to --out or to ./bao-cao-<unit>-<range>.<format>.',
].join('\n');

export const reportCommand: Command = {
  name: 'report',
  summary: 'A unit\'s report as JSON, XLSX, DOCX (the Party\'s format) or CSV: --unit … --period … --format …',
  options: {
    unit: { type: 'string' },
    period: { type: 'string' },
    year: { type: 'string' },
    quarter: { type: 'string' },
    'period-id': { type: 'string' },
    from: { type: 'string' },
    to: { type: 'string' },
    format: { type: 'string' },
    out: { type: 'string' },
    number: { type: 'string' },
    date: { type: 'string' },
    place: { type: 'string' },
    'signer-authority': { type: 'string' },
    'signer-position': { type: 'string' },
    'signer-name': { type: 'string' },
  },
  async run({ config, values, positionals }) {
    const unitRef = text(values.unit);
    const format = text(values.format) ?? 'json';
    if (!unitRef || !text(values.period) || positionals.length) {
      console.error(USAGE);
      return 2;
    }
    if (!(REPORT_FORMATS as readonly string[]).includes(format)) {
      throw new AppError('VALIDATION_FAILED', `Unknown format "${format}"; one of ${REPORT_FORMATS.join(', ')}`, { format });
    }
    return withDatabase(config, async ({ db }) => {
      const ctx = { db, config };
      // One validation for the query and the document lines: the route's schema.
      const parsed = ReportFileQuery.safeParse({
        unitId: await resolveUnit(db, unitRef),
        period: text(values.period),
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
      });
      if (!parsed.success) {
        const issues = parsed.error.issues.map((i) => `--${String(i.path[0] ?? 'input').replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}: ${i.message}`);
        throw new AppError('VALIDATION_FAILED', `Invalid report query: ${issues.join('; ')}`, { issues });
      }
      const { format: fileFormat, number, date, place, signerAuthority, signerPosition, signerName, ...query } = parsed.data;
      const report = await reportFor(ctx, SYSTEM_ACTOR, query);
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
      const file = await reportFile(report, fileFormat, documentOptions({ number, date, place, signerAuthority, signerPosition, signerName }));
      const target = out ?? file.fileName;
      await writeFile(target, file.body);
      console.error(`Wrote ${target} (${file.body.length} bytes): ${report.unit.name}, ${report.range.label}, ${report.figures.entries.total} entries.`);
      return 0;
    });
  },
};
