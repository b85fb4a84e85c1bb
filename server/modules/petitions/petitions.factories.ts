/** Test factories of petitions: rows written straight with SQL, with sensible defaults. */
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { type PetitionKind, type PetitionStatus, PRIVACY_NOTICE_VERSION } from '../../../common/petitions.js';
import type { Db } from '../../db/database.js';
import { hashSecret, newTrackingCode } from './tracking-code.js';

export type BuildPetition = {
  unitId: string;
  handlingUnitId?: string;
  kind?: PetitionKind;
  status?: PetitionStatus;
  title?: string;
  submitterName?: string | null;
  receivedOn?: string;
  dueOn?: string;
  closedAt?: Date;
  secret?: string;
};

/** A petition received by `unitId` (numbered past any real intake: from 100 000 up). */
export async function buildPetition(db: Db, input: BuildPetition) {
  const unit = await db.selectFrom('units').select(['path']).where('id', '=', input.unitId).executeTakeFirstOrThrow();
  const handling = input.handlingUnitId ? await db.selectFrom('units').select(['id', 'path']).where('id', '=', input.handlingUnitId).executeTakeFirstOrThrow() : { id: input.unitId, path: unit.path };
  const status = input.status ?? 'received';
  const closed = ['resolved', 'rejected', 'transferred_out'].includes(status);
  const closedAt = closed ? (input.closedAt ?? new Date()) : null;
  const receivedOn = input.receivedOn ?? '2026-11-02';
  const name = input.submitterName === undefined ? 'Nguyễn Văn An' : input.submitterName;
  const { rows } = await sql<{ n: number }>`select greatest(coalesce(max(number), 0), 99999)::int + 1 as n from petitions where unit_id = ${input.unitId} and year = ${Number(receivedOn.slice(0, 4))}`.execute(db);
  return db
    .insertInto('petitions')
    .values({
      unit_id: input.unitId,
      unit_path: unit.path,
      year: Number(receivedOn.slice(0, 4)),
      number: rows[0]!.n,
      kind: input.kind ?? 'recommendation',
      channel: 'in_person',
      anonymous: name === null,
      submitter_name: name,
      submitter_contact: name === null ? null : '0912345678',
      submitter_id_number: name === null ? null : '001085012345',
      submitter_address: name === null ? null : 'Số 5, ngõ 12',
      category_code: 'land',
      title: input.title ?? `Kiến nghị ${randomBytes(3).toString('hex')}`,
      content: 'Đề nghị xem xét việc cấp giấy chứng nhận quyền sử dụng đất.',
      status,
      handling_unit_id: handling.id,
      handling_unit_path: handling.path,
      received_on: receivedOn,
      due_on: input.dueOn ?? '2026-11-16',
      closed_on: closedAt ? closedAt.toISOString().slice(0, 10) : null,
      closed_at: closedAt,
      tracking_code: newTrackingCode(),
      secret_hash: hashSecret(input.secret ?? 'AAAA-BBBB-CCCC'),
    })
    .returning(['id', 'version', 'tracking_code', 'title'])
    .executeTakeFirstOrThrow();
}

/** The base64 body of an attachment. */
export const attachment = (fileName: string, data: Buffer) => ({ fileName, dataBase64: data.toString('base64') });

/** The consent every public submission carries (the notice in force, accepted). */
export const PUBLIC_CONSENT = { accepted: true, noticeVersion: PRIVACY_NOTICE_VERSION };
