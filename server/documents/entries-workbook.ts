/**
 * The values of an uploaded entries workbook (its rows are streamed by `readXlsxRows`,
 * xlsx-rows.ts) and the annotated copy that shows each row's problems.
 */
import ExcelJS from 'exceljs';
import { columnLetter } from './entries-columns.js';

export type CellValue = string | number | boolean | Date | null;
/**
 * One row of the sheet: `values[c]` is the value of column c (1-based). The reader refuses a
 * column beyond XFD (16,384) before storing anything, so the array is bounded.
 */
export type SheetRow = { row: number; values: CellValue[] };

/** A loaded cell's plain value: rich text joined, a formula's cached result, a hyperlink's text. */
function plainValue(v: unknown): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v instanceof Date) return v;
  if (typeof v === 'object') {
    const o = v as { richText?: { text: string }[]; result?: unknown; text?: unknown; error?: string };
    if (Array.isArray(o.richText)) return o.richText.map((r) => r.text).join('');
    if ('result' in o) return plainValue(o.result);
    if ('text' in o) return plainValue(o.text);
    if (o.error) return String(o.error);
  }
  return null;
}

export type CellNote = { row: number; column: number | null; message: string };

const RED = 'FFFFC7CE';

/**
 * Cells of a loaded workbook share style objects (one per style in the file): `cell.fill = …`
 * would repaint every cell of that style. A new style object changes this cell only.
 */
function restyle(cell: ExcelJS.Cell, change: Partial<ExcelJS.Style>): void {
  cell.style = { ...cell.style, ...change };
}
const ERROR_HEADER = 'Lỗi';

/**
 * The uploaded workbook with every problem shown: the cell filled red with a comment holding the
 * message, and a "Lỗi" column listing each row's messages. Marks of an earlier report are cleared
 * first, so a corrected file posted again shows only what is still wrong. `sheet` is the sheet the
 * import read (xlsx-rows.ts chooses it: exceljs orders its worksheets by their ids, not as the
 * workbook lists them, and keeps hidden ones).
 */
export async function annotateWorkbook(buffer: Buffer, notes: CellNote[], headerRow: number, sheet: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  const ws = wb.getWorksheet(sheet);
  if (!ws) throw new Error(`exceljs finds no sheet named ${JSON.stringify(sheet)}`);
  const header = ws.getRow(headerRow);
  let errorCol = 0;
  let lastCol = 0;
  header.eachCell({ includeEmpty: false }, (cell, col) => {
    if (String(plainValue(cell.value) ?? '').trim() === ERROR_HEADER) errorCol = col;
    else lastCol = Math.max(lastCol, col);
  });
  if (!errorCol) errorCol = lastCol + 1;
  ws.eachRow({ includeEmpty: false }, (row) => {
    row.eachCell({ includeEmpty: false }, (cell) => {
      const fill = cell.fill as { fgColor?: { argb?: string } } | undefined;
      if (fill?.fgColor?.argb === RED) {
        restyle(cell, { fill: { type: 'pattern', pattern: 'none' } });
        // exceljs cannot remove a comment (setting note makes one); the loaded one lives in the
        // cell's comment and in its value's model: drop the first, renew the second.
        (cell as unknown as { _comment?: unknown })._comment = undefined;
        const value = cell.value;
        cell.value = null;
        cell.value = value;
      }
    });
    if (row.number > headerRow) row.getCell(errorCol).value = null;
  });
  const headerCell = header.getCell(errorCol);
  headerCell.value = ERROR_HEADER;
  restyle(headerCell, { font: { bold: true, color: { argb: 'FF9C0006' } } });
  ws.getColumn(errorCol).width = 60;

  const byRow = new Map<number, string[]>();
  for (const n of notes) {
    const cell = ws.getCell(n.row, n.column ?? 1);
    restyle(cell, { fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: RED } } });
    const previous = typeof cell.note === 'string' ? `${cell.note}\n` : '';
    cell.note = `${previous}${n.message}`;
    const list = byRow.get(n.row) ?? [];
    list.push(n.column ? `${columnLetter(n.column)}: ${n.message}` : n.message);
    byRow.set(n.row, list);
  }
  for (const [row, messages] of byRow) {
    const cell = ws.getCell(row, errorCol);
    cell.value = messages.join('\n');
    restyle(cell, { alignment: { wrapText: true, vertical: 'top' }, font: { color: { argb: 'FF9C0006' } } });
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
