/**
 * The body of a Party document: justified paragraphs with a first-line indent, headings, bullet
 * lines and bordered tables (header rows repeated on every page, totals in bold).
 */
import { AlignmentType, BorderStyle, Paragraph, Table, TableCell, TableRow, TextRun, VerticalAlignTable, WidthType } from 'docx';
import type { PartyBlock } from './party-document.js';
import { FIRST_LINE_INDENT, LINE_SPACING, PARAGRAPH_AFTER, pt, SIZE, TEXT_WIDTH } from './party-docx-format.js';

type TableBlock = Extract<PartyBlock, { type: 'table' }>;

function bodyParagraph(text: string, run: { bold?: boolean; italics?: boolean } = {}): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: FIRST_LINE_INDENT },
    spacing: { after: PARAGRAPH_AFTER, line: LINE_SPACING },
    children: [new TextRun({ text, size: pt(SIZE.body), ...run })],
  });
}

/** Level 1 bold ("I. KẾT QUẢ…"), level 2 bold ("1. Theo lĩnh vực"), level 3 bold italic. */
function heading(text: string, level: 1 | 2 | 3): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: FIRST_LINE_INDENT },
    spacing: { before: level === 1 ? 120 : 60, after: PARAGRAPH_AFTER, line: LINE_SPACING },
    keepNext: true,
    children: [new TextRun({ text, bold: true, italics: level === 3, size: pt(SIZE.body) })],
  });
}

const THIN = { style: BorderStyle.SINGLE, size: 4, color: '000000' } as const;
const NUMERIC = /^[-+]?[\d.,]+%?$/;

function cell(text: string, opts: { bold?: boolean; width: number; columnSpan?: number; rowSpan?: number; header?: boolean }): TableCell {
  const centred = opts.header || NUMERIC.test(text.trim()) || text.trim() === '';
  return new TableCell({
    width: { size: opts.width, type: WidthType.DXA },
    columnSpan: opts.columnSpan,
    rowSpan: opts.rowSpan,
    verticalAlign: VerticalAlignTable.CENTER,
    children: [
      new Paragraph({
        alignment: centred ? AlignmentType.CENTER : AlignmentType.LEFT,
        children: [new TextRun({ text, bold: opts.bold, size: pt(SIZE.table) })],
      }),
    ],
  });
}

/** Twips per character of 12 pt Times: digits (half an em), other letters (a little more on average), bold header letters; and a cell's side margins. */
const DIGIT = 125;
const LETTER = 135;
const HEADER_LETTER = 155;
const PADDING = 160;

/** Width of a run that a line may not break inside: a date ("15/01/2026"), a number, a word. */
const tokenWidth = (token: string) => [...token].reduce((w, ch) => w + (/\d/.test(ch) ? DIGIT : LETTER), 0);

/**
 * Column widths: a count column gets what its longest header word or number needs, never less
 * (a figure must not wrap); the text columns (unit, field, task) share the rest by their longest
 * text, each at least as wide as its longest unbreakable run, so a deadline "15/01/2026" or a
 * long word stays on one line (Word and LibreOffice cut a run wider than its column anywhere).
 */
