/**
 * A periodic review as a Party document (BÁO CÁO sơ kết / tổng kết): I. results (the edited
 * narrative, the tables of the figures snapshot, the period's events and anniversaries),
 * II. shortcomings, III. key tasks with the unit in charge and the deadline. A pure function, so
 * tests read the words without opening a DOCX; `renderPartyDocx` typesets it.
 */
import type { Report } from '../../../common/reports.js';
import type { PartyBlock, PartyDocument } from '../../documents/party-document.js';
import { childTable, fieldTable } from '../reports/report-document.js';
import { committeeOf, lowerFirst, placeName } from '../reports/report-wording.js';
import { type AnniversaryEvent, viDate } from './anniversaries.js';
import type { EventRecord, ReviewRecord, TaskRecord } from './reviews.repository.js';

export type ReviewDocumentInput = {
  review: ReviewRecord;
  figures: Report | null;
  tasks: TaskRecord[];
  events: EventRecord[];
  anniversaries: AnniversaryEvent[];
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

function eventsAndAnniversaries(input: ReviewDocumentInput): PartyBlock[] {
  const items = [
    ...input.anniversaries.map((a) => ({ date: a.date, text: a.milestone ? `${a.labelVi} (năm ${a.milestone === 10 ? 'tròn' : 'chẵn'})` : a.labelVi })),
    ...input.events.map((e) => ({ date: e.happened_on, text: `${viDate(e.happened_on)}: ${e.title}${e.description ? ` – ${e.description}` : ''}` })),
  ].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return items.length ? [{ type: 'bullets', items: items.map((i) => i.text) }] : [];
}

export function reviewDocument(input: ReviewDocumentInput): PartyDocument {
  const { review, figures, tasks } = input;
  const committee = committeeOf({ kind: review.unit_kind, name: review.unit_name });
  const results: PartyBlock[] = [...paragraphs(review.narrative)];
  let n = 0;
  if (figures && figures.figures.entries.total > 0) {
    results.push({ type: 'heading', level: 2, text: `${++n}. Mô hình, điển hình theo lĩnh vực, loại và hình thức` }, fieldTable(figures));
    // Units with nothing in the period are left out: a city's hundred empty rows would bury the few that count.
    const children = figures.children.filter((c) => c.figures.entries.total + c.figures.commendations.collectives + c.figures.commendations.individuals > 0);
    if (children.length > 1) results.push({ type: 'heading', level: 2, text: `${++n}. Kết quả theo đơn vị` }, childTable({ ...figures, children }));
  }
  const calendar = eventsAndAnniversaries(input);
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
  return {
    parentBody: committee.parentBody,
    issuingBody: committee.issuingBody,
    numberAndSymbol: `Số     -BC/${committee.symbol}`,
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
      ...orBlank(taskBlocks),
    ],
    recipients: ['Ban Dân vận cấp trên (để báo cáo)', `Thường trực ${committee.committeeName} (để báo cáo)`, 'Các đơn vị trực thuộc', 'Lưu Văn phòng'],
    signer: { authority: committee.authority, position: committee.position, name: '' },
  };
}
