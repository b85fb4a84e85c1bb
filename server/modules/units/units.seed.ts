/**
 * The official lists of administrative units (server/db/seed, see its README): read, cleaned and
 * turned into the unit rows and successions that the import writes. No database here, so the
 * model can be checked on its own; docs/units.md explains the model and the anomalies handled.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import { RESTRUCTURE_DATE } from '../../../common/units.js';
import type { SuccessionKind } from '../../db/schema.js';
import { seedDataDir } from '../../paths.js';

export const SEED_FILES = {
  current: 'units-2025-07-01.json',
  legacy: 'units-legacy-2025-01-04.csv',
  conversion: 'conversion-2025-07-01.csv',
} as const;

/** Part of the checksum: bump it when the reading of the files changes, so that start-up imports again. */
export const IMPORT_MODEL_VERSION = 1;

export type OfficialKind = 'province' | 'district' | 'commune';
export const OFFICIAL_KINDS: readonly OfficialKind[] = ['province', 'district', 'commune'];

export type SeedUnit = {
  /** The natural key the import matches rows by: kind, official code, first day in force. */
  key: string;
  kind: OfficialKind;
  code: string;
  name: string;
  nameEn: string | null;
  divisionType: string;
  validFrom: string | null;
  validTo: string | null;
  /** Key of the parent unit; null: the root (Việt Nam). */
  parentKey: string | null;
};

export type SeedSuccession = { predecessorKey: string; successorKey: string; kind: SuccessionKind };

/** Something in the files that is not as it should be, and how it was handled. */
export type Anomaly = { type: string; detail: string };

export type OfficialDataset = {
  checksum: string;
  /** Parents before children: provinces, then districts, then communes. */
  units: SeedUnit[];
  successions: SeedSuccession[];
  anomalies: Anomaly[];
};

export type SeedTexts = { current: string; legacy: string; conversion: string };

export const unitKey = (kind: OfficialKind, code: string, validFrom: string | null) => `${kind}:${code}:${validFrom ?? '-'}`;

/** The three files' texts, from server/db/seed (or `dir`). */
export function readSeedTexts(dir: string = seedDataDir): SeedTexts {
  const read = (name: string) => readFileSync(path.join(dir, name), 'utf8');
  return { current: read(SEED_FILES.current), legacy: read(SEED_FILES.legacy), conversion: read(SEED_FILES.conversion) };
}

/** Reads the three files and builds the dataset. */
export function loadOfficialDataset(dir: string = seedDataDir): OfficialDataset {
  return buildOfficialDataset(readSeedTexts(dir));
}

/** Checksum of the files' contents (line endings normalised) and of the model version. */
export function seedChecksum(texts: SeedTexts): string {
  const hash = createHash('sha256').update(`danvan-units-v${IMPORT_MODEL_VERSION}\n`);
  for (const name of ['current', 'legacy', 'conversion'] as const) {
    hash.update(`${SEED_FILES[name]}\n`).update(texts[name].replace(/\r\n?/g, '\n')).update('\n');
  }
  return hash.digest('hex');
}

// ---------------------------------------------------------------------------------------------
// Cleaning

const TYPE_PREFIXES = ['Thành phố', 'Thị trấn', 'Thị xã', 'Tỉnh', 'Quận', 'Huyện', 'Phường', 'Xã', 'Đặc khu'] as const;
const PREFIX_RE = new RegExp(`^(${TYPE_PREFIXES.join('|')})(?= )`, 'iu');

/** NFC, every run of white space (tabs, newlines, no-break spaces) one space, trimmed. */
export function cleanText(raw: string): string {
  return raw.normalize('NFC').replace(/\s+/gu, ' ').trim();
}

/** cleanText, and the type prefix in its usual spelling ("Thị Trấn X" → "Thị trấn X", "xã X" → "Xã X"). */
export function cleanName(raw: string): string {
  const name = cleanText(raw);
  const m = PREFIX_RE.exec(name);
  if (!m?.[1]) return name;
  const canonical = TYPE_PREFIXES.find((p) => p.toLowerCase() === m[1]!.toLowerCase()) ?? m[1];
  return canonical + name.slice(m[1].length);
}

