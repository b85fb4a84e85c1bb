/**
 * The SQL of backup and restore. Tables, columns, keys, triggers and sequences are read from the
 * catalog of the current schema, so tables that later migrations add are included with no change
 * here. Values travel as PostgreSQL text (`col::text` out, `$n::text[]` cast to the column's type
 * in), which every server version reads back exactly.
 */
import { type Kysely, sql } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { ColumnInfo, RowValues, SequenceState } from './backup.format.js';

type Q = Kysely<Database>;

const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Bookkeeping of the migrator: the archive lists the applied migrations in its header instead. */
const MIGRATION_TABLES = ['danvan_migrations', 'danvan_migrations_lock'];

export type CatalogTable = { name: string; columns: ColumnInfo[]; primaryKey: string[]; hasIdentity: boolean };
export type ForeignKey = { name: string; table: string; references: string; deferrable: boolean };
export type TableCatalog = {
  /** Referenced tables first. */
  tables: CatalogTable[];
  /** Foreign keys that no table order satisfies (a table referencing itself, or a cycle): restore defers them. */
  unorderable: ForeignKey[];
};

/**
 * Orders tables so that each comes after the tables it references (alphabetical among equals, so
 * the order is stable). A self-reference or a cycle cannot be ordered: those keys are returned.
 */
export function dependencyOrder(names: string[], keys: ForeignKey[]): { order: string[]; unorderable: ForeignKey[] } {
  const remaining = new Set([...names].sort());
  const order: string[] = [];
  const unorderable = keys.filter((k) => k.table === k.references);
  const inner = keys.filter((k) => k.table !== k.references && remaining.has(k.table) && remaining.has(k.references));
  while (remaining.size) {
    const ready = [...remaining].find((t) => inner.every((k) => k.table !== t || !remaining.has(k.references)));
    // A cycle: break it at its alphabetically first table, deferring that table's keys into the cycle.
    const next = ready ?? [...remaining][0]!;
    if (!ready) unorderable.push(...inner.filter((k) => k.table === next && remaining.has(k.references)));
    remaining.delete(next);
    order.push(next);
  }
  return { order, unorderable };
}

/** The data tables of the current schema: not the migrator's tables, not tables of extensions. */
export async function readCatalog(db: Q): Promise<TableCatalog> {
  const { rows: tableRows } = await sql<{ name: string }>`
    select c.relname as name
    from pg_class c
    where c.relnamespace = current_schema()::regnamespace
      and c.relkind in ('r', 'p') and not c.relispartition
      and not exists (select 1 from pg_depend d where d.classid = 'pg_class'::regclass and d.objid = c.oid and d.deptype = 'e')
  `.execute(db);
  const names = tableRows.map((r) => r.name).filter((n) => !MIGRATION_TABLES.includes(n));
  const { rows: columnRows } = await sql<{ table: string; name: string; type: string; identity: boolean }>`
    select c.relname as table, a.attname as name, format_type(a.atttypid, null) as type, a.attidentity <> '' as identity
    from pg_attribute a
    join pg_class c on c.oid = a.attrelid
    where c.relnamespace = current_schema()::regnamespace and c.relkind in ('r', 'p')
      and a.attnum > 0 and not a.attisdropped and a.attgenerated = ''
    order by c.relname, a.attnum
  `.execute(db);
  const { rows: keyRows } = await sql<{ table: string; name: string }>`
    select c.relname as table, a.attname as name
    from pg_constraint con
    join pg_class c on c.oid = con.conrelid
    cross join lateral unnest(con.conkey) with ordinality as k(attnum, ord)
    join pg_attribute a on a.attrelid = con.conrelid and a.attnum = k.attnum
    where con.contype = 'p' and c.relnamespace = current_schema()::regnamespace
    order by c.relname, k.ord
  `.execute(db);
  const { rows: fkRows } = await sql<ForeignKey>`
    select con.conname as name, c.relname as table, r.relname as references, con.condeferrable as deferrable
    from pg_constraint con
    join pg_class c on c.oid = con.conrelid
    join pg_class r on r.oid = con.confrelid
    where con.contype = 'f' and c.relnamespace = current_schema()::regnamespace
    order by con.conname
  `.execute(db);
  const { order, unorderable } = dependencyOrder(
    names,
    fkRows.filter((k) => names.includes(k.table) && names.includes(k.references)),
  );
  const tables = order.map((name) => {
    const columns = columnRows.filter((c) => c.table === name);
    return {
      name,
      columns: columns.map((c) => ({ name: c.name, type: c.type })),
      primaryKey: keyRows.filter((k) => k.table === name).map((k) => k.name),
      hasIdentity: columns.some((c) => c.identity),
    };
  });
  return { tables, unorderable };
}

