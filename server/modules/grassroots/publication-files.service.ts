/**
 * The evidence files of a publication (docs/grassroots-democracy.md §5): added and hidden by whoever
 * writes the publication (data.write on its commune or the commune's Front committee), read by
 * whoever reads it. Bytes in PostgreSQL with their SHA-256; removal only hides, as a policy
 * document's attachments. A file never changes the publication itself — its version, its public
 * state (a file is never public) or the figures — and the public page never serves it.
 */
import { GRASSROOTS_FILE_LIMITS } from '../../../common/grassroots-files.js';
import { AppError } from '../../errors.js';
import type { Actor } from '../../http/access.js';
import type { Ctx } from '../../http/context.js';
import { recordAudit } from '../audit/audit.repository.js';
import type { Upload } from '../entries/evidence.service.js';
import { checkEvidenceFile, tooManyFiles } from './evidence-file-check.js';
import * as repo from './publication-files.repository.js';
import { getPublication, writableUnit } from './grassroots.service.js';

const MAX = GRASSROOTS_FILE_LIMITS.filesPerPublication;
const fileNotFound = (id: string) => new AppError('NOT_FOUND', `Publication file ${id} not found`, { what: 'publication_file', id });

/**
 * Adds a file to a publication the actor writes. `readUpload` is called only after the permission
 * check, so a refused caller's upload is never read into memory.
 */
export async function addPublicationFile(ctx: Ctx, actor: Actor, publicationId: string, readUpload: () => Promise<Upload>): Promise<repo.PublicationFileRecord> {
  const publication = await getPublication(ctx, actor, publicationId);
  await writableUnit(ctx, actor, publication.unit_id);
  if ((await repo.countFiles(ctx.db, publicationId)) >= MAX) throw tooManyFiles(MAX, 'publication');
  const file = await checkEvidenceFile(await readUpload());
  return ctx.db.transaction().execute(async (trx) => {
    await repo.lockPublication(trx, publicationId);
    if ((await repo.countFiles(trx, publicationId)) >= MAX) throw tooManyFiles(MAX, 'publication');
    const item = await repo.insertFile(trx, { publicationId, fileName: file.fileName, contentType: file.contentType, data: file.data, sha256: file.sha256, userId: actor.userId });
    await recordAudit(trx, actor, {
      action: 'publication.file.add',
      recordType: 'publication',
      recordId: publicationId,
      unitId: publication.unit_id,
      after: { evidenceId: item.id, fileName: file.fileName, contentType: file.contentType, sizeBytes: item.size_bytes, sha256: file.sha256 },
    });
    return item;
  });
}

/** A file and its publication, when the actor reads the publication; NOT_FOUND otherwise (never a hint it exists). */
async function readableFile(ctx: Ctx, actor: Actor, id: string) {
  const item = await repo.findFile(ctx.db, id);
  if (!item) throw fileNotFound(id);
  try {
    return { item, publication: await getPublication(ctx, actor, item.publication_id) };
  } catch {
    throw fileNotFound(id);
  }
}

/** A file with its bytes, read with the publication's read permission. */
export async function getPublicationFile(ctx: Ctx, actor: Actor, id: string): Promise<repo.PublicationFileRecord & { data: Buffer }> {
  const { item } = await readableFile(ctx, actor, id);
  const data = await repo.findFileData(ctx.db, id);
  if (!data) throw fileNotFound(id);
  return { ...item, data };
}

/** Hides a file: kept in the database, no longer listed or served (FORBIDDEN to a reader who does not write the publication). */
export async function hidePublicationFile(ctx: Ctx, actor: Actor, id: string): Promise<void> {
  const { item, publication } = await readableFile(ctx, actor, id);
  await writableUnit(ctx, actor, publication.unit_id);
  await ctx.db.transaction().execute(async (trx) => {
    await repo.lockPublication(trx, publication.id);
    if (!(await repo.hideFile(trx, id, actor.userId))) throw fileNotFound(id);
    await recordAudit(trx, actor, {
      action: 'publication.file.hide',
      recordType: 'publication',
      recordId: publication.id,
      unitId: publication.unit_id,
      before: { evidenceId: id, fileName: item.file_name },
    });
  });
}
