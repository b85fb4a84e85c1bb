/**
 * The official lists of administrative units (server/db/seed, see its README): read, cleaned and
 * turned into the unit rows, former names and successions that the import writes — the lists of
 * 2019–2025 (units-history.seed.ts), the list of 4 January 2025 and the 1 July 2025 conversion as
 * the last steps. No database here, so the model can be checked on its own; docs/units.md explains
 * the model and the anomalies handled.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import { RESTRUCTURE_DATE } from '../../../common/units.js';
import type { SuccessionBasis, SuccessionKind } from '../../db/schema.js';
import { seedDataDir } from '../../paths.js';
import {
  buildHistory,
  EFFECTIVE_DATES_FILE,
  HISTORY_CHANGES_FILE,
  historyListFile,
  type HistoryModel,
  type HistoryFiles,
  historyTexts,
  type Listed,
  type ListedState,
  lastName,
  type ChangeRow,
  readChanges,
  readHistoryList,
  readHistoryFiles,
  stateBeforeFirstList,
  type UnitVersion,
} from './units-history.seed.js';
import { cleanName, cleanText, typePrefix } from './units-names.js';

export { cleanName, cleanText, typePrefix } from './units-names.js';

export const SEED_FILES = {
  current: 'units-2025-07-01.json',
  legacy: 'units-legacy-2025-01-04.csv',
  conversion: 'conversion-2025-07-01.csv',
} as const;

/** The date of the legacy list: the last state before the restructure (the history's lists come before it). */
export const LEGACY_LIST_DATE = '2025-01-04';

/** Part of the checksum: bump it when the reading of the files changes, so that start-up imports again. */
export const IMPORT_MODEL_VERSION = 2;

export type OfficialKind = 'province' | 'district' | 'commune';
export const OFFICIAL_KINDS: readonly OfficialKind[] = ['province', 'district', 'commune'];

/** A name a unit bore before its current one, and when. */
export type SeedName = { name: string; divisionType: string; validFrom: string | null; validTo: string };

export type SeedUnit = {
  /** The natural key the import matches rows by: kind, official code, first list that shows it. */
  key: string;
  kind: OfficialKind;
  code: string;
  name: string;
  nameEn: string | null;
  divisionType: string;
  /** The first official list showing this unit (null: the earliest the files know). Stable when a date is corrected. */
  listedFrom: string | null;
  validFrom: string | null;
  validTo: string | null;
  /** Key of the parent unit; null: the root (Việt Nam). */
  parentKey: string | null;
  /** Former names, oldest first (the current one is `name`). */
  formerNames: SeedName[];
};

export type SeedSuccession = {
  predecessorKey: string;
  successorKey: string;
  kind: SuccessionKind;
  effective: string;
  basis: Exclude<SuccessionBasis, 'manual'>;
  /** The main successor of a predecessor with several (else the attribution's own rule decides). */
  preferred: boolean;
};

/** Something in the files that is not as it should be, and how it was handled. */
export type Anomaly = { type: string; detail: string };

/** A removed unit whose successor the rule could not find: the fallback given, for a person to check. */
export type AmbiguousSuccession = { predecessorKey: string; name: string; until: string; successorKey: string; candidates: 'several' | 'none' };

export type HistoryCounts = {
  /** Units (versions) that existed only before 4 January 2025, by kind. */
  earlier: { district: number; commune: number };
  formerNames: number;
  /** Removed units whose successor the rule found (unique candidate, or the one bearing its name; districts: where their communes went). */
  inferred: number;
  /** Removed communes given their district (or where it went) for want of one candidate. */
  ambiguous: number;
  /** Units listed under another parent: one unit before, one after, linked "unchanged". */
  moved: number;
};

export type OfficialDataset = {
  checksum: string;
  /** Parents before children: provinces, then districts, then communes. */
  units: SeedUnit[];
  successions: SeedSuccession[];
  anomalies: Anomaly[];
  history: HistoryCounts;
  ambiguous: AmbiguousSuccession[];
};

export type SeedTexts = { current: string; legacy: string; conversion: string; history: HistoryFiles };

