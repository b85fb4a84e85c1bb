/**
 * Import of entries from the Excel template: all or nothing. The file is first read whole with
 * every budget of the reader (xlsx-rows.ts: zip bombs, shared strings, columns beyond XFD, rows,
 * cells, damaged parts) and its data rows counted, before the database is touched: a refusal
 * there writes nothing and opens no transaction. Then it is read again, its rows validated in
 * batches with the rules of the entries service (EntryInput, checkLevel, titleKey, data.write on
 * the registering unit) and, while no row has failed, written batch by batch inside ONE
 * transaction whose every statement is awaited before it commits or rolls back. Any failing row
 * rolls the whole transaction back and the answer lists every problem by row, column and code.
 * The parts: entries-import-cells.ts (cell values), -reader.ts (columns, typed cells, problems),
 * -units.ts (which unit a row names), -validator.ts (the rules of a row); this file drives the
 * file through them and writes.
 */
import { createHash } from 'node:crypto';
import { type EntryStatus, type ImportResult, type ImportRowError, IMPORT_LIMITS } from '../../../common/entries.js';
import type { Db } from '../../db/database.js';
import { annotateInWorker } from '../../documents/annotate-in-worker.js';
import type { CellNote, SheetRow } from '../../documents/entries-workbook.js';
import { openXlsxWorkbook, type XlsxWorkbook } from '../../documents/xlsx-rows.js';
import type { MessageLang } from '../../documents/import-messages.js';
import { buildEntriesTemplate, DATA_SHEET } from '../../documents/entries-template.xlsx.js';
import { HISTORY_DATE_COLUMNS } from '../../documents/entries-columns.js';
import { xlsxRefusal } from '../../documents/xlsx-limits.js';
import { AppError } from '../../errors.js';
import { type Actor, pathCovers, scopePaths } from '../../http/access.js';
import type { Ctx } from '../../http/context.js';
import { recordAudit } from '../audit/audit.repository.js';
import { isBlank } from './entries-import-cells.js';
import { type RowProblem, SheetReader } from './entries-import-reader.js';
import { naturalKey, type SourceLink } from './entries-import-sources.js';
import { FileValidator, type ValidRow } from './entries-import-validator.js';
import * as repo from './entries-import.repository.js';

const BATCH_ROWS = 1_000;
/** A batch is also written once its rows hold this many characters (rows of long texts make smaller batches). */
const BATCH_CHARS = 4 * 1024 * 1024;
/** Problems listed in the JSON answer (the annotated workbook shows up to ANNOTATE_MAX_ERRORS). */
const MAX_ERRORS = 1_000;
const ANNOTATE_MAX_ERRORS = 20_000;

/** What reading the file found: its rows, the problems (in `sheet`), the replication links to write. */
type Outcome = { rows: number; sheet: SheetReader; links: SourceLink[]; headerRow: number };

/**
 * The data rows of the file, kept to the template's columns: blank rows before the header are
 * skipped, the header says where the columns are, empty rows are skipped. Row
 * IMPORT_LIMITS.rows + 1 refuses the file (FILE_TOO_LARGE). When a required column is missing
 * nothing more is yielded; the sheet is still read to its end with `toTheEnd` (for its budgets).
 */
async function* dataRows(book: XlsxWorkbook, sheet: SheetReader, toTheEnd = false): AsyncGenerator<SheetRow> {
  let rows = 0;
  let header: boolean | null = null;
  for await (const row of book.rows()) {
    if (header === null) {
      if (row.values.every((x) => isBlank(x ?? null))) continue;
      header = sheet.readHeader(row);
      if (!header && !toTheEnd) return;
      continue;
    }
    if (!header || sheet.isEmpty(row)) continue;
    if (++rows > IMPORT_LIMITS.rows) throw xlsxRefusal('too_many_rows', `The file has more than ${IMPORT_LIMITS.rows} rows; split it`, { limit: IMPORT_LIMITS.rows });
    yield sheet.keep(row);
  }
}

/**
 * Reads the whole sheet once, every budget checked and the data rows counted, without the
 * database: a damaged tail, a budget passed or a row too many refuses the file here, before
 * anything is written (and before exceljs loads it for a report). The rows' rules need the
 * database; they are checked on the second read.
 */
async function checkFile(book: XlsxWorkbook): Promise<void> {
  for await (const _ of dataRows(book, new SheetReader('en', 0), true));
}

/**
 * The checks an import makes before it touches the database, on their own: the zip, the budgets
 * while the whole sheet is read, the row count. Throws the refusal an import would answer.
 */
export async function checkImportFile(buffer: Buffer): Promise<void> {
  const book = await openXlsxWorkbook(buffer, { sheet: DATA_SHEET });
  try {
    await checkFile(book);
  } finally {
    book.close();
  }
}

const textLength = (row: SheetRow) => row.values.reduce<number>((n, v) => n + (typeof v === 'string' ? v.length : 0), 0);

