/**
 * The units of their day in the demo (issue 11): Thành phố Ninh Bình, a district until it was merged
 * into Thành phố Hoa Lư on 1 January 2025, with its communes and, added for its years, its
 * organizations; its records of 2021–2024 brought in as an office would — the import template
 * filled in with the history columns (states and dates, numbers typed the Vietnamese way) and
 * imported through the import service, the same path as `POST /api/entries/import`; and the
 * district's periodic review of the third quarter of 2023, which lists the entries registered then.
 * Today's Tỉnh Ninh Bình counts them all through the attribution (docs/reports.md).
 *
 * Idempotent: organizations by parent and name, the file imported only while one of its entries is
 * missing (the import itself leaves existing ones unchanged), the review by unit and range.
 */
import ExcelJS from 'exceljs';
import type { Db } from '../db/database.js';
import { IMPORT_COLUMNS, type ImportColumnKey } from '../documents/entries-columns.js';
import { DATA_SHEET } from '../documents/entries-template.xlsx.js';
import { SYSTEM_ACTOR } from '../http/access.js';
import type { Ctx } from '../http/context.js';
import { entriesTemplate, importEntries } from '../modules/entries/entries-import.service.js';
import { titleKey } from '../modules/entries/entry-rules.js';
import { findReviewByUnitAndRange } from '../modules/reviews/reviews.repository.js';
import { createReview, updateReview } from '../modules/reviews/reviews.service.js';
import { resolveUnitRef } from '../modules/units/units-history.service.js';
import { createUnit } from '../modules/units/units.service.js';
import { DISTRICT_ORGANIZATIONS, HISTORY_LINES, type HistoryLine } from './demo-history.data.js';

/** Thành phố Ninh Bình: in force until 2025-01-01, then part of Thành phố Hoa Lư (docs/units.md). */
export const DEMO_DISTRICT_REF = 'district:369';
/** The quarter whose review the demo writes, and in which several of its entries were registered. */
export const DEMO_QUARTER = { year: 2023, quarter: 3, from: '2023-07-01', to: '2023-09-30' } as const;
export const DEMO_HISTORY_FILE = 'so-theo-doi-dan-van-kheo-tp-ninh-binh-2021-2024.xlsx';

const REVIEW_SHORTCOMINGS =
  'Một số mô hình mới đăng ký trong quý, chưa có đánh giá kết quả; việc cập nhật minh chứng ở một số phường, xã còn chậm.';

type Named = { id: string; name: string };

/** The district's organizations, each added once for the district's years (its interval by default). */
async function districtOrganizations(db: Db, ctx: Ctx, district: Named): Promise<{ byKind: Map<string, string>; added: number }> {
  const byKind = new Map<string, string>();
  let added = 0;
  for (const org of DISTRICT_ORGANIZATIONS) {
    const existing = await db.selectFrom('units').select('id').where('parent_id', '=', district.id).where('name', '=', org.name).executeTakeFirst();
    // Omitted validFrom/validTo under a retired unit: from its first day to its last (docs/units.md).
    const id = existing?.id ?? (await createUnit(ctx, SYSTEM_ACTOR, { parentId: district.id, kind: org.kind, name: org.name })).id;
    if (!existing) added++;
    byKind.set(org.kind, id);
  }
  return { byKind, added };
}

/** The district's communes by official code (its historical subtree). */
async function districtCommunes(db: Db, district: Named): Promise<Map<string, Named>> {
  const rows = await db.selectFrom('units').select(['id', 'name', 'code']).where('parent_id', '=', district.id).where('kind', '=', 'commune').execute();
  return new Map(rows.map((r) => [r.code ?? '', { id: r.id, name: r.name }]));
}

/** A line as the office writes its unit cell: the district by level and code, an organization by its id, a commune by name and district. */
function unitCell(line: HistoryLine, district: Named, orgs: Map<string, string>, communes: Map<string, Named>): { cell: string; unitId: string } | null {
  if ('district' in line.unit) return { cell: 'huyện:369', unitId: district.id };
  if ('org' in line.unit) {
    const id = orgs.get(line.unit.org);
    return id ? { cell: `#${id}`, unitId: id } : null;
  }
  const commune = communes.get(line.unit.commune);
  return commune ? { cell: `${commune.name}, ${district.name}`, unitId: commune.id } : null;
}

