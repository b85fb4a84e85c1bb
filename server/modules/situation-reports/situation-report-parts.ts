/**
 * The situation block in the report engine's documents: its sentence in the narrative, its table in
 * the DOCX and its sheet in the XLSX (report-document.ts and report-workbook.ts call these; the
 * block itself is `situationBlockOf`). Nothing is added when no situation report was received.
 */
import type { Report } from '../../../common/reports.js';
import type { PartyBlock } from '../../documents/party-document.js';
import { num } from '../reports/report-wording.js';

const topicNames = (s: NonNullable<Report['situation']>) => s.rising.map((r) => (r.names.vi ?? r.topic).toLocaleLowerCase('vi'));

/** "Nắm tình hình nhân dân: …" for the narrative; null when nothing was reported. */
export function situationSentence(report: Report): string | null {
  const s = report.situation;
  if (!s || !s.reportsReceived) return null;
  const rising = s.rising.length ? `; vấn đề dư luận tăng so với kỳ trước: ${topicNames(s).join(', ')}` : '';
  return (
    `Nắm tình hình nhân dân: nhận ${num(s.reportsReceived)} báo cáo của ${num(s.unitsReporting)} đơn vị; ` +
    `${num(s.moods.stable)} đơn vị phản ánh tình hình ổn định, ${num(s.moods.concerned)} đơn vị có băn khoăn, lo lắng, ${num(s.moods.tense)} đơn vị có bức xúc, căng thẳng${rising}.`
  );
}

/** The DOCX's table: units by mood, then the rising topics with this range's and the previous range's units. */
export function situationBlocks(report: Report): PartyBlock[] {
  const s = report.situation;
  if (!s || !s.reportsReceived) return [];
  const rows = [
    ['Ổn định', num(s.moods.stable)],
    ['Có băn khoăn, lo lắng', num(s.moods.concerned)],
    ['Bức xúc, căng thẳng', num(s.moods.tense)],
    ...s.rising.map((r) => [`Tăng: ${r.names.vi ?? r.topic}`, `${num(r.current)} (kỳ trước ${num(r.previous)})`]),
  ];
  return [
    { type: 'heading', level: 2, text: 'Tình hình nhân dân' },
    { type: 'table', header: [['Tâm trạng, vấn đề', 'Số đơn vị phản ánh']], rows },
  ];
}

/** The XLSX's sheet (the workbook's own shape: name, title, header, widths, rows). */
export function situationSheet(report: Report, period: string) {
  const s = report.situation;
  if (!s || !s.reportsReceived) return null;
  return {
    name: 'Tình hình nhân dân',
    title: `Tình hình nhân dân — ${report.unit.name}, ${period}: ${s.reportsReceived} báo cáo của ${s.unitsReporting} đơn vị`,
    header: ['Chỉ tiêu', 'Số đơn vị', 'Kỳ trước'],
    widths: [40, 14, 14],
    rows: [
      ['Ổn định', s.moods.stable, ''],
      ['Có băn khoăn, lo lắng', s.moods.concerned, ''],
      ['Bức xúc, căng thẳng', s.moods.tense, ''],
      ...s.rising.map((r): (string | number)[] => [`Vấn đề tăng: ${r.names.vi ?? r.topic}`, r.current, r.previous]),
    ],
  };
}