/** `kind:code:first list` ('-' for the earliest): the natural key of an official unit. */
export const unitKey = (kind: OfficialKind, code: string, listedFrom: string | null) => `${kind}:${code}:${listedFrom ?? '-'}`;

/** The files' texts, from server/db/seed (or `dir`). */
export function readSeedTexts(dir: string = seedDataDir): SeedTexts {
  const read = (name: string) => readFileSync(path.join(dir, name), 'utf8');
  return { current: read(SEED_FILES.current), legacy: read(SEED_FILES.legacy), conversion: read(SEED_FILES.conversion), history: readHistoryFiles(dir) };
}

/** Reads the files and builds the dataset. */
export function loadOfficialDataset(dir: string = seedDataDir): OfficialDataset {
  return buildOfficialDataset(readSeedTexts(dir));
}

/** Checksum of the files' contents (line endings normalised) and of the model version. */
export function seedChecksum(texts: SeedTexts): string {
  const hash = createHash('sha256').update(`danvan-units-v${IMPORT_MODEL_VERSION}\n`);
  const add = (name: string, text: string) => hash.update(`${name}\n`).update(text.replace(/\r\n?/g, '\n')).update('\n');
  for (const name of ['current', 'legacy', 'conversion'] as const) add(SEED_FILES[name], texts[name]);
  // The gzipped history as stored (binary: no line endings to normalise, nothing to inflate).
  for (const l of texts.history.lists) hash.update(`${historyListFile(l.date)}\n`).update(l.gz).update('\n');
  hash.update(`${HISTORY_CHANGES_FILE}\n`).update(texts.history.changesGz).update('\n');
  add(EFFECTIVE_DATES_FILE, texts.history.effectiveDates);
  return hash.digest('hex');
}

// ---------------------------------------------------------------------------------------------
// Cleaning

const capitalize = (s: string) => (s ? s.charAt(0).toLocaleUpperCase('vi') + s.slice(1) : s);

function padCode(raw: string, width: number, where: string): string {
  const code = raw.trim();
  if (!/^\d+$/.test(code) || code.length > width) throw new Error(`${where}: "${raw}" is not an official code of ${width} digits`);
  return code.padStart(width, '0');
}

/** The number in "Tỉnh Sơn La (14)" or "Quận Ba Đình (001)". */
function codeInParentheses(raw: string): string | null {
  return /\((\d+)\)\s*$/u.exec(raw.trim())?.[1] ?? null;
}

const sameName = (a: string, b: string) => cleanName(a).toLocaleLowerCase('vi') === cleanName(b).toLocaleLowerCase('vi');

/** The kind of a merge as the conversion table's note says it; null when the note is not understood. */
export function classifyMergeNote(raw: string): SuccessionKind | null {
  const note = cleanText(raw).toLocaleLowerCase('vi').replace(/nhâp/gu, 'nhập').replace(/ +/g, ' ');
  if (/một phần|phần còn lại/u.test(note)) return 'partial';
  if (note.startsWith('giữ nguyên') || /^đổi (tên|loại hình)/u.test(note)) return 'unchanged';
  if (/toàn bộ/u.test(note)) return 'whole';
  return null;
}

// ---------------------------------------------------------------------------------------------
// The three files

const CurrentFile = z.array(
  z.object({
    name: z.string(),
    code: z.number().int().positive(),
    division_type: z.string(),
    wards: z.array(z.object({ name: z.string(), code: z.number().int().positive(), division_type: z.string() })),
  }),
);

type LegacyProvince = { code: string; name: string };
type LegacyDistrict = { code: string; name: string; provinceCode: string };
type LegacyCommune = { code: string; name: string; nameEn: string | null; level: string; districtCode: string };
type CurrentProvince = { code: string; name: string; divisionType: string };
type CurrentCommune = { code: string; name: string; divisionType: string; provinceCode: string };

class Notes {
  readonly list: Anomaly[] = [];
  add(type: string, detail: string) {
    this.list.push({ type, detail });
  }
}

