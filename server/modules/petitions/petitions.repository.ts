/** SQL of petitions: numbering, the record and its history, attachments, lists, the digest, retention. */
import { type Kysely, sql } from 'kysely';
import { OPEN_PETITION_STATUSES, type PetitionChannel, type PetitionKind, type PetitionStatus } from '../../../common/petitions.js';
import type { Database } from '../../db/schema.js';
import type { auditRow } from '../audit/audit.repository.js';

type Q = Kysely<Database>;

const OPEN = sql.join(OPEN_PETITION_STATUSES.map((s) => sql.lit(s)));

export type NewPetition = {
  unit_id: string;
  unit_path: string;
  year: number;
  kind: PetitionKind;
  channel: PetitionChannel;
  anonymous: boolean;
  submitter_name: string | null;
  submitter_contact: string | null;
  submitter_id_number: string | null;
  submitter_address: string | null;
  concerned_unit_id: string | null;
  category_code: string;
  title: string;
  content: string;
  handling_unit_id: string;
  handling_unit_path: string;
  received_on: string;
  due_on: string;
  tracking_code: string;
  secret_hash: string;
  created_by: string | null;
  /** The public page's consent (both or neither; absent for officers' intakes). */
  consent_at?: Date;
  consent_notice_version?: string;
};

/**
 * Inserts the petition with the next number of its unit's sequence for the year, and its first
 * history step, in one statement. The counter upsert locks the (unit, year) row until the
 * transaction ends, so concurrent intakes queue on it and get consecutive numbers, and a
 * rolled-back intake gives its number back.
 *
 * With `audit`, the audit record is appended by the same statement (its `after` gains the number),
 * and the caller runs it outside any transaction: the statement is then its own transaction and
 * the counter's lock lasts exactly as long as the statement. Inside a transaction the lock would
 * last until Node gets round to sending COMMIT — under a burst of intakes to one unit, after
 * hundreds of other requests' callbacks — and intakes would queue behind it.
 */
export async function insertNumberedPetition(
  q: Q,
  row: NewPetition,
  actor: { id: string | null; name: string },
  audit?: ReturnType<typeof auditRow>,
): Promise<{ id: string; number: number }> {
  const columns = Object.keys(row) as (keyof NewPetition)[];
  const auditCte = audit
    ? sql`, a as (
      insert into audit_log (actor_id, actor_name, unit_id, action, record_type, record_id, after, ip, request_id)
      select ${audit.actor_id}, ${audit.actor_name}, ${audit.unit_id}, ${audit.action}, ${audit.record_type}, p.id::text,
        ${audit.after}::jsonb || jsonb_build_object('number', p.number || '/' || ${row.year}), ${audit.ip}, ${audit.request_id}
      from p
    )`
    : sql``;
  const { rows } = await sql<{ id: string; number: number }>`
    with n as (
      insert into petition_counters (unit_id, year, last_number) values (${row.unit_id}, ${row.year}, 1)
      on conflict (unit_id, year) do update set last_number = petition_counters.last_number + 1
      returning last_number
    ), p as (
      insert into petitions (${sql.join(columns.map((c) => sql.ref(c)))}, number)
      select ${sql.join(columns.map((c) => sql`${row[c]}`))}, n.last_number from n
      returning id, number
    ), t as (
      insert into petition_transitions (petition_id, action, from_status, to_status, to_unit_id, actor_id, actor_name)
      select p.id, 'receive', null, 'received', ${row.unit_id}, ${actor.id}, ${actor.name} from p
    )${auditCte}
    select id::text, number from p`.execute(q);
  return rows[0]!;
}

export type NewTransition = {
  petition_id: string;
  action: string;
  from_status: PetitionStatus | null;
  to_status: PetitionStatus;
  from_unit_id?: string | null;
  to_unit_id?: string | null;
  reason?: string | null;
  actor_id: string | null;
  actor_name: string;
};

export async function insertTransition(trx: Q, t: NewTransition): Promise<void> {
  await trx.insertInto('petition_transitions').values(t).execute();
}

export type NewAttachment = { fileName: string; contentType: string; data: Buffer; sha256: string };

