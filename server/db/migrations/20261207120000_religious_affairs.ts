import { type Kysely, sql } from 'kysely';

type Row = [string, Record<string, string>];

/**
 * The 16 religions recognized in Viet Nam (43 organizations of 16 religions, Ban Tôn giáo Chính
 * phủ / Bộ Nội vụ; sources in docs/situation.md §9). Codes are ours; the names are Vietnamese
 * first, as the Government lists them.
 */
const RELIGIONS: Row[] = [
  ["buddhism", {"vi": "Phật giáo", "en": "Buddhism", "ru": "Буддизм", "sv": "Buddhism", "id": "Buddha", "pl": "Buddyzm", "ar": "البوذية"}],
  ["catholicism", {"vi": "Công giáo", "en": "Catholicism", "ru": "Католицизм", "sv": "Katolicism", "id": "Katolik", "pl": "Katolicyzm", "ar": "الكاثوليكية"}],
  ["protestantism", {"vi": "Tin lành", "en": "Protestantism", "ru": "Протестантизм", "sv": "Protestantism", "id": "Protestan", "pl": "Protestantyzm", "ar": "البروتستانتية"}],
  ["cao_dai", {"vi": "Cao Đài", "en": "Caodaism", "ru": "Каодаизм", "sv": "Caodaism", "id": "Cao Dai", "pl": "Kaodaizm", "ar": "الكاودائية"}],
  ["hoa_hao", {"vi": "Phật giáo Hòa Hảo", "en": "Hòa Hảo Buddhism", "ru": "Буддизм Хоахао", "sv": "Hòa Hảo-buddhism", "id": "Buddha Hòa Hảo", "pl": "Buddyzm Hòa Hảo", "ar": "بوذية هوا هاو"}],
  ["islam", {"vi": "Hồi giáo", "en": "Islam", "ru": "Ислам", "sv": "Islam", "id": "Islam", "pl": "Islam", "ar": "الإسلام"}],
  ["bahai", {"vi": "Tôn giáo Baha'i", "en": "Bahá'í Faith", "ru": "Бахаизм", "sv": "Bahá'í", "id": "Baha'i", "pl": "Bahaizm", "ar": "البهائية"}],
  ["tinh_do_cu_si", {"vi": "Tịnh độ Cư sĩ Phật hội Việt Nam", "en": "Pure Land Buddhist Home Practice Association of Viet Nam", "ru": "Буддийское общество мирян Чистой земли Вьетнама", "sv": "Vietnams lekmannaförbund för Rena landet-buddhism", "id": "Perhimpunan Umat Buddha Awam Tanah Suci Vietnam", "pl": "Wietnamskie Stowarzyszenie Świeckich Buddystów Czystej Krainy", "ar": "جمعية البوذيين العلمانيين للأرض النقية في فيتنام"}],
  ["adventism", {"vi": "Cơ đốc Phục lâm", "en": "Seventh-day Adventism", "ru": "Адвентизм седьмого дня", "sv": "Sjundedagsadventism", "id": "Advent Hari Ketujuh", "pl": "Adwentyzm Dnia Siódmego", "ar": "السبتيون"}],
  ["tu_an_hieu_nghia", {"vi": "Phật giáo Tứ Ân Hiếu nghĩa", "en": "Tứ Ân Hiếu Nghĩa Buddhism", "ru": "Буддизм Ты Ан Хиеу Нгиа", "sv": "Tứ Ân Hiếu Nghĩa-buddhism", "id": "Buddha Tứ Ân Hiếu Nghĩa", "pl": "Buddyzm Tứ Ân Hiếu Nghĩa", "ar": "بوذية تو آن هيو نغيا"}],
  ["minh_su", {"vi": "Minh Sư đạo", "en": "Minh Sư Đạo", "ru": "Минь Шы Дао", "sv": "Minh Sư Đạo", "id": "Minh Sư Đạo", "pl": "Minh Sư Đạo", "ar": "مينه سو داو"}],
  ["minh_ly", {"vi": "Minh Lý đạo - Tam Tông Miếu", "en": "Minh Lý Đạo (Tam Tông Miếu)", "ru": "Минь Ли Дао (Там Тонг Мьеу)", "sv": "Minh Lý Đạo (Tam Tông Miếu)", "id": "Minh Lý Đạo (Tam Tông Miếu)", "pl": "Minh Lý Đạo (Tam Tông Miếu)", "ar": "مينه لي داو (تام تونغ ميو)"}],
  ["latter_day_saints", {"vi": "Giáo hội Các Thánh hữu Ngày sau của Chúa Giê-su Ky-tô", "en": "The Church of Jesus Christ of Latter-day Saints", "ru": "Церковь Иисуса Христа Святых последних дней", "sv": "Jesu Kristi Kyrka av Sista Dagars Heliga", "id": "Gereja Yesus Kristus dari Orang-Orang Suci Zaman Akhir", "pl": "Kościół Jezusa Chrystusa Świętych w Dniach Ostatnich", "ar": "كنيسة يسوع المسيح لقديسي الأيام الأخيرة"}],
  ["buu_son_ky_huong", {"vi": "Bửu Sơn Kỳ Hương", "en": "Bửu Sơn Kỳ Hương", "ru": "Быу Шон Ки Хыонг", "sv": "Bửu Sơn Kỳ Hương", "id": "Bửu Sơn Kỳ Hương", "pl": "Bửu Sơn Kỳ Hương", "ar": "بوو سون كي هونغ"}],
  ["brahmanism", {"vi": "Bà-la-môn giáo", "en": "Brahmanism (Cham Bà-la-môn)", "ru": "Брахманизм (чамы Бала-мон)", "sv": "Brahmanism (Cham Bà-la-môn)", "id": "Brahmanisme (Cham Bà-la-môn)", "pl": "Braminizm (Czamowie Bà-la-môn)", "ar": "البراهمانية (الشام)"}],
  ["hieu_nghia_ta_lon", {"vi": "Phật giáo Hiếu Nghĩa Tà Lơn", "en": "Hiếu Nghĩa Tà Lơn Buddhism", "ru": "Буддизм Хиеу Нгиа Та Лон", "sv": "Hiếu Nghĩa Tà Lơn-buddhism", "id": "Buddha Hiếu Nghĩa Tà Lơn", "pl": "Buddyzm Hiếu Nghĩa Tà Lơn", "ar": "بوذية هيو نغيا تا لون"}],
];

