/**
 * Precompression at build (docs/delivery.md): every compressible file Vite writes gets a `.br`
 * (Brotli, quality 11) and a `.gz` (gzip, level 9) beside it, which @fastify/static serves to
 * browsers that accept them (server/app.ts, `preCompressed`). Done once here, at the highest
 * levels, instead of on every request: a phone on a slow network gets ~4× fewer bytes and the
 * server spends no CPU on it.
 */
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { Plugin } from 'vite';

const brotli = promisify(brotliCompress);
const gz = promisify(gzip);

/** Text formats worth compressing (images and fonts are compressed already). */
const COMPRESSIBLE = /\.(js|mjs|css|html|json|svg|txt|xml|map)$/;
/** Below this, the headers cost more than the bytes saved. */
const MIN_BYTES = 1024;

async function filesUnder(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    // Vite's manifest (.vite/) is read by scripts, never served.
    if (entry.name.startsWith('.')) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await filesUnder(full)));
    else if (COMPRESSIBLE.test(entry.name)) out.push(full);
  }
  return out;
}

/** Writes `<file>.br` and `<file>.gz` for each compressible file of `dir`; returns the count and bytes. */
export async function precompressDir(dir: string): Promise<{ files: number; raw: number; br: number; gzip: number; vanished: number }> {
  const totals = { files: 0, raw: 0, br: 0, gzip: 0, vanished: 0 };
  for (const file of await filesUnder(dir)) {
    try {
      if ((await stat(file)).size < MIN_BYTES) continue;
      const bytes = await readFile(file);
      const [b, g] = await Promise.all([
        brotli(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length } }),
        gz(bytes, { level: 9 }),
      ]);
      // A file that does not shrink is served as it is.
      if (b.length < bytes.length) await writeFile(`${file}.br`, b);
      if (g.length < bytes.length) await writeFile(`${file}.gz`, g);
      totals.files += 1;
      totals.raw += bytes.length;
      totals.br += Math.min(b.length, bytes.length);
      totals.gzip += Math.min(g.length, bytes.length);
    } catch (error) {
      // Another build emptied the folder meanwhile (two builds of one checkout at once): its own
      // pass compresses what it writes, and a file without .br/.gz is still served, uncompressed.
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      totals.vanished += 1;
    }
  }
  return totals;
}

/** The Vite plugin: precompresses the output folder once the build has written it. */
export function precompress(): Plugin {
  return {
    name: 'danvan-precompress',
    apply: 'build',
    async writeBundle(options) {
      if (!options.dir) return;
      const t = await precompressDir(options.dir);
      const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`;
      this.info(`precompressed ${t.files} files: ${kb(t.raw)} → ${kb(t.br)} brotli, ${kb(t.gzip)} gzip`);
      if (t.vanished) this.warn(`${t.vanished} files disappeared while being compressed: another build is writing ${options.dir}`);
    },
  };
}