/**
 * Streams the file's rows through the validator; `write` receives each batch of valid rows as
 * long as no row of the file has failed. Every write is awaited before this returns or throws,
 * so the caller's transaction never ends with a statement still running on its connection.
 */
async function runFile(db: Db, actor: Actor, book: XlsxWorkbook, lang: MessageLang, maxErrors: number, write: ((rows: ValidRow[], sheet: SheetReader) => Promise<void>) | null): Promise<Outcome> {
  const [fields, periods] = await Promise.all([repo.findFields(db), repo.findPeriods(db)]);
  const sheet = new SheetReader(lang, maxErrors);
  const v = new FileValidator(db, actor, { fields, periods }, sheet);
  let rows = 0;
  let batch: SheetRow[] = [];
  let batchChars = 0;
  // The database writes batch N while the next rows are read and checked: one write at a time, in order.
  let writing: Promise<void> = Promise.resolve();
  const flush = async () => {
    if (!batch.length) return;
    const valid = await v.validateBatch(batch);
    batch = [];
    batchChars = 0;
    if (write && sheet.totalProblems === 0) {
      await writing;
      writing = write(valid, sheet);
      // Awaited below; this only keeps a failure from counting as unhandled meanwhile.
      writing.catch(() => undefined);
    }
  };
  try {
    for await (const row of dataRows(book, sheet)) {
      rows++;
      batch.push(row);
      batchChars += textLength(row);
      if (batch.length >= BATCH_ROWS || batchChars >= BATCH_CHARS) await flush();
    }
    await flush();
  } catch (err) {
    // The write under way finishes (or fails) before the error leaves: only then may the transaction roll back.
    await writing.catch(() => undefined);
    throw err;
  }
  await writing;
  if (!rows && !sheet.totalProblems) sheet.problem(sheet.headerRow || 1, null, 'NO_ROWS');
  // Sources may be rows of this file: resolved once every row is read (and, on an import, written).
  const links = sheet.totalProblems ? [] : await v.sources.resolve(db, actor, sheet);
  return { rows, sheet, links, headerRow: sheet.headerRow || 1 };
}

/** How far along the lifecycle an entry in each state already is: the number of HISTORY_STEPS it has taken (undefined: off the path a file can extend). */
const STEPS_TAKEN: Partial<Record<EntryStatus, number>> = { draft: 0, registered: 1, accepted: 2, implementing: 2, evaluated: 3, recognised: 4 };

const dmy = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

/**
 * What a row does to the entry that already has its natural key: a draft takes the row's content
 * and its steps; an entry past draft only takes the steps it has not taken yet (checked against
 * its latest step's day by `checkAdvances`), and its content stays (the lifecycle guards it). A
 * returned or withdrawn entry, or one as far as the row or further, is left as it is.
 */
function planExisting(old: repo.ExistingEntry, r: ValidRow): { content: boolean; advance: repo.Advance | null } {
  const taken = STEPS_TAKEN[old.status];
  const content = old.status === 'draft' && !sameContent(old, r);
  if (taken === undefined || r.steps.length <= taken) return { content, advance: null };
  return { content, advance: { id: old.id, from: old.status, steps: r.steps.slice(taken), evaluation_effective: r.evaluation_effective, evaluation_score: r.evaluation_score } };
}

/**
 * Steps a file adds to an entry past draft: never dated before the day of its latest step (one
 * query for the batch), and a recognition only of an entry evaluated effective. Reports each
 * refusal on its row; returns the advances that hold.
 */