export async function insertAttachments(trx: Q, petitionId: string, userId: string | null, files: NewAttachment[]): Promise<void> {
  if (!files.length) return;
  await trx
    .insertInto('petition_attachments')
    .values(files.map((f) => ({ petition_id: petitionId, file_name: f.fileName, content_type: f.contentType, size_bytes: f.data.length, sha256: f.sha256, data: f.data, uploaded_by: userId })))
    .execute();
}

/** What the service and presenters need about one petition (never the secret's hash). */
const DETAIL = sql`
  p.id, p.unit_id, u.name as unit_name, p.unit_path::text as unit_path, p.year, p.number, p.kind, p.channel,
  p.anonymous, p.submitter_name, p.submitter_contact, p.submitter_id_number, p.submitter_address,
  p.identity_erased_at, p.concerned_unit_id, cu.name as concerned_unit_name, p.category_code, p.title, p.content,
  p.status, p.handling_unit_id, hu.name as handling_unit_name, hu.parent_id as handling_parent_id,
  p.handling_unit_path::text as handling_unit_path, p.received_on, p.due_on, p.extended_days, p.result,
  p.public_reply, p.closed_on, p.tracking_code, p.version`;

export type PetitionRecord = {
  id: string;
  unit_id: string;
  unit_name: string;
  unit_path: string;
  year: number;
  number: number;
  kind: PetitionKind;
  channel: PetitionChannel;
  anonymous: boolean;
  submitter_name: string | null;
  submitter_contact: string | null;
  submitter_id_number: string | null;
  submitter_address: string | null;
  identity_erased_at: Date | null;
  concerned_unit_id: string | null;
  concerned_unit_name: string | null;
  category_code: string;
  title: string;
  content: string;
  status: PetitionStatus;
  handling_unit_id: string;
  handling_unit_name: string;
  handling_parent_id: string | null;
  handling_unit_path: string;
  received_on: string;
  due_on: string;
  extended_days: number;
  result: string | null;
  public_reply: string | null;
  closed_on: string | null;
  tracking_code: string;
  version: number;
};

export async function findPetitionById(db: Q, id: string): Promise<PetitionRecord | undefined> {
  const { rows } = await sql<PetitionRecord>`
    select ${DETAIL} from petitions p
    join units u on u.id = p.unit_id
    join units hu on hu.id = p.handling_unit_id
    left join units cu on cu.id = p.concerned_unit_id
    where p.id = ${id}`.execute(db);
  return rows[0];
}

export async function lockPetition(trx: Q, id: string): Promise<void> {
  await sql`select 1 from petitions where id = ${id} for update`.execute(trx);
}

/** A petition's steps, oldest first; `actor_name` is the officer's display name, null for the citizen on the public page and the system. */
export async function findTransitions(db: Q, petitionId: string) {
  const { rows } = await sql<{
    action: string;
    from_status: PetitionStatus | null;
    to_status: PetitionStatus;
    from_unit_id: string | null;
    from_unit_name: string | null;
    to_unit_id: string | null;
    to_unit_name: string | null;
    reason: string | null;
    actor_name: string | null;
    at: Date;
  }>`
    select t.action, t.from_status, t.to_status, t.from_unit_id, fu.name as from_unit_name, t.to_unit_id,
           tu.name as to_unit_name, t.reason, case when t.actor_id is null then null else coalesce(au.display_name, t.actor_name) end as actor_name, t.at
    from petition_transitions t
    left join units fu on fu.id = t.from_unit_id
    left join units tu on tu.id = t.to_unit_id
    left join users au on au.id = t.actor_id
    where t.petition_id = ${petitionId} order by t.at, t.id`.execute(db);
  return rows;
}

const LISTED_ATTACHMENT = ['id', 'file_name', 'content_type', 'size_bytes', 'sha256', 'uploaded_at'] as const;

export async function findAttachments(db: Q, petitionId: string) {
  return db.selectFrom('petition_attachments').select(LISTED_ATTACHMENT).where('petition_id', '=', petitionId).orderBy('id').execute();
}

export async function findAttachment(db: Q, petitionId: string, id: string) {
  return db.selectFrom('petition_attachments').select([...LISTED_ATTACHMENT, 'data']).where('petition_id', '=', petitionId).where('id', '=', id).executeTakeFirst();
}

