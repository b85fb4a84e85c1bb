/**
 * The report engine's `grassroots` block (issue 16, common/dialogue.ts `ReportGrassroots`): the
 * block for an area and a range, its sentence in the narrative, its table in the DOCX and its sheet
 * in the XLSX (reports.service.ts, report-document.ts and report-workbook.ts call these).
 *
 * `dialogue` is built from the dialogue conferences; `publications` and `supervision` from the
 * grassroots and supervision modules' own figure queries, for the year the report's range ends in
 * (both keep their figures by year: what a commune must publish is a yearly duty, and the boards'
 * and the Front's programs are yearly).
 */
import type { ReportGrassroots } from '../../../common/dialogue.js';
import type { Report } from '../../../common/reports.js';
import type { Db } from '../../db/database.js';
import type { PartyBlock } from '../../documents/party-document.js';
import { dialogueFigures } from '../petitions/dialogue.service.js';
import { num } from './report-wording.js';
import { todayInVietnam } from '../../../common/units.js';
import { countRequiredItems, findFigures as findPublicationFigures } from '../grassroots/grassroots-figures.repository.js';
import { findFigures as findSupervisionFigures } from '../supervision/supervision.repository.js';


type Range = { from: string; to: string };

const yearOf = (range: Range) => Number(range.to.slice(0, 4));
const total = <T>(rows: T[], f: (r: T) => number) => rows.reduce((n, r) => n + f(r), 0);

/**
 * What the communes of the area made public in the year: the items required of them (each commune ×
 * each item the law requires yearly), the item-years published, and those published late.
 */
export async function publicationFiguresOf(db: Db, path: string, range: Range): Promise<ReportGrassroots['publications']> {
  const [rows, required] = await Promise.all([findPublicationFigures(db, path, yearOf(range)), countRequiredItems(db)]);
  return {
    required: total(rows, (r) => r.communes) * required,
    published: total(rows, (r) => r.items_published + r.items_overdue),
    overdue: total(rows, (r) => r.items_overdue),
  };
}

/**
 * Recommendations of the boards and the Front sent in the year, those answered (wholly or in part),
 * and those overdue on `asOf` (the report's reference day: the range's last day, or today while it runs).
 */
export async function supervisionFiguresOf(db: Db, path: string, range: Range, asOf = todayInVietnam()): Promise<ReportGrassroots['supervision']> {
  const rows = await findSupervisionFigures(db, path, yearOf(range), asOf);
  return { recommendations: total(rows, (r) => r.recommendations), answered: total(rows, (r) => r.answered + r.partly), overdue: total(rows, (r) => r.overdue) };
}

/** The block; `asOf` is the report's reference day for what is overdue (the dialogue's communes are today's, as every block's). */
export async function grassrootsBlockOf(db: Db, path: string, range: Range, asOf?: string): Promise<ReportGrassroots> {
  const [dialogue, publications, supervision] = await Promise.all([dialogueFigures(db, path, range), publicationFiguresOf(db, path, range), supervisionFiguresOf(db, path, range, asOf)]);
  return { dialogue, publications, supervision };
}

// By the numbers, not by the parts being there: they are always filled in, and an organization's subtree has nothing to say.
const hasAny = (g: ReportGrassroots | undefined): g is ReportGrassroots =>
  !!g && (g.dialogue.communes > 0 || g.dialogue.conferences > 0 || (g.publications?.required ?? 0) > 0 || (g.publications?.published ?? 0) > 0 || (g.supervision?.recommendations ?? 0) > 0);

/** "Thực hiện dân chủ ở cơ sở: …" for the narrative; null when the area has no commune and nothing else. */
export function grassrootsSentence(report: Report): string | null {
  const g = report.grassroots;
  if (!hasAny(g)) return null;
  const d = g.dialogue;
  // A rule of more than one a year is said in the sentence: "chưa tổ chức" would then be untrue of a commune that held one.
  const owed = (d.required ?? 1) > 1 ? ` đủ ${num(d.required!)}` : '';
  const parts = [`${num(d.held)}/${num(d.communes)} xã, phường tổ chức${owed} hội nghị đối thoại với Nhân dân (${num(d.conferences)} hội nghị); ${num(d.without)} xã, phường chưa tổ chức${owed ? ' đủ' : ''}`];
  if (d.resultsLate) parts.push(`${num(d.resultsLate)} hội nghị chưa thông báo kết quả đúng hạn`);
  const p = g.publications;
  if (p && p.published !== null) parts.push(`công khai ${num(p.published)} nội dung${p.overdue ? `, ${num(p.overdue)} nội dung quá hạn công khai` : ''}`);
  const s = g.supervision;
  if (s && s.recommendations !== null) parts.push(`${num(s.recommendations)} kiến nghị qua giám sát, ${num(s.answered ?? 0)} kiến nghị đã được trả lời`);
  return `Thực hiện dân chủ ở cơ sở: ${parts.join('; ')}.`;
}

/** Figure rows shared by the DOCX table and the XLSX sheet; a sub-block still null shows no row. */
function rows(g: ReportGrassroots): [string, number][] {
  const out: [string, number][] = [
    ['Số xã, phường', g.dialogue.communes],
    ['Đã tổ chức hội nghị đối thoại', g.dialogue.held],
    ['Chưa tổ chức hội nghị đối thoại', g.dialogue.without],
    ['Số hội nghị đối thoại', g.dialogue.conferences],
    ['Hội nghị chưa thông báo kết quả đúng hạn', g.dialogue.resultsLate],
  ];
  const p = g.publications;
  if (p) for (const [label, v] of [['Nội dung phải công khai', p.required], ['Nội dung đã công khai', p.published], ['Nội dung quá hạn công khai', p.overdue]] as const) if (v !== null) out.push([label, v]);
  const s = g.supervision;
  if (s) for (const [label, v] of [['Kiến nghị qua giám sát', s.recommendations], ['Kiến nghị đã được trả lời', s.answered], ['Kiến nghị quá hạn trả lời', s.overdue]] as const) if (v !== null) out.push([label, v]);
  return out;
}

export function grassrootsBlocks(report: Report): PartyBlock[] {
  const g = report.grassroots;
  if (!hasAny(g)) return [];
  return [
    { type: 'heading', level: 2, text: 'Thực hiện dân chủ ở cơ sở' },
    { type: 'table', header: [['Chỉ tiêu', 'Số lượng']], rows: rows(g).map(([label, v]) => [label, num(v)]) },
  ];
}

/** The XLSX's sheet (the workbook's own shape: name, title, header, widths, rows). */
export function grassrootsSheet(report: Report, period: string) {
  const g = report.grassroots;
  if (!hasAny(g)) return null;
  return {
    name: 'Dân chủ ở cơ sở',
    title: `Thực hiện dân chủ ở cơ sở — ${report.unit.name}, ${period}`,
    header: ['Chỉ tiêu', 'Số lượng'],
    widths: [48, 14],
    rows: rows(g),
  };
}
