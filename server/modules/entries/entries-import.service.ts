/**
 * Import of entries from the Excel template: all or nothing. The file is checked as a zip first
 * (nothing unpacked), then streamed row by row; rows are validated in batches with the rules of
 * the entries service (EntryInput, checkLevel, titleKey, data.write on the registering unit) and,
 * while no row has failed, written batch by batch inside ONE transaction. Any failing row rolls
 * the whole transaction back and the answer lists every problem by row, column and code.
 * The parts: entries-import-cells.ts (cell values), -reader.ts (columns, typed cells, problems),
 * -units.ts (which unit a row names), -validator.ts (the rules of a row); this file drives the
 * file through them and writes.
 */
import { createHash } from 'node:crypto';
import { type ImportResult, type ImportRowError, IMPORT_LIMITS } from '../../../common/entries.js';
import type { Db } from '../../db/database.js';
import { annotateInWorker } from '../../documents/annotate-in-worker.js';
import type { SheetRow } from '../../documents/entries-workbook.js';
import { readXlsxRows } from '../../documents/xlsx-rows.js';
import type { MessageLang } from '../../documents/import-messages.js';
import { buildEntriesTemplate } from '../../documents/entries-template.xlsx.js';
import { inspectXlsx } from '../../documents/xlsx-limits.js';
import { AppError, validation } from '../../errors.js';
import { type Actor, pathCovers, scopePaths } from '../../http/access.js';
import type { Ctx } from '../../http/context.js';
import { recordAudit } from '../audit/audit.repository.js';
import { isBlank } from './entries-import-cells.js';
import { type RowProblem, SheetReader } from './entries-import-reader.js';
import { FileValidator, type ValidRow } from './entries-import-validator.js';
import * as repo from './entries-import.repository.js';

const BATCH_ROWS = 1_000;
/** Problems listed in the JSON answer (the annotated workbook shows up to ANNOTATE_MAX_ERRORS). */
const MAX_ERRORS = 1_000;
const ANNOTATE_MAX_ERRORS = 20_000;

type Outcome = { rows: number; problems: RowProblem[]; totalProblems: number; headerRow: number };

/**
 * Streams the file's rows through the validator; `write` receives each batch of valid rows as
 * long as no row of the file has failed.
 */
async function runFile(db: Db, actor: Actor, buffer: Buffer, lang: MessageLang, maxErrors: number, write: ((rows: ValidRow[]) => Promise<void>) | null): Promise<Outcome> {
  await inspectXlsx(buffer);
  const [fields, periods] = await Promise.all([repo.findFields(db), repo.findPeriods(db)]);
  const sheet = new SheetReader(lang, maxErrors);
  const v = new FileValidator(db, actor, { fields, periods }, sheet);
  let headerRow = 0;
  let rows = 0;
  let batch: SheetRow[] = [];
  // The database writes batch N while the next rows are read and checked (one write at a time, in order).
  let writing: Promise<void> | null = null;
  const flush = async () => {
    if (!batch.length) return;
    const valid = await v.validateBatch(batch);
    batch = [];
    if (write && sheet.totalProblems === 0) {
      if (writing) await writing;
      writing = write(valid);
      // Awaited below; this only keeps a failure from counting as unhandled meanwhile.
      writing.catch(() => undefined);
    }
  };
  for await (const row of readXlsxRows(buffer)) {
    if (!headerRow) {
      if (row.values.every((x) => isBlank(x ?? null))) continue;
      headerRow = row.row;
      if (!sheet.readHeader(row)) break;
      continue;
    }
    if (sheet.isEmpty(row)) continue;
    if (++rows > IMPORT_LIMITS.rows) throw validation(`The file has more than ${IMPORT_LIMITS.rows} rows; split it`, { maxRows: IMPORT_LIMITS.rows });
    batch.push(row);
    if (batch.length >= BATCH_ROWS) await flush();
  }
  await flush();
  if (writing) await writing;
  if (!rows && !sheet.totalProblems) sheet.problem(headerRow || 1, null, 'NO_ROWS');
  return { rows, problems: sheet.problems, totalProblems: sheet.totalProblems, headerRow: headerRow || 1 };
}

const publicError = ({ col: _col, ...e }: RowProblem): ImportRowError => e;

/** Lowest common ancestor of unit paths ('1.2.3'): the unit whose subtree holds them all. */
function commonUnit(paths: Iterable<string>): string | null {
  let common: string[] | null = null;
  for (const p of paths) {
    const labels = p.split('.');
    if (!common) common = labels;
    else {
      let i = 0;
      while (i < common.length && common[i] === labels[i]) i++;
      common = common.slice(0, i);
    }
  }
  return common?.at(-1) ?? null;
}

