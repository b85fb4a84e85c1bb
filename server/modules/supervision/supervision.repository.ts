/** All SQL of the boards and the Front's supervision: boards, members, programs, activities, recommendations, figures. */
import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { Database } from '../../db/schema.js';

type Q = Kysely<Database>;

// ---------------------------------------------------------------- boards

export type BoardRecord = {
  id: string;
  unit_id: string;
  unit_path: string;
  unit_name: string;
  unit_kind: string;
  kind: 'inspection' | 'investment_supervision';
  project_name: string | null;
  investor: string | null;
  term_from: string;
  term_to: string | null;
  elected_on: string | null;
  elected_by: string | null;
  version: number;
};
export type MemberRecord = { id: string; board_id: string; name: string; position: string; from_on: string; to_on: string | null };

const boardColumns = sql`b.id::text, b.unit_id::text, b.unit_path::text, u.name as unit_name, u.kind as unit_kind, b.kind, b.project_name, b.investor,
  b.term_from, b.term_to, b.elected_on, b.elected_by, b.version`;

export async function findBoardById(db: Q, id: string): Promise<BoardRecord | undefined> {
  const { rows } = await sql<BoardRecord>`select ${boardColumns} from supervision_boards b join units u on u.id = b.unit_id where b.id = ${id}`.execute(db);
  return rows[0];
}

/** Boards of the subtree, the commune's name first then newest term first. */
export async function findBoards(db: Q, path: string, limit: number): Promise<{ rows: BoardRecord[]; total: number }> {
  const [{ rows }, count] = await Promise.all([
    sql<BoardRecord>`select ${boardColumns} from supervision_boards b join units u on u.id = b.unit_id
      where b.unit_path <@ ${path}::ltree order by u.name, b.kind, b.term_from desc, b.id limit ${limit}`.execute(db),
    sql<{ n: number }>`select count(*)::int as n from supervision_boards b where b.unit_path <@ ${path}::ltree`.execute(db),
  ]);
  return { rows, total: count.rows[0]?.n ?? 0 };
}

export async function findMembers(db: Q, boardIds: string[]): Promise<MemberRecord[]> {
  if (!boardIds.length) return [];
  const { rows } = await sql<MemberRecord>`select id::text, board_id::text, name, position, from_on, to_on from supervision_board_members
    where board_id = any(${boardIds}::bigint[]) order by board_id, sort_order`.execute(db);
  return rows;
}

export type BoardValues = {
  unit_id: string;
  unit_path: string;
  kind: BoardRecord['kind'];
  project_name: string | null;
  investor: string | null;
  term_from: string;
  term_to: string | null;
  elected_on: string | null;
  elected_by: string | null;
  created_by: string | null;
};
export type MemberValues = { name: string; name_key: string; position: string; from_on: string; to_on: string | null };

export async function insertBoard(trx: Q, v: BoardValues, members: MemberValues[]): Promise<string> {
  const row = await trx.insertInto('supervision_boards').values(v).returning('id').executeTakeFirstOrThrow();
  await trx
    .insertInto('supervision_board_members')
    .values(members.map((m, i) => ({ ...m, board_id: row.id, unit_id: v.unit_id, sort_order: i })))
    .execute();
  return row.id;
}

/** The kinds a board of `kind` may not share a member with (the rule's pairs, either way round). */
export async function findExcludedKinds(db: Q, kind: string): Promise<string[]> {
  const { rows } = await sql<{ kind: string }>`
    select case when kind_a = ${kind} then kind_b else kind_a end as kind from supervision_exclusions where kind_a = ${kind} or kind_b = ${kind}`.execute(db);
  return rows.map((r) => r.kind);
}

export type Clash = { name_key: string; board_id: string; kind: string };

/** An end before its start (a member begun after the term ended, kept from before the checks) reads as open rather than failing the range. */
const endOf = (from: RawBuilder<unknown>, to: RawBuilder<unknown>) => sql`case when ${to} >= ${from} then ${to} end`;

/**
 * Members of the unit's boards of `kinds` named like one of `keys` whose time on the board overlaps
 * [from, to] (to null: open-ended). Serialized by the caller's lock on the unit, so two boards
 * written at once cannot both pass. A member without an end sits until the board's term ends.
 * `except`: the member whose own time, or the board whose term, is being extended.
 */
