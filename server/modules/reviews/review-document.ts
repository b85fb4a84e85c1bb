/**
 * A periodic review as a Party document (BÁO CÁO sơ kết / tổng kết): I. results (the edited
 * narrative, the tables of the figures snapshot, the period's events and anniversaries),
 * II. shortcomings, III. key tasks with the unit in charge and the deadline, then the events and
 * anniversaries of the next period, which the tasks are for. A pure function, so tests read the
 * words without opening a DOCX; `renderPartyDocx` typesets it.
 */
import type { Report } from '../../../common/reports.js';
import { todayInVietnam } from '../../../common/units.js';
import type { PartyBlock, PartyDocument } from '../../documents/party-document.js';
import { defaultIssuingBody, type IssuingBody, numberAndSymbol, recipientsOf } from '../../documents/party-issuing-body.js';
import { childSection, fieldTable } from '../reports/report-document.js';
import { lowerFirst, placeName } from '../reports/report-wording.js';
import { type AnniversaryEvent, viDate } from './anniversaries.js';
import type { DocumentFigures } from './document-reviews.schema.js';
import type { DocumentPart } from './document-reviews.service.js';
import { type PeriodSpan, type PeriodWhich, periodPhrase } from './next-period.js';
import type { EventRecord, ReviewRecord, TaskRecord } from './reviews.repository.js';

type InPeriod = { inPeriod: PeriodWhich };

export type ReviewDocumentInput = {
  review: ReviewRecord;
  nextPeriod: PeriodSpan;
  figures: Report | null;
  tasks: TaskRecord[];
  events: (EventRecord & InPeriod)[];
  anniversaries: (AnniversaryEvent & InPeriod)[];
  /**
   * Who issues it, resolved for the day the document is made (`issuingBodyOn`: the unit's own data
   * or its default); absent: the default of the unit's level on that day.
   */
  issuer?: IssuingBody;
  /** The day the document is made (its heading's era); default today in Viet Nam. */
  madeOn?: string;
  /** A document review: the document, the roll-up snapshot, the commended units (and the force of a joint review). */
  documentPart?: DocumentPart | null;
};

/** Paragraphs as typed: a blank line or a line break separates them. */
const paragraphs = (text: string | null): PartyBlock[] =>
  (text ?? '')
    .split(/\n+/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => ({ type: 'paragraph', text: p }));

/** A section left empty keeps a line to fill in by hand, as the printed forms do. */
const orBlank = (blocks: PartyBlock[]): PartyBlock[] => (blocks.length ? blocks : [{ type: 'paragraph', text: '…' }]);

function taskState(t: TaskRecord): string {
  if (t.status === 'done') return t.done_at ? `Đã hoàn thành (${viDate(new Date(t.done_at).toISOString().slice(0, 10))})` : 'Đã hoàn thành';
  return t.overdue ? 'Quá hạn' : 'Đang thực hiện';
}

/** The events and anniversaries falling in one of the review's two periods, by date. */
function eventsAndAnniversaries(input: ReviewDocumentInput, which: PeriodWhich): PartyBlock[] {
  const items = [
    ...input.anniversaries.filter((a) => a.inPeriod === which).map((a) => ({ date: a.date, text: a.milestone ? `${a.labelVi} (năm ${a.milestone === 10 ? 'tròn' : 'chẵn'})` : a.labelVi })),
    ...input.events.filter((e) => e.inPeriod === which).map((e) => ({ date: e.happened_on, text: `${viDate(e.happened_on)}: ${e.title}${e.description ? ` – ${e.description}` : ''}` })),
  ].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return items.length ? [{ type: 'bullets', items: items.map((i) => i.text) }] : [];
}

type Counts = DocumentFigures['totals'];
const countCells = (c: Counts) => [String(c.leaves), String(c.done), String(c.overdue), `${c.unitsReported}/${c.unitsTasked}`];

/**
 * Section I of a document review: the tasks by child unit (tasked, done, overdue, units reported),
 * the overdue tasks, and the commended units.
 */
