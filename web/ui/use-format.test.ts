/**
 * Dates reach the screen through one function of the language: dd/mm/yyyy in Vietnamese, the
 * same pattern the date pickers type, never the API's ISO form ("Hạn trả lời: 2027-01-18" on the
 * intake page, "2026-12-05" in the petitions summary). The last check reads the web app's source
 * and finds a date field put on the screen or into a text without the formatter.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import dayjs from 'dayjs';
import customParseFormat from 'dayjs/plugin/customParseFormat';
import i18next from 'i18next';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../common/access';
import { DATE_INPUT_FORMATS } from '../app/i18n';
import vi from '../locales/vi.json';
import { rangeLabel } from '../features/reports/range-label';
import { dateInputFormats } from './date-input';
import { formatters } from './use-format';

dayjs.extend(customParseFormat);

/** Western digits, without bidi marks, word joiners and no-break spaces: what the picker's pattern gives. */
function plain(text: string): string {
  return text
    .replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660))
    .replace(/[\u200e\u200f\u2060]/g, '')
    .replace(/\u00a0/g, ' ');
}

describe('the formatters', () => {
  const f = formatters('vi', 'Asia/Ho_Chi_Minh');

  it('write Vietnamese dates day first with slashes, the day before the hour', () => {
    expect(f.date('2026-12-05')).toBe('05/12/2026');
    expect(f.date('2027-01-18T00:00:00.000Z')).toBe('18/01/2027');
    expect(f.dateTime('2026-12-05T03:04:05Z')).toBe('05/12/2026\u00a010:04:05');
    expect(f.dateRange('2026-01-01', '2026-03-31')).toBe('01/01/2026\u00a0– 31/03/2026');
    expect(f.date(null)).toBe('');
    expect(f.number(1500000)).toBe('1.500.000');
  });

  it('name a month as a heading, capitalised, from any day of it', () => {
    expect(f.month('2026-12-31')).toBe('Tháng 12 năm 2026');
    expect(formatters('en').month('2026-01-01')).toBe('January 2026');
  });

  it('never show the day before: a calendar date has no time zone', () => {
    expect(formatters('vi', 'America/Los_Angeles').date('2026-12-05')).toBe('05/12/2026');
  });

  for (const locale of LOCALES) {
    it(`${locale}: shows a date in the pattern its date picker types`, () => {
      const g = formatters(locale, 'UTC');
      expect(plain(g.date('2026-12-05'))).toBe(dayjs('2026-12-05').format(DATE_INPUT_FORMATS[locale]));
      // What the picker shows it reads back, and the looser ways of typing the same day.
      for (const typed of [dayjs('2026-12-05').format(DATE_INPUT_FORMATS[locale]), ...dateInputFormats(locale).map((p) => dayjs('2026-12-05').format(p))]) {
        expect(dateInputFormats(locale).some((p) => dayjs(typed, p, true).format('YYYY-MM-DD') === '2026-12-05'), typed).toBe(true);
      }
    });
  }

  it('keep an Arabic date on one line: no plain space, a word joiner after each separator', () => {
    const ar = formatters('ar', 'UTC');
    for (const text of [ar.date('2026-12-05'), ar.dateTime('2026-12-05T03:04:05Z')]) {
      expect(text).not.toMatch(/ /);
      expect(text).not.toMatch(/[/:،,.](?!\u2060)/);
    }
    expect(formatters('vi').date('2026-12-05')).not.toContain('\u2060');
  });
});

describe('date pickers', () => {
  it('accept 05/12/2026, 5/12/2026 and 05122026 in Vietnamese', () => {
    const formats = dateInputFormats('vi');
    expect(formats[0]).toBe('DD/MM/YYYY');
    for (const typed of ['05/12/2026', '5/12/2026', '05122026']) {
      expect(formats.some((p) => dayjs(typed, p, true).isValid() && dayjs(typed, p, true).format('YYYY-MM-DD') === '2026-12-05'), typed).toBe(true);
    }
    expect(vi.dates.placeholder).toBe('dd/mm/yyyy');
  });
});

describe('report ranges', () => {
  const t = i18next.createInstance();
  void t.init({ lng: 'vi', resources: { vi: { translation: vi } }, interpolation: { escapeValue: false }, initImmediate: false });
  const date = formatters('vi').date;

  it('write custom ranges in dd/mm/yyyy, and "năm 2025" in the middle of a sentence', () => {
    expect(rangeLabel({ from: '2026-02-01', to: '2026-03-15' }, t.t, date)).toBe('01/02/2026 – 15/03/2026');
    expect(rangeLabel({ from: '2025-01-01', to: '2025-12-31' }, t.t, date)).toBe('Năm 2025');
    const previous = rangeLabel({ from: '2025-01-01', to: '2025-12-31' }, t.t, date, 'inSentence');
    expect(t.t('reports.change', { delta: '+3', range: previous, previous: '12' })).toBe('+3 so với năm 2025 (12)');
    expect(rangeLabel({ from: '2025-04-01', to: '2025-06-30' }, t.t, date, 'inSentence')).toBe('quý 2/2025');
  });
});

