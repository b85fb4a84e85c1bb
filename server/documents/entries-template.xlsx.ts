/**
 * The import template: sheet "Đăng ký" (the columns, with drop-down lists), sheet "Hướng dẫn"
 * (what goes in each column, how a unit is named, a filled-in sample row) and a hidden sheet
 * holding the lists the drop-downs point to. The import reads the visible sheet named DATA_SHEET
 * (else the first visible one).
 */
import ExcelJS from 'exceljs';
import { ENTRY_LEVELS } from '../../common/entries.js';
import { columnLetter, EVALUATION_NAMES, FORM_NAMES, HISTORY_DATE_COLUMNS, IMPORT_COLUMNS, type ImportColumnKey, KIND_NAMES, LEVEL_NAMES, neutralise } from './entries-columns.js';

/** The template's data sheet: the one an import reads when the workbook has it (visible). */
export const DATA_SHEET = 'Đăng ký';

export type TemplateLists = { fields: string[]; periods: string[] };

/** Rows of the data sheet that carry the drop-down lists. */
const VALIDATED_ROWS = 5_000;
const LIST_SHEET = 'DanhSach';

const SAMPLE: Record<ImportColumnKey, string | number> = {
  unit: 'Phường Ba Đình, Thành phố Hà Nội',
  level: LEVEL_NAMES.commune,
  kind: KIND_NAMES.model,
  form: FORM_NAMES.collective,
  field: 'Kinh tế',
  year: 2026,
  period: '2026–2030',
  title: 'Mô hình "Dân vận khéo" trong phát triển kinh tế hộ gia đình',
  description: 'Vận động hội viên giúp nhau vốn, giống, kinh nghiệm sản xuất.',
  goals: 'Giảm 50% số hộ nghèo trên địa bàn.',
  startDate: '15/03/2026',
  endDate: '31/12/2026',
  participantsCount: 120,
  participants: 'Hội viên phụ nữ, nông dân',
  moneyVnd: 150000000,
  workingDays: 300,
  landM2: 250.5,
  resourcesOther: '2 tấn phân bón',
  results: 'Giảm 30 hộ nghèo sau 6 tháng.',
  implementers: 'Hội Liên hiệp Phụ nữ phường; Nguyễn Văn A',
  registeredOn: '20/03/2026',
  acceptedOn: '10/04/2026',
  evaluationResult: EVALUATION_NAMES.true,
  evaluationScore: '85,5',
  evaluatedOn: '15/12/2026',
  recognisedOn: '20/12/2026',
  replicatedFrom: '',
};

const DATE_COLUMNS: ReadonlySet<ImportColumnKey> = new Set(['startDate', 'endDate', ...Object.values(HISTORY_DATE_COLUMNS)]);
const HISTORY_KEYS: ReadonlySet<ImportColumnKey> = new Set([...Object.values(HISTORY_DATE_COLUMNS), 'evaluationResult', 'evaluationScore', 'replicatedFrom']);

