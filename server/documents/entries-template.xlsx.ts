/**
 * The import template: sheet "Đăng ký" (the columns, with drop-down lists), sheet "Hướng dẫn"
 * (what goes in each column, how a unit is named, a filled-in sample row) and a hidden sheet
 * holding the lists the drop-downs point to.
 */
import ExcelJS from 'exceljs';
import { ENTRY_LEVELS } from '../../common/entries.js';
import { columnLetter, FORM_NAMES, IMPORT_COLUMNS, type ImportColumnKey, KIND_NAMES, LEVEL_NAMES } from './entries-columns.js';

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
};

export async function buildEntriesTemplate(lists: TemplateLists): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'danvan';
  const data = wb.addWorksheet('Đăng ký', { views: [{ state: 'frozen', ySplit: 1 }] });
  const help = wb.addWorksheet('Hướng dẫn');
  const listSheet = wb.addWorksheet(LIST_SHEET, { state: 'hidden' });

  // The lists the drop-downs point to, one column each.
  const listColumns: [string, string[]][] = [
    ['Cấp đăng ký', ENTRY_LEVELS.map((l) => LEVEL_NAMES[l])],
    ['Loại', Object.values(KIND_NAMES)],
    ['Hình thức', Object.values(FORM_NAMES)],
    ['Lĩnh vực', lists.fields],
    ['Giai đoạn', lists.periods],
  ];
  const listRange = new Map<string, string>();
  listColumns.forEach(([title, values], i) => {
    const letter = columnLetter(i + 1);
    listSheet.getCell(`${letter}1`).value = title;
    values.forEach((v, j) => (listSheet.getCell(`${letter}${j + 2}`).value = v));
    listRange.set(title, `${LIST_SHEET}!$${letter}$2:$${letter}$${Math.max(values.length + 1, 2)}`);
  });

  data.columns = IMPORT_COLUMNS.map((c) => ({ header: c.header, key: c.key, width: c.width }));
  const headerRow = data.getRow(1);
  headerRow.font = { bold: true };
  headerRow.alignment = { wrapText: true, vertical: 'middle' };
  headerRow.height = 32;
  IMPORT_COLUMNS.forEach((c, i) => {
    const cell = headerRow.getCell(i + 1);
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: c.required ? 'FFFCE4D6' : 'FFDDEBF7' } };
    cell.note = c.help;
  });

  // Range validations (one <dataValidation sqref="B2:B5001">): exceljs has them, its typings do not.
  const validations = (data as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }).dataValidations;
  const listFor: Partial<Record<ImportColumnKey, string>> = { level: 'Cấp đăng ký', kind: 'Loại', form: 'Hình thức', field: 'Lĩnh vực', period: 'Giai đoạn' };
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
    } else if (c.key === 'startDate' || c.key === 'endDate') {
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
    'Các bản ghi được tạo ở trạng thái Nháp; sau khi kiểm tra, gửi đăng ký trên phần mềm.',
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
