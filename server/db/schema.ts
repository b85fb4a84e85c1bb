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
  /** Official units: the first official list showing it (null: the earliest known); with kind and code, the natural key. */
  listed_from: ColumnType<string | null, string | null | undefined, string | null>;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Generated<number>;
  /** The unit in force its records count under today, and its path (kept by triggers; docs/reports.md). */
  current_id: ColumnType<string | null, never, never>;
  current_path: ColumnType<string | null, never, never>;
  /** 'self' (in force), 'whole' (whole merges, or its parent's), 'partial' (a partial merge on the way). */
  attribution: ColumnType<UnitAttribution | null, never, never>;
};

export type UnitAttribution = 'self' | 'whole' | 'partial';

export type SuccessionKind = 'whole' | 'partial' | 'unchanged';

export type UnitSuccessionTable = {
  predecessor_id: string;
  successor_id: string;
  kind: SuccessionKind;
  effective: DateOnly;
  /** The successor a retired unit's records follow (computed with the attribution). */
  main: ColumnType<boolean, never, never>;
  /** official (the files), inferred / ambiguous (the history rule, docs/units.md), manual (a system administrator). */
  basis: Generated<SuccessionBasis>;
  /** Chosen as the main successor (by the import's rule or an administrator). */
  preferred: Generated<boolean>;
};

export type SuccessionBasis = 'official' | 'inferred' | 'ambiguous' | 'manual';

