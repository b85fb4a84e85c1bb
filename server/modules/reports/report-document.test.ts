import { describe, expect, it } from 'vitest';
import { childSection, childTable, fieldTable, reportDocument, reportNarrative, taskSentence, taskTable } from './report-document.js';
import { emptyReportFixture, figures, largeReportFixture, petitionFigures, petitionReportFixture, reportFixture, taskReportFixture } from './report.fixtures.js';
import { emptyTasks } from '../../../common/reports.js';
import { periodName } from './report-wording.js';

describe('reportNarrative', () => {
  it('writes the figures officials quote, worked out by hand from the fixture', () => {
    expect(reportNarrative(reportFixture())).toEqual([
      'Năm 2024, 22 đơn vị, địa phương đăng ký 122 mô hình, điển hình (93 tập thể, 29 cá nhân); trong đó 45 mô hình: 29 lĩnh vực kinh tế, 13 văn hóa – xã hội, 3 quốc phòng – an ninh; 77 điển hình: 8 lĩnh vực kinh tế, 30 văn hóa – xã hội, 26 quốc phòng – an ninh, 13 xây dựng Đảng và hệ thống chính trị.',
      'Theo cấp đăng ký: cấp tỉnh 30 (4 mô hình, 26 điển hình), cấp huyện 40 (10 mô hình, 30 điển hình), cấp xã 52 (31 mô hình, 21 điển hình).',
      'Về tiến độ: 3 mới đăng ký, 10 đã được chấp thuận, 50 đang triển khai thực hiện, 17 đã được đánh giá, 42 đã được công nhận.',
      'Qua đánh giá, 42 mô hình, điển hình được công nhận là điển hình “Dân vận khéo”.',
      'Có 6 mô hình, điển hình được nhân rộng ra 15 nơi.',
      'Các cấp đã khen thưởng 10 tập thể và 5 cá nhân có thành tích tiêu biểu trong phong trào thi đua “Dân vận khéo”.',
      'So với năm 2023, số mô hình, điển hình tăng 22 (từ 100 lên 122, tăng 22,0%); số tập thể, cá nhân được khen thưởng giảm 2 (từ 17 xuống 15, giảm 11,8%).',
      'Số liệu đã bao gồm 35 mô hình, điển hình và 4 lượt khen thưởng của các đơn vị hành chính trước sắp xếp ngày 01/7/2025; trong đó 5 mô hình, điển hình và 1 lượt khen thưởng của đơn vị sáp nhập một phần được tính cho đơn vị tiếp nhận phần chính.',
    ]);
  });

  it('adds the petitions paragraph after the commendations, only when there is a petition figure', () => {
    const lines = reportNarrative(petitionReportFixture());
    const commended = lines.findIndex((l) => l.startsWith('Các cấp đã khen thưởng'));
    expect(lines[commended + 1]).toBe('Tiếp nhận 120 đơn, kiến nghị, phản ánh của công dân; đã giải quyết 100 (95 đúng hạn); còn 3 đơn quá hạn.');
    // The rest of the narrative is the one without petitions.
    expect(lines.filter((_, i) => i !== commended + 1)).toEqual(reportNarrative(reportFixture()));
    const none = { ...emptyReportFixture() };
    none.figures = { ...none.figures, petitions: petitionFigures({ complaint: [4, 0, 0, 0, 0] }) };
    expect(reportNarrative(none)).toContain('Tiếp nhận 4 đơn, kiến nghị, phản ánh của công dân; chưa giải quyết xong đơn nào.');
  });

  it('adds the implementation of documents after the commendations, only when there is a task figure', () => {
    const lines = reportNarrative(taskReportFixture());
    const commended = lines.findIndex((l) => l.startsWith('Các cấp đã khen thưởng'));
    expect(lines[commended + 1]).toBe(
      'Triển khai 2 văn bản; giao 55 nhiệm vụ cho 9 đơn vị, hoàn thành 23, quá hạn 5; 7/9 đơn vị đã báo cáo tiến độ; tổ chức 4 buổi làm việc; 6 báo cáo định kỳ gửi đúng hạn, 1 báo cáo gửi chậm.',
    );
    expect(lines.filter((_, i) => i !== commended + 1)).toEqual(reportNarrative(reportFixture()));
    // Only what is not zero.
    expect(taskSentence({ ...emptyTasks(), documents: 1, assigned: 3, unitsTasked: 3 })).toBe('Triển khai 1 văn bản; giao 3 nhiệm vụ cho 3 đơn vị, chưa hoàn thành nhiệm vụ nào; 0/3 đơn vị đã báo cáo tiến độ.');
    expect(taskSentence({ ...emptyTasks(), sessions: 2 })).toBe('Tổ chức 2 buổi làm việc.');
  });

  it('reads sensibly with no data: no "0 mô hình:", no empty lists, no comparison of nothing', () => {
    const lines = reportNarrative(emptyReportFixture());
    expect(lines).toEqual(['Năm 2024, chưa có đơn vị, địa phương nào đăng ký mô hình, điển hình “Dân vận khéo”.']);
  });

  it('says "decrease" and "no change", and leaves out a kind or a form that has nothing', () => {
    const report = reportFixture({
      figures: figures([{ fieldCode: 'economic', kind: 'model', form: 'collective', level: 'commune', status: 'registered', typical: false, n: 1234 }], { registeringUnits: 1, collectives: 17 }),
      previous: figures([{ fieldCode: 'economic', kind: 'model', form: 'collective', level: 'commune', status: 'registered', typical: false, n: 1500 }], { collectives: 12, individuals: 5 }, 2023),
      attribution: { retiredEntries: 0, partialEntries: 0, retiredCommendations: 3, partialCommendations: 0 },
    });
    expect(reportNarrative(report)).toEqual([
      'Năm 2024, 1 đơn vị, địa phương đăng ký 1.234 mô hình, điển hình (1.234 tập thể); trong đó 1.234 mô hình: 1.234 lĩnh vực kinh tế.',
      'Theo cấp đăng ký: cấp xã 1.234 mô hình.',
      'Về tiến độ: 1.234 mới đăng ký.',
      'Các cấp đã khen thưởng 17 tập thể có thành tích tiêu biểu trong phong trào thi đua “Dân vận khéo”.',
      'So với năm 2023, số mô hình, điển hình giảm 266 (từ 1.500 xuống 1.234, giảm 17,7%); số tập thể, cá nhân được khen thưởng không thay đổi (17).',
      'Số liệu đã bao gồm 3 lượt khen thưởng của các đơn vị hành chính trước sắp xếp ngày 01/7/2025.',
    ]);
  });

  it('names quarters, emulation periods and custom ranges, and notes a retired unit', () => {
    const quarter = reportFixture({
      range: { period: 'quarter', from: '2024-07-01', to: '2024-09-30', basis: 'registration_date', label: 'Quý III/2024' },
      previousRange: { period: 'quarter', from: '2024-04-01', to: '2024-06-30', basis: 'registration_date', label: 'Quý II/2024' },
    });
    const lines = reportNarrative(quarter);
    expect(lines[0]).toMatch(/^Quý III\/2024, 22 đơn vị/);
    expect(lines.find((l) => l.startsWith('So với'))).toMatch(/^So với Quý II\/2024, /);
    expect(periodName({ period: 'emulation_period', from: '2021-01-01', to: '2025-12-31', basis: 'year', label: '2021–2025' })).toBe('giai đoạn 2021–2025');
    expect(periodName({ period: 'custom', from: '2024-03-01', to: '2024-05-15', basis: 'registration_date', label: '' })).toBe('từ ngày 01/3/2024 đến ngày 15/5/2024');

    const retired = emptyReportFixture({ unit: { id: '77', name: 'Huyện Gia Viễn', kind: 'district', code: '373', validFrom: null, validTo: '2025-07-01', inForce: false } });
    expect(reportNarrative(retired).at(-1)).toBe('Huyện Gia Viễn là đơn vị hành chính trước sắp xếp, hoạt động đến trước ngày 01/7/2025.');
  });
});

