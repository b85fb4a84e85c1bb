import { type Kysely, sql } from 'kysely';

type Names = Record<string, string>;
const LAW = 'Luật Thực hiện dân chủ ở cơ sở số 10/2022/QH15';

/**
 * What a commune must make public (Luật 10/2022/QH15 art. 11). Clauses 1–3 were read on
 * 6/12/2026 (hethongphapluat.vn, chương 2 mục 1); the others are written from the law's known
 * structure and carry `to_confirm` until someone reads them. `deadline_days` is the days allowed
 * from the document's date to its publication; null where the law sets none we could verify.
 * `required_yearly`: an item every commune publishes every year (plans, budget), flagged "never"
 * when a year passes without it; the others are published when their document exists.
 */
const ITEMS: [string, Names, string, boolean, boolean][] = [
  ['socioeconomic_plan', { vi: 'Kế hoạch phát triển kinh tế - xã hội, phương án chuyển dịch cơ cấu kinh tế hằng năm và kết quả thực hiện', en: 'Annual socio-economic development plan, economic restructuring plan and results' }, 'art. 11 cl. 1', false, true],
  ['budget', { vi: 'Dự toán, tình hình thực hiện dự toán và quyết toán ngân sách cấp xã; kế hoạch hoạt động tài chính', en: 'Commune budget estimates, execution and final accounts; financial activity plan' }, 'art. 11 cl. 2', false, true],
  ['investment_land', { vi: 'Dự án, công trình đầu tư; kế hoạch thu hồi đất, bồi thường, hỗ trợ, tái định cư; quy hoạch xây dựng, quản lý quỹ đất', en: 'Investment projects; land recovery, compensation and resettlement plans; construction planning, land fund' }, 'art. 11 cl. 3', false, false],
  ['officials_procedures', { vi: 'Nhiệm vụ, quyền hạn của cán bộ, công chức trực tiếp giải quyết công việc của Nhân dân; thủ tục hành chính', en: 'Duties of the officials who deal with citizens; administrative procedures' }, 'art. 11 cl. 4', true, true],
  ['funds_contributions', { vi: 'Quản lý, sử dụng các loại quỹ, khoản đầu tư, tài trợ; các khoản huy động Nhân dân đóng góp', en: 'Management of funds, investments and sponsorships; contributions raised from the people' }, 'art. 11 cl. 5', true, false],
  ['loans_social_support', { vi: 'Chủ trương, kế hoạch vay vốn; kết quả bình xét hộ được vay vốn, trợ cấp xã hội, nhà tình thương, thẻ bảo hiểm y tế', en: 'Loan programmes; selection of households for loans, social allowances, charity housing, health insurance cards' }, 'art. 11 cl. 6', true, false],
  ['administrative_boundaries', { vi: 'Đề án thành lập, nhập, chia, điều chỉnh địa giới đơn vị hành chính; thành lập, nhập, chia, đặt tên thôn, tổ dân phố', en: 'Plans to create, merge, split or re-bound administrative units; villages and residential groups' }, 'art. 11 cl. 7', true, false],
  ['inspection_results', { vi: 'Kết quả thanh tra, kiểm tra, giải quyết vụ việc tiêu cực, tham nhũng của cán bộ xã, thôn; kết quả lấy phiếu tín nhiệm', en: 'Results of inspections and of cases of misconduct or corruption of commune and village officials; confidence votes' }, 'art. 11 cl. 8', true, false],
  ['consultation_results', { vi: 'Nội dung và kết quả tiếp thu ý kiến của Nhân dân về những vấn đề xã đưa ra lấy ý kiến', en: 'What the people were consulted on and how their opinions were taken into account' }, 'art. 11 cl. 9', true, false],
  ['fees_charges', { vi: 'Đối tượng, mức thu các loại phí, lệ phí và nghĩa vụ tài chính khác do xã trực tiếp thu', en: 'Fees, charges and other financial obligations the commune collects' }, 'art. 11 cl. 10', true, true],
  ['complaints_results', { vi: 'Số lượng, kết quả giải quyết khiếu nại, tố cáo, kiến nghị, phản ánh thuộc thẩm quyền của xã', en: 'Number and outcome of complaints, denunciations, petitions and reflections the commune handled' }, 'art. 11 cl. 11', true, true],
  ['other_items', { vi: 'Nội dung khác theo quy định của pháp luật, theo yêu cầu của cơ quan nhà nước cấp trên hoặc chính quyền xã thấy cần thiết', en: 'Other items required by law or by a higher authority, or the commune deems necessary' }, 'art. 11 (last clause)', true, false],
];

