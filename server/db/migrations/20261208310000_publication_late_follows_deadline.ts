import { type Kysely, sql } from 'kysely';

/**
 * A publication's `late` is stored (the yearly counts `grassroots_item_years` are kept from it), but
 * the deadline it is judged by is data to be corrected when the law is read (`publication_items.
 * deadline_days`, docs/grassroots-democracy.md §5, §8). So a corrected deadline re-judges the
 * publications of that item: the same rule as the service's (published more than the days after the
 * document), and the counts follow through the publications' own row trigger.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create function publication_items_deadline_changed() returns trigger language plpgsql as $$
    begin
      update publications p
        set late = (new.deadline_days is not null and p.published_on > p.document_date + new.deadline_days)
        where p.item_code = new.code
          and p.late is distinct from (new.deadline_days is not null and p.published_on > p.document_date + new.deadline_days);
      return null;
    end $$`.execute(db);
  await sql`
    create trigger publication_items_deadline after update of deadline_days on publication_items
      for each row when (old.deadline_days is distinct from new.deadline_days)
      execute function publication_items_deadline_changed()`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop trigger if exists publication_items_deadline on publication_items`.execute(db);
  await sql`drop function if exists publication_items_deadline_changed()`.execute(db);
}
