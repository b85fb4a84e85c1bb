/** Test factories of reporting rounds: rows written straight with SQL, with sensible defaults. */
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from '../../db/database.js';

const pathOf = async (db: Db, unitId: string) => (await db.selectFrom('units').select('path').where('id', '=', unitId).executeTakeFirstOrThrow()).path;

export const SAMPLE_SECTIONS = [
  { key: 'figures', kind: 'figures' as const, title: { vi: 'Số liệu', en: 'Figures' } },
  { key: 'results', kind: 'text' as const, title: { vi: 'Kết quả thực hiện', en: 'Results' } },
  { key: 'difficulties', kind: 'text' as const, title: { vi: 'Khó khăn, vướng mắc', en: 'Difficulties' } },
];

/** A template of `unitId` with a figures section and two text sections. */
export async function buildReportTemplate(db: Db, input: { unitId: string; name?: string }) {
  return db
    .insertInto('report_templates')
    .values({ unit_id: input.unitId, unit_path: await pathOf(db, input.unitId), name: input.name ?? `Mẫu báo cáo ${randomBytes(3).toString('hex')}`, sections: JSON.stringify(SAMPLE_SECTIONS) })
    .returning(['id', 'version'])
    .executeTakeFirstOrThrow();
}

/** A quarterly schedule of `unitId` (due 10 days after the quarter, shifted to a working day). */
export async function buildReportingSchedule(db: Db, input: { unitId: string; templateId: string; targetKinds?: string[] }) {
  return db
    .insertInto('reporting_schedules')
    .values({
      unit_id: input.unitId,
      unit_path: await pathOf(db, input.unitId),
      name: 'Báo cáo quý',
      period_kind: 'quarter',
      due_offset_days: 10,
      template_id: input.templateId,
      target_kinds: input.targetKinds ?? ['commune'],
    })
    .returning(['id'])
    .executeTakeFirstOrThrow();
}

export type BuildRound = {
  unitId: string;
  /** Participant units (default: none); each gets `dueOn`. */
  participantIds?: string[];
  title?: string;
  periodFrom?: string;
  periodTo?: string;
  dueOn?: string;
  status?: 'open' | 'closed';
  targetKinds?: string[];
};

/** A round of `unitId` with its own template and the given participants (pending). */
export async function buildRound(db: Db, input: BuildRound) {
  const template = await buildReportTemplate(db, { unitId: input.unitId });
  const dueOn = input.dueOn ?? '2026-10-10';
  const round = await db
    .insertInto('reporting_rounds')
    .values({
      opening_unit_id: input.unitId,
      opening_path: await pathOf(db, input.unitId),
      template_id: template.id,
      title: input.title ?? `Báo cáo quý III/2026 ${randomBytes(3).toString('hex')}`,
      period_from: input.periodFrom ?? '2026-07-01',
      period_to: input.periodTo ?? '2026-09-30',
      due_on: dueOn,
      target_kinds: input.targetKinds ?? ['commune'],
      status: input.status ?? 'open',
      closed_at: input.status === 'closed' ? sql<Date>`now()` : null,
    })
    .returning(['id', 'title', 'version'])
    .executeTakeFirstOrThrow();
  for (const unitId of input.participantIds ?? []) {
    await db.insertInto('round_participants').values({ round_id: round.id, unit_id: unitId, unit_path: await pathOf(db, unitId), due_on: dueOn }).execute();
  }
  return { ...round, templateId: template.id };
}

/** A draft submission of a participant (`status` submitted gives it today's day). */
export async function buildSubmission(db: Db, input: { roundId: string; unitId: string; status?: 'draft' | 'submitted'; submittedOn?: string }) {
  const submittedOn = input.status === 'submitted' ? (input.submittedOn ?? '2026-10-01') : null;
  const row = await db
    .insertInto('round_submissions')
    .values({ round_id: input.roundId, unit_id: input.unitId, status: input.status ?? 'draft', figures: JSON.stringify({}), submitted_on: submittedOn })
    .returning(['id', 'version'])
    .executeTakeFirstOrThrow();
  await db
    .updateTable('round_participants')
    .set({ state: input.status ?? 'draft', submission_id: row.id, submitted_on: submittedOn })
    .where('round_id', '=', input.roundId)
    .where('unit_id', '=', input.unitId)
    .execute();
  return row;
}
