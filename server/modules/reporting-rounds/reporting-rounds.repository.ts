/** All SQL of reporting rounds: templates, schedules, rounds, participants, submissions, completeness. */
import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { ParticipantFilter, ParticipantState, PeriodKind, RoundAwaiting, RoundStatus, SubmissionStatus, TemplateSectionKind } from '../../../common/reporting-rounds.js';
import { DUE_SOON_DAYS } from '../../../common/work-queue.js';
import type { Database } from '../../db/schema.js';

type Q = Kysely<Database>;

export type SectionRecord = { key: string; title: Record<string, string>; kind: TemplateSectionKind };

// ---------------------------------------------------------------- templates

export type TemplateRecord = {
  id: string;
  unit_id: string;
  unit_path: string;
  unit_name: string;
  unit_kind: string;
  name: string;
  sections: SectionRecord[];
  created_at: Date;
  version: number;
};

const TEMPLATE_COLUMNS = sql`t.id::text, t.unit_id::text, t.unit_path::text, u.name as unit_name, u.kind as unit_kind, t.name, t.sections, t.created_at, t.version`;

export async function insertTemplate(trx: Q, v: { unit_id: string; unit_path: string; name: string; sections: SectionRecord[]; created_by: string | null }): Promise<string> {
  const row = await trx
    .insertInto('report_templates')
    .values({ ...v, sections: JSON.stringify(v.sections) })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function findTemplate(db: Q, id: string): Promise<TemplateRecord | undefined> {
  const { rows } = await sql<TemplateRecord>`select ${TEMPLATE_COLUMNS} from report_templates t join units u on u.id = t.unit_id where t.id = ${id}`.execute(db);
  return rows[0];
}

/** The templates of the unit at `path` and of the units above it, nearest first. */
export async function findTemplatesAbove(db: Q, path: string): Promise<TemplateRecord[]> {
  const { rows } = await sql<TemplateRecord>`
    select ${TEMPLATE_COLUMNS} from report_templates t join units u on u.id = t.unit_id
    where t.unit_path @> ${path}::ltree order by nlevel(t.unit_path) desc, t.name, t.id`.execute(db);
  return rows;
}

// ---------------------------------------------------------------- schedules

export type ScheduleRecord = {
  id: string;
  unit_id: string;
  unit_path: string;
  unit_name: string;
  unit_kind: string;
  name: string;
  period_kind: PeriodKind;
  cutoff_day: number | null;
  due_offset_days: number;
  shift_to_working_day: boolean;
  remind_days_before: number[];
  template_id: string;
  target_kinds: string[];
  created_at: Date;
  version: number;
};

const SCHEDULE_COLUMNS = sql`
  s.id::text, s.unit_id::text, s.unit_path::text, u.name as unit_name, u.kind as unit_kind, s.name, s.period_kind, s.cutoff_day,
  s.due_offset_days, s.shift_to_working_day, s.remind_days_before, s.template_id::text, s.target_kinds, s.created_at, s.version`;

export type ScheduleValues = Omit<ScheduleRecord, 'id' | 'unit_name' | 'unit_kind' | 'created_at' | 'version'> & { created_by: string | null };

export async function insertSchedule(trx: Q, v: ScheduleValues): Promise<string> {
  const row = await trx.insertInto('reporting_schedules').values(v).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function findSchedule(db: Q, id: string): Promise<ScheduleRecord | undefined> {
  const { rows } = await sql<ScheduleRecord>`select ${SCHEDULE_COLUMNS} from reporting_schedules s join units u on u.id = s.unit_id where s.id = ${id}`.execute(db);
  return rows[0];
}

export async function findSchedulesAbove(db: Q, path: string): Promise<ScheduleRecord[]> {
  const { rows } = await sql<ScheduleRecord>`
    select ${SCHEDULE_COLUMNS} from reporting_schedules s join units u on u.id = s.unit_id
    where s.unit_path @> ${path}::ltree order by nlevel(s.unit_path) desc, s.name, s.id`.execute(db);
  return rows;
}

/** The unit kinds among `codes` that exist. */
export async function findUnitKindCodes(db: Q, codes: string[]): Promise<Set<string>> {
  const rows = await db.selectFrom('unit_kinds').select('code').where('code', 'in', codes).execute();
  return new Set(rows.map((r) => r.code));
}

// ---------------------------------------------------------------- rounds

export type RoundRecord = {
  id: string;
  opening_unit_id: string;
  opening_path: string;
  opening_unit_name: string;
  opening_unit_kind: string;
  schedule_id: string | null;
  template_id: string;
  title: string;
  period_from: string;
  period_to: string;
  due_on: string;
  target_kinds: string[];
  status: RoundStatus;
  closed_at: Date | null;
  expected: number;
  submitted: number;
  late: number;
  returned: number;
  excused: number;
  created_at: Date;
  updated_at: Date;
  version: number;
  /** The participation of the unit asked about (`ownUnitId`), when it takes part. */
  own_state: ParticipantState | null;
  own_due_on: string | null;
  own_submitted_on: string | null;
  own_submission_id: string | null;
};

const roundSelect = (ownUnitId: string | null) => sql`
  select r.id::text, r.opening_unit_id::text, r.opening_path::text, u.name as opening_unit_name, u.kind as opening_unit_kind,
         r.schedule_id::text, r.template_id::text, r.title, r.period_from, r.period_to, r.due_on, r.target_kinds, r.status, r.closed_at,
         r.expected, r.submitted, r.late, r.returned, r.excused, r.created_at, r.updated_at, r.version,
         o.state as own_state, o.due_on as own_due_on, o.submitted_on as own_submitted_on, o.submission_id::text as own_submission_id
  from reporting_rounds r
  join units u on u.id = r.opening_unit_id
  left join round_participants o on o.round_id = r.id and o.unit_id = ${ownUnitId}`;

export async function findRound(db: Q, id: string, ownUnitId: string | null = null): Promise<RoundRecord | undefined> {
  const { rows } = await sql<RoundRecord>`${roundSelect(ownUnitId)} where r.id = ${id}`.execute(db);
  return rows[0];
}

/**
 * Rounds opened at or under `path`, or in which a unit at or under it takes part; open ones first,
 * then by due day, newest first.
 */
/**
 * How many days before its due day a participant's report starts to be awaited (reminded): the
 * largest of its schedule's `remind_days_before` (a unit that sets {14, 3} is reminded from two
 * weeks out), or the work queue's week for a round opened by hand. `r` is the round's alias.
 */
export const remindWindowDays = (r: string) =>
  sql<number>`coalesce((select max(d) from reporting_schedules s cross join unnest(s.remind_days_before) d where s.id = ${sql.ref(`${r}.schedule_id`)}), ${DUE_SOON_DAYS}::int)`;

/** The work queue's filters (`awaiting`): the unit's own report not sent and due within its reminder window or late; participants below not sent past their day. */
function awaitingClause(f: { unitId: string; path: string; awaiting?: RoundAwaiting; today: string }) {
  if (f.awaiting === 'my_report') {
    return sql`and r.status = 'open' and exists (select 1 from round_participants p where p.round_id = r.id and p.unit_id = ${f.unitId}::bigint
      and p.state in ('pending', 'draft', 'returned') and p.due_on <= ${f.today}::date + ${remindWindowDays('r')})`;
  }
  if (f.awaiting === 'missing_below') {
    return sql`and r.status = 'open' and r.opening_path <@ ${f.path}::ltree
      and exists (select 1 from round_participants p where p.round_id = r.id and p.state in ('pending', 'draft') and p.due_on < ${f.today}::date)`;
  }
  return sql``;
}

type RoundFilter = { unitId: string; path: string; status?: RoundStatus; awaiting?: RoundAwaiting; today: string };

function roundWhere(f: RoundFilter) {
  return sql`(r.opening_path <@ ${f.path}::ltree
      or exists (select 1 from round_participants p where p.round_id = r.id and p.unit_path <@ ${f.path}::ltree))
    ${f.status ? sql`and r.status = ${f.status}` : sql``} ${awaitingClause(f)}`;
}

/** How many rounds the filter holds: the list's total (the work queue counts with it alone). */
export async function countRounds(db: Q, f: RoundFilter): Promise<number> {
  const { rows } = await sql<{ n: number }>`select count(*)::int as n from reporting_rounds r where ${roundWhere(f)}`.execute(db);
  return rows[0]?.n ?? 0;
}

export async function findRounds(db: Q, f: RoundFilter & { limit: number; offset: number }): Promise<{ rows: RoundRecord[]; total: number }> {
  const { rows } = await sql<RoundRecord>`
    ${roundSelect(f.unitId)}
    where ${roundWhere(f)}
    order by r.status = 'open' desc, r.due_on desc, r.id desc
    limit ${f.limit} offset ${f.offset}`.execute(db);
  return { rows, total: await countRounds(db, f) };
}

export type RoundValues = {
  opening_unit_id: string;
  opening_path: string;
  schedule_id: string | null;
  template_id: string;
  title: string;
  period_from: string;
  period_to: string;
  due_on: string;
  target_kinds: string[];
  created_by: string | null;
};

export async function insertRound(trx: Q, v: RoundValues): Promise<string> {
  const row = await trx.insertInto('reporting_rounds').values(v).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

/**
 * Materializes the participants: every unit of `kinds` in force under the opening unit (not the
 * opening unit itself), due on the round's day. One statement; the trigger sets `expected`.
 */
export async function openParticipants(trx: Q, r: { id: string; opening_path: string; target_kinds: string[]; due_on: string }): Promise<number> {
  const res = await sql`
    insert into round_participants (round_id, unit_id, unit_path, due_on)
    select ${r.id}, u.id, u.path, ${r.due_on}::date from units u
    where u.path <@ ${r.opening_path}::ltree and u.path <> ${r.opening_path}::ltree
      and u.kind = any(${r.target_kinds}::text[]) and (u.valid_to is null or u.valid_to > current_date)`.execute(trx);
  return Number(res.numAffectedRows ?? 0n);
}

/** The round row locked against other writers of the round (participants' counters update it too). */
export async function lockRound(trx: Q, id: string) {
  return trx
    .selectFrom('reporting_rounds')
    .select(['id', 'opening_unit_id', 'opening_path', 'title', 'period_from', 'period_to', 'due_on', 'status', 'version'])
    .where('id', '=', id)
    .forNoKeyUpdate()
    .executeTakeFirst();
}

export type RoundChanges = { title?: string; due_on?: string; status?: RoundStatus; closed_at?: RawBuilder<Date> | null; closed_by?: string | null };

export async function updateRound(trx: Q, id: string, version: number, changes: RoundChanges): Promise<boolean> {
  const res = await trx
    .updateTable('reporting_rounds')
    .set({ ...changes, updated_at: sql`now()`, version: sql`version + 1` })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return res.numUpdatedRows === 1n;
}

/** Moves the due day of the participants still on the round's day (an extension stays). */
export async function moveDueOn(trx: Q, roundId: string, from: string, to: string): Promise<number> {
  const res = await trx.updateTable('round_participants').set({ due_on: to, updated_at: sql`now()` }).where('round_id', '=', roundId).where('due_on', '=', from).executeTakeFirst();
  return Number(res.numUpdatedRows);
}

/** Participants that keep a round from closing: not submitted and not excused. */
export async function findPending(db: Q, roundId: string, sampleSize: number): Promise<{ pending: number; sample: string[] }> {
  const { rows } = await sql<{ unit_id: string; n: number }>`
    select unit_id::text, count(*) over ()::int as n from round_participants
    where round_id = ${roundId} and state in ('pending', 'draft', 'returned')
    order by unit_id limit ${sampleSize}`.execute(db);
  return { pending: rows[0]?.n ?? 0, sample: rows.map((r) => r.unit_id) };
}

// ---------------------------------------------------------------- completeness

export type CompletenessCountsRecord = { expected: number; on_time: number; late: number; returned: number; missing: number; missing_overdue: number; excused: number };
export type CompletenessChildRecord = CompletenessCountsRecord & { unit_id: string; unit_name: string; unit_kind: string };

const COUNTS = (today: string) => sql`
  count(*)::int as expected,
  count(*) filter (where state in ('submitted', 'accepted') and submitted_on <= due_on)::int as on_time,
  count(*) filter (where state in ('submitted', 'accepted') and submitted_on > due_on)::int as late,
  count(*) filter (where state = 'returned')::int as returned,
  count(*) filter (where state in ('pending', 'draft'))::int as missing,
  count(*) filter (where state in ('pending', 'draft') and due_on < ${today}::date)::int as missing_overdue,
  count(*) filter (where state = 'excused')::int as excused`;

/**
 * The participants at or under `path` counted by child of it (a path's labels are unit ids, so the
 * child is the label after `path`'s), plus the totals. One statement over the round's participants.
 */
export async function findCompleteness(db: Q, roundId: string, path: string, today: string): Promise<{ totals: CompletenessCountsRecord; children: CompletenessChildRecord[] }> {
  const { rows } = await sql<CompletenessCountsRecord & { child_id: string | null }>`
    select case when nlevel(unit_path) > nlevel(${path}::ltree) then ltree2text(subpath(unit_path, nlevel(${path}::ltree), 1)) end as child_id, ${COUNTS(today)}
    from round_participants
    where round_id = ${roundId} and unit_path <@ ${path}::ltree
    group by 1`.execute(db);
  const zero: CompletenessCountsRecord = { expected: 0, on_time: 0, late: 0, returned: 0, missing: 0, missing_overdue: 0, excused: 0 };
  const totals = { ...zero };
  for (const r of rows) for (const k of Object.keys(zero) as (keyof CompletenessCountsRecord)[]) totals[k] += r[k];
  const childRows = rows.filter((r) => r.child_id !== null);
  if (!childRows.length) return { totals, children: [] };
  const units = await db.selectFrom('units').select(['id', 'name', 'kind']).where('id', 'in', childRows.map((r) => r.child_id!)).execute();
  const byId = new Map(units.map((u) => [u.id, u]));
  const children = childRows
    .map(({ child_id, ...counts }) => ({ ...counts, unit_id: child_id!, unit_name: byId.get(child_id!)?.name ?? '', unit_kind: byId.get(child_id!)?.kind ?? '' }))
    .sort((a, b) => a.unit_name.localeCompare(b.unit_name, 'vi') || a.unit_id.localeCompare(b.unit_id));
  return { totals, children };
}

// ---------------------------------------------------------------- participants

export type ParticipantRecord = {
  unit_id: string;
  unit_name: string;
  unit_kind: string;
  unit_path: string;
  parent_id: string | null;
  parent_name: string | null;
  parent_kind: string | null;
  state: ParticipantState;
  due_on: string;
  submitted_on: string | null;
  submission_id: string | null;
  submission_version: number | null;
  narrative: string | null;
};

const FILTERS: Record<ParticipantFilter, (today: string) => RawBuilder<unknown>> = {
  on_time: () => sql`p.state in ('submitted', 'accepted') and p.submitted_on <= p.due_on`,
  late: () => sql`p.state in ('submitted', 'accepted') and p.submitted_on > p.due_on`,
  returned: () => sql`p.state = 'returned'`,
  missing: () => sql`p.state in ('pending', 'draft')`,
  missing_overdue: (today) => sql`p.state in ('pending', 'draft') and p.due_on < ${today}::date`,
  excused: () => sql`p.state = 'excused'`,
};

/** Late: submitted after the due day, or not in (and not excused) once it has passed. */
const lateSql = (today: string) =>
  sql`((p.state in ('submitted', 'accepted') and p.submitted_on > p.due_on) or (p.state in ('pending', 'draft', 'returned') and p.due_on < ${today}::date))`;

export type ParticipantFilterValues = { roundId: string; path: string; today: string; state?: ParticipantState; late?: boolean; completeness?: ParticipantFilter; limit: number; offset: number };

/** Participants at or under `path`, by parent then name; narratives only of submitted work. */
export async function findParticipants(db: Q, f: ParticipantFilterValues): Promise<{ rows: ParticipantRecord[]; total: number }> {
  const where: RawBuilder<unknown>[] = [sql`p.round_id = ${f.roundId}`, sql`p.unit_path <@ ${f.path}::ltree`];
  if (f.state) where.push(sql`p.state = ${f.state}`);
  if (f.late !== undefined) where.push(f.late ? lateSql(f.today) : sql`not ${lateSql(f.today)}`);
  if (f.completeness) where.push(FILTERS[f.completeness](f.today));
  const cond = sql.join(where, sql` and `);
  const { rows } = await sql<ParticipantRecord>`
    select p.unit_id::text, u.name as unit_name, u.kind as unit_kind, p.unit_path::text, pu.id::text as parent_id, pu.name as parent_name, pu.kind as parent_kind,
           p.state, p.due_on, p.submitted_on, p.submission_id::text, s.version as submission_version,
           case when s.status in ('submitted', 'accepted') then s.narrative end as narrative
    from round_participants p
    join units u on u.id = p.unit_id
    left join units pu on pu.id = u.parent_id
    left join round_submissions s on s.id = p.submission_id
    where ${cond}
    order by pu.name nulls first, u.name, p.unit_id
    limit ${f.limit} offset ${f.offset}`.execute(db);
  const { rows: c } = await sql<{ n: number }>`select count(*)::int as n from round_participants p where ${cond}`.execute(db);
  return { rows, total: c[0]?.n ?? 0 };
}

export async function lockParticipant(trx: Q, roundId: string, unitId: string) {
  return trx
    .selectFrom('round_participants')
    .select(['round_id', 'unit_id', 'unit_path', 'due_on', 'state', 'submitted_on', 'submission_id'])
    .where('round_id', '=', roundId)
    .where('unit_id', '=', unitId)
    .forUpdate()
    .executeTakeFirst();
}

export async function insertParticipant(trx: Q, v: { round_id: string; unit_id: string; unit_path: string; due_on: string }): Promise<void> {
  await trx.insertInto('round_participants').values(v).execute();
}

export async function updateParticipant(
  trx: Q,
  roundId: string,
  unitId: string,
  changes: { due_on?: string; state?: ParticipantState; submitted_on?: string | null; submission_id?: string },
): Promise<void> {
  await trx
    .updateTable('round_participants')
    .set({ ...changes, updated_at: sql`now()` })
    .where('round_id', '=', roundId)
    .where('unit_id', '=', unitId)
    .execute();
}

// ---------------------------------------------------------------- submissions

export type SubmissionRecord = {
  id: string;
  round_id: string;
  unit_id: string;
  unit_path: string;
  unit_name: string;
  unit_kind: string;
  status: SubmissionStatus;
  figures: Record<string, unknown>;
  figures_at: Date;
  narrative: string | null;
  sections: Record<string, string>;
  return_reason: string | null;
  submitted_on: string | null;
  due_on: string;
  participant_state: ParticipantState;
  /** The situation part (a template section of kind `situation`), when the template has one. */
  situation_report_id: string | null;
  created_at: Date;
  updated_at: Date;
  version: number;
};

export async function findSubmission(db: Q, id: string): Promise<SubmissionRecord | undefined> {
  const { rows } = await sql<SubmissionRecord>`
    select s.id::text, s.round_id::text, s.unit_id::text, p.unit_path::text, u.name as unit_name, u.kind as unit_kind, s.status, s.figures, s.figures_at,
           s.narrative, s.sections, s.return_reason, s.submitted_on, p.due_on, p.state as participant_state, s.created_at, s.updated_at, s.version,
           (select sr.id::text from situation_reports sr where sr.submission_id = s.id) as situation_report_id
    from round_submissions s
    join round_participants p on p.round_id = s.round_id and p.unit_id = s.unit_id
    join units u on u.id = s.unit_id
    where s.id = ${id}`.execute(db);
  return rows[0];
}

export async function findSubmissionId(db: Q, roundId: string, unitId: string): Promise<string | undefined> {
  const row = await db.selectFrom('round_submissions').select('id').where('round_id', '=', roundId).where('unit_id', '=', unitId).executeTakeFirst();
  return row?.id;
}

export async function insertSubmission(trx: Q, v: { round_id: string; unit_id: string; figures: unknown; created_by: string | null }): Promise<string> {
  const row = await trx
    .insertInto('round_submissions')
    .values({ ...v, figures: JSON.stringify(v.figures) })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function lockSubmission(trx: Q, id: string) {
  return trx
    .selectFrom('round_submissions')
    .select(['id', 'round_id', 'unit_id', 'status', 'narrative', 'sections', 'return_reason', 'submitted_on', 'version'])
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

export type SubmissionChanges = {
  status?: SubmissionStatus;
  figures?: unknown;
  narrative?: string | null;
  sections?: Record<string, string>;
  return_reason?: string | null;
  submitted_on?: string;
  submitted_by?: string | null;
  submitted_at?: RawBuilder<Date>;
  reviewed_by?: string | null;
  reviewed_at?: RawBuilder<Date>;
};

export async function updateSubmission(trx: Q, id: string, version: number, changes: SubmissionChanges): Promise<boolean> {
  const { figures, sections, ...rest } = changes;
  const res = await trx
    .updateTable('round_submissions')
    .set({
      ...rest,
      ...(figures === undefined ? {} : { figures: JSON.stringify(figures), figures_at: sql`now()` }),
      ...(sections === undefined ? {} : { sections: JSON.stringify(sections) }),
      updated_at: sql`now()`,
      version: sql`version + 1`,
    })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return res.numUpdatedRows === 1n;
}

// ---------------------------------------------------------------- the composed report

export type SentWorkRecord = {
  unit_id: string;
  unit_name: string;
  parent_name: string | null;
  state: ParticipantState;
  due_on: string;
  submitted_on: string;
  narrative: string | null;
  sections: Record<string, string>;
};

/** How many participants at or under `path` have sent (submitted or accepted), counted before they are read. */
export async function countSentWork(db: Q, roundId: string, path: string): Promise<number> {
  const { rows } = await sql<{ n: number }>`
    select count(*)::int as n from round_participants
    where round_id = ${roundId} and unit_path <@ ${path}::ltree and state in ('submitted', 'accepted')`.execute(db);
  return rows[0]?.n ?? 0;
}

/** The sent work at or under `path` with its narrative and text sections, in the participants list's order. */
export async function findSentWork(db: Q, roundId: string, path: string): Promise<SentWorkRecord[]> {
  const { rows } = await sql<SentWorkRecord>`
    select p.unit_id::text, u.name as unit_name, pu.name as parent_name, p.state, p.due_on, p.submitted_on, s.narrative, s.sections
    from round_participants p
    join units u on u.id = p.unit_id
    left join units pu on pu.id = u.parent_id
    join round_submissions s on s.id = p.submission_id
    where p.round_id = ${roundId} and p.unit_path <@ ${path}::ltree and p.state in ('submitted', 'accepted')
    order by pu.name nulls first, u.name, p.unit_id`.execute(db);
  return rows;
}

/** The names of the participants at or under `path` that have not sent (pending, draft, returned), by name. */
export async function findUnsentNames(db: Q, roundId: string, path: string): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`
    select u.name from round_participants p join units u on u.id = p.unit_id
    where p.round_id = ${roundId} and p.unit_path <@ ${path}::ltree and p.state in ('pending', 'draft', 'returned')
    order by u.name, p.unit_id`.execute(db);
  return rows.map((r) => r.name);
}