function readCurrent(text: string, notes: Notes) {
  const parsed = CurrentFile.parse(JSON.parse(text));
  const provinces: CurrentProvince[] = [];
  const communes = new Map<string, CurrentCommune>();
  for (const p of parsed) {
    const code = padCode(String(p.code), 2, SEED_FILES.current);
    provinces.push({ code, name: cleanName(p.name), divisionType: capitalize(cleanText(p.division_type)) });
    for (const w of p.wards) {
      const wCode = padCode(String(w.code), 5, SEED_FILES.current);
      const name = cleanName(w.name);
      if (name !== w.name) notes.add('name-cleaned', `${SEED_FILES.current}: commune ${wCode} "${w.name}" read as "${name}"`);
      const divisionType = capitalize(cleanText(w.division_type));
      if (typePrefix(name) !== divisionType) notes.add('type-mismatch', `${SEED_FILES.current}: commune ${wCode} "${name}" has division_type "${w.division_type}"`);
      if (communes.has(wCode)) {
        notes.add('duplicate-code', `${SEED_FILES.current}: commune code ${wCode} appears twice; the first is kept`);
        continue;
      }
      communes.set(wCode, { code: wCode, name, divisionType, provinceCode: code });
    }
  }
  return { provinces, communes };
}

function readLegacy(text: string, notes: Notes) {
  const rows = parse(text, { bom: true, relax_column_count: true, skip_empty_lines: true }) as string[][];
  const provinces = new Map<string, LegacyProvince>();
  const districts = new Map<string, LegacyDistrict>();
  const communes = new Map<string, LegacyCommune>();
  const cleaned = new Map<string, string>();
  const track = (raw: string) => {
    const name = cleanName(raw);
    if (name !== raw) cleaned.set(raw, name);
    return name;
  };
  rows.forEach((row, index) => {
    const [pName = '', pCode = '', dName = '', dCode = '', cName = '', cCode = '', level = '', en = ''] = row;
    if (!/^\s*\d+\s*$/.test(pCode)) {
      if (index > 0) notes.add('skipped-line', `${SEED_FILES.legacy} line ${index + 1}: not a unit (${row.join(',').slice(0, 60)})`);
      return;
    }
    const where = `${SEED_FILES.legacy} line ${index + 1}`;
    const province = { code: padCode(pCode, 2, where), name: track(pName) };
    const known = provinces.get(province.code);
    if (!known) provinces.set(province.code, province);
    else if (known.name !== province.name) notes.add('inconsistent', `${where}: province ${province.code} named "${province.name}" and "${known.name}"; the first is kept`);
    const district = { code: padCode(dCode, 3, where), name: track(dName), provinceCode: province.code };
    const knownDistrict = districts.get(district.code);
    if (!knownDistrict) districts.set(district.code, district);
    else if (knownDistrict.name !== district.name || knownDistrict.provinceCode !== district.provinceCode) {
      notes.add('inconsistent', `${where}: district ${district.code} given as "${district.name}" of ${district.provinceCode}, earlier "${knownDistrict.name}" of ${knownDistrict.provinceCode}; the first is kept`);
    }
    if (!cCode.trim()) {
      notes.add('district-without-communes', `${where}: ${district.name} (${district.code}) has no commune-level units (a line with the district only)`);
      return;
    }
    const commune = { code: padCode(cCode, 5, where), name: track(cName), nameEn: cleanText(en) || null, level: cleanText(level), districtCode: district.code };
    if (communes.has(commune.code)) {
      notes.add('duplicate-code', `${where}: commune code ${commune.code} appears twice; the first is kept`);
      return;
    }
    const prefix = typePrefix(commune.name);
    if (prefix && commune.level && prefix !== capitalize(commune.level)) {
      notes.add('type-mismatch', `${where}: "${commune.name}" (${commune.code}) has Cấp "${commune.level}"; the name's prefix "${prefix}" is used`);
    }
    communes.set(commune.code, commune);
  });
  if (cleaned.size) {
    const examples = [...cleaned].slice(0, 6).map(([raw, name]) => `"${raw}" → "${name}"`);
    notes.add('name-cleaned', `${SEED_FILES.legacy}: ${cleaned.size} distinct names had extra spaces or an odd capital in the type prefix, e.g. ${examples.join('; ')}`);
  }
  return { provinces, districts, communes };
}