/** How a commune publishes (Luật 10/2022/QH15 art. 12; not read: to confirm). */
const FORMS: [string, Names][] = [
  ['notice_board', { vi: 'Niêm yết tại trụ sở HĐND, UBND xã', en: 'Posted at the commune offices', ru: 'Вывешено в здании администрации', sv: 'Anslaget på kommunkontoret', id: 'Ditempel di kantor desa', pl: 'Wywieszone w urzędzie gminy', ar: 'معلق في مقر البلدية' }],
  ['portal', { vi: 'Đăng trên cổng, trang thông tin điện tử', en: 'Published on the web portal', ru: 'Опубликовано на портале', sv: 'Publicerat på webbportalen', id: 'Dimuat di portal web', pl: 'Opublikowane na portalu', ar: 'منشور على البوابة الإلكترونية' }],
  ['loudspeaker', { vi: 'Hệ thống truyền thanh xã', en: 'Commune loudspeaker system', ru: 'Громкоговорители коммуны', sv: 'Kommunens högtalarsystem', id: 'Pengeras suara desa', pl: 'Gminny system nagłośnienia', ar: 'مكبرات الصوت في البلدية' }],
  ['village_meeting', { vi: 'Hội nghị thôn, tổ dân phố', en: 'Village or residential group meeting', ru: 'Собрание деревни или квартала', sv: 'Bymöte eller kvartersmöte', id: 'Rapat dusun atau RT', pl: 'Zebranie wsi lub osiedla', ar: 'اجتماع القرية أو الحي' }],
  ['village_head', { vi: 'Qua Trưởng thôn, Tổ trưởng tổ dân phố', en: 'Through the village or group head', ru: 'Через старосту', sv: 'Genom byföreståndaren', id: 'Melalui kepala dusun', pl: 'Przez sołtysa', ar: 'عن طريق رئيس القرية' }],
  ['on_request', { vi: 'Cung cấp thông tin theo yêu cầu', en: 'Information given on request', ru: 'Информация по запросу', sv: 'Uppgifter på begäran', id: 'Informasi atas permintaan', pl: 'Informacja na wniosek', ar: 'معلومات عند الطلب' }],
  ['other', { vi: 'Hình thức khác', en: 'Other form', ru: 'Иная форма', sv: 'Annan form', id: 'Bentuk lain', pl: 'Inna forma', ar: 'شكل آخر' }],
];

