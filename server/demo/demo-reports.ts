/**
 * Demo records from before the 1 July 2025 restructure, so a report on a current province shows
 * at once the entries and commendations of the districts and communes it took in (attributed
 * through `units.current_id`, docs/reports.md): for each demo province, models registered in
 * 2021–2024 by retired districts, by communes merged whole and by a commune merged in part, and
 * commendations across the years. Through the services (lifecycle, audit), like the other demo
 * entries; idempotent by unit, year and title.
 */
import { sql } from 'kysely';
import type { EntryForm, EntryKind, EntryLevel } from '../../common/entries.js';
import type { Db } from '../db/database.js';
import { SYSTEM_ACTOR } from '../http/access.js';
import type { Ctx } from '../http/context.js';
import { createCommendation } from '../modules/commendations/commendations.service.js';
import { createEntry } from '../modules/entries/entries.service.js';
import { applyAction } from '../modules/entries/entry-lifecycle.service.js';
import { titleKey } from '../modules/entries/entry-rules.js';
import { currentProvince } from './demo-units.js';

/** Hà Nội (kept, its districts abolished), Ninh Bình (took in Hà Nam and Nam Định), Huế. */
const PROVINCES = ['01', '37', '46'];

type Source = 'district' | 'whole' | 'partial';
type Plan = { source: Source; nth: number; year: number; kind: EntryKind; form: EntryForm; field: string; title: string; steps: ('accept' | 'start' | 'evaluate' | 'recognise')[] };

/** Per province: what the retired units registered (the n-th unit of each sort, by official code). */
const PLAN: Plan[] = [
  { source: 'district', nth: 0, year: 2021, kind: 'model', form: 'collective', field: 'economic', title: 'Dồn điền đổi thửa, xây dựng cánh đồng lớn', steps: ['accept', 'start', 'evaluate', 'recognise'] },
  { source: 'district', nth: 0, year: 2024, kind: 'model', form: 'collective', field: 'defense_security', title: 'Khu dân cư an toàn về an ninh trật tự', steps: ['accept', 'start'] },
  { source: 'whole', nth: 0, year: 2021, kind: 'model', form: 'collective', field: 'cultural_social', title: 'Xây dựng khu dân cư kiểu mẫu', steps: ['accept', 'start', 'evaluate', 'recognise'] },
  { source: 'whole', nth: 1, year: 2022, kind: 'typical_example', form: 'individual', field: 'economic', title: 'Gương nông dân sản xuất, kinh doanh giỏi giúp hộ nghèo', steps: ['accept', 'start', 'evaluate', 'recognise'] },
  { source: 'whole', nth: 2, year: 2023, kind: 'model', form: 'collective', field: 'economic', title: 'Hiến đất, góp công làm đường giao thông nông thôn', steps: ['accept', 'start', 'evaluate'] },
  { source: 'partial', nth: 0, year: 2023, kind: 'model', form: 'collective', field: 'defense_security', title: 'Tổ hòa giải ở cơ sở hoạt động hiệu quả', steps: ['accept', 'start', 'evaluate', 'recognise'] },
];

/** Commendations of the same retired units: form, year, collective or a named person. */
const AWARDS: { source: Source; nth: number; date: string; form: string; person?: string; reason: string }[] = [
  { source: 'district', nth: 0, date: '2022-01-15', form: 'commendation_certificate', reason: 'Đã có thành tích xuất sắc trong phong trào thi đua “Dân vận khéo” năm 2021' },
  { source: 'whole', nth: 1, date: '2023-01-18', form: 'certificate_of_merit', person: 'Nguyễn Văn Thắng', reason: 'Gương nông dân sản xuất, kinh doanh giỏi năm 2022' },
  { source: 'partial', nth: 0, date: '2024-01-12', form: 'certificate_of_merit', reason: 'Làm tốt công tác hòa giải ở cơ sở năm 2023' },
];

