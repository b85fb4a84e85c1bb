/** Test factories of entries: rows written straight to the database, in any status. */
import { createHash, randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import type { EntryLevel, EntryStatus } from '../../../common/entries.js';
import type { Db } from '../../db/database.js';
import { titleKey } from './entry-rules.js';

export type BuildEntry = {
  unitId: string;
  level?: EntryLevel;
  status?: EntryStatus;
  title?: string;
  year?: number;
  fieldCode?: string;
  evaluationEffective?: boolean | null;
};

export async function buildEntry(db: Db, input: BuildEntry) {
  const unit = await db.selectFrom('units').select(['path', 'kind']).where('id', '=', input.unitId).executeTakeFirstOrThrow();
  const title = input.title ?? `Mô hình ${randomBytes(4).toString('hex')}`;
  const status = input.status ?? 'draft';
  const evaluated = status === 'evaluated' || status === 'recognised';
  const row = await db
    .insertInto('entries')
    .values({
      registering_unit_id: input.unitId,
      unit_path: unit.path,
      level: input.level ?? (unit.kind === 'province' ? 'province' : 'commune'),
      kind: 'model',
      form: 'collective',
      field_code: input.fieldCode ?? 'economic',
      year: input.year ?? 2026,
      title,
      title_key: titleKey(title),
      status,
      evaluation_effective: input.evaluationEffective === undefined ? (evaluated ? true : null) : input.evaluationEffective,
      evaluation_score: evaluated ? '80' : null,
      recognised_typical: status === 'recognised',
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return row;
}

export async function buildEvidence(db: Db, entryId: string, input: { fileName?: string; data?: Buffer; contentType?: string } = {}) {
  const data = input.data ?? Buffer.concat([Buffer.from('%PDF-1.4\n'), randomBytes(16)]);
  return db
    .insertInto('entry_evidence')
    .values({
      entry_id: entryId,
      file_name: input.fileName ?? 'bien-ban.pdf',
      content_type: input.contentType ?? 'application/pdf',
      size_bytes: data.length,
      sha256: createHash('sha256').update(data).digest('hex'),
      data,
    })
    .returning(['id'])
    .executeTakeFirstOrThrow();
}

/** Links `replicaId` to `sourceId` and counts it on the source, as the service does. */
export async function buildReplication(db: Db, replicaId: string, sourceId: string) {
  await db.insertInto('entry_replications').values({ replica_entry_id: replicaId, source_entry_id: sourceId }).execute();
  await db.updateTable('entries').set({ replication_count: sql`replication_count + 1` }).where('id', '=', sourceId).execute();
}

/** A multipart/form-data body with one file in the field `file`. */
export function multipartFile(fileName: string, data: Buffer, contentType = 'application/octet-stream', field = 'file') {
  const boundary = `----danvan${randomBytes(8).toString('hex')}`;
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${fileName}"\r\nContent-Type: ${contentType}\r\n\r\n`);
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return { payload: Buffer.concat([head, data, tail]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

export const SAMPLE_FILES = {
  jpeg: Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from('JFIF'), randomBytes(64)]),
  png: Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), randomBytes(64)]),
  webp: Buffer.concat([Buffer.from('RIFF'), Buffer.from([0x40, 0, 0, 0]), Buffer.from('WEBPVP8 '), randomBytes(64)]),
  pdf: Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(64)]),
  exe: Buffer.concat([Buffer.from('MZ'), randomBytes(64)]),
};
