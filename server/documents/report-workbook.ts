/**
 * A report as a spreadsheet: an .xlsx with one sheet per cross-tab (summary, field × kind × form,
 * level × status, child units, commendation forms, petitions), and a long-format .csv of the cells by child
 * unit (one row per unit and combination, the shape a pivot table wants). Values only, no
 * formulas; text neutralised so a spreadsheet never runs it. See docs/documents.md.
 */
import ExcelJS from 'exceljs';
import { ENTRY_LEVELS, ENTRY_STATUSES } from '../../common/entries.js';
import { PETITION_KINDS } from '../../common/petitions.js';
import { COUNTED_STATUSES, countCells, type PetitionCounts, type Report, type ReportFigures, type ReportTasks } from '../../common/reports.js';
import { commendationFormName, fieldList, ownRowName, PETITION_CHANNEL_WORD, PETITION_KIND_WORD, petitionCategoryName } from '../modules/reports/report-document.js';
import { periodName } from '../modules/reports/report-wording.js';
import { CSV_BOM, csvLine } from './csv.js';
import { FORM_NAMES, KIND_NAMES, LEVEL_NAMES, neutralise, STATUS_NAMES } from './entries-columns.js';
import { situationSheet } from '../modules/situation-reports/situation-report-parts.js';
import { hotspotSheet } from '../modules/hotspots/hotspot-report.js';
import { religiousSheet } from '../modules/religious-affairs/religious-report.js';
import { grassrootsSheet } from '../modules/reports/report-grassroots.js';

type Value = string | number;
type Sheet = { name: string; title: string; header: string[]; widths: number[]; rows: Value[][]; total?: Value[] };

const safe = (v: Value) => (typeof v === 'string' ? neutralise(v) : v);

function summarySheet(report: Report): Sheet {
  const now = report.figures;
  const before = report.previous;
  const measures: [string, (f: ReportFigures) => number][] = [
    ['Tổng số mô hình, điển hình', (f) => f.entries.total],
    ['Mô hình', (f) => countCells(f.entries.cells, { kind: 'model' })],
    ['Điển hình', (f) => countCells(f.entries.cells, { kind: 'typical_example' })],
    ['Tập thể', (f) => countCells(f.entries.cells, { form: 'collective' })],
    ['Cá nhân', (f) => countCells(f.entries.cells, { form: 'individual' })],
    ['Số đơn vị đăng ký', (f) => f.entries.registeringUnits],
    ['Được công nhận điển hình', (f) => countCells(f.entries.cells, { typical: true })],
    ['Được nhân rộng', (f) => f.entries.replicated],
    ['Số nơi nhân rộng', (f) => f.entries.replicas],
    ['Khen thưởng tập thể', (f) => f.commendations.collectives],
    ['Khen thưởng cá nhân', (f) => f.commendations.individuals],
  ];
  const a = report.attribution;
  return {
    name: 'Tổng hợp',
    title: `Tổng hợp kết quả phong trào thi đua “Dân vận khéo” — ${report.unit.name}, ${periodName(report.range)} (so với ${periodName(report.previousRange)})`,
    header: ['Chỉ tiêu', 'Kỳ báo cáo', 'Kỳ trước', 'Tăng (+) / giảm (−)'],
    widths: [40, 14, 14, 18],
    rows: [
      ...measures.map(([label, pick]): Value[] => [label, pick(now), pick(before), pick(now) - pick(before)]),
      ['Trong đó: của đơn vị trước sắp xếp (01/7/2025)', a.retiredEntries, '', ''],
      ['… tính theo đơn vị tiếp nhận phần chính', a.partialEntries, '', ''],
      ['Khen thưởng của đơn vị trước sắp xếp', a.retiredCommendations, '', ''],
      ['… tính theo đơn vị tiếp nhận phần chính', a.partialCommendations, '', ''],
    ],
  };
}

function fieldSheet(report: Report): Sheet {
  const cells = report.figures.entries.cells;
  const combos = [['model', 'collective'], ['model', 'individual'], ['typical_example', 'collective'], ['typical_example', 'individual']] as const;
  const line = (where: { fieldCode?: string }) => [...combos.map(([kind, form]) => countCells(cells, { ...where, kind, form })), countCells(cells, where)];
  return {
    name: 'Theo lĩnh vực',
    title: 'Mô hình, điển hình theo lĩnh vực, loại và hình thức',
    header: ['Lĩnh vực', ...combos.map(([kind, form]) => `${KIND_NAMES[kind]} ${FORM_NAMES[form].toLowerCase()}`), 'Tổng số'],
    widths: [36, 14, 14, 14, 14, 12],
    rows: fieldList(report).map((f) => [f.name, ...line({ fieldCode: f.code })]),
    total: ['Tổng cộng', ...line({})],
  };
}

