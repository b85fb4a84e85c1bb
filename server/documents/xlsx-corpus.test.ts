/**
 * The malformed-workbook corpus (xlsx-corpus/generate.ts), generated into a temporary folder:
 * every case read by the import's checks in a child process with a small heap (the memory bound),
 * then posted to the real routes with an editor's session — the exact answer, nothing written to
 * entries, entry_transitions or audit_log, the server still answering.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { multipartUpload } from '../modules/entries/entries-excel.fixtures.js';
import { IMPORT_COLUMNS } from './entries-columns.js';
import { buildUnit, buildUser, rootUnit } from '../test/factories.js';
import { createTestApp, type TestApp } from '../test/test-app.js';
import type { CheckResult } from './xlsx-corpus/check.js';
import { XLSX_REFUSAL_REASONS } from './xlsx-limits.js';
import { CORPUS, type CorpusFile, type Expected, writeCorpus } from './xlsx-corpus/generate.js';
import { entryRows, headerRow, sheetXml, templateRow, workbookParts } from './xlsx-corpus/workbook-parts.js';
import { zip } from './xlsx-corpus/zip-writer.js';

/** The bound documented in docs/entries-excel.md: a 96-MB heap, and the process's RSS grows by less than 128 MB for any case. */
const CHILD_HEAP_MB = 96;
const RSS_GROWTH_MB = 128;

let t: TestApp;
let editor: string;
let unitId: string;
let dir: string;
let manifest: CorpusFile[];

