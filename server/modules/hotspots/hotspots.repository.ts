/** All SQL of hotspots: kinds, cases, responsible units, the timeline, links, the flash-report rule. */
import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { ReadScope } from '../policy-documents/policy-documents.repository.js';

type Q = Kysely<Database>;

// ---------------------------------------------------------------- who reads what

/**
 * The cases a reader sees (docs/situation.md §4): with units.read on the case's unit or above it;
 * a confidential case only through such a grant whose role is among its reader roles. The scope is
 * the policy documents' (`readScope`), but only upward: a commune does not read its province's cases.
 */
export function readableHotspots(scope: ReadScope, h = 'h'): RawBuilder<boolean> {
  if (scope.all) return sql<boolean>`true`;
  if (!scope.paths.length) return sql<boolean>`false`;
  const path = sql.ref(`${h}.unit_path`);
  const roles = sql.ref(`${h}.reader_roles`);
  const confidential = sql.ref(`${h}.confidential`);
  const byRole = scope.byRole.map((r) => sql`(${r.role} = any(${roles}) and ${r.paths}::ltree[] @> ${path})`);
  return sql<boolean>`((not ${confidential} and ${scope.paths}::ltree[] @> ${path})${byRole.length ? sql` or (${confidential} and (${sql.join(byRole, sql` or `)}))` : sql``})`;
}

/**
 * The cases needing the action of the unit at `path` (the work queue's figure and the list
 * `queue=action`): open, and unacknowledged below it, escalated to it or below it and not
 * acknowledged since, or worsened below it. An acknowledgement clears all three.
 */
export function needsActionOf(path: string, h = 'h'): RawBuilder<boolean> {
  const p = sql.ref(`${h}.unit_path`);
  const below = sql`(${p} <@ ${path}::ltree and ${p} <> ${path}::ltree)`;
  return sql<boolean>`(${sql.ref(`${h}.status`)} <> 'closed' and (
    (${sql.ref(`${h}.acknowledged_at`)} is null and ${below})
    or (${sql.ref(`${h}.escalated_path`)} <@ ${path}::ltree and (${sql.ref(`${h}.acknowledged_at`)} is null or ${sql.ref(`${h}.acknowledged_at`)} < ${sql.ref(`${h}.escalated_at`)}))
    or (${sql.ref(`${h}.severity`)} > ${sql.ref(`${h}.seen_severity`)} and ${below})))`;
}

// ---------------------------------------------------------------- kinds

export async function findKinds(db: Q) {
  return db.selectFrom('hotspot_kinds').select(['code', 'names']).orderBy('sort_order').orderBy('code').execute();
}

export async function kindExists(db: Q, code: string): Promise<boolean> {
  return !!(await db.selectFrom('hotspot_kinds').select('code').where('code', '=', code).executeTakeFirst());
}

// ---------------------------------------------------------------- cases

export type HotspotRecord = {
  id: string;
  unit_id: string;
  unit_path: string;
  unit_name: string;
  unit_kind: string;
  place: string;
  kind_code: string;
  title: string;
  summary: string;
  people_count: number | null;
  severity: number;
  status: 'emerging' | 'handling' | 'stabilised' | 'closed';
  occurred_at: Date;
  closed_at: Date | null;
  confidential: boolean;
  reader_roles: string[] | null;
  ack_due_at: Date;
  acknowledged_at: Date | null;
  seen_severity: number;
  overdue: boolean;
  escalated_unit_id: string | null;
  escalated_path: string | null;
  escalated_name: string | null;
  escalated_kind: string | null;
  escalated_at: Date | null;
  version: number;
};

const COLUMNS = sql`
  h.id::text, h.unit_id::text, h.unit_path::text, u.name as unit_name, u.kind as unit_kind,
  h.place, h.kind_code, h.title, h.summary, h.people_count, h.severity, h.status, h.occurred_at, h.closed_at,
  h.confidential, h.reader_roles, h.ack_due_at, h.acknowledged_at, h.seen_severity,
  (h.acknowledged_at is null and h.status <> 'closed' and h.ack_due_at < now()) as overdue,
  h.escalated_unit_id::text, h.escalated_path::text, eu.name as escalated_name, eu.kind as escalated_kind, h.escalated_at, h.version`;

const FROM = sql`hotspots h join units u on u.id = h.unit_id left join units eu on eu.id = h.escalated_unit_id`;

