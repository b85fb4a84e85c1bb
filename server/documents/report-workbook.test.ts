import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { countCells } from '../../common/reports.js';
import { emptyReportFixture, petitionReportFixture, reportFixture, taskReportFixture } from '../modules/reports/report.fixtures.js';
import { REPORT_CSV_HEADER, reportCsv, reportXlsx } from './report-workbook.js';

async function readBack(buffer: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  /** The rows of a sheet below its title, as plain values. */
  const rows = (name: string) => {
    const ws = wb.getWorksheet(name);
    if (!ws) throw new Error(`no sheet ${name}`);
    const out: (string | number | null)[][] = [];
    ws.eachRow((row, n) => {
      if (n > 1) out.push((row.values as (string | number | null)[]).slice(1));
    });
    return out;
  };
  return { wb, rows };
}

const parseCsv = (buffer: Buffer) =>
  buffer
    .toString('utf8')
    .replace(/^\uFEFF/, '')
    .split('\r\n')
    .filter(Boolean)
    .map((line) => line.match(/("([^"]|"")*"|[^,]*)(,|$)/g)!.map((f) => f.replace(/,$/, '').replace(/^"|"$/g, '').replace(/""/g, '"')).slice(0, REPORT_CSV_HEADER.length));

describe('reportXlsx', () => {
  it('has a petitions sheet by kind, category, channel and unit, the units adding up to the total', async () => {
    const { rows } = await readBack(await reportXlsx(petitionReportFixture()));
    const sheet = rows('Đơn thư');
    expect(sheet[0]).toEqual(['Nhóm', 'Chỉ tiêu', 'Tiếp nhận', 'Đã giải quyết', 'Đúng hạn', 'Quá hạn khi giải quyết', 'Còn quá hạn']);
    expect(sheet.filter((r) => r[0] === 'Loại đơn')).toEqual([
      ['Loại đơn', 'Kiến nghị, phản ánh', 90, 77, 74, 3, 2],
      ['Loại đơn', 'Khiếu nại', 20, 15, 14, 1, 1],
      ['Loại đơn', 'Tố cáo', 10, 8, 7, 1, 0],
    ]);
    // Category names from the report's catalogue; channels in words.
    expect(sheet.find((r) => r[0] === 'Lĩnh vực' && r[1] === 'Môi trường')).toEqual(['Lĩnh vực', 'Môi trường', 40, 33, 32, 1, 1]);
    expect(sheet.find((r) => r[0] === 'Kênh tiếp nhận' && r[1] === 'Đường dây nóng')).toEqual(['Kênh tiếp nhận', 'Đường dây nóng', 40, 33, 32, 1, 1]);
    expect(sheet.at(-1)).toEqual(['Tổng cộng', '', 120, 100, 95, 5, 3]);
    const units = sheet.filter((r) => r[0] === 'Đơn vị');
    expect(units.map((r) => r[1])).toEqual(['Phường Hoa Lư', 'Xã Gia Viễn', 'Tỉnh Ninh Bình (trực tiếp)']);
    for (let col = 2; col < 7; col++) expect(units.reduce((s, r) => s + Number(r[col]), 0)).toBe(sheet.at(-1)![col]);
  });

  it('has a sheet of the implementation of documents by unit, the units adding up to the total', async () => {
    const { rows } = await readBack(await reportXlsx(taskReportFixture()));
    const sheet = rows('Thực hiện văn bản');
    expect(sheet[0]).toEqual(['Đơn vị', 'Nhiệm vụ được giao', 'Đến hạn trong kỳ', 'Hoàn thành', 'Chưa hoàn thành', 'Quá hạn', 'Đơn vị được giao', 'Đơn vị đã báo cáo', 'Buổi làm việc', 'Báo cáo đúng hạn', 'Báo cáo chậm']);
    expect(sheet.at(-1)).toEqual(['Tổng cộng', 55, 18, 23, 32, 5, 9, 7, 4, 6, 1]);
    const units = sheet.slice(1, -1);
    expect(units.map((r) => r[0])).toEqual(['Phường Hoa Lư', 'Xã Gia Viễn', 'Tỉnh Ninh Bình (trực tiếp)']);
    for (let col = 1; col < 11; col++) expect(units.reduce((s, r) => s + Number(r[col]), 0)).toBe(sheet.at(-1)![col]);
  });

  it('has a sheet per cross-tab with totals equal to the report', async () => {
    const { wb, rows } = await readBack(await reportXlsx(reportFixture()));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Tổng hợp', 'Theo lĩnh vực', 'Theo cấp - trạng thái', 'Theo đơn vị', 'Khen thưởng', 'Đơn thư', 'Thực hiện văn bản']);

    const summary = rows('Tổng hợp');
    expect(summary[0]).toEqual(['Chỉ tiêu', 'Kỳ báo cáo', 'Kỳ trước', 'Tăng (+) / giảm (−)']);
    expect(summary.find((r) => r[0] === 'Tổng số mô hình, điển hình')).toEqual(['Tổng số mô hình, điển hình', 122, 100, 22]);
    expect(summary.find((r) => r[0] === 'Khen thưởng tập thể')).toEqual(['Khen thưởng tập thể', 10, 12, -2]);

    const fields = rows('Theo lĩnh vực');
    expect(fields.at(-1)).toEqual(['Tổng cộng', 37, 8, 56, 21, 122]);
    expect(fields.find((r) => r[0] === 'Kinh tế')).toEqual(['Kinh tế', 24, 5, 0, 8, 37]);

    const levels = rows('Theo cấp - trạng thái');
    expect(levels[0]).toEqual(['Cấp đăng ký', 'Đã đăng ký', 'Đã chấp nhận', 'Bị trả lại', 'Đang thực hiện', 'Đã đánh giá', 'Được công nhận', 'Tổng số', 'Nháp (không tính)', 'Đã rút (không tính)']);
    // 7 drafts and 2 withdrawn entries are shown apart and stay out of the total.
    expect(levels.at(-1)).toEqual(['Tổng cộng', 3, 10, 0, 50, 17, 42, 122, 7, 2]);
    const levelTotal = levels.slice(1, -1).reduce((s, r) => s + Number(r[7]), 0);
    expect(levelTotal).toBe(122);

    const children = rows('Theo đơn vị');
    expect(children.map((r) => r[0])).toEqual(['Đơn vị', 'Phường Hoa Lư', 'Xã Gia Viễn', 'Tỉnh Ninh Bình (trực tiếp)', 'Tổng cộng']);
    const body = children.slice(1, -1);
    for (let col = 2; col < children[0]!.length; col++) {
      expect(body.reduce((s, r) => s + Number(r[col]), 0), String(children[0]![col])).toBe(children.at(-1)![col]);
    }
    expect(rows('Khen thưởng')).toEqual([
      ['Hình thức khen thưởng', 'Tập thể', 'Cá nhân', 'Tổng số'],
      ['Giấy khen', 6, 4, 10],
      ['Bằng khen', 4, 1, 5],
      ['Tổng cộng', 10, 5, 15],
    ]);
  });

  it('names commendation forms from the report\'s catalogue, a unit\'s own form included, and an unknown code as itself', async () => {
    const report = reportFixture();
    report.commendationForms = [...report.commendationForms, { code: 'memorial_medal', names: { vi: 'Kỷ niệm chương' } }];
    report.figures.commendations.byForm = [...report.figures.commendations.byForm, { formCode: 'memorial_medal', collectives: 0, individuals: 1 }, { formCode: 'gone_form', collectives: 1, individuals: 0 }];
    const { rows } = await readBack(await reportXlsx(report));
    expect(rows('Khen thưởng').map((r) => r[0])).toEqual(expect.arrayContaining(['Kỷ niệm chương', 'gone_form']));
  });

  it('styles the header and the totals, and neutralises a formula in a unit name', async () => {
    const report = reportFixture();
    report.children[0]!.unit!.name = '=HYPERLINK("http://x","bấm")';
    const { wb } = await readBack(await reportXlsx(report));
    const ws = wb.getWorksheet('Theo đơn vị')!;
    expect(ws.getCell('A2').font?.bold).toBe(true);
    expect(ws.getCell('A2').fill).toMatchObject({ type: 'pattern', pattern: 'solid' });
    expect(ws.getRow(ws.rowCount).font?.bold).toBe(true);
    expect(ws.getCell('A3').value).toBe('\'=HYPERLINK("http://x","bấm")');
    expect(ws.getCell('A3').formula).toBeUndefined();
  });

  it('writes an empty report as zeros, not as an error', async () => {
    const { rows } = await readBack(await reportXlsx(emptyReportFixture()));
    expect(rows('Theo lĩnh vực').at(-1)).toEqual(['Tổng cộng', 0, 0, 0, 0, 0]);
    expect(rows('Theo đơn vị').at(-1)?.slice(0, 3)).toEqual(['Tổng cộng', '', 0]);
  });
});

describe('reportCsv', () => {
  it('one row per child unit and cell; the counted rows add up to the report', () => {
    const report = reportFixture();
    const [header, ...lines] = parseCsv(reportCsv(report));
    expect(header).toEqual(REPORT_CSV_HEADER);
    expect(lines).toHaveLength(report.children.reduce((s, c) => s + c.figures.entries.cells.length, 0));
    const counted = lines.filter((l) => l[9] === 'Có').reduce((s, l) => s + Number(l[11]), 0);
    expect(counted).toBe(report.figures.entries.total);
    const hoaLu = lines.filter((l) => l[1] === 'Phường Hoa Lư' && l[9] === 'Có').reduce((s, l) => s + Number(l[11]), 0);
    expect(hoaLu).toBe(countCells(report.children[0]!.figures.entries.cells));
    expect(lines).toContainEqual(['501', 'Phường Hoa Lư', '2024', 'economic', 'Kinh tế', 'Mô hình', 'Tập thể', 'Cấp xã', 'Nháp', 'Không', 'Không', '7']);
    expect(lines.some((l) => l[1] === 'Tỉnh Ninh Bình (trực tiếp)' && l[0] === '500')).toBe(true);
  });

  it('starts with a BOM and neutralises text a spreadsheet would run', () => {
    const report = reportFixture({ fields: [{ code: 'economic', names: { vi: '@SUM(A1:A9)' } }] });
    report.children[1]!.unit!.name = '+cmd|calc';
    const text = reportCsv(report).toString('utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(text).toContain(",'@SUM(A1:A9),");
    expect(text).toContain(",'+cmd|calc,");
    expect(text).not.toMatch(/,[=+@-][^,]*\r?\n?/);
  });
});
