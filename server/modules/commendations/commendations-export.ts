/**
 * Columns of the commendations exports (XLSX and CSV). Headers and words are the Vietnamese of the
 * screen (web/locales/vi.json, `commendations.*`; commendations-export.test.ts holds them to it).
 */
import type { ListColumn } from '../../documents/list-workbook.js';
import type { CommendationRecord } from './commendations.repository.js';

export const COMMENDATION_HEADERS = {
  decisionNumber: 'Số quyết định',
  decisionDate: 'Ngày quyết định',
  form: 'Hình thức khen thưởng',
  recipientKind: 'Đối tượng',
  recipient: 'Được khen thưởng',
  position: 'Chức vụ',
  unit: 'Đơn vị',
  issuingUnit: 'Đơn vị khen thưởng',
  year: 'Năm',
  reason: 'Thành tích',
};
export const RECIPIENT_WORDS = { collective: 'Tập thể', individual: 'Cá nhân' } as const;

const H = COMMENDATION_HEADERS;

/** A collective is its unit; an individual is named, with the unit they work in beside. */
export const COMMENDATION_COLUMNS: readonly ListColumn<CommendationRecord>[] = [
  { header: H.decisionNumber, width: 16, value: (r) => r.decision_number },
  { header: H.decisionDate, width: 12, value: (r) => ({ date: r.decision_date }) },
  { header: H.form, width: 22, value: (r) => r.form_names.vi ?? r.form_code },
  { header: H.recipientKind, width: 10, value: (r) => RECIPIENT_WORDS[r.recipient_kind] },
  { header: H.recipient, width: 32, value: (r) => (r.recipient_kind === 'individual' ? r.recipient_name : r.unit_name) },
  { header: H.position, width: 20, value: (r) => (r.recipient_kind === 'individual' ? r.recipient_position : null) },
  { header: H.unit, width: 32, value: (r) => r.unit_name },
  { header: H.issuingUnit, width: 32, value: (r) => r.issuing_unit_name },
  { header: H.year, width: 8, value: (r) => r.year },
  { header: H.reason, width: 50, value: (r) => r.reason },
];
