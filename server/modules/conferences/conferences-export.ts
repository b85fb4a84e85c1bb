/**
 * Columns of the review conferences exports (XLSX and CSV). Headers and words are the Vietnamese of
 * the screen (web/locales/vi.json, `conferences.*`; conferences-export.test.ts holds them to it);
 * the period is named as the screen names it ("Quý 1/2026", "Năm 2025", the emulation period's
 * name) with its first and last day beside it.
 */
import type { ListColumn } from '../../documents/list-workbook.js';
import type { ConferenceRecord } from './conferences.repository.js';
import type { PeriodKind } from './conferences.schema.js';

export const CONFERENCE_HEADERS = {
  conferenceTitle: 'Hội nghị',
  unit: 'Đơn vị tổ chức',
  heldOn: 'Ngày tổ chức',
  periodKind: 'Loại thời kỳ',
  period: 'Thời kỳ sơ kết, tổng kết',
  from: 'Từ ngày',
  to: 'Đến ngày',
  participantsCount: 'Số người dự',
  participants: 'Thành phần tham dự',
  notes: 'Ghi chú',
};
export const PERIOD_KIND_WORDS: Record<PeriodKind, string> = { quarter: 'Quý', year: 'Năm', emulation_period: 'Giai đoạn thi đua', custom: 'Khoảng thời gian khác' };

const dmy = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

/** "Quý 1/2026", "Năm 2025", "Giai đoạn 2021–2025", "01/03/2026 – 15/04/2026". */
export function periodLabel(r: Pick<ConferenceRecord, 'period_kind' | 'period_start' | 'period_end' | 'emulation_period_name'>): string {
  const year = Number(r.period_start.slice(0, 4));
  switch (r.period_kind) {
    case 'quarter':
      return `Quý ${Math.floor((Number(r.period_start.slice(5, 7)) - 1) / 3) + 1}/${year}`;
    case 'year':
      return `Năm ${year}`;
    case 'emulation_period': {
      // As the screen names it (web/ui/period-label.ts): the kind word before a name that is only years.
      const name = r.emulation_period_name?.trim() || `${year}–${r.period_end.slice(0, 4)}`;
      return /^\d{4}(\s*[–—-]\s*\d{4})?$/u.test(name) ? `Giai đoạn ${name}` : name;
    }
    default:
      return `${dmy(r.period_start)} – ${dmy(r.period_end)}`;
  }
}

const H = CONFERENCE_HEADERS;

export const CONFERENCE_COLUMNS: readonly ListColumn<ConferenceRecord>[] = [
  { header: H.conferenceTitle, width: 44, value: (r) => r.title },
  { header: H.unit, width: 32, value: (r) => r.unit_name },
  { header: H.heldOn, width: 12, value: (r) => ({ date: r.held_on }) },
  { header: H.periodKind, width: 16, value: (r) => PERIOD_KIND_WORDS[r.period_kind] },
  { header: H.period, width: 24, value: (r) => periodLabel(r) },
  { header: H.from, width: 12, value: (r) => ({ date: r.period_start }) },
  { header: H.to, width: 12, value: (r) => ({ date: r.period_end }) },
  { header: H.participantsCount, width: 10, value: (r) => r.participants_count },
  { header: H.participants, width: 36, value: (r) => r.participants },
  { header: H.notes, width: 36, value: (r) => r.notes },
];
