import { describe, expect, it } from 'vitest';
import { childTable, fieldTable, reportDocument } from '../modules/reports/report-document.js';
import { largeReportFixture, reportFixture } from '../modules/reports/report.fixtures.js';
import { paragraphTexts, zipPart } from './docx-test-helpers.js';
import { MARGIN_MM } from './party-docx-format.js';
import { partyDateLine, renderPartyDocx } from './party-docx.js';
import { folded, office, readBackDocx } from '../test/office-readback.js';

const document = () =>
  reportDocument(reportFixture(), { number: '25', date: '2024-12-15', signer: { authority: 'K/T Trưởng ban', position: 'Phó Trưởng ban', name: 'Nguyễn Văn An' } });

const twips = (mm: number) => Math.floor((mm / 25.4) * 1440);

describe('renderPartyDocx', () => {
  it('typesets the heading, the type and title, the body, the recipients and the signer', async () => {
    const xml = await zipPart(await renderPartyDocx(document()), 'word/document.xml');
    const text = paragraphTexts(xml);
    const at = (s: string) => text.indexOf(s);
    // The heading, in order: left column, then right column.
    for (const line of ['TỈNH ỦY NINH BÌNH', 'BAN DÂN VẬN', '*', 'Số 25-BC/BDVTU', 'ĐẢNG CỘNG SẢN VIỆT NAM', 'Ninh Bình, ngày 15 tháng 12 năm 2024', 'BÁO CÁO', 'kết quả phong trào thi đua “Dân vận khéo” năm 2024']) {
      expect(text, line).toContain(line);
    }
    expect(at('TỈNH ỦY NINH BÌNH')).toBeLessThan(at('BAN DÂN VẬN'));
    expect(at('Số 25-BC/BDVTU')).toBeLessThan(at('ĐẢNG CỘNG SẢN VIỆT NAM'));
    expect(at('BÁO CÁO')).toBeLessThan(at('I. KẾT QUẢ THỰC HIỆN'));
    expect(text.some((t) => t.startsWith('Năm 2024, 22 đơn vị, địa phương đăng ký 122 mô hình, điển hình (93 tập thể, 29 cá nhân)'))).toBe(true);
    // Recipients: "- …," then the last "- ….", and the signer block after them.
    expect(text.slice(at('Nơi nhận:'), at('Nơi nhận:') + 5)).toEqual([
      'Nơi nhận:',
      '- Ban Dân vận cấp trên (để báo cáo),',
      '- Thường trực Tỉnh ủy Ninh Bình (để báo cáo),',
      '- Các đơn vị trực thuộc,',
      '- Lưu Văn phòng.',
    ]);
    expect(text.slice(at('K/T TRƯỞNG BAN'))).toEqual(expect.arrayContaining(['K/T TRƯỞNG BAN', 'PHÓ TRƯỞNG BAN', 'Nguyễn Văn An']));
    // The table cells: the field table's total row.
    expect(text).toEqual(expect.arrayContaining(['Tổng cộng', '37', '8', '56', '21', '122']));
  });

  it('uses A4, the chosen margins, Times New Roman 14 pt, bold underlined party heading and italic date', async () => {
    const docx = await renderPartyDocx(document());
    const xml = await zipPart(docx, 'word/document.xml');
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    const margin = /<w:pgMar ([^>]*)\/>/.exec(xml)![1]!;
    const attr = (name: string) => Number(new RegExp(`w:${name}="(\\d+)"`).exec(margin)![1]);
    expect({ top: attr('top'), bottom: attr('bottom'), left: attr('left'), right: attr('right') }).toEqual({
      top: twips(MARGIN_MM.top),
      bottom: twips(MARGIN_MM.bottom),
      left: twips(MARGIN_MM.left),
      right: twips(MARGIN_MM.right),
    });
    // Inside the guidance's ranges (mm): top/bottom 20–25, left 30–35, right 15–20.
    expect(MARGIN_MM.top).toBeGreaterThanOrEqual(20);
    expect(MARGIN_MM.left).toBeGreaterThanOrEqual(30);
    expect(MARGIN_MM.right).toBeLessThanOrEqual(20);

    const styles = await zipPart(docx, 'word/styles.xml');
    const defaults = /<w:docDefaults>[\s\S]*?<\/w:docDefaults>/.exec(styles)![0];
    expect(defaults).toMatch(/w:ascii="Times New Roman"/);
    expect(defaults).toMatch(/<w:sz w:val="28"\/>/);

    const run = (text: string) => [...xml.matchAll(/<w:r>([\s\S]*?)<\/w:r>/g)].map((m) => m[1]!).find((r) => r.includes(`>${text}</w:t>`))!;
    expect(run('ĐẢNG CỘNG SẢN VIỆT NAM')).toMatch(/<w:b\/>[\s\S]*<w:u w:val="single"\/>/);
    expect(run('Ninh Bình, ngày 15 tháng 12 năm 2024')).toMatch(/<w:i\/>/);
    expect(run('Nơi nhận:')).toMatch(/<w:i\/>[\s\S]*<w:u w:val="single"\/>/);
    expect(run('BAN DÂN VẬN')).toMatch(/<w:b\/>/);
    expect(run('TỈNH ỦY NINH BÌNH')).not.toMatch(/<w:b\/>/);
    // Body paragraphs justified with a first-line indent.
    const narrative = [...xml.matchAll(/<w:p>([\s\S]*?)<\/w:p>/g)].map((m) => m[1]!).find((p) => p.includes('Năm 2024, 22 đơn vị'))!;
    expect(narrative).toMatch(/<w:jc w:val="both"\/>/);
    expect(narrative).toMatch(/<w:ind w:firstLine="\d+"\/>/);
    // Header rows merged: "Mô hình" over two columns, "TT" down two rows.
    expect(xml).toMatch(/<w:gridSpan w:val="2"\/>/);
    expect(xml).toMatch(/<w:vMerge w:val="restart"\/>/);
    // Page numbers from page 2, centred in the top margin.
    expect(xml).toMatch(/<w:titlePg\/>/);
    const headers = await Promise.all(['word/header1.xml', 'word/header2.xml'].map((p) => zipPart(docx, p)));
    expect(headers.some((h) => /PAGE/.test(h))).toBe(true);
  });

  it('leaves the date to fill by hand when there is none', async () => {
    expect(partyDateLine('Ninh Bình', null)).toBe('Ninh Bình, ngày … tháng … năm …');
    expect(partyDateLine('Hà Nội', '2018-04-03')).toBe('Hà Nội, ngày 03 tháng 4 năm 2018');
    expect(partyDateLine('Huế', '2024-02-05')).toBe('Huế, ngày 05 tháng 02 năm 2024');
    const xml = await zipPart(await renderPartyDocx(reportDocument(reportFixture())), 'word/document.xml');
    expect(paragraphTexts(xml)).toContain('Ninh Bình, ngày … tháng … năm …');
    expect(paragraphTexts(xml)).toContain('Số     -BC/BDVTU');
  });

  // LibreOffice is what many offices open these files with. When it is not installed (a developer
  // machine without it) the conversion cannot run; .ci/run installs it so CI always runs this test.
  it.skipIf(!office)('opens in LibreOffice: converted to PDF, the text has the heading and the figures', async () => {
    const large = largeReportFixture(130);
    const report = { ...large, unit: { ...large.unit, name: 'Tỉnh Ninh Bình' } };
    const { pdf, text: raw } = await readBackDocx(await renderPartyDocx(reportDocument(report, { date: '2024-12-15' })), { layout: true });
    expect(pdf.length).toBeGreaterThan(10_000);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    if (raw === undefined) return; // Without poppler-utils only the PDF's existence is checked (see docs/documents.md).
    const text = folded(raw);
    for (const s of ['ĐẢNG CỘNG SẢN VIỆT NAM', 'TỈNH ỦY NINH BÌNH', 'BAN DÂN VẬN', 'BÁO CÁO', 'Ninh Bình, ngày 15 tháng 12 năm 2024', 'Xã Thử Nghiệm 130', 'Nơi nhận:', 'TRƯỞNG BAN']) {
      expect(text, s).toContain(s);
    }
    // Figures stay on one line in their cells: the total rows read whole.
    expect(text).toContain(fieldTable(report).rows.at(-1)!.filter(Boolean).join(' '));
    expect(text).toContain(childTable(report).rows.at(-1)!.filter(Boolean).join(' '));
    expect(text).toMatch(/Năm 2024, \d+ đơn vị, địa phương đăng ký [\d.]+ mô hình, điển hình/);
    // 130 communes take several pages, numbered at the top from page 2 on.
    const pages = raw.split('\f').filter((p) => p.trim());
    expect(pages.length).toBeGreaterThan(2);
    expect(pages[0]!.trim()).toMatch(/^TỈNH ỦY/);
    expect(pages[1]!.trim()).toMatch(/^2\s/);
    expect(pages[2]!.trim()).toMatch(/^3\s/);
  }, 180_000);
});
