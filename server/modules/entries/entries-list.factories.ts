/** Test factories of entries: rows written straight to the database (the lifecycle is not applied). */
import { randomBytes } from 'node:crypto';
import type { EntryForm, EntryKind, EntryLevel, EntryStatus } from '../../../common/entries.js';
import type { Db } from '../../db/database.js';
import { titleKey } from './entry-rules.js';

export type BuildEntry = {
  unitId: string;
  title?: string;
  description?: string | null;
  level?: EntryLevel;
  kind?: EntryKind;
  form?: EntryForm;
  fieldCode?: string;
  year?: number;
  periodId?: string | null;
  status?: EntryStatus;
  recognisedTypical?: boolean;
  replicationCount?: number;
  updatedAt?: Date;
};

/** An entry registered by `unitId`; the level defaults to the unit's own kind when it is a level. */
export async function buildEntry(db: Db, input: BuildEntry) {
  const unit = await db.selectFrom('units').select(['path', 'kind']).where('id', '=', input.unitId).executeTakeFirstOrThrow();
  const title = input.title ?? `Mô hình ${randomBytes(4).toString('hex')}`;
  const level = input.level ?? (unit.kind === 'province' || unit.kind === 'district' ? unit.kind : 'commune');
  const now = input.updatedAt ?? new Date();
  return db
    .insertInto('entries')
    .values({
      registering_unit_id: input.unitId,
      unit_path: unit.path,
      level,
      kind: input.kind ?? 'model',
      form: input.form ?? 'collective',
      field_code: input.fieldCode ?? 'economic',
      year: input.year ?? 2025,
      period_id: input.periodId ?? null,
      title,
      description: input.description ?? null,
      status: input.status ?? 'draft',
      recognised_typical: input.recognisedTypical ?? false,
      replication_count: input.replicationCount ?? 0,
      title_key: titleKey(title),
      created_at: now,
      updated_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** The emulation period holding `year` (the migration seeds 2016–2020, 2021–2025, 2026–2030). */
export async function periodOf(db: Db, year: number): Promise<string> {
  const row = await db.selectFrom('emulation_periods').select('id').where('start_year', '<=', year).where('end_year', '>=', year).executeTakeFirstOrThrow();
  return row.id;
}