export async function findHotspotById(db: Q, id: string): Promise<HotspotRecord | undefined> {
  const { rows } = await sql<HotspotRecord>`select ${COLUMNS} from ${FROM} where h.id = ${id}`.execute(db);
  return rows[0];
}

export type HotspotFilter = {
  under: string;
  scope: ReadScope;
  status: 'open' | 'closed' | 'all';
  kind?: string;
  severity?: number;
  escalated?: boolean;
  /** The work queue's list of this unit path. */
  actionOf?: string;
  q?: string;
  limit: number;
  offset: number;
};

function filterOf(f: HotspotFilter): RawBuilder<boolean> {
  // The literal `<> 'closed'` keeps the partial index hotspots_open_path usable.
  const where: RawBuilder<unknown>[] = [sql`h.unit_path <@ ${f.under}::ltree`, readableHotspots(f.scope)];
  if (f.status === 'open') where.push(sql`h.status <> 'closed'`);
  if (f.status === 'closed') where.push(sql`h.status = 'closed'`);
  if (f.kind) where.push(sql`h.kind_code = ${f.kind}`);
  if (f.severity) where.push(sql`h.severity = ${f.severity}::smallint`);
  if (f.escalated !== undefined) where.push(f.escalated ? sql`h.escalated_at is not null` : sql`h.escalated_at is null`);
  if (f.actionOf !== undefined) where.push(needsActionOf(f.actionOf));
  if (f.q) {
    const like = `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    where.push(sql`(danvan_fold(h.title) like danvan_fold(${like}) or danvan_fold(h.place) like danvan_fold(${like}) or danvan_fold(h.summary) like danvan_fold(${like}))`);
  }
  return sql<boolean>`${sql.join(where, sql` and `)}`;
}

/** Cases, most severe and newest first, with the total of the filtered set. */
export async function findHotspots(db: Q, f: HotspotFilter): Promise<{ rows: HotspotRecord[]; total: number }> {
  const cond = filterOf(f);
  const [{ rows }, { rows: c }] = await Promise.all([
    sql<HotspotRecord>`select ${COLUMNS} from ${FROM} where ${cond} order by h.severity desc, h.occurred_at desc, h.id desc limit ${f.limit} offset ${f.offset}`.execute(db),
    sql<{ n: number }>`select count(*)::int as n from hotspots h where ${cond}`.execute(db),
  ]);
  return { rows, total: c[0]?.n ?? 0 };
}

/** The work queue's figure of a unit: the total of `findHotspots` with `actionOf` (and status open), through the same filter. */
export async function countNeedingAction(db: Q, path: string, scope: ReadScope): Promise<number> {
  const { rows } = await sql<{ n: number }>`
    select count(*)::int as n from hotspots h
    where ${filterOf({ under: path, scope, status: 'open', actionOf: path, limit: 0, offset: 0 })}`.execute(db);
  return rows[0]?.n ?? 0;
}

export type TreeRow = { unit_id: string | null; total: number; s1: number; s2: number; s3: number };

/** Open cases under `path` grouped by the child of `path` they lie under (null: the unit itself). */
export async function countOpenByChild(db: Q, path: string, scope: ReadScope): Promise<TreeRow[]> {
  const { rows } = await sql<TreeRow>`
    select case when nlevel(h.unit_path) > nlevel(${path}::ltree) then subpath(h.unit_path, nlevel(${path}::ltree), 1)::text end as unit_id,
      count(*)::int as total,
      (count(*) filter (where h.severity = 1))::int as s1,
      (count(*) filter (where h.severity = 2))::int as s2,
      (count(*) filter (where h.severity = 3))::int as s3
    from hotspots h
    where h.unit_path <@ ${path}::ltree and h.status <> 'closed' and ${readableHotspots(scope)}
    group by 1`.execute(db);
  return rows;
}

export async function findUnitRefs(db: Q, ids: string[]) {
  if (!ids.length) return [];
  const { rows } = await sql<{ id: string; name: string; kind: string; has_children: boolean }>`
    select u.id::text, u.name, u.kind, exists (select 1 from units c where c.parent_id = u.id) as has_children
    from units u where u.id = any(${ids}::bigint[])`.execute(db);
  return rows;
}

export type FiguresRow = { new_in_range: number; closed_in_range: number; escalated_in_range: number; open_on_last_day: number };

/** The figures of a period (Viet Nam days): new, closed and escalated in it, open at its end. */
export async function countFigures(db: Q, path: string, scope: ReadScope, from: string, to: string) {
  const start = sql`(${from}::date::timestamp at time zone 'Asia/Ho_Chi_Minh')`;
  const end = sql`((${to}::date + 1)::timestamp at time zone 'Asia/Ho_Chi_Minh')`;
  const openAtEnd = sql`h.occurred_at < ${end} and (h.closed_at is null or h.closed_at >= ${end})`;
  const base = sql`hotspots h where h.unit_path <@ ${path}::ltree and ${readableHotspots(scope)}`;
  const [{ rows }, { rows: byKind }, { rows: bySeverity }] = await Promise.all([
    sql<FiguresRow>`
      select (count(*) filter (where h.occurred_at >= ${start} and h.occurred_at < ${end}))::int as new_in_range,
        (count(*) filter (where h.closed_at >= ${start} and h.closed_at < ${end}))::int as closed_in_range,
        (count(*) filter (where h.escalated_at >= ${start} and h.escalated_at < ${end}))::int as escalated_in_range,
        (count(*) filter (where ${openAtEnd}))::int as open_on_last_day
      from ${base}`.execute(db),
    sql<{ kind: string; n: number }>`select h.kind_code as kind, count(*)::int as n from ${base} and ${openAtEnd} group by 1 order by 1`.execute(db),
    sql<{ severity: number; n: number }>`select h.severity::int as severity, count(*)::int as n from ${base} and ${openAtEnd} group by 1 order by 1`.execute(db),
  ]);
  return { row: rows[0]!, byKind, bySeverity };
}

export type HotspotValues = {
  place: string;
  kind_code: string;
  title: string;
  summary: string;
  people_count: number | null;
  confidential: boolean;
  reader_roles: string[] | null;
};

export async function insertHotspot(
  trx: Q,
  v: HotspotValues & { unit_id: string; unit_path: string; severity: number; status: 'emerging'; occurred_at: string; ack_due_at: Date; created_by: string | null },
): Promise<string> {
  const row = await trx
    .insertInto('hotspots')
    .values({ ...v, seen_severity: v.severity })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The stored row, locked for the rest of the transaction. */
export async function lockHotspot(trx: Q, id: string) {
  return trx.selectFrom('hotspots').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

/** Applies the changes when the row is still at `version` and moves the version; false otherwise. */
export async function updateHotspot(trx: Q, id: string, version: number, changes: Record<string, unknown>): Promise<boolean> {
  const res = await trx
    .updateTable('hotspots')
    .set({ ...changes, updated_at: sql`now()`, version: sql`version + 1` })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return res.numUpdatedRows === 1n;
}

// ---------------------------------------------------------------- responsible units, timeline, links

export async function findResponsibleUnits(db: Q, id: string) {
  const { rows } = await sql<{ id: string; name: string; kind: string }>`
    select u.id::text, u.name, u.kind from hotspot_units x join units u on u.id = x.unit_id where x.hotspot_id = ${id} order by u.path`.execute(db);
  return rows;
}

export async function replaceResponsibleUnits(trx: Q, id: string, unitIds: string[]): Promise<void> {
  await trx.deleteFrom('hotspot_units').where('hotspot_id', '=', id).execute();
  if (unitIds.length) await trx.insertInto('hotspot_units').values(unitIds.map((u) => ({ hotspot_id: id, unit_id: u }))).execute();
}

export type UpdateValues = {
  kind: 'flash_report' | 'update' | 'acknowledgement' | 'escalation';
  at: Date | string;
  by_user: string | null;
  text: string;
  status_from?: string | null;
  status_to?: string | null;
  severity_from?: number | null;
  severity_to?: number | null;
  reason?: string | null;
  escalated_to?: string | null;
};

export async function insertUpdate(trx: Q, hotspotId: string, v: UpdateValues): Promise<string> {
  const row = await trx.insertInto('hotspot_updates').values({ ...v, hotspot_id: hotspotId }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export type UpdateRecord = {
  id: string;
  kind: UpdateValues['kind'];
  at: Date;
  by_name: string | null;
  text: string;
  status_from: string | null;
  status_to: string | null;
  severity_from: number | null;
  severity_to: number | null;
  reason: string | null;
  escalated_to: string | null;
  escalated_name: string | null;
  escalated_kind: string | null;
};

export async function findUpdates(db: Q, hotspotId: string): Promise<UpdateRecord[]> {
  const { rows } = await sql<UpdateRecord>`
    select x.id::text, x.kind, x.at, coalesce(us.display_name, us.username) as by_name, x.text, x.status_from, x.status_to,
      x.severity_from, x.severity_to, x.reason, x.escalated_to::text, eu.name as escalated_name, eu.kind as escalated_kind
    from hotspot_updates x left join users us on us.id = x.by_user left join units eu on eu.id = x.escalated_to
    where x.hotspot_id = ${hotspotId} order by x.at, x.id`.execute(db);
  return rows;
}

export type LinkRecord = { kind: 'petition' | 'entry'; id: string; label: string; unit_path: string; other_path: string | null };

export async function findLinks(db: Q, hotspotId: string): Promise<LinkRecord[]> {
  const { rows } = await sql<LinkRecord>`
    select 'petition' as kind, p.id::text, p.title as label, p.unit_path::text, p.handling_unit_path::text as other_path
    from hotspot_links l join petitions p on p.id = l.petition_id where l.hotspot_id = ${hotspotId}
    union all
    select 'entry', e.id::text, e.title, e.unit_path::text, null
    from hotspot_links l join entries e on e.id = l.entry_id where l.hotspot_id = ${hotspotId}
    order by 1, 2`.execute(db);
  return rows;
}

export async function replaceLinks(trx: Q, hotspotId: string, petitionIds: string[], entryIds: string[]): Promise<void> {
  await trx.deleteFrom('hotspot_links').where('hotspot_id', '=', hotspotId).execute();
  const rows = [...petitionIds.map((p) => ({ hotspot_id: hotspotId, petition_id: p, entry_id: null })), ...entryIds.map((e) => ({ hotspot_id: hotspotId, petition_id: null, entry_id: e }))];
  if (rows.length) await trx.insertInto('hotspot_links').values(rows).execute();
}

// ---------------------------------------------------------------- flash-report rule

/** The rule of the unit at `path`: its own or its nearest ancestor's; undefined when none is set. */
export async function findFlashRule(db: Q, path: string): Promise<{ unit_id: string; hours: number } | undefined> {
  const { rows } = await sql<{ unit_id: string; hours: number }>`
    select r.unit_id::text, r.hours from flash_report_rules r join units u on u.id = r.unit_id
    where u.path @> ${path}::ltree order by nlevel(u.path) desc limit 1`.execute(db);
  return rows[0];
}

export async function upsertFlashRule(trx: Q, unitId: string, hours: number, userId: string | null): Promise<number | null> {
  const before = await trx.selectFrom('flash_report_rules').select('hours').where('unit_id', '=', unitId).forUpdate().executeTakeFirst();
  await sql`
    insert into flash_report_rules (unit_id, hours, updated_by) values (${unitId}, ${hours}, ${userId})
    on conflict (unit_id) do update set hours = excluded.hours, updated_by = excluded.updated_by, updated_at = now()`.execute(trx);
  return before?.hours ?? null;
}

// ---------------------------------------------------------------- escalation job

/**
 * Open cases to escalate now: unacknowledged past their due time and never escalated, or whose
 * severity rose above what the level above last saw. Locked and skipped when another process holds
 * them, so two runs never escalate a case twice.
 */
export async function lockCasesToEscalate(trx: Q, limit: number) {
  const { rows } = await sql<{ id: string; unit_path: string; escalated_path: string | null; severity: number; seen_severity: number; acknowledged_at: Date | null; version: number }>`
    select h.id::text, h.unit_path::text, h.escalated_path::text, h.severity, h.seen_severity, h.acknowledged_at, h.version
    from hotspots h
    where h.status <> 'closed' and ((h.acknowledged_at is null and h.escalated_at is null and h.ack_due_at < now()) or h.severity > h.seen_severity)
      -- A case standing at the top unit has nowhere to go: never picked, so it cannot fill the batch run after run.
      and nlevel(coalesce(h.escalated_path, h.unit_path)) > 1
    order by h.id limit ${limit} for update skip locked`.execute(trx);
  return rows;
}
