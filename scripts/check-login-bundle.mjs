#!/usr/bin/env node
/**
 * Keeps the sign-in screen light: sums the gzipped size of every JavaScript file the login route
 * needs — the staff app's entry (index.html) and its static imports, the login page's lazy chunk
 * and its static imports, and the chunks loaded at start for the default language (Vietnamese
 * catalog, antd and dayjs locales) — from the Vite manifest of `dist/web`. Exits 1 above the budget.
 *
 *   node scripts/check-login-bundle.mjs [--budget-kb 400] [--verbose]
 */
import { parseArgs } from 'node:util';
import { checkBudget, fail, loadManifest, withStaticImports } from './bundle-size.mjs';

const SCRIPT = 'check-login-bundle';
const { values } = parseArgs({ options: { 'budget-kb': { type: 'string', default: '400' }, verbose: { type: 'boolean', default: false } } });

/** The staff app's document (the public page, petition.html, is the other entry). */
const ENTRY = 'index.html';
/** The login route's lazy chunk, by its source path relative to web/. */
const LOGIN_SOURCE = 'features/auth/login-page.tsx';
/** What the app loads before the first render in the default language (web/app/i18n.ts). */
const STARTUP_SOURCES = [/^locales\/vi\.json$/, /antd\/es\/locale\/vi_VN\.js$/, /dayjs\/locale\/vi\.js$/];

const manifest = loadManifest(SCRIPT);
if (!manifest[ENTRY]?.isEntry) fail(SCRIPT, `the manifest has no entry ${ENTRY}`);
if (!manifest[LOGIN_SOURCE]) fail(SCRIPT, `the manifest has no chunk for ${LOGIN_SOURCE} (is the login route still lazy?)`);
const startup = Object.keys(manifest).filter((key) => STARTUP_SOURCES.some((re) => re.test(key)));
if (startup.length !== STARTUP_SOURCES.length) fail(SCRIPT, `expected ${STARTUP_SOURCES.length} start-up locale chunks, found: ${startup.join(', ') || 'none'}`);

checkBudget({
  script: SCRIPT,
  label: 'Login route',
  manifest,
  keys: withStaticImports(SCRIPT, manifest, [ENTRY, LOGIN_SOURCE, ...startup]),
  budgetKb: Number(values['budget-kb']),
  verbose: values.verbose,
  advice: 'Keep antd imports granular (antd/es/<component>) and load heavy pages lazily (web/app/router.tsx).',
});