/** A former name of a unit (the current one is units.name). */
export type UnitNameTable = {
  id: Generated<string>;
  unit_id: string;
  name: string;
  division_type: string | null;
  valid_from: DateOnly | null;
  valid_to: DateOnly;
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

export type EntryLevel = 'province' | 'district' | 'commune';
export type EntryKind = 'model' | 'typical_example';
export type EntryForm = 'collective' | 'individual';
export type EntryStatus = 'draft' | 'registered' | 'accepted' | 'returned' | 'implementing' | 'evaluated' | 'recognised' | 'withdrawn';
type Numeric = ColumnType<string, string | number, string | number>;

export type EntryFieldTable = {
  code: string;
  names: Json<Record<string, string>>;
  unit_id: string | null;
  sort_order: Generated<number>;
  builtin: Generated<boolean>;
  created_at: Timestamp;
};

export type EmulationPeriodTable = {
  id: Generated<string>;
  name: string;
  start_year: number;
  end_year: number;
};

export type EntryTable = {
  id: Generated<string>;
  registering_unit_id: string;
  unit_path: string;
  level: EntryLevel;
  kind: EntryKind;
  form: EntryForm;
  field_code: string;
  year: number;
  period_id: string | null;
  title: string;
  description: string | null;
  goals: string | null;
  results: string | null;
  start_date: DateOnly | null;
  end_date: DateOnly | null;
  participants_count: number | null;
  participants: string | null;
  /** bigint: arrives as a string. */
  money_vnd: string | null;
  working_days: number | null;
  land_m2: Numeric | null;
  resources_other: string | null;
  status: Generated<EntryStatus>;
  evaluation_effective: boolean | null;
  evaluation_score: Numeric | null;
  recognised_typical: Generated<boolean>;
  replication_count: Generated<number>;
  title_key: string;
  /** danvan_fold(title || ' ' || description): generated by PostgreSQL, never written. */
  search_text: ColumnType<string, never, never>;
  /** The day the entry was first registered (Viet Nam time); set by a trigger when left null. */
  registered_on: DateOnly | null;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Generated<number>;
};

export type EntryImplementerTable = { id: Generated<string>; entry_id: string; unit_id: string | null; person_name: string | null };

export type EntryTransitionTable = {
  id: Generated<string>;
  entry_id: string;
  action: string;
  from_status: EntryStatus | null;
  to_status: EntryStatus;
  reason: string | null;
  /** The file an Excel import recorded this step from (null: done in the app). */
  imported_from: ColumnType<string | null, string | null | undefined, string | null>;
  actor_id: string | null;
  actor_name: string | null;
  at: Timestamp;
};

export type EntryProgressTable = { id: Generated<string>; entry_id: string; on_date: DateOnly; note: string; created_by: string | null; created_at: Timestamp };

export type EntryReplicationTable = { source_entry_id: string; replica_entry_id: string; created_at: Timestamp };

export type EntryEvidenceTable = {
  id: Generated<string>;
  entry_id: string;
  file_name: string;
  content_type: string;
  size_bytes: number;
  sha256: string;
  data: Buffer;
  uploaded_by: string | null;
  uploaded_at: Timestamp;
  removed_at: Timestamp | null;
};

export type ReviewConferenceTable = {
  id: Generated<string>;
  unit_id: string;
  title: string;
  held_on: DateOnly;
  period_kind: 'quarter' | 'year' | 'emulation_period' | 'custom';
  period_start: DateOnly;
  period_end: DateOnly;
  emulation_period_id: string | null;
  participants_count: number | null;
  participants: string | null;
  notes: string | null;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Generated<number>;
};

export type AnniversaryTable = {
  code: string;
  names: Json<Record<string, string>>;
  origin_date: DateOnly;
  base_year: number;
  kind: 'anniversary' | 'edition';
  sort_order: Generated<number>;
  builtin: Generated<boolean>;
};

export type ReviewTable = {
  id: Generated<string>;
  unit_id: string;
  period: 'quarter' | 'year' | 'emulation_period' | 'custom';
  year: number | null;
  quarter: number | null;
  emulation_period_id: string | null;
  period_from: DateOnly;
  period_to: DateOnly;
  title: string;
  /** A `Report` (common/reports.ts) as it was when filled. */
  figures: Json | null;
  figures_at: Timestamp | null;
  narrative: string | null;
  shortcomings: string | null;
  status: Generated<'draft' | 'final'>;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Generated<number>;
  /** Document reviews (slice 7): the policy document reviewed; null for periodic reviews. */
  policy_document_id: string | null;
  kind: 'so_ket' | 'tong_ket' | null;
  ordinal_years: number | null;
  joint: Generated<boolean>;
  /** A `DocumentFigures` (reviews/document-reviews.schema.ts): the roll-up when filled. */
  document_figures: Json | null;
};

export type ReviewCommendedUnitTable = {
  review_id: string;
  unit_id: string;
  form: string;
  commendation_id: string | null;
  sort_order: Generated<number>;
};

export type ReviewTaskTable = {
  id: Generated<string>;
  review_id: string;
  content: string;
  owner_unit_id: string;
  deadline: DateOnly;
  status: Generated<'open' | 'done'>;
  done_at: Timestamp | null;
  done_by: string | null;
  note: string | null;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Generated<number>;
};

export type ReviewEventTable = {
  id: Generated<string>;
  review_id: string;
  happened_on: DateOnly;
  title: string;
  description: string | null;
  created_by: string | null;
  created_at: Timestamp;
};

export type CommendationFormTable = { code: string; names: Json<Record<string, string>>; sort_order: Generated<number>; builtin: Generated<boolean> };

export type CommendationTable = {
  id: Generated<string>;
  recipient_kind: 'collective' | 'individual';
  recipient_unit_id: string | null;
  recipient_name: string | null;
  recipient_position: string | null;
  form_code: string;
  issuing_unit_id: string;
  unit_id: string;
  unit_path: string;
  decision_number: string;
  decision_date: DateOnly;
  year: number;
  emulation_period_id: string | null;
  conference_id: string | null;
  reason: string | null;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Generated<number>;
};

export type CommendationEntryTable = { commendation_id: string; entry_id: string };

/** Entries counted per area (root or province-level path) and facet values; kept by triggers on entries. */
export type EntryFacetCountTable = {
  area: string;
  year: number;
  /** 0: no emulation period. */
  period_id: string;
  field_code: string;
  kind: EntryKind;
  form: EntryForm;
  level: EntryLevel;
  status: EntryStatus;
  typical: boolean;
  replicated: boolean;
  n: number;
};

/** The narrow search companion of `entries` (one row per entry, kept by triggers). */
export type EntrySearchTable = { entry_id: string; combo: number; updated_at: Timestamp; words: string };
/** A combination of facet values, numbered for `entry_search.combo`. */
export type EntrySearchComboTable = Omit<EntryFacetCountTable, 'area' | 'n'> & { id: Generated<number> };

export type Database = {
  unit_kinds: UnitKindTable;
  units: UnitTable;
  unit_successions: UnitSuccessionTable;
  unit_names: UnitNameTable;
  users: UserTable;
  sessions: SessionTable;
  role_grants: RoleGrantTable;
  login_failures: LoginFailureTable;
  audit_log: AuditLogTable;
  app_meta: AppMetaTable;
  entry_fields: EntryFieldTable;
  emulation_periods: EmulationPeriodTable;
  entries: EntryTable;
  entry_implementers: EntryImplementerTable;
  entry_transitions: EntryTransitionTable;
  entry_progress: EntryProgressTable;
  entry_replications: EntryReplicationTable;
  entry_evidence: EntryEvidenceTable;
  review_conferences: ReviewConferenceTable;
  anniversaries: AnniversaryTable;
  reviews: ReviewTable;
  review_tasks: ReviewTaskTable;
  review_events: ReviewEventTable;
  review_commended_units: ReviewCommendedUnitTable;
  commendation_forms: CommendationFormTable;
  commendations: CommendationTable;
  commendation_entries: CommendationEntryTable;
  entry_facet_counts: EntryFacetCountTable;
  entry_search: EntrySearchTable;
  entry_search_combos: EntrySearchComboTable;
  petition_categories: PetitionCategoryTable;
  petition_time_limits: PetitionTimeLimitTable;
  holidays: HolidayTable;
  petition_counters: PetitionCounterTable;
  petitions: PetitionTable;
  petition_transitions: PetitionTransitionTable;
  petition_attachments: PetitionAttachmentTable;
  reception_sessions: ReceptionSessionTable;
  reception_issues: ReceptionIssueTable;
  reception_commitments: ReceptionCommitmentTable;
  dialogue_rules: DialogueRuleTable;
  rate_limits: RateLimitTable;
  job_runs: JobRunTable;
  petition_digests: PetitionDigestTable;
  unit_issuing_bodies: UnitIssuingBodyTable;
  policy_document_kinds: PolicyDocumentKindTable;
  policy_documents: PolicyDocumentTable;
  policy_document_links: PolicyDocumentLinkTable;
  policy_document_attachments: PolicyDocumentAttachmentTable;
  implementation_plans: ImplementationPlanTable;
  working_sessions: WorkingSessionTable;
  working_session_members: WorkingSessionMemberTable;
  tasks: TaskTable;
  task_progress_reports: TaskProgressReportTable;
  task_evidence: TaskEvidenceTable;
  task_unit_counts: TaskUnitCountTable;
  task_open_deadlines: TaskOpenDeadlineTable;
  report_templates: ReportTemplateTable;
  reporting_schedules: ReportingScheduleTable;
  reporting_rounds: ReportingRoundTable;
  round_participants: RoundParticipantTable;
  round_submissions: RoundSubmissionTable;
  forces: ForceTable;
  coordination_programs: CoordinationProgramTable;
  leadership_digests: LeadershipDigestTable;
  religions: ReligiousCatalogueTable;
  ethnic_groups: ReligiousCatalogueTable;
  religious_legal_statuses: ReligiousCatalogueTable;
  prestigious_support_kinds: ReligiousCatalogueTable;
  sensitive_retention: SensitiveRetentionTable;
  religious_organizations: ReligiousOrganizationTable;
  worship_places: WorshipPlaceTable;
  dignitaries: DignitaryTable;
  prestigious_persons: PrestigiousPersonTable;
  prestigious_support: PrestigiousSupportTable;
  religious_events: ReligiousEventTable;
  religious_participations: ReligiousParticipationTable;
  opinion_topics: SituationCatalogueTable;
  population_groups: SituationCatalogueTable;
  situation_reports: SituationReportTable;
  situation_items: SituationItemTable;
  situation_topic_counts: SituationTopicCountTable;
  hotspot_kinds: HotspotKindTable;
  flash_report_rules: FlashReportRuleTable;
  hotspots: HotspotTable;
  hotspot_units: HotspotUnitTable;
  hotspot_updates: HotspotUpdateTable;
  hotspot_links: HotspotLinkTable;
  publications: PublicationTable;
  citizen_decisions: CitizenDecisionTable;
  grassroots_item_years: GrassrootsItemYearTable;
  grassroots_decision_years: GrassrootsDecisionYearTable;
  supervision_exclusions: SupervisionExclusionTable;
  supervision_boards: SupervisionBoardTable;
  supervision_board_members: SupervisionBoardMemberTable;
  supervision_programs: SupervisionProgramTable;
  supervision_program_items: SupervisionProgramItemTable;
  supervision_activities: SupervisionActivityTable;
  supervision_recommendations: SupervisionRecommendationTable;
  publication_files: PublicationFileTable;
  reception_session_files: ReceptionSessionFileTable;
};

// ---- petitions (migration 20261121142000_petitions) ----

export type PetitionKind = 'recommendation' | 'complaint' | 'denunciation';
export type PetitionChannel = 'in_person' | 'hotline' | 'mail' | 'online' | 'dialogue' | 'forwarded';
export type PetitionStatus = 'received' | 'classified' | 'assigned' | 'in_progress' | 'resolved' | 'rejected' | 'transferred_out';

export type PetitionCategoryTable = { code: string; names: Json<Record<string, string>>; sort_order: Generated<number>; builtin: Generated<boolean> };

export type PetitionTimeLimitTable = {
  kind: PetitionKind;
  days: number;
  basis: 'working' | 'calendar';
  max_extension_days: Generated<number>;
  source: string;
  updated_at: Timestamp;
};

export type HolidayTable = { date: DateOnly; kind: 'day_off' | 'working_day'; note: string; created_by: string | null; created_at: Timestamp };

export type PetitionCounterTable = { unit_id: string; year: number; last_number: number };

export type PetitionTable = {
  id: Generated<string>;
  unit_id: string;
  unit_path: string;
  year: number;
  number: number;
  kind: PetitionKind;
  channel: PetitionChannel;
  anonymous: Generated<boolean>;
  submitter_name: string | null;
  submitter_contact: string | null;
  submitter_id_number: string | null;
  submitter_address: string | null;
  identity_erased_at: Timestamp | null;
  concerned_unit_id: string | null;
  category_code: string;
  title: string;
  content: string;
  status: Generated<PetitionStatus>;
  handling_unit_id: string;
  handling_unit_path: string;
  received_on: DateOnly;
  due_on: DateOnly;
  extended_days: Generated<number>;
  result: string | null;
  public_reply: string | null;
  closed_on: DateOnly | null;
  closed_at: Timestamp | null;
  tracking_code: string;
  secret_hash: string;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Generated<number>;
  /** The public page's consent to the data-protection notice: when, and to which version (both or neither). */
  consent_at: Timestamp | null;
  consent_notice_version: string | null;
};

export type PetitionTransitionTable = {
  id: Generated<string>;
  petition_id: string;
  action: string;
  from_status: PetitionStatus | null;
  to_status: PetitionStatus;
  from_unit_id: string | null;
  to_unit_id: string | null;
  reason: string | null;
  actor_id: string | null;
  actor_name: string | null;
  at: Timestamp;
};

export type PetitionAttachmentTable = {
  id: Generated<string>;
  petition_id: string;
  file_name: string;
  content_type: string;
  size_bytes: number;
  sha256: string;
  data: Buffer;
  uploaded_by: string | null;
  uploaded_at: Timestamp;
};

export type ReceptionSessionTable = {
  id: Generated<string>;
  kind: 'reception' | 'dialogue';
  unit_id: string;
  unit_path: string;
  held_on: DateOnly;
  title: string;
  presiding: string;
  attendees: string | null;
  notes: string | null;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Generated<number>;
  /** Dialogue conferences (issue 16): the day the notice was given, the day and form the results were published. */
  notice_on: ColumnType<string | null, string | null | undefined, string | null>;
  results_published_on: ColumnType<string | null, string | null | undefined, string | null>;
  results_form: ColumnType<string | null, string | null | undefined, string | null>;
};

/** The law's rules for dialogue conferences, per unit kind and period, with their source (issue 16). */
export type DialogueRuleTable = {
  id: Generated<string>;
  unit_kind: string;
  valid_from: DateOnly;
  valid_to: DateOnly | null;
  min_per_year: number;
  notice_days: number;
  publish_days: number;
  legal_source: string;
  to_confirm: Generated<boolean>;
};

export type ReceptionIssueTable = { id: Generated<string>; session_id: string; petition_id: string | null; summary: string };

export type ReceptionCommitmentTable = {
  id: Generated<string>;
  session_id: string;
  issue_id: string | null;
  description: string;
  owner: string;
  owner_unit_id: string | null;
  deadline: DateOnly;
  done_on: DateOnly | null;
  done_note: string | null;
};

export type UnitRow = Selectable<UnitTable>;
export type NewUnit = Insertable<UnitTable>;
export type UnitUpdate = Updateable<UnitTable>;
export type UserRow = Selectable<UserTable>;
export type AuditRow = Selectable<AuditLogTable>;

// ---- shared by several processes (migration 20261205140000_multi_process) ----

export type RateLimitTable = { bucket: string; key: string; tokens: number; at: Timestamp; full_at: Timestamp; granted: boolean };

export type JobRunTable = {
  job: string;
  period: string;
  runner: string;
  attempts: Generated<number>;
  started_at: Generated<Date>;
  heartbeat_at: Generated<Date>;
  finished_at: Timestamp | null;
  error: string | null;
  summary: string | null;
};

export type PetitionDigestTable = {
  unit_id: string;
  day: DateOnly;
  due_soon_until: DateOnly;
  due_soon: number;
  overdue: number;
  escalated_overdue: number;
  computed_at: Generated<Date>;
};

// ---- issuing bodies of Party documents (migration 20261205250000_unit_issuing_bodies) ----

/** Who issues a unit's documents over an interval (valid_to: first day no longer in force); docs/documents.md. */
export type UnitIssuingBodyTable = {
  id: Generated<string>;
  unit_id: string;
  valid_from: DateOnly | null;
  valid_to: DateOnly | null;
  superior_body: string;
  name: string;
  symbol: string;
  signer_authority: string;
  signer_position: string;
  created_at: Generated<Date>;
};

// ---- policy documents (migration 20261206100000_policy_documents; docs/leadership-loop.md) ----

export type PolicyDocumentKindTable = {
  code: string;
  symbol: string;
  names: Json<Record<string, string>>;
  implementable: Generated<boolean>;
  sort_order: Generated<number>;
  builtin: Generated<boolean>;
  created_at: Timestamp;
  updated_at: Timestamp;
};

export type PolicyDocumentTable = {
  id: Generated<string>;
  kind: string;
  issuing_unit_id: string;
  issuing_path: string;
  issuing_body: string;
  number: string | null;
  symbol: string;
  issued_on: DateOnly | null;
  title: string;
  summary: string | null;
  valid_from: DateOnly | null;
  valid_to: DateOnly | null;
  status: Generated<'draft' | 'issued'>;
  restricted_roles: string[] | null;
  /** Generated by the database (danvan_fold of number, symbol, title and summary); never written. */
  search_text: ColumnType<string, never, never>;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  issued_by: string | null;
  issued_at: Timestamp | null;
  /** The session whose conclusion notice this is (migration 20261206120000_working_sessions). */
  working_session_id: Generated<string | null>;
  version: Generated<number>;
};

export type PolicyDocumentLinkTable = {
  from_id: string;
  to_id: string;
  kind: 'implements' | 'replaces' | 'amends';
  created_by: string | null;
  created_at: Timestamp;
};

export type PolicyDocumentAttachmentTable = {
  id: Generated<string>;
  document_id: string;
  file_name: string;
  content_type: string;
  size_bytes: number;
  sha256: string;
  data: Buffer;
  uploaded_by: string | null;
  uploaded_at: Timestamp;
  hidden_by: string | null;
  hidden_at: Timestamp | null;
};

// ---- working sessions (migration 20261206120000_working_sessions; docs/leadership-loop.md) ----

export type WorkingSessionTable = {
  id: Generated<string>;
  unit_id: string;
  unit_path: string;
  leading_unit_id: string;
  leading_path: string;
  held_on: DateOnly;
  place: string;
  content: string;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Generated<number>;
};

export type WorkingSessionMemberTable = {
  id: Generated<string>;
  session_id: string;
  name: string;
  position: string;
  unit_id: string | null;
  is_head: Generated<boolean>;
  sort_order: number;
};

// ---- plans and tasks (migration 20261206110000_tasks; docs/leadership-loop.md) ----

export type ImplementationPlanTable = {
  id: Generated<string>;
  document_id: string;
  unit_id: string;
  unit_path: string;
  plan_document_id: string | null;
  year: number | null;
  starts_on: DateOnly;
  ends_on: DateOnly;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Generated<number>;
};

export type TaskTable = {
  id: Generated<string>;
  plan_id: string;
  document_id: string;
  parent_id: string | null;
  /** ltree of task ids from the root task: '12.340.5521'. */
  path: string;
  assigning_unit_id: string;
  assigning_path: string;
  owner_unit_id: string;
  owner_path: string;
  content: string;
  expected_output: string;
  starts_on: DateOnly;
  deadline: DateOnly;
  status: Generated<'open' | 'done'>;
  done_at: Timestamp | null;
  done_by: string | null;
  note: string | null;
  child_count: Generated<number>;
  last_report_on: DateOnly | null;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Generated<number>;
};

export type TaskProgressReportTable = {
  id: Generated<string>;
  task_id: string;
  reported_on: DateOnly;
  text: string;
  percent: number | null;
  created_by: string | null;
  created_at: Timestamp;
};

export type TaskEvidenceTable = {
  id: Generated<string>;
  report_id: string;
  file_name: string;
  content_type: string;
  size_bytes: number;
  sha256: string;
  data: Buffer;
  uploaded_by: string | null;
  uploaded_at: Timestamp;
  hidden_by: string | null;
  hidden_at: Timestamp | null;
};

/** Kept by the triggers on `tasks`: leaves per (document, owner unit). */
export type TaskUnitCountTable = {
  document_id: string;
  owner_unit_id: string;
  leaves: number;
  done: number;
  reported: number;
};

/** Kept by the triggers on `tasks`: open leaves per (document, owner unit, deadline). */
export type TaskOpenDeadlineTable = {
  document_id: string;
  owner_unit_id: string;
  deadline: DateOnly;
  open: number;
};

// ---- reporting rounds (migration 20261206130000_reporting_rounds; docs/leadership-loop.md) ----

export type ReportTemplateTable = {
  id: Generated<string>;
  unit_id: string;
  unit_path: string;
  name: string;
  sections: Json<{ key: string; title: Record<string, string>; kind: 'figures' | 'text' | 'situation' }[]>;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Generated<number>;
};

export type ReportingScheduleTable = {
  id: Generated<string>;
  unit_id: string;
  unit_path: string;
  name: string;
  period_kind: 'week' | 'month' | 'quarter' | 'half' | 'year';
  cutoff_day: number | null;
  due_offset_days: number;
  shift_to_working_day: Generated<boolean>;
  remind_days_before: Generated<number[]>;
  template_id: string;
  target_kinds: string[];
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Generated<number>;
};

/** Counters are kept by the round_participants triggers: read them, never write them. */
type Counter = ColumnType<number, never, never>;

export type ReportingRoundTable = {
  id: Generated<string>;
  opening_unit_id: string;
  opening_path: string;
  schedule_id: string | null;
  template_id: string;
  title: string;
  period_from: DateOnly;
  period_to: DateOnly;
  due_on: DateOnly;
  target_kinds: string[];
  status: Generated<'open' | 'closed'>;
  closed_by: string | null;
  closed_at: Timestamp | null;
  expected: Counter;
  submitted: Counter;
  late: Counter;
  returned: Counter;
  excused: Counter;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Generated<number>;
};

export type RoundParticipantTable = {
  round_id: string;
  unit_id: string;
  unit_path: string;
  due_on: DateOnly;
  state: Generated<'pending' | 'draft' | 'submitted' | 'returned' | 'accepted' | 'excused'>;
  submitted_on: DateOnly | null;
  submission_id: string | null;
  updated_at: Timestamp;
};

export type RoundSubmissionTable = {
  id: Generated<string>;
  round_id: string;
  unit_id: string;
  status: Generated<'draft' | 'submitted' | 'returned' | 'accepted'>;
  figures: Json;
  figures_at: Timestamp;
  narrative: string | null;
  sections: ColumnType<Record<string, string>, string | Record<string, string> | undefined, string | Record<string, string>>;
  return_reason: string | null;
  submitted_on: DateOnly | null;
  submitted_by: string | null;
  submitted_at: Timestamp | null;
  reviewed_by: string | null;
  reviewed_at: Timestamp | null;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Generated<number>;
};

// ---- coordination programs (migration 20261206140000_coordination) ----

export type ForceTable = {
  code: string;
  names: Json<Record<string, string>>;
  sort_order: Generated<number>;
  builtin: Generated<boolean>;
  created_at: Timestamp;
  updated_at: Timestamp;
};

export type CoordinationProgramTable = {
  document_id: string;
  party_unit_id: string;
  party_path: string;
  force_code: string;
  force_body: string;
  period_from: DateOnly;
  period_to: DateOnly;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Generated<number>;
};

// ---- the leadership loop's daily digest (migration 20261206160000_leadership_digests) ----

export type LeadershipDigestTable = {
  unit_id: string;
  day: DateOnly;
  due_soon_until: DateOnly;
  tasks_due_soon: number;
  tasks_overdue: number;
  tasks_overdue_below: number;
  reports_due: number;
  reports_missing_below: number;
  computed_at: Generated<Timestamp>;
};

// ---- ethnic and religious affairs (migration 20261207120000_religious_affairs; docs/situation.md §9) ----

export type ReligiousCatalogueTable = { code: string; names: Record<string, string>; sort_order: number };

export type SensitiveRetentionTable = { register: 'dignitary' | 'prestigious_person'; years: number; updated_at: Generated<Timestamp>; version: Generated<number> };

type RegisterColumns = {
  id: Generated<string>;
  unit_id: string;
  unit_path: string;
  created_by: string | null;
  created_at: Generated<Timestamp>;
  updated_at: Generated<Timestamp>;
  version: Generated<number>;
};

export type ReligiousOrganizationTable = RegisterColumns & { name: string; religion_code: string; denomination: string | null; legal_status: string };
export type WorshipPlaceTable = RegisterColumns & { name: string; organization_id: string | null; religion_code: string; address: string; legal_status: string };
export type DignitaryTable = RegisterColumns & {
  name: string | null;
  religious_name: string | null;
  religion_code: string;
  rank: string;
  organization_id: string | null;
  place_id: string | null;
  birth_year: number | null;
  left_on: DateOnly | null;
  left_reason: string | null;
  identity_erased_at: Timestamp | null;
};
export type PrestigiousPersonTable = RegisterColumns & {
  name: string | null;
  ethnic_code: string;
  village: string;
  recognized_year: number;
  decision: string;
  deciding_unit_id: string;
  left_on: DateOnly | null;
  left_reason: string | null;
  identity_erased_at: Timestamp | null;
};
export type PrestigiousSupportTable = { id: Generated<string>; person_id: string; year: number; kind: string; amount: string | number; note: string | null; sort_order: number };
export type ReligiousEventTable = RegisterColumns & { name: string; religion_code: string | null; starts_on: DateOnly; ends_on: DateOnly; place: string; expected_attendance: number | null };
export type ReligiousParticipationTable = { subject_kind: 'organization' | 'dignitary' | 'prestigious_person'; subject_id: string; entry_id: string };

// ---- situation reports (migration 20261207110000_situation_reports; docs/situation.md) ----

export type SituationCatalogueTable = {
  code: string;
  names: Record<string, string>;
  sort_order: Generated<number>;
  created_at: Generated<Timestamp>;
};

export type SituationReportTable = {
  id: Generated<string>;
  unit_id: string;
  unit_path: string;
  kind: 'regular' | 'ad_hoc';
  round_id: string | null;
  submission_id: string | null;
  period_from: DateOnly;
  period_to: DateOnly;
  overall_mood: 'stable' | 'concerned' | 'tense' | null;
  status: Generated<'draft' | 'submitted'>;
  submitted_on: DateOnly | null;
  submitted_by: string | null;
  created_by: string | null;
  created_at: Generated<Timestamp>;
  updated_at: Generated<Timestamp>;
  version: Generated<number>;
};

export type SituationItemTable = {
  id: Generated<string>;
  report_id: string;
  position: number;
  topic_code: string;
  group_codes: string[];
  mood: 'stable' | 'concerned' | 'tense';
  summary: string;
  proposals: string | null;
  sources: string | null;
};

export type SituationTopicCountTable = {
  unit_id: string;
  month: DateOnly;
  topic_code: string;
  mood: string;
  n: number;
};
// ---- hotspots (migration 20261207100000_hotspots; docs/situation.md §7) ----

export type HotspotKindTable = { code: string; names: Json<Record<string, string>>; sort_order: Generated<number> };

export type FlashReportRuleTable = { unit_id: string; hours: number; updated_by: string | null; updated_at: Generated<Date> };

export type HotspotTable = {
  id: Generated<string>;
  unit_id: string;
  unit_path: string;
  place: string;
  kind_code: string;
  title: string;
  summary: string;
  people_count: number | null;
  severity: number;
  status: 'emerging' | 'handling' | 'stabilised' | 'closed';
  occurred_at: Timestamp;
  closed_at: Timestamp | null;
  confidential: Generated<boolean>;
  reader_roles: string[] | null;
  ack_due_at: Timestamp;
  acknowledged_at: Timestamp | null;
  acknowledged_by: string | null;
  seen_severity: number;
  escalated_unit_id: string | null;
  escalated_path: string | null;
  escalated_at: Timestamp | null;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Generated<number>;
};

export type HotspotUnitTable = { hotspot_id: string; unit_id: string };

export type HotspotUpdateTable = {
  id: Generated<string>;
  hotspot_id: string;
  kind: 'flash_report' | 'update' | 'acknowledgement' | 'escalation';
  at: Timestamp;
  by_user: string | null;
  text: string;
  status_from: string | null;
  status_to: string | null;
  severity_from: number | null;
  severity_to: number | null;
  reason: string | null;
  escalated_to: string | null;
  created_at: Timestamp;
};

export type HotspotLinkTable = { hotspot_id: string; petition_id: string | null; entry_id: string | null };

// ---- grassroots democracy: publications and citizens' decisions (migration 20261207200000_grassroots_publications; docs/grassroots-democracy.md §5) ----

type GrassrootsColumns = RegisterColumns & { public_state: Generated<'private' | 'pending' | 'approved'>; reviewed_by: string | null; reviewed_at: Timestamp | null };
export type PublicationTable = GrassrootsColumns & {
  item_code: string;
  document_title: string;
  document_date: DateOnly;
  forms: string[];
  published_on: DateOnly;
  posted_until: DateOnly | null;
  evidence: string | null;
  late: boolean;
};
export type CitizenDecisionTable = GrassrootsColumns & {
  village: string;
  matter_code: string;
  subject: string;
  method: 'meeting' | 'household_ballot' | 'online';
  decided_on: DateOnly;
  eligible_households: number;
  households_taking_part: number;
  in_favour: number;
  against: number;
  threshold_id: string | null;
  passed: boolean;
  result_published_on: DateOnly | null;
  result_form: string | null;
  approved_on: DateOnly | null;
  approval_number: string | null;
};
export type GrassrootsItemYearTable = { unit_id: string; year: number; item_code: string; publications: number; late: number };
export type GrassrootsDecisionYearTable = { unit_id: string; year: number; decisions: number; passed: number; covenants: number };

// ---- boards and the Front's supervision (migration 20261207210000_grassroots_supervision; docs/grassroots-democracy.md §6) ----

export type SupervisionExclusionTable = { kind_a: string; kind_b: string; legal_source: string; to_confirm: Generated<boolean> };

export type SupervisionBoardTable = {
  id: Generated<string>;
  unit_id: string;
  unit_path: string;
  kind: 'inspection' | 'investment_supervision';
  project_name: string | null;
  investor: string | null;
  term_from: DateOnly;
  term_to: DateOnly | null;
  elected_on: DateOnly | null;
  elected_by: string | null;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Generated<number>;
};

export type SupervisionBoardMemberTable = {
  id: Generated<string>;
  board_id: string;
  unit_id: string;
  name: string;
  name_key: string;
  position: string;
  from_on: DateOnly;
  to_on: DateOnly | null;
  sort_order: number;
};

export type SupervisionProgramTable = {
  id: Generated<string>;
  unit_id: string;
  unit_path: string;
  board_id: string | null;
  year: number;
  created_by: string | null;
  created_at: Timestamp;
  version: Generated<number>;
};

export type SupervisionProgramItemTable = {
  id: Generated<string>;
  program_id: string;
  subject: string;
  form: string | null;
  lead_organization: string | null;
  sort_order: number;
};

export type SupervisionActivityTable = {
  id: Generated<string>;
  unit_id: string;
  unit_path: string;
  board_id: string | null;
  program_id: string | null;
  kind: 'supervision' | 'social_criticism';
  held_on: DateOnly;
  subject: string;
  findings: string;
  created_by: string | null;
  created_at: Timestamp;
  version: Generated<number>;
};

export type SupervisionRecommendationTable = {
  id: Generated<string>;
  activity_id: string;
  unit_id: string;
  unit_path: string;
  content: string;
  addressee: string;
  addressee_unit_id: string | null;
  sent_on: DateOnly;
  due_on: DateOnly;
  answered_on: DateOnly | null;
  answer_kind: 'answered' | 'partly' | null;
  answer: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Generated<number>;
};

// ---- evidence files of publications and dialogue conferences (migrations 20261208200000_publication_files, 20261208210000_dialogue_files; docs/grassroots-democracy.md §5, §7) ----

type EvidenceFileColumns = {
  id: Generated<string>;
  file_name: string;
  content_type: string;
  size_bytes: number;
  sha256: string;
  data: Buffer;
  uploaded_by: string | null;
  uploaded_at: Timestamp;
  hidden_by: string | null;
  hidden_at: Timestamp | null;
};

export type PublicationFileTable = EvidenceFileColumns & { publication_id: string };

export type ReceptionSessionFileTable = EvidenceFileColumns & { session_id: string; purpose: 'notice' | 'results' | 'minutes' };