/**
 * The 54 ethnic groups with their codes of Quyết định 121-TCTK/PPCĐ (2/3/1979, Tổng cục Thống kê).
 * Proper names: one Vietnamese spelling, shown as is in every language (docs/situation.md §9).
 */
const ETHNIC_GROUPS: Row[] = [
  ["01", {"vi": "Kinh (Việt)"}],
  ["02", {"vi": "Tày"}],
  ["03", {"vi": "Thái"}],
  ["04", {"vi": "Hoa (Hán)"}],
  ["05", {"vi": "Khơ-me"}],
  ["06", {"vi": "Mường"}],
  ["07", {"vi": "Nùng"}],
  ["08", {"vi": "Hmông (Mèo)"}],
  ["09", {"vi": "Dao"}],
  ["10", {"vi": "Gia-rai"}],
  ["11", {"vi": "Ngái"}],
  ["12", {"vi": "Ê-đê"}],
  ["13", {"vi": "Ba-na"}],
  ["14", {"vi": "Xơ-đăng"}],
  ["15", {"vi": "Sán Chay (Cao Lan - Sán Chỉ)"}],
  ["16", {"vi": "Cơ-ho"}],
  ["17", {"vi": "Chăm"}],
  ["18", {"vi": "Sán Dìu"}],
  ["19", {"vi": "Hrê"}],
  ["20", {"vi": "Mnông"}],
  ["21", {"vi": "Ra-glai"}],
  ["22", {"vi": "Xtiêng"}],
  ["23", {"vi": "Bru - Vân Kiều"}],
  ["24", {"vi": "Thổ"}],
  ["25", {"vi": "Giáy"}],
  ["26", {"vi": "Cơ-tu"}],
  ["27", {"vi": "Gié - Triêng"}],
  ["28", {"vi": "Mạ"}],
  ["29", {"vi": "Khơ-mú"}],
  ["30", {"vi": "Co"}],
  ["31", {"vi": "Tà-ôi"}],
  ["32", {"vi": "Chơ-ro"}],
  ["33", {"vi": "Kháng"}],
  ["34", {"vi": "Xinh-mun"}],
  ["35", {"vi": "Hà Nhì"}],
  ["36", {"vi": "Chu-ru"}],
  ["37", {"vi": "Lào"}],
  ["38", {"vi": "La Chí"}],
  ["39", {"vi": "La Ha"}],
  ["40", {"vi": "Phù Lá"}],
  ["41", {"vi": "La Hủ"}],
  ["42", {"vi": "Lự"}],
  ["43", {"vi": "Lô Lô"}],
  ["44", {"vi": "Chứt"}],
  ["45", {"vi": "Mảng"}],
  ["46", {"vi": "Pà Thẻn"}],
  ["47", {"vi": "Co Lao"}],
  ["48", {"vi": "Cống"}],
  ["49", {"vi": "Bố Y"}],
  ["50", {"vi": "Si La"}],
  ["51", {"vi": "Pu Péo"}],
  ["52", {"vi": "Brâu"}],
  ["53", {"vi": "Ơ-đu"}],
  ["54", {"vi": "Rơ-măm"}],
];

