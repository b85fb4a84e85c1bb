/**
 * Worker thread body: annotates a workbook (exceljs loads it whole into memory). Runs apart from
 * the server's heap so that a large report cannot exhaust it; see annotate-in-worker.ts.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { annotateWorkbook, type CellNote } from './entries-workbook.js';

const { buffer, notes, headerRow, sheet } = workerData as { buffer: Uint8Array; notes: CellNote[]; headerRow: number; sheet: string };
const out = await annotateWorkbook(Buffer.from(buffer.buffer, buffer.byteOffset, buffer.byteLength), notes, headerRow, sheet);
// Copied, not transferred: a Buffer may sit in a pooled ArrayBuffer that cannot be transferred (Node 24 refuses).
parentPort?.postMessage(out);
