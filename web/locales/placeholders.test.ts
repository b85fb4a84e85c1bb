/**
 * Every translation call passes exactly the values its text expects, in every language.
 *
 * "{{n}} quá hạn" was shown raw on every review with overdue tasks because the page passed
 * `count` and the text expected `n`; the catalogs agreed with each other, so only a check of the
 * calls against the texts finds such a slip. This test reads the web app's source with the
 * TypeScript parser, finds every `t('key', { … })` (and `i18n.t`, `<Trans i18nKey values>`), and
 * compares the object's names with the {{placeholders}} of that key in each catalog. A failure
 * names the file and line.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../common/access';
import { ApiError } from '../app/api-client';
import { errorMessageKey } from '../ui/use-error-message';

type Catalog = { [key: string]: string | Catalog };

const localesDir = import.meta.dirname;
const webDir = path.dirname(localesDir);

function flatten(catalog: Catalog, prefix = '', out = new Map<string, string>()): Map<string, string> {
  for (const [key, value] of Object.entries(catalog)) {
    const full = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(full, value);
    else flatten(value, full, out);
  }
  return out;
}

const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;

/** i18next options that are not interpolation values. */
const OPTION_NAMES = new Set(['defaultValue', 'lng', 'ns', 'context', 'returnObjects', 'joinArrays', 'interpolation', 'keyPrefix', 'ordinal']);

/** A catalog by base key: the texts of the key itself or of its plural forms, and whether it has plural forms. */
type Entry = { texts: string[]; plural: boolean };

function byBaseKey(catalog: Map<string, string>): Map<string, Entry> {
  const out = new Map<string, Entry>();
  for (const [key, text] of catalog) {
    const base = key.replace(PLURAL_SUFFIX, '');
    const entry = out.get(base) ?? { texts: [], plural: false };
    entry.texts.push(text);
    if (base !== key) entry.plural = true;
    out.set(base, entry);
  }
  return out;
}

/** Top-level names of a text's {{placeholders}} (`{{a.b, number}}` → `a`). */
function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\{\s*-?\s*([\w$]+)[^}]*\}\}/g)].map((m) => m[1] ?? '');
}

/**
 * What a call passes: the literal keys it may use (several for a conditional or a template), and
 * the option names; `shared` when they come from an object the file names (one object serving
 * several texts may hold more than each needs).
 */
export type Call = { file: string; line: number; keys: KeyPattern[]; names: string[] | 'unknown'; shared?: boolean };
/** A literal key, or a template (`entries.status.${s}`) matched against the catalog. */
type KeyPattern = { literal: string } | { pattern: RegExp; source: string };

function keyPatterns(node: ts.Expression): KeyPattern[] | undefined {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return [{ literal: node.text }];
  if (ts.isParenthesizedExpression(node)) return keyPatterns(node.expression);
  if (ts.isConditionalExpression(node)) {
    const a = keyPatterns(node.whenTrue);
    const b = keyPatterns(node.whenFalse);
    return a && b ? [...a, ...b] : undefined;
  }
  if (ts.isTemplateExpression(node)) {
    const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const parts = [escape(node.head.text), ...node.templateSpans.map((s) => `[^.]+${escape(s.literal.text)}`)];
    return [{ pattern: new RegExp(`^${parts.join('')}$`), source: node.getText() }];
  }
  return undefined;
}

/** Object literals a file names once (`const interval = { from, to }`), by name: a call may pass one of them. */
type Constants = Map<string, ts.Expression | undefined>;

function objectConstants(sf: ts.SourceFile): Constants {
  const out: Constants = new Map();
  const visit = (node: ts.Node) => {
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name)) {
      // A name declared twice is ambiguous without scopes: unknown.
      out.set(node.name.text, out.has(node.name.text) ? undefined : node.initializer);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}