/** The type prefix of a name ("Huyện", "Thị xã", …), or null. */
export function typePrefix(name: string): string | null {
  const m = PREFIX_RE.exec(name);
  return m?.[1] ? (TYPE_PREFIXES.find((p) => p.toLowerCase() === m[1]!.toLowerCase()) ?? null) : null;
}

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

  const units: SeedUnit[] = [];
  const currentProvinceKey = (code: string) => unitKey('province', code, continuing.has(code) ? null : RESTRUCTURE_DATE);
  const legacyProvinceKey = (code: string) => unitKey('province', code, null);
  const byCode = <T extends { code: string }>(a: T, b: T) => a.code.localeCompare(b.code);

  for (const p of [...legacy.provinces.values()].sort(byCode)) {
    if (continuing.has(p.code)) continue;
    units.push({ key: legacyProvinceKey(p.code), kind: 'province', code: p.code, name: p.name, nameEn: null, divisionType: typePrefix(p.name) === 'Thành phố' ? 'Thành phố trung ương' : 'Tỉnh', validFrom: null, validTo: RESTRUCTURE_DATE, parentKey: null });
  }
  for (const p of [...current.provinces].sort(byCode)) {
    units.push({ key: currentProvinceKey(p.code), kind: 'province', code: p.code, name: p.name, nameEn: null, divisionType: p.divisionType, validFrom: continuing.has(p.code) ? null : RESTRUCTURE_DATE, validTo: null, parentKey: null });
  }
  for (const d of [...legacy.districts.values()].sort(byCode)) {
    units.push({ key: unitKey('district', d.code, null), kind: 'district', code: d.code, name: d.name, nameEn: null, divisionType: typePrefix(d.name) ?? 'Huyện', validFrom: null, validTo: RESTRUCTURE_DATE, parentKey: legacyProvinceKey(d.provinceCode) });
  }
  for (const c of [...legacy.communes.values()].sort(byCode)) {
    units.push({ key: unitKey('commune', c.code, null), kind: 'commune', code: c.code, name: c.name, nameEn: c.nameEn, divisionType: typePrefix(c.name) ?? capitalize(c.level), validFrom: null, validTo: RESTRUCTURE_DATE, parentKey: unitKey('district', c.districtCode, null) });
  }
  for (const c of [...current.communes.values()].sort(byCode)) {
    units.push({ key: unitKey('commune', c.code, RESTRUCTURE_DATE), kind: 'commune', code: c.code, name: c.name, nameEn: null, divisionType: c.divisionType, validFrom: RESTRUCTURE_DATE, validTo: null, parentKey: currentProvinceKey(c.provinceCode) });
  }

  const successions: SeedSuccession[] = [];
  const newCommuneKey = (code: string) => unitKey('commune', code, RESTRUCTURE_DATE);
  for (const [oldCode, links] of [...communeLinks].sort(([a], [b]) => a.localeCompare(b))) {
    for (const [newCode, l] of [...links].sort(([a], [b]) => a.localeCompare(b))) {
      successions.push({ predecessorKey: unitKey('commune', oldCode, null), successorKey: newCommuneKey(newCode), kind: l.kind });
    }
  }
  for (const [districtCode, links] of [...districtLinks].sort(([a], [b]) => a.localeCompare(b))) {
    for (const [newCode, kind] of links) successions.push({ predecessorKey: unitKey('district', districtCode, null), successorKey: newCommuneKey(newCode), kind });
  }
  for (const d of [...legacy.districts.values()].sort(byCode)) {
    const targets = [...(districtTargets.get(d.code) ?? [])].sort();
    if (!targets.length) notes.add('no-successor', `old district ${d.code} "${d.name}": none of its communes has a successor; no successor recorded`);
    for (const t of targets) successions.push({ predecessorKey: unitKey('district', d.code, null), successorKey: currentProvinceKey(t), kind: targets.length === 1 ? 'whole' : 'partial' });
  }
  for (const p of [...legacy.provinces.values()].sort(byCode)) {
    if (continuing.has(p.code)) continue;
    const targets = [...(provinceTargets.get(p.code) ?? [])].sort();
    if (!targets.length) notes.add('no-successor', `old province ${p.code} "${p.name}": no successor found`);
    for (const t of targets) successions.push({ predecessorKey: legacyProvinceKey(p.code), successorKey: currentProvinceKey(t), kind: targets.length === 1 ? 'whole' : 'partial' });
  }

  return { checksum: seedChecksum(texts), units, successions, anomalies: notes.list };
}
