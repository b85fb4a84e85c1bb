/**
 * A report as a Party document: the narrative officials quote ("Năm 2024, 22 đơn vị, địa phương
 * đăng ký 122 mô hình, điển hình (93 tập thể, 29 cá nhân); trong đó …"), the tables by field and
 * by child unit, the heading and the signer. Pure functions over a Report; the rules are in
 * docs/documents.md. Periodic reviews reuse `reportNarrative`.
 */
import { ENTRY_KINDS, ENTRY_LEVELS, type EntryKind, type EntryLevel, type EntryStatus } from '../../../common/entries.js';
import type { PetitionChannel, PetitionKind } from '../../../common/petitions.js';
import { COUNTED_STATUSES, countCells, hasPetitions, hasTasks, headline, type Report, type ReportChild, type ReportFigures, type ReportTasks } from '../../../common/reports.js';
import { todayInVietnam } from '../../../common/units.js';
import type { PartyBlock, PartyDocument } from '../../documents/party-document.js';
import { defaultIssuingBody, type IssuingBody, numberAndSymbol, recipientsOf } from '../../documents/party-issuing-body.js';
import { capitalise, dayMonthYear, lowerFirst, num, percent, periodName, placeName } from './report-wording.js';
import { situationBlocks, situationSentence } from '../situation-reports/situation-report-parts.js';
import { hotspotBlocks, hotspotSentence } from '../hotspots/hotspot-report.js';
import { religiousBlocks, religiousSentence } from '../religious-affairs/religious-report.js';
import { grassrootsBlocks, grassrootsSentence } from './report-grassroots.js';

const KIND_WORD: Record<EntryKind, string> = { model: 'mô hình', typical_example: 'điển hình' };
const LEVEL_WORD: Record<EntryLevel, string> = { province: 'cấp tỉnh', district: 'cấp huyện', commune: 'cấp xã' };
/** How each counted status reads in "Về tiến độ: 3 đã đăng ký, 10 đã được chấp thuận, …". */
const STATUS_WORD: Partial<Record<EntryStatus, string>> = {
  registered: 'mới đăng ký',
  returned: 'được trả lại để bổ sung',
  accepted: 'đã được chấp thuận',
  implementing: 'đang triển khai thực hiện',
  evaluated: 'đã được đánh giá',
  recognised: 'đã được công nhận',
};

/** Petition kinds and channels as officials write them. */
export const PETITION_KIND_WORD: Record<PetitionKind, string> = { recommendation: 'Kiến nghị, phản ánh', complaint: 'Khiếu nại', denunciation: 'Tố cáo' };
export const PETITION_CHANNEL_WORD: Record<PetitionChannel, string> = {
  in_person: 'Trực tiếp',
  hotline: 'Đường dây nóng',
  mail: 'Qua bưu chính',
  online: 'Trực tuyến',
  dialogue: 'Qua đối thoại',
  forwarded: 'Cơ quan khác chuyển đến',
};

/** A commendation form's Vietnamese name from the report's catalogue (its code if the catalogue lacks it). */
export const commendationFormName = (report: Report, code: string) => report.commendationForms.find((f) => f.code === code)?.names.vi ?? code;

/** A petition category's Vietnamese name from the report's catalogue (its code if the catalogue lacks it). */
export const petitionCategoryName = (report: Report, code: string) => report.petitionCategories.find((c) => c.code === code)?.names.vi ?? code;

/** "Tiếp nhận 120 đơn, kiến nghị, phản ánh của công dân; đã giải quyết 100 (95 đúng hạn); còn 3 đơn quá hạn." */
function petitionSentence(p: ReportFigures['petitions']): string {
  const resolved = p.resolved ? `; đã giải quyết ${num(p.resolved)} (${num(p.resolvedOnTime)} đúng hạn)` : '; chưa giải quyết xong đơn nào';
  const overdue = p.overdue ? `; còn ${num(p.overdue)} đơn quá hạn` : '';
  return `Tiếp nhận ${num(p.received)} đơn, kiến nghị, phản ánh của công dân${resolved}${overdue}.`;
}

/**
 * "Triển khai 2 văn bản; giao 55 nhiệm vụ cho 9 đơn vị, hoàn thành 23, quá hạn 5; 7/9 đơn vị đã
 * báo cáo; tổ chức 4 buổi làm việc; 6 báo cáo định kỳ gửi đúng hạn, 1 gửi chậm." Zero facts left out.
 */
