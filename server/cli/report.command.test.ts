import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { paragraphTexts, zipPart } from '../documents/docx-test-helpers.js';
import { buildEntry } from '../modules/entries/entries.factories.js';
import { projectRoot } from '../paths.js';
import { buildUnit, rootUnit } from '../test/factories.js';
import { createTestDb, type TestDb } from '../test/test-db.js';
import type { CommandInput } from './command.js';
import { lineProgress } from './progress.js';
import { reportCommand } from './report.command.js';

let t: TestDb;
let dir: string;
let province: { id: string };

beforeAll(async () => {
  t = await createTestDb();
  dir = await mkdtemp(path.join(tmpdir(), 'danvan-report-cli-'));
  const root = await rootUnit(t.db);
  province = await buildUnit(t.db, { parentId: root.id, kind: 'province', code: 'C77', name: 'Tỉnh Dòng Lệnh' });
  const commune = await buildUnit(t.db, { parentId: province.id, kind: 'commune', code: 'C7701', name: 'Xã Một' });
  // A commune with nothing in 2024: left out of the DOCX's table unless asked for.
  await buildUnit(t.db, { parentId: province.id, kind: 'commune', code: 'C7702', name: 'Xã Hai' });
  for (let i = 0; i < 4; i++) await buildEntry(t.db, { unitId: commune.id, status: 'registered', year: 2024 });
  await buildEntry(t.db, { unitId: province.id, status: 'recognised', year: 2024 });
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Runs the command in-process; returns its exit code (or the error it threw) and what it printed. */
async function run(values: CommandInput['values'], positionals: string[] = []) {
  const out: string[] = [];
  vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => void out.push(args.join(' ')));
  vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => void out.push(args.join(' ')));
  const stdout: string[] = [];
  const progress: string[] = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => (stdout.push(String(chunk)), true));
  try {
    const code = await reportCommand.run({ config: t.config, values, positionals, progress: lineProgress((l) => progress.push(l)) });
    return { code, error: undefined, out: out.join('\n'), stdout: stdout.join(''), progress };
  } catch (error) {
    return { code: undefined, error: error as Error, out: out.join('\n'), stdout: stdout.join(''), progress };
  } finally {
    vi.restoreAllMocks();
  }
}