/** What citizens discuss and decide (art. 15: clauses 1–3 read, the rest to confirm). */
const MATTERS: [string, Names, string, boolean, boolean][] = [
  ['infrastructure_contribution', { vi: 'Chủ trương, mức đóng góp xây dựng cơ sở hạ tầng, công trình công cộng', en: 'Contributions to infrastructure and public works', ru: 'Взносы на инфраструктуру', sv: 'Bidrag till infrastruktur', id: 'Iuran infrastruktur', pl: 'Składki na infrastrukturę', ar: 'المساهمة في البنية التحتية' }, 'art. 15 cl. 1', false, false],
  ['community_funds', { vi: 'Thu, chi, quản lý các khoản đóng góp, quỹ của cộng đồng ngoài quy định của pháp luật', en: 'Community contributions and funds beyond those set by law', ru: 'Общественные фонды', sv: 'Gemensamma fonder', id: 'Dana masyarakat', pl: 'Fundusze wspólnoty', ar: 'صناديق المجتمع' }, 'art. 15 cl. 2', false, false],
  ['village_covenant', { vi: 'Nội dung hương ước, quy ước của cộng đồng dân cư', en: 'Village covenant (hương ước, quy ước)', ru: 'Деревенский устав', sv: 'Bystadga', id: 'Peraturan adat desa', pl: 'Statut wsi', ar: 'ميثاق القرية' }, 'art. 15 cl. 3', false, true],
  ['village_head', { vi: 'Bầu, cho thôi làm Trưởng thôn, Tổ trưởng tổ dân phố', en: 'Electing or dismissing the village head', ru: 'Выборы старосты', sv: 'Val av byföreståndare', id: 'Pemilihan kepala dusun', pl: 'Wybór sołtysa', ar: 'انتخاب رئيس القرية' }, 'art. 15 cl. 4', true, false],
  ['board_members', { vi: 'Bầu, cho thôi làm thành viên Ban thanh tra nhân dân, Ban giám sát đầu tư của cộng đồng', en: 'Electing members of the inspection and investment supervision boards', ru: 'Выборы членов народных комиссий', sv: 'Val av ledamöter i tillsynsnämnderna', id: 'Pemilihan anggota dewan pengawas', pl: 'Wybór członków komisji nadzoru', ar: 'انتخاب أعضاء لجان الرقابة' }, 'art. 15 cl. 5', true, false],
  ['other_self_governed', { vi: 'Công việc tự quản khác trong nội bộ cộng đồng dân cư', en: 'Other self-governed matters of the community', ru: 'Иные вопросы самоуправления', sv: 'Andra självstyrda frågor', id: 'Urusan swakelola lainnya', pl: 'Inne sprawy samorządowe', ar: 'شؤون ذاتية أخرى' }, 'art. 15 cl. 6', true, false],
];

const json = (rows: [string, Names, ...unknown[]][]) => rows.map((r) => JSON.stringify(r[1]));

