/**
 * The report engine's `hotspots` block (common/hotspots.ts `ReportHotspots`) and its parts in the
 * report's documents: the sentence of the narrative, the DOCX table, the XLSX sheet
 * (report-document.ts and report-workbook.ts call these). Counted with the hotspots module's own
 * figure query over the non-confidential cases of the area (docs/situation.md §7); nothing is added
 * to the documents when the range saw no case.
 */
import type { ReportHotspots } from '../../../common/hotspots.js';
import type { Report } from '../../../common/reports.js';
import type { Db } from '../../db/database.js';
import type { PartyBlock } from '../../documents/party-document.js';
import { num } from '../reports/report-wording.js';
import * as repo from './hotspots.repository.js';

/** The officer's words for a case's severity and status in documents (the web's, web/locales/vi.json `hotspots`). */
export const SEVERITY_WORDS: Record<number, string> = { 1: 'thấp', 2: 'trung bình', 3: 'nghiêm trọng' };
export const STATUS_WORDS = { emerging: 'Đang phát sinh', handling: 'Đang xử lý', stabilised: 'Đã ổn định', closed: 'Đã kết thúc' } as const;

export async function hotspotBlockOf(db: Db, path: string, range: { from: string; to: string }): Promise<ReportHotspots> {
  // The report unit's path as the only grant and no role: every non-confidential case below it.
  const [f, kinds] = await Promise.all([repo.countFigures(db, path, { all: false, paths: [path], byRole: [] }, range.from, range.to), repo.findKinds(db)]);
  const names = new Map(kinds.map((k) => [k.code, k.names as Record<string, string>]));
  return {
    newInRange: f.row.new_in_range,
    closedInRange: f.row.closed_in_range,
    escalatedInRange: f.row.escalated_in_range,
    openOnLastDay: f.row.open_on_last_day,
    openByKind: f.byKind.map((k) => ({ kind: k.kind, names: names.get(k.kind) ?? { vi: k.kind }, n: k.n })),
    openBySeverity: f.bySeverity,
  };
}

const seen = (h: ReportHotspots | undefined): h is ReportHotspots => !!h && h.newInRange + h.closedInRange + h.escalatedInRange + h.openOnLastDay > 0;

/** "Điểm nóng, vụ việc phức tạp: …" for the narrative; null when the range saw no case. */
export function hotspotSentence(report: Report): string | null {
  const h = report.hotspots;
  if (!seen(h)) return null;
  const kinds = h.openByKind.map((k) => `${(k.names.vi ?? k.kind).toLocaleLowerCase('vi')} ${num(k.n)}`).join(', ');
  return (
    `Điểm nóng, vụ việc phức tạp: phát sinh ${num(h.newInRange)} vụ, đã kết thúc ${num(h.closedInRange)} vụ, ` +
    `${num(h.escalatedInRange)} vụ phải báo cáo vượt cấp; đến cuối kỳ còn ${num(h.openOnLastDay)} vụ chưa kết thúc${kinds ? ` (${kinds})` : ''}.`
  );
}

/** The DOCX's table: the range's figures, then the open cases by kind and by severity. */
export function hotspotBlocks(report: Report): PartyBlock[] {
  const h = report.hotspots;
  if (!seen(h)) return [];
  const rows = [
    ['Phát sinh trong kỳ', num(h.newInRange)],
    ['Đã kết thúc trong kỳ', num(h.closedInRange)],
    ['Báo cáo vượt cấp trong kỳ', num(h.escalatedInRange)],
    ['Chưa kết thúc đến cuối kỳ', num(h.openOnLastDay)],
    ...h.openByKind.map((k) => [`— ${k.names.vi ?? k.kind}`, num(k.n)]),
    ...h.openBySeverity.map((s) => [`— mức độ ${SEVERITY_WORDS[s.severity] ?? s.severity}`, num(s.n)]),
  ];
  return [
    { type: 'heading', level: 2, text: 'Điểm nóng, vụ việc phức tạp' },
    { type: 'table', header: [['Chỉ tiêu', 'Số vụ việc']], rows },
  ];
}

/** The XLSX's sheet (the workbook's own shape: name, title, header, widths, rows). */
export function hotspotSheet(report: Report, period: string) {
  const h = report.hotspots;
  if (!seen(h)) return null;
  return {
    name: 'Điểm nóng',
    title: `Điểm nóng, vụ việc phức tạp — ${report.unit.name}, ${period}`,
    header: ['Chỉ tiêu', 'Số vụ việc'],
    widths: [44, 14],
    rows: [
      ['Phát sinh trong kỳ', h.newInRange],
      ['Đã kết thúc trong kỳ', h.closedInRange],
      ['Báo cáo vượt cấp trong kỳ', h.escalatedInRange],
      ['Chưa kết thúc đến cuối kỳ', h.openOnLastDay],
      ...h.openByKind.map((k): (string | number)[] => [`Chưa kết thúc: ${k.names.vi ?? k.kind}`, k.n]),
      ...h.openBySeverity.map((s): (string | number)[] => [`Chưa kết thúc, mức độ ${SEVERITY_WORDS[s.severity] ?? s.severity}`, s.n]),
    ],
  };
}
