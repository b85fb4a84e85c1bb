/**
 * What the bundle budgets share (check-login-bundle.mjs, check-public-bundle.mjs): the Vite
 * manifest of dist/web, the files a chunk needs before it runs (itself and its static imports),
 * and their gzipped sizes, printed against a budget. Exits 1 above it, 2 when the build is missing
 * or not what the check expects.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

const root = path.resolve(import.meta.dirname, '..');
export const webDist = path.join(root, 'dist', 'web');
const manifestPath = path.join(webDist, '.vite', 'manifest.json');

export function fail(script, message) {
  console.error(`${script}: ${message}`);
  process.exit(2);
}

export function loadManifest(script) {
  if (!existsSync(manifestPath)) fail(script, `${path.relative(root, manifestPath)} not found; build the web app first (npm run build)`);
  return JSON.parse(readFileSync(manifestPath, 'utf8'));
}

/** The manifest keys of `keys` and everything they import statically (what the browser must fetch before they run). */
export function withStaticImports(script, manifest, keys) {
  const seen = new Set();
  const visit = (key) => {
    if (seen.has(key)) return;
    if (!manifest[key]) fail(script, `manifest key ${key} is referenced but missing`);
    seen.add(key);
    for (const imported of manifest[key].imports ?? []) visit(imported);
  };
  for (const key of keys) visit(key);
  return seen;
}

/** Sums the gzipped JavaScript of `keys`, prints it (and each file with --verbose), and exits 1 above `budgetKb`. */
export function checkBudget({ script, label, manifest, keys, budgetKb, verbose, advice }) {
  const files = [...new Set([...keys].map((key) => manifest[key].file))].filter((file) => file.endsWith('.js'));
  const sizes = files.map((file) => {
    const bytes = readFileSync(path.join(webDist, file));
    return { file, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
  });
  sizes.sort((a, b) => b.gzip - a.gzip);
  const totalGzip = sizes.reduce((sum, s) => sum + s.gzip, 0);
  const totalRaw = sizes.reduce((sum, s) => sum + s.raw, 0);
  const kb = (n) => (n / 1024).toFixed(1);
  if (verbose) for (const s of sizes) console.log(`  ${kb(s.gzip).padStart(7)} KB gz  ${kb(s.raw).padStart(7)} KB  ${s.file}`);
  console.log(`${label} JavaScript: ${kb(totalGzip)} KB gzipped (${kb(totalRaw)} KB raw) in ${files.length} files; budget ${budgetKb} KB`);
  if (totalGzip > budgetKb * 1024) {
    console.error(`${script}: over budget by ${kb(totalGzip - budgetKb * 1024)} KB. ${advice}`);
    process.exit(1);
  }
  return { gzip: totalGzip, raw: totalRaw, files: files.length };
}