export function taskSentence(t: ReportTasks): string {
  const parts: string[] = [];
  if (t.documents) parts.push(`triển khai ${num(t.documents)} văn bản`);
  if (t.assigned) {
    const outcome = [t.done ? `hoàn thành ${num(t.done)}` : 'chưa hoàn thành nhiệm vụ nào', t.overdue ? `quá hạn ${num(t.overdue)}` : ''].filter(Boolean).join(', ');
    parts.push(`giao ${num(t.assigned)} nhiệm vụ cho ${num(t.unitsTasked)} đơn vị, ${outcome}`);
    parts.push(`${num(t.unitsReported)}/${num(t.unitsTasked)} đơn vị đã báo cáo tiến độ`);
  }
  if (t.sessions) parts.push(`tổ chức ${num(t.sessions)} buổi làm việc`);
  const rounds = [t.submittedOnTime ? `${num(t.submittedOnTime)} báo cáo định kỳ gửi đúng hạn` : '', t.submittedLate ? `${num(t.submittedLate)} báo cáo gửi chậm` : ''].filter(Boolean);
  if (rounds.length) parts.push(rounds.join(', '));
  return `${capitalise(parts.join('; '))}.`;
}

/** Field names in report order, plus any code the cells use that `fields` lacks (shown as its code). */
export function fieldList(report: Report): { code: string; name: string }[] {
  const known = report.fields.map((f) => ({ code: f.code, name: f.names.vi ?? f.code }));
  const extra = [...new Set(report.figures.entries.cells.map((c) => c.fieldCode))].filter((code) => !known.some((f) => f.code === code));
  return [...known, ...extra.map((code) => ({ code, name: code }))];
}

/** "trong đó 45 mô hình: 29 lĩnh vực kinh tế, 13 văn hóa – xã hội, 3 quốc phòng – an ninh; 77 điển hình: …" */
function byKindAndField(report: Report): string {
  const cells = report.figures.entries.cells;
  const parts = ENTRY_KINDS.flatMap((kind) => {
    const total = countCells(cells, { kind });
    if (!total) return [];
    const fields = fieldList(report)
      .map((f) => ({ name: lowerFirst(f.name), n: countCells(cells, { kind, fieldCode: f.code }) }))
      .filter((f) => f.n > 0)
      .map((f, i) => `${num(f.n)} ${i === 0 ? 'lĩnh vực ' : ''}${f.name}`);
    return [`${num(total)} ${KIND_WORD[kind]}: ${fields.join(', ')}`];
  });
  return parts.length ? `; trong đó ${parts.join('; ')}` : '';
}

/** "30 (4 mô hình, 26 điển hình)" or "30 điển hình" when only one kind is there. */
function kindSplit(cells: ReportFigures['entries']['cells'], where: { level?: EntryLevel }): string {
  const counts = ENTRY_KINDS.map((kind) => ({ kind, n: countCells(cells, { ...where, kind }) })).filter((k) => k.n > 0);
  const total = counts.reduce((s, k) => s + k.n, 0);
  if (counts.length === 1) return `${num(total)} ${KIND_WORD[counts[0]!.kind]}`;
  return `${num(total)} (${counts.map((k) => `${num(k.n)} ${KIND_WORD[k.kind]}`).join(', ')})`;
}

/** "tăng 22 (từ 100 lên 122, tăng 22,0%)"; null when both are zero. */
function change(before: number, now: number): string | null {
  if (before === 0 && now === 0) return null;
  if (before === now) return `không thay đổi (${num(now)})`;
  if (before === 0) return `tăng ${num(now)} (kỳ trước chưa có)`;
  const diff = now - before;
  const word = diff > 0 ? 'tăng' : 'giảm';
  return `${word} ${num(Math.abs(diff))} (từ ${num(before)} ${diff > 0 ? 'lên' : 'xuống'} ${num(now)}, ${word} ${percent((Math.abs(diff) * 100) / before)}%)`;
}

function commended(c: ReportFigures['commendations']): string | null {
  const parts = [c.collectives ? `${num(c.collectives)} tập thể` : '', c.individuals ? `${num(c.individuals)} cá nhân` : ''].filter(Boolean);
  return parts.length ? parts.join(' và ') : null;
}