/** Legal status of an organization or a place (Luật tín ngưỡng, tôn giáo 2016): recognized, registered, neither. */
const LEGAL_STATUSES: Row[] = [
  ["recognized", {"vi": "Tổ chức tôn giáo được công nhận", "en": "Recognized religious organization", "ru": "Признанная религиозная организация", "sv": "Erkänt religiöst samfund", "id": "Organisasi keagamaan yang diakui", "pl": "Uznana organizacja religijna", "ar": "منظمة دينية معترف بها"}],
  ["registered", {"vi": "Được cấp chứng nhận đăng ký hoạt động tôn giáo", "en": "Registered for religious activities", "ru": "Зарегистрирована для религиозной деятельности", "sv": "Registrerad för religiös verksamhet", "id": "Terdaftar untuk kegiatan keagamaan", "pl": "Zarejestrowana do działalności religijnej", "ar": "مسجلة لممارسة الأنشطة الدينية"}],
  ["not_registered", {"vi": "Chưa đăng ký, chưa được công nhận", "en": "Not registered", "ru": "Не зарегистрирована", "sv": "Inte registrerad", "id": "Belum terdaftar", "pl": "Niezarejestrowana", "ar": "غير مسجلة"}],
];

/** Kinds of support to prestigious persons (Quyết định 12/2018/QĐ-TTg art. 6, amended by 28/2023/QĐ-TTg). */
const SUPPORT_KINDS: Row[] = [
  ["tet_visit", {"vi": "Thăm hỏi, tặng quà dịp Tết", "en": "Tết visit and gift", "ru": "Посещение и подарок на Тет", "sv": "Tết-besök och gåva", "id": "Kunjungan dan bingkisan Tết", "pl": "Wizyta i upominek z okazji Tết", "ar": "زيارة وهدية في عيد تيت"}],
  ["health_insurance", {"vi": "Thẻ bảo hiểm y tế", "en": "Health insurance card", "ru": "Полис медицинского страхования", "sv": "Sjukförsäkringskort", "id": "Kartu asuransi kesehatan", "pl": "Karta ubezpieczenia zdrowotnego", "ar": "بطاقة تأمين صحي"}],
  ["newspapers", {"vi": "Cấp báo, tạp chí", "en": "Newspapers and magazines", "ru": "Газеты и журналы", "sv": "Tidningar och tidskrifter", "id": "Surat kabar dan majalah", "pl": "Gazety i czasopisma", "ar": "صحف ومجلات"}],
  ["training", {"vi": "Tập huấn, bồi dưỡng, tham quan", "en": "Training and study visits", "ru": "Обучение и ознакомительные поездки", "sv": "Utbildning och studiebesök", "id": "Pelatihan dan kunjungan studi", "pl": "Szkolenia i wizyty studyjne", "ar": "تدريب وزيارات دراسية"}],
  ["funeral", {"vi": "Hỗ trợ mai táng, thăm hỏi ốm đau", "en": "Funeral and sickness support", "ru": "Помощь при болезни и похоронах", "sv": "Stöd vid sjukdom och begravning", "id": "Bantuan sakit dan pemakaman", "pl": "Wsparcie w chorobie i na pogrzeb", "ar": "دعم المرض والجنازة"}],
  ["other", {"vi": "Hỗ trợ khác", "en": "Other support", "ru": "Иная поддержка", "sv": "Annat stöd", "id": "Bantuan lainnya", "pl": "Inne wsparcie", "ar": "دعم آخر"}],
];

