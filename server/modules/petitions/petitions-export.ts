/**
 * Columns of the petitions exports (XLSX and CSV, the same columns). Without the identity
 * permission the submitter columns are not there at all (not blank: a blank could be mistaken for
 * "no name given"). Words are the Vietnamese of the screen (web/locales/vi.json, `petitions.*`):
 * petitions-export.test.ts holds them to it, so the file and the screen cannot say different things.
 */
import type { DueState, PetitionChannel, PetitionKind, PetitionStatus } from '../../../common/petitions.js';
import type { ListColumn } from '../../documents/list-workbook.js';
import type { DueWindow } from './petitions.presenter.js';
import { dueState } from './petitions.presenter.js';
import type { ListRecord } from './petitions.repository.js';

export const PETITION_WORDS = {
  status: {
    received: 'Đã tiếp nhận',
    classified: 'Đã phân loại',
    assigned: 'Đã giao xử lý',
    in_progress: 'Đang giải quyết',
    resolved: 'Đã giải quyết',
    rejected: 'Không thụ lý',
    transferred_out: 'Đã chuyển cơ quan khác',
  } satisfies Record<PetitionStatus, string>,
  kind: { recommendation: 'Kiến nghị, phản ánh', complaint: 'Khiếu nại', denunciation: 'Tố cáo' } satisfies Record<PetitionKind, string>,
  channel: {
    in_person: 'Tiếp công dân trực tiếp',
    hotline: 'Đường dây nóng',
    mail: 'Qua bưu điện',
    online: 'Cổng trực tuyến',
    dialogue: 'Hội nghị đối thoại',
    forwarded: 'Cơ quan khác chuyển đến',
  } satisfies Record<PetitionChannel, string>,
  due: { on_track: 'Trong hạn', due_soon: 'Sắp đến hạn', overdue: 'Quá hạn', closed_on_time: 'Xong đúng hạn', closed_late: 'Xong quá hạn' } satisfies Record<DueState, string>,
  anonymous: 'Ẩn danh',
  erased: 'Đã xóa thông tin (hết thời hạn lưu)',
};

/** Headers: the screen's field names (`petitions.fields.*`), plus the identity columns. */
export const PETITION_HEADERS = {
  number: 'Số',
  unit: 'Đơn vị tiếp nhận',
  handlingUnit: 'Đơn vị xử lý',
  kind: 'Loại đơn',
  channel: 'Hình thức tiếp nhận',
  category: 'Lĩnh vực',
  title: 'Tiêu đề',
  status: 'Trạng thái',
  receivedOn: 'Ngày nhận',
  dueOn: 'Hạn xử lý',
  closedOn: 'Ngày kết thúc',
  dueState: 'Tình trạng hạn',
  submitterName: 'Họ và tên',
  contact: 'Điện thoại hoặc email',
  idNumber: 'Số CCCD',
  address: 'Địa chỉ',
};

type Row = ListRecord;
const date = (iso: string | null) => (iso ? { date: iso } : null);
const H = PETITION_HEADERS;

/**
 * The columns of an export. `categoryName` gives a category's Vietnamese name; the number is
 * "12/2026" as the screen shows it, next to the receiving unit that numbered it.
 */
export function petitionColumns(w: DueWindow, withIdentity: boolean, categoryName: (code: string) => string): ListColumn<Row>[] {
  const base: ListColumn<Row>[] = [
    { header: H.number, width: 10, value: (r) => `${r.number}/${r.year}` },
    { header: H.unit, width: 30, value: (r) => r.unit_name },
    { header: H.handlingUnit, width: 30, value: (r) => r.handling_unit_name },
    { header: H.kind, width: 18, value: (r) => PETITION_WORDS.kind[r.kind] },
    { header: H.channel, width: 22, value: (r) => PETITION_WORDS.channel[r.channel] },
    { header: H.category, width: 22, value: (r) => categoryName(r.category_code) },
    { header: H.title, width: 50, value: (r) => r.title },
    { header: H.status, width: 18, value: (r) => PETITION_WORDS.status[r.status] },
    { header: H.receivedOn, width: 12, value: (r) => date(r.received_on) },
    { header: H.dueOn, width: 12, value: (r) => date(r.due_on) },
    { header: H.closedOn, width: 12, value: (r) => date(r.closed_on) },
    { header: H.dueState, width: 14, value: (r) => PETITION_WORDS.due[dueState(r, w)] },
  ];
  if (!withIdentity) return base;
  const erasedOr = (r: Row, v: string | null | undefined) => (r.identity_erased_at ? PETITION_WORDS.erased : r.anonymous ? PETITION_WORDS.anonymous : (v ?? null));
  return [
    ...base,
    { header: H.submitterName, width: 24, value: (r) => erasedOr(r, r.submitter_name) },
    { header: H.contact, width: 18, value: (r) => erasedOr(r, r.submitter_contact) },
    { header: H.idNumber, width: 16, value: (r) => erasedOr(r, r.submitter_id_number) },
    { header: H.address, width: 30, value: (r) => erasedOr(r, r.submitter_address) },
  ];
}