/** The retired units of each kind that now count under `provincePath`, by official code. */
async function retiredUnits(db: Db, provincePath: string): Promise<Record<Source, { id: string; name: string; kind: string }[]>> {
  const { rows } = await sql<{ id: string; name: string; kind: string; attribution: string }>`
    select id::text, name, kind, attribution from units
    where current_path <@ ${provincePath}::ltree and valid_to = '2025-07-01' and kind in ('district', 'commune')
      -- Units in force through 2021–2024 (not one listed under another district only in 2025).
      and (valid_from is null or valid_from <= '2021-01-01')
    order by code, id`.execute(db);
  return {
    district: rows.filter((r) => r.kind === 'district'),
    whole: rows.filter((r) => r.kind === 'commune' && r.attribution === 'whole'),
    partial: rows.filter((r) => r.kind === 'commune' && r.attribution === 'partial'),
  };
}

export async function loadDemoReportData(db: Db, ctx: Ctx): Promise<{ entries: number; commendations: number }> {
  const actor = SYSTEM_ACTOR;
  let entries = 0;
  let commendations = 0;
  for (const code of PROVINCES) {
    const province = await currentProvince(db, code);
    if (!province) continue;
    const path = (await db.selectFrom('units').select(sql<string>`path::text`.as('path')).where('id', '=', province.id).executeTakeFirstOrThrow()).path;
    const units = await retiredUnits(db, path);
    for (const p of PLAN) {
      const unit = units[p.source][p.nth];
      if (!unit) continue;
      const title = `${p.title} (${unit.name})`;
      const exists = await db.selectFrom('entries').select('id').where('registering_unit_id', '=', unit.id).where('year', '=', p.year).where('title_key', '=', titleKey(title)).executeTakeFirst();
      if (exists) continue;
      const level: EntryLevel = unit.kind === 'district' ? 'district' : 'commune';
      let bundle = await createEntry(ctx, actor, {
        registeringUnitId: unit.id,
        level,
        kind: p.kind,
        form: p.form,
        fieldCode: p.field,
        year: p.year,
        title,
        description: `Mô hình của ${unit.name} trước khi sắp xếp đơn vị hành chính (1/7/2025).`,
        goals: null,
        results: null,
        participants: null,
        resourcesOther: null,
        moneyVnd: null,
        workingDays: null,
        landM2: null,
        participantsCount: null,
        startDate: `${p.year}-03-01`,
        endDate: `${p.year}-12-31`,
        implementers: [],
      });
      const id = bundle.entry.id;
      bundle = await applyAction(ctx, actor, id, 'submit', { version: bundle.entry.version });
      for (const step of p.steps) {
        const body = step === 'evaluate' ? { version: bundle.entry.version, effective: true, score: 85 } : { version: bundle.entry.version };
        bundle = await applyAction(ctx, actor, id, step, body);
      }
      // Registered in the spring of its year, as it was at the time (the lifecycle above ran today).
      await db.updateTable('entries').set({ registered_on: `${p.year}-03-15` }).where('id', '=', id).execute();
      entries++;
    }
    for (const a of AWARDS) {
      const unit = units[a.source][a.nth];
      if (!unit) continue;
      const decisionNumber = `${a.date.slice(2, 4)}${a.nth}${a.source.length}-QĐ/${code}`;
      const exists = await db.selectFrom('commendations').select('id').where('unit_id', '=', unit.id).where('decision_number', '=', decisionNumber).executeTakeFirst();
      if (exists) continue;
      // Issued at the time by the province the unit then belonged to (its province-level ancestor).
      const issuer = (await sql<{ id: string }>`select subpath(path, 1, 1)::text as id from units where id = ${unit.id}`.execute(db)).rows[0]!.id;
      const common = { issuingUnitId: issuer, formCode: a.form, decisionNumber, decisionDate: a.date, reason: a.reason };
      await createCommendation(
        ctx,
        actor,
        a.person ? { recipientKind: 'individual', name: a.person, position: 'Hội viên Hội Nông dân', unitId: unit.id, ...common } : { recipientKind: 'collective', unitId: unit.id, ...common },
      );
      commendations++;
    }
  }
  return { entries, commendations };
}