describe('danvan report', () => {
  it('prints the report as JSON, the unit given by kind:code', async () => {
    const r = await run({ unit: 'province:C77', period: 'year', year: '2024', format: 'json' });
    expect(r.error).toBeUndefined();
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.unit.name).toBe('Tỉnh Dòng Lệnh');
    expect(report.figures.entries.total).toBe(5);
    expect(report.figures.entries.registeringUnits).toBe(2);
  });

  it('writes a DOCX with the document lines given, and an XLSX, to --out', async () => {
    const docx = path.join(dir, 'bao-cao.docx');
    const r = await run({ unit: province.id, period: 'year', year: '2024', format: 'docx', out: docx, number: '12', date: '2024-12-20', 'signer-name': 'Trần Thị Bình' });
    expect(r.error).toBeUndefined();
    expect(r.out).toMatch(/^Wrote .*bao-cao\.docx \(\d+ bytes\): Tỉnh Dòng Lệnh, .*, 5 entries\.$/);
    const text = paragraphTexts(await zipPart(await readFile(docx), 'word/document.xml'));
    expect(text).toEqual(expect.arrayContaining(['Số 12-BC/BDVTU', 'Dòng Lệnh, ngày 20 tháng 12 năm 2024', 'Trần Thị Bình']));
    expect(text).toContain('Năm 2024, 2 đơn vị, địa phương đăng ký 5 mô hình, điển hình (5 tập thể); trong đó 5 mô hình: 5 lĩnh vực kinh tế.');
    // Dated 2024: the Ban Dân vận's heading; Xã Hai, with nothing in 2024, left out and counted.
    expect(text).toEqual(expect.arrayContaining(['TỈNH ỦY DÒNG LỆNH', 'BAN DÂN VẬN']));
    expect(text).toContain('Bảng chỉ liệt kê các đơn vị có số liệu trong kỳ (1 đơn vị không có số liệu không liệt kê).');
    expect(text).not.toContain('Xã Hai');
    // Progress of the long steps, on stderr.
    expect(r.progress).toEqual([expect.stringMatching(/^Computing the report…$/), expect.stringMatching(/^Computing the report: done in \d+\.\d s$/), 'Writing the DOCX…', expect.stringMatching(/^Writing the DOCX: done in \d+\.\d s$/)]);

    const xlsx = path.join(dir, 'bao-cao.xlsx');
    expect((await run({ unit: province.id, period: 'year', year: '2024', format: 'xlsx', out: xlsx })).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(xlsx);
    const summary = wb.getWorksheet('Tổng hợp')!;
    expect(summary.getRow(3).values).toEqual([undefined, 'Tổng số mô hình, điển hình', 5, 0, 5]);
  });

  it('heads a DOCX dated after the 2025 merger with the Ban Tuyên giáo và Dân vận, or with what the unit set', async () => {
    const docx = path.join(dir, 'bao-cao-2025.docx');
    const merged = await run({ unit: 'province:C77', period: 'year', year: '2024', format: 'docx', out: docx, number: '3', date: '2025-12-20', 'include-empty-units': true });
    expect(merged.error).toBeUndefined();
    const text = paragraphTexts(await zipPart(await readFile(docx), 'word/document.xml'));
    expect(text).toEqual(expect.arrayContaining(['TỈNH ỦY DÒNG LỆNH', 'BAN TUYÊN GIÁO VÀ DÂN VẬN', 'Số 3-BC/BTGDVTU', '- Ban Tuyên giáo và Dân vận cấp trên (để báo cáo),']));
    // --include-empty-units lists Xã Hai too, and no sentence about units left out.
    expect(text).toContain('Xã Hai');
    expect(text.some((l) => l.includes('không liệt kê'))).toBe(false);

    await t.db
      .insertInto('unit_issuing_bodies')
      .values({ unit_id: province.id, valid_from: '2025-02-10', valid_to: null, superior_body: 'TỈNH ỦY DÒNG LỆNH', name: 'Ban Tuyên giáo và Dân vận', symbol: 'BTGDV', signer_authority: 'K/T TRƯỞNG BAN', signer_position: 'PHÓ TRƯỞNG BAN' })
      .execute();
    const own = await run({ unit: 'province:C77', period: 'year', year: '2024', format: 'docx', out: docx, number: '4', date: '2025-02-20' });
    expect(own.error).toBeUndefined();
    const ownText = paragraphTexts(await zipPart(await readFile(docx), 'word/document.xml'));
    expect(ownText).toEqual(expect.arrayContaining(['BAN TUYÊN GIÁO VÀ DÂN VẬN', 'Số 4-BC/BTGDV', 'K/T TRƯỞNG BAN', 'PHÓ TRƯỞNG BAN']));
    await t.db.deleteFrom('unit_issuing_bodies').where('unit_id', '=', province.id).execute();
  });

  it('refuses bad input with a clear message', async () => {
    const cases: [CommandInput['values'], RegExp][] = [
      [{ unit: province.id, period: 'year', year: '2024', format: 'pdf' }, /Unknown format "pdf"; one of json, xlsx, docx, csv/],
      [{ unit: province.id, period: 'year', format: 'json' }, /year/],
      [{ unit: province.id, period: 'decade', year: '2024', format: 'json' }, /--period/],
      [{ unit: 'province:C99', period: 'year', year: '2024', format: 'json' }, /No unit has the province code C99/],
      [{ unit: '987654321', period: 'year', year: '2024', format: 'json' }, /unit 987654321 not found/i],
      [{ unit: province.id, period: 'year', year: '2024', format: 'docx', date: '20/12/2024', out: path.join(dir, 'x.docx') }, /--date: /],
    ];
    for (const [values, message] of cases) {
      const r = await run(values);
      expect(r.code, JSON.stringify(values)).toBeUndefined();
      expect(r.error?.message, JSON.stringify(values)).toMatch(message);
    }
    const usage = await run({ period: 'year', year: '2024' });
    expect(usage.code).toBe(2);
    expect(usage.out).toMatch(/^danvan report: missing --unit\nUsage: danvan report --unit /);
  });

  it('runs as the danvan executable', async () => {
    const exec = promisify(execFile);
    const out = path.join(dir, 'cli.csv');
    const r = await exec(process.execPath, ['--import', 'tsx', 'server/cli/main.ts', 'report', '--unit', 'province:C77', '--period', 'year', '--year', '2024', '--format', 'csv', '--out', out], {
      cwd: projectRoot,
      env: { ...process.env, DATABASE_URL: t.url, LOG_LEVEL: 'silent' },
    });
    expect(r.stderr).toMatch(/Wrote .*cli\.csv/);
    const csv = await readFile(out, 'utf8');
    expect(csv.startsWith('\uFEFFMã đơn vị,Đơn vị,')).toBe(true);
    expect(csv).toContain('Xã Một');
  }, 60_000);
});
