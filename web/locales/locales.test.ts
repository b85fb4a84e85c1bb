/**
 * The seven catalogs agree with each other and with the code: same keys, no empty text, the same
 * {{variables}} in every language, and every key the source uses exists.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LOCALES, ROLES } from '../../common/access';
import { ENTRY_ACTION_NAMES, ENTRY_FORMS, ENTRY_KINDS, ENTRY_LEVELS, ENTRY_QUEUES, ENTRY_STATUSES, FACETS, IMPORT_ERROR_CODES } from '../../common/entries';
import { DUE_FILTERS } from '../../common/work-queue';
import { PARTICIPANT_FILTERS, ROUND_AWAITING } from '../../common/reporting-rounds';
import { DEADLINE_KINDS, DEADLINE_STATES } from '../../common/deadlines';
import { ERROR_CODES } from '../../common/errors';
import { REPORT_PERIODS } from '../../common/reports';
import { DUE_STATES, PETITION_ACTION_NAMES, PETITION_CHANNELS, PETITION_KINDS, PETITION_STATUSES } from '../../common/petitions';
import { SORTS } from '../features/entries/entry-search';
import { actionKey, AUDIT_ACTIONS, AUDIT_FIELDS, RECORD_TYPES } from '../ui/audit-vocabulary';
import { SUCCESSION_BASES } from '../../common/units';
import { XLSX_REFUSAL_REASONS } from '../../server/documents/xlsx-limits';
import { RELIGIOUS_TABS } from '../features/religious-affairs/religious-search';
import { FLAG_STATES, RESULTS_FORMS } from '../../common/dialogue';
import { RELIGIOUS_FORM_FIELDS } from '../features/religious-affairs/register-fields';
import { MOODS, SITUATION_KINDS, SITUATION_STATUSES } from '../../common/situation';
import { GRASSROOTS_TABS } from '../features/grassroots/grassroots-search';
import { GRASSROOTS_ERROR_KEYS, GRASSROOTS_FORM_FIELDS } from '../features/grassroots/grassroots-fields';
import { DECISION_METHODS, ITEM_STATES, PUBLIC_STATES } from '../../common/grassroots';
import { DIALOGUE_FILE_PURPOSES } from '../../common/grassroots-files';
import { ACTIVITY_KINDS, BOARD_KINDS, PROGRAM_FORMS, RECOMMENDATION_STATES } from '../../common/supervision';

type Catalog = { [key: string]: string | Catalog };

const localesDir = import.meta.dirname;
const webDir = path.dirname(localesDir);

function load(locale: string): Catalog {
  return JSON.parse(readFileSync(path.join(localesDir, `${locale}.json`), 'utf8')) as Catalog;
}

/** `{a: {b: 'x'}}` → `{'a.b': 'x'}`; a non-string leaf is kept as is so the checks can report it. */
function flatten(catalog: Catalog, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const [key, value] of Object.entries(catalog)) {
    const full = prefix ? `${prefix}.${key}` : key;
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      for (const [k, v] of flatten(value, full)) out.set(k, v);
    } else {
      out.set(full, value);
    }
  }
  return out;
}

function variables(text: unknown): string[] {
  return typeof text === 'string' ? [...new Set([...text.matchAll(/\{\{\s*([\w.]+)[^}]*\}\}/g)].map((m) => m[1] ?? ''))].sort() : [];
}

/** i18next plural suffixes: each language has its own set (vi only `_other`, ar all six). */
const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;

/** A key without its plural suffix: `a.items_few` → `a.items`. */
function baseKey(key: string): string {
  return key.replace(PLURAL_SUFFIX, '');
}

/** Keys of `reference` absent from `other` (plural forms compared by their base key). */
function missing(reference: Map<string, unknown>, other: Map<string, unknown>): string[] {
  const bases = new Set([...other.keys()].map(baseKey));
  return [...new Set([...reference.keys()].map(baseKey))].filter((k) => !bases.has(k));
}

