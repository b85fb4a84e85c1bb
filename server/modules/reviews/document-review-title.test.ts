/** The default title of a document review: the summary follows the citation, a name is quoted. */
import { describe, expect, it } from 'vitest';
import type { ReviewedDocumentRecord } from './document-reviews.repository.js';
import { defaultDocumentReviewTitle, subjectOf } from './document-reviews.service.js';

const doc = (x: Partial<ReviewedDocumentRecord>): ReviewedDocumentRecord => ({
  id: '1', kind: 'resolution', kind_names: { vi: 'Nghị quyết' }, number: '25', symbol: 'NQ/TW', issued_on: '2013-06-03',
  issuing_body: 'Ban Chấp hành Trung ương Đảng (khóa XI)', title: 'Về tăng cường và đổi mới sự lãnh đạo của Đảng đối với công tác dân vận trong tình hình mới',
  issuing_path: '1', restricted_roles: null, ...x,
});

describe('document review titles', () => {
  it('lets a summary beginning with "Về" follow the citation, lower-cased', () => {
    expect(defaultDocumentReviewTitle('tong_ket', 10, false, doc({}))).toBe(
      'Tổng kết 10 năm thực hiện Nghị quyết số 25-NQ/TW ngày 03/6/2013 của Ban Chấp hành Trung ương Đảng (khóa XI) về tăng cường và đổi mới sự lãnh đạo của Đảng đối với công tác dân vận trong tình hình mới',
    );
  });

  it('quotes a title that is a name, so the sentence still reads', () => {
    const program = doc({ kind: 'coordination_program', kind_names: { vi: 'Chương trình phối hợp' }, number: '05', symbol: 'CTrPH/TU', issued_on: '2023-03-10', issuing_body: 'Ban Thường vụ Tỉnh ủy', title: 'Chương trình phối hợp giữa Ban Thường vụ Tỉnh ủy và Bộ Tư lệnh Vùng Cảnh sát biển 1' });
    expect(defaultDocumentReviewTitle('so_ket', 3, true, program)).toBe(
      'Sơ kết liên tịch 3 năm thực hiện Chương trình phối hợp số 05-CTrPH/TU ngày 10/3/2023 của Ban Thường vụ Tỉnh ủy “Chương trình phối hợp giữa Ban Thường vụ Tỉnh ủy và Bộ Tư lệnh Vùng Cảnh sát biển 1”',
    );
    expect(subjectOf('  về việc X ')).toBe('về việc X');
    expect(subjectOf('Vềnh')).toBe('“Vềnh”');
  });
});