/** Fixes the text forms of values for the session (transaction): ISO dates, UTC, exact floats, hex bytea. */
export async function setPortableOutput(trx: Q): Promise<void> {
  await sql`
    select set_config('datestyle', 'ISO, YMD', true), set_config('intervalstyle', 'postgres', true),
           set_config('timezone', 'UTC', true), set_config('extra_float_digits', '1', true),
           set_config('bytea_output', 'hex', true)
  `.execute(trx);
}

export async function serverVersion(db: Q): Promise<string> {
  const { rows } = await sql<{ v: string }>`select current_setting('server_version') as v`.execute(db);
  return rows[0]?.v ?? 'unknown';
}

export async function countRows(db: Q, table: string): Promise<number> {
  const { rows } = await sql<{ n: string }>`select count(*) as n from ${sql.id(table)}`.execute(db);
  return Number(rows[0]?.n ?? 0);
}

export async function hasRows(db: Q, table: string): Promise<boolean> {
  const { rows } = await sql<{ yes: boolean }>`select exists (select 1 from ${sql.id(table)}) as yes`.execute(db);
  return rows[0]?.yes === true;
}

export async function tableExists(db: Q, table: string): Promise<boolean> {
  const { rows } = await sql<{ oid: string | null }>`select to_regclass(${table})::text as oid`.execute(db);
  return rows[0]?.oid != null;
}

/**
 * Streams a table's rows as text, in primary-key order, through a server-side cursor: memory stays
 * flat whatever the table's size. Must run inside a transaction (the cursor lives in it).
 */
export async function* streamRows(trx: Q, table: CatalogTable, batchRows: number): AsyncGenerator<RowValues[]> {
  const columns = sql.join(table.columns.map((c, i) => sql`${sql.id(c.name)}::text as ${sql.id(`c${i}`)}`));
  const orderBy = table.primaryKey.length ? sql`order by ${sql.join(table.primaryKey.map((k) => sql.id(k)))}` : sql``;
  await sql`declare danvan_backup no scroll cursor for select ${columns} from ${sql.id(table.name)} ${orderBy}`.execute(trx);
  try {
    for (;;) {
      const { rows } = await sql<Record<string, string | null>>`fetch forward ${sql.raw(String(batchRows))} from danvan_backup`.execute(trx);
      if (rows.length === 0) return;
      yield rows.map((row) => table.columns.map((_, i) => row[`c${i}`] ?? null));
    }
  } finally {
    await sql`close danvan_backup`.execute(trx);
  }
}

/** Current state of every sequence of the schema; read after the snapshot began, so never behind its rows. */
export async function readSequences(db: Q): Promise<SequenceState[]> {
  const { rows } = await sql<{ name: string; last_value: string | null }>`
    select sequencename as name, last_value::text as last_value
    from pg_sequences
    where schemaname = current_schema()
    order by sequencename
  `.execute(db);
  return rows.map((r) => ({ name: r.name, lastValue: r.last_value, isCalled: r.last_value !== null }));
}

/** Sets each listed sequence that exists here to the archived state. */
export async function restoreSequences(trx: Q, sequences: SequenceState[]): Promise<void> {
  const { rows } = await sql<{ name: string }>`select sequencename as name from pg_sequences where schemaname = current_schema()`.execute(trx);
  const existing = new Set(rows.map((r) => r.name));
  for (const s of sequences) {
    if (!existing.has(s.name)) continue;
    if (s.isCalled && s.lastValue !== null) {
      await sql`select setval(${quoteIdent(s.name)}::regclass, ${s.lastValue}::bigint, true)`.execute(trx);
    } else {
      await sql`alter sequence ${sql.id(s.name)} restart`.execute(trx);
    }
  }
}

