/**
 * Messages of the import's row errors for the annotated workbook (the server writes them into
 * cell comments). The web app has the same texts in all seven languages (web/locales → importErrors);
 * the server carries Vietnamese and English, and falls back to Vietnamese.
 */
import type { ImportErrorCode } from '../../common/entries.js';
import { formatNumber } from '../../common/numbers.js';

export type MessageLang = 'vi' | 'en';

const MESSAGES: Record<MessageLang, Record<ImportErrorCode, string>> = {
  vi: {
    REQUIRED: "Chưa nhập: ô này bắt buộc phải có.",
    NOT_A_NUMBER: "Không phải là số.",
    NOT_A_DATE: "Không phải ngày hợp lệ; ghi theo dạng ngày/tháng/năm, ví dụ 15/03/2026.",
    OUT_OF_RANGE: "Giá trị phải nằm trong khoảng từ {{min}} đến {{max}}.",
    TOO_LONG: "Quá dài: tối đa {{max}} ký tự.",
    INVALID_VALUE: "Giá trị không hợp lệ.",
    UNKNOWN_VALUE: "Giá trị \"{{value}}\" không có trong danh sách; vui lòng chọn trong danh sách.",
    UNKNOWN_UNIT: "Không tìm thấy đơn vị đăng ký; kiểm tra lại mã hoặc tên đầy đủ của đơn vị.",
    AMBIGUOUS_UNIT: "Có {{count}} đơn vị trùng tên ({{candidates}}); ghi thêm tên đơn vị cấp trên sau dấu phẩy hoặc dùng mã đơn vị, ví dụ #1234.",
    OUT_OF_SCOPE: "Tài khoản không có quyền nhập dữ liệu cho đơn vị này.",
    LEVEL_NOT_ON_PATH: "Đơn vị đăng ký không thuộc cấp đăng ký đã chọn.",
    DISTRICT_AFTER_2025: "Từ năm 2026 không còn cấp huyện; vui lòng chọn cấp tỉnh hoặc cấp xã.",
    UNIT_NOT_IN_FORCE: "Đơn vị không còn hoạt động (hoặc chưa thành lập) trong năm {{year}}.",
    YEAR_OUTSIDE_PERIOD: "Năm đăng ký không thuộc giai đoạn {{period}}.",
    END_BEFORE_START: "Ngày kết thúc trước ngày bắt đầu.",
    DUPLICATE_IN_FILE: "Trùng với dòng {{firstRow}} (cùng đơn vị, cùng năm, cùng tên).",
    MISSING_COLUMN: "Thiếu cột \"{{column}}\"; vui lòng dùng tệp mẫu.",
    NO_ROWS: "Tệp không có dòng dữ liệu nào.",
    AMBIGUOUS_NUMBER: "Số này có thể là {{grouped}} hoặc {{decimal}}; đồng chí ghi lại theo đúng một trong hai cách viết đó.",
    STEP_DATE_MISSING: "Thiếu ngày này: dòng đã ghi \"{{column}}\" nên các bước trước phải có ngày.",
    DATE_ORDER: "Ngày này trước \"{{column}}\"; các ngày phải theo đúng thứ tự đăng ký, chấp nhận, đánh giá, công nhận.",
    DATE_IN_FUTURE: "Ngày này sau ngày hôm nay.",
    DATE_OUTSIDE_YEAR: "Ngày đăng ký không thuộc năm {{year}}.",
    DATE_UNIT_NOT_IN_FORCE: "Ngày {{date}} đơn vị đăng ký chưa thành lập hoặc đã thôi hoạt động.",
    RIGHT_REQUIRED: "Tài khoản không có quyền phê duyệt (data.approve) tại đơn vị của cấp đăng ký, nên không ghi được việc chấp nhận, đánh giá, công nhận; để trống các cột đó hoặc nhờ người có quyền nhập.",
    NOT_EFFECTIVE: "Chỉ công nhận mô hình được đánh giá Hiệu quả.",
    BEFORE_CURRENT_STATE: "Mô hình đã có bước ngày {{date}} trên phần mềm; bước tiếp theo không được ghi ngày trước đó.",
    UNKNOWN_ENTRY: "Không tìm thấy mô hình \"{{value}}\"; ghi mã đăng ký có dấu # hoặc đúng tên mô hình.",
    AMBIGUOUS_ENTRY: "Có {{count}} mô hình trùng tên này; ghi mã đăng ký có dấu #, ví dụ #1234.",
    SOURCE_NOT_RECOGNISED: "Mô hình được nhân rộng phải là mô hình đã được công nhận.",
    REPLICATES_ITSELF: "Mô hình không thể nhân rộng từ chính nó.",
    REPLICATION_CYCLE: "Nhân rộng vòng tròn: mô hình nguồn lại nhân rộng từ mô hình này.",
  },
  en: {
    REQUIRED: "Missing: this cell is required.",
    NOT_A_NUMBER: "Not a number.",
    NOT_A_DATE: "Not a valid date; write day/month/year, e.g. 15/03/2026.",
    OUT_OF_RANGE: "The value must be between {{min}} and {{max}}.",
    TOO_LONG: "Too long: at most {{max}} characters.",
    INVALID_VALUE: "The value is not valid.",
    UNKNOWN_VALUE: "\"{{value}}\" is not in the list; please choose from the list.",
    UNKNOWN_UNIT: "The registering unit was not found; check its code or full name.",
    AMBIGUOUS_UNIT: "{{count}} units have this name ({{candidates}}); add the name of the unit above after a comma, or use the unit's code, e.g. #1234.",
    OUT_OF_SCOPE: "Your account may not enter data for this unit.",
    LEVEL_NOT_ON_PATH: "The registering unit is not of (or under) the chosen level.",
    DISTRICT_AFTER_2025: "There is no district level from 2026; choose the province or commune level.",
    UNIT_NOT_IN_FORCE: "The unit did not exist in {{year}}.",
    YEAR_OUTSIDE_PERIOD: "The year is not within the period {{period}}.",
    END_BEFORE_START: "The end date is before the start date.",
    DUPLICATE_IN_FILE: "Same as row {{firstRow}} (same unit, year and title).",
    MISSING_COLUMN: "The column \"{{column}}\" is missing; please use the template.",
    NO_ROWS: "The file has no data rows.",
    AMBIGUOUS_NUMBER: "This number may be {{grouped}} or {{decimal}}; type it again as one of the two.",
    STEP_DATE_MISSING: "This date is missing: the row dates \"{{column}}\", so every earlier step needs its date.",
    DATE_ORDER: "This date is before \"{{column}}\"; the dates must follow registration, acceptance, evaluation, recognition.",
    DATE_IN_FUTURE: "This date is after today.",
    DATE_OUTSIDE_YEAR: "The registration date is not in {{year}}.",
    DATE_UNIT_NOT_IN_FORCE: "On {{date}} the registering unit did not exist.",
    RIGHT_REQUIRED: "Your account does not hold the right to approve (data.approve) at the unit of the entry's level, so it cannot record acceptance, evaluation or recognition; leave those columns empty or ask someone who holds it.",
    NOT_EFFECTIVE: "Only an entry evaluated as effective can be recognised.",
    BEFORE_CURRENT_STATE: "The entry already has a step dated {{date}} in the app; the next step cannot be dated earlier.",
    UNKNOWN_ENTRY: "No entry \"{{value}}\" was found; write its registration number with # or its exact title.",
    AMBIGUOUS_ENTRY: "{{count}} entries have this title; write the registration number with #, e.g. #1234.",
    SOURCE_NOT_RECOGNISED: "The entry replicated must be a recognised one.",
    REPLICATES_ITSELF: "An entry cannot replicate itself.",
    REPLICATION_CYCLE: "Circular replication: the source entry replicates this one.",
  },
};

/** The message of `code` in `lang`, with its {{params}} filled in (the two readings of a number as the language writes them). */
export function importMessage(code: ImportErrorCode, params: Record<string, string | number> = {}, lang: MessageLang = 'vi'): string {
  const show = (name: string) => {
    const v = params[name];
    if (code === 'AMBIGUOUS_NUMBER' && typeof v === 'number') return formatNumber(v, lang);
    return String(v ?? '');
  };
  return MESSAGES[lang][code].replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => show(name));
}

/** 'vi' or 'en' from a `lang` field or an Accept-Language header (Vietnamese unless English comes first). */
export function messageLang(...hints: (string | undefined | null)[]): MessageLang {
  for (const hint of hints) {
    if (!hint) continue;
    const first = hint.split(',')[0]?.trim().toLowerCase() ?? '';
    if (first.startsWith('en')) return 'en';
    if (first.startsWith('vi')) return 'vi';
    if (first) return 'en';
  }
  return 'vi';
}