/** Every status, counted ones first; drafts and withdrawn entries shown apart, outside the total. */
function levelStatusSheet(report: Report): Sheet {
  const cells = report.figures.entries.cells;
  const uncounted = ENTRY_STATUSES.filter((s) => !(COUNTED_STATUSES as readonly string[]).includes(s));
  const line = (where: { level?: (typeof ENTRY_LEVELS)[number] }) => [
    ...COUNTED_STATUSES.map((status) => countCells(cells, { ...where, status })),
    countCells(cells, where),
    ...uncounted.map((status) => countCells(cells, { ...where, status }, { includeAll: true })),
  ];
  return {
    name: 'Theo cấp - trạng thái',
    title: 'Mô hình, điển hình theo cấp đăng ký và trạng thái (bản nháp và đã rút không tính vào tổng)',
    header: ['Cấp đăng ký', ...COUNTED_STATUSES.map((s) => STATUS_NAMES[s]), 'Tổng số', ...uncounted.map((s) => `${STATUS_NAMES[s]} (không tính)`)],
    widths: [16, ...COUNTED_STATUSES.map(() => 13), 12, ...uncounted.map(() => 16)],
    rows: ENTRY_LEVELS.map((level) => [LEVEL_NAMES[level], ...line({ level })]),
    total: ['Tổng cộng', ...line({})],
  };
}

function childSheet(report: Report): Sheet {
  const line = (f: ReportFigures): Value[] => {
    const c = f.entries.cells;
    return [f.entries.registeringUnits, countCells(c, { kind: 'model' }), countCells(c, { kind: 'typical_example' }), countCells(c, { form: 'collective' }), countCells(c, { form: 'individual' }), f.entries.total, countCells(c, { typical: true }), f.entries.replicated, f.entries.replicas, f.commendations.collectives, f.commendations.individuals];
  };
  return {
    name: 'Theo đơn vị',
    title: `Kết quả theo đơn vị trực thuộc — ${report.unit.name}`,
    header: ['Đơn vị', 'Mã đơn vị', 'Số đơn vị đăng ký', 'Mô hình', 'Điển hình', 'Tập thể', 'Cá nhân', 'Tổng số', 'Được công nhận', 'Được nhân rộng', 'Số nơi nhân rộng', 'Khen thưởng tập thể', 'Khen thưởng cá nhân'],
    widths: [36, 10, 12, 10, 10, 10, 10, 10, 12, 12, 12, 14, 14],
    rows: report.children.map((child) => [child.unit?.name ?? ownRowName(report), child.unit?.code ?? '', ...line(child.figures)]),
    total: ['Tổng cộng', '', ...line(report.figures)],
  };
}

function commendationSheet(report: Report): Sheet {
  const c = report.figures.commendations;
  return {
    name: 'Khen thưởng',
    title: 'Khen thưởng theo hình thức',
    header: ['Hình thức khen thưởng', 'Tập thể', 'Cá nhân', 'Tổng số'],
    widths: [32, 12, 12, 12],
    rows: c.byForm.map((b) => [commendationFormName(report, b.formCode), b.collectives, b.individuals, b.collectives + b.individuals]),
    total: ['Tổng cộng', c.collectives, c.individuals, c.collectives + c.individuals],
  };
}

/** Petitions received in the range by kind, category and channel (counts only), then by unit. */
function petitionSheet(report: Report): Sheet {
  const p = report.figures.petitions;
  const line = (c: PetitionCounts): Value[] => [c.received, c.resolved, c.resolvedOnTime, c.resolvedLate, c.overdue];
  const zero: PetitionCounts = { received: 0, resolved: 0, resolvedOnTime: 0, resolvedLate: 0, overdue: 0 };
  return {
    name: 'Đơn thư',
    title: `Tiếp nhận, giải quyết đơn thư của công dân — ${report.unit.name}, ${periodName(report.range)} (quá hạn: chưa giải quyết xong và đã quá hạn vào ngày cuối kỳ)`,
    header: ['Nhóm', 'Chỉ tiêu', 'Tiếp nhận', 'Đã giải quyết', 'Đúng hạn', 'Quá hạn khi giải quyết', 'Còn quá hạn'],
    widths: [16, 36, 12, 14, 12, 16, 14],
    rows: [
      ...PETITION_KINDS.map((kind): Value[] => ['Loại đơn', PETITION_KIND_WORD[kind], ...line(p.byKind.find((k) => k.kind === kind) ?? zero)]),
      ...p.byCategory.map((c): Value[] => ['Lĩnh vực', petitionCategoryName(report, c.categoryCode), ...line(c)]),
      ...p.byChannel.map((c): Value[] => ['Kênh tiếp nhận', PETITION_CHANNEL_WORD[c.channel], ...line(c)]),
      ...report.children.map((child): Value[] => ['Đơn vị', child.unit?.name ?? ownRowName(report), ...line(child.figures.petitions)]),
    ],
    total: ['Tổng cộng', '', ...line(p)],
  };
}

