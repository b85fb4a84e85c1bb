#!/usr/bin/env node
/**
 * Keeps the sign-in screen light: sums the gzipped size of every JavaScript file the login route
 * needs — the entry and its static imports, the login page's lazy chunk and its static imports,
 * and the chunks loaded at start for the default language (Vietnamese catalog, antd and dayjs
 * locales) — from the Vite manifest of `dist/web`. Exits 1 above the budget.
 *
 *   node scripts/check-login-bundle.mjs [--budget-kb 400] [--verbose]
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';

const { values } = parseArgs({ options: { 'budget-kb': { type: 'string', default: '400' }, verbose: { type: 'boolean', default: false } } });
const budgetKb = Number(values['budget-kb']);
const root = path.resolve(import.meta.dirname, '..');
const webDist = path.join(root, 'dist', 'web');
const manifestPath = path.join(webDist, '.vite', 'manifest.json');

/** The login route's lazy chunk, by its source path relative to web/. */
const LOGIN_SOURCE = 'features/auth/login-page.tsx';
/** What the app loads before the first render in the default language (web/app/i18n.ts). */
const STARTUP_SOURCES = [/^locales\/vi\.json$/, /antd\/es\/locale\/vi_VN\.js$/, /dayjs\/locale\/vi\.js$/];

if (!existsSync(manifestPath)) {
  console.error(`check-login-bundle: ${path.relative(root, manifestPath)} not found; build the web app first (npx vite build --config web/vite.config.ts)`);
  process.exit(2);
}
const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
const entries = Object.entries(manifest);

const entry = entries.find(([, chunk]) => chunk.isEntry);
if (!entry) fail('the manifest has no entry chunk');
if (!manifest[LOGIN_SOURCE]) fail(`the manifest has no chunk for ${LOGIN_SOURCE} (is the login route still lazy?)`);
const startup = entries.filter(([key]) => STARTUP_SOURCES.some((re) => re.test(key))).map(([key]) => key);
if (startup.length !== STARTUP_SOURCES.length) fail(`expected ${STARTUP_SOURCES.length} start-up locale chunks, found: ${startup.join(', ') || 'none'}`);

/** The chunk and everything it imports statically (what the browser must fetch before it runs). */
function withStaticImports(key, seen) {
  if (seen.has(key)) return;
  const chunk = manifest[key];
  if (!chunk) fail(`manifest key ${key} is referenced but missing`);
  seen.add(key);
  for (const imported of chunk.imports ?? []) withStaticImports(imported, seen);
}

const needed = new Set();
for (const key of [entry[0], LOGIN_SOURCE, ...startup]) withStaticImports(key, needed);

const files = [...new Set([...needed].map((key) => manifest[key].file))].filter((file) => file.endsWith('.js'));
const sizes = files.map((file) => {
  const bytes = readFileSync(path.join(webDist, file));
  return { file, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
});
sizes.sort((a, b) => b.gzip - a.gzip);

const totalGzip = sizes.reduce((sum, s) => sum + s.gzip, 0);
const totalRaw = sizes.reduce((sum, s) => sum + s.raw, 0);
const kb = (n) => (n / 1024).toFixed(1);

if (values.verbose) {
  for (const s of sizes) console.log(`  ${kb(s.gzip).padStart(7)} KB gz  ${kb(s.raw).padStart(7)} KB  ${s.file}`);
}
console.log(`Login route JavaScript: ${kb(totalGzip)} KB gzipped (${kb(totalRaw)} KB raw) in ${files.length} files; budget ${budgetKb} KB`);
if (totalGzip > budgetKb * 1024) {
  console.error(`check-login-bundle: over budget by ${kb(totalGzip - budgetKb * 1024)} KB. Keep antd imports granular (antd/es/<component>) and load heavy pages lazily (web/app/router.tsx).`);
  process.exit(1);
}

function fail(message) {
  console.error(`check-login-bundle: ${message}`);
  process.exit(2);
}
