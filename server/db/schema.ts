/**
 * Table types for Kysely. Written by hand next to the migrations that create the tables:
 * change both in the same commit.
 */
import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type DateOnly = ColumnType<string, string, string>;
type Json<T = unknown> = ColumnType<T, string | T, string | T>;

export type UnitCategory = 'administrative' | 'organization';

export type UnitKindTable = {
  code: string;
  category: UnitCategory;
  /** Display names by language code ({ vi, en, ... }); `vi` is required. */
  names: Json<Record<string, string>>;
  sort_order: Generated<number>;
  builtin: Generated<boolean>;
  created_at: Timestamp;
};

export type UnitTable = {
  id: Generated<string>;
  parent_id: string | null;
  /** ltree of ids from the root: '1.23.456'. */
  path: string;
  kind: string;
  code: string | null;
  division_type: string | null;
  name: string;
  name_en: string | null;
  /** First day in force (null: since before records began). */
  valid_from: DateOnly | null;
  /** First day no longer in force (null: in force). */
  valid_to: DateOnly | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Generated<number>;
};

export type SuccessionKind = 'whole' | 'partial' | 'unchanged';

export type UnitSuccessionTable = {
  predecessor_id: string;
  successor_id: string;
  kind: SuccessionKind;
  effective: DateOnly;
};

export type UserTable = {
  id: Generated<string>;
  username: string;
  display_name: string;
  email: string | null;
  password_hash: string;
  locale: Generated<string>;
  must_change_password: Generated<boolean>;
  disabled_at: Timestamp | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Generated<number>;
};

export type SessionTable = {
  /** SHA-256 of the token the browser holds; the token itself is never stored. */
  id: string;
  user_id: string;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  expires_at: Timestamp;
  ip: string | null;
  user_agent: string | null;
};

export type Role = 'system_admin' | 'unit_admin' | 'editor' | 'approver' | 'viewer';

export type RoleGrantTable = {
  id: Generated<string>;
  user_id: string;
  unit_id: string;
  role: Role;
  granted_by: string | null;
  granted_at: Timestamp;
};

export type LoginFailureTable = {
  key: string;
  failures: number;
  window_start: Timestamp;
  locked_until: Timestamp | null;
};

export type AuditLogTable = {
  id: Generated<string>;
  at: Timestamp;
  actor_id: string | null;
  actor_name: string | null;
  unit_id: string | null;
  action: string;
  record_type: string;
  record_id: string | null;
  before: Json | null;
  after: Json | null;
  ip: string | null;
  request_id: string | null;
};

export type AppMetaTable = {
  key: string;
  value: Json;
  updated_at: Timestamp;
};

export type Database = {
  unit_kinds: UnitKindTable;
  units: UnitTable;
  unit_successions: UnitSuccessionTable;
  users: UserTable;
  sessions: SessionTable;
  role_grants: RoleGrantTable;
  login_failures: LoginFailureTable;
  audit_log: AuditLogTable;
  app_meta: AppMetaTable;
};

export type UnitRow = Selectable<UnitTable>;
export type NewUnit = Insertable<UnitTable>;
export type UnitUpdate = Updateable<UnitTable>;
export type UserRow = Selectable<UserTable>;
export type AuditRow = Selectable<AuditLogTable>;
