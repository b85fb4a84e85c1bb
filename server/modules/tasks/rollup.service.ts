/**
 * The roll-up of a document (docs/leadership-loop.md §3 "Roll-up"): leaf figures under a unit, by
 * its children in today's tree, read from the summaries the tasks triggers keep, so a country-wide
 * document of 50,000 tasks is summed over a few thousand rows.
 */
import { todayInVietnam } from '../../../common/units.js';
import { type Actor, can } from '../../http/access.js';
import type { Ctx } from '../../http/context.js';
import { getReadableDocument } from '../policy-documents/policy-documents.service.js';
import { findAncestorRefs } from '../units/units.repository.js';
import { getReadableUnit } from '../units/units.service.js';
import * as repo from './tasks.repository.js';

const ZERO: repo.TotalsRecord = { leaves: 0, done: 0, open: 0, overdue: 0, due_soon: 0, units_tasked: 0, units_reported: 0 };

const add = (a: repo.TotalsRecord, b: repo.TotalsRecord): repo.TotalsRecord => ({
  leaves: a.leaves + b.leaves,
  done: a.done + b.done,
  open: a.open + b.open,
  overdue: a.overdue + b.overdue,
  due_soon: a.due_soon + b.due_soon,
  units_tasked: a.units_tasked + b.units_tasked,
  units_reported: a.units_reported + b.units_reported,
});

export async function getRollup(ctx: Ctx, actor: Actor, documentId: string, unitId: string, today = todayInVietnam()) {
  await getReadableDocument(ctx, actor, documentId);
  const unit = await getReadableUnit(ctx, actor, unitId);
  const [rows, ancestors] = await Promise.all([repo.findRollup(ctx.db, documentId, unit.path, today), findAncestorRefs(ctx.db, unit.path)]);
  // The breadcrumb goes up only as far as the reader reads: a commune's reader is not shown its province.
  const labels = unit.path.split('.');
  const readable = ancestors.filter((a) => can(actor, 'units.read', labels.slice(0, labels.indexOf(a.id) + 1).join('.')));
  const childRows = rows.filter((r): r is repo.RollupRecord & { child: string } => r.child !== null);
  const units = new Map((await repo.findRollupUnits(ctx.db, childRows.map((r) => r.child))).map((u) => [u.id, u]));
  const own = rows.find((r) => r.child === null) ?? { ...ZERO, child: null };
  return {
    documentId,
    unit,
    ancestors: readable,
    today,
    totals: rows.reduce(add, ZERO),
    own,
    children: childRows
      .map((r) => ({ ...r, unit: units.get(r.child)! }))
      .filter((r) => r.unit)
      .sort((a, b) => a.unit.name.localeCompare(b.unit.name, 'vi')),
  };
}