/** The reference text a key is compared with: the same key, or the `_other` form of a plural. */
function referenceText(reference: Map<string, unknown>, key: string): unknown {
  return reference.has(key) ? reference.get(key) : reference.get(`${baseKey(key)}_other`);
}

/** The same {{variables}}; a plural form other than `_other` may leave the count out ("جماعتين": two collectives). */
function sameVariables(key: string, expected: string[], actual: string[]): boolean {
  if (PLURAL_SUFFIX.test(key) && !key.endsWith('_other')) return actual.every((v) => expected.includes(v));
  return expected.join() === actual.join();
}

function problems(reference: Map<string, unknown>, other: Map<string, unknown>): string[] {
  const out: string[] = [];
  for (const key of missing(reference, other)) out.push(`missing: ${key}`);
  for (const key of missing(other, reference)) out.push(`not in vi.json: ${key}`);
  for (const [key, value] of other) {
    if (typeof value !== 'string' || value.trim() === '') out.push(`empty or not text: ${key}`);
    else if (referenceText(reference, key) !== undefined && !sameVariables(key, variables(referenceText(reference, key)), variables(value))) {
      out.push(`variables differ: ${key} (${variables(value).join(', ')} instead of ${variables(referenceText(reference, key)).join(', ')})`);
    }
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

/** Literal keys passed to t('…') / t("…") or written as i18nKey="…". */
function usedKeys(source: string): string[] {
  const keys = [...source.matchAll(/\bt\(\s*(['"])([^'"`]+)\1/g), ...source.matchAll(/\bi18nKey=\{?\s*(['"])([^'"]+)\1/g)].map((m) => m[2] ?? '');
  return [...new Set(keys)];
}

/** Prefixes of keys built at run time (t(`errors.${code}`)) and the values they are built from. */
const DYNAMIC_KEYS: Record<string, string[]> = {
  'errors.': [...ERROR_CODES, 'NETWORK'],
  'roles.': [...ROLES],
  'languageNames.': [...LOCALES],
  'units.succession.': ['whole', 'partial', 'unchanged'],
  // Where a succession comes from (the official lists, the history's rule, an administrator), with its explanation.
  'units.basis.': [...SUCCESSION_BASES],
  'units.basisHelp.': [...SUCCESSION_BASES],
  'auditActions.': AUDIT_ACTIONS.map(actionKey),
  'recordTypes.': [...RECORD_TYPES],
  // The audit log's field names (web/features/audit/audit-words.ts).
  'auditFields.': [...AUDIT_FIELDS],
  // The work queue's lists: the entries queue named on the entries list, the due lists' titles.
  'workQueue.entryQueue.': [...ENTRY_QUEUES],
  'workQueue.lists.tasksTitle.': [...DUE_FILTERS],
  'workQueue.lists.commitmentsTitle.': [...DUE_FILTERS],
  // The rounds list's work-queue filter (features/reporting-rounds/round-list-page.tsx).
  'reportingRounds.awaiting.': [...ROUND_AWAITING],
  // Situation reports: moods, kinds and statuses (features/situation-reports/).
  'situation.moods.': [...MOODS],
  'situation.kinds.': [...SITUATION_KINDS],
  'situation.statuses.': [...SITUATION_STATUSES],
  // Dialogue conferences: flags and how the results were published (features/petitions/dialogue-flags.tsx).
  'dialogue.flags.notice.': [...FLAG_STATES],
  'dialogue.flags.results.': [...FLAG_STATES],
  'dialogue.forms.': [...RESULTS_FORMS],
  // The calendar of deadlines and the digest page (features/work-queue/calendar-page.tsx, leadership-digest-page.tsx).
  'calendar.kinds.': [...DEADLINE_KINDS],
  'calendar.states.': [...DEADLINE_STATES],
  'digest.columns.': ['tasksDueSoon', 'tasksOverdue', 'tasksOverdueBelow', 'reportsDue', 'reportsMissingBelow'],
  // The participants' filter by completeness column (features/reporting-rounds/round-participants.tsx).
  'reportingRounds.participants.column.': [...PARTICIPANT_FILTERS],
  'entries.status.': [...ENTRY_STATUSES],
  'entries.kind.': [...ENTRY_KINDS],
  'entries.form.': [...ENTRY_FORMS],
  'entries.level.': [...ENTRY_LEVELS],
  // 'import': the first step of an entry an Excel import created.
  'entries.action.': ['create', 'edit', 'import', ...ENTRY_ACTION_NAMES],
  'entries.facet.': [...FACETS],
  'entries.sort.': SORTS.map((s) => s.replace('-', 'desc_')),
  // Row errors of the Excel import, by code (the page falls back to the server's text for a code added later).
  'importErrors.': [...IMPORT_ERROR_CODES],
  // Why a workbook was refused before its rows were read (server/documents/xlsx-limits.ts).
  'importFileProblems.': [...XLSX_REFUSAL_REASONS],
  'petitions.status.': [...PETITION_STATUSES],
  // The receipt's lines and its copy status (features/petitions/petition-receipt.tsx).
  'petitions.receipt.': ['number', 'kind', 'unit', 'receivedOn', 'dueOn', 'code', 'secret', 'copied', 'copyFailed'],
  // A time limit in plain words, by kind (features/petitions/time-limit-words.ts).
  'petitions.limitWords.': [...PETITION_KINDS],
  'petitions.kind.': [...PETITION_KINDS],
  'petitions.channel.': [...PETITION_CHANNELS],
  'petitions.due.': [...DUE_STATES],
  'petitions.actions.': ['receive', ...PETITION_ACTION_NAMES],
  'petitions.limit.': ['working', 'calendar'],
  // The unit-choosing steps explain which units they accept.
  'petitions.help.': ['assign', 'transfer'],
  'reception.kinds.': ['reception', 'dialogue'],
  'reception.states.': ['open', 'overdue', 'done'],
  'holidays.names.': ['new_year', 'tet', 'hung_kings', 'reunification', 'labour', 'national_day', 'government'],
  'holidays.kinds.': ['day_off', 'working_day'],
  'reviews.periodKinds.': [...REPORT_PERIODS],
  'reviews.statuses.': ['draft', 'final'],
  // The two long texts of a review, edited alike.
  'reviews.edit.': ['narrative', 'shortcomings'],
  // Ethnic and religious affairs: the registers' tabs and form fields (web/features/religious-affairs/).
  'religiousAffairs.tabs.': [...RELIGIOUS_TABS],
  'religiousAffairs.fields.': [...new Set(Object.values(RELIGIOUS_FORM_FIELDS).flat().map((f) => f.name)), 'religion', 'participation', 'organization', 'personName', 'ethnicity', 'unit', 'dates', 'support', 'supportYear', 'supportKind', 'supportAmount'],
  'religiousAffairs.errors.': ['unknown', 'beforeRecognition', 'invalid'],
  'religiousAffairs.form.': ['createTitle', 'editTitle'],
  // Grassroots democracy, slice D (web/features/grassroots/).
  'grassroots.tabs.': [...GRASSROOTS_TABS],
  'grassroots.create.': ['publications', 'decisions'],
  'grassroots.itemStates.': [...ITEM_STATES],
  'grassroots.publicStates.': [...PUBLIC_STATES],
  'grassroots.methods.': [...DECISION_METHODS],
  'grassroots.fields.': [...new Set(Object.values(GRASSROOTS_FORM_FIELDS).flat().map((f) => f.name))].filter((n) => n !== 'public'),
  'grassroots.errors.': GRASSROOTS_ERROR_KEYS,
  'grassroots.form.': ['createTitle', 'editTitle'],
  'grassroots.figures.': ['communes', 'itemsPublished', 'itemsOverdue', 'itemsNever', 'decisions', 'decisionsPassed', 'covenants'],
  // Evidence files of publications and dialogue conferences (web/features/grassroots/evidence-files.tsx).
  'evidenceFiles.purposes.': [...DIALOGUE_FILE_PURPOSES],
  // The boards and the Front's supervision (web/features/supervision/).
  'supervision.kinds.': [...BOARD_KINDS],
  'supervision.activityKinds.': [...ACTIVITY_KINDS],
  'supervision.states.': [...RECOMMENDATION_STATES],
  'supervision.forms.': [...PROGRAM_FORMS],
  'supervision.figures.': ['boardsInOffice', 'boardFindings', 'frontSupervisions', 'frontCriticisms', 'recommendations', 'answered', 'partly', 'overdue'],
};

const vi = flatten(load('vi'));

describe('the checks themselves', () => {
  it('notice a missing key, an extra key, an empty text and a changed variable', () => {
    const reference = flatten({ a: { b: 'x {{n}}' }, c: 'y' });
    const broken = flatten({ a: { b: 'x {{m}}' }, d: '' });
    expect(problems(reference, broken).sort()).toEqual(['empty or not text: d', 'missing: c', 'not in vi.json: d', 'variables differ: a.b (m instead of n)']);
  });

  it('accept each language its own plural forms, but not a plural missing altogether', () => {
    const reference = flatten({ n_other: '{{n}} x', m_other: 'y' });
    expect(problems(reference, flatten({ n_one: '{{n}} a', n_few: '{{n}} b', n_other: '{{n}} c', m_other: 'z' }))).toEqual([]);
    expect(problems(reference, flatten({ n_one: '{{n}} a' }))).toEqual(['missing: m']);
  });

  it('find literal keys in source', () => {
    expect(usedKeys(`t('units.title'); t("a.b", { x }); <Trans i18nKey="c.d" />`).sort()).toEqual(['a.b', 'c.d', 'units.title']);
  });
});

describe('the catalogs', () => {
  it('exist for every interface language, and nothing else', () => {
    const files = readdirSync(localesDir).filter((f) => f.endsWith('.json')).map((f) => f.replace(/\.json$/, ''));
    expect(files.sort()).toEqual([...LOCALES].sort());
  });

  it('vi.json has no empty text', () => {
    expect(problems(vi, vi)).toEqual([]);
  });

  for (const locale of LOCALES.filter((l) => l !== 'vi')) {
    it(`${locale}.json has exactly the keys of vi.json, all filled, with the same variables`, () => {
      expect(problems(vi, flatten(load(locale)))).toEqual([]);
    });
  }

  it('hold every key the source uses', () => {
    const used = new Set(sourceFiles(webDir).flatMap((file) => usedKeys(readFileSync(file, 'utf8'))));
    // The scan must find the app's keys; an empty scan would pass vacuously.
    expect(used.size).toBeGreaterThan(100);
    const viBases = new Set([...vi.keys()].map(baseKey));
    expect([...used].filter((k) => !vi.has(k) && !viBases.has(k)).sort()).toEqual([]);
  });

  it('hold every key built at run time, and the source builds keys only from known prefixes', () => {
    const expected = Object.entries(DYNAMIC_KEYS).flatMap(([prefix, values]) => values.map((v) => prefix + v));
    expect(expected.filter((k) => !vi.has(k))).toEqual([]);
    const prefixes = new Set(
      sourceFiles(webDir).flatMap((file) => [...readFileSync(file, 'utf8').matchAll(/\bt\(\s*`([^`$]*)\$\{/g)].map((m) => m[1] ?? '')),
    );
    expect(prefixes.size).toBeGreaterThan(0);
    expect([...prefixes].filter((p) => !(p in DYNAMIC_KEYS))).toEqual([]);
  });
});
