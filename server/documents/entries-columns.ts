/**
 * The columns of the entries workbook (template, import, export) and the Vietnamese words for
 * the enums. One list, so the template, the reader and the exports cannot drift apart.
 */
import { ENTRY_FORMS, ENTRY_KINDS, ENTRY_LEVELS, ENTRY_STATUSES, type HistoryAction } from '../../common/entries.js';
import { titleKey } from '../modules/entries/entry-rules.js';
import { catalogWords } from './catalog-words.js';

export type ImportColumnKey =
  | 'unit'
  | 'level'
  | 'kind'
  | 'form'
  | 'field'
  | 'year'
  | 'period'
  | 'title'
  | 'description'
  | 'goals'
  | 'startDate'
  | 'endDate'
  | 'participantsCount'
  | 'participants'
  | 'moneyVnd'
  | 'workingDays'
  | 'landM2'
  | 'resourcesOther'
  | 'results'
  | 'implementers'
  | 'registeredOn'
  | 'acceptedOn'
  | 'evaluationResult'
  | 'evaluationScore'
  | 'evaluatedOn'
  | 'recognisedOn'
  | 'replicatedFrom';

/** `aliases`: other headers officers write for the same column (matched like the header). */
export type ImportColumn = { key: ImportColumnKey; header: string; required: boolean; width: number; help: string; aliases?: readonly string[] };

/** The history columns: the dates of the lifecycle's steps a row records (docs/entries-excel.md, "History"). */
export const HISTORY_DATE_COLUMNS = { submit: 'registeredOn', accept: 'acceptedOn', evaluate: 'evaluatedOn', recognise: 'recognisedOn' } as const satisfies Record<HistoryAction, ImportColumnKey>;

export const IMPORT_COLUMNS: readonly ImportColumn[] = [
  {
    key: 'unit',
    header: 'Đơn vị đăng ký (mã hoặc tên đầy đủ)',
    required: true,
    width: 40,
    help:
      'Đơn vị đăng ký mô hình/điển hình. Ghi theo một trong ba cách: (1) mã số của đơn vị trong phần mềm, có dấu # phía trước, ví dụ #1234 (số ở cuối địa chỉ trang của đơn vị); ' +
      '(2) cấp và mã hành chính chính thức, ví dụ xã:00004, tỉnh:01 (hoặc commune:00004, province:01); ' +
      '(3) tên đầy đủ của đơn vị, nếu trùng tên thì ghi thêm tên đơn vị cấp trên sau dấu phẩy, ví dụ "Phường Ba Đình, Thành phố Hà Nội". ' +
      'Nếu tên vẫn trùng với nhiều đơn vị, dòng đó bị báo lỗi: hãy dùng mã.',
  },
  { key: 'level', header: 'Cấp đăng ký', required: true, width: 14, help: 'Cấp tỉnh, Cấp huyện (chỉ đến năm 2025) hoặc Cấp xã; chọn trong danh sách. Đơn vị đăng ký phải thuộc cấp này hoặc nằm dưới một đơn vị của cấp này.' },
  { key: 'kind', header: 'Loại (Mô hình / Điển hình)', required: true, width: 16, help: 'Mô hình hoặc Điển hình; chọn trong danh sách.' },
  { key: 'form', header: 'Hình thức (Tập thể / Cá nhân)', required: true, width: 16, help: 'Tập thể hoặc Cá nhân; chọn trong danh sách.' },
  { key: 'field', header: 'Lĩnh vực', required: true, width: 30, help: 'Lĩnh vực của mô hình; chọn trong danh sách.' },
  { key: 'year', header: 'Năm', required: true, width: 8, help: 'Năm đăng ký, 4 chữ số, ví dụ 2026.' },
  { key: 'period', header: 'Giai đoạn', required: false, width: 14, help: 'Giai đoạn thi đua, ví dụ 2026–2030; chọn trong danh sách. Năm đăng ký phải nằm trong giai đoạn. Có thể để trống.' },
  { key: 'title', header: 'Tên mô hình/điển hình', required: true, width: 50, help: 'Tên mô hình hoặc điển hình, tối đa 500 ký tự. Mỗi đơn vị chỉ đăng ký một tên một lần trong năm (không phân biệt dấu, chữ hoa, khoảng trắng).' },
  { key: 'description', header: 'Mô tả', required: false, width: 40, help: 'Nội dung, cách làm. Có thể để trống.' },
  { key: 'goals', header: 'Mục tiêu', required: false, width: 30, help: 'Mục tiêu cần đạt. Có thể để trống.' },
  { key: 'startDate', header: 'Ngày bắt đầu', required: false, width: 14, help: 'Ngày theo dạng ngày/tháng/năm, ví dụ 15/03/2026. Có thể để trống.' },
  { key: 'endDate', header: 'Ngày kết thúc', required: false, width: 14, help: 'Ngày theo dạng ngày/tháng/năm, không trước ngày bắt đầu. Có thể để trống.' },
  { key: 'participantsCount', header: 'Số người tham gia', required: false, width: 12, help: 'Số nguyên, không âm. Có thể để trống.' },
  { key: 'participants', header: 'Thành phần tham gia', required: false, width: 30, help: 'Ví dụ: hội viên phụ nữ, đoàn viên thanh niên. Có thể để trống.' },
  { key: 'moneyVnd', header: 'Kinh phí (đồng)', required: false, width: 16, help: 'Số tiền bằng đồng, số nguyên, ví dụ 150000000 hoặc 150.000.000. Có thể để trống.' },
  { key: 'workingDays', header: 'Ngày công', required: false, width: 10, help: 'Số ngày công đóng góp, số nguyên. Có thể để trống.' },
  { key: 'landM2', header: 'Đất hiến (m²)', required: false, width: 12, help: 'Diện tích đất hiến, mét vuông, tối đa 2 chữ số thập phân (dấu phẩy hoặc dấu chấm). Có thể để trống.' },
  { key: 'resourcesOther', header: 'Nguồn lực khác', required: false, width: 30, help: 'Vật tư, cây giống, … Có thể để trống.' },
  { key: 'results', header: 'Kết quả', required: false, width: 40, help: 'Kết quả đạt được. Có thể để trống.' },
  {
    key: 'implementers',
    header: 'Đơn vị/người thực hiện',
    required: false,
    width: 30,
    help: 'Các đơn vị hoặc người thực hiện, cách nhau bằng dấu chấm phẩy (;). Đơn vị ghi bằng mã số có dấu #, ví dụ #1234; người ghi họ tên. Có thể để trống.',
  },
  // History: what has already happened to the entry, for records of past years. Left empty, the
  // entry is created as a draft (Nháp). The state reached is the last step whose date is filled.
  {
    key: 'registeredOn',
    header: 'Ngày đăng ký',
    required: false,
    width: 14,
    help: 'Ngày đơn vị đã gửi đăng ký, dạng ngày/tháng/năm, thuộc năm đăng ký. Có ngày này, mô hình được ghi ở trạng thái Đã đăng ký và được tính vào quý, khoảng thời gian của ngày này trong báo cáo. Để trống: trạng thái Nháp.',
  },
  {
    key: 'acceptedOn',
    header: 'Ngày chấp nhận',
    aliases: ['Ngày chấp thuận'],
    required: false,
    width: 14,
    help: 'Ngày Ban Chỉ đạo của cấp đăng ký chấp nhận (chấp thuận), không trước ngày đăng ký. Cần quyền phê duyệt (data.approve) tại đơn vị của cấp đăng ký.',
  },
  { key: 'evaluationResult', header: 'Kết quả đánh giá', required: false, width: 14, help: 'Hiệu quả hoặc Không hiệu quả; chọn trong danh sách. Ghi cùng điểm và ngày đánh giá.' },
  { key: 'evaluationScore', header: 'Điểm đánh giá', required: false, width: 10, help: 'Điểm theo tiêu chí, từ 0 đến 100, tối đa 2 chữ số thập phân, ví dụ 85,5.' },
  {
    key: 'evaluatedOn',
    header: 'Ngày đánh giá',
    required: false,
    width: 14,
    help: 'Ngày đánh giá, không trước ngày chấp nhận. Cần quyền phê duyệt (data.approve) tại đơn vị của cấp đăng ký.',
  },
  {
    key: 'recognisedOn',
    header: 'Ngày công nhận',
    required: false,
    width: 14,
    help: 'Ngày công nhận là điển hình "Dân vận khéo", không trước ngày đánh giá; chỉ với mô hình được đánh giá Hiệu quả. Cần quyền phê duyệt (data.approve).',
  },
  {
    key: 'replicatedFrom',
    header: 'Nhân rộng từ (mã/tên mô hình)',
    required: false,
    width: 30,
    help: 'Mô hình đã được công nhận mà mô hình này nhân rộng: mã đăng ký có dấu #, ví dụ #5678, hoặc tên mô hình đó (nếu nhiều mô hình trùng tên, dùng mã). Có thể là một mô hình ở dòng khác của tệp này.',
  },
];