function columnWidths(block: TableBlock, columns: number): number[] {
  const isText = (i: number) => block.rows.some((r) => (r[i] ?? '').trim() !== '' && !NUMERIC.test((r[i] ?? '').trim()));
  const headerWord = (i: number) => Math.max(0, ...block.header.flatMap((r) => (r[i] ?? '').split(/\s+/)).map((w) => w.length)) * HEADER_LETTER;
  const need = Array.from({ length: columns }, (_, i) => {
    const value = isText(i) ? 0 : Math.max(2, ...block.rows.map((r) => (r[i] ?? '').length)) * DIGIT;
    return Math.max(headerWord(i), value) + PADDING;
  });
  const text = need.map((_, i) => i).filter(isText);
  const least = new Map(text.map((i) => [i, Math.max(headerWord(i), ...block.rows.flatMap((r) => (r[i] ?? '').split(/\s+/)).map(tokenWidth)) + PADDING]));
  const weight = new Map(text.map((i) => [i, Math.min(40, Math.max(8, ...block.rows.map((r) => (r[i] ?? '').length)))]));
  const fixed = need.reduce((sum, w, i) => (text.includes(i) ? sum : sum + w), 0);
  // Share the room by weight; a column whose share is below its least width takes that width, and
  // the others share what is left (until every share is at least its column's least).
  const share = new Map<number, number>();
  let room = Math.max(TEXT_WIDTH - fixed, text.length * 1000);
  let open = text;
  while (open.length) {
    const total = open.reduce((sum, i) => sum + weight.get(i)!, 0);
    const narrow = open.filter((i) => (room * weight.get(i)!) / total < least.get(i)!);
    if (!narrow.length) {
      for (const i of open) share.set(i, Math.floor((room * weight.get(i)!) / total));
      break;
    }
    for (const i of narrow) {
      share.set(i, least.get(i)!);
      room -= least.get(i)!;
    }
    open = open.filter((i) => !narrow.includes(i));
  }
  return need.map((w, i) => share.get(i) ?? w);
}

/**
 * Header rows with merges written as empty strings: in the first row, "" after a filled cell
 * widens it (a group title over several columns); in the second row, "" under a filled,
 * un-widened cell of the first row merges that cell down (a title spanning both rows).
 */
function headerRows(block: TableBlock, widths: number[]): TableRow[] {
  const [top = [], second] = block.header;
  const spanOf = (row: string[], i: number) => {
    let span = 1;
    while (i + span < row.length && row[i + span] === '') span++;
    return span;
  };
  const mergedDown = new Set<number>();
  const topCells: TableCell[] = [];
  for (let i = 0; i < top.length; ) {
    const span = spanOf(top, i);
    const down = second !== undefined && span === 1 && second[i] === '';
    if (down) mergedDown.add(i);
    const width = widths.slice(i, i + span).reduce((a, b) => a + b, 0);
    topCells.push(cell(top[i] ?? '', { header: true, bold: true, width, columnSpan: span > 1 ? span : undefined, rowSpan: down ? 2 : undefined }));
    i += span;
  }
  const rows = [new TableRow({ tableHeader: true, cantSplit: true, children: topCells })];
  if (second) {
    const cells = second.flatMap((text, i) => (mergedDown.has(i) ? [] : [cell(text, { header: true, bold: true, width: widths[i] ?? 0 })]));
    rows.push(new TableRow({ tableHeader: true, cantSplit: true, children: cells }));
  }
  return rows;
}

function table(block: TableBlock): (Table | Paragraph)[] {
  const columns = Math.max(...block.header.map((r) => r.length), ...block.rows.map((r) => r.length));
  const widths = columnWidths(block, columns);
  const bold = new Set(block.boldRows ?? []);
  const bodyRows = block.rows.map(
    (row, r) => new TableRow({ cantSplit: true, children: widths.map((width, i) => cell(row[i] ?? '', { width, bold: bold.has(r) })) }),
  );
  return [
    new Table({
      width: { size: TEXT_WIDTH, type: WidthType.DXA },
      columnWidths: widths,
      // Cell margins once for the table, not on each of a thousand cells (the DOCX is written faster).
      margins: { left: 60, right: 60, top: 20, bottom: 20 },
      borders: { top: THIN, bottom: THIN, left: THIN, right: THIN, insideHorizontal: THIN, insideVertical: THIN },
      rows: [...headerRows(block, widths), ...bodyRows],
    }),
    // Space between a table and what follows it.
    new Paragraph({ spacing: { after: PARAGRAPH_AFTER }, children: [] }),
  ];
}

export function bodyBlocks(blocks: readonly PartyBlock[]): (Paragraph | Table)[] {
  return blocks.flatMap((b): (Paragraph | Table)[] => {
    switch (b.type) {
      case 'heading':
        return [heading(b.text, b.level)];
      case 'paragraph':
        return [bodyParagraph(b.text, { bold: b.bold, italics: b.italic })];
      case 'bullets':
        return b.items.map((item) => bodyParagraph(`- ${item}`));
      case 'table':
        return table(b);
    }
  });
}
