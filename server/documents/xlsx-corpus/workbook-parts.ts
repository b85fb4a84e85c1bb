/**
 * The XML of a minimal workbook, piece by piece, for the corpus: content types, relationships,
 * the sheet list (with hidden sheets), sheets of rows in the template's columns, shared strings.
 * Any part can be replaced or added, so each case changes only what it is about.
 */
import { IMPORT_COLUMNS, type ImportColumnKey } from '../entries-columns.js';
import type { Piece, ZipPart } from './zip-writer.js';

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
export const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

export const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** 1 → 'A', 16384 → 'XFD', 4294967294 → 'MWLQKWT'. */
export function columnName(n: number): string {
  let s = '';
  for (let c = n; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return s;
}

export const inlineCell = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${escapeXml(text)}</t></is></c>`;
export const numberCell = (ref: string, n: number) => `<c r="${ref}"><v>${n}</v></c>`;

/** A row of cells by template column: strings inline, numbers as numbers. */
export function templateRow(r: number, values: Partial<Record<ImportColumnKey, string | number>>): string {
  const cells = IMPORT_COLUMNS.map((c, i) => {
    const v = values[c.key];
    if (v === undefined) return '';
    const ref = `${columnName(i + 1)}${r}`;
    return typeof v === 'number' ? numberCell(ref, v) : inlineCell(ref, v);
  });
  return `<row r="${r}">${cells.join('')}</row>`;
}

export const headerRow = (extra = '') => templateRow(1, Object.fromEntries(IMPORT_COLUMNS.map((c) => [c.key, c.header]))).replace('</row>', `${extra}</row>`);

/** A valid entry for `unit` (e.g. '#123', a commune the importer may write to). */
export const entryValues = (unit: string, title: string) => ({ unit, level: 'Cấp xã', kind: 'Mô hình', form: 'Tập thể', field: 'Kinh tế', year: 2026, title });

/** Rows from..from+count-1 of valid entries titled `${title} ${n}`. */
export function entryRows(unit: string, title: string, from: number, count: number): string {
  const rows: string[] = [];
  for (let i = 0; i < count; i++) rows.push(templateRow(from + i, entryValues(unit, `${title} ${from + i}`)));
  return rows.join('');
}

export const sheetXml = (...body: Piece[]): Piece[] => [`${XML_HEAD}<worksheet ${NS}><sheetData>`, ...body, '</sheetData></worksheet>'];

export type SheetSpec = { name: string; state?: 'hidden' | 'veryHidden'; body: Piece[] };

/**
 * The parts of a workbook with these sheets (sheet i is xl/worksheets/sheet{i+1}.xml) and, when
 * given, a shared-strings part. `replace` swaps the pieces of a part by name; `extra` adds parts.
 */
export function workbookParts(options: { sheets: SheetSpec[]; sharedStrings?: Piece[]; replace?: Record<string, Piece[]>; extra?: ZipPart[] }): ZipPart[] {
  const { sheets } = options;
  const sheetNames = sheets.map((_, i) => `xl/worksheets/sheet${i + 1}.xml`);
  const overrides = [
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>',
    ...sheetNames.map((n) => `<Override PartName="/${n}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`),
    options.sharedStrings ? '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' : '',
    '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>',
  ].join('');
  const parts: ZipPart[] = [
    { name: '[Content_Types].xml', pieces: [`${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>${overrides}</Types>`] },
    { name: '_rels/.rels', pieces: [`${XML_HEAD}<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`] },
    {
      name: 'xl/workbook.xml',
      pieces: [`${XML_HEAD}<workbook ${NS}><sheets>${sheets.map((s, i) => `<sheet name="${escapeXml(s.name)}" sheetId="${i + 1}"${s.state ? ` state="${s.state}"` : ''} r:id="rId${i + 1}"/>`).join('')}</sheets></workbook>`],
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      pieces: [
        `${XML_HEAD}<Relationships xmlns="${PKG_REL}">${sheetNames.map((n, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="${n.slice(3)}"/>`).join('')}` +
          `<Relationship Id="rId${sheets.length + 1}" Type="${REL}/styles" Target="styles.xml"/>` +
          (options.sharedStrings ? `<Relationship Id="rId${sheets.length + 2}" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>` : '') +
          '</Relationships>',
      ],
    },
    { name: 'xl/styles.xml', pieces: [`${XML_HEAD}<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf/></cellStyleXfs><cellXfs count="1"><xf xfId="0"/></cellXfs></styleSheet>`] },
    ...sheets.map((s, i) => ({ name: sheetNames[i]!, pieces: s.body })),
    ...(options.sharedStrings ? [{ name: 'xl/sharedStrings.xml', pieces: options.sharedStrings }] : []),
    ...(options.extra ?? []),
  ];
  for (const part of parts) {
    const replacement = options.replace?.[part.name];
    if (replacement) part.pieces = replacement;
  }
  return parts;
}

export const sharedStringsXml = (...body: Piece[]): Piece[] => [`${XML_HEAD}<sst ${NS}>`, ...body, '</sst>'];