/**
 * The report's figures as Vietnamese sentences, in the order officials write them: registrations
 * (by form, kind and field), registration levels, progress, recognised typical examples,
 * replication, commendations, the comparison with the previous period, and the note on records of
 * retired units. A fact that is zero is left out, except the registrations themselves.
 */
export function reportNarrative(report: Report): string[] {
  const f = report.figures;
  const cells = f.entries.cells;
  const when = capitalise(periodName(report.range));
  const out: string[] = [];

  if (f.entries.total === 0) {
    out.push(`${when}, chưa có đơn vị, địa phương nào đăng ký mô hình, điển hình “Dân vận khéo”.`);
  } else {
    const forms = [['collective', 'tập thể'], ['individual', 'cá nhân']] as const;
    const formText = forms.map(([form, word]) => ({ n: countCells(cells, { form }), word })).filter((x) => x.n > 0).map((x) => `${num(x.n)} ${x.word}`).join(', ');
    out.push(`${when}, ${num(f.entries.registeringUnits)} đơn vị, địa phương đăng ký ${num(f.entries.total)} mô hình, điển hình (${formText})${byKindAndField(report)}.`);

    const levels = ENTRY_LEVELS.filter((level) => countCells(cells, { level }) > 0).map((level) => `${LEVEL_WORD[level]} ${kindSplit(cells, { level })}`);
    out.push(`Theo cấp đăng ký: ${levels.join(', ')}.`);

    const progress = COUNTED_STATUSES.map((status) => ({ status, n: countCells(cells, { status }) })).filter((s) => s.n > 0).map((s) => `${num(s.n)} ${STATUS_WORD[s.status] ?? s.status}`);
    out.push(`Về tiến độ: ${progress.join(', ')}.`);

    const typical = countCells(cells, { typical: true });
    if (typical) out.push(`Qua đánh giá, ${num(typical)} mô hình, điển hình được công nhận là điển hình “Dân vận khéo”.`);
    if (f.entries.replicated) out.push(`Có ${num(f.entries.replicated)} mô hình, điển hình được nhân rộng ra ${num(f.entries.replicas)} nơi.`);
  }

  const who = commended(f.commendations);
  if (who) out.push(`Các cấp đã khen thưởng ${who} có thành tích tiêu biểu trong phong trào thi đua “Dân vận khéo”.`);

  if (hasPetitions(f.petitions)) out.push(petitionSentence(f.petitions));
  if (hasTasks(f.tasks)) out.push(taskSentence(f.tasks));
  const situation = situationSentence(report);
  if (situation) out.push(situation);
  const hotspots = hotspotSentence(report);
  if (hotspots) out.push(hotspots);
  const religious = religiousSentence(report);
  if (religious) out.push(religious);
  const grassroots = grassrootsSentence(report);
  if (grassroots) out.push(grassroots);

  const entriesChange = change(report.previous.entries.total, f.entries.total);
  const prevCommended = report.previous.commendations.collectives + report.previous.commendations.individuals;
  const commendationChange = change(prevCommended, f.commendations.collectives + f.commendations.individuals);
  const comparisons = [
    entriesChange && `số mô hình, điển hình ${entriesChange}`,
    commendationChange && `số tập thể, cá nhân được khen thưởng ${commendationChange}`,
  ].filter(Boolean);
  if (comparisons.length) out.push(`So với ${periodName(report.previousRange)}, ${comparisons.join('; ')}.`);

  const a = report.attribution;
  const retired = [a.retiredEntries ? `${num(a.retiredEntries)} mô hình, điển hình` : '', a.retiredCommendations ? `${num(a.retiredCommendations)} lượt khen thưởng` : ''].filter(Boolean);
  if (retired.length) {
    const partial = [a.partialEntries ? `${num(a.partialEntries)} mô hình, điển hình` : '', a.partialCommendations ? `${num(a.partialCommendations)} lượt khen thưởng` : ''].filter(Boolean);
    const partialText = partial.length ? `; trong đó ${partial.join(' và ')} của đơn vị sáp nhập một phần được tính cho đơn vị tiếp nhận phần chính` : '';
    out.push(`Số liệu đã bao gồm ${retired.join(' và ')} của các đơn vị hành chính trước sắp xếp ngày 01/7/2025${partialText}.`);
  }
  if (!report.unit.inForce && report.unit.validTo) {
    out.push(`${report.unit.name} là đơn vị hành chính trước sắp xếp, hoạt động đến trước ngày ${dayMonthYear(report.unit.validTo)}.`);
  }
  return out;
}

