/**
 * Columns of the petitions CSV export. Without the identity permission the submitter columns are
 * not there at all (not blank: a blank could be mistaken for "no name given").
 */
import type { DueWindow } from './petitions.presenter.js';
import { dueState } from './petitions.presenter.js';
import type { ListRecord } from './petitions.repository.js';

const BASE = ['Số', 'Năm', 'Đơn vị tiếp nhận', 'Đơn vị xử lý', 'Loại đơn', 'Kênh', 'Lĩnh vực', 'Tiêu đề', 'Trạng thái', 'Ngày nhận', 'Hạn xử lý', 'Ngày kết thúc', 'Tình trạng hạn'];
const IDENTITY = ['Họ tên người gửi', 'Liên hệ', 'Số giấy tờ', 'Địa chỉ'];

export function petitionsCsvHeader(withIdentity: boolean): string[] {
  return withIdentity ? [...BASE, ...IDENTITY] : BASE;
}

export function petitionCsvRow(r: ListRecord, w: DueWindow, withIdentity: boolean): (string | number | null)[] {
  const base = [r.number, r.year, r.unit_name, r.handling_unit_name, r.kind, r.channel, r.category_code, r.title, r.status, r.received_on, r.due_on, r.closed_on, dueState(r, w)];
  return withIdentity ? [...base, r.submitter_name, r.submitter_contact, r.submitter_id_number ?? null, r.submitter_address ?? null] : base;
}
