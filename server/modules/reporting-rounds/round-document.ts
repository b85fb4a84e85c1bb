/**
 * A reporting round's composed report as a Party document (BÁO CÁO <round title>): who sent and
 * when (I), the unit's own figures for the round's period (II), then what each participant sent —
 * its narrative and the template's text sections in order — and who has not sent (III). A pure
 * function, so tests read the words without opening a DOCX; `renderPartyDocx` typesets it.
 */
import type { Report } from '../../../common/reports.js';
import type { PartyBlock, PartyDocument } from '../../documents/party-document.js';
import { type IssuingBody, numberAndSymbol, recipientsOf } from '../../documents/party-issuing-body.js';
import { fieldTable, reportNarrative } from '../reports/report-document.js';
import { dayMonthYear, lowerFirst, num, placeName } from '../reports/report-wording.js';
import type { CompletenessChildRecord, CompletenessCountsRecord, RoundRecord, SectionRecord, SentWorkRecord } from './reporting-rounds.repository.js';

export type RoundDocumentInput = {
  round: RoundRecord;
  /** The unit whose view it is (the opening unit, or a unit under it) and who issues the document. */
  unit: { id: string; kind: string; name: string };
  sections: SectionRecord[];
  completeness: { totals: CompletenessCountsRecord; children: CompletenessChildRecord[] };
  figures: Report;
  /** Null when the reader does not read the opening unit: the narratives are the opening unit's to read. */
  sent: SentWorkRecord[] | null;
  unsent: string[];
  issuer: IssuingBody;
  madeOn: string;
};

const paragraphs = (text: string | null | undefined): PartyBlock[] =>
  (text ?? '')
    .split(/\n+/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => ({ type: 'paragraph', text: p }));

const countsRow = (c: CompletenessCountsRecord) => [c.expected, c.on_time, c.late, c.missing, c.missing_overdue, c.returned, c.excused].map(num);

function completenessBlocks(input: RoundDocumentInput): PartyBlock[] {
  const t = input.completeness.totals;
  const sent = t.on_time + t.late;
  const summary =
    `Tổng số đơn vị phải báo cáo: ${num(t.expected)}; đã gửi đúng hạn: ${num(t.on_time)}; gửi muộn: ${num(t.late)}; ` +
    `chưa gửi: ${num(t.missing)} (trong đó quá hạn: ${num(t.missing_overdue)}); trả lại để bổ sung: ${num(t.returned)}; được miễn: ${num(t.excused)}.`;
  const blocks: PartyBlock[] = [{ type: 'paragraph', text: `Hạn gửi báo cáo: ngày ${dayMonthYear(input.round.due_on)}. Đã nhận ${num(sent)}/${num(t.expected)} báo cáo.` }, { type: 'paragraph', text: summary }];
  if (input.completeness.children.length) {
    const rows = input.completeness.children.map((c, i) => [String(i + 1), c.unit_name, ...countsRow(c)]);
    rows.push(['', 'Tổng cộng', ...countsRow(t)]);
    blocks.push({
      type: 'table',
      header: [['TT', 'Đơn vị', 'Phải báo cáo', 'Đúng hạn', 'Muộn', 'Chưa gửi', 'Quá hạn', 'Trả lại', 'Được miễn']],
      rows,
      boldRows: [rows.length - 1],
    });
  }
  return blocks;
}

function figureBlocks(report: Report): PartyBlock[] {
  const blocks: PartyBlock[] = reportNarrative(report).map((text) => ({ type: 'paragraph', text }));
  if (report.figures.entries.total > 0) blocks.push(fieldTable(report));
  return blocks.length ? blocks : [{ type: 'paragraph', text: '…' }];
}

function sentBlocks(input: RoundDocumentInput): PartyBlock[] {
  const texts = input.sections.filter((s) => s.kind === 'text');
  const blocks: PartyBlock[] = [];
  if (input.sent === null) {
    blocks.push({ type: 'paragraph', italic: true, text: `Nội dung báo cáo của các đơn vị chỉ ${input.round.opening_unit_name} xem được.` });
  } else {
    input.sent.forEach((s, i) => {
      const late = s.submitted_on > s.due_on ? ' (muộn)' : '';
      blocks.push({ type: 'heading', level: 2, text: `${i + 1}. ${s.unit_name}` });
      blocks.push({ type: 'paragraph', italic: true, text: `Gửi ngày ${dayMonthYear(s.submitted_on)}${late}.` });
      blocks.push(...paragraphs(s.narrative));
      for (const section of texts) {
        const body = paragraphs(s.sections?.[section.key]);
        if (!body.length) continue;
        blocks.push({ type: 'paragraph', bold: true, text: section.title.vi ?? section.key }, ...body);
      }
    });
    if (!input.sent.length) blocks.push({ type: 'paragraph', text: 'Chưa có đơn vị nào gửi báo cáo.' });
  }
  if (input.unsent.length) blocks.push({ type: 'paragraph', text: `Các đơn vị chưa gửi báo cáo: ${input.unsent.join(', ')}.` });
  return blocks;
}

export function roundDocument(input: RoundDocumentInput): PartyDocument {
  const { round, unit, issuer } = input;
  const to = recipientsOf(unit, input.madeOn);
  return {
    parentBody: issuer.superior,
    issuingBody: issuer.name,
    numberAndSymbol: numberAndSymbol(undefined, 'BC', issuer.symbol),
    place: placeName(unit.name),
    date: null,
    docType: 'BÁO CÁO',
    title: `${lowerFirst(round.title.replace(/^báo cáo\s+/i, ''))} (từ ngày ${dayMonthYear(round.period_from)} đến ngày ${dayMonthYear(round.period_to)})`,
    body: [
      { type: 'heading', level: 1, text: 'I. TÌNH HÌNH GỬI BÁO CÁO' },
      ...completenessBlocks(input),
      { type: 'heading', level: 1, text: 'II. KẾT QUẢ' },
      ...figureBlocks(input.figures),
      { type: 'heading', level: 1, text: 'III. TỔNG HỢP BÁO CÁO CỦA CÁC ĐƠN VỊ' },
      ...sentBlocks(input),
    ],
    recipients: [`${to.superiorCommission} (để báo cáo)`, `Thường trực ${to.committee} (để báo cáo)`, 'Các đơn vị trực thuộc', 'Lưu Văn phòng'],
    signer: { authority: issuer.signerAuthority, position: issuer.signerPosition, name: '' },
  };
}