/** Names of an object literal's properties; 'unknown' when it is not a literal or spreads another object. */
function objectNames(node: ts.Expression | undefined, constants: Constants = new Map()): string[] | 'unknown' {
  if (!node) return [];
  if (ts.isParenthesizedExpression(node)) return objectNames(node.expression, constants);
  if (ts.isIdentifier(node) && constants.get(node.text)) return objectNames(constants.get(node.text));
  if (!ts.isObjectLiteralExpression(node)) return 'unknown';
  const names: string[] = [];
  for (const p of node.properties) {
    if (ts.isSpreadAssignment(p)) return 'unknown';
    const name = p.name && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name)) ? p.name.text : undefined;
    if (name === undefined) return 'unknown';
    names.push(name);
  }
  return names;
}

/** `t(…)`, `i18n.t(…)`, `props.t(…)`: a call of a function named t. */
function isTranslateCall(node: ts.CallExpression): boolean {
  const callee = node.expression;
  return (ts.isIdentifier(callee) && callee.text === 't') || (ts.isPropertyAccessExpression(callee) && callee.name.text === 't');
}

function jsxAttribute(node: ts.JsxOpeningLikeElement, name: string): ts.JsxAttribute | undefined {
  return node.attributes.properties.find((a): a is ts.JsxAttribute => ts.isJsxAttribute(a) && a.name.getText() === name);
}

function attributeExpression(attribute: ts.JsxAttribute | undefined): ts.Expression | undefined {
  const init = attribute?.initializer;
  if (!init) return undefined;
  if (ts.isStringLiteral(init)) return init;
  return ts.isJsxExpression(init) ? init.expression : undefined;
}