const row = (...cells: (string | number)[]) => cells.map((c) => (typeof c === 'number' ? num(c) : c));

/** Field × kind × form, with a total row. */
export function fieldTable(report: Report): Extract<PartyBlock, { type: 'table' }> {
  const cells = report.figures.entries.cells;
  const count = (where: Parameters<typeof countCells>[1]) => countCells(cells, where);
  const fields = fieldList(report).filter((f) => count({ fieldCode: f.code }) > 0);
  const rows = fields.map((f, i) =>
    row(i + 1, f.name, count({ fieldCode: f.code, kind: 'model', form: 'collective' }), count({ fieldCode: f.code, kind: 'model', form: 'individual' }), count({ fieldCode: f.code, kind: 'typical_example', form: 'collective' }), count({ fieldCode: f.code, kind: 'typical_example', form: 'individual' }), count({ fieldCode: f.code })),
  );
  rows.push(row('', 'Tổng cộng', count({ kind: 'model', form: 'collective' }), count({ kind: 'model', form: 'individual' }), count({ kind: 'typical_example', form: 'collective' }), count({ kind: 'typical_example', form: 'individual' }), report.figures.entries.total));
  return {
    type: 'table',
    header: [
      ['TT', 'Lĩnh vực', 'Mô hình', '', 'Điển hình', '', 'Tổng số'],
      ['', '', 'Tập thể', 'Cá nhân', 'Tập thể', 'Cá nhân', ''],
    ],
    rows,
    boldRows: [rows.length - 1],
  };
}

/** The unit's own records: its own registrations and retired units attributed to it directly. */
export const ownRowName = (report: Report) => `${report.unit.name} (trực tiếp)`;

/** Child units × entries and commendations, with a total row equal to the report's figures. */
export function childTable(report: Report): Extract<PartyBlock, { type: 'table' }> {
  const line = (f: ReportFigures) => {
    const c = f.entries.cells;
    return [f.entries.registeringUnits, countCells(c, { kind: 'model' }), countCells(c, { kind: 'typical_example' }), f.entries.total, countCells(c, { typical: true }), f.commendations.collectives, f.commendations.individuals];
  };
  const rows = report.children.map((child, i) => row(i + 1, child.unit?.name ?? ownRowName(report), ...line(child.figures)));
  rows.push(row('', 'Tổng cộng', ...line(report.figures)));
  return {
    type: 'table',
    header: [
      ['TT', 'Đơn vị', 'Số đơn vị đăng ký', 'Mô hình, điển hình', '', '', '', 'Khen thưởng', ''],
      ['', '', '', 'Mô hình', 'Điển hình', 'Tổng số', 'Được công nhận', 'Tập thể', 'Cá nhân'],
    ],
    rows,
    boldRows: [rows.length - 1],
  };
}

/** Child units × the implementation of documents (leaf tasks, units, sessions, round reports), with a total row equal to the report's figures. */
export function taskTable(report: Report): Extract<PartyBlock, { type: 'table' }> {
  const line = (t: ReportTasks) => [t.assigned, t.done, t.open, t.overdue, `${num(t.unitsReported)}/${num(t.unitsTasked)}`, t.sessions, t.submittedOnTime, t.submittedLate];
  const children = report.children.filter((c) => hasTasks(c.figures.tasks));
  const rows = children.map((child, i) => row(i + 1, child.unit?.name ?? ownRowName(report), ...line(child.figures.tasks)));
  rows.push(row('', 'Tổng cộng', ...line(report.figures.tasks)));
  return {
    type: 'table',
    header: [
      ['TT', 'Đơn vị', 'Nhiệm vụ', '', '', '', 'Đơn vị đã báo cáo', 'Buổi làm việc', 'Báo cáo định kỳ', ''],
      ['', '', 'Được giao', 'Hoàn thành', 'Chưa hoàn thành', 'Quá hạn', '', '', 'Đúng hạn', 'Chậm'],
    ],
    rows,
    boldRows: [rows.length - 1],
  };
}

/** A child unit with no figure at all (every headline figure zero), as the report page hides it. */
export const isEmptyChild = (child: ReportChild) => Object.values(headline(child.figures)).every((n) => n === 0);