export async function findClashes(
  db: Q,
  unitId: string,
  kinds: string[],
  members: { key: string; from: string; to: string | null }[],
  except: { memberId?: string; boardId?: string } = {},
): Promise<Clash[]> {
  if (!kinds.length || !members.length) return [];
  const { rows } = await sql<Clash>`
    select m.name_key, b.id::text as board_id, b.kind
    from supervision_board_members m
    join supervision_boards b on b.id = m.board_id
    join unnest(${members.map((m) => m.key)}::text[], ${members.map((m) => m.from)}::date[], ${members.map((m) => m.to)}::date[]) as n(key, from_on, to_on)
      on n.key = m.name_key
    where m.unit_id = ${unitId} and b.kind = any(${kinds}::text[]) ${except.memberId ? sql`and m.id <> ${except.memberId}` : sql``}
      ${except.boardId ? sql`and b.id <> ${except.boardId}` : sql``}
      and daterange(m.from_on, ${endOf(sql`m.from_on`, sql`coalesce(m.to_on, b.term_to)`)}, '[]') && daterange(n.from_on, ${endOf(sql`n.from_on`, sql`n.to_on`)}, '[]')`.execute(db);
  return rows;
}

/** Serializes the writes of one unit's boards (the exclusion rule reads them before writing). */
export async function lockUnitBoards(trx: Q, unitId: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtext('supervision_boards'), ${Number(unitId) % 2_147_483_647}::int)`.execute(trx);
}

// ---------------------------------------------------------------- programs

export type ProgramRecord = { id: string; unit_id: string; unit_name: string; unit_kind: string; board_id: string | null; year: number; version: number };
export type ItemRecord = { program_id: string; subject: string; form: string | null; lead_organization: string | null };

/** The subtree's programs of `year`; with `id`, that one program (of any year), e.g. to present it after a write. */
export async function findPrograms(db: Q, path: string, year: number | undefined, id?: string): Promise<ProgramRecord[]> {
  const { rows } = await sql<ProgramRecord>`
    select p.id::text, p.unit_id::text, u.name as unit_name, u.kind as unit_kind, p.board_id::text, p.year, p.version
    from supervision_programs p join units u on u.id = p.unit_id
    where p.unit_path <@ ${path}::ltree ${year !== undefined ? sql`and p.year = ${year}` : sql``} ${id ? sql`and p.id = ${id}` : sql``}
    order by u.name, p.board_id nulls first, p.id limit 500`.execute(db);
  return rows;
}

export async function findItems(db: Q, programIds: string[]): Promise<ItemRecord[]> {
  if (!programIds.length) return [];
  const { rows } = await sql<ItemRecord>`select program_id::text, subject, form, lead_organization from supervision_program_items
    where program_id = any(${programIds}::bigint[]) order by program_id, sort_order`.execute(db);
  return rows;
}

export async function findProgramById(db: Q, id: string) {
  return db.selectFrom('supervision_programs').select(['id', 'unit_id', 'unit_path', 'board_id', 'year', 'version']).where('id', '=', id).executeTakeFirst();
}

export async function insertProgram(
  trx: Q,
  v: { unit_id: string; unit_path: string; board_id: string | null; year: number; created_by: string | null },
  items: { subject: string; form: string | null; lead_organization: string | null }[],
): Promise<string> {
  const row = await trx.insertInto('supervision_programs').values(v).returning('id').executeTakeFirstOrThrow();
  await trx
    .insertInto('supervision_program_items')
    .values(items.map((it, i) => ({ ...it, program_id: row.id, sort_order: i })))
    .execute();
  return row.id;
}

// ---------------------------------------------------------------- activities and recommendations

export type ActivityRecord = {
  id: string;
  unit_id: string;
  unit_name: string;
  unit_kind: string;
  board_id: string | null;
  board_kind: BoardRecord['kind'] | null;
  program_id: string | null;
  kind: 'supervision' | 'social_criticism';
  held_on: string;
  subject: string;
  findings: string;
  recommendation_count: number;
  version: number;
};

/** With `id`, that one activity: no count is run (the total is the rows found). */
export async function findActivities(db: Q, path: string, year: number | undefined, limit: number, id?: string): Promise<{ rows: ActivityRecord[]; total: number }> {
  const cond = sql`a.unit_path <@ ${path}::ltree ${year ? sql`and a.held_on between make_date(${year}, 1, 1) and make_date(${year}, 12, 31)` : sql``} ${id ? sql`and a.id = ${id}` : sql``}`;
  const [{ rows }, count] = await Promise.all([
    sql<ActivityRecord>`
      select a.id::text, a.unit_id::text, u.name as unit_name, u.kind as unit_kind, a.board_id::text, b.kind as board_kind, a.program_id::text,
        a.kind, a.held_on, a.subject, a.findings,
        (select count(*)::int from supervision_recommendations r where r.activity_id = a.id) as recommendation_count, a.version
      from supervision_activities a join units u on u.id = a.unit_id left join supervision_boards b on b.id = a.board_id
      where ${cond} order by a.held_on desc, a.id desc limit ${limit}`.execute(db),
    id ? undefined : sql<{ n: number }>`select count(*)::int as n from supervision_activities a where ${cond}`.execute(db),
  ]);
  return { rows, total: count ? (count.rows[0]?.n ?? 0) : rows.length };
}

export type ActivityValues = {
  unit_id: string;
  unit_path: string;
  board_id: string | null;
  program_id: string | null;
  kind: ActivityRecord['kind'];
  held_on: string;
  subject: string;
  findings: string;
  created_by: string | null;
};
export type RecommendationValues = { content: string; addressee: string; addressee_unit_id: string | null; sent_on: string; due_on: string };

export async function insertActivity(trx: Q, v: ActivityValues, recs: RecommendationValues[]): Promise<{ id: string; recommendationIds: string[] }> {
  const row = await trx.insertInto('supervision_activities').values(v).returning('id').executeTakeFirstOrThrow();
  if (!recs.length) return { id: row.id, recommendationIds: [] };
  const ids = await trx
    .insertInto('supervision_recommendations')
    .values(recs.map((r) => ({ ...r, activity_id: row.id, unit_id: v.unit_id, unit_path: v.unit_path })))
    .returning('id')
    .execute();
  return { id: row.id, recommendationIds: ids.map((r) => r.id) };
}

export type RecommendationRecord = {
  id: string;
  activity_id: string;
  unit_id: string;
  unit_path: string;
  unit_name: string;
  unit_kind: string;
  board_kind: BoardRecord['kind'] | null;
  subject: string;
  content: string;
  addressee: string;
  sent_on: string;
  due_on: string;
  answered_on: string | null;
  answer_kind: 'answered' | 'partly' | null;
  answer: string | null;
  version: number;
};

/** The SQL of a state on `today`, the same as `recommendationState` in common/supervision.ts. */
const stateClause = (state: string, today: string) => {
  switch (state) {
    case 'answered':
      return sql`r.answer_kind = 'answered'`;
    case 'partly':
      return sql`r.answer_kind = 'partly'`;
    case 'overdue':
      return sql`r.answered_on is null and r.due_on < ${today}::date`;
    default:
      return sql`r.answered_on is null and r.due_on >= ${today}::date`;
  }
};

export type RecommendationFilter = { path: string; today: string; state?: string; year?: number; limit: number; offset: number };

const selectRecommendations = (cond: RawBuilder<unknown>, tail: RawBuilder<unknown>) => sql<RecommendationRecord>`
  select r.id::text, r.activity_id::text, r.unit_id::text, r.unit_path::text, u.name as unit_name, u.kind as unit_kind, b.kind as board_kind, a.subject,
    r.content, r.addressee, r.sent_on, r.due_on, r.answered_on, r.answer_kind, r.answer, r.version
  from supervision_recommendations r
  join supervision_activities a on a.id = r.activity_id
  join units u on u.id = r.unit_id
  left join supervision_boards b on b.id = a.board_id
  where ${cond} ${tail}`;

export async function findRecommendations(db: Q, f: RecommendationFilter): Promise<{ rows: RecommendationRecord[]; total: number }> {
  const cond = sql.join(
    [
      sql`r.unit_path <@ ${f.path}::ltree`,
      ...(f.state ? [stateClause(f.state, f.today)] : []),
      ...(f.year ? [sql`r.sent_on between make_date(${f.year}, 1, 1) and make_date(${f.year}, 12, 31)`] : []),
    ],
    sql` and `,
  );
  const [{ rows }, count] = await Promise.all([
    selectRecommendations(cond, sql`order by r.due_on, r.id limit ${f.limit} offset ${f.offset}`).execute(db),
    sql<{ n: number }>`select count(*)::int as n from supervision_recommendations r where ${cond}`.execute(db),
  ]);
  return { rows, total: count.rows[0]?.n ?? 0 };
}

/** One recommendation as the list shows it (its answer included, for the answer's audit), whatever its unit: the caller checks access on `unit_path`. */
export async function findRecommendation(db: Q, id: string): Promise<RecommendationRecord | undefined> {
  const { rows } = await selectRecommendations(sql`r.id = ${id}`, sql``).execute(db);
  return rows[0];
}

/** Records the answer when the row is still at `version`; false otherwise. */
export async function answerRecommendation(trx: Q, id: string, version: number, v: { answered_on: string; answer_kind: 'answered' | 'partly'; answer: string | null }): Promise<boolean> {
  const res = await trx
    .updateTable('supervision_recommendations')
    .set({ ...v, updated_at: sql`now()`, version: sql`version + 1` })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return res.numUpdatedRows === 1n;
}

// ---------------------------------------------------------------- figures

export type FigureRecord = {
  unit_id: string;
  boards_in_office: number;
  board_findings: number;
  front_supervisions: number;
  front_criticisms: number;
  recommendations: number;
  answered: number;
  partly: number;
  overdue: number;
};

/**
 * The year's figures of each child of the unit at `path` (and of the unit itself, its own records,
 * under its own id), grouped by the child a record lies under. Paths are ltrees of ids, so that
 * child is the path's label just below the unit (`subpath`), read without a join to the tree: one
 * pass per table over the subtree. Boards count when in office on the year's last day or today,
 * whichever is earlier.
 */
export async function findFigures(db: Q, path: string, year: number, today: string): Promise<FigureRecord[]> {
  const depth = path.split('.').length;
  const unitId = path.split('.').at(-1)!;
  const child = (col: string) => sql`case when nlevel(${sql.ref(col)}) > ${depth} then ltree2text(subpath(${sql.ref(col)}, ${depth}, 1))::bigint else ${unitId}::bigint end`;
  const from = sql`make_date(${year}, 1, 1)`;
  const to = sql`make_date(${year}, 12, 31)`;
  const { rows } = await sql<FigureRecord>`
    with boards as (
      select ${child('b.unit_path')} as unit_id, count(*)::int as n
      from supervision_boards b
      where b.unit_path <@ ${path}::ltree and b.term_from <= least(${to}, ${today}::date) and (b.term_to is null or b.term_to >= least(${to}, ${today}::date))
      group by 1
    ),
    acts as (
      select ${child('a.unit_path')} as unit_id,
        count(*) filter (where a.board_id is not null)::int as board_findings,
        count(*) filter (where a.board_id is null and a.kind = 'supervision')::int as front_supervisions,
        count(*) filter (where a.board_id is null and a.kind = 'social_criticism')::int as front_criticisms
      from supervision_activities a
      where a.unit_path <@ ${path}::ltree and a.held_on between ${from} and ${to}
      group by 1
    ),
    recs as (
      select ${child('r.unit_path')} as unit_id,
        count(*)::int as recommendations,
        count(*) filter (where r.answer_kind = 'answered')::int as answered,
        count(*) filter (where r.answer_kind = 'partly')::int as partly,
        count(*) filter (where r.answered_on is null and r.due_on < ${today}::date)::int as overdue
      from supervision_recommendations r
      where r.unit_path <@ ${path}::ltree and r.sent_on between ${from} and ${to}
      group by 1
    )
    select ids.unit_id::text as unit_id,
      coalesce(boards.n, 0) as boards_in_office, coalesce(acts.board_findings, 0) as board_findings,
      coalesce(acts.front_supervisions, 0) as front_supervisions, coalesce(acts.front_criticisms, 0) as front_criticisms,
      coalesce(recs.recommendations, 0) as recommendations, coalesce(recs.answered, 0) as answered,
      coalesce(recs.partly, 0) as partly, coalesce(recs.overdue, 0) as overdue
    from (select unit_id from boards union select unit_id from acts union select unit_id from recs) ids
    left join boards on boards.unit_id = ids.unit_id left join acts on acts.unit_id = ids.unit_id left join recs on recs.unit_id = ids.unit_id`.execute(db);
  return rows;
}

/** The unit's children in force, by name (the figures' rows, zeros included). */
export async function findChildren(db: Q, unitId: string) {
  const { rows } = await sql<{ id: string; name: string; kind: string }>`
    select id::text, name, kind from units where parent_id = ${unitId} and valid_to is null order by name`.execute(db);
  return rows;
}

/** Overdue recommendations of the unit's subtree (the work queue's row: the list `state=overdue`). */
export async function countOverdue(db: Q, path: string, today: string): Promise<number> {
  const { rows } = await sql<{ n: number }>`select count(*)::int as n from supervision_recommendations r where r.unit_path <@ ${path}::ltree and ${stateClause('overdue', today)}`.execute(db);
  return rows[0]?.n ?? 0;
}
