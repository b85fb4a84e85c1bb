/** Test factories of a commune's publications and citizens' decisions: rows written straight, with sensible defaults. */
import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../../db/database.js';

const unitPath = async (db: Db, id: string) => (await db.selectFrom('units').select('path').where('id', '=', id).executeTakeFirstOrThrow()).path;

export async function buildPublication(
  db: Db,
  input: { unitId: string; itemCode?: string; documentTitle?: string; documentDate?: string; publishedOn?: string; late?: boolean; publicState?: 'private' | 'pending' | 'approved' },
) {
  const publishedOn = input.publishedOn ?? '2026-03-10';
  return db
    .insertInto('publications')
    .values({
      unit_id: input.unitId,
      unit_path: await unitPath(db, input.unitId),
      item_code: input.itemCode ?? 'budget',
      document_title: input.documentTitle ?? 'Nghị quyết dự toán ngân sách xã năm 2026',
      document_date: input.documentDate ?? publishedOn,
      forms: ['notice_board'],
      published_on: publishedOn,
      posted_until: null,
      evidence: null,
      late: input.late ?? false,
      public_state: input.publicState ?? 'private',
      reviewed_by: null,
      reviewed_at: null,
      created_by: null,
    })
    .returning(['id', 'version'])
    .executeTakeFirstOrThrow();
}

export async function buildDecision(
  db: Db,
  input: { unitId: string; village?: string; matterCode?: string; decidedOn?: string; passed?: boolean; publicState?: 'private' | 'pending' | 'approved'; approvedOn?: string | null },
) {
  return db
    .insertInto('citizen_decisions')
    .values({
      unit_id: input.unitId,
      unit_path: await unitPath(db, input.unitId),
      village: input.village ?? 'Thôn Đông',
      matter_code: input.matterCode ?? 'infrastructure_contribution',
      subject: 'Mức đóng góp làm đường bê tông liên thôn',
      method: 'meeting',
      decided_on: input.decidedOn ?? '2026-04-05',
      eligible_households: 200,
      households_taking_part: 150,
      in_favour: 130,
      against: 20,
      threshold_id: null,
      passed: input.passed ?? true,
      result_published_on: null,
      result_form: null,
      approved_on: input.approvedOn ?? null,
      approval_number: null,
      public_state: input.publicState ?? 'private',
      reviewed_by: null,
      reviewed_at: null,
      created_by: null,
    })
    .returning(['id', 'version'])
    .executeTakeFirstOrThrow();
}

/** An evidence file of a publication (a small PDF), written straight. */
export async function buildPublicationFile(db: Db, publicationId: string, fileName = 'anh-bang-tin.pdf') {
  const data = Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(64)]);
  return db
    .insertInto('publication_files')
    .values({ publication_id: publicationId, file_name: fileName, content_type: 'application/pdf', size_bytes: data.length, sha256: createHash('sha256').update(data).digest('hex'), data })
    .returning(['id'])
    .executeTakeFirstOrThrow();
}
