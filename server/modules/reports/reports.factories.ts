/** Test factories of the report engine: entries and commendations written straight, in bulk, with every dimension set. */
import { randomBytes } from 'node:crypto';
import type { EntryForm, EntryKind, EntryLevel, EntryStatus } from '../../../common/entries.js';
import type { Db } from '../../db/database.js';
import { titleKey } from '../entries/entry-rules.js';

export type ReportEntry = {
  unitId: string;
  year: number;
  fieldCode?: string;
  kind?: EntryKind;
  form?: EntryForm;
  level?: EntryLevel;
  status?: EntryStatus;
  typical?: boolean;
  /** Default: 15 March of `year` for any status but draft (the trigger leaves it to the writer when given). */
  registeredOn?: string | null;
  replicationCount?: number;
};

/** Inserts the entries in one statement; returns their ids in order. */
export async function buildReportEntries(db: Db, entries: ReportEntry[]): Promise<string[]> {
  if (!entries.length) return [];
  const ids = [...new Set(entries.map((e) => e.unitId))];
  const units = new Map((await db.selectFrom('units').select(['id', 'path']).where('id', 'in', ids).execute()).map((u) => [u.id, u.path]));
  const rows = entries.map((e) => {
    const title = `Mô hình ${randomBytes(5).toString('hex')}`;
    const status = e.status ?? 'registered';
    return {
      registering_unit_id: e.unitId,
      unit_path: units.get(e.unitId)!,
      level: e.level ?? 'commune',
      kind: e.kind ?? 'model',
      form: e.form ?? 'collective',
      field_code: e.fieldCode ?? 'economic',
      year: e.year,
      title,
      title_key: titleKey(title),
      status,
      recognised_typical: e.typical ?? false,
      replication_count: e.replicationCount ?? 0,
      registered_on: e.registeredOn !== undefined ? e.registeredOn : status === 'draft' ? null : `${e.year}-03-15`,
    };
  });
  const out = await db.insertInto('entries').values(rows).returning(['id']).execute();
  return out.map((r) => r.id);
}

export type ReportCommendation = { unitId: string; decisionDate: string; individual?: boolean; formCode?: string };

export async function buildReportCommendations(db: Db, items: ReportCommendation[]): Promise<void> {
  if (!items.length) return;
  const ids = [...new Set(items.map((c) => c.unitId))];
  const units = new Map((await db.selectFrom('units').select(['id', 'path']).where('id', 'in', ids).execute()).map((u) => [u.id, u.path]));
  await db
    .insertInto('commendations')
    .values(
      items.map((c) => ({
        recipient_kind: c.individual ? ('individual' as const) : ('collective' as const),
        recipient_unit_id: c.individual ? null : c.unitId,
        recipient_name: c.individual ? 'Nguyễn Thị Hoa' : null,
        form_code: c.formCode ?? 'certificate_of_merit',
        issuing_unit_id: c.unitId,
        unit_id: c.unitId,
        unit_path: units.get(c.unitId)!,
        decision_number: `${randomBytes(2).toString('hex')}/QĐ-UBND`,
        decision_date: c.decisionDate,
        year: Number(c.decisionDate.slice(0, 4)),
      })),
    )
    .execute();
}
