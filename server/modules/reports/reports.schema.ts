/**
 * GET /api/reports: the query and the answer (the report with children by headline figures) are the
 * shared shapes of common/reports.ts; the route also takes the unit as a reference (`unit`).
 */
import { z } from 'zod';
import { ReportQuery } from '../../../common/reports.js';
import { Id } from '../../../common/units.js';

export { ReportView as ReportResponse } from '../../../common/reports.js';

/** The unit of a report named either way: by id, or by reference (docs/units.md, "Units by official code and date"). */
export const ReportUnitFields = {
  unitId: Id.optional().describe('The unit\'s id; or give `unit`'),
  unit: z
    .string()
    .trim()
    .min(1)
    .max(80)
    .optional()
    .describe('The unit as a reference: kind:code@YYYY-MM-DD (the unit of that code in force that day, e.g. district:369@2023-09-08), kind:code (in force today, else the latest) or an id; or give `unitId`'),
};

/** Exactly one of `unitId` and `unit`. */
export function withOneUnit<T extends z.ZodType<{ unitId?: string; unit?: string }>>(schema: T) {
  return schema.refine((q) => (q.unitId === undefined) !== (q.unit === undefined), { message: 'give the unit as unitId or as unit, one of the two', path: ['unitId'] });
}

export const ReportQuerystring = withOneUnit(ReportQuery.extend(ReportUnitFields));