type ConversionRow = {
  line: number;
  newProvince: string;
  newName: string;
  newCode: string;
  oldName: string;
  oldCode: string;
  note: string;
  oldDistrict: string;
  oldProvince: string;
};

function readConversion(text: string, notes: Notes): ConversionRow[] {
  const records = parse(text, { bom: true, relax_column_count: true, info: true }) as unknown as { record: string[]; info: { lines: number } }[];
  const out: ConversionRow[] = [];
  let headers = 0;
  let sections = 0;
  for (const { record, info } of records) {
    const [newProvince = '', newName = '', newCode = '', oldName = '', oldCode = '', note = '', oldDistrict = '', oldProvince = ''] = record;
    if (record.slice(1).every((c) => !c.trim())) {
      if (newProvince.trim()) sections++;
      continue;
    }
    if (!/^\s*\d+\s*$/.test(newCode)) {
      headers++;
      if (headers > 2) notes.add('skipped-line', `${SEED_FILES.conversion} line ${info.lines}: not a conversion row (${record.join(',').slice(0, 60)})`);
      continue;
    }
    out.push({ line: info.lines, newProvince, newName, newCode: padCode(newCode, 5, `${SEED_FILES.conversion} line ${info.lines}`), oldName, oldCode: oldCode.trim(), note, oldDistrict, oldProvince });
  }
  if (sections) notes.add('section-lines', `${SEED_FILES.conversion}: ${sections} section lines (a province name alone, one of them "Tỉnh Bắc Ninh (24)" rather than capitals) skipped`);
  return out;
}

// ---------------------------------------------------------------------------------------------
// The model

