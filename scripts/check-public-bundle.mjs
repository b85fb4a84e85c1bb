#!/usr/bin/env node
/**
 * Keeps the public petition page light (issue 12: ≤ 150 KB gzipped JavaScript on first load):
 * sums the gzipped size of every JavaScript file /petition needs before it shows its form — its
 * entry (petition.html) with its static imports, which include the strings of the default language
 * (virtual:portal-catalog/vi; counted too should it become a dynamic import) — from the Vite manifest of
 * `dist/web`. Exits 1 above the budget. Also refuses a public bundle that pulls in antd or zod,
 * or the staff app's whole catalogs: each would be a regression the budget might still absorb.
 *
 *   node scripts/check-public-bundle.mjs [--budget-kb 150] [--verbose]
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { checkBudget, fail, loadManifest, webDist, withStaticImports } from './bundle-size.mjs';

const SCRIPT = 'check-public-bundle';
const { values } = parseArgs({ options: { 'budget-kb': { type: 'string', default: '150' }, verbose: { type: 'boolean', default: false } } });

const ENTRY = 'petition.html';
/** The default language's strings, imported before the first render (features/petitions/public/portal-i18n.ts). */
const STARTUP = /virtual:portal-catalog\/vi$/;
/** Never in the public page's first load, each recognised by a name its minified code keeps. */
const FORBIDDEN = [
  { what: 'antd', marker: /prefixCls/ },
  { what: 'zod', marker: /ZodError/ },
  { what: "the staff app's whole catalog", marker: /auditActions/ },
  { what: 'TanStack Query', marker: /QueryClient/ },
];

const manifest = loadManifest(SCRIPT);
if (!manifest[ENTRY]?.isEntry) fail(SCRIPT, `the manifest has no entry ${ENTRY} (is web/petition.html still an input of web/vite.config.ts?)`);
// Imported statically it is counted with the entry (or inlined into it); loaded dynamically, it is added.
const startup = (manifest[ENTRY].dynamicImports ?? []).filter((key) => STARTUP.test(key));

const keys = withStaticImports(SCRIPT, manifest, [ENTRY, ...startup]);
const code = [...keys].map((key) => readFileSync(path.join(webDist, manifest[key].file), 'utf8')).join('\n');
const found = FORBIDDEN.filter((f) => f.marker.test(code)).map((f) => f.what);
if (found.length) {
  console.error(`${SCRIPT}: the public page's first load includes ${found.join(', ')}`);
  process.exit(1);
}

checkBudget({
  script: SCRIPT,
  label: 'Public petition page',
  manifest,
  keys,
  budgetKb: Number(values['budget-kb']),
  verbose: values.verbose,
  advice: 'The public page is plain React (web/petition-main.tsx): no antd, no router, no zod values from common/ (import types, or zod-free files such as common/petition-limits.ts).',
});
