import { crc32 } from 'node:zlib';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.js';
import type { SheetRow } from './entries-workbook.js';
import { readXlsxRows } from './xlsx-rows.js';

async function rows(buffer: Buffer): Promise<SheetRow[]> {
  const out: SheetRow[] = [];
  for await (const r of readXlsxRows(buffer)) out.push(r);
  return out;
}

/** A zip of the given parts, stored (not compressed), in the given order: enough to hand-make a workbook. */
function storedZip(parts: [string, string][]): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of parts) {
    const data = Buffer.from(text, 'utf8');
    const fileName = Buffer.from(name, 'utf8');
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(fileName.length, 26);
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt16LE(20, 4);
    dir.writeUInt16LE(20, 6);
    dir.writeUInt32LE(crc, 16);
    dir.writeUInt32LE(data.length, 20);
    dir.writeUInt32LE(data.length, 24);
    dir.writeUInt16LE(fileName.length, 28);
    dir.writeUInt32LE(offset, 42);
    locals.push(local, fileName, data);
    central.push(dir, fileName);
    offset += local.length + fileName.length + data.length;
  }
  const size = central.reduce((s, b) => s + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(size, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, ...central, end]);
}

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