describe('report tables', () => {
  it('field × kind × form adds up to the total, drafts and withdrawn left out', () => {
    const t = fieldTable(reportFixture());
    expect(t.rows).toEqual([
      ['1', 'Kinh tế', '24', '5', '0', '8', '37'],
      ['2', 'Văn hóa – xã hội', '10', '3', '30', '0', '43'],
      ['3', 'Quốc phòng – an ninh', '3', '0', '26', '0', '29'],
      ['4', 'Xây dựng Đảng và hệ thống chính trị', '0', '0', '0', '13', '13'],
      ['', 'Tổng cộng', '37', '8', '56', '21', '122'],
    ]);
    expect(t.boldRows).toEqual([4]);
  });

  it('by child unit: one row per child, the unit\'s own records named, totals equal the report', () => {
    const t = childTable(reportFixture());
    expect(t.rows).toEqual([
      ['1', 'Phường Hoa Lư', '10', '25', '21', '46', '13', '6', '3'],
      ['2', 'Xã Gia Viễn', '11', '16', '30', '46', '3', '3', '2'],
      ['3', 'Tỉnh Ninh Bình (trực tiếp)', '1', '4', '26', '30', '26', '1', '0'],
      ['', 'Tổng cộng', '22', '45', '77', '122', '42', '10', '5'],
    ]);
  });
});

