/**
 * The entries export as .xlsx or .csv, written as a stream (rows are pulled batch by batch and
 * never held all at once): Vietnamese headers and values, dates as dd/mm/yyyy, formulas neutralised.
 */
import { PassThrough, Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { ExportRow } from '../modules/entries/entries-import.repository.js';
import { CSV_BOM, csvLine } from './csv.js';
import { FORM_NAMES, KIND_NAMES, LEVEL_NAMES, neutralise, STATUS_NAMES } from './entries-columns.js';

type ExportValue = string | number | Date | null;
type ExportColumn = { header: string; width: number; value: (r: ExportRow) => ExportValue; numFmt?: string };

const isoToDate = (iso: string | null) => (iso ? new Date(`${iso}T00:00:00Z`) : null);
const dmy = (d: Date) => `${String(d.getUTCDate()).padStart(2, '0')}/${String(d.getUTCMonth() + 1).padStart(2, '0')}/${d.getUTCFullYear()}`;
const num = (s: string | null) => (s === null ? null : Number(s));

export const EXPORT_COLUMNS: readonly ExportColumn[] = [
  { header: 'Mã đăng ký', width: 10, value: (r) => Number(r.id) },
  { header: 'Đơn vị đăng ký', width: 36, value: (r) => r.unit_name },
  { header: 'Mã đơn vị', width: 10, value: (r) => `#${r.unit_id}` },
  { header: 'Cấp đăng ký', width: 12, value: (r) => LEVEL_NAMES[r.level] },
  { header: 'Loại', width: 12, value: (r) => KIND_NAMES[r.kind] },
  { header: 'Hình thức', width: 12, value: (r) => FORM_NAMES[r.form] },
  { header: 'Lĩnh vực', width: 28, value: (r) => r.field_name ?? r.field_code },
  { header: 'Năm', width: 8, value: (r) => r.year },
  { header: 'Giai đoạn', width: 12, value: (r) => r.period_name },
  { header: 'Tên mô hình/điển hình', width: 50, value: (r) => r.title },
  { header: 'Mô tả', width: 40, value: (r) => r.description },
  { header: 'Mục tiêu', width: 30, value: (r) => r.goals },
  { header: 'Ngày bắt đầu', width: 12, value: (r) => isoToDate(r.start_date), numFmt: 'dd/mm/yyyy' },
  { header: 'Ngày kết thúc', width: 12, value: (r) => isoToDate(r.end_date), numFmt: 'dd/mm/yyyy' },
  { header: 'Số người tham gia', width: 10, value: (r) => r.participants_count },
  { header: 'Thành phần tham gia', width: 30, value: (r) => r.participants },
  { header: 'Kinh phí (đồng)', width: 16, value: (r) => num(r.money_vnd), numFmt: '#,##0' },
  { header: 'Ngày công', width: 10, value: (r) => r.working_days },
  { header: 'Đất hiến (m²)', width: 12, value: (r) => num(r.land_m2), numFmt: '#,##0.##' },
  { header: 'Nguồn lực khác', width: 30, value: (r) => r.resources_other },
  { header: 'Kết quả', width: 40, value: (r) => r.results },
  { header: 'Đơn vị/người thực hiện', width: 30, value: (r) => r.implementer_names },
  { header: 'Trạng thái', width: 14, value: (r) => STATUS_NAMES[r.status] },
  { header: 'Điển hình được công nhận', width: 10, value: (r) => (r.recognised_typical ? 'Có' : 'Không') },
  { header: 'Số nơi nhân rộng', width: 10, value: (r) => r.replication_count },
  { header: 'Cập nhật lần cuối', width: 12, value: (r) => new Date(Date.UTC(r.updated_at.getFullYear(), r.updated_at.getMonth(), r.updated_at.getDate())), numFmt: 'dd/mm/yyyy' },
];

const safe = (v: ExportValue) => (typeof v === 'string' ? neutralise(v) : v);

/** The .xlsx export, streamed as it is written (exceljs's streaming writer, no shared strings). */
export function entriesXlsxStream(rows: AsyncIterable<ExportRow>): Readable {
  const out = new PassThrough();
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false, useStyles: true });
  const ws = wb.addWorksheet('Danh sách', { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = EXPORT_COLUMNS.map((c, i) => ({ header: c.header, key: `c${i}`, width: c.width, ...(c.numFmt ? { style: { numFmt: c.numFmt } } : {}) }));
  ws.getRow(1).font = { bold: true };
  void (async () => {
    try {
      let n = 0;
      for await (const r of rows) {
        ws.addRow(EXPORT_COLUMNS.map((c) => safe(c.value(r)))).commit();
        // Let a slow reader set the pace, so the export does not pile up in memory.
        if (++n % 500 === 0 && out.writableNeedDrain) await new Promise((resolve) => out.once('drain', resolve));
      }
      ws.commit();
      await wb.commit();
    } catch (err) {
      out.destroy(err as Error);
    }
  })();
  return out;
}

/** The .csv export: UTF-8 with BOM, dates dd/mm/yyyy. */
export function entriesCsvStream(rows: AsyncIterable<ExportRow>): Readable {
  async function* lines() {
    yield CSV_BOM + csvLine(EXPORT_COLUMNS.map((c) => c.header));
    for await (const r of rows) yield csvLine(EXPORT_COLUMNS.map((c) => {
      const v = c.value(r);
      return v instanceof Date ? dmy(v) : v;
    }));
  }
  return Readable.from(lines());
}
