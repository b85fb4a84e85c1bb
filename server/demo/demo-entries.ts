/**
 * Loads the demo entries (demo-entries.data.ts) through the entries service, walking each one
 * through its lifecycle, so the demo shows real transitions, progress, evaluations and
 * replication. Idempotent: an entry that exists (same unit, year and title) is left alone.
 */
import { sql } from 'kysely';
import type { Db } from '../db/database.js';
import { AppError } from '../errors.js';
import { SYSTEM_ACTOR } from '../http/access.js';
import type { Ctx } from '../http/context.js';
import { createEntry } from '../modules/entries/entries.service.js';
import { applyAction } from '../modules/entries/entry-lifecycle.service.js';
import { addProgress } from '../modules/entries/entry-progress.service.js';
import { addReplicate } from '../modules/entries/entry-replication.service.js';
import { titleKey } from '../modules/entries/entry-rules.js';
import { DEMO_ENTRIES, type DemoEntry } from './demo-entries.data.js';
import { currentProvince, firstCommunes } from './demo-units.js';

const REASONS = {
  return: 'Đề nghị bổ sung số liệu kết quả cụ thể và minh chứng.',
  withdraw: 'Đơn vị đề nghị rút để gộp vào mô hình chung của xã.',
} as const;

async function resolveUnit(db: Db, e: DemoEntry): Promise<string | undefined> {
  if (e.district) {
    const d = await db.selectFrom('units').select('id').where('kind', '=', 'district').where('name', '=', e.district).executeTakeFirst();
    return d?.id;
  }
  const province = await currentProvince(db, e.province);
  if (!province) return undefined;
  let unitId = province.id;
  if (e.commune !== undefined) {
    const commune = (await firstCommunes(db, province.id, e.commune + 1))[e.commune];
    if (!commune) return undefined;
    unitId = commune.id;
  }
  // Before 1 July 2025 today's communes and merged provinces did not exist: an entry of an earlier
  // year belongs to the unit of that time, the (main) predecessor of today's unit.
  // (Back as many steps as it takes: a ward listed under another district on 1 January 2025 was
  // another unit before, docs/units.md.)
  const unit = await db.selectFrom('units').select(['valid_from']).where('id', '=', unitId).executeTakeFirstOrThrow();
  if (unit.valid_from && unit.valid_from > `${e.year}-12-31`) {
    let at = { id: unitId, validFrom: unit.valid_from as string | null };
    while (at.validFrom && at.validFrom > `${e.year}-12-31`) {
      const predecessor = await db
        .selectFrom('unit_successions as s')
        .innerJoin('units as p', 'p.id', 's.predecessor_id')
        .select(['s.predecessor_id', 'p.valid_from'])
        .where('s.successor_id', '=', at.id)
        .orderBy(sql`s.kind = 'whole' or s.kind = 'unchanged'`, 'desc')
        .orderBy('s.predecessor_id')
        .executeTakeFirst();
      if (!predecessor) return undefined;
      at = { id: predecessor.predecessor_id, validFrom: predecessor.valid_from };
    }
    return at.id;
  }
  if (e.org) {
    const org = await db.selectFrom('units').select('id').where('parent_id', '=', unitId).where('kind', '=', e.org).executeTakeFirst();
    if (org) unitId = org.id;
  }
  return unitId;
}

export async function loadDemoEntries(db: Db, ctx: Ctx): Promise<{ entries: number }> {
  const actor = SYSTEM_ACTOR;
  let created = 0;
  const ids = new Map<string, string>();
  for (const e of DEMO_ENTRIES) {
    const unitId = await resolveUnit(db, e);
    if (!unitId) continue;
    const existing = await db.selectFrom('entries').select('id').where('registering_unit_id', '=', unitId).where('year', '=', e.year).where('title_key', '=', titleKey(e.title)).executeTakeFirst();
    if (existing) {
      ids.set(e.title, existing.id);
      continue;
    }
    let bundle = await createEntry(ctx, actor, {
      registeringUnitId: unitId,
      level: e.level,
      kind: e.kind,
      form: e.form,
      fieldCode: e.field,
      year: e.year,
      title: e.title,
      description: e.description,
      goals: null,
      results: null,
      participants: null,
      resourcesOther: null,
      moneyVnd: e.moneyVnd ?? null,
      workingDays: e.workingDays ?? null,
      landM2: e.landM2 ?? null,
      participantsCount: e.participantsCount ?? null,
      startDate: `${e.year}-03-01`,
      endDate: `${e.year}-12-31`,
      implementers: [],
    });
    const id = bundle.entry.id;
    ids.set(e.title, id);
    created++;
    for (const action of e.path) {
      const version = bundle.entry.version;
      if (action === 'evaluate') {
        const score = e.score ?? 70;
        bundle = await applyAction(ctx, actor, id, action, { version, effective: score >= 70, score });
      } else if (action === 'return' || action === 'withdraw') {
        bundle = await applyAction(ctx, actor, id, action, { version, reason: REASONS[action] });
      } else {
        bundle = await applyAction(ctx, actor, id, action, { version });
      }
      if (action === 'start') {
        bundle = await addProgress(ctx, actor, id, { onDate: `${e.year}-06-15`, note: 'Sơ kết 6 tháng: triển khai đúng kế hoạch, nhân dân đồng tình hưởng ứng.' });
      }
    }
  }
  for (const e of DEMO_ENTRIES) {
    const replica = ids.get(e.title);
    const source = e.replicates ? ids.get(e.replicates) : undefined;
    if (!replica || !source) continue;
    const linked = await db.selectFrom('entry_replications').select('source_entry_id').where('source_entry_id', '=', source).where('replica_entry_id', '=', replica).executeTakeFirst();
    if (linked) continue;
    try {
      await addReplicate(ctx, actor, replica, source);
    } catch (err) {
      // A source not (yet) recognised in this data set is simply not linked.
      if (!(err instanceof AppError)) throw err;
    }
  }
  return { entries: created };
}
