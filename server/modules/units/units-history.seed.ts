/**
 * The official lists of December 2019 – January 2025 (server/db/seed/history, see its README):
 * read into one state per list date, then turned into unit *versions* — each district and commune
 * with the interval it was in force, its former names and, for the ones that went away, a
 * successor by the documented rule (docs/units.md, "The units of their day"). No database here.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { parse } from 'csv-parse/sync';
import type { SuccessionKind } from '../../db/schema.js';
import { seedDataDir } from '../../paths.js';
import { cleanName, cleanText, typePrefix } from './units-names.js';

/** The dates of the official lists shipped in server/db/seed/history (the list of 1 March 2025 is not used: see docs/units.md). */
export const HISTORY_LIST_DATES = [
  '2019-12-01', '2020-01-01', '2020-03-01', '2020-06-01', '2020-11-01', '2021-02-01', '2021-07-01', '2021-11-01',
  '2022-04-10', '2022-10-01', '2023-04-10', '2024-02-01', '2024-05-01', '2024-09-01', '2024-11-01', '2025-01-01',
] as const;
export const HISTORY_CHANGES_FILE = 'history/changes.csv.gz';
/** Our own data: the legal effective date of the changes of a list, where it is known (with its source). */
export const EFFECTIVE_DATES_FILE = 'history-effective-dates.csv';
export const historyListFile = (date: string) => `history/units-${date}.csv.gz`;

/**
 * The history files as stored: the lists and the changes gzipped (verbatim official files), read as
 * bytes — the start-up check hashes these without inflating 15 MB — and our effective dates as text.
 */
export type HistoryFiles = { lists: { date: string; gz: Buffer }[]; changesGz: Buffer; effectiveDates: string };

export function readHistoryFiles(dir: string = seedDataDir): HistoryFiles {
  return {
    lists: HISTORY_LIST_DATES.map((date) => ({ date, gz: readFileSync(path.join(dir, historyListFile(date))) })),
    changesGz: readFileSync(path.join(dir, HISTORY_CHANGES_FILE)),
    effectiveDates: readFileSync(path.join(dir, EFFECTIVE_DATES_FILE), 'utf8'),
  };
}

/** The files' texts, inflated. */
export function historyTexts(files: HistoryFiles): { lists: { date: string; text: string }[]; changes: string; effectiveDates: string } {
  const inflate = (gz: Buffer) => gunzipSync(gz).toString('utf8');
  return { lists: files.lists.map((l) => ({ date: l.date, text: inflate(l.gz) })), changes: inflate(files.changesGz), effectiveDates: files.effectiveDates };
}

type Notes = { add(type: string, detail: string): void };

/** A unit as one list shows it: name, division type and the code of its parent. */
export type Listed = { name: string; divisionType: string; parent: string; nameEn?: string | null };

/** The units in force on one date: provinces by code (their names), districts and communes by code. */
export type ListedState = { date: string | null; provinces: Map<string, string>; districts: Map<string, Listed>; communes: Map<string, Listed> };

const capitalize = (s: string) => (s ? s.charAt(0).toLocaleUpperCase('vi') + s.slice(1) : s);

