import { type Kysely, sql } from 'kysely';

/**
 * Periodic reviews (báo cáo sơ kết / tổng kết): one record per unit and reviewed period, with its
 * results (a snapshot of the report engine's figures and an editable narrative), shortcomings, the
 * key tasks for the next period tracked to done, and the period's events. Anniversaries of the
 * mass-mobilization calendar are data: their ordinal in a given year is computed, never stored.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table anniversaries (
      code text primary key check (code ~ '^[a-z][a-z0-9_]{1,40}$'),
      -- Name of the day in every language ({ vi, en, … }); vi is required.
      names jsonb not null check (jsonb_typeof(names) = 'object' and names ? 'vi'),
      -- The founding day; the anniversary falls on its day and month every year.
      origin_date date not null,
      -- ordinal in year Y = Y - base_year ("Kỷ niệm 93 năm" in 2023 for 1930; "lần thứ 24" in 2023 for 1999).
      base_year smallint not null check (base_year between 1800 and 2100),
      -- anniversary: "Kỷ niệm N năm <name> (origin – date)"; edition: "<name> lần thứ N".
      kind text not null check (kind in ('anniversary', 'edition')),
      sort_order integer not null default 100,
      builtin boolean not null default false
    )`.execute(db);
  await sql`
    insert into anniversaries (code, names, origin_date, base_year, kind, sort_order, builtin) values
      ('party_mass_mobilization_day', '{"vi":"Ngày truyền thống công tác dân vận của Đảng","en":"Traditional Day of the Party''s mass mobilization work","ru":"День традиций работы партии с массами","sv":"Traditionsdagen för partiets massmobiliseringsarbete","id":"Hari Tradisi Kerja Mobilisasi Massa Partai","pl":"Dzień Tradycji pracy Partii z masami","ar":"يوم تقاليد عمل الحزب في التعبئة الجماهيرية"}', '1930-10-15', 1930, 'anniversary', 1, true),
      ('national_mass_mobilization_day', '{"vi":"Ngày Dân vận toàn quốc","en":"National Mass Mobilization Day","ru":"Всенародный день работы с массами","sv":"Nationella massmobiliseringsdagen","id":"Hari Mobilisasi Massa Nasional","pl":"Ogólnokrajowy Dzień Pracy z Masami","ar":"اليوم الوطني للتعبئة الجماهيرية"}', '1999-10-15', 1999, 'edition', 2, true),
      ('dan_van_article', '{"vi":"Ngày Chủ tịch Hồ Chí Minh viết bài báo “Dân vận”","en":"President Ho Chi Minh''s article “Mass Mobilization”","ru":"Статья Президента Хо Ши Мина «Работа с массами»","sv":"President Ho Chi Minhs artikel ”Massmobilisering”","id":"Artikel Presiden Ho Chi Minh “Mobilisasi Massa”","pl":"Artykuł Prezydenta Ho Chi Minha „Praca z masami”","ar":"مقال الرئيس هو تشي منه «التعبئة الجماهيرية»"}', '1949-10-15', 1949, 'anniversary', 3, true),
      ('fatherland_front_day', '{"vi":"Ngày truyền thống Mặt trận Tổ quốc Việt Nam","en":"Traditional Day of the Vietnam Fatherland Front","ru":"День традиций Отечественного фронта Вьетнама","sv":"Traditionsdagen för Vietnams fosterländska front","id":"Hari Tradisi Front Tanah Air Vietnam","pl":"Dzień Tradycji Frontu Ojczyzny Wietnamu","ar":"يوم تقاليد جبهة الوطن الفيتنامية"}', '1930-11-18', 1930, 'anniversary', 10, true),
      ('womens_union_day', '{"vi":"Ngày thành lập Hội Liên hiệp Phụ nữ Việt Nam","en":"Founding Day of the Vietnam Women''s Union","ru":"День основания Союза женщин Вьетнама","sv":"Grundandedagen för Vietnams kvinnoförbund","id":"Hari Berdirinya Persatuan Wanita Vietnam","pl":"Dzień Założenia Związku Kobiet Wietnamu","ar":"يوم تأسيس الاتحاد النسائي الفيتنامي"}', '1930-10-20', 1930, 'anniversary', 11, true),
      ('farmers_union_day', '{"vi":"Ngày thành lập Hội Nông dân Việt Nam","en":"Founding Day of the Vietnam Farmers'' Union","ru":"День основания Союза крестьян Вьетнама","sv":"Grundandedagen för Vietnams bondeförbund","id":"Hari Berdirinya Persatuan Petani Vietnam","pl":"Dzień Założenia Związku Rolników Wietnamu","ar":"يوم تأسيس اتحاد المزارعين الفيتنامي"}', '1930-10-14', 1930, 'anniversary', 12, true),
      ('youth_union_day', '{"vi":"Ngày thành lập Đoàn Thanh niên Cộng sản Hồ Chí Minh","en":"Founding Day of the Ho Chi Minh Communist Youth Union","ru":"День основания Коммунистического союза молодёжи имени Хо Ши Мина","sv":"Grundandedagen för Ho Chi Minhs kommunistiska ungdomsförbund","id":"Hari Berdirinya Persatuan Pemuda Komunis Ho Chi Minh","pl":"Dzień Założenia Komunistycznego Związku Młodzieży im. Ho Chi Minha","ar":"يوم تأسيس اتحاد الشباب الشيوعي هو تشي منه"}', '1931-03-26', 1931, 'anniversary', 13, true),
      ('veterans_association_day', '{"vi":"Ngày thành lập Hội Cựu chiến binh Việt Nam","en":"Founding Day of the Vietnam Veterans Association","ru":"День основания Ассоциации ветеранов войны Вьетнама","sv":"Grundandedagen för Vietnams veteranförbund","id":"Hari Berdirinya Asosiasi Veteran Vietnam","pl":"Dzień Założenia Stowarzyszenia Weteranów Wietnamu","ar":"يوم تأسيس جمعية المحاربين القدامى الفيتنامية"}', '1989-12-06', 1989, 'anniversary', 14, true),
      ('trade_union_day', '{"vi":"Ngày thành lập Công đoàn Việt Nam","en":"Founding Day of the Vietnam Trade Union","ru":"День основания профсоюзов Вьетнама","sv":"Grundandedagen för Vietnams fackförbund","id":"Hari Berdirinya Serikat Buruh Vietnam","pl":"Dzień Założenia Związków Zawodowych Wietnamu","ar":"يوم تأسيس النقابات العمالية الفيتنامية"}', '1929-07-28', 1929, 'anniversary', 15, true)
  `.execute(db);

  await sql`
    create table reviews (
      id bigint generated by default as identity primary key,
      unit_id bigint not null references units(id),
      -- The period as asked (the report engine's query) and its resolved first and last day.
      period text not null check (period in ('quarter', 'year', 'emulation_period', 'custom')),
      year smallint,
      quarter smallint check (quarter between 1 and 4),
      emulation_period_id bigint references emulation_periods(id),
      period_from date not null,
      period_to date not null,
      title text not null check (length(btrim(title)) between 1 and 500),
      -- Results: the report at the time it was filled (refreshable) and the narrative people edit.
      figures jsonb,
      figures_at timestamptz,
      narrative text,
      shortcomings text,
      status text not null default 'draft' check (status in ('draft', 'final')),
      created_by bigint references users(id),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      version integer not null default 1,
      check (period_to >= period_from),
      check ((figures is null) = (figures_at is null))
    )`.execute(db);
  // A unit reviews a period once.
  await sql`create unique index reviews_unit_period on reviews (unit_id, period_from, period_to)`.execute(db);
  await sql`create index reviews_period on reviews (period_from, period_to)`.execute(db);

  await sql`
    create table review_tasks (
      id bigint generated by default as identity primary key,
      review_id bigint not null references reviews(id),
      content text not null check (length(btrim(content)) between 1 and 2000),
      -- The review's unit or a unit under it.
      owner_unit_id bigint not null references units(id),
      deadline date not null,
      status text not null default 'open' check (status in ('open', 'done')),
      done_at timestamptz,
      done_by bigint references users(id),
      note text,
      created_by bigint references users(id),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      version integer not null default 1,
      check ((status = 'done') = (done_at is not null))
    )`.execute(db);
  await sql`create index review_tasks_review on review_tasks (review_id)`.execute(db);
  // Overdue lists: open tasks by deadline.
  await sql`create index review_tasks_open_deadline on review_tasks (deadline) where status = 'open'`.execute(db);

  await sql`
    create table review_events (
      id bigint generated by default as identity primary key,
      review_id bigint not null references reviews(id),
      happened_on date not null,
      title text not null check (length(btrim(title)) between 1 and 500),
      description text,
      created_by bigint references users(id),
      created_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index review_events_review on review_events (review_id, happened_on)`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('This migration cannot be reverted; restore a backup instead.');
}
