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
    recipients: [`${to.superiorCommission} (để báo cáo)`, `Thường trực ${to.committee} (để báo cáo)`, 'Các đơn vị trực thuộc', 'Lưu Văn phòng'],
    signer: { authority: issuer.signerAuthority, position: issuer.signerPosition, name: '' },
  };
}
