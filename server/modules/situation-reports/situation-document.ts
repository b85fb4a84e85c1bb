/**
 * The quarterly summary as a Party document ("Báo cáo tình hình nhân dân quý II/2026" of the
 * province's Ban Tuyên giáo và Dân vận): the reports received (I), the situation by topic with the
 * rising ones named (II, with the topics × mood table), by child unit (III), the hotspots and
 * incidents of the quarter with the cases still open (IV, situation-hotspots.ts), and the proposals
 * quoted (V). A pure function, so tests read the words without opening a DOCX.
 */
import type { MoodCounts } from '../../../common/situation.js';
import type { PartyBlock, PartyDocument } from '../../documents/party-document.js';
import { type IssuingBody, numberAndSymbol, recipientsOf } from '../../documents/party-issuing-body.js';
import { num, placeName } from '../reports/report-wording.js';
import { hotspotBlocks, type SituationHotspots } from './situation-hotspots.js';
import type { SituationSummaryResult } from './situation-summary.service.js';

const ROMAN = ['I', 'II', 'III', 'IV'];
export const MOOD_WORDS = { stable: 'ổn định', concerned: 'có băn khoăn, lo lắng', tense: 'bức xúc, căng thẳng' } as const;

export type SituationDocumentInput = {
  summary: SituationSummaryResult;
  /** Topic code → Vietnamese name (the catalogue). */
  topicNames: Record<string, string>;
  /** The quarter's hotspots as the reader may see them; absent, the section is left out. */
  hotspots?: SituationHotspots;
  issuer: IssuingBody;
  madeOn: string;
};

const quarterLabel = (p: { year: number; quarter: number }) => `quý ${ROMAN[p.quarter - 1]}/${p.year}`;
const moodCells = (m: MoodCounts) => [num(m.stable), num(m.concerned), num(m.tense)];

function topicBlocks(input: SituationDocumentInput): PartyBlock[] {
  const { summary: s, topicNames } = input;
  const name = (code: string) => topicNames[code] ?? code;
  const rising = s.topics.filter((t) => t.rising);
  const reported = s.topics.filter((t) => t.current.stable + t.current.troubled > 0);
  const blocks: PartyBlock[] = [];
  blocks.push({
    type: 'paragraph',
    text:
      `Số đơn vị phản ánh tình hình nhân dân ổn định: ${num(s.moods.stable)}; có băn khoăn, lo lắng: ${num(s.moods.concerned)}; ` +
      `bức xúc, căng thẳng: ${num(s.moods.tense)}.`,
  });
  blocks.push({
    type: 'paragraph',
    text: rising.length
      ? `Vấn đề dư luận tăng so với ${quarterLabel(s.previous)}: ${rising.map((t) => `${name(t.topic).toLocaleLowerCase('vi')} (${num(t.current.troubled)} đơn vị có băn khoăn hoặc bức xúc, ${quarterLabel(s.previous)}: ${num(t.previous.troubled)})`).join('; ')}.`
      : `Không có vấn đề dư luận nào tăng so với ${quarterLabel(s.previous)}.`,
  });
  if (reported.length) {
    blocks.push({
      type: 'table',
      header: [['TT', 'Vấn đề', 'Ổn định', 'Có băn khoăn, lo lắng', 'Bức xúc, căng thẳng', `Băn khoăn hoặc bức xúc ${quarterLabel(s.previous)}`, 'Xu hướng']],
      rows: reported.map((t, i) => [String(i + 1), name(t.topic), ...moodCells(t.current), num(t.previous.troubled), t.rising ? 'Tăng' : '']),
    });
  }
  return blocks;
}

function childBlocks(input: SituationDocumentInput): PartyBlock[] {
  const { summary: s, topicNames } = input;
  if (!s.children.length) return [{ type: 'paragraph', text: 'Chưa có đơn vị nào gửi báo cáo trong kỳ.' }];
  return [
    {
      type: 'table',
      header: [['TT', 'Đơn vị', 'Ổn định', 'Có băn khoăn, lo lắng', 'Bức xúc, căng thẳng', 'Vấn đề có băn khoăn, bức xúc']],
      rows: s.children.map((c, i) => [String(i + 1), c.unit.name, ...moodCells(c.moods), c.troubledTopics.map((t) => topicNames[t] ?? t).join('; ')]),
    },
  ];
}

function proposalBlocks(input: SituationDocumentInput): PartyBlock[] {
  const { summary: s, topicNames } = input;
  if (!s.proposals.length) return [{ type: 'paragraph', text: 'Không có kiến nghị, đề xuất.' }];
  return [{ type: 'bullets', items: s.proposals.map((p) => `${p.unit.name} (${(topicNames[p.topic] ?? p.topic).toLocaleLowerCase('vi')}, ${MOOD_WORDS[p.mood]}): ${p.text}`) }];
}

export function situationDocument(input: SituationDocumentInput): PartyDocument {
  const { summary: s, issuer } = input;
  const to = recipientsOf(s.unit, input.madeOn);
  return {
    parentBody: issuer.superior,
    issuingBody: issuer.name,
    numberAndSymbol: numberAndSymbol(undefined, 'BC', issuer.symbol),
    place: placeName(s.unit.name),
    date: null,
    docType: 'BÁO CÁO',
    title: `tình hình nhân dân ${quarterLabel(s.period)}`,
    body: [
      { type: 'heading', level: 1, text: 'I. TÌNH HÌNH NẮM BẮT, BÁO CÁO' },
      { type: 'paragraph', text: `Trong ${quarterLabel(s.period)}, đã nhận ${num(s.reportsReceived)} báo cáo tình hình nhân dân của ${num(s.unitsReporting)} đơn vị.` },
      { type: 'heading', level: 1, text: 'II. TÌNH HÌNH NHÂN DÂN THEO VẤN ĐỀ DƯ LUẬN' },
      ...topicBlocks(input),
      { type: 'heading', level: 1, text: 'III. TÌNH HÌNH Ở CÁC ĐƠN VỊ' },
      ...childBlocks(input),
      ...(input.hotspots ? [{ type: 'heading' as const, level: 1 as const, text: 'IV. ĐIỂM NÓNG, VỤ VIỆC PHỨC TẠP' }, ...hotspotBlocks(input.hotspots, quarterLabel(s.period))] : []),
      { type: 'heading', level: 1, text: `${input.hotspots ? 'V' : 'IV'}. KIẾN NGHỊ, ĐỀ XUẤT CỦA NHÂN DÂN` },
      ...proposalBlocks(input),
    ],
    recipients: [`${to.superiorCommission} (để báo cáo)`, `Thường trực ${to.committee} (để báo cáo)`, 'Các đơn vị trực thuộc', 'Lưu Văn phòng'],
    signer: { authority: issuer.signerAuthority, position: issuer.signerPosition, name: '' },
  };
}