beforeAll(async () => {
  t = await createTestApp();
  const root = await rootUnit(t.db);
  const province = await buildUnit(t.db, { parentId: root.id, kind: 'province', code: 'X81', name: 'Tỉnh Kho Mẫu' });
  const commune = await buildUnit(t.db, { parentId: province.id, kind: 'commune', code: 'X8101', name: 'Xã Kho Mẫu' });
  unitId = commune.id;
  editor = await t.login((await buildUser(t.db, { grants: [{ unitId, role: 'editor' }] })).username);
  dir = mkdtempSync(path.join(tmpdir(), 'danvan-xlsx-corpus-'));
  manifest = writeCorpus(dir, { unit: `#${unitId}` });
}, 120_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const count = async (table: 'entries' | 'entry_transitions' | 'audit_log') => Number((await t.db.selectFrom(table).select(t.db.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);
const written = async () => ({ entries: await count('entries'), transitions: await count('entry_transitions'), audit: await count('audit_log') });

async function upload(url: string, file: Buffer, fileName = 'kho-mau.xlsx') {
  const { payload, headers } = multipartUpload(file, { fileName });
  return t.call('POST', url, { cookie: editor, body: payload, headers });
}

/** The answer's status, code and details as the corpus states them. */
function answerOf(res: { statusCode: number; json(): unknown }): Expected | { status: number; code?: string } {
  if (res.statusCode === 200) return { status: 200 };
  const { error } = res.json() as { error: { code: string; details?: Record<string, unknown> } };
  return { status: res.statusCode, code: error.code, ...(error.details ?? {}) } as Expected;
}

const refusalOf = (e: Expected) => (e.status === 200 ? { status: 200 } : e);

function run(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd: path.resolve(import.meta.dirname, '../..') });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('the malformed-workbook corpus', () => {
  it(`is read by the import's checks within a ${CHILD_HEAP_MB}-MB heap, each case answered as the corpus says`, async () => {
    const script = path.join(import.meta.dirname, 'xlsx-corpus', 'check.ts');
    const { code, stdout, stderr } = await run(['--expose-gc', `--max-old-space-size=${CHILD_HEAP_MB}`, '--import', 'tsx', script, dir]);
    // Out of memory, the child would die (exit code 134) before printing every case.
    expect(code, stderr).toBe(0);
    const results = stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as CheckResult);
    expect(results.map((r) => r.name)).toEqual(manifest.map((c) => c.name));
    for (const [i, c] of manifest.entries()) {
      const r = results[i]!;
      const answer = r.status === 200 ? { status: 200 } : { status: r.status, code: r.code, ...r.details };
      expect(answer, c.name).toEqual(refusalOf(c.expect));
      expect(r.rssMb, `${c.name}: RSS growth`).toBeLessThan(RSS_GROWTH_MB);
    }
  }, 240_000);

  describe('through the routes, with an editor\'s session', () => {
    it.each(CORPUS.map((c) => [c.name, c] as const))('%s', async (name, c) => {
      const file = readFileSync(path.join(dir, `${name}.xlsx`));
      const before = await written();
      const res = await upload('/api/entries/import', file);
      expect(answerOf(res), `${c.about}: ${res.body.slice(0, 300)}`).toEqual(refusalOf(c.expect));
      const after = await written();
      if (c.expect.status === 200) {
        const titles = c.expect.titles;
        expect(after).toEqual({ entries: before.entries + titles.length, transitions: before.transitions + titles.length, audit: before.audit + 1 });
        const rows = await t.db.selectFrom('entries').select('title').where('registering_unit_id', '=', unitId).where('title', 'in', titles).execute();
        expect(rows.map((r) => r.title).sort()).toEqual([...titles].sort());
      } else {
        expect(after, 'nothing written').toEqual(before);
        // The error report takes the same checks before exceljs loads anything: the same answer.
        const report = await upload('/api/entries/import/annotate', file);
        expect(answerOf(report), 'annotate').toEqual(refusalOf(c.expect));
        expect(await written()).toEqual(before);
      }
      expect((await t.call('GET', '/api/health')).statusCode, 'the server still answers').toBe(200);
    }, 120_000);
  });
});

describe('which sheet is read', () => {
  it('marks the errors of the visible sheet in the report, not of a hidden one before it', async () => {
    const unit = `#${unitId}`;
    const file = zip(
      workbookParts({
        sheets: [
          { name: 'Ẩn', state: 'hidden', body: sheetXml(headerRow(), templateRow(2, { unit, title: 'Thiếu cả cấp' })) },
          { name: 'Trang tính', body: sheetXml(headerRow(), entryRows(unit, 'Báo cáo trang hiện', 2, 1), templateRow(3, { unit, level: 'Cấp xã', kind: 'Mô hình', form: 'Tập thể', field: 'Kinh tế', year: 2026 })) },
        ],
      }),
    );
    const res = await upload('/api/entries/import/annotate', file);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['x-import-errors']).toBe('1');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const red = (ws: ExcelJS.Worksheet, ref: string) => (ws.getCell(ref).fill as { fgColor?: { argb?: string } } | undefined)?.fgColor?.argb === 'FFFFC7CE';
    expect(red(wb.getWorksheet('Trang tính')!, 'H3')).toBe(true);
    expect(red(wb.getWorksheet('Ẩn')!, 'B2')).toBe(false);
    expect(wb.getWorksheet('Ẩn')!.getCell(1, IMPORT_COLUMNS.length + 1).value).toBeNull();
  });
});

describe('the refusals\' messages', () => {
  it('has every reason in the seven languages, with the placeholders the English one uses', () => {
    const locales = ['vi', 'en', 'ru', 'sv', 'id', 'pl', 'ar'];
    const catalog = (l: string) => (JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../../web/locales', `${l}.json`), 'utf8')) as { importFileProblems: Record<string, string> }).importFileProblems;
    const placeholders = (text: string | undefined) => (text?.match(/\{\{\w+\}\}/g) ?? []).sort();
    const en = catalog('en');
    expect(Object.keys(en).sort()).toEqual([...XLSX_REFUSAL_REASONS].sort());
    for (const l of locales) {
      const messages = catalog(l);
      for (const reason of XLSX_REFUSAL_REASONS) {
        expect(messages[reason], `${l}: ${reason}`).toBeTruthy();
        expect(placeholders(messages[reason]), `${l}: ${reason}`).toEqual(placeholders(en[reason]));
      }
    }
  });
});