/** Names that differ only in accents, case or spacing ("Hoà"/"Hòa", "A Roằng"/"A Roàng") are one name spelled two ways. */
export function foldName(name: string): string {
  return name.normalize('NFD').replace(/\p{M}+/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** The folded name without its type prefix: "Thị xã Kim Bảng" → "kim bang". */
export function nameStem(name: string): string {
  const prefix = typePrefix(name);
  return foldName(prefix ? name.slice(prefix.length) : name);
}

/**
 * Rows of a CSV file with a header line, as cells, with a function to read a cell by column name.
 * The lists are plain CSV (no quoted cells): split on line ends and commas, which is exact for them
 * and many times faster than csv-parse on 16 files of 1 MB (docs/units.md, "Measured"); a file
 * with any quote goes through csv-parse.
 */
export function readCsvRows(text: string): { rows: Iterable<string[]>; col: (row: string[], name: string) => string } {
  const body = text.replace(/^\uFEFF/, '');
  const quoted = body.includes('"');
  const parsed = quoted ? (parse(body, { skip_empty_lines: true, relax_column_count: true }) as string[][]) : [];
  const lines = quoted ? [] : body.split(/\r?\n/);
  const headerLine = quoted ? parsed.shift() : lines.shift()?.split(',');
  const index = new Map((headerLine ?? []).map((h, n) => [h.trim(), n]));
  // Split one line at a time: the cells die young instead of 180,000 arrays living at once.
  function* plain(): Generator<string[]> {
    for (const line of lines) if (line.trim()) yield line.split(',');
  }
  return { rows: quoted ? parsed : plain(), col: (row, name) => row[index.get(name) ?? -1] ?? '' };
}

/** The sixteen lists repeat the same names: each raw name and type is cleaned once. */
const cleaned = new Map<string, { name: string; divisionType: string }>();
const listed = (name: string, type: string, parent: string): Listed => {
  const key = `${name}\u0000${type}`;
  let c = cleaned.get(key);
  if (!c) {
    const clean = cleanName(name);
    c = { name: clean, divisionType: typePrefix(clean) ?? capitalize(cleanText(type)) };
    cleaned.set(key, c);
  }
  return { ...c, parent };
};
const provinceName = (raw: string) => listed(raw, '', '').name;

/** One dated list (`province_code, province_name, district_code, district_name, district_type, commune_code, commune_name, commune_type`). */
export function readHistoryList(text: string, date: string, notes: Notes): ListedState {
  const { rows, col } = readCsvRows(text);
  const state: ListedState = { date, provinces: new Map(), districts: new Map(), communes: new Map() };
  for (const r of rows) {
    const p = col(r, 'province_code').trim().padStart(2, '0');
    const d = col(r, 'district_code').trim().padStart(3, '0');
    const c = col(r, 'commune_code').trim();
    if (!/^\d{2}$/.test(p) || !/^\d{3}$/.test(d)) {
      notes.add('skipped-line', `${historyListFile(date)}: not a unit (${r.join(',').slice(0, 60)})`);
      continue;
    }
    if (!state.provinces.has(p)) state.provinces.set(p, provinceName(col(r, 'province_name')));
    if (!c) state.districts.set(d, listed(col(r, 'district_name'), col(r, 'district_type'), p));
    else state.communes.set(c.padStart(5, '0'), listed(col(r, 'commune_name'), col(r, 'commune_type'), d));
  }
  return state;
}

export type ChangeRow = { seenBetween: string; and: string; level: 'district' | 'commune'; code: string; change: string[]; before: Listed | null; after: Listed | null };

/** changes.csv: `seen_between, and, level, code, change, before, after` with before/after "name | type | parent code(s)". */
export function readChanges(text: string): ChangeRow[] {
  const { rows, col } = readCsvRows(text);
  const side = (raw: string): Listed | null => {
    if (!raw.trim()) return null;
    const [name = '', type = '', parent = ''] = raw.split('|').map((x) => x.trim());
    return listed(name, type, parent);
  };
  return [...rows].map((r) => ({
    seenBetween: col(r, 'seen_between').trim(),
    and: col(r, 'and').trim(),
    level: col(r, 'level').trim() as 'district' | 'commune',
    code: col(r, 'code').trim(),
    change: col(r, 'change').trim().split('+'),
    before: side(col(r, 'before')),
    after: side(col(r, 'after')),
  }));
}

/**
 * The state before the first list, undone from it with the changes seen before it: the changes
 * file starts one step earlier (September 2019), so its removed units and former names are known.
 */
export function stateBeforeFirstList(first: ListedState, changes: ChangeRow[]): ListedState {
  const state: ListedState = { date: null, provinces: new Map(first.provinces), districts: new Map(first.districts), communes: new Map(first.communes) };
  for (const c of changes.filter((r) => r.and === first.date)) {
    const map = c.level === 'district' ? state.districts : state.communes;
    if (c.before) map.set(c.code, c.before);
    else map.delete(c.code);
  }
  return state;
}

/** What changed between two states for one level, by code: the same classes as changes.csv. */
export function diffStates(a: Map<string, Listed>, b: Map<string, Listed>): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const [code, x] of a) {
    const y = b.get(code);
    if (!y) out.set(code, ['removed']);
    else {
      const kinds = [x.name !== y.name && 'renamed', x.divisionType !== y.divisionType && 'retyped', x.parent !== y.parent && 'moved'].filter((k): k is string => !!k);
      if (kinds.length) out.set(code, kinds);
    }
  }
  for (const code of b.keys()) if (!a.has(code)) out.set(code, ['added']);
  return out;
}