describe('reportDocument', () => {
  it('fills the heading from the unit and takes the caller\'s lines', () => {
    const byDefault = reportDocument(reportFixture());
    expect(byDefault).toMatchObject({
      parentBody: 'TỈNH ỦY NINH BÌNH',
      issuingBody: 'BAN DÂN VẬN',
      place: 'Ninh Bình',
      date: null,
      docType: 'BÁO CÁO',
      title: 'kết quả phong trào thi đua “Dân vận khéo” năm 2024',
      signer: { authority: '', position: 'TRƯỞNG BAN', name: '' },
    });
    expect(byDefault.numberAndSymbol).toBe('Số     -BC/BDVTU');
    expect(byDefault.recipients).toContain('Thường trực Tỉnh ủy Ninh Bình (để báo cáo)');

    const chosen = reportDocument(reportFixture(), { number: '25', date: '2024-12-15', place: 'Hoa Lư', signer: { authority: 'K/T Trưởng ban', position: 'Phó Trưởng ban', name: 'Nguyễn Văn An' } });
    expect(chosen).toMatchObject({ numberAndSymbol: 'Số 25-BC/BDVTU', date: '2024-12-15', place: 'Hoa Lư', signer: { authority: 'K/T Trưởng ban', position: 'Phó Trưởng ban', name: 'Nguyễn Văn An' } });
  });

  it('heads the document by its date, not today: the Ban Dân vận before the 2025 merger, the Ban Tuyên giáo và Dân vận after', () => {
    const before = reportDocument(reportFixture(), { date: '2024-12-20', number: '12' });
    expect(before).toMatchObject({ parentBody: 'TỈNH ỦY NINH BÌNH', issuingBody: 'BAN DÂN VẬN', numberAndSymbol: 'Số 12-BC/BDVTU' });
    expect(before.recipients[0]).toBe('Ban Dân vận cấp trên (để báo cáo)');
    const after = reportDocument(reportFixture(), { date: '2025-12-20', number: '12' });
    expect(after).toMatchObject({ parentBody: 'TỈNH ỦY NINH BÌNH', issuingBody: 'BAN TUYÊN GIÁO VÀ DÂN VẬN', numberAndSymbol: 'Số 12-BC/BTGDVTU', signer: { position: 'TRƯỞNG BAN' } });
    expect(after.recipients[0]).toBe('Ban Tuyên giáo và Dân vận cấp trên (để báo cáo)');
    // Undated: the era of the day it is made (the report's generatedAt).
    expect(reportDocument(reportFixture({ generatedAt: '2026-01-05T01:00:00.000Z' })).issuingBody).toBe('BAN TUYÊN GIÁO VÀ DÂN VẬN');
  });

  it("takes the unit's own issuing body when given, signer's title included", () => {
    const issuer = { superior: 'THÀNH ỦY HUẾ', name: 'BAN TUYÊN GIÁO VÀ DÂN VẬN', symbol: 'BTGDVTU', signerAuthority: 'K/T TRƯỞNG BAN', signerPosition: 'PHÓ TRƯỞNG BAN' };
    const doc = reportDocument(reportFixture(), { date: '2025-06-01', issuer });
    expect(doc).toMatchObject({ parentBody: 'THÀNH ỦY HUẾ', issuingBody: 'BAN TUYÊN GIÁO VÀ DÂN VẬN', numberAndSymbol: 'Số     -BC/BTGDVTU', signer: { authority: 'K/T TRƯỞNG BAN', position: 'PHÓ TRƯỞNG BAN' } });
  });

  it('leaves the child units with no figures out of the table by default and says how many', () => {
    const base = largeReportFixture(5);
    const none = figures([]);
    const zero = (i: number) => ({ unit: { id: String(80_000 + i), name: `Xã Không Số Liệu ${i}`, kind: 'commune', code: String(90_000 + i), validFrom: null, validTo: null }, figures: none });
    const report = { ...base, children: [...base.children, ...Array.from({ length: 7 }, (_, i) => zero(i))] };

    const byDefault = childSection(report);
    const table = byDefault.blocks[0] as Extract<(typeof byDefault.blocks)[number], { type: 'table' }>;
    expect(table.rows.map((r) => r[1])).toEqual(['Xã Thử Nghiệm 1', 'Xã Thử Nghiệm 2', 'Xã Thử Nghiệm 3', 'Xã Thử Nghiệm 4', 'Xã Thử Nghiệm 5', 'Tổng cộng']);
    expect(byDefault.blocks[1]).toEqual({ type: 'paragraph', italic: true, text: 'Bảng chỉ liệt kê các đơn vị có số liệu trong kỳ (7 đơn vị không có số liệu không liệt kê).' });
    // The total row is the report's, whatever is listed.
    expect(table.rows.at(-1)).toEqual(childTable(report).rows.at(-1));

    const all = childSection(report, { includeEmpty: true });
    expect(all.blocks).toHaveLength(1);
    expect((all.blocks[0] as typeof table).rows).toHaveLength(13);
    expect(reportDocument(report, { includeEmptyUnits: true }).body.some((b) => b.type === 'paragraph' && b.text.includes('không liệt kê'))).toBe(false);
    expect(reportDocument(report).body).toContainEqual(byDefault.blocks[1]);
  });
});

describe('the tasks table', () => {
  it('lists the units with task figures and a total equal to the report; absent from a report without them', () => {
    const report = taskReportFixture();
    const table = taskTable(report);
    expect(table.rows.map((r) => r[1])).toEqual(['Phường Hoa Lư', 'Xã Gia Viễn', 'Tỉnh Ninh Bình (trực tiếp)', 'Tổng cộng']);
    expect(table.rows.at(-1)).toEqual(['', 'Tổng cộng', '55', '23', '32', '5', '7/9', '4', '6', '1']);
    expect(reportDocument(report).body).toContainEqual({ type: 'heading', level: 2, text: '3. Thực hiện văn bản, nhiệm vụ theo đơn vị' });
    expect(reportDocument(reportFixture()).body.some((b) => b.type === 'heading' && b.text.startsWith('3.'))).toBe(false);
  });
});
