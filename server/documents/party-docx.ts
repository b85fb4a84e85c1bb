/**
 * Typesets a PartyDocument as DOCX in the Party's format (Guidance 36-HD/VPTW): A4, Times New
 * Roman, the two-column heading (issuing body | "ĐẢNG CỘNG SẢN VIỆT NAM", place and date), the
 * document type and title, the body, and the recipients | signer block; page numbers centred in
 * the top margin from page 2. The measures are in party-docx-format.ts; the body in party-docx-body.ts.
 */
import { AlignmentType, Document, Header, Packer, PageNumber, Paragraph, Table, TableBorders, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { bodyBlocks } from './party-docx-body.js';
import { FONT, MARGIN, PAGE, pt, SIZE, TEXT_WIDTH } from './party-docx-format.js';
import type { PartyDocument } from './party-document.js';

type Run = { text: string; bold?: boolean; italics?: boolean; underline?: boolean; size?: number };

function line(runs: Run | Run[], opts: { align?: 'center' | 'left'; after?: number; keepNext?: boolean } = {}): Paragraph {
  return new Paragraph({
    alignment: opts.align === 'left' ? AlignmentType.LEFT : AlignmentType.CENTER,
    spacing: { after: opts.after ?? 0 },
    keepNext: opts.keepNext,
    children: (Array.isArray(runs) ? runs : [runs]).map(
      (r) => new TextRun({ text: r.text, bold: r.bold, italics: r.italics, underline: r.underline ? {} : undefined, size: pt(r.size ?? SIZE.header) }),
    ),
  });
}

/** Day before 10 and months 1–2 with a leading zero, as the guidance writes them ("ngày 05 tháng 02 năm 2024", "ngày 15 tháng 12 năm 2024"). */
export function partyDateLine(place: string, isoDate: string | null): string {
  const where = place.trim() || '…';
  if (!isoDate) return `${where}, ngày … tháng … năm …`;
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  const day = String(d).padStart(2, '0');
  const month = m <= 2 ? String(m).padStart(2, '0') : String(m);
  return `${where}, ngày ${day} tháng ${month} năm ${y}`;
}

/** A borderless two-column table: the layout device for the heading and the signature block. */
function twoColumns(left: Paragraph[], right: Paragraph[], leftShare: number): Table {
  const leftWidth = Math.round(TEXT_WIDTH * leftShare);
  const widths = [leftWidth, TEXT_WIDTH - leftWidth];
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    borders: TableBorders.NONE,
    rows: [
      new TableRow({
        cantSplit: true,
        children: [left, right].map((children, i) => new TableCell({ width: { size: widths[i]!, type: WidthType.DXA }, borders: TableBorders.NONE, children })),
      }),
    ],
  });
}

function heading(doc: PartyDocument): Table {
  const left = [
    ...(doc.parentBody.trim() ? [line({ text: doc.parentBody.toUpperCase() })] : []),
    line({ text: doc.issuingBody.toUpperCase(), bold: true }),
    line({ text: '*' }),
    line({ text: doc.numberAndSymbol }),
  ];
  const right = [
    line({ text: 'ĐẢNG CỘNG SẢN VIỆT NAM', bold: true, underline: true, size: SIZE.partyHeading }, { after: 240 }),
    line({ text: partyDateLine(doc.place, doc.date), italics: true }),
  ];
  return twoColumns(left, right, 0.42);
}

function titleLines(doc: PartyDocument): Paragraph[] {
  return [
    line({ text: doc.docType.toUpperCase(), bold: true, size: SIZE.docType }, { keepNext: true }),
    line({ text: doc.title, bold: true, size: SIZE.title }, { keepNext: true }),
    line({ text: '-----' }, { after: 240 }),
  ];
}

/**
 * Recipients: "Nơi nhận:" italic and underlined, then 12 pt lines "- …," the last ending with
 * "." (the punctuation is added when the line has none). Signer: authority, position, room for
 * the signature and seal, name; all bold.
 */
function closing(doc: PartyDocument): (Table | Paragraph)[] {
  const items = doc.recipients.map((r, i) => {
    const text = r.trim().replace(/^-\s*/, '').replace(/[.,;]$/, '');
    return line({ text: `- ${text}${i === doc.recipients.length - 1 ? '.' : ','}`, size: SIZE.recipients }, { align: 'left' });
  });
  const left = doc.recipients.length ? [line({ text: 'Nơi nhận:', italics: true, underline: true }, { align: 'left' }), ...items] : [line({ text: '' })];
  if (!doc.coSigner) return [twoColumns(left, signerLines(doc.signer), 0.5)];
  // A joint document: the two signers side by side, the recipients under them.
  return [twoColumns(signerLines(doc.coSigner), signerLines(doc.signer), 0.5), new Paragraph({ children: [] }), twoColumns(left, [line({ text: '' })], 0.5)];
}

function signerLines({ authority, position, name }: PartyDocument['signer']): Paragraph[] {
  return [
    ...(authority.trim() ? [line({ text: authority.toUpperCase(), bold: true })] : []),
    ...(position.trim() ? [line({ text: position.toUpperCase(), bold: true }, { after: 1600 })] : [line({ text: '' }, { after: 1600 })]),
    line({ text: name, bold: true }),
  ];
}

const pageNumberHeader = () =>
  new Header({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [PageNumber.CURRENT], size: pt(SIZE.body) })] })] });

export async function renderPartyDocx(doc: PartyDocument): Promise<Buffer> {
  const document = new Document({
    creator: 'danvan',
    title: `${doc.docType} ${doc.title}`,
    styles: { default: { document: { run: { font: FONT, size: pt(SIZE.body) } } } },
    sections: [
      {
        properties: {
          titlePage: true,
          page: { size: { width: PAGE.width, height: PAGE.height }, margin: { ...MARGIN, header: 567, footer: 567 } },
        },
        // No number on the first page; from page 2, centred in the top margin.
        headers: { default: pageNumberHeader(), first: new Header({ children: [new Paragraph({ children: [] })] }) },
        children: [heading(doc), new Paragraph({ spacing: { after: 240 }, children: [] }), ...titleLines(doc), ...bodyBlocks(doc.body), new Paragraph({ children: [] }), ...closing(doc)],
      },
    ],
  });
  return Packer.toBuffer(document);
}