/**
 * The table by child unit and, when units were left out, the sentence saying how many. Children
 * with nothing in the range are left out unless `includeEmpty`: a province's hundred-odd communes
 * would otherwise fill pages with zeros (the report page hides them too). The unit's own records
 * stay; the total row is the report's, unchanged.
 */
export function childSection(report: Report, opts: { includeEmpty?: boolean } = {}): { blocks: PartyBlock[]; listed: number } {
  const children = opts.includeEmpty ? report.children : report.children.filter((c) => c.unit === null || !isEmptyChild(c));
  const omitted = report.children.length - children.length;
  const note: PartyBlock[] = omitted ? [{ type: 'paragraph', italic: true, text: `Bảng chỉ liệt kê các đơn vị có số liệu trong kỳ (${num(omitted)} đơn vị không có số liệu không liệt kê).` }] : [];
  return { blocks: [childTable({ ...report, children }), ...note], listed: children.length };
}

/** What the caller may set on the document; everything else follows the unit and the document's date. */
export type ReportDocumentOptions = {
  /** The number before the symbol ("25" → "Số 25-BC/BTGDVTU"); empty leaves room to write it by hand. */
  number?: string;
  place?: string;
  /** ISO date of issue; null or absent → "ngày … tháng … năm …" (the heading then follows the day it is made). */
  date?: string | null;
  /**
   * Who issues it, resolved for the document's date (`issuingBodyOn`: the unit's own data or the
   * default of its level and era); absent: the default, without the parent line of a commune.
   */
  issuer?: IssuingBody;
  signer?: { authority?: string; position?: string; name?: string };
  recipients?: string[];
  /** List the child units with no figures too (left out by default, with their count). */
  includeEmptyUnits?: boolean;
};

/** The day whose issuing body a document carries: its date of issue, else the day it is made. */
export const documentDay = (report: Pick<Report, 'generatedAt'>, date: string | null | undefined) => date ?? todayInVietnam(new Date(report.generatedAt));

export function reportDocument(report: Report, opts: ReportDocumentOptions = {}): PartyDocument {
  const day = documentDay(report, opts.date);
  const unit = { kind: report.unit.kind, name: report.unit.name, validTo: report.unit.validTo };
  const issuer = opts.issuer ?? defaultIssuingBody(unit, day);
  const to = recipientsOf(unit, day);
  const period = periodName(report.range);
  const body: PartyBlock[] = [
    { type: 'heading', level: 1, text: 'I. KẾT QUẢ THỰC HIỆN' },
    ...reportNarrative(report).map((text): PartyBlock => ({ type: 'paragraph', text })),
    { type: 'heading', level: 1, text: 'II. SỐ LIỆU CHI TIẾT' },
    { type: 'heading', level: 2, text: '1. Mô hình, điển hình theo lĩnh vực, loại và hình thức' },
    fieldTable(report),
    { type: 'heading', level: 2, text: '2. Kết quả theo đơn vị' },
    ...childSection(report, { includeEmpty: opts.includeEmptyUnits }).blocks,
    ...(hasTasks(report.figures.tasks) ? [{ type: 'heading', level: 2, text: '3. Thực hiện văn bản, nhiệm vụ theo đơn vị' } as const, taskTable(report)] : []),
    ...situationBlocks(report),
    ...hotspotBlocks(report),
    ...religiousBlocks(report),
    ...grassrootsBlocks(report),
    { type: 'paragraph', italic: true, text: `Số liệu tổng hợp từ hệ thống quản lý phong trào thi đua “Dân vận khéo” ngày ${dayMonthYear(todayInVietnam(new Date(report.generatedAt)))}.` },
  ];
  return {
    parentBody: issuer.superior,
    issuingBody: issuer.name,
    numberAndSymbol: numberAndSymbol(opts.number, 'BC', issuer.symbol),
    place: opts.place ?? placeName(report.unit.name),
    date: opts.date ?? null,
    docType: 'BÁO CÁO',
    title: `kết quả phong trào thi đua “Dân vận khéo” ${period}`,
    body,
    recipients: opts.recipients ?? [`${to.superiorCommission} (để báo cáo)`, `Thường trực ${to.committee} (để báo cáo)`, 'Các đơn vị trực thuộc', 'Lưu Văn phòng'],
    signer: { authority: opts.signer?.authority ?? issuer.signerAuthority, position: opts.signer?.position ?? issuer.signerPosition, name: opts.signer?.name ?? '' },
  };
}
