/**
 * The annotated error report loads the whole workbook into memory (about 2 GB for 100,000 full
 * rows), far more than the streaming import needs. It runs in a worker thread with its own heap
 * limit, one report at a time, so the server keeps its own small heap (npm start runs it with
 * --max-old-space-size=384) and a huge report fails alone, with a clear error, instead of taking
 * the server down. The workbook it gets has passed the streaming reader's budgets (the import's
 * checks run first, entries-import.service.ts); whatever exceljs still cannot load is the file's
 * fault and answers UNSUPPORTED_FILE, never a 500.
 */
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { xlsxRefusal } from './xlsx-limits.js';
import type { CellNote } from './entries-workbook.js';

const WORKER_HEAP_MB = 3072;
let queue: Promise<unknown> = Promise.resolve();

function runWorker(buffer: Buffer, notes: CellNote[], headerRow: number, sheet: string): Promise<Buffer> {
  // Built, the worker is a .js file. From sources (tsx, Vitest) it is .ts: a tiny script
  // registers tsx's loader inside the worker first (a worker does not inherit it).
  const fromSource = import.meta.url.endsWith('.ts');
  const options = { workerData: { buffer, notes, headerRow, sheet }, resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } };
  let worker: Worker;
  if (fromSource) {
    const tsxApi = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs')).href;
    const entry = new URL('./annotate.worker.ts', import.meta.url).href;
    worker = new Worker(`import(${JSON.stringify(tsxApi)}).then((m) => { m.register(); return import(${JSON.stringify(entry)}); })`, { ...options, eval: true });
  } else {
    worker = new Worker(new URL('./annotate.worker.js', import.meta.url), options);
  }
  return new Promise((resolve, reject) => {
    let done = false;
    worker.once('message', (out: Uint8Array) => {
      done = true;
      resolve(Buffer.from(out.buffer, out.byteOffset, out.byteLength));
    });
    worker.once('error', (err: Error & { code?: string }) => {
      done = true;
      if (err.code === 'ERR_WORKER_OUT_OF_MEMORY') {
        reject(xlsxRefusal('too_large_for_report', 'The file is too large for an annotated report; use the list of errors instead'));
      } else {
        const refusal = xlsxRefusal('unreadable_workbook', 'The workbook cannot be loaded to mark its errors; open and save it again in Excel');
        refusal.cause = err;
        reject(refusal);
      }
    });
    worker.once('exit', (code) => {
      if (!done) reject(new Error(`the annotation worker stopped with code ${code}`));
    });
  });
}

/** Annotates in a worker; concurrent requests wait their turn. */
export function annotateInWorker(buffer: Buffer, notes: CellNote[], headerRow: number, sheet: string): Promise<Buffer> {
  const result = queue.then(() => runWorker(buffer, notes, headerRow, sheet));
  queue = result.catch(() => undefined);
  return result;
}
