/**
 * The report engine's `religiousAffairs` block (common/religious-affairs.ts `ReportReligiousAffairs`)
 * and its parts in the report's documents: the sentence of the narrative, the DOCX table, the XLSX
 * sheet. The registers are a state, not a flow: the block counts them for the year the report's
 * range ends in, with the figures endpoint's own query (religious-figures.repository.ts) over the
 * report unit's record area. A report goes to wide audiences, so counts of persons are always
 * suppressed (common/small-cells.ts): a cell of 1–2 persons reads "< 3", and so does a total of 1–2
 * (docs/situation.md §9, "In the report engine").
 */
import { sql } from 'kysely';
import type { ReportReligiousAffairs } from '../../../common/religious-affairs.js';
import type { Report } from '../../../common/reports.js';
import { isSmall, suppressSmallCells } from '../../../common/small-cells.js';
import type { Db } from '../../db/database.js';
import type { PartyBlock } from '../../documents/party-document.js';
import { findRecordArea } from '../../http/record-area.repository.js';
import { num } from '../reports/report-wording.js';
import { countFigures } from './religious-figures.repository.js';

export async function religiousBlockOf(db: Db, path: string, range: { to: string }): Promise<ReportReligiousAffairs> {
  const year = Number(range.to.slice(0, 4));
  const c = await countFigures(db, await findRecordArea(db, undefined, path), year);
  const sum = (cells: { n: number }[]) => cells.reduce((s, x) => s + x.n, 0);
  const { rows: named } = await sql<{ code: string; name: string }>`
    select code, names->>'vi' as name from religions where code = any(${c.dignitaries.map((x) => x.key)}::text[])
    union all select code, names->>'vi' from ethnic_groups where code = any(${c.persons.map((x) => x.key)}::text[])`.execute(db);
  return {
    year,
    names: Object.fromEntries(named.map((n) => [n.code, n.name])),
    organizations: sum(c.organizations),
    places: sum(c.places),
    dignitariesByReligion: suppressSmallCells(c.dignitaries, 'persons'),
    personsByEthnicity: suppressSmallCells(c.persons, 'persons'),
    supportAmount: c.support.reduce((s, x) => s + (x.amount ?? 0), 0),
    events: c.events.count,
  };
}

/** A count of persons as a wide audience may read it. */
export const persons = (n: number) => (isSmall(n) ? '< 3' : num(n));

const seen = (r: ReportReligiousAffairs | undefined): r is ReportReligiousAffairs =>
  !!r && r.organizations + r.places + r.dignitariesByReligion.total.n + r.personsByEthnicity.total.n + r.events > 0;

/** "Công tác dân tộc, tôn giáo (năm 2026): …" for the narrative; null when the registers are empty. */
export function religiousSentence(report: Report): string | null {
  const r = report.religiousAffairs;
  if (!seen(r)) return null;
  return (
    `Công tác dân tộc, tôn giáo (năm ${r.year}): ${num(r.organizations)} tổ chức tôn giáo, ${num(r.places)} cơ sở thờ tự; ` +
    `${persons(r.dignitariesByReligion.total.n)} chức sắc, chức việc, nhà tu hành; ${persons(r.personsByEthnicity.total.n)} người có uy tín` +
    `${r.supportAmount > 0 ? `, được hỗ trợ ${num(r.supportAmount)} đồng` : ''}; ${num(r.events)} sự kiện, lễ hội tôn giáo.`
  );
}

function tableRows(r: ReportReligiousAffairs) {
  const names = (code: string) => r.names[code] ?? code;
  const part = (title: string, t: ReportReligiousAffairs['personsByEthnicity']) => [
    ...t.cells.filter((c) => c.suppressed !== 'secondary').map((c) => [`${title}: ${names(c.key)}`, c.n === null ? '< 3' : num(c.n)]),
    ...(t.suppressedAny ? [[`${title}: khác`, t.other.n === null ? '< 3' : num(t.other.n)]] : []),
  ];
  return [
    ['Tổ chức tôn giáo', num(r.organizations)],
    ['Cơ sở thờ tự', num(r.places)],
    ['Chức sắc, chức việc, nhà tu hành', persons(r.dignitariesByReligion.total.n)],
    ...part('Chức sắc', r.dignitariesByReligion),
    ['Người có uy tín', persons(r.personsByEthnicity.total.n)],
    ...part('Người có uy tín, dân tộc', r.personsByEthnicity),
    ['Kinh phí hỗ trợ người có uy tín (đồng)', num(r.supportAmount)],
    ['Sự kiện, lễ hội tôn giáo', num(r.events)],
  ];
}

/** The DOCX's table. */
export function religiousBlocks(report: Report): PartyBlock[] {
  const r = report.religiousAffairs;
  if (!seen(r)) return [];
  return [
    { type: 'heading', level: 2, text: `Công tác dân tộc, tôn giáo (năm ${r.year})` },
    { type: 'table', header: [['Chỉ tiêu', 'Số lượng']], rows: tableRows(r) },
  ];
}

/** The XLSX's sheet (the workbook's own shape: name, title, header, widths, rows). */
export function religiousSheet(report: Report) {
  const r = report.religiousAffairs;
  if (!seen(r)) return null;
  return {
    name: 'Dân tộc, tôn giáo',
    title: `Công tác dân tộc, tôn giáo — ${report.unit.name}, năm ${r.year} (ô có 1–2 người ghi "< 3")`,
    header: ['Chỉ tiêu', 'Số lượng'],
    widths: [48, 14],
    rows: tableRows(r),
  };
}