/** Moves identity sequences that lag behind their column's largest value up to it. */
export async function alignIdentitySequences(trx: Q, tables: string[]): Promise<void> {
  const { rows } = await sql<{ table: string; column: string }>`
    select c.relname as table, a.attname as column
    from pg_attribute a join pg_class c on c.oid = a.attrelid
    where c.relnamespace = current_schema()::regnamespace and a.attidentity <> '' and not a.attisdropped
  `.execute(trx);
  for (const { table, column } of rows.filter((r) => tables.includes(r.table))) {
    const { rows: found } = await sql<{ seq: string | null; top: string | null }>`
      select pg_get_serial_sequence(${quoteIdent(table)}, ${column}) as seq,
             (select max(${sql.id(column)})::text from ${sql.id(table)}) as top
    `.execute(trx);
    const { seq, top } = found[0] ?? {};
    if (!seq || top == null) continue;
    const { rows: states } = await sql<{ last: string; called: boolean }>`select last_value::text as last, is_called as called from ${sql.raw(seq)}`.execute(trx);
    const state = states[0];
    // nextval returns last_value + 1 once called, last_value itself before.
    const behind = !state || (state.called ? BigInt(state.last) < BigInt(top) : BigInt(state.last) <= BigInt(top));
    if (behind) await sql`select setval(${seq}::regclass, ${top}::bigint, true)`.execute(trx);
  }
}

/**
 * Inserts a batch of text rows. `columns` are the target's own columns (names and types from its
 * catalog): nothing from the archive reaches the SQL except as parameters.
 */
export async function insertRows(trx: Q, table: string, columns: ColumnInfo[], hasIdentity: boolean, rows: RowValues[]): Promise<void> {
  if (rows.length === 0) return;
  const names = sql.join(columns.map((c) => sql.id(c.name)));
  const casts = sql.join(columns.map((c) => sql`u.${sql.id(c.name)}::${sql.raw(c.type)}`));
  const arrays = sql.join(columns.map((_, i) => sql`${rows.map((r) => r[i] ?? null)}::text[]`));
  await sql`
    insert into ${sql.id(table)} (${names}) ${hasIdentity ? sql`overriding system value` : sql``}
    select ${casts} from unnest(${arrays}) as u(${names})
  `.execute(trx);
}

/** Blocks every other session from the tables until the transaction ends. */
export async function lockTables(trx: Q, tables: string[]): Promise<void> {
  if (tables.length) await sql`lock table ${sql.join(tables.map((t) => sql.id(t)))} in access exclusive mode`.execute(trx);
}

export async function deleteAllRows(trx: Q, table: string): Promise<void> {
  await sql`delete from ${sql.id(table)}`.execute(trx);
}

type TriggerRow = { table: string; name: string; enabled: string };

/**
 * Switches off, for this transaction, the triggers that would fire on the restore's inserts (a
 * trigger stamping `updated_at` would change restored values); returns what turns them back on as
 * they were. The audit log's append-only trigger fires on update/delete/truncate only: untouched.
 */
export async function suspendInsertTriggers(trx: Q, tables: string[]): Promise<() => Promise<void>> {
  const { rows } = await sql<TriggerRow>`
    select c.relname as table, t.tgname as name, t.tgenabled as enabled
    from pg_trigger t join pg_class c on c.oid = t.tgrelid
    where c.relnamespace = current_schema()::regnamespace and not t.tgisinternal
      and (t.tgtype & 4) <> 0 and t.tgenabled <> 'D'
  `.execute(trx);
  const suspended = rows.filter((r) => tables.includes(r.table));
  for (const t of suspended) await sql`alter table ${sql.id(t.table)} disable trigger ${sql.id(t.name)}`.execute(trx);
  return async () => {
    for (const t of suspended) {
      const mode = t.enabled === 'A' ? sql`always` : t.enabled === 'R' ? sql`replica` : sql``;
      await sql`alter table ${sql.id(t.table)} enable ${mode} trigger ${sql.id(t.name)}`.execute(trx);
    }
  };
}

/**
 * Defers the checks of foreign keys that no insertion order satisfies (units.parent_id) to the end
 * of the load; returns what checks them and puts them back as they were.
 */
export async function deferForeignKeys(trx: Q, keys: ForeignKey[]): Promise<() => Promise<void>> {
  for (const k of keys) {
    if (!k.deferrable) await sql`alter table ${sql.id(k.table)} alter constraint ${sql.id(k.name)} deferrable`.execute(trx);
  }
  if (keys.length) await sql`set constraints ${sql.join(keys.map((k) => sql.id(k.name)))} deferred`.execute(trx);
  return async () => {
    await sql`set constraints all immediate`.execute(trx);
    for (const k of keys) {
      if (!k.deferrable) await sql`alter table ${sql.id(k.table)} alter constraint ${sql.id(k.name)} not deferrable`.execute(trx);
    }
  };
}