function documentResults(part: DocumentPart, firstNumber: number): PartyBlock[] {
  const blocks: PartyBlock[] = [];
  let n = firstNumber;
  const f = part.figures;
  if (f && f.totals.leaves > 0) {
    const rows = f.children.map((c, i) => [String(i + 1), c.unit.name, ...countCells(c)]);
    if (f.own.leaves > 0) rows.push([String(rows.length + 1), 'Nhiệm vụ do đơn vị trực tiếp thực hiện', ...countCells(f.own)]);
    rows.push(['', 'Tổng cộng', ...countCells(f.totals)]);
    blocks.push(
      { type: 'heading', level: 2, text: `${++n}. Kết quả thực hiện nhiệm vụ theo đơn vị (số liệu đến ngày ${viDate(f.at)})` },
      { type: 'table', header: [['TT', 'Đơn vị', 'Nhiệm vụ được giao', 'Đã hoàn thành', 'Quá hạn', 'Đơn vị đã báo cáo']], rows },
    );
    if (f.overdue.length) {
      blocks.push(
        { type: 'heading', level: 2, text: `${++n}. Nhiệm vụ quá hạn` },
        { type: 'table', header: [['TT', 'Nhiệm vụ', 'Đơn vị chủ trì', 'Thời hạn']], rows: f.overdue.map((t, i) => [String(i + 1), t.content, t.owner.name, viDate(t.deadline)]) },
      );
      if (f.overdueTotal > f.overdue.length) blocks.push({ type: 'paragraph', text: `Và ${f.overdueTotal - f.overdue.length} nhiệm vụ quá hạn khác.` });
    }
  }
  if (part.commended.length) {
    blocks.push(
      { type: 'heading', level: 2, text: `${++n}. Các tập thể được khen thưởng` },
      { type: 'table', header: [['TT', 'Đơn vị', 'Hình thức khen thưởng']], rows: part.commended.map((c, i) => [String(i + 1), c.unit_name, c.form]) },
    );
  }
  return blocks;
}

export function reviewDocument(input: ReviewDocumentInput): PartyDocument {
  const { review, figures, tasks } = input;
  const day = input.madeOn ?? todayInVietnam();
  const unit = { kind: review.unit_kind, name: review.unit_name };
  const issuer = input.issuer ?? defaultIssuingBody(unit, day);
  const to = recipientsOf(unit, day);
  const results: PartyBlock[] = [...paragraphs(review.narrative)];
  let n = 0;
  if (figures && figures.figures.entries.total > 0) {
    results.push({ type: 'heading', level: 2, text: `${++n}. Mô hình, điển hình theo lĩnh vực, loại và hình thức` }, fieldTable(figures));
    // Units with nothing in the period are left out (and counted): a city's hundred empty rows would bury the few that count.
    const byUnit = childSection(figures);
    if (byUnit.listed > 1) results.push({ type: 'heading', level: 2, text: `${++n}. Kết quả theo đơn vị` }, ...byUnit.blocks);
  }
  if (input.documentPart) {
    const blocks = documentResults(input.documentPart, n);
    n += blocks.filter((b) => b.type === 'heading').length;
    results.push(...blocks);
  }
  const calendar = eventsAndAnniversaries(input, 'current');
  if (calendar.length) results.push({ type: 'heading', level: 2, text: `${++n}. Các sự kiện, ngày kỷ niệm trong kỳ` }, ...calendar);
  const taskBlocks: PartyBlock[] = tasks.length
    ? [
        {
          type: 'table',
          header: [['TT', 'Nhiệm vụ', 'Đơn vị chủ trì', 'Thời hạn', 'Tình trạng']],
          rows: tasks.map((t, i) => [String(i + 1), t.content, t.owner_name, viDate(t.deadline), taskState(t)]),
        },
      ]
    : [];
  // The next period's days are what the tasks prepare: listed under them, named by that period.
  const nextCalendar = eventsAndAnniversaries(input, 'next');
  const nextBlocks: PartyBlock[] = nextCalendar.length
    ? [
        { type: 'heading', level: 2, text: '1. Nhiệm vụ trọng tâm' },
        ...orBlank(taskBlocks),
        { type: 'heading', level: 2, text: `2. Các sự kiện, ngày kỷ niệm ${periodPhrase(input.nextPeriod)} (kỳ tới)` },
        ...nextCalendar,
      ]
    : orBlank(taskBlocks);
  return {
    parentBody: issuer.superior,
    issuingBody: issuer.name,
    numberAndSymbol: numberAndSymbol(undefined, 'BC', issuer.symbol),
    place: placeName(review.unit_name),
    date: null,
    docType: 'BÁO CÁO',
    title: lowerFirst(review.title),
    body: [
      { type: 'heading', level: 1, text: 'I. KẾT QUẢ ĐẠT ĐƯỢC' },
      ...orBlank(results),
      { type: 'heading', level: 1, text: 'II. HẠN CHẾ' },
      ...orBlank(paragraphs(review.shortcomings)),
      { type: 'heading', level: 1, text: 'III. NHIỆM VỤ TRỌNG TÂM THỜI GIAN TỚI' },
      ...nextBlocks,
    ],
    recipients: [
      `${to.superiorCommission} (để báo cáo)`,
      `Thường trực ${to.committee} (để báo cáo)`,
      // A joint review goes to the force that signed the program with the unit.
      ...(input.documentPart?.forceBody ? [`${input.documentPart.forceBody} (phối hợp)`] : []),
      'Các đơn vị trực thuộc',
      'Lưu Văn phòng',
    ],
    signer: { authority: issuer.signerAuthority, position: issuer.signerPosition, name: '' },
    // A joint review is signed by the force too; its signer's title is typed by hand on the printout.
    ...(input.documentPart?.forceBody ? { coSigner: { authority: `Đại diện ${input.documentPart.forceBody}`, position: '', name: '' } } : {}),
  };
}