/** Names of fields that hold a date or an instant in the API's shapes. */
const DATE_FIELD = /^(?:\w*(?:On|At|Date)|date|deadline|validFrom|validTo|periodStart|periodEnd|from|to)$/;

/** A date field read straight from data (`receipt.dueOn`, `digest.data?.date ?? ''`). */
function rawDate(node: ts.Expression): ts.Expression | undefined {
  if (ts.isParenthesizedExpression(node) || ts.isNonNullExpression(node)) return rawDate(node.expression);
  if (ts.isBinaryExpression(node) && (node.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken || node.operatorToken.kind === ts.SyntaxKind.BarBarToken)) return rawDate(node.left);
  if (ts.isConditionalExpression(node)) return rawDate(node.whenTrue) ?? rawDate(node.whenFalse);
  if (ts.isPropertyAccessExpression(node) && DATE_FIELD.test(node.name.text)) return node;
  return undefined;
}

/** A text that only identifies a row or an element: `key={…}`, `rowKey={(d) => …}`, `{ key: … }`. */
function isKey(node: ts.Node): boolean {
  const names = new Set(['key', 'rowKey']);
  if (ts.isPropertyAssignment(node.parent) && names.has(node.parent.name.getText())) return true;
  for (let up: ts.Node | undefined = node.parent; up && !ts.isSourceFile(up); up = up.parent) {
    if (ts.isJsxAttribute(up)) return names.has(up.name.getText());
  }
  return false;
}

/** Where a date field is shown or put into a text as it comes from the API. */
export function unformattedDates(file: string, source: string): string[] {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const out: string[] = [];
  const report = (node: ts.Node) => out.push(`${file}:${sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1} ${node.getText(sf)}`);
  const visit = (node: ts.Node) => {
    // {receipt.dueOn} as a child of an element.
    if (ts.isJsxExpression(node) && node.expression && (ts.isJsxElement(node.parent) || ts.isJsxFragment(node.parent))) {
      const raw = rawDate(node.expression);
      if (raw) report(raw);
    }
    // t('…', { date: receipt.dueOn }).
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 't' && node.arguments[1] && ts.isObjectLiteralExpression(node.arguments[1])) {
      for (const p of node.arguments[1].properties) {
        const raw = ts.isPropertyAssignment(p) ? rawDate(p.initializer) : undefined;
        if (raw) report(raw);
      }
    }
    // `${p.from} – ${p.to}` in a text (not a React key or a table's rowKey, which nobody reads).
    if (ts.isTemplateExpression(node) && !isKey(node)) {
      for (const span of node.templateSpans) {
        const raw = rawDate(span.expression);
        if (raw) report(raw);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return name === 'node_modules' ? [] : sourceFiles(full);
    return /\.tsx$/.test(name) ? [full] : [];
  });
}

describe('the web app', () => {
  it('the check finds a date shown as it comes', () => {
    expect(unformattedDates('x.tsx', `<p>{status.dueOn}</p>; t('a', { date: digest.data?.date ?? '' }); t('b', { date: format.date(r.dueOn) }); const s = \`\${p.from} – \${p.to}\`; <li key={\`\${n.validTo}\`} />; const i = { key: \`a-\${a.date}\` };`)).toEqual([
      'x.tsx:1 status.dueOn',
      'x.tsx:1 digest.data?.date',
      'x.tsx:1 p.from',
      'x.tsx:1 p.to',
    ]);
  });

  it("types dates only in the app's date fields (dd/mm/yyyy, Enter that does not submit the form)", () => {
    const webDir = path.dirname(import.meta.dirname);
    const own = path.join(webDir, 'ui', 'date-field.tsx');
    const importsPicker = (source: string) => /from 'antd\/es\/date-picker'|import\s*\{[^}]*\bDatePicker\b[^}]*\}\s*from 'antd'/.test(source);
    const pickers = sourceFiles(webDir).filter((file) => file !== own && importsPicker(readFileSync(file, 'utf8')));
    expect(importsPicker(readFileSync(own, 'utf8'))).toBe(true);
    expect(pickers.map((file) => path.relative(webDir, file))).toEqual([]);
  });

  it('formats every date it shows', () => {
    const webDir = path.dirname(import.meta.dirname);
    const files = sourceFiles(webDir);
    expect(files.length).toBeGreaterThan(50);
    expect(files.flatMap((file) => unformattedDates(path.relative(path.dirname(webDir), file), readFileSync(file, 'utf8')))).toEqual([]);
  });
});
