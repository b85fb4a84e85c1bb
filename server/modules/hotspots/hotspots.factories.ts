/** Test factories of hotspots: rows written straight with SQL, with sensible defaults. */
import type { Db } from '../../db/database.js';

const unitPath = async (db: Db, id: string) => (await db.selectFrom('units').select('path').where('id', '=', id).executeTakeFirstOrThrow()).path;

export type BuildHotspot = {
  unitId: string;
  title?: string;
  kind?: string;
  severity?: number;
  status?: 'emerging' | 'handling' | 'stabilised' | 'closed';
  confidential?: boolean;
  readerRoles?: string[];
  /** Hours from now until the flash report is due (negative: overdue). */
  dueInHours?: number;
  acknowledged?: boolean;
  occurredAt?: Date;
};

/** A case with its flash report in the timeline. */
export async function buildHotspot(db: Db, input: BuildHotspot) {
  const severity = input.severity ?? 2;
  const status = input.status ?? 'emerging';
  const now = Date.now();
  const row = await db
    .insertInto('hotspots')
    .values({
      unit_id: input.unitId,
      unit_path: await unitPath(db, input.unitId),
      place: 'Thôn Đông, trụ sở Ủy ban nhân dân xã',
      kind_code: input.kind ?? 'land_dispute',
      title: input.title ?? 'Tranh chấp đất đai giữa các hộ dân về bồi thường',
      summary: 'Khoảng 30 hộ dân kiến nghị về giá bồi thường, hỗ trợ tái định cư',
      people_count: 30,
      severity,
      status,
      occurred_at: input.occurredAt ?? new Date(now - 3_600_000),
      closed_at: status === 'closed' ? new Date(now) : null,
      confidential: input.confidential ?? false,
      reader_roles: input.confidential ? (input.readerRoles ?? ['approver']) : null,
      ack_due_at: new Date(now + (input.dueInHours ?? 24) * 3_600_000),
      acknowledged_at: input.acknowledged ? new Date(now) : null,
      seen_severity: severity,
    })
    .returning(['id', 'version'])
    .executeTakeFirstOrThrow();
  await db.insertInto('hotspot_updates').values({ hotspot_id: row.id, kind: 'flash_report', at: new Date(now), by_user: null, text: 'Báo cáo nhanh', status_to: status, severity_to: severity }).execute();
  return row;
}