export async function buildEntriesTemplate(lists: TemplateLists): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'danvan';
  const data = wb.addWorksheet(DATA_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  const help = wb.addWorksheet('Hướng dẫn');
  const listSheet = wb.addWorksheet(LIST_SHEET, { state: 'hidden' });

  // The lists the drop-downs point to, one column each. Field and period names come from the
  // database (a unit may add fields): each is neutralised as the exports do (entries-columns.ts),
  // so no list value is a formula Excel would run once the cell is edited or copied out.
  const listColumns: [string, string[]][] = [
    ['Cấp đăng ký', ENTRY_LEVELS.map((l) => LEVEL_NAMES[l])],
    ['Loại', Object.values(KIND_NAMES)],
    ['Hình thức', Object.values(FORM_NAMES)],
    ['Lĩnh vực', lists.fields],
    ['Giai đoạn', lists.periods],
    ['Kết quả đánh giá', Object.values(EVALUATION_NAMES)],
  ];
  const listRange = new Map<string, string>();
  listColumns.forEach(([title, values], i) => {
    const letter = columnLetter(i + 1);
    listSheet.getCell(`${letter}1`).value = title;
    values.forEach((v, j) => (listSheet.getCell(`${letter}${j + 2}`).value = neutralise(v)));
    listRange.set(title, `${LIST_SHEET}!$${letter}$2:$${letter}$${Math.max(values.length + 1, 2)}`);
  });

  data.columns = IMPORT_COLUMNS.map((c) => ({ header: c.header, key: c.key, width: c.width }));
  const headerRow = data.getRow(1);
  headerRow.font = { bold: true };
  headerRow.alignment = { wrapText: true, vertical: 'middle' };
  headerRow.height = 32;
  IMPORT_COLUMNS.forEach((c, i) => {
    const cell = headerRow.getCell(i + 1);
    // Required, optional, and the history columns (their own colour, so they read as a group).
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: c.required ? 'FFFCE4D6' : HISTORY_KEYS.has(c.key) ? 'FFE2EFDA' : 'FFDDEBF7' } };
    cell.note = c.help;
  });

  // Range validations (one <dataValidation sqref="B2:B5001">): exceljs has them, its typings do not.
  const validations = (data as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }).dataValidations;
  const listFor: Partial<Record<ImportColumnKey, string>> = { level: 'Cấp đăng ký', kind: 'Loại', form: 'Hình thức', field: 'Lĩnh vực', period: 'Giai đoạn', evaluationResult: 'Kết quả đánh giá' };
  IMPORT_COLUMNS.forEach((c, i) => {
    const range = `${columnLetter(i + 1)}2:${columnLetter(i + 1)}${VALIDATED_ROWS + 1}`;
    const list = listFor[c.key];
    if (list) {
      validations.add(range, {
        type: 'list',
        allowBlank: !c.required,
        formulae: [listRange.get(list)!],
        showErrorMessage: true,
        errorStyle: 'stop',
        errorTitle: c.header,
        error: 'Vui lòng chọn một giá trị trong danh sách.',
      });
    } else if (c.key === 'year') {
      validations.add(range, { type: 'whole', operator: 'between', allowBlank: false, formulae: [2000, 2100], showErrorMessage: true, error: 'Năm gồm 4 chữ số, từ 2000 đến 2100.' });
    } else if (DATE_COLUMNS.has(c.key)) {
      data.getColumn(i + 1).numFmt = 'dd/mm/yyyy';
    }
  });

  // Instructions.
  help.columns = [
    { header: 'Cột', key: 'letter', width: 6 },
    { header: 'Tên cột', key: 'header', width: 36 },
    { header: 'Bắt buộc', key: 'required', width: 10 },
    { header: 'Cách ghi', key: 'help', width: 110 },
  ];
  help.getRow(1).font = { bold: true };
  IMPORT_COLUMNS.forEach((c, i) => {
    const row = help.addRow({ letter: columnLetter(i + 1), header: c.header, required: c.required ? 'Có' : '', help: c.help });
    row.alignment = { wrapText: true, vertical: 'top' };
  });
  help.addRow([]);
  const notes = [
    'Mỗi dòng của trang "Đăng ký" là một mô hình/điển hình. Không đổi tên các cột ở dòng 1.',
    'Tệp được nhập toàn bộ hoặc không nhập gì: nếu có một dòng lỗi, phần mềm không ghi dòng nào và trả về danh sách lỗi (có thể tải tệp báo lỗi, các ô lỗi được tô đỏ).',
    'Nhập lại cùng một tệp không tạo bản ghi trùng: dòng có cùng đơn vị, cùng năm, cùng tên (không phân biệt dấu, chữ hoa) với một bản ghi đã có sẽ cập nhật bản ghi đó nếu bản ghi còn ở trạng thái Nháp; bản ghi đã gửi đăng ký thì giữ nguyên.',
    'Dòng không ghi ngày đăng ký được tạo ở trạng thái Nháp; sau khi kiểm tra, gửi đăng ký trên phần mềm (có thể chọn nhiều mô hình để gửi một lần).',
    'Nhập số liệu các năm trước: ghi ngày đăng ký, ngày chấp nhận, kết quả - điểm - ngày đánh giá, ngày công nhận đã có. Trạng thái là bước cuối cùng có ngày; các ngày theo đúng thứ tự, không sau ngày hôm nay. Lịch sử ghi người nhập và "Nhập từ tệp <tên tệp>". Báo cáo quý tính theo ngày đăng ký.',
    'Ghi ngày chấp nhận, đánh giá, công nhận cần quyền phê duyệt (data.approve) tại đơn vị của cấp đăng ký. Nhập lại tệp với ngày của bước tiếp theo thì mô hình được chuyển tiếp; mô hình đã bị trả lại, đã rút hoặc đã đi xa hơn trên phần mềm thì giữ nguyên.',
    'Tối đa 100.000 dòng và 20 MB mỗi tệp.',
  ];
  for (const n of notes) help.addRow(['', n]).getCell(2).alignment = { wrapText: false };
  help.addRow([]);
  help.addRow(['', 'Dòng mẫu (không nhập dòng này):']).font = { bold: true };
  const sampleHeader = help.addRow(['', ...IMPORT_COLUMNS.map((c) => c.header)]);
  sampleHeader.font = { bold: true };
  help.addRow(['', ...IMPORT_COLUMNS.map((c) => SAMPLE[c.key] ?? '')]);

  return Buffer.from(await wb.xlsx.writeBuffer());
}