// ---------------------------------------------------------------------------------------------
// Effective dates

type EffectiveRule = { listedOn: string; province: string; district: string | null; effective: string };

function readEffectiveDates(text: string, listDates: readonly (string | null)[], notes: Notes): EffectiveRule[] {
  const { rows, col } = readCsvRows(text);
  const rules: EffectiveRule[] = [];
  for (const r of rows) {
    const listedOn = col(r, 'listed_on').trim();
    const effective = col(r, 'effective').trim();
    const i = listDates.indexOf(listedOn);
    const previous = i > 0 ? listDates[i - 1] : undefined;
    // A change seen first on list i happened after list i-1 and no later than list i.
    if (i <= 0 || !/^\d{4}-\d{2}-\d{2}$/.test(effective) || effective > listedOn || (previous && effective <= previous)) {
      notes.add('bad-effective-date', `${EFFECTIVE_DATES_FILE}: "${r.join(',').slice(0, 80)}" is not a day between two lists; ignored`);
      continue;
    }
    const district = col(r, 'district_code').trim();
    rules.push({ listedOn, province: col(r, 'province_code').trim().padStart(2, '0'), district: district ? district.padStart(3, '0') : null, effective });
  }
  return rules;
}

// ---------------------------------------------------------------------------------------------
// Versions

/** A name a unit bore from state `from` on. */
export type NamePeriod = { from: number; name: string; divisionType: string };

/** One unit: a code under one parent, from its first list to its last (a renamed unit stays one version). */
export type UnitVersion = {
  kind: 'district' | 'commune';
  code: string;
  /** Index of the first and last state that list it. */
  first: number;
  last: number;
  periods: NamePeriod[];
  /** Districts: the province code; communes: the district version. */
  province: string;
  parent: UnitVersion | null;
  nameEn: string | null;
};

export type HistorySuccession = {
  predecessor: UnitVersion;
  successor: UnitVersion;
  kind: SuccessionKind;
  /** official: the same code under another parent; inferred: the rule found one; ambiguous: the rule's fallback. */
  basis: 'official' | 'inferred' | 'ambiguous';
  /** The link a partial predecessor's records follow (most of its communes went there). */
  preferred: boolean;
  /** State index at which the predecessor was no longer listed. */
  at: number;
  /** Why the rule chose it, for the import's listing. */
  reason: 'moved' | 'communes' | 'unique' | 'same-name' | 'several' | 'none';
};

export type HistoryModel = {
  /** State 0 is the one before the first list; the last is the list of 4 January 2025. */
  states: ListedState[];
  districts: UnitVersion[];
  communes: UnitVersion[];
  /** Former and current names of each province code, by state. */
  provinceNames: Map<string, NamePeriod[]>;
  successions: HistorySuccession[];
  /**
   * The day a change of `code` first seen on state `i` took effect: the list's date, unless a rule
   * of history-effective-dates.csv names the unit's province (and district, before or after).
   */
  changeDate: (i: number, kind: 'province' | 'district' | 'commune', code: string) => string;
  /** The version of a code listed on the last state. */
  lastVersion: (kind: 'district' | 'commune', code: string) => UnitVersion | undefined;
};

/** The name of a version on its last state. */
export const lastName = (v: UnitVersion) => v.periods[v.periods.length - 1]!;

/**
 * Builds the versions from the states (oldest first; the last one is the 4 January 2025 list).
 * A code is one version while it keeps its parent (a district version for a commune): a renamed
 * or retyped unit keeps its identity with its former names; a unit listed under another parent
 * is a new version, succeeded "unchanged" by its predecessor (official: the code says so).
 */
