/**
 * The citizen's side, without an account: submit a recommendation to a commune or province, and
 * look a petition up by its tracking code and secret. A wrong secret and an unknown code get the
 * same answer after the same work (the hash is computed and compared either way), so the answer
 * says nothing about whether the code exists.
 */
import { type LookupBody, PETITION_LIMITS, type PublicIntakeBody, type PublicStatus, type Receipt } from '../../../common/petitions.js';
import type { z } from 'zod';
import { AppError } from '../../errors.js';
import type { Actor } from '../../http/access.js';
import type { Ctx } from '../../http/context.js';
import { findUnitById } from '../units/units.repository.js';
import * as repo from './petitions.repository.js';
import { checkCommon, createPetition, invalid } from './petitions.service.js';
import { todayInVietnam } from '../commendations/commendations.service.js';
import { normaliseCode, secretMatches } from './tracking-code.js';

/** Administrative units a citizen may address: provinces and communes in force. */
const ADDRESSABLE = ['province', 'commune'];

/** The one answer to every failed lookup. */
const notFound = () => new AppError('NOT_FOUND', 'No petition matches this code and secret', { what: 'petition' });
// The hash of an arbitrary secret, compared against when the code is unknown.
const DUMMY_HASH = '0'.repeat(64);

/** Who the audit trail names for a public submission: nobody signed in, from this address. */
export const publicActor = (ip: string | null, requestId: string | null): Actor => ({ userId: null, username: 'public', grants: [], ip, requestId });

export async function submitPublic(ctx: Ctx, actor: Actor, input: PublicIntakeBody): Promise<Receipt> {
  const issues: { path: string; message: string; code?: string }[] = [];
  const unit = await findUnitById(ctx.db, input.unitId);
  if (!unit || unit.retired || !ADDRESSABLE.includes(unit.kind)) issues.push({ path: 'body.unitId', message: 'must be a province or commune in force' });
  await checkCommon(ctx.db, { ...input, kind: 'recommendation' }, issues);
  if (issues.length) throw invalid(issues);
  return createPetition(ctx, actor, {
    ...input,
    kind: 'recommendation',
    channel: 'online',
    unit: unit!,
    concernedUnitId: null,
    receivedOn: todayInVietnam(),
    maxAttachmentBytes: PETITION_LIMITS.publicAttachmentBytes,
  });
}

export async function lookupPublic(ctx: Ctx, input: z.infer<typeof LookupBody>): Promise<PublicStatus> {
  const row = await repo.findByTrackingCode(ctx.db, normaliseCode(input.code));
  const matches = secretMatches(input.secret, row?.secret_hash ?? DUMMY_HASH);
  if (!row || !matches) throw notFound();
  return { code: row.tracking_code, status: row.status, receivedOn: row.received_on, dueOn: row.due_on, closedOn: row.closed_on, publicReply: row.public_reply };
}

/** The categories, and provinces or the communes of a province, for the public form's choice of addressee. */
export async function publicForm(ctx: Ctx, parentId?: string) {
  const [categories, units] = await Promise.all([repo.findCategories(ctx.db), repo.findAddressableUnits(ctx.db, parentId)]);
  return { categories: categories.map((c) => ({ code: c.code, names: c.names, sortOrder: c.sort_order })), units };
}