async function checkAdvances(trx: Db, planned: { advance: repo.Advance; row: ValidRow; old: repo.ExistingEntry }[], sheet: SheetReader): Promise<repo.Advance[]> {
  const past = planned.filter((p) => p.old.status !== 'draft');
  const lastDay = await repo.findLastStepDays(
    trx,
    past.map((p) => p.old.id),
  );
  return planned.flatMap(({ advance, row, old }) => {
    const first = advance.steps[0]!;
    const last = old.status === 'draft' ? undefined : lastDay.get(old.id);
    if (last && first.on < last) {
      sheet.problem(row.row, HISTORY_DATE_COLUMNS[first.action], 'BEFORE_CURRENT_STATE', { date: dmy(last) });
      return [];
    }
    if (first.action === 'recognise' && old.evaluation_effective !== true) {
      sheet.problem(row.row, 'recognisedOn', 'NOT_EFFECTIVE');
      return [];
    }
    return [advance];
  });
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

const changedMeanwhile = () => new AppError('CONFLICT', 'An entry of the file was changed by someone else during the import; nothing was imported. Import the file again.');

/** The "replicated from" links of the file (its rows are written by now): new ones written and counted, a cycle reported on its row. */
async function writeLinks(trx: Db, links: SourceLink[], sheet: SheetReader): Promise<void> {
  const ids = await repo.findIdsByKeys(trx, [...new Set(links.flatMap((l) => [l.replicaKey, l.sourceKey]))]);
  const rowOf = new Map(links.map((l) => [ids.get(l.replicaKey)!, l.row]));
  const cycles = await repo.insertReplications(
    trx,
    links.map((l) => ({ replicaId: ids.get(l.replicaKey)!, sourceId: ids.get(l.sourceKey)! })),
  );
  for (const replica of cycles) sheet.problem(rowOf.get(replica) ?? sheet.headerRow, 'replicatedFrom', 'REPLICATION_CYCLE');
}

/**
 * Imports the workbook: the file read whole first (checkFile), then every row valid → all written
 * in one transaction with one audit record ('entries.import'); otherwise nothing is written and
 * IMPORT_INVALID (or FORBIDDEN when a row names a unit outside the caller's data.write scope)
 * lists the problems.
 */
export async function importEntries(ctx: Ctx, actor: Actor, buffer: Buffer, options: ImportOptions = {}): Promise<ImportResult> {
  const sha256 = createHash('sha256').update(buffer).digest('hex');
  const book = await openXlsxWorkbook(buffer, { sheet: DATA_SHEET });
  try {
    await checkFile(book);
    return await ctx.db.transaction().execute(async (trx) => {
      const counts = { created: 0, updated: 0, unchanged: 0 };
      const paths = new Set<string>();
      const importer = { id: actor.userId, name: actor.username };
      const fileName = options.fileName?.slice(0, 255) || null;
      const outcome = await runFile(trx, actor, book, options.lang ?? 'en', MAX_ERRORS, async (rows, sheet) => {
        const existing = await repo.findExistingByKeys(
          trx,
          rows.map((r) => ({ unitId: r.registering_unit_id, year: r.year, titleKey: r.title_key })),
        );
        const byKey = new Map(existing.map((e) => [naturalKey(e.registering_unit_id, e.year, e.title_key), e]));
        const fresh: ValidRow[] = [];
        const planned: { advance: repo.Advance; row: ValidRow; old: repo.ExistingEntry }[] = [];
        for (const r of rows) {
          paths.add(r.unit_path);
          const old = byKey.get(naturalKey(r.registering_unit_id, r.year, r.title_key));
          if (!old) {
            fresh.push(r);
            continue;
          }
          const plan = planExisting(old, r);
          if (plan.content) {
            const content = Object.fromEntries(CONTENT_KEYS.map((k) => [k, r[k]])) as repo.EntryContent;
            if (!(await repo.updateDraft(trx, old.id, content, r.implementers))) throw changedMeanwhile();
          }
          if (plan.advance) planned.push({ advance: plan.advance, row: r, old });
          if (plan.content || plan.advance) counts.updated++;
          else counts.unchanged++;
        }
        const advances = await checkAdvances(trx, planned, sheet);
        if ((await repo.advanceEntries(trx, advances, importer, fileName)) !== advances.length) throw changedMeanwhile();
        await repo.insertEntries(
          trx,
          fresh.map(({ row: _row, ...e }) => e),
          importer,
          fileName,
        );
        counts.created += fresh.length;
      });
      const sheet = outcome.sheet;
      if (!sheet.totalProblems && outcome.links.length) await writeLinks(trx, outcome.links, sheet);
      if (sheet.totalProblems) {
        const details = { errors: sheet.problems.map(publicError), total: sheet.totalProblems };
        if (sheet.problems.some((p) => p.code === 'OUT_OF_SCOPE')) throw new AppError('FORBIDDEN', 'Some rows name units you may not enter data for; nothing was imported', details);
        throw new AppError('IMPORT_INVALID', `${sheet.totalProblems} problem(s) in the file; nothing was imported`, details);
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
  } finally {
    book.close();
  }
}

/** The problems of the file as notes for its annotated copy, and which sheet they belong to. */
async function reportNotes(ctx: Ctx, actor: Actor, buffer: Buffer, lang: MessageLang): Promise<{ notes: CellNote[]; errors: number; headerRow: number; sheet: string }> {
  const book = await openXlsxWorkbook(buffer, { sheet: DATA_SHEET });
  try {
    await checkFile(book);
    const outcome = await runFile(ctx.db, actor, book, lang, ANNOTATE_MAX_ERRORS, null);
    const notes = outcome.sheet.problems.map((p) => ({ row: p.row, column: p.col, message: p.message }));
    return { notes, errors: outcome.sheet.totalProblems, headerRow: outcome.headerRow, sheet: book.sheet };
  } finally {
    book.close();
  }
}

/**
 * The error report: the uploaded workbook with each problem highlighted and explained in `lang`.
 * Writes nothing. The file passes the same checks as an import before exceljs loads it whole.
 */
export async function annotateImport(ctx: Ctx, actor: Actor, buffer: Buffer, lang: MessageLang): Promise<{ workbook: Buffer; errors: number }> {
  const report = await reportNotes(ctx, actor, buffer, lang);
  return { workbook: await annotateInWorker(buffer, report.notes, report.headerRow, report.sheet), errors: report.errors };
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
