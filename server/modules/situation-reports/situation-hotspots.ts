/**
 * The hotspots part of the quarterly situation summary (section IV of "Báo cáo tình hình nhân dân"):
 * the quarter's figures as the hotspots module counts them for the reader (confidential cases the
 * reader may not see are not counted), and the cases still open today. A document like this goes to
 * the units below, so confidential cases are never listed by name in it, even for a reader who may
 * open them; they stay in the counts, which name nobody (docs/situation.md §7, §8).
 */
import type { PartyBlock } from '../../documents/party-document.js';
import type { Actor } from '../../http/access.js';
import type { Ctx } from '../../http/context.js';
import { SEVERITY_WORDS, STATUS_WORDS } from '../hotspots/hotspot-report.js';
import { getFigures, listHotspots, listKinds } from '../hotspots/hotspots.service.js';
import { num } from '../reports/report-wording.js';

/** The table lists at most this many open cases; the sentence says how many there are. */
const LISTED = 30;

export type SituationHotspots = {
  newInRange: number;
  closedInRange: number;
  escalatedInRange: number;
  openOnLastDay: number;
  /** The open cases the document may name (not confidential), the first LISTED of them. */
  listed: { title: string; place: string; unit: string; kind: string; severity: number; status: keyof typeof STATUS_WORDS; escalated: boolean }[];
};

export async function situationHotspotsOf(ctx: Ctx, actor: Actor, q: { unitId: string; from: string; to: string }): Promise<SituationHotspots> {
  const [figures, open, kinds] = await Promise.all([
    getFigures(ctx, actor, q),
    listHotspots(ctx, actor, { unitId: q.unitId, status: 'open', limit: 200, offset: 0 }),
    listKinds(ctx),
  ]);
  const kindName = new Map(kinds.map((k) => [k.code, (k.names as Record<string, string>).vi ?? k.code]));
  const shown = open.rows.filter((h) => !h.confidential);
  return {
    newInRange: figures.newInRange,
    closedInRange: figures.closedInRange,
    escalatedInRange: figures.escalatedInRange,
    openOnLastDay: figures.openOnLastDay,
    listed: shown.slice(0, LISTED).map((h) => ({
      title: h.title,
      place: h.place,
      unit: h.unit_name,
      kind: kindName.get(h.kind_code) ?? h.kind_code,
      severity: h.severity,
      status: h.status,
      escalated: h.escalated_unit_id !== null,
    })),
  };
}

const capitalize = (w: string) => w.charAt(0).toLocaleUpperCase('vi') + w.slice(1);

export function hotspotBlocks(h: SituationHotspots, quarter: string): PartyBlock[] {
  const blocks: PartyBlock[] = [
    {
      type: 'paragraph',
      text:
        `Trong ${quarter}, phát sinh ${num(h.newInRange)} vụ việc phức tạp, điểm nóng; đã kết thúc ${num(h.closedInRange)} vụ; ` +
        `${num(h.escalatedInRange)} vụ phải báo cáo vượt cấp. Đến cuối ${quarter}, còn ${num(h.openOnLastDay)} vụ việc chưa kết thúc.`,
    },
  ];
  if (!h.listed.length) {
    blocks.push({ type: 'paragraph', text: 'Đến nay, không có vụ việc nào chưa kết thúc.' });
    return blocks;
  }
  blocks.push({
    type: 'paragraph',
    text: h.listed.length === LISTED ? `Các vụ việc chưa kết thúc đến nay (${num(LISTED)} vụ đầu danh sách):` : 'Các vụ việc chưa kết thúc đến nay:',
  });
  blocks.push({
    type: 'table',
    header: [['TT', 'Vụ việc', 'Đơn vị, địa điểm', 'Loại vụ việc', 'Mức độ', 'Tình hình giải quyết']],
    rows: h.listed.map((c, i) => [
      String(i + 1),
      c.title,
      `${c.unit} (${c.place})`,
      c.kind,
      capitalize(SEVERITY_WORDS[c.severity] ?? String(c.severity)),
      c.escalated ? `${STATUS_WORDS[c.status]}; đã báo cáo vượt cấp` : STATUS_WORDS[c.status],
    ]),
  });
  return blocks;
}
