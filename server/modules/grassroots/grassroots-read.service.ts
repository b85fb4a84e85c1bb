/** The reads of slice D: lists of a commune's year, its items' states, the figures rolled up, the catalogues and the public page. */
import type { CommuneYearQuery, FigureRow, GrassrootsFigures, ItemState, ItemYearList, PublicGrassroots } from '../../../common/grassroots.js';
import { GRASSROOTS_LIMITS } from '../../../common/grassroots.js';
import { AppError } from '../../errors.js';
import type { Actor } from '../../http/access.js';
import type { Ctx } from '../../http/context.js';
import { readableArea } from '../../http/record-area.js';
import { findFigures, findUnitNames, type FigureRecord } from './grassroots-figures.repository.js';
import * as repo from './grassroots.repository.js';
import { readableUnit } from './grassroots.service.js';

type Paging = { limit: number; offset: number };

export async function listPublications(ctx: Ctx, actor: Actor, q: CommuneYearQuery & Paging) {
  const u = await readableUnit(ctx, actor, q.unitId);
  return repo.findPublications(ctx.db, { unitId: u.id, year: q.year, limit: q.limit, offset: q.offset });
}

export async function listDecisions(ctx: Ctx, actor: Actor, q: CommuneYearQuery & Paging) {
  const u = await readableUnit(ctx, actor, q.unitId);
  return repo.findDecisions(ctx.db, { unitId: u.id, year: q.year, limit: q.limit, offset: q.offset });
}

/** What waits for review under a unit (its subtree, and retired units counting under it). */
export async function listPending(ctx: Ctx, actor: Actor, unitId: string) {
  const area = await readableArea(ctx.db, actor, unitId);
  return repo.findPending(ctx.db, area, GRASSROOTS_LIMITS.page);
}

/**
 * The items are a commune's duty (Luật 10/2022/QH15 art. 11 binds the commune): a province's or the
 * country's "items" would be its own few records read as if it were a commune, so any other unit is
 * refused, naming the field; the figures are what a province reads.
 */
export async function listItemYears(ctx: Ctx, actor: Actor, q: CommuneYearQuery): Promise<ItemYearList> {
  const u = await readableUnit(ctx, actor, q.unitId);
  if (u.kind !== 'commune') {
    throw new AppError('VALIDATION_FAILED', 'unitId: the items to publish are listed for a commune; choose a commune, or read the figures of this unit', [
      { path: 'querystring.unitId', message: 'must be a commune (xã, phường, đặc khu)', code: 'not_commune' },
    ]);
  }
  const rows = await repo.findItemYears(ctx.db, u.id, q.year);
  const state = (r: (typeof rows)[number]): ItemState => (r.publications === 0 ? 'never' : r.late > 0 ? 'overdue' : 'published');
  return {
    year: q.year,
    items: rows.map((r) => ({ itemCode: r.item_code, requiredYearly: r.required_yearly, state: state(r), publications: r.publications, lastPublishedOn: r.last_published_on, lastDocumentTitle: r.last_document_title })),
  };
}

export async function getCatalogues(ctx: Ctx) {
  const c = await repo.findCatalogues(ctx.db);
  return {
    items: c.items.map((i) => ({ code: i.code, names: i.names, legalSource: i.legal_source, toConfirm: i.to_confirm, requiredYearly: i.required_yearly, deadlineDays: i.deadline_days })),
    forms: c.forms.map((f) => ({ code: f.code, names: f.names, legalSource: f.legal_source, toConfirm: f.to_confirm })),
    matters: c.matters.map((m) => ({ code: m.code, names: m.names, legalSource: m.legal_source, toConfirm: m.to_confirm, isCovenant: m.is_covenant })),
    thresholds: c.thresholds.map((t) => ({
      id: t.id,
      matterCode: t.matter_code,
      method: t.method,
      validFrom: t.valid_from,
      validTo: t.valid_to,
      attendancePct: t.attendance_pct,
      approvalPct: t.approval_pct,
      approvalBasis: t.approval_basis,
      strict: t.strict,
      legalSource: t.legal_source,
      toConfirm: t.to_confirm,
    })),
  };
}

const row = (r: FigureRecord, unit: FigureRow['unit']): FigureRow => ({
  unit,
  communes: r.communes,
  itemsPublished: r.items_published,
  itemsOverdue: r.items_overdue,
  itemsNever: r.items_never,
  decisions: r.decisions,
  decisionsPassed: r.decisions_passed,
  covenants: r.covenants,
});

/** A unit's figures for a year with one row per child (the children whose communes or records count under it). */
export async function getFigures(ctx: Ctx, actor: Actor, q: CommuneYearQuery): Promise<GrassrootsFigures> {
  // The same reading rule as the other tabs: a commune's Front committee reads its commune's figures too.
  const u = await readableUnit(ctx, actor, q.unitId);
  const records = await findFigures(ctx.db, u.path, q.year);
  const names = await findUnitNames(ctx.db, records.flatMap((r) => (r.child ? [r.child] : [])));
  const zero: FigureRecord = { child: null, communes: 0, items_published: 0, items_overdue: 0, items_never: 0, decisions: 0, decisions_passed: 0, covenants: 0 };
  const sum = records.reduce<FigureRecord>(
    (a, r) => ({
      child: null,
      communes: a.communes + r.communes,
      items_published: a.items_published + r.items_published,
      items_overdue: a.items_overdue + r.items_overdue,
      items_never: a.items_never + r.items_never,
      decisions: a.decisions + r.decisions,
      decisions_passed: a.decisions_passed + r.decisions_passed,
      covenants: a.covenants + r.covenants,
    }),
    zero,
  );
  const children = records
    .map((r) => row(r, r.child ? { id: r.child, name: names.get(r.child) ?? r.child } : null))
    .sort((a, b) => (a.unit?.name ?? '').localeCompare(b.unit?.name ?? '', 'vi'));
  return { unit: { id: u.id, name: u.name }, year: q.year, total: row(sum, { id: u.id, name: u.name }), children };
}

/** What citizens see of a commune: approved publications and decision results, newest first. */
export async function getPublic(ctx: Ctx, unitId: string): Promise<PublicGrassroots> {
  const u = await repo.findWritableUnit(ctx.db, unitId);
  if (!u || u.category !== 'administrative') throw new AppError('NOT_FOUND', `Unit ${unitId} not found`, { what: 'unit', id: unitId });
  const r = await repo.findPublicRecords(ctx.db, u.id, GRASSROOTS_LIMITS.publicRows);
  return {
    unit: { id: u.id, name: u.name },
    publications: r.publications.map((p) => ({ itemCode: p.item_code, itemName: p.item_names.vi ?? p.item_code, documentTitle: p.document_title, documentDate: p.document_date, publishedOn: p.published_on, postedUntil: p.posted_until })),
    decisions: r.decisions.map((d) => ({
      matterName: d.matter_names.vi ?? '',
      village: d.village,
      subject: d.subject,
      decidedOn: d.decided_on,
      passed: d.passed,
      householdsTakingPart: d.households_taking_part,
      eligibleHouseholds: d.eligible_households,
      inFavour: d.in_favour,
    })),
  };
}