/** The translation calls of one source text whose key is literal (or a template over a literal prefix). */
export function findCalls(file: string, source: string): Call[] {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const calls: Call[] = [];
  const constants = objectConstants(sf);
  const line = (node: ts.Node) => sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1;
  const visit = (node: ts.Node) => {
    if (ts.isCallExpression(node) && isTranslateCall(node) && node.arguments[0]) {
      const keys = keyPatterns(node.arguments[0]);
      const values = node.arguments[1];
      const shared = !!values && ts.isIdentifier(values) && !!constants.get(values.text);
      if (keys) calls.push({ file, line: line(node), keys, names: objectNames(values, constants), ...(shared ? { shared } : {}) });
    }
    if ((ts.isJsxSelfClosingElement(node) || ts.isJsxOpeningElement(node)) && node.tagName.getText() === 'Trans') {
      const key = attributeExpression(jsxAttribute(node, 'i18nKey'));
      const keys = key && keyPatterns(key);
      const values = jsxAttribute(node, 'values');
      const count = jsxAttribute(node, 'count');
      if (keys) {
        const names = values ? objectNames(attributeExpression(values), constants) : [];
        calls.push({ file, line: line(node), keys, names: names === 'unknown' ? names : [...names, ...(count ? ['count'] : [])] });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return calls;
}

/** What is wrong with one call against the catalogs: a key missing, a placeholder not passed, a value no text uses. */
export function callProblems(call: Call, catalogs: Record<string, Map<string, Entry>>): string[] {
  const where = `${call.file}:${call.line}`;
  const out: string[] = [];
  const allKeys = [...new Set(Object.values(catalogs).flatMap((c) => [...c.keys()]))];
  for (const pattern of call.keys) {
    const keys = 'literal' in pattern ? allKeys.filter((k) => k === pattern.literal) : allKeys.filter((k) => pattern.pattern.test(k));
    if (keys.length === 0) {
      out.push(`${where} ${'literal' in pattern ? pattern.literal : pattern.source}: no such key`);
      continue;
    }
    // A template (`petitions.receipt.${id}`) may build only some of the keys under its prefix, and
    // this parse cannot tell which: a value is missing when every key it matches needs it, and
    // extra when none of them uses it. Literal keys are checked exactly.
    const template = !('literal' in pattern);
    const used = new Set<string>();
    const missingEverywhere = new Map<string, number>();
    let plural = false;
    let allPlural = true;
    for (const key of keys) {
      let keyPlural = false;
      for (const [locale, catalog] of Object.entries(catalogs)) {
        const entry = catalog.get(key);
        if (!entry) {
          out.push(`${where} ${key}: missing in ${locale}`);
          continue;
        }
        keyPlural ||= entry.plural;
        const wanted = new Set(entry.texts.flatMap(placeholders));
        for (const name of wanted) used.add(name);
        if (call.names === 'unknown') continue;
        const given = new Set(call.names);
        const notGiven = [...wanted].filter((n) => !given.has(n));
        if (template) for (const n of new Set(notGiven)) missingEverywhere.set(`${locale}\u0000${n}`, (missingEverywhere.get(`${locale}\u0000${n}`) ?? 0) + 1);
        else if (notGiven.length > 0) out.push(`${where} ${key} (${locale}): {{${notGiven.join('}}, {{')}}} not passed`);
      }
      plural ||= keyPlural;
      allPlural &&= keyPlural;
      // Without a count i18next looks for the bare key, which a language with plural forms lacks.
      if (!template && call.names !== 'unknown' && keyPlural && !call.names.includes('count')) out.push(`${where} ${key}: has plural forms but no count is passed`);
    }
    if (call.names === 'unknown') continue;
    if (template) {
      for (const [k, n] of missingEverywhere) if (n === keys.length) out.push(`${where} ${pattern.source} (${k.split('\u0000')[0]}): {{${k.split('\u0000')[1]}}} not passed`);
      if (allPlural && !call.names.includes('count')) out.push(`${where} ${pattern.source}: has plural forms but no count is passed`);
    }
    // A value no language's text uses is a name that does not match (count for a text that says {{n}}).
    const unused = call.shared ? [] : call.names.filter((n) => !used.has(n) && !OPTION_NAMES.has(n) && !(n === 'count' && plural));
    if (unused.length > 0) out.push(`${where} ${'literal' in pattern ? pattern.literal : pattern.source}: ${unused.join(', ')} passed but no text uses it`);
  }
  return out;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return name === 'node_modules' ? [] : sourceFiles(full);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [full] : [];
  });
}

const catalogs = Object.fromEntries(
  LOCALES.map((l) => [l, byBaseKey(flatten(JSON.parse(readFileSync(path.join(localesDir, `${l}.json`), 'utf8')) as Catalog))]),
);

describe('the placeholder check itself', () => {
  const tiny = { vi: byBaseKey(flatten({ a: { late: '{{n}} quá hạn', items_other: '{{count}} mục', plain: 'x', s: { one: 'A {{x}}', two: 'B' } }, b: { p: '{{y}} p', q: '{{y}} q' } })) };
  const problemsOf = (source: string) => findCalls('x.tsx', source).flatMap((c) => callProblems(c, tiny));

  it('finds a value passed under another name than the text expects (count for {{n}})', () => {
    expect(problemsOf(`const a = t('a.late', { count: 3 });`)).toEqual(['x.tsx:1 a.late (vi): {{n}} not passed', 'x.tsx:1 a.late: count passed but no text uses it']);
  });

  it('finds a placeholder with no value at all, a missing count of a plural, and a key that does not exist', () => {
    expect(problemsOf(`t('a.late');\nt('a.items', { n: 1 });\nt('a.nope')`)).toEqual([
      'x.tsx:1 a.late (vi): {{n}} not passed',
      'x.tsx:2 a.items (vi): {{count}} not passed',
      'x.tsx:2 a.items: has plural forms but no count is passed',
      'x.tsx:2 a.items: n passed but no text uses it',
      'x.tsx:3 a.nope: no such key',
    ]);
  });

  it('accepts exact matches, both branches of a conditional key, templates over a prefix and <Trans>', () => {
    expect(problemsOf(`t('a.late', { n }); t('a.items', { count: 2, defaultValue: 'x' }); t(ok ? 'a.plain' : 'a.late', { n: 1 });`)).toEqual([
      'x.tsx:1 a.plain: n passed but no text uses it',
    ]);
    expect(problemsOf('t(`a.s.${k}`, { x: 1 }); <Trans i18nKey="a.late" values={{ n: 2 }} />')).toEqual([]);
    // A template may build only some keys of its prefix: a value is missing only when all of them need it.
    expect(problemsOf('t(`a.s.${k}`)')).toEqual([]);
    expect(problemsOf('t(`b.${k}`)')).toEqual(['x.tsx:1 `b.${k}` (vi): {{y}} not passed']);
    expect(problemsOf('t(`a.s.${k}`, { x: 1, z: 2 })')).toEqual(['x.tsx:1 `a.s.${k}`: z passed but no text uses it']);
  });

  it('reads an object the file declares once, and leaves a call alone whose values it cannot see (they are checked where they are built)', () => {
    // A named object may serve several texts: only what a text needs and lacks counts.
    expect(problemsOf(`const v = { m: 1 };\nt('a.late', v);`)).toEqual(['x.tsx:2 a.late (vi): {{n}} not passed']);
    expect(findCalls('x.ts', `t('a.late', values); t(key, { n: 1 }); t('a.late', { ...values })`).map((c) => c.names)).toEqual(['unknown', 'unknown']);
  });
});

describe('the web app', () => {
  const calls = sourceFiles(webDir).flatMap((file) => findCalls(path.relative(path.dirname(webDir), file), readFileSync(file, 'utf8')));

  it('passes every translation exactly the values its text expects, in every language', () => {
    // The scan must find the app's calls; an empty scan would pass vacuously.
    expect(calls.length).toBeGreaterThan(500);
    expect(calls.flatMap((c) => callProblems(c, catalogs))).toEqual([]);
  });
});

describe('messages chosen from an error\'s details', () => {
  // errorMessageKey builds its values from the server's details: each case passes what its text needs.
  const errors = [
    new ApiError(429, 'TOO_MANY_ATTEMPTS', { retryAfterSeconds: 90 }),
    new ApiError(403, 'UNIT_OUTSIDE_SUBTREE', { root: { name: 'Tỉnh Ninh Bình' } }),
    new ApiError(403, 'UNIT_OUTSIDE_SUBTREE', { root: { name: 'Tỉnh Ninh Bình' }, allowed: 'parent_or_below' }),
    new ApiError(400, 'EXPORT_TOO_LARGE', { total: 120_000, max: 100_000 }),
    new ApiError(409, 'ALREADY_EXISTS', { record: 'entry', year: 2026, existingId: '12' }),
    new ApiError(409, 'ALREADY_EXISTS', { record: 'entry', year: 2026 }),
    new ApiError(409, 'ALREADY_EXISTS', { username: 'nguyenvana' }),
    new ApiError(409, 'ALREADY_EXISTS', { code: 'certificate_of_merit' }),
    new ApiError(409, 'ALREADY_EXISTS', { startYear: 2031, endYear: 2035 }),
    new ApiError(409, 'ALREADY_EXISTS', { reviewId: '3' }),
    new ApiError(409, 'ALREADY_EXISTS', { sourceEntryId: '4' }),
    new ApiError(409, 'ALREADY_EXISTS', {}),
  ];

  it('pass every text exactly its values', () => {
    const problems = errors.flatMap((error) => {
      const { key, values } = errorMessageKey(error);
      return callProblems({ file: `${error.code} ${JSON.stringify(error.details)}`, line: 0, keys: [{ literal: key }], names: Object.keys(values ?? {}) }, catalogs);
    });
    expect(problems).toEqual([]);
  });

  it('name what already exists instead of "this username, code or role"', () => {
    expect(errors.slice(4).map((e) => errorMessageKey(e).key)).toEqual([
      'errors.alreadyExists.entry',
      'errors.alreadyExists.entry',
      'errors.alreadyExists.username',
      'errors.alreadyExists.code',
      'errors.alreadyExists.period',
      'errors.alreadyExists.review',
      'errors.alreadyExists.replication',
      'errors.ALREADY_EXISTS',
    ]);
  });
});
