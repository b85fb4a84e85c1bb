import { type Kysely, sql } from 'kysely';

/**
 * The leadership loop, slice 6 (docs/leadership-loop.md §3 "Coordination programs"): the forces a
 * Party commission signs coordination programs with (data, seeded with four), and the programs —
 * a policy document of kind `coordination_program` plus its force, the force's signing body and the
 * period. The yearly plans are `implementation_plans` rows with `year` set (slice 2's table).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table forces (
      code text primary key check (code ~ '^[a-z][a-z0-9_]{1,40}$'),
      names jsonb not null check (jsonb_typeof(names) = 'object' and names ? 'vi'),
      sort_order integer not null default 100,
      builtin boolean not null default false,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`.execute(db);

  // The names the laws give the forces: Luật Quốc phòng 2018, Luật Công an nhân dân 2018, Luật
  // Biên phòng Việt Nam 2020, Luật Cảnh sát biển Việt Nam 2018 (docs/leadership-loop.md, slice 6).
  await sql`
    insert into forces (code, names, sort_order, builtin) values
      ('army', '{"vi": "Quân đội nhân dân Việt Nam", "en": "Vietnam People''s Army", "ru": "Вьетнамская народная армия", "sv": "Vietnams folkarmé", "id": "Tentara Rakyat Vietnam", "pl": "Wietnamska Armia Ludowa", "ar": "جيش فيتنام الشعبي"}', 1, true),
      ('police', '{"vi": "Công an nhân dân Việt Nam", "en": "Vietnam People''s Public Security", "ru": "Народная общественная безопасность Вьетнама", "sv": "Vietnams folkpolis", "id": "Keamanan Publik Rakyat Vietnam", "pl": "Wietnamska Ludowa Służba Bezpieczeństwa", "ar": "الأمن العام الشعبي الفيتنامي"}', 2, true),
      ('border_guard', '{"vi": "Bộ đội Biên phòng Việt Nam", "en": "Vietnam Border Guard", "ru": "Пограничные войска Вьетнама", "sv": "Vietnams gränsbevakning", "id": "Penjaga Perbatasan Vietnam", "pl": "Straż Graniczna Wietnamu", "ar": "حرس الحدود الفيتنامي"}', 3, true),
      ('coast_guard', '{"vi": "Cảnh sát biển Việt Nam", "en": "Vietnam Coast Guard", "ru": "Береговая охрана Вьетнама", "sv": "Vietnams kustbevakning", "id": "Penjaga Pantai Vietnam", "pl": "Straż Przybrzeżna Wietnamu", "ar": "خفر السواحل الفيتنامي"}', 4, true)
  `.execute(db);

  await sql`
    create table coordination_programs (
      document_id bigint primary key references policy_documents(id),
      party_unit_id bigint not null references units(id),
      party_path ltree not null,
      force_code text not null references forces(code),
      force_body text not null check (length(btrim(force_body)) between 1 and 300),
      period_from date not null,
      period_to date not null,
      created_by bigint references users(id),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      version integer not null default 1,
      check (period_to > period_from)
    )`.execute(db);
  await sql`create index coordination_programs_party_path on coordination_programs using gist (party_path)`.execute(db);
  await sql`create index coordination_programs_force on coordination_programs (force_code, period_from desc)`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('This migration cannot be reverted; restore a backup instead.');
}
