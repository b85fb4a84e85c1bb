import { describe, expect, it } from 'vitest';
import { paragraphTexts, zipPart } from '../../documents/docx-test-helpers.js';
import { renderPartyDocx } from '../../documents/party-docx.js';
import { TEXT_WIDTH } from '../../documents/party-docx-format.js';
import { reviewDocument } from './review-document.js';
import type { ReviewRecord, TaskRecord } from './reviews.repository.js';

const review: ReviewRecord = {
  id: '1',
  unit_id: '500',
  unit_path: '1.500',
  unit_name: 'Tỉnh Ninh Bình',
  unit_kind: 'province',
  period: 'year',
  year: 2025,
  quarter: null,
  emulation_period_id: null,
  emulation_period_name: null,
  period_from: '2025-01-01',
  period_to: '2025-12-31',
  title: 'Tổng kết công tác dân vận năm 2025',
  narrative: 'Năm 2025, công tác dân vận đạt nhiều kết quả.',
  shortcomings: null,
  status: 'draft',
  figures_at: null,
  created_at: new Date('2026-01-05T02:00:00Z'),
  updated_at: new Date('2026-01-05T02:00:00Z'),
  version: 1,
  open_tasks: 3,
  done_tasks: 0,
  overdue_tasks: 0,
};

const task = (i: number, content: string, owner: string, deadline: string, status: 'open' | 'done' = 'open'): TaskRecord => ({
  id: String(i),
  review_id: '1',
  content,
  owner_unit_id: '600',
  owner_name: owner,
  owner_kind: 'commune',
  deadline,
  status,
  overdue: false,
  done_at: status === 'done' ? new Date('2026-01-15T03:00:00Z') : null,
  done_by: null,
  done_by_name: null,
  note: null,
  version: 1,
  review_title: review.title,
  review_unit_id: '500',
  review_unit_name: 'Tỉnh Ninh Bình',
  review_unit_kind: 'province',
  review_unit_path: '1.500',
});

/** Long task texts and unit names: what squeezed the deadline column until "15/01/2026" broke over two lines. */
const TASKS = [
  task(1, 'Tiếp tục nhân rộng các mô hình, điển hình “Dân vận khéo” trong lĩnh vực kinh tế, chuyển đổi số và xây dựng nông thôn mới kiểu mẫu ở các xã, phường', 'Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Ninh Bình', '2026-01-15'),
  task(2, 'Tổ chức hội nghị sơ kết giữa kỳ phong trào thi đua, biểu dương các tập thể, cá nhân tiêu biểu trong công tác dân vận chính quyền', 'Hội Liên hiệp Phụ nữ tỉnh Ninh Bình', '2026-06-30'),
  task(3, 'Rà soát, bổ sung quy chế phối hợp giữa các cơ quan trong hệ thống chính trị về công tác dân vận', 'Đảng ủy phường Hoa Lư', '2026-03-31', 'done'),
];

/**
 * The least width, in twips, that "15/01/2026" needs in a cell at 12 pt Times New Roman: eight
 * digits of half an em (120 twips) and two slashes of 0.278 em (67 twips; Liberation Serif, with
 * Times's metrics, the same), plus the table's cell margins (60 + 60).
 */
const DATE_WIDTH = 8 * 120 + 2 * 67 + 120;

/** The grid (column widths) and the rows' cell texts of each table of a WordprocessingML part. */
function tables(xml: string): { widths: number[]; rows: string[][] }[] {
  return [...xml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map(([table]) => ({
    widths: [...table.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1])),
    rows: [...table.matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map(([row]) => [...row.matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map(([cell]) => paragraphTexts(cell).join(' '))),
  }));
}

describe('the review DOCX', () => {
  it('keeps the deadline on one line: the column is at least as wide as "15/01/2026"', async () => {
    const doc = reviewDocument({ review, nextPeriod: { period: 'year', year: 2026, quarter: null, emulationPeriod: null, from: '2026-01-01', to: '2026-12-31' }, figures: null, tasks: TASKS, events: [], anniversaries: [], madeOn: '2026-01-05' });
    const xml = await zipPart(await renderPartyDocx(doc), 'word/document.xml');
    const taskTable = tables(xml).find((t) => t.rows[0]?.includes('Thời hạn'))!;
    expect(taskTable.rows.slice(1).map((r) => r[3])).toEqual(['15/01/2026', '30/06/2026', '31/03/2026']);
    const deadline = taskTable.rows[0]!.indexOf('Thời hạn');
    expect(taskTable.widths[deadline]).toBeGreaterThanOrEqual(DATE_WIDTH);
    // "Đã hoàn thành (15/01/2026)": the date in brackets must not break either.
    const state = taskTable.rows[0]!.indexOf('Tình trạng');
    expect(taskTable.rows[3]![state]).toBe('Đã hoàn thành (15/01/2026)');
    expect(taskTable.widths[state]).toBeGreaterThanOrEqual(DATE_WIDTH + 2 * 67);
    // The table still fits the text width.
    expect(taskTable.widths.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(TEXT_WIDTH);
  });

  it('is headed by the issuing body of the day it is made', () => {
    const nextPeriod = { period: 'year' as const, year: 2026, quarter: null, emulationPeriod: null, from: '2026-01-01', to: '2026-12-31' };
    const doc = reviewDocument({ review, nextPeriod, figures: null, tasks: [], events: [], anniversaries: [], madeOn: '2026-01-05' });
    expect(doc).toMatchObject({ parentBody: 'TỈNH ỦY NINH BÌNH', issuingBody: 'BAN TUYÊN GIÁO VÀ DÂN VẬN', numberAndSymbol: 'Số     -BC/BTGDVTU' });
    const issuer = { superior: 'TỈNH ỦY NINH BÌNH', name: 'Ban Tuyên giáo và Dân vận', symbol: 'BTGDVTU', signerAuthority: 'K/T TRƯỞNG BAN', signerPosition: 'PHÓ TRƯỞNG BAN' };
    expect(reviewDocument({ review, nextPeriod, figures: null, tasks: [], events: [], anniversaries: [], issuer }).signer).toEqual({ authority: 'K/T TRƯỞNG BAN', position: 'PHÓ TRƯỞNG BAN', name: '' });
  });
});
