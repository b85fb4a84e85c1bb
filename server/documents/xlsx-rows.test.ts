import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.js';
import type { SheetRow } from './entries-workbook.js';
import { headerRow, inlineCell, numberCell, sharedStringsXml, sheetXml, workbookParts } from './xlsx-corpus/workbook-parts.js';
import { zip } from './xlsx-corpus/zip-writer.js';
import { XLSX_LIMITS } from './xlsx-limits.js';
import { readXlsxRows, type XlsxReadOptions } from './xlsx-rows.js';
import { SharedStrings } from './xlsx-shared-strings.js';

async function rows(buffer: Buffer, options?: XlsxReadOptions): Promise<SheetRow[]> {
  const out: SheetRow[] = [];
  for await (const r of readXlsxRows(buffer, options)) out.push(r);
  return out;
}

/** The refusal's reason, or 'read' when the rows were read. */
async function refusal(buffer: Buffer): Promise<string> {
  const err = await rows(buffer).then(
    () => null,
    (e: unknown) => e,
  );
  if (err === null) return 'read';
  expect(err).toBeInstanceOf(AppError);
  return (err as AppError & { details: { reason: string } }).details.reason;
}

const oneSheet = (...body: string[]) => zip(workbookParts({ sheets: [{ name: 'Đăng ký', body: sheetXml(...body) }] }));

