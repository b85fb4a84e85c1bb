/**
 * The unit of a report query: `unitId`, or `unit` as a reference (`district:369@2023-09-08`,
 * `kind:code`, an id) read by the units service's `resolveUnitRef` (docs/units.md, "Units by
 * official code and date"). Who may read is the report's rule (`getReportableUnit`: the unit's own
 * path, or for a retired unit the unit in force it counts under), so a province's reader names a
 * district of 2023 that now lies in the province. What the reader may not read is answered as an
 * unknown reference, and an ambiguity lists only the candidates the reader may report on.
 */
import type { Report, ReportQuery } from '../../../common/reports.js';
import { AppError } from '../../errors.js';
import type { Actor } from '../../http/access.js';
import type { Ctx } from '../../http/context.js';
import { resolveUnitRef } from '../units/units-history.service.js';
import { type ReportFile, reportFileFor } from './report-files.js';
import type { ReportFileQuery } from './report-files.schema.js';
import { getReportableUnit, reportFor } from './reports.service.js';

/** A report query that names its unit by id or by reference (the route checks that exactly one is given). */
export type ReportQueryByRef = Omit<ReportQuery, 'unitId'> & { unitId?: string; unit?: string };

type Candidate = { id: string };

const unknownRef = (ref: string) => new AppError('NOT_FOUND', `No unit has the reference ${ref}`, { what: 'unit', unit: ref });

async function reportable(ctx: Ctx, actor: Actor, id: string): Promise<boolean> {
  try {
    await getReportableUnit(ctx, actor, id);
    return true;
  } catch (err) {
    if (err instanceof AppError && err.code === 'NOT_FOUND') return false;
    throw err;
  }
}

/** The candidates of a refusal the reader may report on (the others are not to be named). */
async function readableCandidates(ctx: Ctx, actor: Actor, err: AppError): Promise<Candidate[]> {
  const all = (err.details as { candidates?: Candidate[] } | undefined)?.candidates ?? [];
  const kept: Candidate[] = [];
  for (const c of all) if (await reportable(ctx, actor, c.id)) kept.push(c);
  return kept;
}

/**
 * The id of the unit a report query names. `unit` unknown, or outside what the reader may report
 * on → NOT_FOUND naming it; naming several the reader may report on → AMBIGUOUS_UNIT_REF with
 * those candidates (one left: that unit); malformed → VALIDATION_FAILED.
 */
export async function reportUnitId(ctx: Ctx, actor: Actor, query: { unitId?: string; unit?: string }): Promise<string> {
  if (query.unitId !== undefined) return query.unitId;
  const ref = query.unit!;
  let id: string;
  try {
    id = (await resolveUnitRef(ctx.db, ref)).unit.id;
  } catch (err) {
    if (!(err instanceof AppError) || (err.code !== 'AMBIGUOUS_UNIT_REF' && err.code !== 'NOT_FOUND')) throw err;
    const kept = await readableCandidates(ctx, actor, err);
    if (!kept.length) throw unknownRef(ref);
    if (err.code === 'AMBIGUOUS_UNIT_REF' && kept.length === 1) return kept[0]!.id;
    // The message lists every candidate; say it again with the reader's ones only.
    const details = { ...(err.details as object), candidates: kept };
    throw err.code === 'NOT_FOUND'
      ? new AppError('NOT_FOUND', `No unit with the reference ${ref} was in force that day`, details)
      : new AppError('AMBIGUOUS_UNIT_REF', `"${ref}" names ${kept.length} units; write kind:code@YYYY-MM-DD or the id`, details);
  }
  if (!(await reportable(ctx, actor, id))) throw unknownRef(ref);
  return id;
}

/** The query with its unit as an id, for the report engine. */
async function byId<Q extends ReportQueryByRef>(ctx: Ctx, actor: Actor, query: Q): Promise<Omit<Q, 'unit' | 'unitId'> & { unitId: string }> {
  const { unit: _unit, unitId: _unitId, ...rest } = query;
  return { ...rest, unitId: await reportUnitId(ctx, actor, query) };
}

/** GET /api/reports: `reportFor` with the unit named by id or by reference. */
export async function reportByRef(ctx: Ctx, actor: Actor, query: ReportQueryByRef): Promise<Report> {
  return reportFor(ctx, actor, await byId(ctx, actor, query));
}

/** GET /api/reports/file: `reportFileFor` with the unit named by id or by reference. */
export async function reportFileByRef(ctx: Ctx, actor: Actor, query: Omit<ReportFileQuery, 'unitId'> & { unitId?: string; unit?: string }): Promise<ReportFile> {
  return reportFileFor(ctx, actor, await byId(ctx, actor, query));
}