/** Builds the units and successions from the three files' texts (see docs/units.md). */
export function buildOfficialDataset(texts: SeedTexts): OfficialDataset {
  const notes = new Notes();
  const current = readCurrent(texts.current, notes);
  const legacy = readLegacy(texts.legacy, notes);
  const rows = readConversion(texts.conversion, notes);

  // Old commune code → new commune code → kind; old district → new commune (island districts).
  const communeLinks = new Map<string, Map<string, { kind: SuccessionKind; line: number }>>();
  const districtLinks = new Map<string, Map<string, SuccessionKind>>();
  const codesInTable = new Set(rows.map((r) => r.oldCode).filter(Boolean));
  let renamedOrVariant = 0;

  for (const row of rows) {
    const where = `${SEED_FILES.conversion} line ${row.line}`;
    const successor = current.communes.get(row.newCode);
    if (!successor) {
      notes.add('unknown-successor', `${where}: new commune ${row.newCode} "${cleanText(row.newName)}" is not in ${SEED_FILES.current}; row skipped`);
      continue;
    }
    const provinceCode = codeInParentheses(row.newProvince);
    if (provinceCode && provinceCode.padStart(2, '0') !== successor.provinceCode) {
      notes.add('inconsistent', `${where}: new commune ${row.newCode} listed under province ${provinceCode}, ${SEED_FILES.current} says ${successor.provinceCode}; the list is used`);
    }
    let kind = classifyMergeNote(row.note);
    if (!kind) {
      notes.add('unknown-note', `${where}: merge note "${cleanText(row.note)}" not understood; taken as partial`);
      kind = 'partial';
    }
    const districtCode = codeInParentheses(row.oldDistrict)?.padStart(3, '0') ?? null;

    if (!row.oldCode) {
      if (!cleanText(row.oldName) && districtCode && legacy.districts.has(districtCode)) {
        // "Sắp xếp toàn bộ huyện Côn Đảo thành đặc khu Côn Đảo": an island district without communes.
        const links = districtLinks.get(districtCode) ?? new Map<string, SuccessionKind>();
        links.set(row.newCode, kind);
        districtLinks.set(districtCode, links);
      } else {
        notes.add('no-predecessor', `${where}: "${cleanText(row.oldName)}" → ${successor.name} has no old code and is no unit; row skipped`);
      }
      continue;
    }

    let oldCode = padCode(row.oldCode, 5, where);
    let old = legacy.communes.get(oldCode);
    if (!old) {
      // The table was made months after the list: a few codes differ. Match by name within the old
      // district, among the listed communes the table does not mention by code.
      const candidates = [...legacy.communes.values()].filter(
        (c) => c.districtCode === districtCode && !codesInTable.has(c.code) && sameName(c.name, row.oldName),
      );
      if (candidates.length === 1 && candidates[0]) {
        notes.add('code-mismatch', `${where}: old commune ${oldCode} "${cleanText(row.oldName)}" is not in ${SEED_FILES.legacy}; matched by name in district ${districtCode} to ${candidates[0].code}`);
        old = candidates[0];
        oldCode = old.code;
      } else {
        notes.add('unknown-predecessor', `${where}: old commune ${oldCode} "${cleanText(row.oldName)}" (district ${districtCode ?? '?'}) is not in ${SEED_FILES.legacy}; no succession recorded for it → ${successor.name} (${successor.code})`);
        continue;
      }
    } else if (!sameName(old.name, row.oldName)) {
      renamedOrVariant++;
    }
    if (districtCode && districtCode !== old.districtCode) {
      notes.add('inconsistent', `${where}: old commune ${oldCode} listed under district ${districtCode}, ${SEED_FILES.legacy} says ${old.districtCode}; the list is used`);
    }
    const oldProvinceCode = codeInParentheses(row.oldProvince)?.padStart(2, '0');
    const oldDistrict = legacy.districts.get(old.districtCode);
    if (oldProvinceCode && oldDistrict && oldProvinceCode !== oldDistrict.provinceCode) {
      notes.add('inconsistent', `${where}: old commune ${oldCode} "${old.name}" listed under old province ${oldProvinceCode}, ${SEED_FILES.legacy} says ${oldDistrict.provinceCode}; the list is used`);
    }
    const links = communeLinks.get(oldCode) ?? new Map<string, { kind: SuccessionKind; line: number }>();
    if (links.has(row.newCode)) {
      notes.add('duplicate-row', `${where}: ${oldCode} → ${row.newCode} given twice; the first is kept`);
      continue;
    }
    links.set(row.newCode, { kind, line: row.line });
    communeLinks.set(oldCode, links);
  }
  if (renamedOrVariant) {
    notes.add('name-variant', `${SEED_FILES.conversion}: ${renamedOrVariant} rows name the old commune differently from ${SEED_FILES.legacy} (tone-mark placement "Hoà"/"Hòa", spelling, renames in early 2025); codes decide, names come from the lists`);
  }

  // A unit split among several successors cannot have gone "whole" into each.
  for (const [oldCode, links] of communeLinks) {
    if (links.size < 2) continue;
    const odd = [...links].filter(([, l]) => l.kind !== 'partial');
    if (odd.length) {
      notes.add('split-marked-whole', `old commune ${oldCode}: goes to ${[...links.keys()].join(', ')} but ${odd.map(([c, l]) => `${c} (line ${l.line})`).join(', ')} says ${odd[0]?.[1].kind}; all taken as partial`);
      for (const [, l] of odd) l.kind = 'partial';
    }
  }
  // "Unchanged" only when the successor has no other predecessor.
  const predecessorsOf = new Map<string, string[]>();
  for (const [oldCode, links] of communeLinks) for (const newCode of links.keys()) predecessorsOf.set(newCode, [...(predecessorsOf.get(newCode) ?? []), oldCode]);
  for (const [districtCode, links] of districtLinks) for (const newCode of links.keys()) predecessorsOf.set(newCode, [...(predecessorsOf.get(newCode) ?? []), `district ${districtCode}`]);
  for (const [oldCode, links] of communeLinks) {
    for (const [newCode, l] of links) {
      if (l.kind === 'unchanged' && (predecessorsOf.get(newCode)?.length ?? 0) > 1) {
        notes.add('unchanged-with-others', `old commune ${oldCode} → ${newCode} says unchanged, but ${newCode} has other predecessors; taken as whole`);
        l.kind = 'whole';
      }
    }
  }
  for (const [code, c] of legacy.communes) {
    if (!communeLinks.has(code)) notes.add('no-successor', `old commune ${code} "${c.name}" (district ${c.districtCode}) is not in the conversion table; no successor recorded`);
  }
  for (const [code, c] of current.communes) {
    if (!predecessorsOf.has(code)) notes.add('no-predecessor', `new commune ${code} "${c.name}" has no predecessor in the conversion table`);
  }

  // Which current provinces hold the area of each old district and old province.
  const districtTargets = new Map<string, Set<string>>();
  const addTarget = (districtCode: string, newCommune: string) => {
    const province = current.communes.get(newCommune)?.provinceCode;
    if (!province) return;
    const set = districtTargets.get(districtCode) ?? new Set<string>();
    set.add(province);
    districtTargets.set(districtCode, set);
  };
  for (const [oldCode, links] of communeLinks) {
    const districtCode = legacy.communes.get(oldCode)?.districtCode;
    if (districtCode) for (const newCode of links.keys()) addTarget(districtCode, newCode);
  }
  for (const [districtCode, links] of districtLinks) for (const newCode of links.keys()) addTarget(districtCode, newCode);
  const provinceTargets = new Map<string, Set<string>>();
  const provinceSources = new Map<string, Set<string>>();
  for (const [districtCode, targets] of districtTargets) {
    const oldProvince = legacy.districts.get(districtCode)?.provinceCode;
    if (!oldProvince) continue;
    for (const t of targets) {
      provinceTargets.set(oldProvince, (provinceTargets.get(oldProvince) ?? new Set()).add(t));
      provinceSources.set(t, (provinceSources.get(t) ?? new Set()).add(oldProvince));
    }
  }

  // A legacy province continues as one unit when code and name match a current one and its area
  // is the same: all of it went there, and nothing else did.
  const continuing = new Set<string>();
  const currentByCode = new Map(current.provinces.map((p) => [p.code, p]));
  for (const [code, old] of legacy.provinces) {
    const now = currentByCode.get(code);
    const targets = provinceTargets.get(code);
    const sources = provinceSources.get(code);
    if (now && sameName(now.name, old.name) && targets?.size === 1 && targets.has(code) && sources?.size === 1 && sources.has(code)) continuing.add(code);
  }

  // The units of their day: the dated lists of 2019–2025, ending with the legacy list.
  const history = readHistory(texts, legacy, notes);
  const last = history.states.length - 1;
  const listedOn = (i: number) => history.states[i]!.date;
  const versionKey = (v: UnitVersion) => unitKey(v.kind, v.code, v.first === 0 ? null : listedOn(v.first));
  const legacyKey = (kind: 'district' | 'commune', code: string) => {
    const v = history.lastVersion(kind, code);
    if (!v) throw new Error(`${kind} ${code} of ${SEED_FILES.legacy} has no version in the history`);
    return versionKey(v);
  };
  const formerNames = (periods: { from: number; name: string; divisionType: string }[], validFrom: string | null, dateOf: (i: number) => string): SeedName[] =>
    periods.slice(0, -1).map((p, n) => ({ name: p.name, divisionType: p.divisionType, validFrom: n === 0 ? validFrom : dateOf(p.from), validTo: dateOf(periods[n + 1]!.from) }));

  const units: SeedUnit[] = [];
  const currentProvinceKey = (code: string) => unitKey('province', code, continuing.has(code) ? null : RESTRUCTURE_DATE);
  const legacyProvinceKey = (code: string) => unitKey('province', code, null);
  const byCode = <T extends { code: string }>(a: T, b: T) => a.code.localeCompare(b.code);
  const provinceFormerNames = (code: string) => formerNames(history.provinceNames.get(code) ?? [], null, (i) => history.changeDate(i, 'province', code));

  for (const p of [...legacy.provinces.values()].sort(byCode)) {
    if (continuing.has(p.code)) continue;
    units.push({ key: legacyProvinceKey(p.code), kind: 'province', code: p.code, name: p.name, nameEn: null, divisionType: typePrefix(p.name) === 'Thành phố' ? 'Thành phố trung ương' : 'Tỉnh', listedFrom: null, validFrom: null, validTo: RESTRUCTURE_DATE, parentKey: null, formerNames: provinceFormerNames(p.code) });
  }
  for (const p of [...current.provinces].sort(byCode)) {
    const from = continuing.has(p.code) ? null : RESTRUCTURE_DATE;
    units.push({ key: currentProvinceKey(p.code), kind: 'province', code: p.code, name: p.name, nameEn: null, divisionType: p.divisionType, listedFrom: from, validFrom: from, validTo: null, parentKey: null, formerNames: continuing.has(p.code) ? provinceFormerNames(p.code) : [] });
  }
  const versionUnit = (v: UnitVersion, parentKey: string): SeedUnit => {
    const dateOf = (i: number) => history.changeDate(i, v.kind, v.code);
    const validFrom = v.first === 0 ? null : dateOf(v.first);
    const now = lastName(v);
    return {
      key: versionKey(v),
      kind: v.kind,
      code: v.code,
      name: now.name,
      nameEn: v.last === last ? v.nameEn : null,
      divisionType: now.divisionType,
      listedFrom: v.first === 0 ? null : listedOn(v.first),
      validFrom,
      validTo: v.last === last ? RESTRUCTURE_DATE : dateOf(v.last + 1),
      parentKey,
      formerNames: formerNames(v.periods, validFrom, dateOf),
    };
  };
  const byVersion = (a: UnitVersion, b: UnitVersion) => a.code.localeCompare(b.code) || a.first - b.first;
  for (const d of [...history.districts].sort(byVersion)) units.push(versionUnit(d, legacyProvinceKey(d.province)));
  for (const c of [...history.communes].sort(byVersion)) units.push(versionUnit(c, versionKey(c.parent!)));
  for (const c of [...current.communes.values()].sort(byCode)) {
    units.push({ key: unitKey('commune', c.code, RESTRUCTURE_DATE), kind: 'commune', code: c.code, name: c.name, nameEn: null, divisionType: c.divisionType, listedFrom: RESTRUCTURE_DATE, validFrom: RESTRUCTURE_DATE, validTo: null, parentKey: currentProvinceKey(c.provinceCode), formerNames: [] });
  }

  const successions: SeedSuccession[] = [];
  const ambiguous: AmbiguousSuccession[] = [];
  const restructure = (predecessorKey: string, successorKey: string, kind: SuccessionKind) =>
    successions.push({ predecessorKey, successorKey, kind, effective: RESTRUCTURE_DATE, basis: 'official', preferred: false });
  for (const s of history.successions) {
    const effective = history.changeDate(s.at, s.predecessor.kind, s.predecessor.code);
    successions.push({ predecessorKey: versionKey(s.predecessor), successorKey: versionKey(s.successor), kind: s.kind, effective, basis: s.basis, preferred: s.preferred });
    if (s.basis === 'ambiguous') {
      ambiguous.push({ predecessorKey: versionKey(s.predecessor), name: lastName(s.predecessor).name, until: effective, successorKey: versionKey(s.successor), candidates: s.reason === 'several' ? 'several' : 'none' });
    }
  }
  const newCommuneKey = (code: string) => unitKey('commune', code, RESTRUCTURE_DATE);
  for (const [oldCode, links] of [...communeLinks].sort(([a], [b]) => a.localeCompare(b))) {
    for (const [newCode, l] of [...links].sort(([a], [b]) => a.localeCompare(b))) restructure(legacyKey('commune', oldCode), newCommuneKey(newCode), l.kind);
  }
  for (const [districtCode, links] of [...districtLinks].sort(([a], [b]) => a.localeCompare(b))) {
    for (const [newCode, kind] of links) restructure(legacyKey('district', districtCode), newCommuneKey(newCode), kind);
  }
  for (const d of [...legacy.districts.values()].sort(byCode)) {
    const targets = [...(districtTargets.get(d.code) ?? [])].sort();
    if (!targets.length) notes.add('no-successor', `old district ${d.code} "${d.name}": none of its communes has a successor; no successor recorded`);
    for (const t of targets) restructure(legacyKey('district', d.code), currentProvinceKey(t), targets.length === 1 ? 'whole' : 'partial');
  }
  for (const p of [...legacy.provinces.values()].sort(byCode)) {
    if (continuing.has(p.code)) continue;
    const targets = [...(provinceTargets.get(p.code) ?? [])].sort();
    if (!targets.length) notes.add('no-successor', `old province ${p.code} "${p.name}": no successor found`);
    for (const t of targets) restructure(legacyProvinceKey(p.code), currentProvinceKey(t), targets.length === 1 ? 'whole' : 'partial');
  }

  const counts: HistoryCounts = {
    earlier: { district: history.districts.filter((v) => v.last < last).length, commune: history.communes.filter((v) => v.last < last).length },
    formerNames: units.reduce((n, u) => n + u.formerNames.length, 0),
    inferred: new Set(history.successions.filter((s) => s.basis === 'inferred').map((s) => s.predecessor)).size,
    ambiguous: ambiguous.length,
    moved: history.successions.filter((s) => s.reason === 'moved').length,
  };
  return { checksum: seedChecksum(texts), units, successions, anomalies: notes.list, history: counts, ambiguous };
}