/**
 * Issue 15, ethnic and religious affairs (docs/situation.md §9): the catalogues as data (the 16
 * religions recognized in Viet Nam, the 54 ethnic groups with their codes of Quyết định
 * 121-TCTK/PPCĐ, legal statuses, kinds of support), the registers of a unit (religious
 * organizations, places of worship, dignitaries, prestigious persons with their support, events),
 * the links to entries of the movement, and the retention rule of the personal registers.
 * Dignitaries and prestigious persons are personal data: their names may be erased by retention
 * (`identity_erased_at`), so the name columns are nullable.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const catalogue = async (table: string) => {
    await sql`
      create table ${sql.raw(table)} (
        code text primary key check (code ~ '^[a-z0-9_]{1,40}$'),
        names jsonb not null check (jsonb_typeof(names) = 'object' and names ? 'vi'),
        sort_order smallint not null
      )`.execute(db);
  };
  await catalogue('religions');
  await catalogue('ethnic_groups');
  await catalogue('religious_legal_statuses');
  await catalogue('prestigious_support_kinds');
  const fill = async (table: string, rows: Row[]) => {
    await sql`insert into ${sql.raw(table)} (code, names, sort_order) select * from unnest(${rows.map((r) => r[0])}::text[], ${rows.map((r) => JSON.stringify(r[1]))}::jsonb[], ${rows.map((_, i) => i + 1)}::smallint[])`.execute(db);
  };
  await fill('religions', RELIGIONS);
  await fill('ethnic_groups', ETHNIC_GROUPS);
  await fill('religious_legal_statuses', LEGAL_STATUSES);
  await fill('prestigious_support_kinds', SUPPORT_KINDS);

  // Years a person's name is kept after they leave the register (deceased, no longer recognized, left the clergy).
  await sql`
    create table sensitive_retention (
      register text primary key check (register in ('dignitary', 'prestigious_person')),
      years smallint not null check (years between 1 and 100),
      updated_at timestamptz not null default now(),
      version integer not null default 1
    )`.execute(db);
  await sql`insert into sensitive_retention (register, years) values ('dignitary', 5), ('prestigious_person', 5)`.execute(db);

  const common = sql.raw(`
      id bigint generated by default as identity primary key,
      unit_id bigint not null references units(id),
      unit_path ltree not null,
      created_by bigint references users(id),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      version integer not null default 1`);

  await sql`
    create table religious_organizations (${common},
      name text not null check (length(btrim(name)) between 1 and 300),
      religion_code text not null references religions(code),
      denomination text check (length(denomination) <= 300),
      legal_status text not null references religious_legal_statuses(code)
    )`.execute(db);
  await sql`
    create table worship_places (${common},
      name text not null check (length(btrim(name)) between 1 and 300),
      organization_id bigint references religious_organizations(id),
      religion_code text not null references religions(code),
      address text not null check (length(btrim(address)) between 1 and 500),
      legal_status text not null references religious_legal_statuses(code)
    )`.execute(db);
  await sql`
    create table dignitaries (${common},
      name text check (length(btrim(name)) between 1 and 200),
      religious_name text check (length(btrim(religious_name)) between 1 and 200),
      religion_code text not null references religions(code),
      rank text not null check (length(btrim(rank)) between 1 and 200),
      organization_id bigint references religious_organizations(id),
      place_id bigint references worship_places(id),
      birth_year smallint check (birth_year between 1900 and 2100),
      left_on date,
      left_reason text check (length(left_reason) <= 500),
      identity_erased_at timestamptz,
      check (identity_erased_at is not null or name is not null)
    )`.execute(db);
  await sql`
    create table prestigious_persons (${common},
      name text check (length(btrim(name)) between 1 and 200),
      ethnic_code text not null references ethnic_groups(code),
      village text not null check (length(btrim(village)) between 1 and 300),
      recognized_year smallint not null check (recognized_year between 1990 and 2100),
      decision text not null check (length(btrim(decision)) between 1 and 300),
      deciding_unit_id bigint not null references units(id),
      left_on date,
      left_reason text check (length(left_reason) <= 500),
      identity_erased_at timestamptz,
      check (identity_erased_at is not null or name is not null)
    )`.execute(db);
  await sql`
    create table prestigious_support (
      id bigint generated by default as identity primary key,
      person_id bigint not null references prestigious_persons(id) on delete cascade,
      year smallint not null check (year between 1990 and 2100),
      kind text not null references prestigious_support_kinds(code),
      amount bigint not null check (amount between 0 and 1000000000000),
      note text check (length(note) <= 500),
      sort_order smallint not null
    )`.execute(db);
  await sql`create index prestigious_support_person on prestigious_support (person_id, sort_order)`.execute(db);
  await sql`
    create table religious_events (${common},
      name text not null check (length(btrim(name)) between 1 and 300),
      religion_code text references religions(code),
      starts_on date not null,
      ends_on date not null check (ends_on >= starts_on),
      place text not null check (length(btrim(place)) between 1 and 300),
      expected_attendance integer check (expected_attendance between 0 and 10000000)
    )`.execute(db);
  for (const table of ['religious_organizations', 'worship_places', 'dignitaries', 'prestigious_persons', 'religious_events']) {
    await sql`create index ${sql.raw(`${table}_unit_path`)} on ${sql.raw(table)} using gist (unit_path)`.execute(db);
  }
  await sql`create index religious_events_year on religious_events (starts_on)`.execute(db);
  // The retention job looks for people who left and whose name is still there.
  await sql`create index dignitaries_retention on dignitaries (left_on) where identity_erased_at is null and left_on is not null`.execute(db);
  await sql`create index prestigious_persons_retention on prestigious_persons (left_on) where identity_erased_at is null and left_on is not null`.execute(db);

  // "Chức sắc, tín đồ tham gia phong trào thi đua yêu nước": a subject linked to entries of the movement.
  await sql`
    create table religious_participations (
      subject_kind text not null check (subject_kind in ('organization', 'dignitary', 'prestigious_person')),
      subject_id bigint not null,
      entry_id bigint not null references entries(id),
      primary key (subject_kind, subject_id, entry_id)
    )`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('This migration cannot be reverted; restore a backup instead.');
}