export type PetitionChanges = {
  status?: PetitionStatus;
  kind?: PetitionKind;
  category_code?: string;
  handling_unit_id?: string;
  handling_unit_path?: string;
  due_on?: string;
  extended_days?: number;
  result?: string | null;
  public_reply?: string | null;
  closed_on?: string;
  closed_at?: Date;
};

/** Applies the change when the version still matches; false when someone changed it first. */
export async function updatePetition(trx: Q, id: string, version: number, changes: PetitionChanges): Promise<boolean> {
  const r = await trx
    .updateTable('petitions')
    .set({ ...changes, updated_at: sql`now()`, version: sql`version + 1` })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export type ListFilter = {
  /** Subtrees the caller reads in (receiving or handling unit inside one); undefined: everywhere. */
  scopePaths?: string[];
  /** Petitions handled at this unit or below it. */
  underPath?: string;
  /**
   * The unit's work queue: petitions handled by the unit itself, plus those overdue anywhere below
   * it (escalated). Needs `underPath`.
   */
  queueUnitId?: string;
  status?: PetitionStatus;
  open?: boolean;
  kind?: PetitionKind;
  channel?: PetitionChannel;
  categoryCode?: string;
  year?: number;
  /** 'overdue': open and due before `today`; 'due_soon': open and due from `today` to `soonLimit`. */
  due?: 'overdue' | 'due_soon';
  today: string;
  soonLimit: string;
  /** The list's text search (`q`), parsed by petition-search.ts. */
  search?: PetitionTextSearch;
  /** Also select the submitter's ID number and address (exports that may show the identity). */
  withIdentity?: boolean;
  limit: number;
  offset: number;
};

/**
 * What `q` asks for: a number ("12", "12/2026") matches the number only; any other text matches the
 * title, the tracking code when it reads as one, and the submitter's name inside `nameScopes` only
 * (where the caller holds petitions.identity: elsewhere a name must not even decide whether a row
 * matches). All folded: accents and case do not matter.
 */
export type PetitionTextSearch =
  | { kind: 'number'; number: number; year?: number }
  | { kind: 'text'; text: string; trackingCode?: string; nameScopes: string[] | 'everywhere' };

export type ListRecord = {
  id: string;
  unit_id: string;
  unit_name: string;
  year: number;
  number: number;
  kind: PetitionKind;
  channel: PetitionChannel;
  anonymous: boolean;
  submitter_name: string | null;
  submitter_contact: string | null;
  identity_erased_at: Date | null;
  category_code: string;
  title: string;
  status: PetitionStatus;
  handling_unit_id: string;
  handling_unit_name: string;
  received_on: string;
  due_on: string;
  closed_on: string | null;
  version: number;
  submitter_id_number?: string | null;
  submitter_address?: string | null;
  /** With a name search: whether this row matched by the submitter's name (an audited read). */
  matched_by_name?: boolean;
};

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** The submitter's name matches the search, inside the subtrees where the caller reads identities. */
function nameMatch(s: Extract<PetitionTextSearch, { kind: 'text' }>) {
  if (s.nameScopes !== 'everywhere' && !s.nameScopes.length) return undefined;
  const scope = s.nameScopes === 'everywhere' ? sql`` : sql` and (p.unit_path <@ ${s.nameScopes}::ltree[] or p.handling_unit_path <@ ${s.nameScopes}::ltree[])`;
  return sql`(p.submitter_name is not null and danvan_fold(p.submitter_name) like danvan_fold(${`%${escapeLike(s.text)}%`})${scope})`;
}

function searchWhere(s: PetitionTextSearch) {
  if (s.kind === 'number') return s.year === undefined ? sql`p.number = ${s.number}` : sql`(p.number = ${s.number} and p.year = ${s.year})`;
  const any = [sql`danvan_fold(p.title) like danvan_fold(${`%${escapeLike(s.text)}%`})`];
  if (s.trackingCode) any.push(sql`p.tracking_code = ${s.trackingCode}`);
  const name = nameMatch(s);
  if (name) any.push(name);
  return sql`(${sql.join(any, sql` or `)})`;
}

function listWhere(f: Omit<ListFilter, 'limit' | 'offset'>) {
  const c = [sql`true`];
  if (f.scopePaths) {
    if (!f.scopePaths.length) return sql`false`;
    c.push(sql`(p.unit_path <@ ${f.scopePaths}::ltree[] or p.handling_unit_path <@ ${f.scopePaths}::ltree[])`);
  }
  if (f.underPath) c.push(sql`p.handling_unit_path <@ ${f.underPath}::ltree`);
  if (f.queueUnitId) c.push(sql`(p.handling_unit_id = ${f.queueUnitId} or (p.status in (${OPEN}) and p.due_on < ${f.today}::date))`);
  if (f.status) c.push(sql`p.status = ${f.status}`);
  if (f.open) c.push(sql`p.status in (${OPEN})`);
  if (f.kind) c.push(sql`p.kind = ${f.kind}`);
  if (f.channel) c.push(sql`p.channel = ${f.channel}`);
  if (f.categoryCode) c.push(sql`p.category_code = ${f.categoryCode}`);
  if (f.year) c.push(sql`p.year = ${f.year}`);
  if (f.due === 'overdue') c.push(sql`p.status in (${OPEN}) and p.due_on < ${f.today}::date`);
  if (f.due === 'due_soon') c.push(sql`p.status in (${OPEN}) and p.due_on between ${f.today}::date and ${f.soonLimit}::date`);
  if (f.search) c.push(searchWhere(f.search));
  return sql.join(c, sql` and `);
}

/** `, <name match> as matched_by_name` when the search may match names, so the service can audit those rows. */
function nameMatched(f: ListFilter) {
  const name = f.search?.kind === 'text' ? nameMatch(f.search) : undefined;
  return name ? sql`, ${name} as matched_by_name` : sql``;
}

/** How many petitions the filter matches, exactly (exports check it against their limit first). */
export async function countPetitions(db: Q, f: Omit<ListFilter, 'limit' | 'offset'>): Promise<number> {
  const { rows } = await sql<{ n: number }>`select count(*)::int as n from petitions p where ${listWhere(f)}`.execute(db);
  return rows[0]!.n;
}

/** Totals are counted up to this; past it the list says "more than" (a province can hold a million). */
export const COUNT_CAP = 10_000;

/**
 * A page of petitions and the total (exact up to COUNT_CAP, then `totalCapped`). Due lists
 * (`due` set) come soonest-due first, which the partial index on open petitions' due dates
 * serves directly; other lists newest first.
 */
export async function findPetitions(db: Q, f: ListFilter): Promise<{ rows: ListRecord[]; total: number; totalCapped: boolean }> {
  const where = listWhere(f);
  const order = f.due ? sql`p.due_on, p.id` : sql`p.received_on desc, p.id desc`;
  const { rows } = await sql<ListRecord>`
    select p.id, p.unit_id, u.name as unit_name, p.year, p.number, p.kind, p.channel, p.anonymous,
           p.submitter_name, p.submitter_contact, p.identity_erased_at, p.category_code, p.title, p.status,
           p.handling_unit_id, hu.name as handling_unit_name, p.received_on, p.due_on, p.closed_on, p.version
           ${f.withIdentity ? sql`, p.submitter_id_number, p.submitter_address` : sql``}
           ${nameMatched(f)}
    from petitions p
    join units u on u.id = p.unit_id
    join units hu on hu.id = p.handling_unit_id
    where ${where}
    order by ${order}
    limit ${f.limit} offset ${f.offset}`.execute(db);
  // Counting half a million overdue petitions costs more than the page itself: stop at the cap.
  const total = await sql<{ n: number }>`select count(*)::int as n from (select 1 from petitions p where ${where} limit ${COUNT_CAP + 1}) c`.execute(db);
  const n = total.rows[0]!.n;
  return { rows, total: Math.min(n, COUNT_CAP), totalCapped: n > COUNT_CAP };
}

/** Open petitions due by `soonLimit`, counted per handling unit (with its path, for the roll-up). */
export async function countDueByHandlingUnit(db: Q, today: string, soonLimit: string, underPath?: string) {
  const { rows } = await sql<{ unit_id: string; unit_name: string; path: string; due_soon: number; overdue: number }>`
    select p.handling_unit_id as unit_id, hu.name as unit_name, hu.path::text as path,
           count(*) filter (where p.due_on >= ${today}::date)::int as due_soon,
           count(*) filter (where p.due_on < ${today}::date)::int as overdue
    from petitions p join units hu on hu.id = p.handling_unit_id
    where p.status in (${OPEN}) and p.due_on <= ${soonLimit}::date
      ${underPath ? sql`and p.handling_unit_path <@ ${underPath}::ltree` : sql``}
    group by p.handling_unit_id, hu.name, hu.path`.execute(db);
  return rows;
}

export async function findUnitNames(db: Q, ids: string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const rows = await db.selectFrom('units').select(['id', 'name']).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** The petition a public lookup names, with what the citizen may see and the hash to check. */
export async function findByTrackingCode(db: Q, code: string) {
  return db
    .selectFrom('petitions')
    .select(['tracking_code', 'secret_hash', 'status', 'received_on', 'due_on', 'closed_on', 'public_reply'])
    .where('tracking_code', '=', code)
    .executeTakeFirst();
}

/** Closed before `before` and still holding an identity: the retention job's work. */
export async function findIdentitiesToErase(db: Q, before: Date, limit: number) {
  return db
    .selectFrom('petitions')
    .select(['id', 'unit_id', 'closed_at'])
    .where('closed_at', '<', before)
    .where('identity_erased_at', 'is', null)
    .where('anonymous', '=', false)
    .orderBy('closed_at')
    .limit(limit)
    .execute();
}

export async function eraseIdentity(trx: Q, id: string): Promise<boolean> {
  const r = await trx
    .updateTable('petitions')
    .set({ submitter_name: null, submitter_contact: null, submitter_id_number: null, submitter_address: null, identity_erased_at: sql`now()`, updated_at: sql`now()` })
    .where('id', '=', id)
    .where('identity_erased_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

// ---- reference data ----

export async function findCategories(db: Q) {
  return db.selectFrom('petition_categories').select(['code', 'names', 'sort_order']).orderBy('sort_order').orderBy('code').execute();
}

export async function findTimeLimits(db: Q) {
  return db.selectFrom('petition_time_limits').select(['kind', 'days', 'basis', 'max_extension_days', 'source']).orderBy('kind').execute();
}

export async function findHolidayAdjustments(db: Q) {
  return db.selectFrom('holidays').select(['date', 'kind', 'note']).orderBy('date').execute();
}

export async function upsertHolidayAdjustment(trx: Q, h: { date: string; kind: 'day_off' | 'working_day'; note: string; userId: string | null }) {
  const before = await trx.selectFrom('holidays').select(['date', 'kind', 'note']).where('date', '=', h.date).executeTakeFirst();
  await trx
    .insertInto('holidays')
    .values({ date: h.date, kind: h.kind, note: h.note, created_by: h.userId })
    .onConflict((oc) => oc.column('date').doUpdateSet({ kind: h.kind, note: h.note, created_by: h.userId, created_at: sql`now()` }))
    .execute();
  return before;
}

export async function deleteHolidayAdjustment(trx: Q, date: string) {
  return trx.deleteFrom('holidays').where('date', '=', date).returning(['date', 'kind', 'note']).executeTakeFirst();
}

export async function findUnitPaths(db: Q, ids: string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const { rows } = await sql<{ id: string; path: string }>`select id, path::text as path from units where id = any(${ids}::bigint[])`.execute(db);
  return new Map(rows.map((r) => [r.id, r.path]));
}

/** Provinces in force (no parent given) or the communes in force directly under a province. */
export async function findAddressableUnits(db: Q, parentId?: string) {
  let q = db.selectFrom('units').select(['id', 'name']).where('valid_to', 'is', null);
  q = parentId ? q.where('parent_id', '=', parentId).where('kind', '=', 'commune') : q.where('kind', '=', 'province');
  return q.orderBy('name').limit(2000).execute();
}

/** The little intake needs about a unit (no child counts): id, path, kind, and whether it is retired. */
export async function findUnitBrief(db: Q, id: string) {
  const { rows } = await sql<{ id: string; path: string; kind: string; retired: boolean; valid_from: string | null }>`
    select id::text, path::text as path, kind, coalesce(valid_to <= current_date, false) as retired, valid_from from units where id = ${id}`.execute(db);
  return rows[0];
}