/** The history's states: the one before the first list, the dated lists, then the legacy list. */
function readHistory(texts: SeedTexts, legacy: ReturnType<typeof readLegacy>, notes: Notes): HistoryModel {
  const inflated = historyTexts(texts.history);
  const lists = inflated.lists.map((l) => readHistoryList(l.text, l.date, notes));
  const changes = readChanges(inflated.changes);
  checkChanges(lists, changes, notes);
  const legacyState: ListedState = {
    date: LEGACY_LIST_DATE,
    provinces: new Map([...legacy.provinces.values()].map((p) => [p.code, p.name])),
    districts: new Map([...legacy.districts.values()].map((d) => [d.code, { name: d.name, divisionType: typePrefix(d.name) ?? 'Huyện', parent: d.provinceCode }])),
    communes: new Map(
      [...legacy.communes.values()].map((c) => [c.code, { name: c.name, divisionType: typePrefix(c.name) ?? capitalize(c.level), parent: c.districtCode, nameEn: c.nameEn } satisfies Listed]),
    ),
  };
  return buildHistory([stateBeforeFirstList(lists[0]!, changes), ...lists, legacyState], texts.history.effectiveDates, notes);
}

/**
 * The changes file and the lists must tell the same story: each list with the changes of its step
 * applied gives the next list (codes, names, parents). A difference is reported, not fatal: the
 * lists are the authority.
 */
function checkChanges(lists: ListedState[], changes: ChangeRow[], notes: Notes): void {
  for (let i = 1; i < lists.length; i++) {
    const [a, b] = [lists[i - 1]!, lists[i]!];
    const step = changes.filter((c) => c.seenBetween === a.date && c.and === b.date);
    for (const level of ['district', 'commune'] as const) {
      const map = new Map(level === 'district' ? a.districts : a.communes);
      for (const c of step.filter((x) => x.level === level)) {
        if (c.after) map.set(c.code, c.after);
        else map.delete(c.code);
      }
      const want = level === 'district' ? b.districts : b.communes;
      const differ = [...new Set([...map.keys(), ...want.keys()])].filter((code) => map.get(code)?.name !== want.get(code)?.name || map.get(code)?.parent !== want.get(code)?.parent);
      if (differ.length) notes.add('changes-mismatch', `${HISTORY_CHANGES_FILE}: ${a.date} → ${b.date} does not give the ${level}s ${differ.slice(0, 5).join(', ')}${differ.length > 5 ? ' …' : ''} of the list; the lists are used`);
    }
  }
}