/** Excel column letter of a 1-based column number. */
export function columnLetter(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

// The words the screen shows (web/locales/vi.json), so a file and the screen never name a code
// differently (catalog-words.ts); the import reads them back from the template's lists.
export const LEVEL_NAMES = catalogWords('entries.level', ENTRY_LEVELS);
export const KIND_NAMES = catalogWords('entries.kind', ENTRY_KINDS);
export const FORM_NAMES = catalogWords('entries.form', ENTRY_FORMS);
export const STATUS_NAMES = catalogWords('entries.status', ENTRY_STATUSES);

/** Accents, case and spacing do not matter when a cell names a value. */
export const fold = titleKey;

function lookup<T extends string>(names: Record<T, string>, extra: Record<string, T>): Map<string, T> {
  const m = new Map<string, T>();
  for (const [code, name] of Object.entries(names) as [T, string][]) {
    m.set(fold(name), code);
    m.set(fold(code), code);
  }
  for (const [word, code] of Object.entries(extra)) m.set(fold(word), code);
  return m;
}

export const LEVEL_BY_WORD = lookup(LEVEL_NAMES, { Tỉnh: 'province', Huyện: 'district', Xã: 'commune', Phường: 'commune', 'Đặc khu': 'commune' });
export const KIND_BY_WORD = lookup(KIND_NAMES, { 'Điển hình tiên tiến': 'typical_example' });
export const FORM_BY_WORD = lookup(FORM_NAMES, {});

/** The evaluation's result: effective or not. */
export const EVALUATION_NAMES: Record<'true' | 'false', string> = { true: 'Hiệu quả', false: 'Không hiệu quả' };
export const EVALUATION_BY_WORD = lookup(EVALUATION_NAMES, { 'Có hiệu quả': 'true', Đạt: 'true', 'Chưa hiệu quả': 'false', 'Không đạt': 'false' });

/** Unit kinds accepted before the colon of an official code ("xã:00004"). */
export const UNIT_KIND_BY_WORD = new Map<string, string>([
  ['province', 'province'],
  ['tinh', 'province'],
  ['district', 'district'],
  ['huyen', 'district'],
  ['commune', 'commune'],
  ['xa', 'commune'],
  ['phuong', 'commune'],
]);

/** OWASP CSV injection: a text that a spreadsheet would run as a formula is prefixed with a quote. */
export function neutralise(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}
