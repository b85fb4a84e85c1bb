/**
 * The daily digest: per handling unit, how many open petitions are due soon and how many are
 * overdue; overdue ones also count, as escalated, at every unit above (the parent's view shows
 * what its subtree let slip). Called by the API, the CLI (`danvan petitions digest`), and once a
 * day by the scheduled job that stores it (`petition_digests`) for the work queue to read.
 */
import type { DigestRow } from '../../../common/petitions.js';
import type { Actor } from '../../http/access.js';
import { can } from '../../http/access.js';
import type { Ctx } from '../../http/context.js';
import { getReadableUnit } from '../units/units.service.js';
import * as digests from './petitions-digest.repository.js';
import * as repo from './petitions.repository.js';
import { dueWindow } from './petitions.service.js';

export type Digest = { date: string; dueSoonUntil: string; items: DigestRow[] };

/** The digest of every unit with something due, under `underPath` when given, ordered by unit path. */
export async function computeDigest(ctx: Ctx, opts: { date?: string; underPath?: string } = {}): Promise<Digest> {
  const { today, soonLimit } = await dueWindow(ctx.db, opts.date);
  const counted = await repo.countDueByHandlingUnit(ctx.db, today, soonLimit, opts.underPath);
  const rows = new Map<string, DigestRow & { path: string }>();
  const row = (id: string, path: string) => {
    let r = rows.get(id);
    if (!r) rows.set(id, (r = { unit: { id, name: '' }, path, dueSoon: 0, overdue: 0, escalatedOverdue: 0 }));
    return r;
  };
  for (const c of counted) {
    const own = row(c.unit_id, c.path);
    own.unit.name = c.unit_name;
    own.dueSoon += c.due_soon;
    own.overdue += c.overdue;
    if (!c.overdue) continue;
    const ids = c.path.split('.');
    for (let i = ids.length - 1; i > 0; i--) {
      const ancestorPath = ids.slice(0, i).join('.');
      // Within a digest asked for one subtree, the units above it are not reported.
      if (opts.underPath && !`${ancestorPath}.`.startsWith(`${opts.underPath}.`)) break;
      row(ids[i - 1]!, ancestorPath).escalatedOverdue += c.overdue;
    }
  }
  const names = await repo.findUnitNames(ctx.db, [...rows.values()].filter((r) => !r.unit.name).map((r) => r.unit.id));
  for (const r of rows.values()) if (!r.unit.name) r.unit.name = names.get(r.unit.id) ?? r.unit.id;
  const items = [...rows.values()].sort((a, b) => a.path.localeCompare(b.path, 'en', { numeric: true })).map(({ path: _path, ...r }) => r);
  return { date: today, dueSoonUntil: soonLimit, items };
}

/** The digest as the actor may see it: of a unit's subtree, or of the units the actor reads. */
export async function digestFor(ctx: Ctx, actor: Actor, unitId?: string): Promise<Digest> {
  const under = unitId ? await getReadableUnit(ctx, actor, unitId) : undefined;
  const digest = await computeDigest(ctx, { underPath: under?.path });
  if (under) return digest;
  const paths = await repo.findUnitPaths(ctx.db, digest.items.map((i) => i.unit.id));
  return { ...digest, items: digest.items.filter((i) => can(actor, 'units.read', paths.get(i.unit.id) ?? '~')) };
}

/**
 * Computes the digest of `day` for the whole country and stores it in place of any earlier one
 * of that day. Answers the number of units in it.
 */
export async function storeDailyDigest(ctx: Ctx, day: string): Promise<number> {
  const digest = await computeDigest(ctx, { date: day });
  await digests.replaceDigest(ctx.db, digest.date, digest.dueSoonUntil, digest.items);
  return digest.items.length;
}
