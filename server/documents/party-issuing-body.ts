/**
 * Who issues a unit's Party documents, by default: the heading's lines (the superior body and the
 * issuing body), the abbreviation after "-BC/" and the signer's title, for the unit's level and the
 * era of the document's date (not today's). A unit's own data (`unit_issuing_bodies`, set by an
 * administrator) takes precedence; these defaults cover the rest. Sources and choices:
 * docs/documents.md, "The issuing body".
 *
 * - Central: "BAN CHẤP HÀNH TRUNG ƯƠNG" / "BAN DÂN VẬN" (BDVTW); from 3 February 2025 the merged
 *   "BAN TUYÊN GIÁO VÀ DÂN VẬN" (BTGDVTW).
 * - Province: "TỈNH ỦY X" or "THÀNH ỦY X" / "BAN DÂN VẬN" (BDVTU); from 1 March 2025 "BAN TUYÊN
 *   GIÁO VÀ DÂN VẬN" (BTGDVTU). Each province merged on a day of its own (most on 1 March 2025,
 *   some in February): a province whose day differs sets it in its data.
 * - District (until 1 July 2025): "HUYỆN ỦY X" (HU), "QUẬN ỦY X" (QU), "THỊ ỦY X" / "THÀNH ỦY X"
 *   (TU) / "BAN DÂN VẬN" (BDV…); from 1 March 2025 "BAN TUYÊN GIÁO VÀ DÂN VẬN" (BTGDV…).
 * - Commune: the commune's Party committee itself (a commune has no mass mobilization
 *   commission): "ĐẢNG BỘ <its parent>" / "ĐẢNG ỦY XÃ X" (ĐU), signed "T/M ĐẢNG ỦY" / "BÍ THƯ".
 *   The parent is the district until 1 July 2025 and the province after: the unit tree says which.
 * - An organization: its own name, no symbol; it sets its data.
 */
import type { IssuingBody } from '../../common/issuing-bodies.js';
import { placeName } from '../modules/reports/report-wording.js';

export type { IssuingBody };

/** The unit (and its parent in the tree) whose document it is; `validTo` for a retired unit. */
export type IssuingUnit = { kind: string; name: string; validTo?: string | null; parent?: { kind: string; name: string } | null };

/** The first day of the merged Ban Tuyên giáo và Dân vận, by level (docs/documents.md cites the sources). */
export const MERGED_COMMISSION_FROM = { country: '2025-02-03', local: '2025-03-01' } as const;

const upper = (s: string) => s.toLocaleUpperCase('vi');

/** The day before an ISO date. */
function dayBefore(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/**
 * The era a document of `unit` dated `date` belongs to. A document of a retired unit dated after
 * its end (a 2023 report of a district printed in 2026) carries the body the unit last had.
 */
export function eraDate(unit: Pick<IssuingUnit, 'validTo'>, date: string): string {
  return unit.validTo && date >= unit.validTo ? dayBefore(unit.validTo) : date;
}

/** The Party committee of a province or district: "Tỉnh ủy", "Thành ủy", "Huyện ủy", "Quận ủy", "Thị ủy", and its letters in a symbol. */
function committeeOf(unit: IssuingUnit): { committee: string; letters: string } {
  if (unit.kind === 'province') return unit.name.startsWith('Thành phố') ? { committee: 'Thành ủy', letters: 'TU' } : { committee: 'Tỉnh ủy', letters: 'TU' };
  if (unit.name.startsWith('Quận')) return { committee: 'Quận ủy', letters: 'QU' };
  if (unit.name.startsWith('Thị xã')) return { committee: 'Thị ủy', letters: 'TU' };
  if (unit.name.startsWith('Thành phố')) return { committee: 'Thành ủy', letters: 'TU' };
  return { committee: 'Huyện ủy', letters: 'HU' };
}

/** The default issuing body of `unit`'s documents dated `date` (ISO). */
export function defaultIssuingBody(unit: IssuingUnit, date: string): IssuingBody {
  const on = eraDate(unit, date);
  if (unit.kind === 'country' || unit.kind === 'root') {
    const merged = on >= MERGED_COMMISSION_FROM.country;
    return { superior: 'BAN CHẤP HÀNH TRUNG ƯƠNG', name: merged ? 'BAN TUYÊN GIÁO VÀ DÂN VẬN' : 'BAN DÂN VẬN', symbol: merged ? 'BTGDVTW' : 'BDVTW', signerAuthority: '', signerPosition: 'TRƯỞNG BAN' };
  }
  if (unit.kind === 'province' || unit.kind === 'district') {
    const merged = on >= MERGED_COMMISSION_FROM.local;
    const { committee, letters } = committeeOf(unit);
    return {
      superior: `${upper(committee)} ${upper(placeName(unit.name))}`,
      name: merged ? 'BAN TUYÊN GIÁO VÀ DÂN VẬN' : 'BAN DÂN VẬN',
      symbol: `${merged ? 'BTGDV' : 'BDV'}${letters}`,
      signerAuthority: '',
      signerPosition: 'TRƯỞNG BAN',
    };
  }
  if (unit.kind === 'commune') {
    const type = /^(Xã|Phường|Thị trấn|Đặc khu)\s/u.exec(unit.name)?.[1] ?? 'Xã';
    return {
      superior: unit.parent ? `ĐẢNG BỘ ${upper(unit.parent.name)}` : '',
      name: `ĐẢNG ỦY ${upper(type)} ${upper(placeName(unit.name))}`,
      symbol: 'ĐU',
      signerAuthority: 'T/M ĐẢNG ỦY',
      signerPosition: 'BÍ THƯ',
    };
  }
  return { superior: '', name: upper(unit.name), symbol: '', signerAuthority: '', signerPosition: '' };
}

/**
 * The committee a document goes to "for its report", and the commission above, for the recipient
 * lines: "Thường trực Tỉnh ủy Ninh Bình", "Ban Tuyên giáo và Dân vận cấp trên".
 */
export function recipientsOf(unit: IssuingUnit, date: string): { committee: string; superiorCommission: string } {
  const on = eraDate(unit, date);
  const superiorCommission = on >= MERGED_COMMISSION_FROM.local ? 'Ban Tuyên giáo và Dân vận cấp trên' : 'Ban Dân vận cấp trên';
  if (unit.kind === 'country' || unit.kind === 'root') return { committee: 'Ban Bí thư', superiorCommission };
  if (unit.kind === 'province' || unit.kind === 'district') return { committee: `${committeeOf(unit).committee} ${placeName(unit.name)}`, superiorCommission };
  if (unit.kind === 'commune') {
    const type = /^(Xã|Phường|Thị trấn|Đặc khu)\s/u.exec(unit.name)?.[1] ?? 'Xã';
    return { committee: `Đảng ủy ${type.toLocaleLowerCase('vi')} ${placeName(unit.name)}`, superiorCommission };
  }
  return { committee: unit.name, superiorCommission };
}

/**
 * "Số 25-BC/BTGDVTU": the number, the type's letters and the issuing body's abbreviation; without
 * a number, room to write it by hand ("Số     -BC/BTGDVTU"); without an abbreviation, "Số 25-BC".
 */
export function numberAndSymbol(number: string | undefined, typeLetters: string, symbol: string): string {
  return `Số ${number?.trim() || '    '}-${typeLetters}${symbol.trim() ? `/${symbol.trim()}` : ''}`;
}