/** The implementation of documents by unit: leaf tasks, units tasked and reported, working sessions, round reports. */
function taskSheet(report: Report): Sheet {
  const line = (t: ReportTasks): Value[] => [t.assigned, t.due, t.done, t.open, t.overdue, t.unitsTasked, t.unitsReported, t.sessions, t.submittedOnTime, t.submittedLate];
  return {
    name: 'Thực hiện văn bản',
    title: `Thực hiện văn bản, nhiệm vụ — ${report.unit.name}, ${periodName(report.range)}: ${report.figures.tasks.documents} văn bản (chưa hoàn thành, quá hạn: vào ngày cuối kỳ)`,
    header: ['Đơn vị', 'Nhiệm vụ được giao', 'Đến hạn trong kỳ', 'Hoàn thành', 'Chưa hoàn thành', 'Quá hạn', 'Đơn vị được giao', 'Đơn vị đã báo cáo', 'Buổi làm việc', 'Báo cáo đúng hạn', 'Báo cáo chậm'],
    widths: [36, 12, 12, 12, 14, 10, 12, 12, 12, 12, 12],
    rows: report.children.map((child): Value[] => [child.unit?.name ?? ownRowName(report), ...line(child.figures.tasks)]),
    total: ['Tổng cộng', ...line(report.figures.tasks)],
  };
}

const THIN = { style: 'thin' } as const;
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };

function addSheet(wb: ExcelJS.Workbook, sheet: Sheet): void {
  // Row 1: the title; row 2: the header (frozen); then the rows and the total.
  const ws = wb.addWorksheet(sheet.name, { views: [{ state: 'frozen', ySplit: 2 }] });
  ws.columns = sheet.widths.map((width) => ({ width }));
  ws.getCell(1, 1).value = safe(sheet.title);
  ws.getCell(1, 1).font = { bold: true, size: 13 };
  const header = ws.getRow(2);
  header.values = sheet.header;
  header.height = 32;
  header.eachCell((cell) => {
    cell.font = { bold: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E2F3' } };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.border = BORDER;
  });
  const body = [...sheet.rows, ...(sheet.total ? [sheet.total] : [])];
  body.forEach((values, i) => {
    const r = ws.addRow(values.map(safe));
    r.eachCell({ includeEmpty: true }, (cell) => {
      cell.border = BORDER;
      if (typeof cell.value === 'number') cell.numFmt = '#,##0';
    });
    if (sheet.total && i === body.length - 1) r.font = { bold: true };
  });
}

export async function reportXlsx(report: Report): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'danvan';
  wb.created = new Date(report.generatedAt);
  for (const sheet of [summarySheet(report), fieldSheet(report), levelStatusSheet(report), childSheet(report), commendationSheet(report), petitionSheet(report), taskSheet(report)]) addSheet(wb, sheet);
  const situation = situationSheet(report, periodName(report.range));
  if (situation) addSheet(wb, situation);
  const hotspots = hotspotSheet(report, periodName(report.range));
  if (hotspots) addSheet(wb, hotspots);
  const religious = religiousSheet(report);
  if (religious) addSheet(wb, religious);
  const grassroots = grassrootsSheet(report, periodName(report.range));
  if (grassroots) addSheet(wb, grassroots);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export const REPORT_CSV_HEADER = ['Mã đơn vị', 'Đơn vị', 'Năm', 'Mã lĩnh vực', 'Lĩnh vực', 'Loại', 'Hình thức', 'Cấp đăng ký', 'Trạng thái', 'Được tính', 'Được công nhận điển hình', 'Số lượng'];

/**
 * The cells of the current range, one row per child unit and combination (the unit's own records
 * under its own id). Summing "Số lượng" over rows with "Được tính" = Có gives the report's total;
 * any cross-tab, by unit or not, is a pivot of this file.
 */
export function reportCsv(report: Report): Buffer {
  const names = new Map(fieldList(report).map((f) => [f.code, f.name]));
  const lines = [CSV_BOM + csvLine(REPORT_CSV_HEADER)];
  for (const child of report.children) {
    const id = child.unit?.id ?? report.unit.id;
    const name = child.unit?.name ?? ownRowName(report);
    for (const c of child.figures.entries.cells) {
      const counted = (COUNTED_STATUSES as readonly string[]).includes(c.status);
      lines.push(csvLine([id, name, c.year, c.fieldCode, names.get(c.fieldCode) ?? c.fieldCode, KIND_NAMES[c.kind], FORM_NAMES[c.form], LEVEL_NAMES[c.level], STATUS_NAMES[c.status], counted ? 'Có' : 'Không', c.typical ? 'Có' : 'Không', c.n]));
    }
  }
  return Buffer.from(lines.join(''), 'utf8');
}
