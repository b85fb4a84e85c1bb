/**
 * Messages of the import's row errors for the annotated workbook (the server writes them into
 * cell comments). The web app has the same texts in all seven languages (web/locales → importErrors);
 * the server carries Vietnamese and English, and falls back to Vietnamese.
 */
import type { ImportErrorCode } from '../../common/entries.js';

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
    AMBIGUOUS_UNIT: "Có {{count}} đơn vị trùng tên; ghi thêm tên đơn vị cấp trên sau dấu phẩy hoặc dùng mã đơn vị.",
    OUT_OF_SCOPE: "Tài khoản không có quyền nhập dữ liệu cho đơn vị này.",
    LEVEL_NOT_ON_PATH: "Đơn vị đăng ký không thuộc cấp đăng ký đã chọn.",
    DISTRICT_AFTER_2025: "Từ năm 2026 không còn cấp huyện; vui lòng chọn cấp tỉnh hoặc cấp xã.",
    UNIT_NOT_IN_FORCE: "Đơn vị không còn hoạt động (hoặc chưa thành lập) trong năm {{year}}.",
    YEAR_OUTSIDE_PERIOD: "Năm đăng ký không thuộc giai đoạn {{period}}.",
    END_BEFORE_START: "Ngày kết thúc trước ngày bắt đầu.",
    DUPLICATE_IN_FILE: "Trùng với dòng {{firstRow}} (cùng đơn vị, cùng năm, cùng tên).",
    MISSING_COLUMN: "Thiếu cột \"{{column}}\"; vui lòng dùng tệp mẫu.",
    NO_ROWS: "Tệp không có dòng dữ liệu nào.",
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
    AMBIGUOUS_UNIT: "{{count}} units have this name; add the name of the unit above after a comma, or use the unit's code.",
    OUT_OF_SCOPE: "Your account may not enter data for this unit.",
    LEVEL_NOT_ON_PATH: "The registering unit is not of (or under) the chosen level.",
    DISTRICT_AFTER_2025: "There is no district level from 2026; choose the province or commune level.",
    UNIT_NOT_IN_FORCE: "The unit did not exist in {{year}}.",
    YEAR_OUTSIDE_PERIOD: "The year is not within the period {{period}}.",
    END_BEFORE_START: "The end date is before the start date.",
    DUPLICATE_IN_FILE: "Same as row {{firstRow}} (same unit, year and title).",
    MISSING_COLUMN: "The column \"{{column}}\" is missing; please use the template.",
    NO_ROWS: "The file has no data rows.",
  },
};

/** The message of `code` in `lang`, with its {{params}} filled in. */
export function importMessage(code: ImportErrorCode, params: Record<string, string | number> = {}, lang: MessageLang = 'vi'): string {
  return MESSAGES[lang][code].replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => String(params[name] ?? ''));
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