/**
 * Issue 16, slice D (docs/grassroots-democracy.md §5): what a commune makes public and what its
 * citizens decide. Catalogues as data with their legal source and `to_confirm`; a commune's
 * publications and citizens' decisions; the thresholds that decide `passed` (data, by date);
 * the public review; two summaries kept by triggers for the figures of a province's year.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table publication_items (
      code text primary key check (code ~ '^[a-z0-9_]{1,40}$'),
      names jsonb not null check (names ? 'vi'),
      legal_source text not null,
      to_confirm boolean not null,
      required_yearly boolean not null,
      deadline_days smallint check (deadline_days between 0 and 366),
      sort_order smallint not null
    )`.execute(db);
  await sql`
    insert into publication_items (code, names, legal_source, to_confirm, required_yearly, deadline_days, sort_order)
    select code, names, ${LAW} || ', ' || src, confirm, yearly, null, ord
    from unnest(${ITEMS.map((r) => r[0])}::text[], ${json(ITEMS)}::jsonb[], ${ITEMS.map((r) => r[2])}::text[], ${ITEMS.map((r) => r[3])}::boolean[], ${ITEMS.map((r) => r[4])}::boolean[])
      with ordinality as x(code, names, src, confirm, yearly, ord)`.execute(db);
  // The law's deadline to publish was not verified: a placeholder rule is seeded as data ("within
  // 30 days of the document") and those items are marked to confirm.
  await sql`update publication_items set deadline_days = 30, to_confirm = true where code in ('socioeconomic_plan', 'budget', 'fees_charges')`.execute(db);

  await sql`
    create table publication_forms (
      code text primary key check (code ~ '^[a-z0-9_]{1,40}$'),
      names jsonb not null check (names ? 'vi'),
      legal_source text not null,
      to_confirm boolean not null,
      sort_order smallint not null
    )`.execute(db);
  await sql`
    insert into publication_forms (code, names, legal_source, to_confirm, sort_order)
    select code, names, ${`${LAW}, art. 12`}, true, ord from unnest(${FORMS.map((r) => r[0])}::text[], ${json(FORMS)}::jsonb[]) with ordinality as x(code, names, ord)`.execute(db);

  await sql`
    create table citizen_matters (
      code text primary key check (code ~ '^[a-z0-9_]{1,40}$'),
      names jsonb not null check (names ? 'vi'),
      legal_source text not null,
      to_confirm boolean not null,
      is_covenant boolean not null,
      sort_order smallint not null
    )`.execute(db);
  await sql`
    insert into citizen_matters (code, names, legal_source, to_confirm, is_covenant, sort_order)
    select code, names, ${LAW} || ', ' || src, confirm, covenant, ord
    from unnest(${MATTERS.map((r) => r[0])}::text[], ${json(MATTERS)}::jsonb[], ${MATTERS.map((r) => r[2])}::text[], ${MATTERS.map((r) => r[3])}::boolean[], ${MATTERS.map((r) => r[4])}::boolean[])
      with ordinality as x(code, names, src, confirm, covenant, ord)`.execute(db);

  // The threshold in force on a date, for a matter and method (null = any); the most specific wins.
  // Shares are percentages; `strict` means "more than", as the 2008 rules said.
  await sql`
    create table decision_thresholds (
      id bigint generated by default as identity primary key,
      matter_code text references citizen_matters(code),
      method text check (method in ('meeting', 'household_ballot', 'online')),
      valid_from date not null,
      valid_to date,
      attendance_pct numeric(5, 2) not null check (attendance_pct between 0 and 100),
      approval_pct numeric(5, 2) not null check (approval_pct between 0 and 100),
      approval_basis text not null check (approval_basis in ('eligible', 'taking_part')),
      strict boolean not null,
      legal_source text not null,
      to_confirm boolean not null,
      check (valid_to is null or valid_to > valid_from)
    )`.execute(db);
  await sql`
    insert into decision_thresholds (matter_code, method, valid_from, attendance_pct, approval_pct, approval_basis, strict, legal_source, to_confirm)
    values (null, null, '2023-07-01', 50, 50, 'eligible', true,
      ${`${LAW} (in force 1/7/2023): more than 50 % of the households take part and more than 50 % of all households agree — seeded from the 2008 rules (NQLT 09/2008), the 2022 text not verified`}, true)`.execute(db);

  const common = sql.raw(`
      id bigint generated by default as identity primary key,
      unit_id bigint not null references units(id),
      unit_path ltree not null,
      public_state text not null default 'private' check (public_state in ('private', 'pending', 'approved')),
      reviewed_by bigint references users(id),
      reviewed_at timestamptz,
      created_by bigint references users(id),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      version integer not null default 1`);

  await sql`
    create table publications (${common},
      item_code text not null references publication_items(code),
      document_title text not null check (length(btrim(document_title)) between 1 and 500),
      document_date date not null,
      forms text[] not null check (cardinality(forms) between 1 and 10),
      published_on date not null check (published_on >= document_date),
      posted_until date check (posted_until >= published_on),
      evidence text check (length(evidence) <= 4000),
      late boolean not null default false
    )`.execute(db);
  await sql`create index publications_unit on publications (unit_id, published_on)`.execute(db);
  await sql`create index publications_path on publications using gist (unit_path)`.execute(db);
  await sql`create index publications_public on publications (unit_id) where public_state = 'approved'`.execute(db);

  await sql`
    create table citizen_decisions (${common},
      village text not null check (length(btrim(village)) between 1 and 300),
      matter_code text not null references citizen_matters(code),
      subject text not null check (length(btrim(subject)) between 1 and 500),
      method text not null check (method in ('meeting', 'household_ballot', 'online')),
      decided_on date not null,
      eligible_households integer not null check (eligible_households between 1 and 1000000),
      households_taking_part integer not null check (households_taking_part between 0 and eligible_households),
      in_favour integer not null check (in_favour >= 0),
      against integer not null check (against >= 0),
      threshold_id bigint references decision_thresholds(id),
      passed boolean not null,
      result_published_on date check (result_published_on >= decided_on),
      result_form text references publication_forms(code),
      approved_on date check (approved_on >= decided_on),
      approval_number text check (length(approval_number) <= 200),
      check (in_favour + against <= households_taking_part)
    )`.execute(db);
  await sql`create index citizen_decisions_unit on citizen_decisions (unit_id, decided_on)`.execute(db);
  await sql`create index citizen_decisions_public on citizen_decisions (unit_id) where public_state = 'approved'`.execute(db);

  // The summaries of a unit's year, kept by row triggers: a commune writes a few rows a month.
  await sql`
    create table grassroots_item_years (
      unit_id bigint not null references units(id),
      year smallint not null,
      item_code text not null references publication_items(code),
      publications integer not null,
      late integer not null,
      primary key (unit_id, year, item_code)
    )`.execute(db);
  await sql`
    create table grassroots_decision_years (
      unit_id bigint not null references units(id),
      year smallint not null,
      decisions integer not null,
      passed integer not null,
      covenants integer not null,
      primary key (unit_id, year)
    )`.execute(db);

  await sql`
    create function grassroots_item_years_keep() returns trigger language plpgsql set search_path = public as $$
    begin
      if tg_op in ('UPDATE', 'DELETE') then
        update grassroots_item_years set publications = publications - 1, late = late - old.late::int
        where unit_id = old.unit_id and year = extract(year from old.published_on) and item_code = old.item_code;
      end if;
      if tg_op in ('UPDATE', 'INSERT') then
        insert into grassroots_item_years as g (unit_id, year, item_code, publications, late)
        values (new.unit_id, extract(year from new.published_on), new.item_code, 1, new.late::int)
        on conflict (unit_id, year, item_code) do update set publications = g.publications + 1, late = g.late + excluded.late;
      end if;
      return null;
    end $$`.execute(db);
  await sql`
    create trigger grassroots_item_years_keep after insert or delete or update of unit_id, published_on, item_code, late on publications
    for each row execute function grassroots_item_years_keep()`.execute(db);

  await sql`
    create function grassroots_decision_years_keep() returns trigger language plpgsql set search_path = public as $$
    declare covenant boolean;
    begin
      if tg_op in ('UPDATE', 'DELETE') then
        select is_covenant into covenant from citizen_matters where code = old.matter_code;
        update grassroots_decision_years set decisions = decisions - 1, passed = passed - old.passed::int,
          covenants = covenants - (covenant and old.passed and old.approved_on is not null)::int
        where unit_id = old.unit_id and year = extract(year from old.decided_on);
      end if;
      if tg_op in ('UPDATE', 'INSERT') then
        select is_covenant into covenant from citizen_matters where code = new.matter_code;
        insert into grassroots_decision_years as g (unit_id, year, decisions, passed, covenants)
        values (new.unit_id, extract(year from new.decided_on), 1, new.passed::int, (covenant and new.passed and new.approved_on is not null)::int)
        on conflict (unit_id, year) do update
          set decisions = g.decisions + 1, passed = g.passed + excluded.passed, covenants = g.covenants + excluded.covenants;
      end if;
      return null;
    end $$`.execute(db);
  await sql`
    create trigger grassroots_decision_years_keep after insert or delete or update of unit_id, decided_on, matter_code, passed, approved_on on citizen_decisions
    for each row execute function grassroots_decision_years_keep()`.execute(db);
}
