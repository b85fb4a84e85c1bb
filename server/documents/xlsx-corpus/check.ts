/**
 * Reads every workbook of a corpus folder (generate.ts) through the import's checks — what an
 * upload goes through before the database — one after the other in this process, and prints one
 * JSON line per case: its answer and the memory it took above the process's own (peak RSS,
 * heap, and memory outside the heap, sampled every 5 ms). xlsx-corpus.test.ts runs it in a child
 * process with a small heap (`--max-old-space-size`): a case that needed more memory would end the
 * process instead of printing its line.
 *
 * `node --expose-gc --max-old-space-size=96 --import tsx server/documents/xlsx-corpus/check.ts <folder>`
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { AppError } from '../../errors.js';
import { checkImportFile } from '../../modules/entries/entries-import.service.js';
import type { CorpusFile } from './generate.js';

export type CheckResult = {
  name: string;
  status: number;
  code?: string;
  details?: { reason?: string; part?: string; limit?: number };
  seconds: number;
  /** Peak growth above the figures taken just before the case (MB). */
  rssMb: number;
  heapMb: number;
  externalMb: number;
};

const dir = process.argv[2];
if (!dir) {
  console.error('usage: check.ts <corpus folder>');
  process.exit(2);
}
const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);
const mb = (n: number) => Math.round(n / 1024 / 1024);
const manifest = JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as CorpusFile[];
for (const c of manifest) {
  const buffer = readFileSync(c.file);
  gc();
  const base = process.memoryUsage();
  const peak = { rss: base.rss, heap: base.heapUsed, external: base.external };
  const sample = () => {
    const m = process.memoryUsage();
    peak.rss = Math.max(peak.rss, m.rss);
    peak.heap = Math.max(peak.heap, m.heapUsed);
    peak.external = Math.max(peak.external, m.external);
  };
  const timer = setInterval(sample, 5);
  const started = performance.now();
  let answer: Pick<CheckResult, 'status' | 'code' | 'details'>;
  try {
    await checkImportFile(buffer);
    answer = { status: 200 };
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    answer = { status: err.status, code: err.code, details: err.details as CheckResult['details'] };
  } finally {
    clearInterval(timer);
    sample();
  }
  const seconds = Number(((performance.now() - started) / 1000).toFixed(2));
  const result: CheckResult = { name: c.name, ...answer, seconds, rssMb: mb(peak.rss - base.rss), heapMb: mb(peak.heap - base.heapUsed), externalMb: mb(peak.external - base.external) };
  console.log(JSON.stringify(result));
}