function sheetValues(line: HistoryLine, unit: string): Partial<Record<ImportColumnKey, string | number>> {
  return {
    unit,
    level: line.level,
    kind: line.kind,
    form: line.form,
    field: line.field,
    year: line.year,
    title: line.title,
    description: line.description,
    participantsCount: line.participantsCount,
    moneyVnd: line.moneyVnd,
    workingDays: line.workingDays,
    landM2: line.landM2,
    registeredOn: line.registeredOn,
    acceptedOn: line.acceptedOn,
    evaluationResult: line.evaluation?.result,
    evaluationScore: line.evaluation?.score,
    evaluatedOn: line.evaluation?.on,
    recognisedOn: line.recognisedOn,
    replicatedFrom: line.replicatedFrom,
  };
}

/** The import template (as `GET /api/entries/import-template.xlsx` serves it) with the lines filled in under its header. */
async function filledTemplate(ctx: Ctx, lines: { line: HistoryLine; cell: string }[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  // exceljs types its argument as an ArrayBuffer; it takes a Buffer (as the tests read the template).
  await wb.xlsx.load((await entriesTemplate(ctx, SYSTEM_ACTOR)) as unknown as ArrayBuffer);
  const sheet = wb.getWorksheet(DATA_SHEET);
  if (!sheet) throw new Error(`The import template has no sheet "${DATA_SHEET}"`);
  // Columns by their header, as the import finds them.
  const columnOf = new Map<string, number>();
  sheet.getRow(1).eachCell((cell, col) => {
    const key = IMPORT_COLUMNS.find((c) => c.header === String(cell.value ?? ''))?.key;
    if (key) columnOf.set(key, col);
  });
  lines.forEach(({ line, cell }, i) => {
    const row = sheet.getRow(i + 2);
    for (const [key, value] of Object.entries(sheetValues(line, cell))) {
      const col = columnOf.get(key);
      if (col !== undefined && value !== undefined) row.getCell(col).value = value;
    }
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export type DemoHistory = { units: number; entries: number; reviews: number };

export async function loadDemoHistory(db: Db, ctx: Ctx): Promise<DemoHistory> {
  const district = await resolveUnitRef(db, DEMO_DISTRICT_REF).then(
    (r) => r.unit,
    () => null,
  );
  // Without the official units (a bare test database) there is no district to show.
  if (!district) return { units: 0, entries: 0, reviews: 0 };
  const orgs = await districtOrganizations(db, ctx, district);
  const communes = await districtCommunes(db, district);
  const lines = HISTORY_LINES.flatMap((line) => {
    const unit = unitCell(line, district, orgs.byKind, communes);
    return unit ? [{ line, ...unit }] : [];
  });

  let entries = 0;
  const present = await db
    .selectFrom('entries')
    .select(['registering_unit_id', 'year', 'title_key'])
    .where('registering_unit_id', 'in', [...new Set(lines.map((l) => l.unitId))])
    .execute();
  const have = new Set(present.map((e) => `${e.registering_unit_id}|${e.year}|${e.title_key}`));
  if (lines.some((l) => !have.has(`${l.unitId}|${l.line.year}|${titleKey(l.line.title)}`))) {
    const result = await importEntries(ctx, SYSTEM_ACTOR, await filledTemplate(ctx, lines), { fileName: DEMO_HISTORY_FILE, lang: 'vi' });
    entries = result.created;
  }

  let reviews = 0;
  if (!(await findReviewByUnitAndRange(db, district.id, DEMO_QUARTER.from, DEMO_QUARTER.to))) {
    const review = await createReview(ctx, SYSTEM_ACTOR, { unitId: district.id, period: 'quarter', year: DEMO_QUARTER.year, quarter: DEMO_QUARTER.quarter });
    const { version } = await updateReview(ctx, SYSTEM_ACTOR, review.id, { shortcomings: REVIEW_SHORTCOMINGS, version: review.version });
    await updateReview(ctx, SYSTEM_ACTOR, review.id, { status: 'final', version });
    reviews++;
  }
  return { units: orgs.added, entries, reviews };
}
