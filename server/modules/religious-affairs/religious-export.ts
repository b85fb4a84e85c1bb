/**
 * Columns of the exports: the personal registers (names and the religion or ethnicity only when
 * exported with names) and the figures, always with small cells suppressed ("< 3"), since a file
 * travels further than a screen. Words are the Vietnamese of the screen (web/locales/vi.json,
 * `religiousAffairs.*`).
 */
import type { FigureTable, ReligiousFigures } from '../../../common/religious-affairs.js';
import type { ListColumn } from '../../documents/list-workbook.js';
import { maskName } from '../petitions/petitions.presenter.js';
import type { DignitaryRecord, PersonRecord } from './religious-affairs.repository.js';

export type Names = (table: 'religions' | 'ethnic_groups' | 'prestigious_support_kinds', code: string | null) => string;

const ERASED = 'Đã xóa (hết thời hạn lưu)';
const nameCell = (name: string | null, erasedAt: Date | null, clear: boolean) => (erasedAt ? ERASED : name ? (clear ? name : maskName(name)) : '');

export function dignitaryColumns(includeNames: boolean, names: Names): ListColumn<DignitaryRecord>[] {
  return [
    { header: 'Họ và tên', width: 28, value: (r) => nameCell(r.name, r.identity_erased_at, includeNames) },
    ...(includeNames
      ? [
          { header: 'Tên gọi trong tôn giáo', width: 24, value: (r: DignitaryRecord) => r.religious_name ?? '' },
          { header: 'Tôn giáo', width: 18, value: (r: DignitaryRecord) => names('religions', r.religion_code) },
        ]
      : []),
    { header: 'Phẩm trật, chức vụ', width: 24, value: (r) => r.rank },
    { header: 'Tổ chức tôn giáo', width: 30, value: (r) => r.organization_name ?? '' },
    { header: 'Cơ sở thờ tự', width: 28, value: (r) => r.place_name ?? '' },
    { header: 'Năm sinh', width: 10, value: (r) => r.birth_year },
    { header: 'Đơn vị', width: 26, value: (r) => r.unit_name },
    { header: 'Ngày thôi', width: 12, value: (r) => (r.left_on ? { date: r.left_on } : null) },
  ];
}

export function personColumns(includeNames: boolean, names: Names): ListColumn<PersonRecord>[] {
  return [
    { header: 'Họ và tên', width: 28, value: (r) => nameCell(r.name, r.identity_erased_at, includeNames) },
    ...(includeNames ? [{ header: 'Dân tộc', width: 16, value: (r: PersonRecord) => names('ethnic_groups', r.ethnic_code) }] : []),
    { header: 'Thôn, bản', width: 22, value: (r) => r.village },
    { header: 'Năm công nhận', width: 12, value: (r) => r.recognized_year },
    { header: 'Quyết định công nhận', width: 40, value: (r) => r.decision },
    { header: 'Đơn vị quyết định', width: 26, value: (r) => r.deciding_unit_name },
    { header: 'Đơn vị', width: 26, value: (r) => r.unit_name },
    { header: 'Ngày thôi', width: 12, value: (r) => (r.left_on ? { date: r.left_on } : null) },
  ];
}

export type FigureRow = { table: string; label: string; n: string | number; amount: number | null };

/** The figures as rows of one sheet: each table's cells, "Khác" and the total. */
export function figureRows(f: ReligiousFigures, names: Names): FigureRow[] {
  const rows: FigureRow[] = [];
  const add = (title: string, t: FigureTable, table: 'religions' | 'ethnic_groups' | 'prestigious_support_kinds', withAmount = false) => {
    for (const c of t.cells) rows.push({ table: title, label: names(table, c.key), n: c.n ?? (c.suppressed === 'small' ? '< 3' : 'Gộp vào Khác'), amount: withAmount ? c.amount : null });
    if (t.suppressedAny || t.other.n) rows.push({ table: title, label: 'Khác', n: t.other.n ?? '< 3', amount: withAmount ? t.other.amount : null });
    rows.push({ table: title, label: 'Tổng số', n: t.total.n, amount: withAmount ? t.total.amount : null });
  };
  add('Tổ chức tôn giáo theo tôn giáo', f.organizationsByReligion, 'religions');
  add('Cơ sở thờ tự theo tôn giáo', f.placesByReligion, 'religions');
  add('Chức sắc, chức việc, nhà tu hành theo tôn giáo', f.dignitariesByReligion, 'religions');
  add('Người có uy tín theo dân tộc', f.personsByEthnicity, 'ethnic_groups');
  add('Hỗ trợ người có uy tín (số người, số tiền)', f.supportByKind, 'prestigious_support_kinds', true);
  rows.push({ table: 'Sự kiện tôn giáo, lễ hội trong năm', label: 'Số sự kiện', n: f.events.count, amount: null });
  rows.push({ table: 'Sự kiện tôn giáo, lễ hội trong năm', label: 'Số người dự kiến tham dự', n: f.events.expectedAttendance, amount: null });
  rows.push({ table: 'Tham gia phong trào thi đua', label: 'Tổ chức tôn giáo', n: f.participation.organizations, amount: null });
  rows.push({ table: 'Tham gia phong trào thi đua', label: 'Chức sắc, chức việc, nhà tu hành', n: f.participation.dignitaries ?? '< 3', amount: null });
  rows.push({ table: 'Tham gia phong trào thi đua', label: 'Người có uy tín', n: f.participation.persons ?? '< 3', amount: null });
  return rows;
}

export const FIGURE_COLUMNS: ListColumn<FigureRow>[] = [
  { header: 'Nội dung', width: 44, value: (r) => r.table },
  { header: 'Nhóm', width: 34, value: (r) => r.label },
  { header: 'Số lượng', width: 14, value: (r) => r.n },
  { header: 'Số tiền (đồng)', width: 18, value: (r) => r.amount, numFmt: '#,##0' },
];