export function buildHistory(states: ListedState[], effectiveDatesText: string, notes: Notes): HistoryModel {
  const dates = states.map((s) => s.date);
  const rules = readEffectiveDates(effectiveDatesText, dates, notes);
  const changeDate = (i: number, kind: 'province' | 'district' | 'commune', code: string) => {
    const listedOn = dates[i]!;
    const sides = [states[i - 1], states[i]].filter((x): x is ListedState => !!x);
    let provinces: string[];
    let districtCodes: string[] = [];
    if (kind === 'province') provinces = [code];
    else if (kind === 'district') {
      districtCodes = [code];
      provinces = sides.flatMap((st) => st.districts.get(code)?.parent ?? []);
    } else {
      districtCodes = sides.flatMap((st) => st.communes.get(code)?.parent ?? []);
      provinces = sides.flatMap((st) => districtCodes.flatMap((d) => st.districts.get(d)?.parent ?? []));
    }
    const rule = rules.find((r) => r.listedOn === listedOn && provinces.includes(r.province) && (r.district === null || districtCodes.includes(r.district)));
    return rule?.effective ?? listedOn;
  };

  const districts: UnitVersion[] = [];
  const communes: UnitVersion[] = [];
  const openDistricts = new Map<string, UnitVersion>();
  const openCommunes = new Map<string, UnitVersion>();
  const successions: HistorySuccession[] = [];

  const advance = (open: Map<string, UnitVersion>, all: UnitVersion[], kind: 'district' | 'commune', i: number, units: Map<string, Listed>, parentOf: (l: Listed) => { province: string; parent: UnitVersion | null }) => {
    const moved: [UnitVersion, UnitVersion][] = [];
    for (const [code, l] of units) {
      const { province, parent } = parentOf(l);
      const v = open.get(code);
      if (v && v.parent === parent && v.province === province) {
        v.last = i;
        const period = v.periods[v.periods.length - 1]!;
        // A new name (type prefix included) starts a period; another spelling of the same name does not.
        if (period.name !== l.name && foldName(period.name) !== foldName(l.name)) v.periods.push({ from: i, name: l.name, divisionType: l.divisionType });
        else Object.assign(period, { name: l.name, divisionType: l.divisionType });
        v.nameEn = l.nameEn ?? null;
        continue;
      }
      const next: UnitVersion = { kind, code, first: i, last: i, periods: [{ from: i, name: l.name, divisionType: l.divisionType }], province, parent, nameEn: l.nameEn ?? null };
      all.push(next);
      open.set(code, next);
      if (v) moved.push([v, next]);
    }
    for (const [code, v] of open) if (v.last < i && !units.has(code)) open.delete(code);
    for (const [before, after] of moved) successions.push({ predecessor: before, successor: after, kind: 'unchanged', basis: 'official', preferred: false, at: i, reason: 'moved' });
  };

  states.forEach((state, i) => {
    advance(openDistricts, districts, 'district', i, state.districts, (l) => ({ province: l.parent, parent: null }));
    advance(openCommunes, communes, 'commune', i, state.communes, (l) => {
      const parent = openDistricts.get(l.parent);
      if (!parent || parent.last !== i) throw new Error(`list ${dates[i] ?? 'before 2019-12-01'}: commune of district ${l.parent}, which it does not list`);
      return { province: parent.province, parent };
    });
  });

  // Which versions each state lists, to find where removed units went.
  const byState = (versions: UnitVersion[]) => {
    const out = states.map(() => new Map<string, UnitVersion>());
    for (const v of versions) for (let i = v.first; i <= v.last; i++) out[i]!.set(v.code, v);
    return out;
  };
  const districtsAt = byState(districts);
  const communesAt = byState(communes);
  const movedAway = new Set(successions.map((s) => s.predecessor));
  const last = states.length - 1;

  // A district no longer listed: where its communes went (the districts their codes are listed under next).
  const districtTargets = new Map<UnitVersion, UnitVersion[]>();
  for (const d of districts) {
    if (d.last === last || movedAway.has(d)) continue;
    const i = d.last + 1;
    const counts = new Map<UnitVersion, number>();
    for (const c of communesAt[d.last]!.values()) {
      if (c.parent !== d) continue;
      const after = communesAt[i]!.get(c.code)?.parent;
      if (after) counts.set(after, (counts.get(after) ?? 0) + 1);
    }
    const targets = [...counts].sort(([a, x], [b, y]) => y - x || a.code.localeCompare(b.code));
    if (!targets.length) {
      notes.add('no-successor', `district ${d.code} "${lastName(d).name}" (until ${dates[i]}): none of its communes is listed afterwards; its records follow its province`);
      continue;
    }
    districtTargets.set(d, targets.map(([t]) => t));
    targets.forEach(([t], n) => successions.push({ predecessor: d, successor: t, kind: targets.length === 1 ? 'whole' : 'partial', basis: 'inferred', preferred: n === 0 && targets.length > 1, at: i, reason: 'communes' }));
  }

  // Communes new or renamed on state i (type prefix included; another spelling is no new name).
  const changed = new Map<number, UnitVersion[]>();
  const changedAt = (i: number) => {
    let list = changed.get(i);
    if (!list) {
      const previous = communesAt[i - 1]!;
      list = [...communesAt[i]!.values()].filter((k) => {
        const before = previous.get(k.code);
        if (!before) return true;
        const [a, b] = [lastNameAt(before, i - 1).name, lastNameAt(k, i).name];
        return a !== b && foldName(a) !== foldName(b);
      });
      changed.set(i, list);
    }
    return list;
  };

  // A commune no longer listed: the one commune of its district (or of where its district went)
  // that is new or renamed at the same time; among several, the one now bearing its name; else
  // (ambiguous) its district, or where its district went.
  for (const c of communes) {
    if (c.last === last || movedAway.has(c)) continue;
    const i = c.last + 1;
    const district = c.parent!;
    const areas = district.last >= i ? [district] : (districtTargets.get(district) ?? []);
    const candidates = changedAt(i).filter((k) => k.parent && areas.includes(k.parent));
    let chosen: UnitVersion | undefined;
    let reason: HistorySuccession['reason'] = candidates.length ? 'several' : 'none';
    if (candidates.length === 1) {
      chosen = candidates[0];
      reason = 'unique';
    } else {
      const stem = nameStem(lastName(c).name);
      const named = candidates.filter((k) => nameStem(lastNameAt(k, i).name) === stem);
      if (named.length === 1) {
        chosen = named[0];
        reason = 'same-name';
      }
    }
    if (chosen) {
      successions.push({ predecessor: c, successor: chosen, kind: 'whole', basis: 'inferred', preferred: false, at: i, reason });
      continue;
    }
    const fallback = areas[0];
    if (!fallback) {
      notes.add('no-successor', `commune ${c.code} "${lastName(c).name}" (until ${dates[i]}): its district went nowhere; its records follow its district`);
      continue;
    }
    successions.push({ predecessor: c, successor: fallback, kind: 'whole', basis: 'ambiguous', preferred: false, at: i, reason });
  }

  const provinceNames = new Map<string, NamePeriod[]>();
  states.forEach((state, i) => {
    for (const [code, name] of state.provinces) {
      const periods = provinceNames.get(code) ?? [];
      const p = periods[periods.length - 1];
      if (!p || foldName(p.name) !== foldName(name)) periods.push({ from: i, name, divisionType: typePrefix(name) === 'Thành phố' ? 'Thành phố trung ương' : 'Tỉnh' });
      else p.name = name;
      provinceNames.set(code, periods);
    }
  });

  const lastDistricts = districtsAt[last]!;
  const lastCommunes = communesAt[last]!;
  return {
    states,
    districts,
    communes,
    provinceNames,
    successions,
    changeDate,
    lastVersion: (kind, code) => (kind === 'district' ? lastDistricts : lastCommunes).get(code),
  };
}

/** The name period of a version in force on state `i`. */
function lastNameAt(v: UnitVersion, i: number): NamePeriod {
  return [...v.periods].reverse().find((p) => p.from <= i) ?? v.periods[0]!;
}