/** A zip of the given parts, stored (not compressed), in the given order: enough to hand-make a workbook. */
const storedZip = (parts: [string, string][]) => zip(parts.map(([name, text]) => ({ name, pieces: [text], method: 'store' as const })));

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** A workbook whose first sheet (in the workbook's order) is the part `xl/worksheets/sheet2.xml`, with the parts in `order`. */
function handMadeWorkbook(sheetData: string, order: 'sheets-first' | 'workbook-first' = 'sheets-first'): Buffer {
  const workbook = `<workbook ${NS}><sheets><sheet name="Mẫu" sheetId="2" r:id="rId2"/><sheet name="Danh mục" sheetId="1" r:id="rId1"/></sheets></workbook>`;
  const rels = `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
    <Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/>
    <Relationship Id="rId2" Type="${REL}/worksheet" Target="/xl/worksheets/sheet2.xml"/>
    <Relationship Id="rId3" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`;
  const strings = `<sst ${NS} count="3" uniqueCount="3">
    <si><t>Dân vận khéo</t></si>
    <si><r><rPr><b/></rPr><t>Mô hình </t></r><r><t xml:space="preserve">kinh tế</t></r><rPh sb="0" eb="1"><t>PHONETIC</t></rPh></si>
    <si><t>A &amp; B &lt;tốt&gt;</t></si></sst>`;
  const other = `<worksheet ${NS}><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>not this sheet</t></is></c></row></sheetData></worksheet>`;
  const first = `<worksheet ${NS}><sheetData>${sheetData}</sheetData></worksheet>`;
  const sheets: [string, string][] = [
    ['xl/worksheets/sheet1.xml', other],
    ['xl/worksheets/sheet2.xml', first],
  ];
  const head: [string, string][] = [['[Content_Types].xml', '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>']];
  const meta: [string, string][] = [
    ['xl/sharedStrings.xml', strings],
    ['xl/_rels/workbook.xml.rels', rels],
    ['xl/workbook.xml', workbook],
  ];
  return storedZip(order === 'sheets-first' ? [...head, ...sheets, ...meta] : [...head, ...meta, ...sheets]);
}

describe('reading the first worksheet of an .xlsx', () => {
  it('reads a workbook written by exceljs (the workbook part last) the same way every time', async () => {
    // exceljs's own streaming reader failed on such files now and then (exceljs#3064): 200 reads, one answer.
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Nhập');
    ws.addRow(['Tên mô hình', 'Năm', 'Được công nhận']);
    for (let i = 1; i <= 30; i++) ws.addRow([`Mô hình số ${i} "Dân vận khéo"`, 2020 + (i % 6), i % 2 === 0]);
    ws.getCell('D2').value = { formula: 'B2+1', result: 2022 };
    wb.addWorksheet('Danh mục').addRow(['không đọc']);
    const buffer = Buffer.from(await wb.xlsx.writeBuffer());
    const first = await rows(buffer);
    expect(first).toHaveLength(31);
    expect(first[0]).toEqual({ row: 1, values: [undefined, 'Tên mô hình', 'Năm', 'Được công nhận'] });
    expect(first[1]!.values.slice(1)).toEqual(['Mô hình số 1 "Dân vận khéo"', 2021, false, 2022]);
    expect(first[30]!.values.slice(1)).toEqual(['Mô hình số 30 "Dân vận khéo"', 2020, true]);
    const answers = await Promise.all(Array.from({ length: 200 }, () => rows(buffer)));
    for (const answer of answers) expect(answer).toEqual(first);
  });

  it('takes the first sheet in the workbook\'s order, with shared, rich, inline and formula strings, numbers, booleans and errors', async () => {
    const data = `
      <row r="2"><c r="A2" t="s"><v>0</v></c><c r="C2" t="s"><v>1</v></c><c r="D2" t="s"><v>2</v></c></row>
      <row r="5"><c r="B5" t="inlineStr"><is><r><t>Xã </t></r><r><t>Hoa Lư</t></r></is></c><c r="C5"><v>45292</v></c><c r="E5" t="b"><v>1</v></c></row>
      <row r="6"><c r="A6" t="str"><f>CONCAT("a","b")</f><v>ab</v></c><c r="B6" t="e"><v>#N/A</v></c><c r="C6"><f>1+1</f><v>2</v></c><c r="D6" s="3"/></row>
      <row r="7"><c r="A7" s="2"/></row>
      <row><c t="inlineStr"><is><t>no reference</t></is></c><c><v>1.5E3</v></c></row>`;
    for (const order of ['sheets-first', 'workbook-first'] as const) {
      expect(await rows(handMadeWorkbook(data, order)), order).toEqual([
        { row: 2, values: [undefined, 'Dân vận khéo', undefined, 'Mô hình kinh tế', 'A & B <tốt>'] },
        { row: 5, values: [undefined, undefined, 'Xã Hoa Lư', 45292, undefined, true] },
        { row: 6, values: [undefined, 'ab', '#N/A', 2] },
        { row: 8, values: [undefined, 'no reference', 1500] },
      ]);
    }
  });

  it('refuses a damaged workbook with a clear error, not a crash', async () => {
    const bad = async (buffer: Buffer) => {
      const err = await rows(buffer).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(AppError);
      return (err as AppError).code;
    };
    expect(await bad(handMadeWorkbook('<row r="1"><c r="A1"><v>1</v></c></row'))).toBe('UNSUPPORTED_FILE');
    expect(await bad(storedZip([['xl/workbook.xml', `<workbook ${NS}><sheets/></workbook>`], ['xl/_rels/workbook.xml.rels', '<Relationships/>']]))).toBe('UNSUPPORTED_FILE');
    expect(await bad(storedZip([['[Content_Types].xml', '<Types/>']]))).toBe('UNSUPPORTED_FILE');
    expect(await bad(Buffer.from('not a zip at all'))).toBe('UNSUPPORTED_FILE');
  });
});

describe('the budgets, checked while reading', () => {
  it('reads column XFD and row 1,048,576, and refuses one column or one row beyond at once', async () => {
    const last = await rows(oneSheet(`<row r="1048576">${numberCell('XFD1048576', 7)}</row>`));
    expect(last).toHaveLength(1);
    expect(last[0]!.row).toBe(1_048_576);
    expect(last[0]!.values[XLSX_LIMITS.columns]).toBe(7);
    expect(await refusal(oneSheet(`<row r="1">${numberCell('XFE1', 7)}</row>`))).toBe('column_out_of_range');
    // Without references, the next column: the 16,385th cell of a row is one too many.
    expect(await refusal(oneSheet(`<row>${'<c><v>1</v></c>'.repeat(XLSX_LIMITS.columns + 1)}</row>`))).toBe('column_out_of_range');
    expect(await refusal(oneSheet(`<row r="1048577">${numberCell('A1048577', 7)}</row>`))).toBe('row_out_of_range');
    expect(await refusal(oneSheet(`<row r="1048576">${numberCell('A1048576', 1)}</row><row><c><v>2</v></c></row>`))).toBe('row_out_of_range');
  });

  it('reads a cell of 32,767 characters (Excel\'s limit) and refuses one of 32,768, inline or shared', async () => {
    const full = 'ạ'.repeat(XLSX_LIMITS.cellChars);
    expect((await rows(oneSheet(`<row r="1">${inlineCell('A1', full)}</row>`)))[0]!.values[1]).toBe(full);
    expect(await refusal(oneSheet(`<row r="1">${inlineCell('A1', `${full}x`)}</row>`))).toBe('cell_too_long');
    const shared = (text: string) => zip(workbookParts({ sheets: [{ name: 'Đăng ký', body: sheetXml('<row r="1"><c r="A1" t="s"><v>0</v></c></row>') }], sharedStrings: sharedStringsXml(`<si><t>${text}</t></si>`) }));
    expect((await rows(shared(full)))[0]!.values[1]).toBe(full);
    expect(await refusal(shared(`${full}x`))).toBe('cell_too_long');
  });

  it('keeps the shared strings exactly: empty, long, astral, rich text, across slabs', async () => {
    const texts = ['', 'Dân vận khéo 😀', ...Array.from({ length: 300 }, (_, i) => `${i}:${'ễ'.repeat(4_000 + i)}`), ''];
    const table = new SharedStrings();
    for (const s of texts) table.add(s);
    expect(texts.map((_, i) => table.get(i))).toEqual(texts);
    expect([table.get(-1), table.get(texts.length), table.get(1.5)]).toEqual([null, null, null]);
    const parts = workbookParts({
      sheets: [{ name: 'Đăng ký', body: sheetXml(texts.map((_, i) => `<row r="${i + 1}"><c r="A${i + 1}" t="s"><v>${i}</v></c></row>`).join('')) }],
      sharedStrings: sharedStringsXml(...texts.map((s) => (s ? `<si><r><t>${s.slice(0, 3)}</t></r><r><t xml:space="preserve">${s.slice(3)}</t></r></si>` : '<si/>'))),
    });
    // Stored: the repeated letters would deflate beyond the 200:1 that counts as a bomb.
    const book = zip(parts.map((p) => ({ ...p, method: 'store' as const })));
    expect((await rows(book)).map((r) => [r.row, r.values[1]])).toEqual(texts.map((s, i) => [i + 1, s]));
  });

  it('refuses the shared string after the budget, before storing it', () => {
    const table = new SharedStrings();
    for (let i = 0; i < XLSX_LIMITS.sharedStrings; i++) table.add('');
    expect(() => table.add('')).toThrow(expect.objectContaining({ code: 'FILE_TOO_LARGE', details: expect.objectContaining({ reason: 'too_many_shared_strings' }) }));
  });

  it('reads CDATA as text', async () => {
    expect((await rows(oneSheet(`<row r="1"><c r="A1" t="inlineStr"><is><t><![CDATA[a < b & c]]></t></is></c></row>`)))[0]!.values[1]).toBe('a < b & c');
  });
});

describe('which sheet', () => {
  const book = zip(
    workbookParts({
      sheets: [
        { name: 'Ẩn', state: 'hidden', body: sheetXml(`<row r="1">${inlineCell('A1', 'ẩn')}</row>`) },
        { name: 'Rất ẩn', state: 'veryHidden', body: sheetXml(`<row r="1">${inlineCell('A1', 'rất ẩn')}</row>`) },
        { name: 'Ghi chú', body: sheetXml(`<row r="1">${inlineCell('A1', 'ghi chú')}</row>`) },
        { name: 'Đăng ký', body: sheetXml(headerRow()) },
        { name: 'Mẫu', state: 'hidden', body: sheetXml(`<row r="1">${inlineCell('A1', 'mẫu ẩn')}</row>`) },
      ],
    }),
  );

  it('reads the first visible worksheet, never a hidden one', async () => {
    expect((await rows(book))[0]!.values[1]).toBe('ghi chú');
  });

  it('reads the named sheet when it is visible, else the first visible one', async () => {
    expect((await rows(book, { sheet: 'Đăng ký' }))[0]!.values[1]).toBe('Đơn vị đăng ký (mã hoặc tên đầy đủ)');
    expect((await rows(book, { sheet: 'Mẫu' }))[0]!.values[1]).toBe('ghi chú');
  });
});