type ContentKeys = keyof repo.EntryContent;
const CONTENT_KEYS: ContentKeys[] = ['level', 'kind', 'form', 'field_code', 'period_id', 'title', 'description', 'goals', 'results', 'start_date', 'end_date', 'participants_count', 'participants', 'money_vnd', 'working_days', 'land_m2', 'resources_other'];

function sameContent(a: repo.EntryContent & { implementers: repo.ImplementerValue[] }, b: repo.EntryContent & { implementers: repo.ImplementerValue[] }): boolean {
  const norm = (k: ContentKeys, v: unknown) => (v === null || v === undefined ? null : k === 'land_m2' ? Number(v).toFixed(2) : String(v));
  return CONTENT_KEYS.every((k) => norm(k, a[k]) === norm(k, b[k])) && JSON.stringify(a.implementers) === JSON.stringify(b.implementers);
}

export type ImportOptions = { fileName?: string; lang?: MessageLang };

/**
 * Imports the workbook: every row valid → all written in one transaction with one audit record
 * ('entries.import'); otherwise nothing is written and IMPORT_INVALID (or FORBIDDEN when a row
 * names a unit outside the caller's data.write scope) lists the problems.
 */
export async function importEntries(ctx: Ctx, actor: Actor, buffer: Buffer, options: ImportOptions = {}): Promise<ImportResult> {
  const sha256 = createHash('sha256').update(buffer).digest('hex');
  return ctx.db.transaction().execute(async (trx) => {
    const counts = { created: 0, updated: 0, unchanged: 0 };
    const paths = new Set<string>();
    const outcome = await runFile(trx, actor, buffer, options.lang ?? 'en', MAX_ERRORS, async (rows) => {
      const existing = await repo.findExistingByKeys(
        trx,
        rows.map((r) => ({ unitId: r.registering_unit_id, year: r.year, titleKey: r.title_key })),
      );
      const byKey = new Map(existing.map((e) => [`${e.registering_unit_id}|${e.year}|${e.title_key}`, e]));
      const fresh: ValidRow[] = [];
      for (const r of rows) {
        paths.add(r.unit_path);
        const old = byKey.get(`${r.registering_unit_id}|${r.year}|${r.title_key}`);
        if (!old) fresh.push(r);
        else if (old.status !== 'draft' || sameContent(old, r)) counts.unchanged++;
        else {
          const content = Object.fromEntries(CONTENT_KEYS.map((k) => [k, r[k]])) as repo.EntryContent;
          if (await repo.updateDraft(trx, old.id, content, r.implementers)) counts.updated++;
          else counts.unchanged++;
        }
      }
      await repo.insertEntries(
        trx,
        fresh.map(({ row: _row, ...e }) => e),
        { id: actor.userId, name: actor.username },
      );
      counts.created += fresh.length;
    });
    if (outcome.totalProblems) {
      const details = { errors: outcome.problems.map(publicError), total: outcome.totalProblems };
      if (outcome.problems.some((p) => p.code === 'OUT_OF_SCOPE')) throw new AppError('FORBIDDEN', 'Some rows name units you may not enter data for; nothing was imported', details);
      throw new AppError('IMPORT_INVALID', `${outcome.totalProblems} problem(s) in the file; nothing was imported`, details);
    }
    const result = { ...counts, rows: outcome.rows };
    await recordAudit(trx, actor, {
      action: 'entries.import',
      recordType: 'entry',
      unitId: commonUnit(paths),
      after: { ...result, fileName: options.fileName ?? null, sha256, bytes: buffer.length },
    });
    return result;
  });
}

/**
 * The error report: the uploaded workbook with each problem highlighted and explained in `lang`.
 * Writes nothing.
 */
export async function annotateImport(ctx: Ctx, actor: Actor, buffer: Buffer, lang: MessageLang): Promise<{ workbook: Buffer; errors: number }> {
  const outcome = await runFile(ctx.db, actor, buffer, lang, ANNOTATE_MAX_ERRORS, null);
  const notes = outcome.problems.map((p) => ({ row: p.row, column: p.col, message: p.message }));
  return { workbook: await annotateInWorker(buffer, notes, outcome.headerRow), errors: outcome.totalProblems };
}

/**
 * The import template for this caller: the national fields plus the fields a unit added that
 * apply to (some of) the caller's units, and the emulation periods.
 */
export async function entriesTemplate(ctx: Ctx, actor: Actor): Promise<Buffer> {
  const [fields, periods] = await Promise.all([repo.findFields(ctx.db), repo.findPeriods(ctx.db)]);
  const scopes = scopePaths(actor, 'data.write');
  const usable = fields.filter((f) => !f.unitPath || scopes.some((s) => pathCovers(f.unitPath!, s) || pathCovers(s, f.unitPath!)));
  return buildEntriesTemplate({ fields: usable.map((f) => f.name), periods: periods.map((p) => p.name) });
}
